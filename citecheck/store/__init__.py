"""Files citecheck keeps for itself (caches): how they are opened and versioned."""
