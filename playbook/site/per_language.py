"""Keep the two languages apart where static-i18n mixes them in the page head (search: playbook/search/events.py).

static-i18n gives every page `<link rel="alternate" hreflang>` tags to its translation. Material's script
takes each such link for a language root and fetches `sitemap.xml` beside it (a 404 on every page but the
home), and they are relative, which search engines reject. The same pairs are in `sitemap.xml` with
absolute addresses, which search engines accept as well, so `overrides/main.html` drops the head tags with
the filter registered here. The page for a missing address (404.html) is one for both languages: the default
language's build makes it, as its search reads that language's index, and its switcher leads to each home page.
"""

import re

from playbook.core import static_i18n

_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_env(env, **kwargs):
    env.filters["without_language_alternates"] = lambda head: _HEAD_ALTERNATE.sub("", head)
    return env


def on_pre_build(config):
    """404.html is written where every language's build writes it, the site's root: only the default language's
    build makes it, else the last language built would put its header over the default language's search."""
    if static_i18n.current_language(config) == static_i18n.languages(config)[0]:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")


def on_template_context(context, template_name, config):
    """The page for a missing address (404.html) has no translation: its language switcher leads to each
    language's home page, not to the translations of the page static-i18n rendered last."""
    if template_name == "404.html":
        config.extra.alternate = static_i18n.language_homes(config)  # as static-i18n sets it, where the theme reads it
    return context
