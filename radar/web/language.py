"""The page's language in the first HTML: ``<html lang="da">``, or ``en`` with ``?lang=en``.

Streamlit serves one ``index.html`` for every page, marked ``<html lang="en">``;
a screen reader then reads the Danish pages with English pronunciation (WCAG
3.1.1). This middleware writes the request's language (the URL's ``lang``,
Danish by default, as the pages read it) into that tag. The pages keep it right
afterwards, when the toggle switches without a reload
(:mod:`radar.ui.components.page_style`).

The index is small and sent compressed: it is unpacked, changed and packed again.
The same pass adds the window-size script (:mod:`radar.web.window_size`), the
app-wide style (:mod:`radar.web.base_style`), the print style
(:mod:`radar.web.print_style`) and, on pages with charts, the
chart module's preload (:mod:`radar.web.preload`), so the page is rewritten once.
Its ETag gets the language appended, so a browser's cached Danish page is never
confirmed as the English one (and the other way round).
"""

from __future__ import annotations

import gzip
import re
from typing import Final
from urllib.parse import parse_qs

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from radar.i18n.language import parse_lang
from radar.model import Lang
from radar.web.base_style import with_base_style
from radar.web.preload import with_chart_preload
from radar.web.print_style import with_print_style
from radar.web.window_size import with_window_size
from radar.workshop.codes import JOIN_PAGE
from radar.workshop.pacing import REMOTE_PAGE

#: The query parameter the pages read the language from (radar.ui.state.LANG).
LANG_PARAM: Final = "lang"
# Only the document's own tag, at the start of the page.
_HTML_TAG: Final = re.compile(rb"<html(\s[^>]*?)?\slang=\"[^\"]*\"", re.IGNORECASE)


def request_lang(scope: Scope) -> Lang:
    """The language a request asks for: ``?lang=``, Danish when missing or unknown."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    values = query.get(LANG_PARAM)
    return parse_lang(values[-1] if values else None)


def with_lang(html: bytes, lang: Lang) -> bytes:
    """``html`` with its ``<html>`` tag's ``lang`` set to ``lang`` (added when it has none)."""

    def replace(match: re.Match[bytes]) -> bytes:
        return b"<html" + (match.group(1) or b"") + b' lang="' + lang.encode("ascii") + b'"'

    changed, count = _HTML_TAG.subn(replace, html, count=1)
    if count:
        return changed
    return re.sub(rb"<html(?=[\s>])", b'<html lang="' + lang.encode("ascii") + b'"', html, count=1)


def _tagged(etag: str, lang: Lang) -> str:
    """The ETag of the ``lang`` version of a response with ``etag``."""
    return f'{etag[:-1]}-{lang}"' if etag.endswith('"') else f"{etag}-{lang}"


#: The phone page (:mod:`radar.web.participant`), left as it is written.
OWN_PAGE: Final = "/" + JOIN_PAGE
#: The facilitator's phone remote (:mod:`radar.web.remote`), left as it is written too.
REMOTE_PAGE_PATH: Final = "/" + REMOTE_PAGE

_TAGGED: Final = re.compile(r'-(da|en)"$')


def _untagged(value: str, lang: Lang) -> str | None:
    """A browser's ``If-None-Match`` for a page, as the server knows it.

    ``None`` when it names only the other language's version.
    """
    kept = []
    for item in (part.strip() for part in value.split(",")):
        match = _TAGGED.search(item)
        if match and match.group(1) == lang:
            kept.append(item[: match.start()] + '"')
    return ", ".join(kept) or None


class DocumentLanguageMiddleware:
    """Sets ``<html lang>`` in every HTML page to the request's language."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD") or own_page(scope):
            await self.app(scope, receive, send)
            return
        lang = request_lang(scope)
        scope, conditional = _with_own_validator(scope, lang)
        start: Message | None = None
        body: list[bytes] = []

        async def send_with_lang(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if message.get("status") == 304:
                    # Confirms the page the browser holds: its ETag as the browser knows it.
                    await send(_retagged(message, lang) if conditional else message)
                    return
                if not _is_html(Headers(raw=message.get("headers", []))):
                    await send(message)
                    return
                start = message
                return
            if message["type"] == "http.response.body" and start is not None:
                body.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                await _send_page(send, start, b"".join(body), lang, scope.get("path", "/"))
                return
            await send(message)

        await self.app(scope, receive, send_with_lang)


def own_page(scope: Scope) -> bool:
    """Whether the request is for a page of the project's own, not Streamlit's index.

    The participants' phone page and the facilitator's phone remote write
    their own language and allow no script: the index's rewrite (window-size
    script, style sheets) is not for them. Under a proxy's prefix
    (``root_path``) the page's path follows the prefix.
    """
    path = str(scope.get("path", "/"))
    root = str(scope.get("root_path", "")).rstrip("/")
    if root and path.startswith(root + "/"):
        path = path[len(root) :]
    return any(path == page or path.startswith(page + "/") for page in (OWN_PAGE, REMOTE_PAGE_PATH))


def _with_own_validator(scope: Scope, lang: Lang) -> tuple[Scope, bool]:
    """The request as the server should see it, and whether it revalidates a page of ours.

    A page's ``If-None-Match`` loses its language, or goes when it is for the
    other language; any other resource's (scripts, styles) stays as it is.
    """
    original = Headers(scope=scope).get("if-none-match")
    if original is None or not any(_TAGGED.search(part.strip()) for part in original.split(",")):
        return scope, False
    headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"if-none-match"]
    untagged = _untagged(original, lang)
    if untagged is not None:
        headers.append((b"if-none-match", untagged.encode("latin-1")))
    return {**scope, "headers": headers}, True


def _is_html(headers: Headers) -> bool:
    encoding = headers.get("content-encoding", "identity").strip().lower()
    return headers.get("content-type", "").startswith("text/html") and encoding in (
        "identity",
        "gzip",
    )


def _retagged(message: Message, lang: Lang) -> Message:
    headers = MutableHeaders(raw=list(message.get("headers", [])))
    if "etag" in headers:
        headers["etag"] = _tagged(headers["etag"], lang)
    return {**message, "headers": headers.raw}


async def _send_page(send: Send, start: Message, body: bytes, lang: Lang, path: str) -> None:
    headers = MutableHeaders(raw=list(start.get("headers", [])))
    if body:
        packed = headers.get("content-encoding", "").strip().lower() == "gzip"
        html = gzip.decompress(body) if packed else body
        html = with_lang(html, lang)
        html = with_print_style(with_base_style(with_window_size(html)))
        html = with_chart_preload(html, path)
        body = gzip.compress(html, mtime=0) if packed else html
        headers["content-length"] = str(len(body))
    if "etag" in headers:
        headers["etag"] = _tagged(headers["etag"], lang)
    await send({**start, "headers": headers.raw})
    await send({"type": "http.response.body", "body": body, "more_body": False})


def middleware() -> list[Middleware]:
    """The document-language middleware."""
    return [Middleware(DocumentLanguageMiddleware)]
