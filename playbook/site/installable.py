"""The site as an app a phone can install and read offline: a web app manifest per language and a service
worker (`sw.js` at the site root) made with Workbox (npm workbox-sw 7, shipped in
assets/javascripts/vendor/workbox/, loaded from there, never from a CDN).

The worker precaches the site's look and its scripts, both search indexes and both home pages, with a
revision hash of each file (so a rebuild that changes nothing changes nothing), and keeps every page a
reader opens (network first, the cached copy when the network is gone). It runs only where browsers allow
workers: https or localhost. The zip opened from file:// works as before, without it.
"""

import hashlib
import json
from pathlib import Path

WORKBOX = "assets/javascripts/vendor/workbox/"
PRECACHE = ("assets/**/*.css", "assets/javascripts/*.js", "assets/javascripts/bundle.*.js",
            "search/search_index.json", "en/search/search_index.json", "index.html", "en/index.html",
            "assets/favicon.svg")
WORKER = """importScripts("{workbox}workbox-sw.js");
workbox.setConfig({{ modulePathPrefix: "{workbox}", debug: false }});
self.skipWaiting();
workbox.core.clientsClaim();
workbox.precaching.precacheAndRoute({entries});
workbox.routing.registerRoute(({{ request }}) => request.mode === "navigate",
  new workbox.strategies.NetworkFirst({{ cacheName: "pages" }}));
workbox.routing.registerRoute(({{ request }}) => ["style", "script", "image", "font"].includes(request.destination),
  new workbox.strategies.StaleWhileRevalidate({{ cacheName: "assets" }}));
"""


def manifest(lang: str, name: str) -> dict:
    return {"name": name, "short_name": name, "lang": lang, "start_url": "./" if lang == "zh" else f"./{lang}/",
            "scope": "./", "display": "standalone", "background_color": "#ffffff", "theme_color": "#3f51b5",
            "icons": [{"src": "assets/favicon.svg", "sizes": "any", "type": "image/svg+xml"}]}


def precache(site: Path) -> list[dict]:
    files = sorted({p for pattern in PRECACHE for p in site.glob(pattern) if p.is_file()})
    return [{"url": p.relative_to(site).as_posix(), "revision": hashlib.sha256(p.read_bytes()).hexdigest()[:16]}
            for p in files]


_DEFAULT_NAME = {}  # the default language's site name, as mkdocs.yml gives it before static-i18n switches


def on_config(config, **kwargs):
    _DEFAULT_NAME["zh"] = config.site_name


def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    names = {"zh": _DEFAULT_NAME.get("zh", config.site_name), "en": _english_name(config)}
    for lang, file in (("zh", "manifest.webmanifest"), ("en", "manifest.en.webmanifest")):
        (site / file).write_text(json.dumps(manifest(lang, names[lang]), ensure_ascii=False, indent=1),
                                 encoding="utf-8")
    entries = json.dumps(precache(site), separators=(",", ":"))
    (site / "sw.js").write_text(WORKER.format(workbox=WORKBOX, entries=entries), encoding="utf-8")


def _english_name(config) -> str:
    i18n = config.plugins.get("i18n")
    languages = getattr(getattr(i18n, "config", None), "languages", None) or []
    for language in languages:
        if getattr(language, "locale", None) == "en" and getattr(language, "site_name", None):
            return language.site_name
    return config.site_name
