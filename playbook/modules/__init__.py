"""Modules: a page's introduction and summary, its frameworks, self-checks and exercises."""
