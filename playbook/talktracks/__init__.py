"""Talk tracks: one on its module's page, and the index of all of them by sales stage."""
