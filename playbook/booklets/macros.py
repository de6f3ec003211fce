"""Booklets by role: docs/booklets/<role>.md and its index."""

from playbook.booklets.booklets import booklet, booklet_index

MACROS = {"booklet": booklet, "booklet_index": booklet_index}
# UI strings named from a prefix and a value (playbook/core/ui_strings.py)
UI_FAMILIES = {"booklet-kind-": ("checklist", "sheet")}
