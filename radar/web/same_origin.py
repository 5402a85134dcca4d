"""Whether a form posted to the app's own light pages (/deltag, /styr) came from another site.

The pages are plain forms, so a page elsewhere could post them with the
visitor's cookies; the browser says where a form came from (``Sec-Fetch-Site``,
``Origin``), and both pages refuse what did not come from themselves.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

from starlette.requests import Request

from radar import signins
from radar.web import browser

__all__ = ["from_elsewhere"]

#: What a browser's ``Sec-Fetch-Site`` says of the page's own forms. "none" is a
#: navigation the person started (a bookmark, a typed address): no other site made it.
_OWN_FETCH_SITES: Final = frozenset({"same-origin", "none"})
_DEFAULT_PORTS: Final = {"http": "80", "https": "443"}


def _origin(scheme: str, netloc: str) -> str | None:
    """``scheme://name:port`` with the port written out, so ``:443`` and none are one origin."""
    parts = urlsplit("//" + netloc.strip())
    try:
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    scheme = scheme.lower()
    return f"{scheme}://{parts.hostname.rstrip('.')}:{port or _DEFAULT_PORTS.get(scheme, '')}"


def _own_origins(request: Request) -> set[str | None]:
    """The origins the page's own forms come from: as this server was reached, and as the
    browser reached a trusted proxy in front of it (its forwarded name and scheme)."""
    scheme = request.url.scheme
    origins = {_origin(scheme, request.headers.get("host", ""))}
    client = request.client.host if request.client else ""
    if signins.is_trusted(client, browser.trusted_proxies()):
        forwarded = request.headers.get("x-forwarded-host", "").split(",")[0].strip()
        proto = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
        for name in filter(None, (forwarded, request.headers.get("host", ""))):
            origins |= {_origin(s, name) for s in {scheme, proto or scheme}}
    return origins


def from_elsewhere(request: Request) -> bool:
    """Whether a post came from another site's page (a forged form).

    A browser that sends ``Sec-Fetch-Site`` (every current one) is believed: it
    knows where the form was, whatever a proxy did to the Host. An older browser's
    ``Origin`` is compared with the page's own origins; without either, the
    cookie's ``SameSite=Lax`` still keeps another site's form from carrying it.
    """
    fetch_site = request.headers.get("sec-fetch-site", "").strip().lower()
    if fetch_site:
        return fetch_site not in _OWN_FETCH_SITES
    origin = request.headers.get("origin")
    if origin is None:
        return False
    parts = urlsplit(origin)
    if origin == "null" or not parts.scheme or not parts.netloc:
        return True
    claimed = _origin(parts.scheme, parts.netloc)
    return claimed is None or claimed not in _own_origins(request)
