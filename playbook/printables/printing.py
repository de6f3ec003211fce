"""What a printed checklist or sheet carries at its foot: its online address and a QR code to it."""

import functools
import re
from urllib.parse import urlsplit

import segno
from markupsafe import Markup

from playbook.core.addresses import page_language
from playbook.core.homes import HOME_EXCLUDED
from playbook.core.page import log


def absolute(site_url: str, url: str) -> str:
    """The address of a site-relative URL under `site_url` (mkdocs.yml, from $SITE_URL)."""
    return site_url.rstrip("/") + "/" + url


def published(site_url: str) -> bool:
    """Whether `site_url` is an address others can reach: not empty, not this machine (127.x, localhost)."""
    host = urlsplit(site_url or "").hostname or ""
    return bool(host) and host != "localhost" and not host.startswith("127.") and host not in ("::1", "0.0.0.0")


@functools.lru_cache(maxsize=4)
def warn_unpublished(site_url: str) -> None:
    """Say once per build process why printed sheets carry no QR code. At INFO level: `--strict` fails on
    any warning, and a local build without an address is what `make serve` and `make test` do."""
    log.info(f"site_url is '{site_url}', not a published address: printed checklists, sheets and booklets "
             "carry no QR code or online address. Build with SITE_URL set to the site's address, e.g. "
             "SITE_URL=https://sales.example.com/playbook/ make pdf")


def online(site_url: str, url: str) -> dict:
    """`address` and `qr` of a page for print, both None when `site_url` is not a published address."""
    if not published(site_url):
        warn_unpublished(site_url)
        return {"address": None, "qr": None}
    address = absolute(site_url, url)
    return {"address": address, "qr": qr_svg(address)}


def breakable(address: str) -> Markup:
    """An address that wraps only after a `/`: each part between slashes kept whole (print.css: nowrap,
    since a line would otherwise break at a hyphen), a <wbr> after each slash that ends a part."""
    parts = re.split("(?<=/)(?!/)", address)
    return Markup("<wbr>").join(Markup("<span>{}</span>").format(part) for part in parts)


@functools.lru_cache(maxsize=512)
def qr_svg(address: str) -> Markup:
    """An inline SVG QR code of `address`, sized by CSS (no width/height of its own)."""
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(border=2, omitsize=True, dark="#000", light="#fff", svgclass="pb-qr",
                          title=address)
    return Markup(svg.replace("<svg ", '<svg role="img" aria-label="QR" ', 1))


def footer_context(env, homes: dict, kind: str, item_id: str) -> dict:
    """`address` and `qr` for the foot of an item: the page being built; in a booklet, the item's home."""
    page, home = env.page, env.page.url
    if page.file.src_uri.startswith(HOME_EXCLUDED):
        lang = page_language(page.file.src_uri)
        home = homes.get((kind, item_id, lang), home)
    return online(env.conf.get("site_url") or "", home)

