"""The tags page: material's listings by role, by sales stage and by area."""
