"""The registry stage: look references up in Crossref and doi.org (:mod:`.resolve`),
cache and rate-limit the requests, and compare records with references (:mod:`.matching`)."""
