"""Scripts (what to say, step by step) and role-play cards with the observer's rubric."""


def script(macros, item_id: str) -> str:
    page, item = macros.item("script", item_id)
    return macros.render("script.html", page, script=item)


def roleplay(macros, item_id: str) -> str:
    page, item = macros.item("roleplay", item_id)
    macros.env.page.meta["calculators"] = True  # the observer rubric's scripts (overrides/main.html)
    return macros.render("roleplay.html", page, card=item)


MACROS = {"script": script, "roleplay": roleplay}
