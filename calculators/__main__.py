"""`python -m calculators …`: see calculators/cli.py."""

import gc
import sys

# What the start makes (argparse, pydantic's models, then polars) lives to the end of the run: no collection while
# starting, and runners.collecting() freezes it out of the collector's sight before the rows (the collections of a
# 1M-row file run took 55–82 ms, 8–10 ms so; measured with gc.callbacks).
gc.disable()

from .cli import main  # noqa: E402

sys.exit(main())
