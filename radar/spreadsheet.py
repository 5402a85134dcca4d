"""Cells for spreadsheets: text that Excel would run as a formula is written as text.

Every CSV and Excel file the radar writes goes through here, so a name or a
participant's comment such as ``=HYPERLINK("http://x","y")`` can never become
a live formula in the reader's spreadsheet (CSV or formula injection).

- CSV: a text cell that starts with one of :data:`FORMULA_TRIGGERS` (OWASP's
  list: ``=``, ``+``, ``-``, ``@``, tab and carriage return) is written after an
  apostrophe, which spreadsheets read as "this is text". A text that already
  starts with apostrophes followed by a trigger gets one more, so that
  :func:`read_csv_text` can take exactly one away and every text reads back as
  it was. Numbers are written as they are: -3 is a number, not a formula.
- Excel: text is written as a string cell (never a formula) with Excel's own
  "quote prefix" mark, as if typed after an apostrophe, so the cell stays text
  even when it is edited. The value itself is unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any, Final

__all__ = [
    "FORMULA_TRIGGERS",
    "csv_cell",
    "encode_csv",
    "read_csv_text",
    "write_xlsx_row",
]

#: The characters a spreadsheet starts a formula (or a command) with.
FORMULA_TRIGGERS: Final[tuple[str, ...]] = ("=", "+", "-", "@", "\t", "\r")
#: What tells a spreadsheet that a cell is text.
_QUOTE: Final = "'"


def _looks_like_formula(text: str) -> bool:
    """Whether ``text``, after any apostrophes, starts as a formula would."""
    return text.lstrip(_QUOTE).startswith(FORMULA_TRIGGERS)


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: a text a spreadsheet would run gets an apostrophe, "" for None."""
    if value is None:
        return ""
    if isinstance(value, str) and _looks_like_formula(value):
        return _QUOTE + value
    return value


def read_csv_text(text: str) -> str:
    """A CSV cell as it was before :func:`csv_cell`: one apostrophe before a formula dropped."""
    if text.startswith(_QUOTE) and _looks_like_formula(text):
        return text[1:]
    return text


def encode_csv(
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    delimiter: str,
    bom: bool = False,
) -> bytes:
    """A table as CSV in UTF-8 (after a byte-order mark if ``bom``), lines ending in CRLF.

    Every cell, header too, goes through :func:`csv_cell`.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([csv_cell(name) for name in header])
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def write_xlsx_row(sheet: Any, row: int, values: Sequence[Any]) -> list[Any]:
    """Write ``values`` into ``row`` (from 1) of an openpyxl sheet; return the cells.

    Text is a string cell with the quote prefix, never a formula; characters
    Excel cannot hold (control characters) are left out, and an empty text is
    an empty cell. Numbers and None are written as they are.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cells = []
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value) or None
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            # openpyxl takes a text starting with "=" for a formula: data must stay data.
            cell.data_type = "s"
            if _looks_like_formula(value):
                cell.quotePrefix = True
        cells.append(cell)
    return cells
