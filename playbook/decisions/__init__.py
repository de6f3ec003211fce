"""Decision trees: "what do I do now?", clickable on screen and a flowchart in print."""
