""""My progress": what this browser recorded, and the completion slip (assets/javascripts/progress.js)."""

from playbook.core.addresses import folder, relative
from playbook.core.page import PageContext
from playbook.progress.progress import outline


def progress(macros) -> str:
    page, here = PageContext.of(macros.env), macros.env.page.url
    home = relative(here, folder(page.lang) + "index.html")
    return macros.render("progress.html", page, outline=outline(macros.book, page.lang),
                         scripts=relative(here, "assets/javascripts"), root=home[: -len("index.html")] or "./")


MACROS = {"progress": progress}
