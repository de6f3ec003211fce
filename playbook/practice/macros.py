"""Practice cards with spaced repetition (assets/javascripts/practice.js)."""

from playbook.core.addresses import relative
from playbook.core.page import PageContext
from playbook.practice.cards import DECKS, cards


def practice_cards(macros) -> str:
    page = PageContext.of(macros.env)
    deck = cards(macros.book, page.lang)
    counts = {name: sum(1 for c in deck if c["deck"] == name) for name in DECKS}
    scripts = relative(macros.env.page.url, "assets/javascripts")
    return macros.render("practice_cards.html", page, cards=deck, counts=counts, scripts=scripts)


MACROS = {"practice_cards": practice_cards}
