"""A warning for a column of percentages whose values may be shares: `score` watches each percent criterion."""

from .batch import LINES_SHOWN, Summary, line_list


class ShareOrPercent:
    """Watches a column of percentages (22 for 22 %) for plain values below 1, which look like shares
    (0.22): both kinds in one column is a warning, never a silent guess."""

    # Lines kept of each kind, the first by line number: all a warning shows.
    KEEP = LINES_SHOWN + 1

    def __init__(self, name: str):
        self.name, self.share, self.percent = name, [], []

    def see(self, line: int, cell, value: float):
        written = cell if isinstance(cell, str) else None
        if written is not None and "%" in written or abs(value) >= 1:
            self.add("percent", [(line, cell)])
        elif value != 0:
            self.add("share", [(line, cell)])

    def add(self, kind: str, seen: list):
        """(line, cell) pairs of a kind, in any order (the fast path sees a batch's rows in two sets)."""
        kept = getattr(self, kind)
        if len(kept) < self.KEEP or seen and min(line for line, _ in seen) < kept[-1][0]:
            kept.extend(seen)
            kept.sort(key=lambda pair: pair[0])
            del kept[self.KEEP:]

    def warn(self, summary: Summary):
        if self.share and self.percent:
            summary.say("summary-mixed", name=f"'{self.name}'", share=self.share[0][1], percent=self.percent[0][1],
                        lines=line_list([n for n, _ in self.share]))
