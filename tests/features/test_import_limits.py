"""A crafted workbook cannot make the importer work for minutes: the reader stops at its limits.

An .xlsx file says how large its sheet is (``<dimension ref="A1:XFD1048576"/>``) and where
each row and cell is (``<row r="1048576">``, ``<c r="XFD1">``); a file of a few KB can claim
the whole grid. The reader must do work in proportion to the cells the file really holds, and
refuse a sheet that reaches beyond its limits, with a message naming the limit.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

import duckdb
import pytest

from radar.importing import ImportProblems, plan_import, read
from radar.importing.read import MAX_COLUMNS, MAX_SHEET_ROWS, read_xlsx
from radar.model import Lang

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    f'<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" '
    f'Type="{DOCUMENT}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<workbook xmlns="{MAIN}" xmlns:r="{DOCUMENT}">'
    '<sheets><sheet name="Radar" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" '
    f'Type="{DOCUMENT}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
HEADER = (("A", "area"), ("B", "sector"), ("C", "name_da"), ("D", "ring"))
ROW = (("A", "administration"), ("B", "AUT"), ("C", "Kvanteskrivebord"), ("D", "klar"))

#: The cells the reader may turn into text for the small sheets here: a few rows of a few
#: columns, with room to spare. Reading a sheet padded to its declared size costs millions.
CELL_BUDGET = 10 * MAX_COLUMNS


def _sheet(rows: dict[int, Sequence[tuple[str, str]]], dimension: str | None) -> str:
    """A worksheet's XML: each row at its own number, each cell at its column's letters."""
    body = "".join(
        f'<row r="{number}">'
        + "".join(
            f'<c r="{column}{number}" t="inlineStr"><is><t>{text}</t></is></c>'
            for column, text in cells
        )
        + "</row>"
        for number, cells in rows.items()
    )
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<worksheet xmlns="{MAIN}">{declared}<sheetData>{body}</sheetData></worksheet>'


def _crafted(rows: dict[int, Sequence[tuple[str, str]]], dimension: str | None = None) -> bytes:
    """A minimal workbook written by hand, as an attacker would: a few KB at most."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", _sheet(rows, dimension))
    data = out.getvalue()
    assert len(data) < 4096
    return data


class _OverBudget(BaseException):
    """Raised past the budget; no Exception, so the reader's own handler cannot swallow it."""


@pytest.fixture
def cells_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many cells the reader turns into text; past :data:`CELL_BUDGET` the read stops."""
    count = [0]
    original = read._cell_text

    def counting(value: Any) -> str:
        count[0] += 1
        if count[0] > CELL_BUDGET:
            raise _OverBudget(f"the reader went past {CELL_BUDGET} cells")
        return original(value)

    monkeypatch.setattr(read, "_cell_text", counting)
    yield count


def _refusal(con: duckdb.DuckDBPyConnection, data: bytes, lang: Lang = "en") -> list[str]:
    with pytest.raises(ImportProblems) as exc:
        plan_import(con, data, file_name="radar.xlsx", edition=2026, lang=lang)
    return [str(p) for p in exc.value.problems]


def test_a_sheet_claiming_the_whole_grid_is_read_by_the_cells_it_holds(
    con: duckdb.DuckDBPyConnection, cells_read: list[int]
) -> None:
    # 1.5 KB that declares 16,384 columns: every row, the blank ones between the
    # header and the technology included, used to be padded out to that width.
    data = _crafted({1: HEADER, 900: ROW}, dimension="A1:XFD1048576")
    plan = plan_import(con, data, file_name="radar.xlsx", edition=2026, lang="en")
    assert [plan.names[t] for t in plan.technologies_added] == ["Kvanteskrivebord"]
    assert cells_read[0] <= 2 * len(HEADER)


@pytest.mark.parametrize("dimension", [None, "A1:XFD1048576"], ids=["undeclared", "declared"])
def test_a_row_far_below_the_radar_is_refused_naming_the_limit(
    con: duckdb.DuckDBPyConnection, cells_read: list[int], dimension: str | None
) -> None:
    # Its row used to be dropped without a word (or read after a minute of padding).
    data = _crafted({1: HEADER, 2: ROW, 1_048_576: ROW}, dimension=dimension)
    assert _refusal(con, data) == [
        f"radar.xlsx: the sheet goes on below row {MAX_SHEET_ROWS}, further than the import "
        "reads; delete the rows below the radar, or copy the radar to a new sheet"
    ]
    assert cells_read[0] <= 2 * len(HEADER)


def test_a_cell_far_right_of_the_radar_is_refused_naming_its_place(
    con: duckdb.DuckDBPyConnection, cells_read: list[int]
) -> None:
    # It used to give 16,379 "the column has no name" problems, one per empty header cell.
    data = _crafted({1: (*HEADER, ("XFD", "note")), 2: ROW})
    assert _refusal(con, data) == [
        f"radar.xlsx, row 1, column 'XFD': lies beyond column GR ({MAX_COLUMNS} columns), "
        "further right than the import reads; delete the columns right of the radar, or copy "
        "the radar to a new sheet"
    ]
    assert cells_read[0] == 0


def test_the_refusals_are_in_danish_too(con: duckdb.DuckDBPyConnection) -> None:
    below = _crafted({1: HEADER, 1_048_576: ROW})
    right = _crafted({1: (*HEADER, ("XFD", "note"))})
    assert _refusal(con, below, "da") == [
        f"radar.xlsx: arket fortsætter under række {MAX_SHEET_ROWS}, længere end importen "
        "læser; slet rækkerne under radaren, eller kopier radaren til et nyt ark"
    ]
    assert _refusal(con, right, "da") == [
        f"radar.xlsx, row 1, column 'XFD': ligger ud over kolonne GR ({MAX_COLUMNS} kolonner), "
        "længere til højre end importen læser; slet kolonnerne til højre for radaren, eller "
        "kopier radaren til et nyt ark"
    ]


def test_a_sheet_reaching_exactly_to_the_limits_is_read_whole() -> None:
    data = _crafted({1: (("A", "first"), ("GR", "last")), MAX_SHEET_ROWS: (("A", "bottom"),)})
    rows, problems = read_xlsx(data, "radar.xlsx", "en")
    assert problems == []
    assert [(number, cells[0], cells[-1], len(cells)) for number, cells in rows] == [
        (1, "first", "last", MAX_COLUMNS),
        (MAX_SHEET_ROWS, "bottom", "bottom", 1),
    ]
