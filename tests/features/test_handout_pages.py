"""The PDF handout's pages: numbered "Side 2 af 3", and no last page with a line or two on it."""

from __future__ import annotations

import io
import re

import duckdb
import pytest
from pypdf import PdfReader

from radar import exporting as exports
from radar.i18n import t

EDITION = 2025
#: The combined radar's handout once ended on a page holding only the notice.
AREAS = ("samlet", "social-og-sundhed", "administration", "beskaeftigelse")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def handouts(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Each area's handout in Danish: the text of each page."""
    out = {}
    for area in AREAS:
        data = exports.export_radar(con, "pdf", area=area, edition=EDITION)
        out[area] = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    return out


def _body(text: str) -> str:
    """A page's own text, without the page number and notice every page carries."""
    text = re.sub(r"(Side|Page) \d+ (af|of) \d+", "", text)
    for lang in ("da", "en"):
        text = text.replace(t("app.illustrative", lang), "")
    return "".join(text.split())


@pytest.mark.parametrize("area", AREAS)
def test_every_page_says_which_page_of_how_many(handouts: dict[str, list[str]], area: str) -> None:
    pages = handouts[area]
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"Side {number} af {len(pages)}" in " ".join(text.split()), (number, text[-200:])


@pytest.mark.parametrize("area", AREAS)
def test_the_last_page_is_not_nearly_empty(handouts: dict[str, list[str]], area: str) -> None:
    full = max(len(_body(text)) for text in handouts[area])
    last = len(_body(handouts[area][-1]))
    # A fifth of the fullest page at least: a page for a line or two wastes paper.
    assert last >= full / 5, (area, last, full)


def test_the_english_handout_numbers_its_pages_in_english(con: duckdb.DuckDBPyConnection) -> None:
    data = exports.export_radar(con, "pdf", area="samlet", edition=EDITION, lang="en")
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    assert f"Page 1 of {len(pages)}" in " ".join(pages[0].split())
    assert not any("Side " in text for text in pages)
