"""Cells a spreadsheet would run as formulas are written as text, and read back as written."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from radar import spreadsheet

#: What Excel (and LibreOffice) start a formula or a command with, per OWASP's CSV injection page.
HOSTILE = (
    '=HYPERLINK("http://x","y")',
    "+1",
    "-x",
    "@SUM(A1)",
    "\tTAB",
    "\rCR",
    "=cmd|' /C calc'!A0",
)
#: Texts that merely begin with the apostrophe: they must read back as they were, too.
QUOTED = ("'=already quoted", "''+twice", "'plain", "'")
HARMLESS = ("Robotstøvsuger", "", " =space first", "1+1", "a=b")


def _csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("text", HOSTILE)
def test_a_text_excel_would_run_is_written_after_an_apostrophe(text: str) -> None:
    data = spreadsheet.encode_csv(["name"], [[text]], delimiter=";", bom=True)
    assert _csv_cells(data)[1] == ["'" + text]


@pytest.mark.parametrize("text", (*HARMLESS, "'plain"))
def test_other_text_is_written_as_it_is(text: str) -> None:
    data = spreadsheet.encode_csv(["name"], [[text]], delimiter=";", bom=True)
    assert _csv_cells(data)[1] == [text]


def test_numbers_stay_numbers_and_nothing_is_empty() -> None:
    data = spreadsheet.encode_csv(["a", "b", "c", "d"], [[-3, 2, None, "-3"]], delimiter=",")
    # The number -3 is a number, the text "-3" is text Excel would compute with.
    assert data.decode("utf-8").splitlines()[1] == "-3,2,,'-3"


@pytest.mark.parametrize("text", (*HOSTILE, *QUOTED, *HARMLESS))
def test_every_text_reads_back_exactly_as_it_was(text: str) -> None:
    written = _csv_cells(spreadsheet.encode_csv(["name"], [[text]], delimiter=";", bom=True))
    assert spreadsheet.read_csv_text(written[1][0]) == text


def test_reading_back_strips_one_apostrophe_and_only_before_a_formula() -> None:
    assert spreadsheet.read_csv_text("'=1+2") == "=1+2"
    assert spreadsheet.read_csv_text("''=1+2") == "'=1+2"
    assert spreadsheet.read_csv_text("'-x") == "-x"
    assert spreadsheet.read_csv_text("'plain") == "'plain"
    assert spreadsheet.read_csv_text("-3") == "-3"


def test_a_workbook_holds_no_formula_and_every_text_as_typed() -> None:
    book = Workbook()
    sheet = book.active
    texts = [*HOSTILE, *QUOTED, "Robotstøvsuger\x07"]
    spreadsheet.write_xlsx_row(sheet, 1, ["tekst", "tal"])
    for row, text in enumerate(texts, start=2):
        spreadsheet.write_xlsx_row(sheet, row, [text, -3])
    out = io.BytesIO()
    book.save(out)
    again = load_workbook(io.BytesIO(out.getvalue()))
    cells = [c for r in again.active.iter_rows() for c in r]
    assert [c.data_type for c in cells if c.data_type == "f"] == []
    # Marked as Excel marks a text typed after an apostrophe: it stays text when edited.
    marked = [c.value for c in again.active["A"] if c.quotePrefix]
    assert marked == [t.replace("\r", "\n") for t in (*HOSTILE, "'=already quoted", "''+twice")]
    values = list(again.active.iter_rows(min_row=2, values_only=True))
    # Excel cannot hold control characters such as the bell: it is left out, the rest kept;
    # the workbook's XML reads a carriage return back as a line break.
    expected = [t.replace("\r", "\n") for t in (*HOSTILE, *QUOTED)]
    assert [v[0] for v in values] == [*expected, "Robotstøvsuger"]
    assert [v[1] for v in values] == [-3] * len(texts)
