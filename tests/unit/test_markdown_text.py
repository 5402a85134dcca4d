"""Markdown descriptions (AOE items, Backstage entries) become the plain text a reader sees."""

from __future__ import annotations

import time

import pytest

from radar.importing.markdown import markdown_to_text


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("Some **bold**, _italic_ and ~~struck~~ text.", "Some bold, italic and struck text."),
        ("A paragraph\nwrapped over\nthree lines.", "A paragraph wrapped over three lines."),
        ("Line one  \nline two\\\nline three", "Line one\nline two\nline three"),
        ("# Title #\n\nText.\n\nSub\n---\nMore.", "Title\n\nText.\n\nSub\n\nMore."),
        (
            "- one\n- two\n  goes on\n* three\n\n1. first\n2) second",
            "• one\n• two goes on\n• three\n\n1. first\n2. second",
        ),
        ("> quoted\n> > twice", "quoted twice"),
        ("See [React](https://react.dev 'Docs').", "See React (https://react.dev)."),
        ("[https://react.dev](https://react.dev)", "https://react.dev"),
        (
            "[Wiki](https://en.wikipedia.org/wiki/A_(b))",
            "Wiki (https://en.wikipedia.org/wiki/A_(b))",
        ),
        (
            '[docs][d] and [d]\n\n[d]: https://docs.dk "Docs"',
            "docs (https://docs.dk) and d (https://docs.dk)",
        ),
        ("<https://x.dk/?a=1&b=2>", "https://x.dk/?a=1&b=2"),
        ("![The logo](logo.png) [here](/relative) [bad](javascript:alert(1))", "The logo here bad"),
        ("Use `<dialog>` and ``a ` b``; a lone ` stays", "Use <dialog> and a ` b; a lone ` stays"),
        ("```html\n<p>kept as text</p>\n```", "<p>kept as text</p>"),
        ("snake_case_name, 2 * 3 * 4, ~5 min", "snake_case_name, 2 * 3 * 4, ~5 min"),
        ("AT&T &amp; 3 < 4 and a<b", "AT&T & 3 < 4 and a<b"),
        (r"\*not emphasis\* \[x\]", "*not emphasis* [x]"),
        ("| a | b |\n|---|:-:|\n| 1 | 2 |", "| a | b |\n| 1 | 2 |"),
        ("Text <!-- a comment --> <script>alert(1)</script>shown <b>bold</b>", "Text shown bold"),
        ("before\n\n---\n\nafter", "before\n\nafter"),
    ],
)
def test_markdown_becomes_plain_text(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text


def test_without_links_the_addresses_are_left_out() -> None:
    markdown = "See [React](https://react.dev) and <b>[docs][d]</b>.\n\n[d]: https://docs.dk"
    assert markdown_to_text(markdown, links=False) == "See React and docs."


def test_no_markup_survives() -> None:
    markdown = (
        '<img src=x onerror="alert(1)">[x](javascript:alert(1)) <a href="https://x.dk">a</a> '
        "<iframe src=https://evil></iframe> <unfinished"
    )
    text = markdown_to_text(markdown)
    assert "<img" not in text and "<iframe" not in text and "javascript" not in text
    assert text == "x a (https://x.dk) <unfinished"


@pytest.mark.parametrize(
    "markdown",
    [
        "[" * 200_000,
        "*a" * 100_000,
        "`a" * 100_000,
        "a\n" * 100_000,
        "<https://" * 50_000,
        '<a x="' * 50_000,
        "<![CDATA[ >" * 20_000,
        "[a](" * 50_000,
        "[a](" + " " * 200_000 + "x",
        "![a](" + " " * 200_000 + "x",
        "[a](x" + " " * 200_000 + "y",
        "# " + " " * 200_000 + "x",
        "|" + " " * 200_000 + "x",
    ],
    ids=lambda m: repr(m[:6]),
)
def test_a_crafted_description_takes_time_in_proportion_to_its_length(markdown: str) -> None:
    """Untrusted text: a few hundred KB must not keep an import busy for minutes."""
    started = time.perf_counter()
    markdown_to_text(markdown)
    # Time quadratic in the length would be minutes here; linear is well under a second.
    assert time.perf_counter() - started < 10
