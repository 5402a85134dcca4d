"""Import a radar from a file: validate the whole file first, then write it in one transaction.

Two steps, so a user interface can show a preview and ask before anything is written:

- :func:`plan_import` reads and validates the file against the database and
  returns an :class:`ImportPlan`: what would be added, changed, removed and
  left unchanged. It writes nothing. When anything is wrong it raises
  :class:`ImportProblems` with *every* problem found, each naming the row
  (as a spreadsheet shows it: the header is row 1; in JSON the entry's number,
  from 1), the column and what was expected.
- :func:`apply_import` writes a plan in one DuckDB transaction, with its
  audit-log rows (:mod:`radar.store.audit`): all of it or, on any error, nothing.

:func:`import_file` does both; ``python -m radar import`` is the command line
(:func:`add_command`, :func:`run_command`).

Formats (``--format``, :data:`radar.formats.IMPORT_FORMATS`)
------------------------------------------------------------
``csv``, ``xlsx``, ``json``
    Our own format, one row per technology and area, with the columns of
    :data:`radar.formats.OWN_COLUMNS`. CSV is UTF-8 separated by commas or
    semicolons (what Danish Excel writes), sniffed from the header line;
    ``xlsx`` is read from its first sheet; ``json`` is a list of objects.
``byor-csv``, ``byor-json``
    Thoughtworks "Build Your Own Radar": ``name, ring, quadrant, isNew,
    status, description``; other columns (``relatedBlips``) are ignored. A CSV
    row whose name holds unquoted commas (``Scala, the good parts``, as in
    early Thoughtworks volumes) is read with the extra fields joined back into
    the name when the ring then is a ring; the plan notes every such row.
``zalando``
    Zalando's ``config.json``: ``entries`` of ``label, quadrant (0-3), ring
    (0-3), moved, active``, an optional ``quadrants`` list of ``{"name": ...}``
    (default :data:`radar.formats.ZALANDO_QUADRANTS`) and a ``date`` such as
    ``"2026.05"``, the default publication date of a new edition.

Without a format the file tells: a zip file is ``xlsx``; a JSON object with
``entries`` is ``zalando``; a JSON list whose objects have ``name``, ``ring``
and ``quadrant`` is ``byor-json``, any other JSON list ``json``; a CSV header
with ``name``, ``ring`` and ``quadrant`` is ``byor-csv``, else ``csv``.

Limits: files above :data:`radar.formats.MAX_IMPORT_BYTES` are refused before
they are parsed, and so are files of more than :data:`MAX_ROWS` rows, text that
is not UTF-8, control characters in a cell, a workbook that unpacks to more
than :data:`MAX_UNPACKED_BYTES`, and CSV separated by anything but commas or
semicolons.

Every problem and note names the file, row and column and says what is wrong
and what was expected, in the language asked for (``lang``: Danish by default,
or English), from the ``importmsg.*`` texts of :mod:`radar.i18n`.

What an import means
--------------------
- **A file is the whole radar** of each (edition, area) it covers: the
  assessments of that edition and area that are not in the file are removed.
  Re-importing the same file changes nothing and logs nothing.
- **Edition**: a positive whole number (KL's editions are years; a radar
  published several times a year uses a running number, such as the
  Thoughtworks volume). A missing edition is created, titled "Teknologiradar
  N" / "Technology radar N" unless a title is given, published on the given
  date, else the file's own date (Zalando), else today; as a draft if asked.
  An existing edition keeps its status, date and titles.
- **Areas**: our format has an ``area`` column, or ``area`` for every row.
  BYOR and Zalando files have none: the ``area`` argument, else the
  database's only area. ``samlet``, the combined radar, is computed and
  cannot be imported.
- **Rings**: a ring's id or Danish or English name, in any case (``KLAR``,
  ``afproev``, ``Try``), or another radar's name by position from the centre
  (:data:`radar.formats.FOREIGN_RING_POSITIONS`: adopt = the innermost ring).
  Zalando's ring number r is the ring at position r + 1.
- **Categories** (sectors): our format names an existing one by id or name.
  A BYOR or Zalando quadrant is matched to an existing category by id, name or
  slug, else a new category is made (id: the quadrant's slug; name: the
  quadrant's, readable, e.g. "Languages and frameworks"; empty descriptions;
  the next position). An import that would need more categories than the
  radar draws (:data:`radar.store.seed.SECTOR_COUNT`) is refused: import such a
  radar into a database of its own (``--db``).
- **Technologies** are identified by our ``technology`` column, else by the
  slug of ``name_da`` (BYOR: of ``name``; Zalando: of ``label``). The same
  technology twice on one area's radar is a problem naming both rows. A new
  technology is added: a BYOR name becomes both names, and its HTML
  description becomes safe plain text (:func:`html_to_text`), whose first
  sentence (at most 200 characters) is the summary. An existing technology's
  texts and category are updated only when the edition imported is at least
  the newest edition it is assessed in, so importing an older volume after a
  newer one keeps the newer texts; only fields that differ are written, and an
  empty text in the file leaves the stored text alone. A retired technology
  that is imported again is un-retired. Technologies are never deleted: one
  that leaves every radar the file covers is listed as removed from them.
- **Assessments**: with scores (our format: all five score columns or none;
  TRL 1-9, shares 0-100 adding up to 100), a ring that is empty or the
  computed one (:mod:`radar.pipeline.scoring`) stores no override, and any other ring
  is an override that needs ``ring_reason``. Without scores (our format's rows
  without scores, and every BYOR and Zalando row) the scores are empty and the
  ring is stored as the override, with ``ring_reason`` or
  :data:`radar.formats.STATED_RING_REASON_DA` as its reason, as the schema
  requires. BYOR's ``isNew``/``status`` and Zalando's ``moved``/``active`` are
  read and checked loosely (odd values become notes) but not stored: the
  radar derives movement from the editions itself (:mod:`radar.pipeline.history`).
- **Audit**: every added, changed or removed technology and assessment, and a
  created edition, is logged (:mod:`radar.store.audit`) with the reason "Import af
  FILE" and the user's reason. The audit log has no entity for categories: a
  category created by the import is recorded in the log entry of the first
  technology added to it.

"""

from __future__ import annotations

import argparse
import contextlib
import csv
import getpass
import hashlib
import html
import io
import json
import os
import re
import sys
import zipfile
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from radar import formats, store
from radar.i18n import t
from radar.model import (
    COMBINED_AREA,
    DEFAULT_LANG,
    DRAFT,
    LANGUAGES,
    PUBLISHED,
    TECHNOLOGY_TEXT_FIELDS,
    Area,
    Lang,
    Ring,
    Sector,
)
from radar.pipeline import scoring
from radar.store import audit
from radar.store.seed import SECTOR_COUNT, TABLES, Problem, ProblemsError, load_seed

__all__ = [
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "AssessmentKey",
    "ImportPlan",
    "ImportProblems",
    "ImportResult",
    "StalePlanError",
    "add_command",
    "apply_import",
    "create_empty_database",
    "detect_format",
    "first_sentence",
    "html_to_text",
    "import_file",
    "plan_import",
    "run_command",
]

#: Rows above this are refused: a radar has a few hundred blips per area.
MAX_ROWS = 10_000
#: An .xlsx file is a zip archive; one that unpacks to more is refused
#: before it is parsed, so a small "zip bomb" cannot exhaust the memory.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: Names longer than this are refused: a name is a label on the radar.
MAX_NAME_CHARS = 200
#: The longest summary made from a description's first sentence.
SUMMARY_CHARS = 200
#: DuckDB's INTEGER: an edition number must fit.
_MAX_EDITION = 2**31 - 1

_TECHNOLOGY_COLUMNS = ("id", "sector", *TECHNOLOGY_TEXT_FIELDS, "retired")
_EDITION_COLUMNS = ("year", "published", "title_da", "title_en", "status")
_BYOR_REQUIRED = ("name", "ring", "quadrant")
_OWN_REQUIRED = tuple(c.name for c in formats.OWN_COLUMNS if c.required)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Nine digits at most: every number the import takes is far smaller, and
# Python refuses to read numbers of thousands of digits.
_WHOLE = re.compile(r"[+-]?\d{1,9}(?:[.,]0+)?")
# Control characters other than tab and line breaks, and lone surrogates
# (which JSON escapes can produce and no database text can hold).
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_TRUE_FALSE = {"true", "false", "yes", "no", "1", "0", "ja", "nej", ""}
_BYOR_STATUSES = {"new", "movedin", "movedout", "nochange", "unchanged", "moved", ""}
_ZALANDO_MOVED = (-1, 0, 1, 2)


class ImportProblems(ProblemsError):
    """The file cannot be imported; ``problems`` lists every problem found."""

    subject = "the import"


class StalePlanError(ImportProblems):
    """The database changed between :func:`plan_import` and :func:`apply_import`."""


@dataclass(frozen=True, order=True)
class AssessmentKey:
    """Which assessment: one technology on one area's radar in one edition."""

    edition: int
    area: str
    technology: str

    def __str__(self) -> str:
        return f"{self.edition}/{self.area}/{self.technology}"


@dataclass(frozen=True)
class _Writes:
    """What :func:`apply_import` writes, in order; rows as column -> value."""

    edition: Mapping[str, Any] | None
    sectors: tuple[Mapping[str, Any], ...]
    technology_inserts: tuple[Mapping[str, Any], ...]
    # (the stored row, the fields that change with their new values)
    technology_updates: tuple[tuple[Mapping[str, Any], Mapping[str, Any]], ...]
    assessment_deletes: tuple[Mapping[str, Any], ...]
    assessment_updates: tuple[tuple[Mapping[str, Any], Mapping[str, Any]], ...]
    assessment_inserts: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do: the preview shown before anything is written.

    Attributes
    ----------
    file_name, format, edition
        The file, the format it was read as, and the edition it is imported into.
    edition_is_new
        The edition does not exist yet and will be created.
    areas
        The areas whose radar (in ``edition``) the file replaces.
    sectors_added
        Ids of the categories the import creates.
    technologies_added, technologies_changed, technologies_unchanged
        The file's technologies: new ones, stored ones whose texts, category or
        retirement change, and stored ones left as they are.
    technologies_removed
        Technologies on a radar the file covers that are on none of them after
        the import (they stay in the catalogue with their history).
    assessments_added, assessments_changed, assessments_removed, assessments_unchanged
        The assessments of the covered radars, by what happens to them.
    notes
        Things the user should know that do not stop the import.
    lang
        The language of the notes (and of :func:`apply_import`'s problems).
    names
        Technology and category id -> name, for showing the lists.
    """

    file_name: str
    format: str
    edition: int
    edition_is_new: bool
    areas: tuple[str, ...]
    sectors_added: tuple[str, ...]
    technologies_added: tuple[str, ...]
    technologies_changed: tuple[str, ...]
    technologies_unchanged: tuple[str, ...]
    technologies_removed: tuple[str, ...]
    assessments_added: tuple[AssessmentKey, ...]
    assessments_changed: tuple[AssessmentKey, ...]
    assessments_removed: tuple[AssessmentKey, ...]
    assessments_unchanged: tuple[AssessmentKey, ...]
    notes: tuple[Problem, ...] = ()
    lang: Lang = field(default="da", compare=False)
    names: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    writes: _Writes | None = field(default=None, compare=False, repr=False)
    fingerprint: str = field(default="", compare=False, repr=False)

    @property
    def has_changes(self) -> bool:
        """Whether applying the plan writes anything."""
        return bool(
            self.edition_is_new
            or self.sectors_added
            or self.technologies_added
            or self.technologies_changed
            or self.assessments_added
            or self.assessments_changed
            or self.assessments_removed
        )

    def counts(self) -> dict[str, int]:
        """How many technologies and assessments are added, changed, removed, unchanged."""
        return {
            f"{kind}_{what}": len(getattr(self, f"{kind}_{what}"))
            for kind in ("technologies", "assessments")
            for what in ("added", "changed", "removed", "unchanged")
        }

    def area_counts(self) -> dict[str, dict[str, int]]:
        """Per covered area: assessments ``added, changed, removed, unchanged``."""
        out = {
            area: dict.fromkeys(("added", "changed", "removed", "unchanged"), 0)
            for area in self.areas
        }
        for what in ("added", "changed", "removed", "unchanged"):
            for key in getattr(self, f"assessments_{what}"):
                out[key.area][what] += 1
        return out

    def summary_lines(self, lang: Lang = "da") -> list[str]:
        """The preview in a few lines of text, e.g. for the command line."""
        lines = []
        if self.edition_is_new and self.writes is not None and self.writes.edition is not None:
            row = self.writes.edition
            title = row["title_da"] if lang == "da" else row["title_en"]
            status = t(f"import.status.{row['status']}", lang)
            lines.append(
                t(
                    "import.edition_new",
                    lang,
                    edition=self.edition,
                    title=title,
                    status=status,
                    published=row["published"].isoformat(),
                )
            )
        if self.sectors_added:
            names = ", ".join(self.names.get(s, s) for s in self.sectors_added)
            lines.append(t("import.sectors_new", lang, count=len(self.sectors_added), names=names))
        for area, counts in self.area_counts().items():
            lines.append(t("import.summary", lang, edition=self.edition, area=area, **counts))
        lines.append(
            t(
                "import.technologies",
                lang,
                added=len(self.technologies_added),
                changed=len(self.technologies_changed),
                unchanged=len(self.technologies_unchanged),
                removed=len(self.technologies_removed),
            )
        )
        return lines


@dataclass(frozen=True)
class ImportResult:
    """What :func:`apply_import` wrote."""

    plan: ImportPlan
    editor: str
    reason: str
    audit_rows: int


# --------------------------------------------------------------------------
# HTML to plain text


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
# Decoded "<" and ">" (written as "&lt;" and "&gt;") are text, not markup:
# they stand in as these markers until the broken markup is gone.
_LT, _GT = "\x00l", "\x00g"


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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
            return
        if self.skipping:
            return
        if tag == "br":
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
        if tag == "a" and self.open_links:
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


def html_to_text(markup: str, *, links: bool = True) -> str:
    """Safe plain text from untrusted HTML, with the standard library's parser.

    Tags are dropped (the content of ``script``, ``style`` and the like
    entirely, and broken markup the parser cannot read), character references
    are decoded, a link keeps its text and its address in brackets
    (``Context engineering (https://…)``; only ``http``, ``https`` and
    ``mailto`` addresses), paragraphs become blank lines and ``<br>`` a line
    break, and white space is tidied.

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
    parser.feed(markup.replace("\x00", ""))
    parser.close()
    text = _BROKEN_TAG.sub("", "".join(parser.parts))
    text = text.replace(_LT, "<").replace(_GT, ">").replace("\r\n", "\n").replace("\r", "\n")
    text = _BAD_CHARS.sub("", text)
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


# --------------------------------------------------------------------------
# Reading files into rows


@dataclass(frozen=True)
class _Rows:
    """A file's rows, each with its row number and a column -> text mapping.

    ``header`` holds the column names as written (for a JSON file, every key
    in order of appearance); the rows' keys are the names in lower case.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]
    notes: tuple[Problem, ...] = ()
    #: The header's row number (None in JSON, which has no header row).
    header_row: int | None = 1


def _bad_char_problem(
    file_name: str, row: int | None, column: str | None, value: str, lang: Lang
) -> Problem:
    found = _BAD_CHARS.search(value)
    assert found is not None
    message = t("importmsg.control_character", lang, code=f"{ord(found.group()):04X}")
    return Problem(file_name, row, column, message)


def _decode(data: bytes, file_name: str, lang: Lang) -> tuple[str | None, list[Problem]]:
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8"), []
    except UnicodeDecodeError as exc:
        message = t("importmsg.not_utf8", lang, byte=exc.start + bom)
        return None, [Problem(file_name, None, None, message)]


def _header_delimiter(line: str) -> tuple[str | None, str]:
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


def _read_csv(
    text: str, file_name: str, lang: Lang
) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """Rows of a CSV text as (row number, fields); the header is the first row."""
    lines = text.splitlines()
    skip = 0
    while skip < len(lines) and not lines[skip].strip():
        skip += 1
    if skip == len(lines):
        return [], [Problem(file_name, None, None, t("importmsg.no_header", lang))]
    first = lines[skip].strip()
    # Excel's "sep=;" line names the separator itself.
    declared = re.fullmatch(r'"?sep=(.)"?', first, flags=re.IGNORECASE)
    if declared:
        delimiter: str | None = declared.group(1)
        if delimiter not in ",;":
            message = t("importmsg.declared_separator", lang, separator=delimiter)
            return [], [Problem(file_name, skip + 1, None, message)]
        skip += 1
    else:
        delimiter, found = _header_delimiter(first)
        if delimiter is None:
            if found == "\t":
                message = t("importmsg.separated_by_tabs", lang)
            elif found:
                message = t("importmsg.separated_by", lang, separator=found)
            else:
                shown = first if len(first) <= 60 else first[:57] + "..."
                message = t("importmsg.one_column", lang, header=shown)
            return [], [Problem(file_name, skip + 1, None, message)]
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
        rows.append((row_number, record))
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


def _read_xlsx(
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
            for row_number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_cell_text(v) for v in values]
                if any(c.strip() for c in cells):
                    if len(rows) > MAX_ROWS:
                        message = t("importmsg.too_many_rows", lang, limit=MAX_ROWS)
                        return rows, [Problem(file_name, None, None, message)]
                    rows.append((row_number, cells))
                elif row_number > 3 * MAX_ROWS:
                    break
        finally:
            workbook.close()
    # openpyxl parses a damaged workbook lazily and fails with whatever the
    # zip, XML or its own code raises; every one of them means the same here.
    except Exception as exc:
        message = t("importmsg.workbook_unreadable", lang, error=type(exc).__name__)
        return [], [Problem(file_name, None, None, message)]
    return rows, []


def _table_rows(
    records: list[tuple[int, list[str]]],
    file_name: str,
    lang: Lang,
    *,
    repair: Callable[[list[str], list[str]], list[str] | None] | None = None,
    separator: str | None = ",",
    read: Collection[str] | None = None,
) -> tuple[_Rows | None, list[Problem]]:
    """Records (the first is the header) as named rows; blank rows are skipped.

    ``separator`` is the CSV separator, for messages; None for a spreadsheet.
    ``read`` names the columns (in lower case) the format reads; the others
    are left out (None: every column is read).
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
    notes = []
    rows = []
    for row_number, record in records[1:]:
        fields = list(record)
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
            if _BAD_CHARS.search(value):
                problems.append(_bad_char_problem(file_name, row_number, name, value, lang))
                value = _BAD_CHARS.sub("", value)
            cells[name.lower()] = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        rows.append((row_number, cells))
    if not rows and not problems:
        problems.append(Problem(file_name, None, None, t("importmsg.no_rows", lang)))
    return _Rows(tuple(header), tuple(rows), tuple(notes), header_row), problems


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
_JSON_REASONS: Mapping[str, str] = {
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


def _parse_json(text: str, file_name: str, lang: Lang) -> tuple[Any, list[Problem]]:
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        key = _JSON_REASONS.get(exc.msg)
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


def _json_rows(
    items: Any,
    file_name: str,
    lang: Lang,
    not_a_list: str,
    read: Collection[str] | None = None,
) -> tuple[_Rows | None, list[Problem]]:
    """A JSON list of objects as named rows (row = the entry's number from 1).

    ``not_a_list`` is the message key for ``items`` that are no list.
    ``read`` names the keys (in lower case) the format reads; the values of
    others are left alone (None: every key is read).
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
            if _BAD_CHARS.search(text):
                problems.append(_bad_char_problem(file_name, number, name, text, lang))
                text = _BAD_CHARS.sub("", text)
            cells[name.lower()] = text.replace("\r\n", "\n").replace("\r", "\n").strip()
        rows.append((number, cells))
    return _Rows(tuple(header.values()), tuple(rows), header_row=None), problems


def _json_kind(value: Any, lang: Lang) -> str:
    if isinstance(value, list):
        kind = "list"
    elif isinstance(value, dict):
        kind = "object"
    elif value is None:
        kind = "null"
    elif isinstance(value, bool):
        kind = "boolean"
    else:
        kind = "number" if isinstance(value, int | float) else "text"
    return t(f"importmsg.kind.{kind}", lang)


def detect_format(data: bytes, file_name: str = "") -> str:
    """Which import format a file is in, from its content and extension.

    A zip archive, an old Excel file or an ``.xlsx`` name is ``xlsx``; JSON (text starting with
    ``{`` or ``[``, or a ``.json`` name) is ``zalando`` when it is an object
    with ``entries``, ``byor-json`` when its objects have ``name``, ``ring`` and
    ``quadrant``, else ``json``; anything else is CSV: ``byor-csv`` when the
    header has ``name``, ``ring`` and ``quadrant``, else ``csv``. A file that
    is none of them is given the format whose reader explains best what is wrong.
    """
    suffix = Path(file_name).suffix.lower()
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) or suffix in (
        ".xlsx",
        ".xlsm",
        ".xls",
    ):
        return "xlsx"
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace").lstrip()
    if text.startswith(("{", "[")) or suffix == ".json":
        value, _ = _parse_json(text, file_name, DEFAULT_LANG)
        if isinstance(value, dict):
            return "zalando"
        if isinstance(value, list):
            keys = {
                str(k).strip().lower() for item in value if isinstance(item, dict) for k in item
            }
            return "byor-json" if set(_BYOR_REQUIRED) <= keys else "json"
        return "zalando" if text.startswith("{") else "json"
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = _header_delimiter(header)[0] or ","
    names = {h.strip().lower() for h in next(csv.reader([header], delimiter=delimiter), [])}
    return "byor-csv" if set(_BYOR_REQUIRED) <= names else "csv"


# --------------------------------------------------------------------------
# The database as the import sees it


@dataclass(frozen=True)
class _Snapshot:
    """What the plan needs from the database, read in one transaction."""

    rings: tuple[Ring, ...]
    areas: tuple[Area, ...]
    sectors: tuple[Sector, ...]
    edition: Mapping[str, Any] | None
    technologies: Mapping[str, Mapping[str, Any]]
    newest_edition: Mapping[str, int]
    assessments: Mapping[AssessmentKey, Mapping[str, Any]]
    fingerprint: str


def _rows(
    cursor: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    result = cursor.execute(sql, list(params))
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


#: What a plan depends on: cases only by the technologies they refer to.
_FINGERPRINT_TABLES = (
    "areas",
    "rings",
    "sectors",
    "editions",
    "technologies",
    "assessments",
    "(SELECT DISTINCT technology FROM cases)",
)


def _fingerprint(cursor: duckdb.DuckDBPyConnection) -> str:
    """A digest of everything a plan depends on, to notice a database changed meanwhile."""
    digest = hashlib.sha256()
    for table in _FINGERPRINT_TABLES:
        # Every row hashed inside DuckDB; sum and xor do not depend on order,
        # and together with the count any edit shows.
        row = cursor.execute(
            f"SELECT count(*), sum(hash(t)), bit_xor(hash(t)) FROM {table} AS t"
        ).fetchone()
        digest.update(f"{table}:{row};".encode())
    return digest.hexdigest()


def _snapshot(con: duckdb.DuckDBPyConnection, edition: int) -> _Snapshot:
    cursor = con.cursor()
    try:
        # One transaction, so every query sees the same state.
        cursor.begin()
        try:
            technologies = {
                r["id"]: r
                for r in _rows(cursor, f"SELECT {', '.join(_TECHNOLOGY_COLUMNS)} FROM technologies")
            }
            newest = {
                r["technology"]: r["edition"]
                for r in _rows(
                    cursor,
                    "SELECT technology, max(edition) AS edition FROM assessments "
                    "GROUP BY technology",
                )
            }
            assessments = {
                AssessmentKey(r["edition"], r["area"], r["technology"]): {
                    k: r[k] for k in ("edition", "area", "technology", *scoring.ASSESSMENT_FIELDS)
                }
                for r in _rows(cursor, "SELECT * FROM assessments WHERE edition = ?", [edition])
            }
            editions = _rows(
                cursor,
                f"SELECT {', '.join(_EDITION_COLUMNS)} FROM editions WHERE year = ?",
                [edition],
            )
            return _Snapshot(
                rings=tuple(
                    Ring(**r) for r in _rows(cursor, "SELECT * FROM rings ORDER BY position")
                ),
                areas=tuple(
                    Area(**r) for r in _rows(cursor, "SELECT * FROM areas ORDER BY position")
                ),
                sectors=tuple(
                    Sector(**r) for r in _rows(cursor, "SELECT * FROM sectors ORDER BY position")
                ),
                edition=editions[0] if editions else None,
                technologies=technologies,
                newest_edition=newest,
                assessments=assessments,
                fingerprint=_fingerprint(cursor),
            )
        finally:
            cursor.rollback()
    finally:
        cursor.close()


class _RingNames:
    """Ring names a file may use, mapped to this database's ring ids; messages in ``lang``."""

    def __init__(self, rings: Sequence[Ring], lang: Lang) -> None:
        self.lang = lang
        self.rings = tuple(sorted(rings, key=lambda r: r.position))
        self.known: dict[str, str] = {}
        for ring in self.rings:
            for name in (ring.id, ring.name_da, ring.name_en):
                self.known.setdefault(name.strip().casefold(), ring.id)
                self.known.setdefault(formats.slugify(name), ring.id)

    def at_position(self, position: int) -> str | None:
        """The ring ``position`` steps from the centre (1 = innermost), if there is one."""
        return self.rings[position - 1].id if 1 <= position <= len(self.rings) else None

    def resolve(self, value: str) -> tuple[str | None, str]:
        """The ring id for ``value``, or None and what is wrong."""
        key = value.strip().casefold()
        found = self.known.get(key) or self.known.get(formats.slugify(value))
        if found:
            return found, ""
        if key in formats.FOREIGN_RING_POSITIONS:
            position = formats.FOREIGN_RING_POSITIONS[key]
            ring = self.at_position(position)
            if ring:
                return ring, ""
            return None, t(
                "importmsg.ring_position",
                self.lang,
                value=value,
                position=position,
                count=len(self.rings),
            )
        return None, t("importmsg.not_a_ring", self.lang, value=value, expected=self.expected())

    def expected(self) -> str:
        ours = "; ".join(
            t("importmsg.ring_names", self.lang, id=r.id, name_da=r.name_da, name_en=r.name_en)
            for r in self.rings
        )
        foreign = ", ".join(formats.FOREIGN_RING_POSITIONS)
        return t("importmsg.rings_expected", self.lang, rings=ours, foreign=foreign)

    def label(self, ring_id: str) -> str:
        """A ring as messages name it: its Danish name in Danish, else its id."""
        if self.lang == "da":
            for ring in self.rings:
                if ring.id == ring_id:
                    return ring.name_da
        return ring_id


def _by_name(value: str, items: Sequence[Area] | Sequence[Sector]) -> str | None:
    key = value.strip().casefold()
    for item in items:
        if key in (item.id.casefold(), item.name_da.casefold(), item.name_en.casefold()):
            return item.id
    return None


def _listing(items: Sequence[Area] | Sequence[Sector]) -> str:
    return ", ".join(f"{i.id} ({i.name_da})" for i in items)


def _readable(name: str) -> str:
    """A quadrant's name as a category's: "languages-and-frameworks" -> "Languages and …"."""
    text = name.strip()
    if " " not in text:
        text = re.sub(r"[-_]+", " ", text).strip()
    return text[:1].upper() + text[1:]


def _fallback_id(prefix: str, name: str) -> str:
    # A name without a single Latin letter or digit still needs a stable id.
    return f"{prefix}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:10]}"


# --------------------------------------------------------------------------
# From rows to entries


@dataclass
class _Entry:
    """One row of the file, interpreted: a technology on one area's radar."""

    row: int
    id_column: str
    area: str
    technology: str
    sector: str
    texts: dict[str, str]
    scores: dict[str, int] | None
    ring: str | None
    ring_reason: str
    stated_ring: bool


@dataclass
class _Context:
    """What interpreting rows needs: the database's catalogue and the import's options."""

    file_name: str
    lang: Lang
    snapshot: _Snapshot
    ring_names: _RingNames
    area: str | None
    #: The area argument named no area (already a problem: no more about areas).
    bad_area: bool = False
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    #: New categories from foreign quadrants: id -> name.
    new_sectors: dict[str, str] = field(default_factory=dict)

    def text(self, key: str, **values: Any) -> str:
        """A message in the import's language."""
        return t(key, self.lang, **values)

    def problem(self, row: int | None, column: str | None, message: str) -> None:
        self.problems.append(Problem(self.file_name, row, column, message))

    def note(self, row: int | None, column: str | None, message: str) -> None:
        self.notes.append(Problem(self.file_name, row, column, message))

    def resolve_area(self, value: str, row: int | None, column: str | None) -> str | None:
        areas = _listing(self.snapshot.areas)
        if value.strip().casefold() == COMBINED_AREA:
            message = self.text("importmsg.combined_area", value=COMBINED_AREA, areas=areas)
            self.problem(row, column, message)
            return None
        found = _by_name(value, self.snapshot.areas)
        if found is None:
            self.problem(row, column, self.text("importmsg.not_an_area", value=value, areas=areas))
        return found

    def default_area(self) -> str | None:
        """The area rows without one go to: the argument, else the only area."""
        if self.area is not None:
            return self.area
        if len(self.snapshot.areas) == 1:
            return self.snapshot.areas[0].id
        return None

    def missing_area(self) -> None:
        if self.bad_area:
            return
        if not self.snapshot.areas:
            self.problem(None, "area", self.text("importmsg.no_areas"))
            return
        self.problem(
            None, "area", self.text("importmsg.no_area", areas=_listing(self.snapshot.areas))
        )

    def foreign_sector(self, quadrant: str) -> str:
        """The category for a BYOR or Zalando quadrant: an existing one, else a new one."""
        key = formats.slugify(quadrant)
        for sector in self.snapshot.sectors:
            names = (sector.id, sector.name_da, sector.name_en)
            if quadrant.strip().casefold() in (n.casefold() for n in names) or (
                key and key in (formats.slugify(n) for n in names)
            ):
                return sector.id
        sector_id = key or _fallback_id("category", quadrant)
        self.new_sectors.setdefault(sector_id, _readable(quadrant))
        return sector_id

    def ring(self, value: str, row: int, column: str) -> str | None:
        ring, message = self.ring_names.resolve(value)
        if ring is None:
            self.problem(row, column, message)
        return ring


def _whole_number(value: str) -> int | None:
    if not _WHOLE.fullmatch(value.strip()):
        return None
    return int(re.split(r"[.,]", value.strip())[0])


def _name(ctx: _Context, row: int, column: str, value: str) -> str | None:
    if not value:
        ctx.problem(row, column, ctx.text("importmsg.name_empty"))
        return None
    if len(value) > MAX_NAME_CHARS:
        message = ctx.text("importmsg.name_too_long", length=len(value), limit=MAX_NAME_CHARS)
        ctx.problem(row, column, message)
        return None
    return value


def _first_ten(items: Sequence[str], lang: Lang) -> str:
    """The first ten items, comma separated, and how many more there are."""
    shown = ", ".join(items[:10])
    if len(items) > 10:
        return t("importmsg.and_more", lang, shown=shown, count=len(items) - 10)
    return shown


def _loose_values(ctx: _Context, column: str, odd: list[tuple[int, str]], expected: str) -> None:
    """One note for a column's odd values that are read but not stored.

    ``expected`` is the message key of the values expected.
    """
    if not odd:
        return
    rows = [ctx.text("importmsg.odd_value", row=row, value=value[:30]) for row, value in odd]
    message = ctx.text(
        "importmsg.odd_values", rows=_first_ten(rows, ctx.lang), expected=ctx.text(expected)
    )
    ctx.note(None, column, message)


def _own_entries(rows: _Rows, ctx: _Context) -> list[_Entry]:
    """Entries from our own format (CSV, Excel or JSON)."""
    expected = formats.OWN_COLUMN_NAMES
    present = {h.lower() for h in rows.header}
    unknown = [h for h in rows.header if h.lower() not in expected]
    missing = [c for c in _OWN_REQUIRED if c not in present]
    if unknown or missing:
        detail = []
        if missing:
            detail.append(ctx.text("importmsg.missing_columns", columns=", ".join(missing)))
        if unknown:
            detail.append(ctx.text("importmsg.unknown_columns", columns=", ".join(unknown)))
        detail.append(
            ctx.text(
                "importmsg.own_columns",
                columns=", ".join(expected),
                required=", ".join(_OWN_REQUIRED),
            )
        )
        ctx.problem(rows.header_row, None, "; ".join(detail))
        return []
    default_area = ctx.default_area()
    if "area" not in present and default_area is None:
        ctx.missing_area()
        return []
    sectors = ctx.snapshot.sectors
    entries = []
    for row, cells in rows.rows:
        area_cell = cells.get("area", "")
        area: str | None
        if area_cell:
            area = ctx.resolve_area(area_cell, row, "area")
            if area is not None and ctx.area is not None and area != ctx.area:
                message = ctx.text("importmsg.area_mismatch", area=area, chosen=ctx.area)
                ctx.problem(row, "area", message)
        elif default_area is not None or ctx.bad_area:
            area = default_area
        else:
            message = ctx.text("importmsg.area_empty", areas=_listing(ctx.snapshot.areas))
            ctx.problem(row, "area", message)
            area = None
        name = _name(ctx, row, "name_da", cells.get("name_da", ""))
        given_id = cells.get("technology", "")
        id_column = "technology" if given_id else "name_da"
        if given_id:
            technology = given_id
            if given_id not in ctx.snapshot.technologies and not _SLUG.fullmatch(given_id):
                message = ctx.text(
                    "importmsg.not_an_id",
                    value=given_id,
                    example=formats.slugify(given_id) or "teknologi",
                )
                ctx.problem(row, "technology", message)
        elif name is not None:
            technology = formats.slugify(name) or _fallback_id("technology", name)
        else:
            technology = ""
        sector_cell = cells.get("sector", "")
        sector = _by_name(sector_cell, sectors) if sector_cell else None
        if not sector_cell:
            ctx.problem(
                row, "sector", ctx.text("importmsg.sector_empty", sectors=_listing(sectors))
            )
        elif sector is None:
            ctx.problem(
                row,
                "sector",
                ctx.text("importmsg.not_a_category", value=sector_cell, sectors=_listing(sectors))
                if sectors
                else ctx.text("importmsg.no_categories", value=sector_cell),
            )
        texts = {f: cells[f] for f in TECHNOLOGY_TEXT_FIELDS if cells.get(f)}
        if "name_en" in texts:
            _name(ctx, row, "name_en", texts["name_en"])
        scores = _own_scores(ctx, row, cells)
        ring_cell = cells.get("ring", "")
        ring = ctx.ring(ring_cell, row, "ring") if ring_cell else None
        stated = not any(cells.get(c) for c in scoring.SCORE_COLUMNS)
        if stated and not ring_cell:
            message = ctx.text("importmsg.ring_required", expected=ctx.ring_names.expected())
            ctx.problem(row, "ring", message)
        if area is None or name is None or not technology or sector is None:
            continue
        entries.append(
            _Entry(
                row=row,
                id_column=id_column,
                area=area,
                technology=technology,
                sector=sector,
                texts=texts,
                scores=scores,
                ring=ring,
                ring_reason=cells.get("ring_reason", ""),
                stated_ring=stated,
            )
        )
    return entries


def _own_scores(ctx: _Context, row: int, cells: Mapping[str, str]) -> dict[str, int] | None:
    given = {c: cells.get(c, "") for c in scoring.SCORE_COLUMNS}
    if not any(given.values()):
        return None
    missing = [c for c, v in given.items() if not v]
    if missing:
        message = ctx.text(
            "importmsg.scores_partial",
            columns=", ".join(scoring.SCORE_COLUMNS),
            missing=", ".join(missing),
        )
        ctx.problem(row, missing[0], message)
        return None
    scores: dict[str, int] = {}
    for column, value in given.items():
        number = _whole_number(value)
        if number is None:
            ctx.problem(row, column, ctx.text("importmsg.not_whole", value=value))
        elif column == "maturity_trl" and not 1 <= number <= 9:
            ctx.problem(row, column, ctx.text("importmsg.not_trl", value=number))
        elif column != "maturity_trl" and not 0 <= number <= 100:
            ctx.problem(row, column, ctx.text("importmsg.not_share", value=number))
        else:
            scores[column] = number
    if len(scores) != len(given):
        return None
    total = sum(v for c, v in scores.items() if c != "maturity_trl")
    if total != 100:
        ctx.problem(row, "share_*", ctx.text("importmsg.shares_sum", total=total))
        return None
    return scores


def _byor_repair(ring_names: _RingNames) -> Callable[[list[str], list[str]], list[str] | None]:
    """Rejoin a name that held unquoted commas, when the ring then is a ring."""

    def repair(header: list[str], fields: list[str]) -> list[str] | None:
        lower = [h.lower() for h in header]
        if "name" not in lower or "ring" not in lower:
            return None
        name_at, ring_at = lower.index("name"), lower.index("ring")
        extra = len(fields) - len(header)
        if name_at != 0 or ring_at <= name_at:
            return None
        joined = [",".join(fields[: extra + 1]), *fields[extra + 1 :]]
        ring_ok = ring_names.resolve(joined[ring_at])[0] is not None
        name_ring_ok = ring_names.resolve(fields[ring_at])[0] is not None
        return joined if ring_ok and not name_ring_ok else None

    return repair


def _byor_entries(rows: _Rows, ctx: _Context) -> list[_Entry]:
    """Entries from a Thoughtworks "Build Your Own Radar" file (CSV or JSON)."""
    present = {h.lower() for h in rows.header}
    missing = [c for c in _BYOR_REQUIRED if c not in present]
    if missing:
        message = ctx.text(
            "importmsg.byor_columns",
            missing=", ".join(missing),
            columns=", ".join(formats.BYOR_COLUMNS),
        )
        ctx.problem(rows.header_row, None, message)
        return []
    area = ctx.default_area()
    if area is None:
        ctx.missing_area()
        return []
    ctx.notes.extend(rows.notes)
    entries = []
    odd_new: list[tuple[int, str]] = []
    odd_status: list[tuple[int, str]] = []
    for row, cells in rows.rows:
        name = _name(ctx, row, "name", cells.get("name", ""))
        ring_cell = cells.get("ring", "")
        ring = ctx.ring(ring_cell, row, "ring") if ring_cell else None
        if not ring_cell:
            message = ctx.text("importmsg.ring_empty", expected=ctx.ring_names.expected())
            ctx.problem(row, "ring", message)
        quadrant = cells.get("quadrant", "")
        if not quadrant:
            ctx.problem(row, "quadrant", ctx.text("importmsg.quadrant_empty"))
        elif len(quadrant) > MAX_NAME_CHARS:
            message = ctx.text("importmsg.quadrant_too_long", limit=MAX_NAME_CHARS)
            ctx.problem(row, "quadrant", message)
            quadrant = ""
        is_new = cells.get("isnew", "")
        if is_new.lower() not in _TRUE_FALSE:
            odd_new.append((row, is_new))
        status = cells.get("status", "")
        if re.sub(r"[^a-z]", "", status.lower()) not in _BYOR_STATUSES:
            odd_status.append((row, status))
        if name is None or ring is None or not quadrant:
            continue
        texts = {"name_da": name, "name_en": name}
        description = html_to_text(cells.get("description", ""))
        if description:
            summary = first_sentence(html_to_text(cells.get("description", ""), links=False))
            texts.update(
                description_da=description,
                description_en=description,
                summary_da=summary,
                summary_en=summary,
            )
        entries.append(
            _Entry(
                row=row,
                id_column="name",
                area=area,
                technology=formats.slugify(name) or _fallback_id("technology", name),
                sector=ctx.foreign_sector(quadrant),
                texts=texts,
                scores=None,
                ring=ring,
                ring_reason="",
                stated_ring=True,
            )
        )
    _loose_values(ctx, "isNew", odd_new, "importmsg.expected.is_new")
    _loose_values(ctx, "status", odd_status, "importmsg.expected.status")
    return entries


def _zalando_date(value: Any, ctx: _Context) -> date | None:
    if value is None or value == "":
        return None
    match = re.fullmatch(r"(\d{4})[.-](\d{1,2})(?:[.-](\d{1,2}))?", str(value).strip())
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3] or 1))
    except ValueError:
        pass
    ctx.problem(None, "date", ctx.text("importmsg.zalando_date", value=value))
    return None


def _zalando_entries(document: Any, ctx: _Context) -> tuple[list[_Entry], date | None]:
    """Entries from a Zalando tech radar ``config.json``, and the file's date."""
    if not isinstance(document, dict) or "entries" not in document:
        ctx.problem(None, None, ctx.text("importmsg.zalando_config"))
        return [], None
    published = _zalando_date(document.get("date"), ctx)
    quadrants = list(formats.ZALANDO_QUADRANTS)
    if "quadrants" in document:
        given = document["quadrants"]
        names = (
            [q.get("name") for q in given if isinstance(q, dict)] if isinstance(given, list) else []
        )
        if (
            not names
            or len(names) != len(given)
            or not all(isinstance(n, str) and 0 < len(n.strip()) <= MAX_NAME_CHARS for n in names)
        ):
            message = ctx.text("importmsg.zalando_quadrants", limit=MAX_NAME_CHARS)
            ctx.problem(None, "quadrants", message)
            return [], published
        quadrants = [n.strip() for n in names]
    # Registered in Zalando's order, so new categories are created in it.
    for name in quadrants:
        ctx.foreign_sector(name)
    rows, problems = _json_rows(
        document["entries"],
        ctx.file_name,
        ctx.lang,
        "importmsg.entries_not_a_list",
        ("label", "quadrant", "ring", "moved", "active"),
    )
    ctx.problems.extend(problems)
    if rows is None:
        return [], published
    area = ctx.default_area()
    if area is None:
        ctx.missing_area()
        return [], published
    entries = []
    odd_moved: list[tuple[int, str]] = []
    odd_active: list[tuple[int, str]] = []
    rings = len(ctx.ring_names.rings)
    for row, cells in rows.rows:
        name = _name(ctx, row, "label", cells.get("label", ""))
        quadrant = _whole_number(cells.get("quadrant", "x"))
        if quadrant is None or not 0 <= quadrant < len(quadrants):
            message = ctx.text(
                "importmsg.zalando_quadrant",
                value=cells.get("quadrant", ""),
                last=len(quadrants) - 1,
                names=", ".join(quadrants),
            )
            ctx.problem(row, "quadrant", message)
            quadrant = None
        ring_number = _whole_number(cells.get("ring", "x"))
        ring = ctx.ring_names.at_position(ring_number + 1) if ring_number is not None else None
        if ring is None:
            message = ctx.text(
                "importmsg.zalando_ring", value=cells.get("ring", ""), last=rings - 1
            )
            ctx.problem(row, "ring", message)
        moved = cells.get("moved", "0")
        if _whole_number(moved) not in _ZALANDO_MOVED:
            odd_moved.append((row, moved))
        active = cells.get("active", "true")
        if active not in ("true", "false"):
            odd_active.append((row, active))
        if name is None or quadrant is None or ring is None:
            continue
        entries.append(
            _Entry(
                row=row,
                id_column="label",
                area=area,
                technology=formats.slugify(name) or _fallback_id("technology", name),
                sector=ctx.foreign_sector(quadrants[quadrant]),
                texts={"name_da": name, "name_en": name},
                scores=None,
                ring=ring,
                ring_reason="",
                stated_ring=True,
            )
        )
    _loose_values(ctx, "moved", odd_moved, "importmsg.expected.moved")
    _loose_values(ctx, "active", odd_active, "importmsg.expected.active")
    return entries, published


# --------------------------------------------------------------------------
# Planning


def _check_entries(entries: list[_Entry], ctx: _Context) -> list[_Entry]:
    """Refuse a technology twice on one area's radar, or told two different ways."""
    first_in_area: dict[tuple[str, str], int] = {}
    first: dict[str, _Entry] = {}
    kept = []
    for entry in entries:
        key = (entry.area, entry.technology)
        if key in first_in_area:
            message = ctx.text(
                "importmsg.duplicate",
                technology=entry.technology,
                row=first_in_area[key],
                area=entry.area,
            )
            ctx.problem(entry.row, entry.id_column, message)
            continue
        first_in_area[key] = entry.row
        earlier = first.get(entry.technology)
        if earlier is None:
            first[entry.technology] = entry
        else:
            for column in ("sector", *TECHNOLOGY_TEXT_FIELDS):
                mine = entry.sector if column == "sector" else entry.texts.get(column)
                theirs = earlier.sector if column == "sector" else earlier.texts.get(column)
                if mine and theirs and mine != theirs:
                    message = ctx.text(
                        "importmsg.differs",
                        row=earlier.row,
                        technology=entry.technology,
                        column=column,
                    )
                    ctx.problem(entry.row, column, message)
            # Texts given in a later row only still count.
            for column, value in entry.texts.items():
                earlier.texts.setdefault(column, value)
        kept.append(entry)
    return kept


def _assessment_rows(
    entries: list[_Entry], ctx: _Context, edition: int
) -> dict[AssessmentKey, dict[str, Any]]:
    """The assessment each entry becomes, checking rings against the computed ones."""
    rings = ctx.snapshot.rings
    out = {}
    for entry in entries:
        record: dict[str, Any] = dict.fromkeys(scoring.ASSESSMENT_FIELDS)
        reason = entry.ring_reason
        if entry.scores is not None:
            record.update(entry.scores)
            score = scoring.combined_score(
                scoring.maturity_score(entry.scores["maturity_trl"]),
                scoring.spread_score(*(entry.scores[c] for c in scoring.SHARE_COLUMNS)),
            )
            ring = scoring.ring_for_score(score, rings)
            label = ctx.ring_names.label
            if entry.ring == ring and reason:
                message = ctx.text("importmsg.reason_not_stored", ring=label(ring))
                ctx.note(entry.row, "ring_reason", message)
            if entry.ring is not None and entry.ring != ring:
                if not reason:
                    shown = f"{score:.2f}"
                    message = ctx.text(
                        "importmsg.reason_missing",
                        ring=label(entry.ring),
                        computed=label(ring),
                        score=shown.replace(".", ",") if ctx.lang == "da" else shown,
                    )
                    ctx.problem(entry.row, "ring_reason", message)
                record.update(ring_override=entry.ring, override_reason=reason)
        elif entry.stated_ring and entry.ring is not None:
            record.update(
                ring_override=entry.ring,
                override_reason=reason or formats.STATED_RING_REASON_DA,
            )
        else:
            continue
        key = AssessmentKey(edition, entry.area, entry.technology)
        out[key] = {
            "edition": edition,
            "area": entry.area,
            "technology": entry.technology,
            **record,
        }
    return out


def _validate_options(
    file_name: str,
    edition: Any,
    fmt: str | None,
    title: str | None,
    published: Any,
    lang: Lang,
) -> list[Problem]:
    problems = []
    if (
        isinstance(edition, bool)
        or not isinstance(edition, int)
        or not 1 <= edition <= _MAX_EDITION
    ):
        message = t("importmsg.not_an_edition", lang, value=edition)
        problems.append(Problem(file_name, None, "edition", message))
    if fmt is not None and fmt not in formats.IMPORT_FORMATS:
        message = t(
            "importmsg.not_a_format", lang, value=fmt, formats=", ".join(formats.IMPORT_FORMATS)
        )
        problems.append(Problem(file_name, None, "format", message))
    if title is not None and not (0 < len(title.strip()) <= MAX_NAME_CHARS):
        message = t("importmsg.title_length", lang, limit=MAX_NAME_CHARS)
        problems.append(Problem(file_name, None, "title", message))
    if published is not None and (
        isinstance(published, datetime) or not isinstance(published, date)
    ):
        problems.append(Problem(file_name, None, "published", t("importmsg.not_a_date", lang)))
    return problems


def plan_import(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    *,
    file_name: str,
    edition: int,
    area: str | None = None,
    fmt: str | None = None,
    title: str | None = None,
    published: date | None = None,
    draft: bool = False,
    lang: Lang = "da",
) -> ImportPlan:
    """Read and validate a file and work out what importing it would change; write nothing.

    Parameters
    ----------
    con
        The radar database (read-only is enough).
    data
        The file's content.
    file_name
        Its name, for messages, the audit log and telling the format by extension.
    edition
        The edition to import into: a positive whole number.
    area
        The area for every row (BYOR and Zalando files have none; our format
        may leave its ``area`` column out or empty).
    fmt
        One of :data:`radar.formats.IMPORT_FORMATS`; None tells it from the file
        (:func:`detect_format`).
    title
        Title of a new edition in both languages (default "Teknologiradar N" /
        "Technology radar N"); an existing edition keeps its own.
    published
        Publication date of a new edition (default: the file's date, else today).
    draft
        Create a new edition as a draft, seen only by editors.
    lang
        The language of the problems and notes (``radar.i18n`` keys ``importmsg.*``).

    Returns
    -------
    The plan: counts and lists for a preview, and what :func:`apply_import` writes.

    Raises
    ------
    ImportProblems
        With every problem found in the file and the options.
    """
    problems = _validate_options(file_name, edition, fmt, title, published, lang)
    if len(data) > formats.MAX_IMPORT_BYTES:
        problems.append(_too_large(file_name, lang))
        raise ImportProblems(problems)
    if fmt is not None and fmt not in formats.IMPORT_FORMATS:
        raise ImportProblems(problems)
    if not data.strip():
        empty = Problem(file_name, None, None, t("importmsg.file_empty", lang))
        raise ImportProblems([*problems, empty])
    # With a wrong edition the file is still checked, against no edition.
    if any(p.column == "edition" for p in problems):
        edition = 0
    snapshot = _snapshot(con, edition)
    ctx = _Context(
        file_name, lang, snapshot, _RingNames(snapshot.rings, lang), None, problems=problems
    )
    if area is not None:
        ctx.area = ctx.resolve_area(area, None, "area")
        ctx.bad_area = ctx.area is None
    fmt = fmt or detect_format(data, file_name)
    entries, file_date = _read_entries(data, fmt, ctx)
    entries = _check_entries(entries, ctx)
    assessments = _assessment_rows(entries, ctx, edition)
    plan = _plan(
        ctx,
        entries,
        assessments,
        fmt=fmt,
        edition=edition,
        title=title,
        published=published or file_date or date.today(),
        draft=draft,
    )
    if ctx.problems:
        raise ImportProblems(ctx.problems)
    return plan


def _too_large(file_name: str, lang: Lang) -> Problem:
    limit = formats.MAX_IMPORT_BYTES // (1024 * 1024)
    return Problem(file_name, None, None, t("importmsg.file_too_large", lang, limit=limit))


def _read_entries(data: bytes, fmt: str, ctx: _Context) -> tuple[list[_Entry], date | None]:
    """The file's rows as entries, and its own date; problems go to ``ctx``."""
    file_name, lang = ctx.file_name, ctx.lang
    if fmt == "xlsx":
        records, problems = _read_xlsx(data, file_name, lang)
        ctx.problems += problems
        if problems:
            return [], None
        rows, problems = _table_rows(records, file_name, lang, separator=None)
        ctx.problems += problems
        return (_own_entries(rows, ctx) if rows is not None else []), None
    text, problems = _decode(data, file_name, lang)
    ctx.problems += problems
    if text is None:
        return [], None
    if fmt in ("csv", "byor-csv"):
        records, problems = _read_csv(text, file_name, lang)
        ctx.problems += problems
        if problems:
            return [], None
        separator = _header_delimiter(text.lstrip().split("\n", 1)[0])[0] or ","
        repair = _byor_repair(ctx.ring_names) if fmt == "byor-csv" else None
        read = None if fmt == "csv" else {c.lower() for c in formats.BYOR_COLUMNS}
        rows, problems = _table_rows(
            records, file_name, lang, repair=repair, separator=separator, read=read
        )
        ctx.problems += problems
        if rows is None:
            return [], None
        return (_own_entries(rows, ctx) if fmt == "csv" else _byor_entries(rows, ctx)), None
    document, problems = _parse_json(text, file_name, lang)
    ctx.problems += problems
    if problems:
        return [], None
    if fmt == "zalando":
        return _zalando_entries(document, ctx)
    read = None if fmt == "json" else {c.lower() for c in formats.BYOR_COLUMNS}
    rows, problems = _json_rows(document, file_name, lang, "importmsg.json_not_a_list", read)
    ctx.problems += problems
    if rows is None:
        return [], None
    return (_own_entries(rows, ctx) if fmt == "json" else _byor_entries(rows, ctx)), None


def _plan(
    ctx: _Context,
    entries: list[_Entry],
    assessments: dict[AssessmentKey, dict[str, Any]],
    *,
    fmt: str,
    edition: int,
    title: str | None,
    published: date,
    draft: bool,
) -> ImportPlan:
    snapshot = ctx.snapshot
    stored = snapshot.technologies
    names: dict[str, str] = {s.id: s.name_da for s in snapshot.sectors}
    names.update(ctx.new_sectors)
    inserts: list[dict[str, Any]] = []
    updates: list[tuple[Mapping[str, Any], dict[str, Any]]] = []
    unchanged: list[str] = []
    kept_newer: list[str] = []
    held_for_draft: list[str] = []
    # Texts and categories are shared by every edition: a draft must not change
    # what viewers of the published radar read, so a draft import keeps them.
    into_draft = (snapshot.edition is None and draft) or (
        snapshot.edition is not None and snapshot.edition.get("status") == DRAFT
    )
    seen: set[str] = set()
    for entry in entries:
        if entry.technology in seen:
            continue
        seen.add(entry.technology)
        names[entry.technology] = entry.texts.get("name_da") or entry.technology
        old = stored.get(entry.technology)
        if old is None:
            inserts.append(
                {
                    "id": entry.technology,
                    "sector": entry.sector,
                    **{f: entry.texts.get(f, "") for f in TECHNOLOGY_TEXT_FIELDS},
                    "retired": False,
                }
            )
            continue
        names[entry.technology] = old["name_da"]
        changes: dict[str, Any] = {}
        if old["retired"]:
            changes["retired"] = False
        newest = snapshot.newest_edition.get(entry.technology)
        wanted = {f: v for f, v in entry.texts.items() if v != old[f]}
        if entry.sector != old["sector"]:
            wanted["sector"] = entry.sector
        if newest is not None and edition < newest:
            if wanted:
                kept_newer.append(entry.technology)
        elif into_draft:
            if wanted:
                held_for_draft.append(entry.technology)
        else:
            changes.update(wanted)
        if changes:
            updates.append((old, changes))
        else:
            unchanged.append(entry.technology)
    if kept_newer:
        message = ctx.text(
            "importmsg.kept_newer",
            count=len(kept_newer),
            edition=edition,
            shown=_first_ten(kept_newer, ctx.lang),
        )
        ctx.note(None, None, message)
    if held_for_draft:
        message = ctx.text(
            "importmsg.kept_for_draft",
            count=len(held_for_draft),
            edition=edition,
            shown=_first_ten(held_for_draft, ctx.lang),
        )
        ctx.note(None, None, message)
    # Only the categories something will be in are created.
    used = [r["sector"] for r in inserts] + [c["sector"] for _, c in updates if "sector" in c]
    positions = [s.position for s in snapshot.sectors]
    sectors = []
    for sector_id, name in ctx.new_sectors.items():
        if sector_id not in used:
            continue
        sectors.append(
            {
                "id": sector_id,
                "position": max(positions, default=0) + 1 + len(sectors),
                "name_da": name,
                "name_en": name,
                "description_da": "",
                "description_en": "",
            }
        )
    limit = SECTOR_COUNT[1]
    if len(snapshot.sectors) + len(sectors) > limit:
        message = ctx.text(
            "importmsg.too_many_categories",
            count=len(sectors),
            names=", ".join(s["name_da"] for s in sectors),
            existing=len(snapshot.sectors),
            limit=limit,
        )
        ctx.problem(None, "quadrant", message)

    covered = sorted({(edition, e.area) for e in entries})
    areas = tuple(a for _, a in covered)
    added, changed, same = [], [], []
    assessment_updates = []
    for key, record in sorted(assessments.items()):
        old = snapshot.assessments.get(key)
        if old is None:
            added.append(key)
            continue
        diff = {f: record[f] for f in scoring.ASSESSMENT_FIELDS if record[f] != old[f]}
        if diff:
            changed.append(key)
            assessment_updates.append((old, diff))
        else:
            same.append(key)
    removed = sorted(k for k in snapshot.assessments if k.area in areas and k not in assessments)
    staying = {k.technology for k in assessments}
    technologies_removed = sorted({k.technology for k in removed} - staying)
    for technology in technologies_removed:
        names[technology] = stored[technology]["name_da"]

    edition_row = None
    if snapshot.edition is None:
        edition_row = {
            "year": edition,
            "published": published,
            "title_da": title.strip() if title else f"Teknologiradar {edition}",
            "title_en": title.strip() if title else f"Technology radar {edition}",
            "status": DRAFT if draft else PUBLISHED,
        }
    writes = _Writes(
        edition=edition_row,
        sectors=tuple(sectors),
        technology_inserts=tuple(inserts),
        technology_updates=tuple(updates),
        assessment_deletes=tuple(snapshot.assessments[k] for k in removed),
        assessment_updates=tuple(assessment_updates),
        assessment_inserts=tuple(assessments[k] for k in added),
    )
    return ImportPlan(
        file_name=ctx.file_name,
        format=fmt,
        edition=edition,
        edition_is_new=edition_row is not None,
        areas=areas,
        sectors_added=tuple(s["id"] for s in sectors),
        technologies_added=tuple(r["id"] for r in inserts),
        technologies_changed=tuple(old["id"] for old, _ in updates),
        technologies_unchanged=tuple(unchanged),
        technologies_removed=tuple(technologies_removed),
        assessments_added=tuple(added),
        assessments_changed=tuple(changed),
        assessments_removed=tuple(removed),
        assessments_unchanged=tuple(same),
        notes=tuple(ctx.notes),
        lang=ctx.lang,
        names=names,
        writes=writes,
        fingerprint=snapshot.fingerprint,
    )


# --------------------------------------------------------------------------
# Writing


def _audit_changes(plan: ImportPlan, editor: str, reason: str) -> list[audit.Change]:
    writes = plan.writes
    assert writes is not None
    common = {"editor": editor, "reason": reason, "edition": plan.edition}
    changes = []
    if writes.edition is not None:
        changes.append(
            audit.Change(
                action="add",
                entity="edition",
                record_key=str(plan.edition),
                new_value=writes.edition,
                **common,
            )
        )
    # The log has no entity for categories: a new one is told with the first
    # technology added to it.
    new_sectors = {s["id"]: s for s in writes.sectors}
    for row in writes.technology_inserts:
        record = dict(row)
        sector = new_sectors.pop(row["sector"], None)
        if sector is not None:
            record["new_sector"] = dict(sector)
        changes.append(
            audit.Change(
                action="add",
                entity="technology",
                record_key=row["id"],
                technology=row["id"],
                new_value=record,
                **common,
            )
        )
    for old, new in writes.technology_updates:
        changes += audit.field_changes(
            old,
            new,
            entity="technology",
            record_key=old["id"],
            technology=old["id"],
            **common,
        )
    for row in writes.assessment_deletes:
        key = str(AssessmentKey(row["edition"], row["area"], row["technology"]))
        changes.append(
            audit.Change(
                action="remove",
                entity="assessment",
                record_key=key,
                technology=row["technology"],
                old_value=row,
                **common,
            )
        )
    for old, new in writes.assessment_updates:
        key = str(AssessmentKey(old["edition"], old["area"], old["technology"]))
        changes += audit.field_changes(
            old, new, entity="assessment", record_key=key, technology=old["technology"], **common
        )
    for row in writes.assessment_inserts:
        key = str(AssessmentKey(row["edition"], row["area"], row["technology"]))
        changes.append(
            audit.Change(
                action="add",
                entity="assessment",
                record_key=key,
                technology=row["technology"],
                new_value=row,
                **common,
            )
        )
    return changes


def _insert(
    cursor: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Mapping[str, Any]]
) -> None:
    if not rows:
        return
    columns = list(rows[0])
    one = f"({', '.join('?' * len(columns))})"
    # Many rows per statement: DuckDB's executemany runs one statement per row.
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([one] * len(chunk))}",
            [row[c] for row in chunk for c in columns],
        )


def apply_import(
    con: duckdb.DuckDBPyConnection,
    plan: ImportPlan,
    *,
    editor: str,
    reason: str | None = None,
) -> ImportResult:
    """Write a plan in one transaction, with its audit-log rows.

    Parameters
    ----------
    con
        The radar database, opened for writing.
    plan
        From :func:`plan_import` on the same database.
    editor
        Who imports, for the audit log.
    reason
        Why, added to the log's reason "Import af FILE".

    Returns
    -------
    What was written. A plan without changes writes nothing at all.

    Raises
    ------
    StalePlanError
        The database changed since the plan was made; nothing was written. Its
        problem is in the plan's language.
    ValueError
        No editor, or a plan without its writes.
    duckdb.Error
        The write failed; the transaction was rolled back, so nothing was written.
    """
    if not editor or not editor.strip():
        raise ValueError("an import needs an editor for the audit log")
    if plan.writes is None:
        raise ValueError("the plan has nothing to write; make it with plan_import")
    full_reason = f"Import af {plan.file_name}"
    if reason and reason.strip():
        full_reason += f": {reason.strip()}"
    changes = _audit_changes(plan, editor.strip(), full_reason)
    writes = plan.writes
    stale = StalePlanError([Problem(plan.file_name, None, None, t("importmsg.stale", plan.lang))])
    with store.WRITE_LOCK:
        return _apply(con, plan, writes, changes, stale, editor.strip(), full_reason)


def _apply(
    con: duckdb.DuckDBPyConnection,
    plan: ImportPlan,
    writes: _Writes,
    changes: list[audit.Change],
    stale: StalePlanError,
    editor: str,
    full_reason: str,
) -> ImportResult:
    cursor = con.cursor()
    try:
        cursor.begin()
        try:
            if _fingerprint(cursor) != plan.fingerprint:
                raise stale
            if plan.has_changes:
                if writes.edition is not None:
                    _insert(cursor, "editions", [writes.edition])
                _insert(cursor, "sectors", writes.sectors)
                _insert(cursor, "technologies", writes.technology_inserts)
                # Technologies are updated before any assessment is added:
                # DuckDB rewrites a row it updates, which must not yet be
                # referred to from inside this transaction.
                for old, new in writes.technology_updates:
                    cursor.execute(
                        f"UPDATE technologies SET {', '.join(f'{c} = ?' for c in new)} "
                        "WHERE id = ?",
                        [*new.values(), old["id"]],
                    )
                if writes.assessment_deletes:
                    cursor.executemany(
                        "DELETE FROM assessments WHERE edition = ? AND area = ? AND technology = ?",
                        [
                            [r["edition"], r["area"], r["technology"]]
                            for r in writes.assessment_deletes
                        ],
                    )
                for old, new in writes.assessment_updates:
                    cursor.execute(
                        f"UPDATE assessments SET {', '.join(f'{c} = ?' for c in new)} "
                        "WHERE edition = ? AND area = ? AND technology = ?",
                        [*new.values(), old["edition"], old["area"], old["technology"]],
                    )
                _insert(cursor, "assessments", writes.assessment_inserts)
                audit.record(cursor, changes)
            cursor.commit()
        except BaseException as exc:
            # A failed commit may have ended the transaction already.
            with contextlib.suppress(duckdb.Error):
                cursor.rollback()
            if isinstance(exc, duckdb.TransactionException):
                # Another write touched the same rows meanwhile: check again.
                raise stale from exc
            raise
    finally:
        cursor.close()
    return ImportResult(
        plan=plan,
        editor=editor.strip(),
        reason=full_reason,
        audit_rows=len(changes),
    )


def import_file(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    *,
    file_name: str,
    edition: int,
    editor: str,
    reason: str | None = None,
    **options: Any,
) -> ImportResult:
    """:func:`plan_import` and :func:`apply_import` in one go; ``options`` go to the plan.

    ``lang`` (an option, default Danish) is the language of the problems and notes.
    """
    plan = plan_import(con, data, file_name=file_name, edition=edition, **options)
    return apply_import(con, plan, editor=editor, reason=reason)


# --------------------------------------------------------------------------
# A new, empty database


def _initialise_empty(con: duckdb.DuckDBPyConnection) -> None:
    """The schema with the seed's rings and areas only, on an empty database."""
    seed = load_seed(store.SEED_DIR)
    con.execute(resources.files("radar.store").joinpath("schema.sql").read_text("utf-8"))
    for table in TABLES:
        if table.name not in ("rings", "areas"):
            continue
        columns = [c.name for c in table.columns]
        con.executemany(
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            [[row[c] for c in columns] for row in seed[table.name]],
        )
    con.execute(
        "INSERT INTO meta VALUES ('schema_version', ?), ('built_at', ?), (?, 'false')",
        [
            store.SCHEMA_VERSION,
            datetime.now(UTC).isoformat(timespec="seconds"),
            # Imported data is the organisation's own, not our illustrative seed.
            store.ILLUSTRATIVE_KEY,
        ],
    )


def create_empty_database(path: str | os.PathLike[str]) -> Path:
    """Create a radar database with no content: the schema, the seed's rings and areas.

    For importing a radar of its own (a Thoughtworks or Zalando radar, say).
    The file is written beside ``path`` and renamed into place when complete.

    Parameters
    ----------
    path
        The new database file.

    Returns
    -------
    The path.

    Raises
    ------
    radar.store.DatabaseExistsError
        The file exists already.
    radar.store.seed.SeedError
        The seed's rings or areas are invalid.
    """
    target = Path(path)
    if target.exists():
        raise store.DatabaseExistsError(f"{target} exists already")
    with store.new_database_file(target, "creating") as con:
        _initialise_empty(con)
    return target


# --------------------------------------------------------------------------
# Command line


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2026-05-31") from None


def add_command(commands: Any, db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``import`` subcommand to the CLI parser.

    Parameters
    ----------
    commands
        The CLI's subparsers (``argparse``'s ``add_subparsers()``).
    db_option
        Adds the shared ``--db`` option to a parser.
    """
    command = commands.add_parser(
        "import",
        help="import a radar from a file (our CSV/Excel/JSON, Thoughtworks BYOR, Zalando)",
        description="Import one edition of a radar from a file. The whole file is checked "
        "first, and every problem is listed with its row and column; only a file without "
        "problems is written, in one transaction, and logged. The file is the whole radar "
        "of each area it covers in that edition: assessments missing from it are removed. "
        "A --db file that does not exist is created as a new, empty radar database (the "
        "seed's rings and areas only), but only when the import succeeds.",
    )
    command.add_argument("file", metavar="FILE", type=Path, help="the file to import")
    command.add_argument(
        "--edition",
        type=int,
        required=True,
        metavar="N",
        help="the edition to import into: a year, or a running number (e.g. a Thoughtworks "
        "volume); created if missing",
    )
    command.add_argument(
        "--area",
        metavar="ID",
        help="the welfare area for every row (needed for BYOR and Zalando files unless the "
        "database has one area)",
    )
    command.add_argument(
        "--format",
        choices=formats.IMPORT_FORMATS,
        help="the file's format (default: told from its extension and content)",
    )
    db_option(command)
    command.add_argument(
        "--title",
        help="title of a new edition (default: 'Teknologiradar N' / 'Technology radar N')",
    )
    command.add_argument(
        "--published",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="publication date of a new edition (default: the file's date, else today)",
    )
    command.add_argument(
        "--draft", action="store_true", help="create a new edition as a draft, seen only by editors"
    )
    command.add_argument(
        "--dry-run",
        action="store_true",
        help="check the file and show what would change; write nothing",
    )
    command.add_argument(
        "--editor", help="who imports, for the audit log (default: cli:<your user name>)"
    )
    command.add_argument("--reason", help="why, for the audit log")
    command.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="da",
        help="language of the summary and the problems (default: da)",
    )


def _default_editor() -> str:
    try:
        return "cli:" + getpass.getuser()
    except (OSError, KeyError):
        return "cli:unknown"


def _plan_args(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "file_name": args.file.name,
        "edition": args.edition,
        "area": args.area,
        "fmt": args.format,
        "title": args.title,
        "published": args.published,
        "draft": args.draft,
        "lang": args.lang,
    }


def run_command(args: argparse.Namespace) -> int:
    """Run ``python -m radar import``; returns the exit code.

    Prints a short summary, or every problem (``file, row R, column 'C':
    message``) on stderr with exit code 1, having written nothing. A missing
    ``--db`` file is created as a new, empty radar database
    (:func:`create_empty_database`), but only when the import succeeds.
    Without ``--db`` the usual database is used (``$RADAR_DB``, else
    ``data/radar.duckdb``), built from the seed first if it is missing, as
    every other command does.
    """
    lang: Lang = args.lang
    path: Path = args.file
    if not path.is_file():
        print(t("import.no_file", lang, file=path), file=sys.stderr)
        return 1
    if path.stat().st_size > formats.MAX_IMPORT_BYTES:
        return _print_problems(ImportProblems([_too_large(path.name, lang)]), path, lang)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(t("import.unreadable", lang, file=path, reason=exc.strerror or exc), file=sys.stderr)
        return 1
    target = store.resolve_db_path(args.db)
    editor = args.editor or _default_editor()
    try:
        if args.db and not target.exists():
            return _import_into_new(args, data, target, editor)
        con = store.connect(target, read_only=args.dry_run)
        try:
            plan = plan_import(con, data, **_plan_args(args))
            if not args.dry_run:
                apply_import(con, plan, editor=editor, reason=args.reason)
        finally:
            con.close()
    except ImportProblems as exc:
        return _print_problems(exc, path, lang)
    except store.DatabaseUnavailableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    _print_plan(plan, args, target, created=False)
    return 0


def _import_into_new(args: argparse.Namespace, data: bytes, target: Path, editor: str) -> int:
    if args.dry_run:
        con = duckdb.connect(":memory:")
        try:
            _initialise_empty(con)
            plan = plan_import(con, data, **_plan_args(args))
        finally:
            con.close()
    else:
        # The new file appears only when the import into it succeeded.
        with store.new_database_file(target, "importing") as con:
            _initialise_empty(con)
            plan = plan_import(con, data, **_plan_args(args))
            apply_import(con, plan, editor=editor, reason=args.reason)
    _print_plan(plan, args, target, created=not args.dry_run)
    return 0


def _print_problems(exc: ImportProblems, path: Path, lang: Lang) -> int:
    print(t("import.problems", lang, count=len(exc.problems), file=path.name), file=sys.stderr)
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


def _print_plan(plan: ImportPlan, args: argparse.Namespace, target: Path, *, created: bool) -> None:
    lang: Lang = args.lang
    if created:
        print(t("import.created_db", lang, db=target))
    for line in plan.summary_lines(lang):
        print(line)
    for note in plan.notes:
        print(t("import.note", lang, note=note))
    if args.dry_run:
        print(t("import.dry_run", lang))
    elif not plan.has_changes:
        print(t("import.nothing", lang))
    else:
        print(t("import.done", lang, file=args.file.name, db=target))
