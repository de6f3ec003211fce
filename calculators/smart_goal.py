"""The SMART goal checker: which of the SMART criteria (and an owner) a goal meets, in Chinese or English.

A criterion is met when any of its patterns occurs in the goal, after NFKC normalisation (full-width
digits and letters become ASCII) and ignoring case. The patterns live in playbook_data/checkers/ and the
page's checker (docs/assets/javascripts/smart-goal.js) reads the same ones, so both must mean the same
in Python's `re` and JavaScript's `RegExp`: the constructs that differ between the two (\\d, \\w, \\b and
their negations, look-behind, named groups, inline flags) are refused when the file is read.
The patterns are cues, not a judge: the page says so.
"""

import re
import unicodedata

from pydantic import Field, field_validator

from .errors import InputError
from .models import Key, NonEmptyStr, Strict, Tagged, Text

# Constructs Python and JavaScript read differently: refuse them rather than let the two checkers drift.
NOT_PORTABLE = re.compile(r"\\[dDwWbB]|\(\?<[=!]|\(\?P|\(\?[aiLmsux]")


class Criterion(Strict):
    key: Key = Field(description="the criterion's key, such as 'measurable'")
    title: Text = Field(description="the criterion's name in both languages")
    patterns: list[NonEmptyStr] = Field(min_length=1, description="regular expressions; any match meets it")
    rewrite: Text = Field(description="what to add when the goal misses it, in both languages")

    @field_validator("patterns")
    @classmethod
    def _portable(cls, patterns):
        for pattern in patterns:
            if NOT_PORTABLE.search(pattern):
                raise ValueError(f"pattern '{pattern}' uses \\d, \\w, \\b, look-behind, a named group or an "
                                 "inline flag; expected [0-9], explicit classes and plain groups, which "
                                 "Python and JavaScript read alike")
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"pattern '{pattern}' is not a regular expression ({error})") from None
        return patterns


class GoalChecker(Tagged):
    """A file in playbook_data/checkers/: the criteria a goal is checked against, in order."""

    intro: Text | None = Field(default=None, description="one or two sentences shown above the box")
    criteria: list[Criterion] = Field(min_length=1, description="the criteria, in the order shown")


def normalise(goal: str) -> str:
    return unicodedata.normalize("NFKC", goal)


def check(goal, checker: GoalChecker) -> dict:
    """{"met": [keys], "missing": [keys]} in the checker's order."""
    if not isinstance(goal, str):
        raise InputError("goal is not text; expected the goal as one line of text")
    text = normalise(goal)
    met = [c.key for c in checker.criteria
           if text.strip() and any(re.search(p, text, re.IGNORECASE) for p in c.patterns)]
    return {"met": met, "missing": [c.key for c in checker.criteria if c.key not in met]}
