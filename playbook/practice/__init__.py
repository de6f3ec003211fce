"""Practice cards with spaced repetition, drawn from the playbook's items."""
