"""The shared cell vectors (tests/vectors/cells/) and the total rows people write, for the engine's tests."""

import json
from pathlib import Path

VECTORS = Path(__file__).parent.parent / "vectors"
TOTALS = ["合计", "总计：", "小 计", "Total", "SUBTOTAL", "t o t a l", "合　计"]


def cases(name: str) -> list:
    """The cases of tests/vectors/cells/<name>.json."""
    return json.loads((VECTORS / "cells" / f"{name}.json").read_text(encoding="utf-8"))["cases"]
