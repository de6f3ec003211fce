""""My progress": what this browser recorded, and the completion slip (assets/javascripts/progress.js)."""

from playbook.core.page import PageContext
from playbook.printables.printing import relative
from playbook.progress.progress import outline


def progress(macros) -> str:
    page, here = PageContext.of(macros.env), macros.env.page.url
    home = relative(here, ("" if page.lang == "zh" else f"{page.lang}/") + "index.html")
    return macros.render("progress.html", page, outline=outline(macros.book, page.lang),
                         scripts=relative(here, "assets/javascripts"), root=home[: -len("index.html")] or "./")


MACROS = {"progress": progress}
