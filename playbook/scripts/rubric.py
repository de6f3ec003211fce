"""A role-play card's observer rubric as a scorecard widget: the card's criteria and weights, the shared
ratings and tiers of playbook_data/rubrics/roleplay.yml. The browser scores it with the calculator widgets'
scripts (calculators/scorecard/formula.js, widget.js), the very engine calculators/scorecard/__init__.py mirrors."""

import json

RUBRIC_ID = "rubric.roleplay"
# What the rubric's scripts say themselves: the scorecard result labels, messages, the count of open criteria
SAID = ("calc-r-", "calc-err-", "calc-js-")


def rubric_widget(book, card, lang: str) -> dict:
    """`rubric`, the widget id, `config` and `strings` (JSON for data- attributes) of one card."""
    rubric = book.get("rubric", RUBRIC_ID)
    card_scorecard = rubric.scorecard_of(card)
    config = {"calculator": "scorecard", "scorecard": card.id, "rubric": True,
              "data": {"scorecards": {card.id: card_scorecard.model_dump(mode="json")}}}
    strings = {k: v[lang] for k, v in book.strings.starting_with(SAID).items()}
    return {"rubric": rubric, "widget": f"rubric-{card.id}", "config": json.dumps(config, ensure_ascii=False),
            "strings": json.dumps(strings, ensure_ascii=False, sort_keys=True)}  # in any file: by key
