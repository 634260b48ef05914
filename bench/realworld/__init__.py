"""Real-world corpora: manifests of public documents (never the documents), materialisation
and measurement harnesses (see each corpus's README)."""
