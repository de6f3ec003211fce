"""My progress: what a browser recorded, the completion slip, and the trainer's roster."""
