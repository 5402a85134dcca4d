"""Exports (radar.exporting) and ``python -m radar export``: every format from the seeded database.

PNG, SVG and PDF are drawn by the real system Chromium (kaleido and headless
printing), as in production; nothing is mocked.
"""

from __future__ import annotations

import codecs
import csv
import html
import io
import json
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import plotly.offline
import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from radar import exporting as exports
from radar import importing as importers
from radar import store, theme
from radar.cli import main
from radar.formats import BYOR_COLUMNS, EXPORT_FORMATS, OWN_COLUMN_NAMES
from radar.i18n import t
from radar.model import COMBINED_AREA, Catalog, Technology
from radar.pipeline.scoring import SCORE_COLUMNS
from radar.pipeline.view import ViewFilter
from radar.spreadsheet import read_csv_text
from radar.store import load_view

REPO = Path(__file__).resolve().parents[2]
EDITION = 2025
HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_SUMMARY = "=1+2 & <b>fed</b> tekst"
STATED_REASON = "Ringen er angivet i den importerede fil"


def _rows(data: bytes) -> list[dict[str, str]]:
    # Our own CSV is for Danish Excel (byte-order mark, semicolons); BYOR CSV has commas.
    if data.startswith(codecs.BOM_UTF8):
        return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def _text(value: object) -> str:
    """A cell as the CSV writes it: empty for nothing, whole numbers without a decimal point."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m radar export ARGS`` in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "radar", "export", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )


def _flat(text: str) -> str:
    """Whitespace collapsed: lines wrap wherever the PDF's column ends."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def hostile_db(copy_seeded_db: Callable[[], Path]) -> Path:
    """A copy of the seeded database with a technology whose texts are markup and a formula.

    It is on the 2025 radar of administration (with scores) and of
    beskaeftigelse (a ring without scores, as an imported radar stores it).
    """
    path = copy_seeded_db()
    con = duckdb.connect(str(path))
    try:
        con.execute(
            "INSERT INTO technologies (id, sector, name_da, name_en, summary_da, summary_en, "
            "description_da, description_en) VALUES ('xss', 'AUT', ?, ?, ?, ?, ?, ?)",
            [
                HOSTILE_NAME,
                HOSTILE_NAME,
                HOSTILE_SUMMARY,
                HOSTILE_SUMMARY,
                "<img src=x onerror=alert(2)>",
                "<img src=x onerror=alert(2)>",
            ],
        )
        con.execute(
            "INSERT INTO assessments VALUES (?, 'administration', 'xss', 6, 10, 20, 30, 40, "
            "NULL, NULL)",
            [EDITION],
        )
        con.execute(
            "INSERT INTO assessments VALUES (?, 'beskaeftigelse', 'xss', NULL, NULL, NULL, NULL, "
            "NULL, 'afvent', ?)",
            [EDITION, STATED_REASON],
        )
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def hostile_con(hostile_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = store.connect(hostile_db)
    yield connection
    connection.close()


#: Texts Excel would run as formulas, by the id of a technology named so.
FORMULAS = {
    "formel-link": '=HYPERLINK("http://x","y")',
    "formel-plus": "+1",
    "formel-minus": "-x",
    "formel-at": "@SUM(A1)",
    # Already after an apostrophe: it must read back with it.
    "formel-citeret": "'=allerede citeret",
}


@pytest.fixture(scope="module")
def formula_db(copy_seeded_db: Callable[[], Path]) -> Path:
    """A copy of the seeded database with technologies whose every text is a formula.

    Each is on the 2025 radar of administration (with scores) and of
    beskaeftigelse (a stated ring whose reason is the formula too).
    """
    path = copy_seeded_db()
    con = duckdb.connect(str(path))
    try:
        for technology, text in FORMULAS.items():
            con.execute(
                "INSERT INTO technologies (id, sector, name_da, name_en, summary_da, summary_en, "
                "description_da, description_en) VALUES (?, 'AUT', ?, ?, ?, ?, ?, ?)",
                [technology, *[text] * 6],
            )
            con.execute(
                "INSERT INTO assessments VALUES (?, 'administration', ?, 6, 10, 20, 30, 40, "
                "NULL, NULL)",
                [EDITION, technology],
            )
            con.execute(
                "INSERT INTO assessments VALUES (?, 'beskaeftigelse', ?, NULL, NULL, NULL, NULL, "
                "NULL, 'afvent', ?)",
                [EDITION, technology, text],
            )
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def formula_con(formula_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = store.connect(formula_db)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def own_csv(con: duckdb.DuckDBPyConnection) -> bytes:
    return exports.export_radar(con, "csv", edition=EDITION)


@pytest.fixture(scope="module")
def combined_view(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return load_view(con, ViewFilter(area=COMBINED_AREA, edition=EDITION))


# --- file names, targets ---------------------------------------------------------------


def test_file_names_say_what_the_file_holds() -> None:
    assert exports.export_file_name("pdf", "samlet", 2024) == "teknologiradar-2024-samlet.pdf"
    assert exports.export_file_name("png", "teknik-og-miljoe", 2025) == (
        "teknologiradar-2025-teknik-og-miljoe.png"
    )
    assert exports.export_file_name("csv", None, 2025) == "teknologiradar-2025-alle-omraader.csv"
    assert exports.export_file_name("byor-csv", "samlet", 2025).endswith("-samlet-byor.csv")
    # Every format has its own suffix and media type.
    assert set(exports.EXPORT_MEDIA_TYPES) == set(EXPORT_FORMATS) == set(exports.EXPORT_SUFFIXES)
    names = {exports.export_file_name(f, "samlet", 2025) for f in EXPORT_FORMATS}
    assert len(names) == len(EXPORT_FORMATS)


def test_defaults_are_the_combined_radar_and_the_newest_assessed_edition(
    con: duckdb.DuckDBPyConnection,
) -> None:
    newest = store.latest_assessed_edition(con)
    radar = store.load_radar_data(con)
    assert exports.resolve_target(radar, "pdf") == exports.ExportTarget(
        "pdf", COMBINED_AREA, newest
    )
    assert exports.resolve_target(radar, "byor-csv").area == COMBINED_AREA
    # Our own format has a row per area: by default, and for "samlet", every area.
    assert exports.resolve_target(radar, "csv").area is None
    assert exports.resolve_target(radar, "xlsx", area=COMBINED_AREA).area is None
    assert exports.resolve_target(radar, "json", area="beskaeftigelse").area == "beskaeftigelse"


# --- our own format --------------------------------------------------------------------


def test_own_csv_has_the_documented_columns_and_every_assessment_of_the_edition(
    con: duckdb.DuckDBPyConnection,
    own_csv: bytes,
    entries: pd.DataFrame,
    technologies: dict[str, Technology],
) -> None:
    # Danish Excel opens it as columns with æøå intact: a byte-order mark and semicolons.
    assert own_csv.startswith(codecs.BOM_UTF8)
    reader = csv.reader(io.StringIO(own_csv.decode("utf-8-sig")), delimiter=";")
    assert tuple(next(reader)) == OWN_COLUMN_NAMES
    rows = _rows(own_csv)
    stored = store.query_frame(con, "SELECT * FROM assessments WHERE edition = ?", [EDITION])
    assert len(rows) == len(stored) > 100
    assert {(r["area"], r["technology"]) for r in rows} == set(
        zip(stored["area"], stored["technology"], strict=True)
    )
    assert COMBINED_AREA not in {r["area"] for r in rows}
    # The ring is the ring on the area's radar, as the radar draws it.
    on_radar = entries[(entries["edition"] == EDITION) & (entries["area"] != COMBINED_AREA)]
    ring_of = {(a, i): r for a, i, r in on_radar[["area", "id", "ring"]].itertuples(index=False)}
    by_key = {(r["area"], r["technology"]): r for r in rows}
    for a in stored.itertuples(index=False):
        row = by_key[(a.area, a.technology)]
        assert row["ring"] == ring_of[(a.area, a.technology)]
        for column in SCORE_COLUMNS:
            assert row[column] == _text(getattr(a, column)), (a.technology, column)
        assert row["ring_reason"] == _text(a.override_reason)
        tech = technologies[a.technology]
        assert (row["sector"], row["name_da"], row["summary_en"], row["description_da"]) == (
            tech.sector,
            tech.name_da,
            tech.summary_en,
            tech.description_da,
        )
    overridden = [r for r in rows if r["ring_reason"]]
    assert overridden, "the seed has overrides; each must keep its reason"


def test_xlsx_and_json_hold_exactly_the_rows_of_the_csv(
    con: duckdb.DuckDBPyConnection, own_csv: bytes
) -> None:
    expected = [tuple(r.values()) for r in _rows(own_csv)]
    book = load_workbook(io.BytesIO(exports.export_radar(con, "xlsx", edition=EDITION)))
    sheet = book.worksheets[0]
    cells = list(sheet.iter_rows(values_only=True))
    assert tuple(cells[0]) == OWN_COLUMN_NAMES
    assert [tuple(_text(v) for v in row) for row in cells[1:]] == expected
    listed = json.loads(exports.export_radar(con, "json", edition=EDITION).decode("utf-8"))
    assert all(tuple(item) == OWN_COLUMN_NAMES for item in listed)
    assert [tuple(_text(v) for v in item.values()) for item in listed] == expected
    assert all(isinstance(item["maturity_trl"], int) for item in listed)


def test_own_format_of_one_area_has_only_that_area(con: duckdb.DuckDBPyConnection) -> None:
    rows = _rows(exports.export_radar(con, "csv", area="beskaeftigelse", edition=2021))
    stored = store.query_frame(
        con,
        "SELECT technology FROM assessments WHERE edition = 2021 AND area = 'beskaeftigelse'",
    )
    assert {r["area"] for r in rows} == {"beskaeftigelse"}
    assert sorted(r["technology"] for r in rows) == sorted(stored["technology"])


def test_a_ring_without_scores_exports_empty_scores_and_its_stated_reason(
    hostile_con: duckdb.DuckDBPyConnection,
) -> None:
    rows = _rows(exports.export_radar(hostile_con, "csv", area="beskaeftigelse"))
    row = next(r for r in rows if r["technology"] == "xss")
    assert all(row[c] == "" for c in SCORE_COLUMNS)
    assert (row["ring"], row["ring_reason"]) == ("afvent", STATED_REASON)
    listed = json.loads(exports.export_radar(hostile_con, "json", area="beskaeftigelse"))
    item = next(i for i in listed if i["technology"] == "xss")
    assert all(item[c] is None for c in SCORE_COLUMNS)


def test_excel_keeps_text_that_looks_like_a_formula_as_text(
    hostile_con: duckdb.DuckDBPyConnection,
) -> None:
    book = load_workbook(io.BytesIO(exports.export_radar(hostile_con, "xlsx")))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    row = next(
        r for r in sheet.iter_rows(min_row=2) if r[header.index("technology")].value == "xss"
    )
    cell = row[header.index("summary_da")]
    assert cell.value == HOSTILE_SUMMARY
    assert cell.data_type == "s"


def test_own_csv_writes_every_formula_after_an_apostrophe(
    formula_con: duckdb.DuckDBPyConnection,
) -> None:
    rows = [
        r for r in _rows(exports.export_radar(formula_con, "csv")) if r["technology"] in FORMULAS
    ]
    assert len(rows) == 2 * len(FORMULAS)
    texts = ("name_da", "name_en", "summary_da", "summary_en", "description_da", "description_en")
    for row in rows:
        formula = FORMULAS[row["technology"]]
        assert all(row[c] == "'" + formula for c in texts), row
        if row["area"] == "beskaeftigelse":
            assert row["ring_reason"] == "'" + formula
        else:
            assert [row[c] for c in SCORE_COLUMNS] == ["6", "10", "20", "30", "40"]


def test_own_excel_has_no_formula_and_every_text_as_typed(
    formula_con: duckdb.DuckDBPyConnection,
) -> None:
    book = load_workbook(io.BytesIO(exports.export_radar(formula_con, "xlsx")))
    sheet = book.worksheets[0]
    assert [c.coordinate for r in sheet.iter_rows() for c in r if c.data_type == "f"] == []
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    hostile = [r for r in rows if r["technology"] in FORMULAS]
    assert len(hostile) == 2 * len(FORMULAS)
    for row in hostile:
        assert row["name_da"] == row["summary_en"] == FORMULAS[row["technology"]]


def test_byor_csv_writes_every_formula_after_an_apostrophe(
    formula_con: duckdb.DuckDBPyConnection,
) -> None:
    data = exports.export_radar(formula_con, "byor-csv", area="administration", lang="en")
    rows = {r["name"]: r for r in _rows(data)}
    for formula in FORMULAS.values():
        row = rows["'" + formula]
        assert row["description"] == "'" + html.escape(f"{formula}\n\n{formula}", quote=False)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_an_export_with_formulas_imports_back_without_a_single_change(
    formula_con: duckdb.DuckDBPyConnection, fmt: str
) -> None:
    data = exports.export_radar(formula_con, fmt, edition=EDITION)
    plan = importers.plan_import(
        formula_con, data, file_name=f"eksport.{fmt}", edition=EDITION, fmt=fmt
    )
    assert not plan.has_changes, plan.summary_lines("en")


def test_a_byor_csv_with_formulas_imports_back_with_the_names_as_they_were(
    formula_con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    data = exports.export_radar(formula_con, "byor-csv", area="administration", lang="en")
    empty = importers.create_empty_database(tmp_path / "empty.duckdb")
    con = store.connect(empty, read_only=False)
    try:
        importers.import_file(
            con, data, file_name="byor.csv", edition=1, area="administration", editor="test"
        )
        names = {t.name_en: t for t in store.load_technologies(con).values()}
    finally:
        con.close()
    for formula in FORMULAS.values():
        assert names[formula].name_da == formula
        assert names[formula].summary_en == formula
        assert names[formula].description_en == f"{formula}\n\n{formula}"


needs_importer = pytest.mark.skipif(
    not (hasattr(importers, "import_file") and hasattr(importers, "plan_import")),
    reason="radar.importing has no import_file/plan_import yet",
)


@needs_importer
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_our_export_imports_back_without_a_single_change(
    con: duckdb.DuckDBPyConnection, fmt: str
) -> None:
    data = exports.export_radar(con, fmt, edition=EDITION)
    plan = importers.plan_import(con, data, file_name=f"eksport.{fmt}", edition=EDITION, fmt=fmt)
    assert not plan.has_changes, plan.summary_lines("en")
    stored = store.query_frame(
        con, "SELECT count(*) AS n FROM assessments WHERE edition = ?", [2025]
    )
    assert len(plan.assessments_unchanged) == int(stored["n"].iloc[0])


@needs_importer
def test_an_export_imported_as_a_new_edition_exports_the_same_rows(writable_db: Path) -> None:
    path = writable_db
    con = store.connect(path, read_only=False)
    try:
        exported = exports.export_radar(con, "xlsx", edition=EDITION)
        importers.import_file(
            con, exported, file_name="eksport.xlsx", edition=2031, editor="test", fmt="xlsx"
        )
        again = exports.export_radar(con, "csv", edition=2031)
        original = exports.export_radar(con, "csv", edition=EDITION)
    finally:
        con.close()
    assert _rows(again) == _rows(original)


# --- Thoughtworks BYOR --------------------------------------------------------------


@pytest.mark.parametrize("area", [COMBINED_AREA, "social-og-sundhed"])
def test_byor_csv_follows_the_radar_rings_quadrants_and_movement(
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    technologies: dict[str, Technology],
    area: str,
) -> None:
    data = exports.export_radar(con, "byor-csv", area=area, edition=EDITION, lang="en")
    reader = csv.reader(io.StringIO(data.decode("utf-8")))
    assert tuple(next(reader)) == BYOR_COLUMNS
    rows = _rows(data)
    view = load_view(con, ViewFilter(area=area, edition=EDITION)).sort_values("number")
    assert len(rows) == len(view)
    byor_ring = {1: "adopt", 2: "trial", 3: "assess", 4: "hold"}
    status = {"new": "new", "in": "moved in", "out": "moved out", "same": "no change"}
    for row, blip in zip(rows, view.itertuples(), strict=True):
        tech = technologies[blip.id]
        assert row["name"] == tech.name_en
        assert row["ring"] == byor_ring[catalog.ring(blip.ring).position]
        assert row["quadrant"] == catalog.sector(blip.sector).name_en
        assert row["status"] == status[blip.movement]
        assert row["isNew"] == ("TRUE" if blip.movement == "new" else "FALSE")
        assert row["description"] == f"{tech.summary_en}\n\n{tech.description_en}"
    # Not a radar where nothing moved: the statuses must have been read from the movement.
    assert len({r["status"] for r in rows}) >= 2


def test_byor_description_is_text_even_when_it_looks_like_markup(
    hostile_con: duckdb.DuckDBPyConnection,
) -> None:
    data = exports.export_radar(hostile_con, "byor-csv", area="administration")
    row = next(r for r in _rows(data) if r["name"] == HOSTILE_NAME)
    # BYOR renders the description as HTML: ours is escaped, so it shows as typed.
    assert "<" not in row["description"]
    # The summary starts as a formula would: it is written after an apostrophe, read without.
    assert html.unescape(read_csv_text(row["description"])) == (
        f"{HOSTILE_SUMMARY}\n\n<img src=x onerror=alert(2)>"
    )


# --- pictures ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def png(con: duckdb.DuckDBPyConnection) -> bytes:
    return exports.export_radar(con, "png", area=COMBINED_AREA, edition=EDITION)


def _hex_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@pytest.mark.slow
def test_png_is_a_picture_of_the_print_size_on_white_in_the_theme_colours(png: bytes) -> None:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    # A slide: the radar and, beside it, its names in columns (as wide as they need).
    assert height == theme.EXPORT_SLIDE_HEIGHT * theme.EXPORT_IMAGE_SCALE
    assert width > height
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    assert picture.getpixel((5, 5)) == _hex_rgb(theme.BACKGROUND)
    colours = {colour for _, colour in picture.getcolors(maxcolors=width * height)}
    # The outer ring band and every sector colour of the screen are there.
    assert _hex_rgb(theme.RING_FILLS[0]) in colours
    for sector_colour in theme.SECTOR_COLOURS[:5]:
        assert _hex_rgb(sector_colour) in colours


def _svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(e.itertext()) for e in root.iter() if e.tag.endswith("}text")]


def test_svg_has_every_blip_number_the_ring_colours_and_the_title(
    con: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    svg = exports.export_radar(con, "svg", area="teknik-og-miljoe", edition=2023)
    view = load_view(con, ViewFilter(area="teknik-og-miljoe", edition=2023))
    texts = _svg_texts(svg)
    numbers = {text for text in texts if text.isdigit()}
    assert numbers == {str(n) for n in view["number"]}
    document = svg.decode("utf-8")
    for fill in theme.RING_FILLS[: len(catalog.rings)]:
        red, green, blue = _hex_rgb(fill)
        assert f"rgb({red}, {green}, {blue})" in document
    joined = " ".join(texts)
    assert "Teknik og miljø" in joined and "2023" in joined
    assert t("app.illustrative", "da") in joined
    assert {ring.name_da for ring in catalog.rings} <= set(texts)


def test_the_slide_lists_a_name_that_looks_like_markup_as_text(
    hostile_con: duckdb.DuckDBPyConnection,
) -> None:
    svg = exports.export_radar(hostile_con, "svg", area="administration")
    assert b"<script" not in svg
    assert any(HOSTILE_NAME in text for text in _svg_texts(svg))


def test_pictures_speak_english(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    svg = exports.export_radar(con, "svg", lang="en")
    joined = " ".join(_svg_texts(svg))
    assert "Combined (all areas)" in joined
    assert t("app.illustrative", "en") in joined
    assert all(ring.name_en in joined for ring in catalog.rings)


def test_slow_exports_report_their_progress(con: duckdb.DuckDBPyConnection) -> None:
    steps: list[tuple[float, str]] = []
    exports.export_radar(con, "png", progress=lambda f, m: steps.append((f, m)))
    fractions = [f for f, _ in steps]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions) and len(steps) >= 3
    assert steps[-1][1] == t("export.progress.done", "da")
    assert t("export.progress.drawing", "da") in [m for _, m in steps]


# --- the PDF handout --------------------------------------------------------------------


@pytest.fixture(scope="module")
def handout(con: duckdb.DuckDBPyConnection) -> PdfReader:
    return PdfReader(io.BytesIO(exports.export_radar(con, "pdf", edition=EDITION)))


@pytest.mark.slow
def test_handout_is_a4(handout: PdfReader) -> None:
    for page in handout.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        # A4 is 210 × 297 mm: 595 × 842 points.
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2
    assert 2 <= len(handout.pages) <= 10


@pytest.mark.slow
def test_handout_lists_every_blip_by_its_number_with_ring_and_movement(
    handout: PdfReader,
    combined_view: pd.DataFrame,
    catalog: Catalog,
    technologies: dict[str, Technology],
) -> None:
    text = _flat("\n".join(page.extract_text() for page in handout.pages))
    for blip in combined_view.itertuples():
        ring = catalog.ring(blip.ring).name_da
        entry = f"{blip.number}. {technologies[blip.id].name_da} · {ring} ·"
        assert entry in text, entry
    moved = combined_view[combined_view["movement"] == "in"].iloc[0]
    before = catalog.ring(moved["previous_ring"]).name_da
    expected = f"{moved['number']}. {technologies[moved['id']].name_da} · "
    assert f"Rykket ind fra {before} ({int(moved['previous_edition'])})" in text.split(expected)[1]


@pytest.mark.slow
def test_handout_explains_the_rings_and_lists_each_sector_with_summaries(
    handout: PdfReader,
    combined_view: pd.DataFrame,
    catalog: Catalog,
    technologies: dict[str, Technology],
) -> None:
    text = _flat("\n".join(page.extract_text() for page in handout.pages))
    for ring in catalog.rings:
        assert _flat(ring.description_da) in text, ring.id
    sectors_part = text.split(t("export.handout.sectors", "da"))[1]
    for sector in catalog.sectors:
        assert _flat(sector.name_da) in sectors_part
        assert _flat(sector.description_da) in sectors_part
    for blip in combined_view.itertuples():
        assert _flat(technologies[blip.id].summary_da) in sectors_part, blip.id


@pytest.mark.slow
def test_handout_names_the_edition_the_printing_date_and_the_notice(
    handout: PdfReader, catalog: Catalog
) -> None:
    first = _flat(handout.pages[0].extract_text())
    edition = catalog.edition(EDITION)
    assert "Teknologiradar: Samlet (alle fagområder), 2025" in first
    assert _flat(edition.title_da) in first
    assert exports.format_date(date.today(), "da") in first
    assert f"{date.today().year}" in exports.format_date(date.today(), "da")
    assert t("app.illustrative", "da") in first
    # Danish letters come through as letters, not boxes or lookalikes.
    assert "Velfærdsteknologi" in _flat("".join(p.extract_text() for p in handout.pages))


@pytest.mark.slow
def test_handout_shows_markup_in_names_as_text(hostile_con: duckdb.DuckDBPyConnection) -> None:
    data = exports.export_radar(hostile_con, "pdf", area="administration", lang="en")
    text = _flat("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))
    assert HOSTILE_NAME in text
    assert "Printed" in text and exports.format_date(date.today(), "en") in text


# --- the interactive web page ---------------------------------------------------------------


def test_html_is_one_offline_file_with_plotly_embedded(
    con: duckdb.DuckDBPyConnection, combined_view: pd.DataFrame, technologies: dict[str, Technology]
) -> None:
    page = exports.export_radar(con, "html").decode("utf-8")
    assert not re.search(r"<script[^>]*\ssrc=", page)
    assert not re.search(r"<link\b", page)
    assert plotly.offline.get_plotlyjs()[:200] in page
    assert '<div id="radar"' in page
    assert html.escape(t("app.illustrative", "da")) in page
    for blip in combined_view.itertuples():
        name = html.escape(technologies[blip.id].name_da)
        assert f"{blip.number}. {name}" in page


def test_html_escapes_every_text_from_the_database(hostile_con: duckdb.DuckDBPyConnection) -> None:
    page = exports.export_radar(hostile_con, "html", area="administration").decode("utf-8")
    assert HOSTILE_NAME not in page
    assert "<img src=x" not in page
    assert html.escape(HOSTILE_NAME) in page  # in the legend, as text


# --- the command line ---------------------------------------------------------------------


MAGIC = {
    "csv": b"\xef\xbb\xbfarea;technology;",
    "xlsx": b"PK",
    "json": b"[",
    "byor-csv": b"name,ring,quadrant,isNew,status,description",
    "png": b"\x89PNG",
    "svg": b"<svg",
    "pdf": b"%PDF",
    "html": b"<!DOCTYPE html>",
}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_cli_writes_every_format(
    fmt: str, seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / f"radar.{fmt}"
    assert main(["export", "--format", fmt, "--out", str(out), "--db", str(seeded_db)]) == 0
    assert out.read_bytes().startswith(MAGIC[fmt])
    assert f"Wrote {out}" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no leftovers


def test_cli_takes_area_edition_and_language(
    seeded_db: Path, tmp_path: Path, technologies: dict[str, Technology]
) -> None:
    out = tmp_path / "byor.csv"
    argv = ["export", "--format", "byor-csv", "--out", str(out), "--db", str(seeded_db)]
    assert main([*argv, "--area", "administration", "--edition", "2022", "--lang", "en"]) == 0
    names = {r["name"] for r in _rows(out.read_bytes())}
    con = store.connect(seeded_db)
    try:
        view = load_view(con, ViewFilter(area="administration", edition=2022))
    finally:
        con.close()
    assert names == {technologies[i].name_en for i in view["id"]}


@pytest.mark.slow
def test_cli_help_documents_every_option() -> None:
    done = _run_cli("--help")
    assert done.returncode == 0
    for option in ("--format", "--out", "--area", "--edition", "--db", "--lang", "apt install"):
        assert option in done.stdout
    for fmt in EXPORT_FORMATS:
        assert f"{fmt}:" in done.stdout


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--area", "nowhere"], "no area 'nowhere'; the areas are samlet, dagtilbud-og-skole"),
        (["--edition", "1999"], "no published edition 1999; the editions are 2021, 2022"),
    ],
)
def test_cli_names_an_unknown_area_or_edition(
    extra: list[str], message: str, seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "radar.pdf"
    argv = ["export", "--format", "pdf", "--out", str(out), "--db", str(seeded_db), *extra]
    assert main(argv) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_cli_refuses_a_folder_that_does_not_exist(
    seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "missing" / "radar.csv"
    assert main(["export", "--format", "csv", "--out", str(out), "--db", str(seeded_db)]) == 1
    assert f"the folder {out.parent} does not exist" in capsys.readouterr().err


def test_drafts_are_not_exported(
    writable_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = writable_db
    con = duckdb.connect(str(path))
    con.execute("UPDATE editions SET status = 'draft' WHERE year = 2025")
    con.close()
    out = tmp_path / "radar.csv"
    argv = ["export", "--format", "csv", "--out", str(out), "--db", str(path)]
    assert main([*argv, "--edition", "2025"]) == 1
    assert "no published edition 2025" in capsys.readouterr().err
    # The default is then the newest published edition.
    assert main(argv) == 0
    assert {r["area"] for r in _rows(out.read_bytes())} and "edition 2024" in (
        capsys.readouterr().out
    )


@pytest.mark.slow
def test_cli_without_chromium_says_how_to_install_it(seeded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "radar.png"
    done = _run_cli(
        *("--format", "png", "--out", str(out), "--db", str(seeded_db)),
        env={"PATH": "/usr/bin:/bin", "BROWSER_PATH": str(tmp_path / "no-chromium")},
    )
    assert done.returncode == 1
    assert "apt install chromium" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_the_api_refuses_pictures_without_chromium(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    for fmt in exports.CHROMIUM_FORMATS:
        with pytest.raises(exports.ChromiumMissingError, match="apt install chromium"):
            exports.export_radar(con, fmt)
    # The other formats need no browser.
    assert exports.export_radar(con, "html").startswith(b"<!DOCTYPE html>")


@pytest.fixture
def broken_chromium(tmp_path: Path) -> Path:
    """An executable that exits at once, as a Chromium missing its libraries does."""
    path = tmp_path / "chromium"
    path.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.mark.slow
def test_cli_says_so_when_chromium_cannot_start(
    seeded_db: Path, tmp_path: Path, broken_chromium: Path
) -> None:
    out = tmp_path / "radar.svg"
    done = _run_cli(
        *("--format", "svg", "--out", str(out), "--db", str(seeded_db)),
        env={"PATH": "/usr/bin:/bin", "BROWSER_PATH": str(broken_chromium)},
    )
    assert done.returncode == 1
    assert f"error: Chromium ({broken_chromium}) could not draw the radar" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_a_handout_chromium_cannot_print_is_an_error_not_a_hang(broken_chromium: Path) -> None:
    with pytest.raises(exports.RenderError, match="could not print"):
        exports.print_pdf("<!DOCTYPE html><p>x</p>", str(broken_chromium), timeout=30)
