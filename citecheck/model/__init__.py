"""The data every stage hands to the next: documents, links, registry resolutions,
findings, settings and errors. Imports nothing else of citecheck."""
