"""What every page of the site gets: the language head, offline polyfill, Chinese line breaks, the installable
app, and `mkdocs serve`'s conversion cache."""
