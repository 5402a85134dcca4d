"""Safe plain text from untrusted Markdown: an AOE radar item's body, a Backstage description.

No Markdown library: the radar shows descriptions as plain text, so what is
needed is the text a reader would see, without the markup. Block markup
(headings, lists, quotes, code fences, rules, tables) and inline markup
(emphasis, code, links, images) become plain text; a link keeps its address
in brackets, as :func:`~radar.importing.html.html_to_text` writes it. HTML in
the Markdown goes through :func:`~radar.importing.html.html_to_text`, so no
markup survives.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from radar.importing.html import html_to_text

__all__ = ["markdown_to_text"]

# Every pattern here runs in time linear in the text (no nested or adjacent
# unbounded repeats that can overlap): a description is untrusted and can be megabytes.
_FENCE = re.compile(r"\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"\s{0,3}#{1,6}(?:[ \t]+(.*)|[ \t]*)")
_RULE = re.compile(r"([-*_])(?:[ \t]*\1){2,}")
_SETEXT = re.compile(r"=+|-+")
_QUOTES = re.compile(r"(?:[ \t]{0,3}>[ \t]?)+")
_BULLET = re.compile(r"\s*[-*+][ \t]+(.*)")
_NUMBERED = re.compile(r"\s*(\d{1,9})[.)][ \t]+(.*)")
_TABLE_RULE = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?")
_DEFINITION = re.compile(
    r"\s{0,3}\[([^\[\]]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*"
)
_BACKTICKS = re.compile(r"`+")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]+)>", re.IGNORECASE)
# Possessive (*+, ?+): a run of spaces or of address characters is taken by
# one part only, never handed back to be tried by another, so a link is read in
# time linear in its length ("[a](" and 20,000 spaces took seconds before).
_TITLE = r"(?:\s++(?:\"[^\"]*+\"|'[^']*+'|\([^)]*+\)))?+"
# An address may hold brackets in pairs, as Markdown allows: (https://x.dk/a_(b)).
_ADDRESS = r"<?+((?:[^()\s<>]|\([^()\s<>]*+\))*+)>?+"
_IMAGE = re.compile(r"!\[([^\[\]]*+)\]\(\s*+" + _ADDRESS + _TITLE + r"\s*+\)")
_LINK = re.compile(r"\[([^\[\]]++)\]\(\s*+" + _ADDRESS + _TITLE + r"\s*+\)")
_REFERENCE = re.compile(r"\[([^\[\]]+)\](?:\[([^\[\]]*)\])?")
# Emphasis marks (*, **, _, __, ~~ and runs of them) that open before a word or
# close after one; never inside a word, so snake_case_names stay as Markdown leaves them.
_MARKS = r"(?:\*|_|~~)+"
_EMPHASIS = re.compile(rf"(?<![\w*~]){_MARKS}(?=[^\s*_~])|(?<=[^\s*_~]){_MARKS}(?![\w*~])")
# Text taken out of the inline markup until the end, so that no later step
# reads markup into it (a code span, an address); marked with private-use characters.
_KEPT = re.compile("\ue000(\\d+)\ue001")
# "&" not starting a character reference is a literal ampersand in Markdown; the
# HTML reader would otherwise read "AT&T" as a reference to "&T;".
_BARE_AMPERSAND = re.compile(r"&(?!#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
# "<" that does not open a whole tag before the next "<" is text, as in Markdown;
# escaped, it also spares the HTML reader unfinished tags, which it reads in
# time quadratic in their number. Declarations (<!...>, <?...>) are text too.
_STRAY_LT = re.compile(r"<(?![A-Za-z/][^<>]*>)")
_LINK_SCHEMES = ("http://", "https://", "mailto:")


def _code_spans(text: str, keep: Callable[[str], str]) -> str:
    """Code spans (`code`, ``code with ` in it``) as kept text; a lone backtick stays."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    # Per length, the runs of that many backticks, and how far each was searched:
    # a span closes at the next run of the same length, found in one pass.
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    searched = dict.fromkeys(by_length, 0)
    out: list[str] = []
    done = 0
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        at = searched[end - start]
        while at < len(same) and same[at] <= index:
            at += 1
        searched[end - start] = at
        if at == len(same):
            index += 1
            continue
        closing = same[at]
        out += [text[done:start], keep(html.escape(text[end : runs[closing][0]].strip(), False))]
        done = runs[closing][1]
        index = closing + 1
    return "".join([*out, text[done:]])


def _inline(text: str, references: dict[str, str], links: bool) -> str:
    """One line's inline markup as text, with the kept parts marked (see :data:`_KEPT`)."""
    kept: list[str] = []

    def keep(value: str) -> str:
        kept.append(value)
        return f"\ue000{len(kept) - 1}\ue001"

    def link(label: str, url: str) -> str:
        if links and url.lower().startswith(_LINK_SCHEMES) and url not in label:
            return f"{label} {keep('(' + html.escape(url, quote=False) + ')')}"
        return label

    def reference(match: re.Match[str]) -> str:
        label, ref = match[1], match[2]
        url = references.get((ref or label).strip().casefold())
        if url is None:
            return match[0] if ref is None else label
        return link(label, url)

    text = _code_spans(text, keep)
    text = _ESCAPED.sub(lambda m: keep(html.escape(m[1], quote=False)), text)
    text = _AUTOLINK.sub(lambda m: keep(html.escape(m[1], quote=False)), text)
    text = _IMAGE.sub(lambda m: m[1], text)
    text = _LINK.sub(lambda m: link(m[1], m[2]), text)
    text = _REFERENCE.sub(reference, text)
    text = _EMPHASIS.sub("", text)
    while _KEPT.search(text):
        text = _KEPT.sub(lambda m: kept[int(m[1])], text)
    return text


def _without_comments(text: str) -> str:
    """The text without its HTML comments (``<!-- ... -->``), found in one pass."""
    out = []
    done = 0
    while (start := text.find("<!--", done)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        out.append(text[done:start])
        done = end + 3
    return "".join([*out, text[done:]])


def _closed_heading(text: str) -> str:
    """A heading's text without its closing hashes ("Title ##" -> "Title")."""
    text = text.rstrip()
    bare = text.rstrip("#")
    return bare.rstrip() if bare != text and (not bare or bare[-1] in " \t") else text


class _Blocks:
    """Paragraphs of output lines; a line of text goes on until a hard break or a new block."""

    def __init__(self, inline: Callable[[str], str]) -> None:
        self.inline = inline
        self.paragraphs: list[str] = []
        # Each line as its parts (joined by spaces), and whether it is code
        # (taken as written, inline markup and all).
        self.lines: list[tuple[list[str], bool]] = []
        self.open = False

    def text(self, line: str) -> None:
        """A line of a paragraph: joined to the one before unless that ended in a hard break."""
        stripped = line.strip()
        # Two spaces or a backslash at the end: a hard line break.
        hard = line.endswith("  ") or stripped.endswith("\\")
        stripped = stripped.removesuffix("\\").rstrip()
        if self.open and self.lines:
            self.lines[-1][0].append(stripped)
        else:
            self.lines.append(([stripped], False))
        self.open = not hard

    def line(self, line: str, *, code: bool = False, open: bool = False) -> None:
        """A line of its own (a heading, a list item, a table row, code).

        ``open``: the lines of text after it continue it (a list item's do).
        """
        self.lines.append(([html.escape(line, quote=False) if code else line], code))
        self.open = open

    def end(self) -> None:
        """End the paragraph."""
        if self.lines:
            self.paragraphs.append(
                "\n".join(
                    parts[0] if code else self.inline(" ".join(parts)) for parts, code in self.lines
                )
            )
        self.lines = []
        self.open = False


def markdown_to_text(markdown: str, *, links: bool = True) -> str:
    """Safe plain text from untrusted Markdown.

    Headings, paragraphs, list items (``• ``, numbers kept), quotes, tables and
    code become lines of text; emphasis and code marks are dropped; a link keeps
    its text and, for ``http``, ``https`` and ``mailto`` addresses, the address in
    brackets (``React (https://react.dev)``); an image keeps its alternative
    text. Lines of one paragraph are joined, as Markdown shows them. HTML in the
    Markdown is read by :func:`~radar.importing.html.html_to_text`; text in code
    stays text (``<dialog>`` in backticks is kept as written).

    Parameters
    ----------
    markdown
        The Markdown, e.g. an AOE radar item's body.
    links
        Keep link addresses; without them the text reads better as a summary.

    Returns
    -------
    Plain text with no markup left, as :func:`~radar.importing.html.html_to_text` returns it.
    """
    lines = markdown.replace("\ue000", "").replace("\ue001", "").splitlines()
    references: dict[str, str] = {}
    for line in lines:
        definition = _DEFINITION.fullmatch(line)
        if definition:
            references.setdefault(definition[1].strip().casefold(), definition[2])
    blocks = _Blocks(lambda line: _inline(line, references, links))
    fence: str | None = None
    for line in lines:
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
                blocks.end()
            else:
                blocks.line(line, code=True)
            continue
        opening = _FENCE.match(line)
        if opening:
            blocks.end()
            fence = opening[1]
            continue
        quotes = _QUOTES.match(line)
        if quotes:
            line = line[quotes.end() :]
        if not line.strip():
            blocks.end()
        elif _DEFINITION.fullmatch(line):
            continue
        elif _SETEXT.fullmatch(line.strip()) and blocks.lines and blocks.open:
            # The paragraph above was a heading ("Title" over "====="): a block of its own.
            blocks.end()
        elif _RULE.fullmatch(line.strip()):
            blocks.end()
        elif heading := _HEADING.fullmatch(line):
            blocks.end()
            blocks.line(_closed_heading(heading[1] or ""))
            blocks.end()
        elif bullet := _BULLET.fullmatch(line):
            blocks.line("• " + bullet[1].strip(), open=True)
        elif numbered := _NUMBERED.fullmatch(line):
            blocks.line(f"{numbered[1]}. {numbered[2].strip()}", open=True)
        elif _TABLE_RULE.fullmatch(line.strip()):
            continue
        elif line.lstrip().startswith("|"):
            blocks.line(line.strip())
        else:
            blocks.text(line)
    blocks.end()
    text = _without_comments("\n\n".join(blocks.paragraphs))
    text = _STRAY_LT.sub("&lt;", _BARE_AMPERSAND.sub("&amp;", text))
    return html_to_text(text, links=links)
