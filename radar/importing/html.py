"""Safe plain text from untrusted HTML, such as a Thoughtworks blip's description."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from radar.importing.problems import BAD_CHARS

__all__ = ["SUMMARY_CHARS", "first_sentence", "html_to_text"]

#: The longest summary made from a description's first sentence.
SUMMARY_CHARS = 200

# Their content is code or fallback markup, never text to show.
_SKIP_TAGS = frozenset(
    {"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "head"}
)
# fmt: off
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "aside", "blockquote", "pre", "table", "tr", "ul", "ol",
    "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "figure",
    "figcaption", "hr",
})
# fmt: on
# Raw text that still looks like the start of a tag is broken markup the
# parser gave up on (an unclosed "<img ..." at the end, say): it is dropped, so
# no tag survives as text, as a browser would not show it either.
_BROKEN_TAG = re.compile(r"<[A-Za-z/!?][^>]*>?")
_LINK_SCHEMES = ("http://", "https://", "mailto:")
# Before the parser: the start of a tag never finished before the next "<" (or
# the end) is broken markup, dropped as _BROKEN_TAG would drop it; the
# standard library's parser reads such starts in time quadratic in their
# number (90 KB of "<https://" took 14 s). Any other "<" is text.
_UNFINISHED_TAG = re.compile(r"<[A-Za-z/!?][^<>]*+(?=<|$)")
_STRAY_LT = re.compile(r"<(?![A-Za-z/!?][^<>]*+>)")
# "&" not starting a character reference is an ampersand as written ("AT&T"):
# the parser would read "&T" as a reference and give "&T;".
_BARE_AMPERSAND = re.compile(r"&(?!#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
# Decoded "<" and ">" (written as "&lt;" and "&gt;") are text, not markup:
# they stand in as these markers until the broken markup is gone.
_LT, _GT = "\x00l", "\x00g"
# Where a <pre> begins and ends: it is a block only when it stands apart from
# the text around it, which is known only when the whole text is.
_PRE_OPEN, _PRE_CLOSE = "\x00p", "\x00q"
_PRE_MARKERS = (_PRE_OPEN, _PRE_CLOSE)
_PRE_SPLIT = re.compile(f"({_PRE_OPEN}|{_PRE_CLOSE}|\n)")


def _decoded(text: str) -> str:
    return text.replace("<", _LT).replace(">", _GT)


class _TextExtractor(HTMLParser):
    def __init__(self, links: bool) -> None:
        # Character references arrive apart from the text around them
        # (convert_charrefs=False), so what they decode to can be told apart.
        super().__init__(convert_charrefs=False)
        self.links = links
        self.parts: list[str] = []
        self.skipping = 0
        self.open_links: list[tuple[str, int]] = []
        self.pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
            return
        if self.skipping:
            return
        if tag == "pre":
            # A <pre> inside another is part of it.
            if not self.pre_depth:
                self.parts.append(_PRE_OPEN)
            self.pre_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(_decoded(alt))
        elif tag == "a":
            self.open_links.append(((dict(attrs).get("href") or "").strip(), len(self.parts)))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping:
            return
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
            if not self.pre_depth:
                self.parts.append(_PRE_CLOSE)
        elif tag == "a" and self.open_links:
            href, start = self.open_links.pop()
            shown = "".join(self.parts[start:]).strip()
            plain = not re.search(r"[\s<>\"']", href)
            if (
                self.links
                and plain
                and href.lower().startswith(_LINK_SCHEMES)
                and href not in shown
            ):
                self.parts.append(f" ({href})" if shown else href)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        if not self.skipping:
            self.parts.append(_decoded(html.unescape(f"&{name};")))

    def handle_charref(self, name: str) -> None:
        if not self.skipping:
            self.parts.append(_decoded(html.unescape(f"&#{name};")))


def _text_on_line(pieces: list[str]) -> list[bool]:
    """For each piece, whether a piece of its line, up to and with it, holds text."""
    found, seen = [], False
    for piece in pieces:
        seen = piece != "\n" and (seen or (piece not in _PRE_MARKERS and bool(piece.strip())))
        found.append(seen)
    return found


def _pre_blocks(text: str) -> str:
    """Each <pre>'s text: a block of lines when it stands apart, else part of its sentence.

    A <pre> stands apart when no text shares a line with it, before or after.
    Code written into a sentence ("run <pre>npm ci</pre> in CI") is part of
    the sentence, its line breaks spaces: as a block, as a browser shows it,
    it would cut the sentence, and the summary with it.
    """
    if _PRE_OPEN not in text:
        return text
    pieces = _PRE_SPLIT.split(text)
    # Computed once each way, so that many <pre>s in a long text cost no more.
    before = _text_on_line(pieces)
    after = _text_on_line(pieces[::-1])[::-1]
    out = list(pieces)
    index = 0
    while index < len(pieces):
        if pieces[index] != _PRE_OPEN:
            index += 1
            continue
        # An unclosed <pre> runs to the end of the text.
        end = index + 1
        while end < len(pieces) and pieces[end] != _PRE_CLOSE:
            end += 1
        inline = (index > 0 and before[index - 1]) or (end + 1 < len(pieces) and after[end + 1])
        edge = " " if inline else "\n\n"
        out[index] = edge
        if end < len(pieces):
            out[end] = edge
        if inline:
            for line_break in range(index + 1, end):
                if out[line_break] == "\n":
                    out[line_break] = " "
        index = end + 1
    return "".join(out)


def html_to_text(markup: str, *, links: bool = True) -> str:
    """Safe plain text from untrusted HTML, with the standard library's parser.

    Tags are dropped (the content of ``script``, ``style`` and the like
    entirely, and broken markup the parser cannot read), character references
    are decoded, a link keeps its text and its address in brackets
    (``Context engineering (https://…)``; only ``http``, ``https`` and
    ``mailto`` addresses), paragraphs become blank lines and ``<br>`` a line
    break, a ``<pre>`` inside a sentence becomes part of it (one standing
    apart is a block of its lines), and white space is tidied.

    Parameters
    ----------
    markup
        The HTML, e.g. a Thoughtworks blip description.
    links
        Keep link addresses; without them the text reads better as a summary.

    Returns
    -------
    Plain text with no markup left: a ``<`` in it was written as ``&lt;``
    (text about markup, such as "the &lt;dialog&gt; element", stays text).
    """
    parser = _TextExtractor(links)
    markup = _UNFINISHED_TAG.sub("", markup.replace("\x00", ""))
    parser.feed(_BARE_AMPERSAND.sub("&amp;", _STRAY_LT.sub("&lt;", markup)))
    parser.close()
    text = _pre_blocks(_BROKEN_TAG.sub("", "".join(parser.parts)))
    text = text.replace(_LT, "<").replace(_GT, ">").replace("\r\n", "\n").replace("\r", "\n")
    text = BAD_CHARS.sub("", text)
    lines = [re.sub(r"[ \t\f\v\u00a0\u200b]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def first_sentence(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The first sentence of a text's first paragraph, shortened to ``limit`` characters.

    A sentence ends at ``.``, ``!`` or ``?`` before white space or the end; a
    longer one is cut at a word and ends with "…".
    """
    paragraph = text.strip().split("\n", 1)[0].strip()
    end = re.search(r"[.!?](?=\s|$)", paragraph)
    sentence = paragraph[: end.end()] if end else paragraph
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–") + "…"
