"""WCAG 2.1 AA in the library and the web layer: the page's language in the first HTML,
contrast of the app-wide colours, and the accessibility statement's address."""

from __future__ import annotations

import gzip
import tomllib
from pathlib import Path
from typing import Any

import pytest
from asgi_support import run_coroutine
from contrast import contrast

from radar import theme
from radar.web.language import DocumentLanguageMiddleware, request_lang, with_lang
from radar.web.settings import (
    ACCESSIBILITY_URL_ENV_VAR,
    DEFAULT_ACCESSIBILITY_URL,
    SettingsError,
    read_accessibility_url,
    read_settings,
)

REPO = Path(__file__).resolve().parents[2]
INDEX = b'<!doctype html><html lang="en"><head><title>Streamlit</title></head><body></body></html>'


# --- colours


def test_the_contrast_formula_matches_wcag_s_known_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    # Streamlit's caption: the text colour at 60 % opacity on white, as axe-core reports it.
    assert contrast("#797F85", "#FFFFFF") == pytest.approx(4.04, abs=0.05)


def test_captions_are_readable_on_both_page_backgrounds() -> None:
    for background in (theme.BACKGROUND, theme.SECONDARY_BACKGROUND):
        assert contrast(theme.CAPTION_TEXT, background) >= 4.5


def test_the_focus_ring_stands_out_from_every_background_it_is_drawn_on() -> None:
    for background in (theme.BACKGROUND, theme.SECONDARY_BACKGROUND, *theme.MATRIX_RING_FILLS):
        assert contrast(theme.FOCUS_RING, background) >= 3.0
    assert theme.FOCUS_RING_WIDTH_PX >= 2


def test_the_theme_s_backgrounds_are_the_streamlit_config_s() -> None:
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["theme"]["backgroundColor"].upper() == theme.BACKGROUND.upper()
    assert config["theme"]["secondaryBackgroundColor"].upper() == theme.SECONDARY_BACKGROUND.upper()


# --- the accessibility statement's address


def test_the_statement_defaults_to_the_national_register() -> None:
    assert read_accessibility_url({}, {}) == DEFAULT_ACCESSIBILITY_URL
    assert read_settings({}, {}).accessibility_url == DEFAULT_ACCESSIBILITY_URL


def test_the_statement_comes_from_the_secrets_before_the_environment() -> None:
    environ = {ACCESSIBILITY_URL_ENV_VAR: "https://www.was.digst.dk/radar-env-dk"}
    secrets = {"radar": {"accessibility_url": "https://www.was.digst.dk/radar-kommune-dk"}}
    assert read_accessibility_url({}, environ) == "https://www.was.digst.dk/radar-env-dk"
    assert read_accessibility_url(secrets, environ) == "https://www.was.digst.dk/radar-kommune-dk"
    assert read_accessibility_url({}, {ACCESSIBILITY_URL_ENV_VAR: "/om"}) == "/om"


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "https://example.dk/a)[b](https://evil.example",
        "https://example.dk/a b",
        "www.was.digst.dk/radar",
    ],
)
def test_a_statement_address_that_is_not_a_web_page_stops_the_start(value: str) -> None:
    with pytest.raises(SettingsError, match=ACCESSIBILITY_URL_ENV_VAR):
        read_settings({}, {ACCESSIBILITY_URL_ENV_VAR: value})


# --- <html lang> from the server


def test_the_request_s_language_is_the_url_s_and_danish_otherwise() -> None:
    assert request_lang({"query_string": b"lang=en&area=samlet"}) == "en"
    assert request_lang({"query_string": b"area=samlet"}) == "da"
    assert request_lang({"query_string": b"lang=fr"}) == "da"
    assert request_lang({"query_string": b"lang=da&lang=en"}) == "en"


def test_with_lang_changes_only_the_document_s_tag() -> None:
    html = INDEX + b'<p lang="en">x</p>'
    changed = with_lang(html, "da")
    assert changed.startswith(b'<!doctype html><html lang="da">')
    assert b'<p lang="en">' in changed
    assert with_lang(b"<html><body></body></html>", "da") == b'<html lang="da"><body></body></html>'


def _call(
    query: bytes,
    *,
    body: bytes = INDEX,
    content_type: bytes = b"text/html; charset=utf-8",
    packed: bool = True,
    etag: bytes = b'"abc"',
    if_none_match: bytes | None = None,
    path: str = "/",
) -> tuple[dict[str, str], bytes, int, dict[str, str]]:
    """One GET through the middleware to a stand-in for Streamlit's index route.

    Returns the response's headers, its (unpacked) body, its status, and the
    request headers the app saw.
    """
    seen: dict[str, str] = {}

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.update({k.decode(): v.decode() for k, v in scope["headers"]})
        if seen.get("if-none-match") == etag.decode():
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", etag)]})
            await send({"type": "http.response.body", "body": b""})
            return
        payload = gzip.compress(body) if packed else body
        headers = [
            (b"content-type", content_type),
            (b"content-length", str(len(payload)).encode()),
            (b"etag", etag),
        ]
        if packed:
            headers.append((b"content-encoding", b"gzip"))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        # In two parts, as a streamed file may come.
        await send({"type": "http.response.body", "body": payload[:10], "more_body": True})
        await send({"type": "http.response.body", "body": payload[10:]})

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    request_headers = [(b"if-none-match", if_none_match)] if if_none_match else []
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "query_string": query,
        "headers": request_headers,
    }
    run_coroutine(DocumentLanguageMiddleware(app)(scope, receive, send))
    start = sent[0]
    headers = {k.decode(): v.decode() for k, v in start["headers"]}
    raw = b"".join(m.get("body", b"") for m in sent[1:])
    assert int(headers.get("content-length", len(raw))) == len(raw)
    unpacked = gzip.decompress(raw) if headers.get("content-encoding") == "gzip" and raw else raw
    return headers, unpacked, start["status"], seen


def test_the_first_html_is_danish_by_default_and_english_with_lang_en() -> None:
    _, danish, _, _ = _call(b"")
    _, english, _, _ = _call(b"lang=en")
    _, plain_danish, _, _ = _call(b"area=samlet", packed=False)
    assert b'<html lang="da">' in danish
    assert b'<html lang="en">' in english
    assert b'<html lang="da">' in plain_danish


def test_other_responses_pass_untouched() -> None:
    script = b'const s = "<html lang=\\"en\\">";'
    headers, body, _, _ = _call(b"", body=script, content_type=b"text/javascript", path="/x.js")
    assert body == script
    assert headers["etag"] == '"abc"'


def test_each_language_has_its_own_etag_and_a_cached_page_is_never_the_other_language() -> None:
    headers_da, _, _, _ = _call(b"")
    headers_en, _, _, _ = _call(b"lang=en")
    assert headers_da["etag"] != headers_en["etag"]
    # The browser revalidates its Danish copy: the server confirms it.
    _, _, status, seen = _call(b"", if_none_match=headers_da["etag"].encode())
    assert status == 304 and seen["if-none-match"] == '"abc"'
    # The same copy for the English page: the server sends the English page instead.
    _, body, status, seen = _call(b"lang=en", if_none_match=headers_da["etag"].encode())
    assert status == 200 and "if-none-match" not in seen
    assert b'<html lang="en">' in body


def test_a_script_s_revalidation_is_left_alone() -> None:
    # Streamlit's own ETags carry no language: the middleware must not cost them their 304s.
    _, _, status, seen = _call(
        b"", content_type=b"text/javascript", path="/x.js", if_none_match=b'"abc"'
    )
    assert status == 304 and seen["if-none-match"] == '"abc"'


def test_a_changed_secrets_file_counts_within_seconds_without_reading_it_for_every_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from radar.web import settings

    reads: list[int] = []
    address = ["https://www.was.digst.dk/radar-foer-dk"]
    now = [1000.0]

    def secrets() -> dict[str, object]:
        reads.append(1)
        return {"radar": {"accessibility_url": address[0]}}

    monkeypatch.setattr(settings, "_secrets", secrets)
    monkeypatch.setattr(settings, "_recent", None)
    monkeypatch.setattr(settings.time, "monotonic", lambda: now[0])
    monkeypatch.delenv(settings.ACCESSIBILITY_URL_ENV_VAR, raising=False)

    assert {settings.accessibility_url() for _ in range(50)} == {address[0]}
    assert len(reads) == 1
    address[0] = "https://www.was.digst.dk/radar-efter-dk"
    now[0] += settings.SECRETS_FOR_SECONDS + 0.1
    assert settings.accessibility_url() == address[0]
    assert len(reads) == 2
