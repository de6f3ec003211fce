"""Search in the page's language: the per-language indexes and the query rewrite in front of material's worker."""
