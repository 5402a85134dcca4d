"""Untrusted HTML (a BYOR description) as text: ampersands as written, time linear in length."""

from __future__ import annotations

import time

import pytest

from radar.importing import html_to_text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("AT&T and R&D", "AT&T and R&D"),
        ("https://x.dk/?a=1&b=2", "https://x.dk/?a=1&b=2"),
        ("Fish &amp; chips &lt;3", "Fish & chips <3"),
        ("a < b and c > d", "a < b and c > d"),
        ("Text <img src=x onerror=alert(1)", "Text"),
        ("<p>One</p><p>Two <b>bold</b></p>", "One\n\nTwo bold"),
    ],
)
def test_html_becomes_the_text_a_reader_sees(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize(
    "markup", ["<https://" * 20_000, "<a x=" * 20_000, "<b" * 50_000], ids=lambda m: m[:6]
)
def test_unfinished_tags_take_time_in_proportion_to_their_length(markup: str) -> None:
    # The standard library's parser reads unfinished tags in quadratic time:
    # 90 KB of "<https://" kept an import busy for 14 s.
    started = time.perf_counter()
    assert "<" not in html_to_text(markup)
    assert time.perf_counter() - started < 10
