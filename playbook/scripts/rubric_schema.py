"""The observer rubric every role-play card is rated with: the ratings (good, fair, poor) and the tiers.

A card's observer criteria and their weights, with these ratings as the scale and these tiers, make a
scorecard for calculators/scorecard/__init__.py (and its browser twin): one engine scores customers and role-plays.
"""

from pydantic import Field, ValidationError, field_validator

from calculators.models import FieldError, Key
from calculators.scorecard import Criterion, Scale, Scorecard, Tier
from playbook.core.schema.common import DataFile, Item, Strict, Text


class Rating(Strict):
    key: Key = Field(description="the rating's key, such as 'good'")
    title: Text = Field(description="the rating's name in both languages")
    points: int = Field(ge=0, le=10, description="the points it gives, 0 to 10")


class Rubric(Item, DataFile):
    """playbook_data/rubrics/<id>.yml: how observers rate a role-play."""

    title: Text = Field(description="the rubric's title in both languages")
    intro: Text = Field(description="how the observer uses it, in one or two sentences")
    ratings: list[Rating] = Field(min_length=2, description="the ratings, most points first, the last 0")
    tiers: list[Tier] = Field(min_length=1, description="the tiers of the 0–100 score, highest first")

    @field_validator("ratings")
    @classmethod
    def _most_points_first(cls, ratings):
        points = [r.points for r in ratings]
        if any(b >= a for a, b in zip(points, points[1:])) or points[-1] != 0:
            raise ValueError(f"the ratings give {points} points; expected the most points first, "
                             "each fewer than the one before, the last 0")
        return ratings

    @field_validator("tiers")
    @classmethod
    def _tiers_a_scorecard_accepts(cls, tiers):
        # The scorecard engine's own rules: highest first, the last reached by a score of 0
        try:
            Scorecard(id="rubric.check", title=Text(zh="检查", en="check"), sources=["practice"],
                      covers=["team.training"], criteria=[Criterion(key="c1", title=Text(zh="检查", en="check"),
                                                                   weight=1)], tiers=tiers)
        except ValidationError as error:  # reported at the tier at fault, as a scorecard's would be
            first = error.errors()[0]
            path = getattr(first.get("ctx", {}).get("error"), "path", ("tiers",))[1:]
            raise FieldError(path, first["msg"].removeprefix("Value error, ")) from None
        return tiers

    def scorecard_of(self, card) -> Scorecard:
        """The scorecard of a role-play card: criterion k is 'c<k>', rated within the ratings' points."""
        return Scorecard(
            id=card.id, title=self.title, sources=list(card.sources), covers=list(card.covers),
            scale=Scale(min=self.ratings[-1].points, max=self.ratings[0].points), normalise=True,
            criteria=[Criterion(key=f"c{k}", title=Text(zh=c.zh, en=c.en), weight=c.weight)
                      for k, c in enumerate(card.observer_checklist, start=1)],
            tiers=self.tiers)
