"""Booklets by role: every checklist and sheet a role uses, in one printable page."""
