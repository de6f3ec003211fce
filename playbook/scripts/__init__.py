"""Scripts and role plays, with the observer's rubric."""
