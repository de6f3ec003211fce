"""Reading paths: a new salesperson's first week, ticked day by day."""

from playbook.paths.paths import path

MACROS = {"path": path}
