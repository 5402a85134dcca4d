"""The index page's head: the window-size script (and what the page accepts), the app-wide style."""

from __future__ import annotations

import pytest

from radar import theme
from radar.web.base_style import with_base_style
from radar.web.language import with_lang
from radar.web.print_style import with_print_style
from radar.web.window_size import WINDOW_COOKIE, parse_window_size, with_window_size

INDEX = (
    b'<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width">'
    b"<title>Streamlit</title></head><body><script src='/static/main.js'></script></body></html>"
)


def test_the_script_goes_at_the_end_of_the_head_once() -> None:
    page = with_window_size(INDEX)
    head, body = page.split(b"</head>")
    assert WINDOW_COOKIE.encode() in head and WINDOW_COOKIE.encode() not in body
    # After the viewport tag (a phone's layout width), before Streamlit's own scripts.
    assert head.index(b'name="viewport"') < head.index(b"document.cookie")
    assert with_window_size(page) == page
    assert with_window_size(b"<p>no head</p>") == b"<p>no head</p>"


def test_the_language_and_the_script_are_one_rewrite() -> None:
    page = with_window_size(with_lang(INDEX, "da"))
    assert page.startswith(b'<!doctype html><html lang="da">') and b"document.cookie" in page


@pytest.mark.parametrize(
    ("value", "size"),
    [
        ("1600x1000", (1600, 1000)),
        (" 390x844 ", (390, 844)),
        ("3840x2160", (3840, 2160)),
        (None, None),
        ("", None),
        ("1600", None),
        ("1600x1000;x=1", None),
        ("-1600x1000", None),
        ("150x900", None),
        ("99999x1000", None),
        ("1e3x1000", None),
        ("<b>x</b>", None),
    ],
)
def test_only_two_sane_numbers_are_a_window_size(
    value: str | None, size: tuple[int, int] | None
) -> None:
    assert parse_window_size(value) == size


def test_the_app_wide_style_is_in_the_head_before_streamlit_s_scripts() -> None:
    # The readable caption grey applies before Streamlit draws its first caption.
    page = with_base_style(with_window_size(with_lang(INDEX, "da")))
    head, body = page.split(b"</head>")
    assert theme.CAPTION_TEXT.encode() in head and b"<style>" in head
    assert b"<style>" not in body
    assert with_base_style(page) == page


def test_the_print_style_and_its_chart_fitter_are_in_the_head() -> None:
    # Printed before the app's own code had loaded, the page kept its menu and the
    # radar ran off the page: the print rules and the fitter come with the first HTML.
    page = with_print_style(with_base_style(with_window_size(with_lang(INDEX, "da"))))
    head, body = page.split(b"</head>")
    assert b"@media print" in head and b'addEventListener("beforeprint"' in head
    assert b"@media print" not in body
    assert with_print_style(page) == page
