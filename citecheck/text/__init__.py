"""Language and text knowledge shared by every stage, one copy each: name keys and
surname particles, years and no-date phrases, DOI patterns, Unicode folding, the lexicon
and section headings. Imports only :mod:`citecheck.model`."""
