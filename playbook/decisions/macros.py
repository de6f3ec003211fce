""""What do I do now?": a decision tree, clickable on screen and a one-page flowchart in print."""

from playbook.core.addresses import page_url, relative, source


def decision_tree(macros, item_id: str) -> str:
    page, tree = macros.item("decision", item_id)
    links = {n.id: relative(macros.env.page.url, page_url(source(n.page, page.lang)))
             for n in tree.nodes if n.page}
    return macros.render("decision_tree.html", page, tree=tree, links=links)


MACROS = {"decision_tree": decision_tree}
