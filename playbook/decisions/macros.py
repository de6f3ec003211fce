""""What do I do now?": a decision tree, clickable on screen and a one-page flowchart in print."""

from playbook.printables.printing import page_url, relative


def decision_tree(macros, item_id: str) -> str:
    page, tree = macros.item("decision", item_id)
    links = {n.id: relative(macros.env.page.url, page_url(n.page if page.lang == "zh" else
                                                            n.page[:-3] + f".{page.lang}.md"))
             for n in tree.nodes if n.page}
    return macros.render("decision_tree.html", page, tree=tree, links=links)


MACROS = {"decision_tree": decision_tree}
