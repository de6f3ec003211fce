"""A page whose HTML changed, but nothing else the theme shows of it, gets the page the theme rendered before with
the new HTML put in place of the old, instead of going through the theme's templates again.

After a UI string edit, 78 pages' HTML changes (the lesson overview) while their title, metadata, table of
contents, place and the site are as before (playbook/site/page_cache.py keys them): rendering them was a fifth of
the rebuild, material's header and tabs the most of it. The theme reads a page's HTML in two places only
(material's partials/content.html): `{{ page.content }}`, which writes it as it is, and `"<h1" not in
page.content`, whether it writes a heading of its own. So where the old HTML stands exactly once in the page
rendered before and the new HTML holds a `<h1` just when the old did, the new page is the old one with the HTML
swapped; else the page is rendered by its template as usual. The HTML compared is the one the theme was given
(after every on_page_context), and every on_post_page still runs on the result.

Why by hand: MkDocs renders every page through the theme. tests/site/test_theme_splice.py lists every place the
theme's templates read the page's HTML, so a theme upgrade that reads it elsewhere fails there, and
tests/site/test_serve_rebuilds.py holds spliced pages to a fresh build's.
"""

from jinja2 import pass_context

SPLICED = "playbook-spliced.html"  # the template of a page spliced into its earlier rendering
SOURCE = "{{ playbook_spliced() }}"


def prepare(page, output: str, content: str) -> None:
    """Render `page` by splicing its HTML into `output`, rendered before with `content`."""
    page.playbook_splice = (output, content, page.meta.get("template"))
    page.meta["template"] = SPLICED


def spliced(output: str, old: str, new: str) -> str | None:
    """`output` with `new` in place of `old`, or None when the theme would have written more than the swap."""
    at = output.find(old)
    if not old or at < 0 or output.find(old, at + 1) >= 0 or ("<h1" in old) != ("<h1" in new):
        return None
    return output[:at] + new + output[at + len(old):]


@pass_context
def render(context) -> str:
    page = context["page"]
    output, content, template = page.__dict__.pop("playbook_splice")
    if template is None:
        del page.meta["template"]
    else:
        page.meta["template"] = template
    made = spliced(output, content, page.content)
    if made is None:
        made = context.environment.get_template(template or "main.html").render(context.get_all())
    return made
