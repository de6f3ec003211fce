"""Keep the two languages apart where static-i18n mixes them in the page head (search: playbook/search/events.py).

static-i18n gives every page `<link rel="alternate" hreflang>` tags to its translation. Material's script
takes each such link for a language root and fetches `sitemap.xml` beside it (a 404 on every page but the
home), and they are relative, which search engines reject. The same pairs are in `sitemap.xml` with
absolute addresses, which search engines accept as well, so `overrides/main.html` drops the head tags with
the filter registered here.
"""

import re

_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_env(env, **kwargs):
    env.filters["without_language_alternates"] = lambda head: _HEAD_ALTERNATE.sub("", head)
    return env
