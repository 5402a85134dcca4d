"""The workshop's session report: the Excel workbook's tables on an A4 page, as a PDF."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import duckdb
import pytest
from browser_support import CHROMIUM, require_chromium
from pypdf import PdfReader

from radar import workshop
from radar.model import Catalog
from radar.workshop import WorkshopTechnology

HOSTILE = "<script>alert(1)</script>"
TECHNOLOGIES = (
    WorkshopTechnology("alfa", "AUT", "Alfa på dansk: æøå", "Alpha", "klar"),
    WorkshopTechnology("beta", "DATA", "Beta", "Beta", "afvent"),
)
PRINTED = datetime(2026, 12, 3, 10, 15, tzinfo=UTC)


@pytest.fixture
def answered(wcon: duckdb.DuckDBPyConnection, catalog: Catalog) -> workshop.WorkshopResults:
    created = workshop.create_workshop(
        wcon,
        title=f"Temadag {HOSTILE}",
        catalog=catalog,
        area="teknik-og-miljoe",
        edition=2025,
        technologies=TECHNOLOGIES,
    )
    for ring in ("klar", "klar", "afproev"):
        who = workshop.join(wcon, created.code)
        workshop.submit_answer(
            wcon, created.code, who.token, "alfa", ring, "ideas", {"core": f"Mere tid {HOSTILE}"}
        )
    return workshop.results(wcon, created.id)


def test_the_report_holds_the_group_s_rings_phases_and_comments_without_markup(
    answered: workshop.WorkshopResults,
) -> None:
    page = workshop.report_html(answered, "da", printed=PRINTED)
    assert '<html lang="da">' in page and "Rapport fra workshoppen" in page
    # The title and the comments are text, never markup.
    assert HOSTILE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("Mere tid &lt;script&gt;") == 3
    # Alfa: two of three in KLAR, 67 % agreement; Beta: no answers.
    row = page[page.index("Alfa på dansk: æøå") :]
    assert "<td>3</td>" in row and "<td>67</td>" in row.split("</tr>")[0]
    assert "3. december 2026" in page
    english = workshop.report_html(answered, "en", printed=PRINTED)
    assert "Workshop report" in english and "Alpha" in english and "3 December 2026" in english


def test_a_workshop_without_comments_says_so(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = workshop.create_workshop(
        wcon,
        title="Tom",
        catalog=catalog,
        area="teknik-og-miljoe",
        edition=2025,
        technologies=TECHNOLOGIES,
    )
    page = workshop.report_html(workshop.results(wcon, created.id), "da")
    assert "Ingen skrev kommentarer." in page


def test_the_report_prints_to_a_pdf_with_its_words(answered: workshop.WorkshopResults) -> None:
    require_chromium()
    pdf = workshop.report_pdf(answered, CHROMIUM, "da", printed=PRINTED)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Temadag <script>alert(1)</script>" in text
    assert "Alfa på dansk: æøå" in text and "Kommentarer" in text
    assert "Deltagerne svarede anonymt" in text
