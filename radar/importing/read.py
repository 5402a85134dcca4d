"""From a file's bytes to rows: decoding, CSV separators, workbooks, JSON and the size limits.

Every reader returns what it could read and the problems it found; the
formats (:mod:`~radar.importing.own`, :mod:`~radar.importing.byor`,
:mod:`~radar.importing.zalando`) make sense of the rows.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from radar.i18n import t
from radar.importing.problems import BAD_CHARS, Problem, bad_char_problem, first_ten
from radar.model import Lang
from radar.spreadsheet import read_csv_text

__all__ = [
    "JSON_REASONS",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MAX_SHEET_ROWS",
    "MAX_UNPACKED_BYTES",
    "Rows",
    "decode",
    "header_delimiter",
    "json_rows",
    "parse_json",
    "read_csv",
    "read_xlsx",
    "table_rows",
    "windows_1252",
]

#: Rows above this are refused: a radar has a few hundred blips per area.
MAX_ROWS = 10_000
#: A sheet's cells beyond this column are refused: the widest format has a few dozen.
MAX_COLUMNS = 200
#: A sheet's rows below this are refused: blank rows between the radar's rows are
#: fine, but not a row a whole sheet further down, which only a crafted file holds.
MAX_SHEET_ROWS = 3 * MAX_ROWS
#: An .xlsx file is a zip archive; one that unpacks to more is refused
#: before it is parsed, so a small "zip bomb" cannot exhaust the memory.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Rows:
    """A file's rows, each with its row number and a column -> text mapping.

    ``header`` holds the column names as written (for a JSON file, every key
    in order of appearance); the rows' keys are the names in lower case.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]
    notes: tuple[Problem, ...] = ()
    #: The header's row number (None in JSON, which has no header row).
    header_row: int | None = 1


#: A UTF-8 sequence of two or three bytes (U+0080 to U+FFFF).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")


def decode(
    data: bytes, file_name: str, lang: Lang, *, notes: list[Problem] | None = None
) -> tuple[str | None, list[Problem]]:
    """The file as text, or None and the problem (naming the first byte that is not UTF-8).

    UTF-8, a byte-order mark dropped. Given ``notes``, a file that is not
    UTF-8 but Windows-1252 text (:func:`windows_1252`), as Danish Excel's
    "CSV (semikolonsepareret)" is, is read as such, and the note that says so
    goes to ``notes``. Without it (JSON, which is UTF-8 by its standard) only
    UTF-8 is read.
    """
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8"), []
    except UnicodeDecodeError as exc:
        text = windows_1252(data) if notes is not None else None
        if notes is not None and text is not None:
            notes.append(Problem(file_name, None, None, t("importmsg.read_as_cp1252", lang)))
            return text, []
        message = t("importmsg.not_utf8", lang, byte=exc.start + bom)
        return None, [Problem(file_name, None, None, message)]


def windows_1252(data: bytes) -> str | None:
    """Bytes that are not UTF-8 as Windows-1252 text, or None when they are not such text.

    Every byte must be a Windows-1252 character, none of them a control
    character other than tab and line breaks (a UTF-16 file is full of NUL
    characters), and one at least a letter beyond ASCII (æ, ø, å, é …): what
    tells Danish text from bytes in any other encoding. A file with a UTF-8
    byte-order mark or a UTF-8 letter or punctuation mark is partly UTF-8, and
    reading it either way would garble some of its letters.
    """
    if data.startswith(b"\xef\xbb\xbf") or _partly_utf8(data):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if BAD_CHARS.search(text) or not any(c.isalpha() for c in text if c > "\x7f"):
        return None
    return text


def _partly_utf8(data: bytes) -> bool:
    """Whether the bytes hold a UTF-8 sequence for a character of Western European text."""
    for match in _UTF8_SEQUENCE.finditer(data):
        try:
            char = match.group().decode("utf-8")
        except UnicodeDecodeError:
            continue
        # Latin letters and the punctuation and currency signs (– … € and the
        # like): what a Danish file holds. Windows-1252 text rarely forms
        # such a sequence by chance, and then it is refused, which is safe.
        if "\u00a0" <= char <= "\u024f" or "\u2000" <= char <= "\u20cf":
            return True
    return False


def header_delimiter(line: str) -> tuple[str | None, str]:
    """The separator the header line uses, or None and the one found instead ("" if none)."""
    counts = dict.fromkeys(",;\t|", 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    if counts[","] or counts[";"]:
        return ("," if counts[","] >= counts[";"] else ";"), ""
    if counts["\t"]:
        return None, "\t"
    if counts["|"]:
        return None, "|"
    return None, ""


def read_csv(
    text: str, file_name: str, lang: Lang
) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """Rows of a CSV text as (row number, fields); the header is the first row.

    A field that is a formula after an apostrophe (``'=SUM(A1)``) is read
    without the apostrophe, which our exports put there so that spreadsheets
    show the text instead of running it (:func:`radar.spreadsheet.read_csv_text`).
    """
    lines = text.splitlines()
    skip = 0
    while skip < len(lines) and not lines[skip].strip():
        skip += 1
    if skip == len(lines):
        return [], [Problem(file_name, None, None, t("importmsg.no_header", lang))]
    first = lines[skip].strip()
    # Excel's "sep=;" line names the separator itself.
    declared = re.fullmatch(r'"?sep=(.)"?', first, flags=re.IGNORECASE)
    delimiter: str
    if declared:
        delimiter = declared.group(1)
        if delimiter not in ",;":
            message = t("importmsg.declared_separator", lang, separator=delimiter)
            return [], [Problem(file_name, skip + 1, None, message)]
        skip += 1
    else:
        sniffed, found = header_delimiter(first)
        if sniffed is None:
            if found == "\t":
                message = t("importmsg.separated_by_tabs", lang)
            elif found:
                message = t("importmsg.separated_by", lang, separator=found)
            else:
                shown = first if len(first) <= 60 else first[:57] + "..."
                message = t("importmsg.one_column", lang, header=shown)
            return [], [Problem(file_name, skip + 1, None, message)]
        delimiter = sniffed
    body = "".join(text.splitlines(keepends=True)[skip:])
    rows: list[tuple[int, list[str]]] = []
    # Excel does not show its "sep=" line, so the rows after it count from it.
    row_number = skip - 1 if declared else skip
    # newline="" keeps line breaks inside quoted fields, as the csv module requires.
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    while True:
        row_number += 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            limit = re.fullmatch(r"field larger than field limit \((\d+)\)", str(exc))
            reason = t("importmsg.csv.field_limit", lang, limit=limit[1]) if limit else exc
            message = t("importmsg.csv_unreadable", lang, reason=reason)
            return rows, [Problem(file_name, row_number, None, message)]
        if len(rows) > MAX_ROWS:
            message = t("importmsg.too_many_rows", lang, limit=MAX_ROWS)
            return rows, [Problem(file_name, None, None, message)]
        rows.append((row_number, [read_csv_text(field) for field in record]))
    return rows, []


def _cell_text(value: Any) -> str:
    """A spreadsheet cell as the text a CSV file would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_xlsx(
    data: bytes, file_name: str, lang: Lang
) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """Rows of the first sheet as (row number, cells as text)."""
    not_workbook = [Problem(file_name, None, None, t("importmsg.not_workbook", lang))]
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return [], [Problem(file_name, None, None, t("importmsg.old_excel", lang))]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return [], not_workbook
    if "xl/workbook.xml" not in names:
        return [], not_workbook
    if unpacked > MAX_UNPACKED_BYTES:
        limit = MAX_UNPACKED_BYTES // (1024 * 1024)
        message = t("importmsg.workbook_too_large", lang, limit=limit)
        return [], [Problem(file_name, None, None, message)]
    import openpyxl  # only needed here; it is slow to import

    rows: list[tuple[int, list[str]]] = []
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            if not workbook.worksheets:
                return [], [Problem(file_name, None, None, t("importmsg.no_sheet", lang))]
            sheet = workbook.worksheets[0]
            # The sheet's <dimension> is the file's own claim, and openpyxl pads
            # every row, the blank ones between rows too, to the width it declares:
            # a few KB claiming A1:XFD1048576 cost a minute. Without it a row is
            # as wide as its last cell, and a blank row between rows is empty.
            sheet.reset_dimensions()
            # One row past the limit is read, to know that the sheet goes on.
            sheet_rows = sheet.iter_rows(max_row=MAX_SHEET_ROWS + 1, values_only=True)
            for row_number, values in enumerate(sheet_rows, start=1):
                if row_number > MAX_SHEET_ROWS:
                    message = t("importmsg.rows_beyond_limit", lang, limit=MAX_SHEET_ROWS)
                    return [], [Problem(file_name, None, None, message)]
                if len(values) > MAX_COLUMNS:
                    message = t(
                        "importmsg.columns_beyond_limit",
                        lang,
                        last=_column_letter(MAX_COLUMNS - 1),
                        limit=MAX_COLUMNS,
                    )
                    column = _column_letter(len(values) - 1)
                    return [], [Problem(file_name, row_number, column, message)]
                cells = [_cell_text(v) for v in values]
                if any(c.strip() for c in cells):
                    if len(rows) > MAX_ROWS:
                        message = t("importmsg.too_many_rows", lang, limit=MAX_ROWS)
                        return rows, [Problem(file_name, None, None, message)]
                    rows.append((row_number, cells))
        finally:
            workbook.close()
    # openpyxl parses a damaged workbook lazily and fails with whatever the
    # zip, XML or its own code raises; every one of them means the same here.
    except Exception as exc:
        message = t("importmsg.workbook_unreadable", lang, error=type(exc).__name__)
        return [], [Problem(file_name, None, None, message)]
    return rows, []


_SPACE_QUOTE = re.compile(r'[ \t]+"')


def table_rows(
    records: list[tuple[int, list[str]]],
    file_name: str,
    lang: Lang,
    *,
    repair: Callable[[list[str], list[str]], list[str] | None] | None = None,
    separator: str | None = ",",
    read: Collection[str] | None = None,
) -> tuple[Rows | None, list[Problem]]:
    """Records (the first is the header) as named rows; blank rows are skipped.

    ``separator`` is the CSV separator, for messages; None for a spreadsheet.
    ``read`` names the columns (in lower case) the format reads; the others
    are left out, and one note lists them (None: every column is read). A
    CSV field with a space before its opening quote is a problem of its own.
    """
    records = [(n, r) for n, r in records if any(f.strip() for f in r)]
    if not records:
        return None, [Problem(file_name, None, None, t("importmsg.no_header", lang))]
    header_row, raw_header = records[0]
    header = [h.strip().lstrip("\ufeff") for h in raw_header]
    while header and not header[-1]:
        header.pop()
    problems = []
    seen: dict[str, int] = {}
    for index, name in enumerate(header):
        if not name:
            message = t("importmsg.column_no_name", lang)
            problems.append(Problem(file_name, header_row, _column_letter(index), message))
        elif name.lower() in seen:
            message = t(
                "importmsg.column_twice",
                lang,
                first=_column_letter(seen[name.lower()]),
                second=_column_letter(index),
            )
            problems.append(Problem(file_name, header_row, name, message))
        else:
            seen[name.lower()] = index
    if problems:
        return None, problems
    notes = _unread_columns(header, read, file_name, header_row, lang)
    rows = []
    for row_number, record in records[1:]:
        fields = list(record)
        # A quote opens a quoted field only as its first character: after a
        # space it is text, and the separators inside the text split it.
        spaced = next((i for i, f in enumerate(fields) if _SPACE_QUOTE.match(f)), None)
        if separator is not None and spaced is not None:
            column = header[spaced] if spaced < len(header) else None
            message = t("importmsg.space_before_quote", lang, separator=separator)
            problems.append(Problem(file_name, row_number, column, message))
            continue
        # Before trailing empty fields are dropped: a name split by unquoted
        # commas may have pushed an empty last column out of the header's width.
        if len(fields) > len(header) and repair is not None:
            repaired = repair(header, fields)
            if repaired is not None:
                message = t(
                    "importmsg.name_rejoined",
                    lang,
                    fields=len(fields),
                    columns=len(header),
                    separator=separator,
                    name=repaired[0],
                )
                notes.append(Problem(file_name, row_number, None, message))
                fields = repaired
        # Trailing empty fields are what spreadsheets leave behind, not data.
        while len(fields) > len(header) and not fields[-1].strip():
            fields.pop()
        if len(fields) < len(header):
            fields += [""] * (len(header) - len(fields))
        if len(fields) != len(header):
            if separator is None:
                column = _column_letter(len(fields) - 1)
                message = t("importmsg.value_without_column", lang, column=column)
            else:
                message = t(
                    "importmsg.field_count",
                    lang,
                    fields=len(fields),
                    columns=len(header),
                    separator=separator,
                )
            problems.append(Problem(file_name, row_number, None, message))
            continue
        cells = {}
        for name, value in zip(header, fields, strict=True):
            if read is not None and name.lower() not in read:
                continue
            if BAD_CHARS.search(value):
                problems.append(bad_char_problem(file_name, row_number, name, value, lang))
                value = BAD_CHARS.sub("", value)
            cells[name.lower()] = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        rows.append((row_number, cells))
    if not rows and not problems:
        problems.append(Problem(file_name, None, None, t("importmsg.no_rows", lang)))
    return Rows(tuple(header), tuple(rows), tuple(notes), header_row), problems


def _unread_columns(
    header: Collection[str],
    read: Collection[str] | None,
    file_name: str,
    row: int | None,
    lang: Lang,
) -> list[Problem]:
    """The note listing the columns a format does not read, if there are any."""
    unread = [name for name in header if read is not None and name.lower() not in read]
    if not unread:
        return []
    message = t("importmsg.columns_not_read", lang, columns=first_ten(unread, lang))
    return [Problem(file_name, row, None, message)]


def _json_text(value: Any) -> str | None:
    """A JSON value as cell text; None for lists and objects, which no column takes."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float | str):
        return str(value)
    return None


#: What Python's JSON reader says is wrong (its ``msg``) -> the message key.
JSON_REASONS: Mapping[str, str] = {
    "Expecting value": "importmsg.json.expecting_value",
    "Expecting ',' delimiter": "importmsg.json.expecting_comma",
    "Expecting ':' delimiter": "importmsg.json.expecting_colon",
    "Expecting property name enclosed in double quotes": "importmsg.json.expecting_property",
    "Unterminated string starting at": "importmsg.json.unterminated_string",
    "Invalid control character at": "importmsg.json.control_character",
    "Invalid \\escape": "importmsg.json.invalid_escape",
    "Invalid \\uXXXX escape": "importmsg.json.invalid_unicode_escape",
    "Extra data": "importmsg.json.extra_data",
    # Python 3.13 and later
    "Illegal trailing comma before end of object": "importmsg.json.trailing_comma_object",
    "Illegal trailing comma before end of array": "importmsg.json.trailing_comma_array",
}


def parse_json(text: str, file_name: str, lang: Lang) -> tuple[Any, list[Problem]]:
    """The JSON document, or None and what is wrong with it, in ``lang``."""
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        key = JSON_REASONS.get(exc.msg)
        reason = t(key, lang) if key else exc.msg
        message = t(
            "importmsg.invalid_json", lang, reason=reason, line=exc.lineno, column=exc.colno
        )
        return None, [Problem(file_name, None, None, message)]
    except RecursionError:
        return None, [Problem(file_name, None, None, t("importmsg.invalid_json_nesting", lang))]
    # A number of thousands of digits fails this way (Python refuses to read it).
    except ValueError:
        return None, [Problem(file_name, None, None, t("importmsg.invalid_json_number", lang))]


def json_rows(
    items: Any,
    file_name: str,
    lang: Lang,
    not_a_list: str,
    read: Collection[str] | None = None,
) -> tuple[Rows | None, list[Problem]]:
    """A JSON list of objects as named rows (row = the entry's number from 1).

    ``not_a_list`` is the message key for ``items`` that are no list.
    ``read`` names the keys (in lower case) the format reads; the values of
    others are left alone, and one note lists them (None: every key is read).
    """
    if not isinstance(items, list):
        return None, [Problem(file_name, None, None, t(not_a_list, lang))]
    if not items:
        return None, [Problem(file_name, None, None, t("importmsg.no_entries", lang))]
    if len(items) > MAX_ROWS:
        message = t("importmsg.too_many_entries", lang, limit=MAX_ROWS)
        return None, [Problem(file_name, None, None, message)]
    problems = []
    header: dict[str, str] = {}
    rows = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            message = t("importmsg.entry_not_object", lang, kind=_json_kind(item, lang))
            problems.append(Problem(file_name, number, None, message))
            continue
        cells = {}
        for key, value in item.items():
            name = key.strip()
            header.setdefault(name.lower(), name)
            if read is not None and name.lower() not in read:
                continue
            text = _json_text(value)
            if text is None:
                message = t("importmsg.value_not_text", lang, kind=_json_kind(value, lang))
                problems.append(Problem(file_name, number, name, message))
                continue
            if BAD_CHARS.search(text):
                problems.append(bad_char_problem(file_name, number, name, text, lang))
                text = BAD_CHARS.sub("", text)
            cells[name.lower()] = text.replace("\r\n", "\n").replace("\r", "\n").strip()
        rows.append((number, cells))
    notes = _unread_columns(header.values(), read, file_name, None, lang)
    return Rows(tuple(header.values()), tuple(rows), tuple(notes), header_row=None), problems


def _json_kind(value: Any, lang: Lang) -> str:
    """What a JSON value is, in words: "a list", "a number" and so on."""
    if isinstance(value, list):
        key = "importmsg.kind.list"
    elif isinstance(value, dict):
        key = "importmsg.kind.object"
    elif value is None:
        key = "importmsg.kind.null"
    elif isinstance(value, bool):
        key = "importmsg.kind.boolean"
    elif isinstance(value, int | float):
        key = "importmsg.kind.number"
    else:
        key = "importmsg.kind.text"
    return t(key, lang)
