"""Read and validate the seed CSV files before anything touches the database.

Every problem is collected, not just the first, and each names the file, the
row (as a spreadsheet shows it: the header is row 1) and the column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from radar import rules
from radar.model import TECHNOLOGY_TEXT_FIELDS
from radar.pipeline.geometry import MIN_SECTORS
from radar.pipeline.scoring import SCORE_COLUMNS
from radar.theme import RING_FILLS, SECTOR_COLOURS

#: Seed files above this size are refused before they are read.
MAX_SEED_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in a seed file."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class ProblemsError(ValueError):
    """Data that cannot be used; ``problems`` lists every problem found, not just the first."""

    #: What the problems are in, for the message.
    subject = "the data"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        shown = "\n".join(f"  - {p}" for p in self.problems[:50])
        more = len(self.problems) - 50
        suffix = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(f"{len(self.problems)} problem(s) in {self.subject}:\n{shown}{suffix}")


class SeedError(ProblemsError):
    """The seed data is invalid; ``problems`` lists every problem found."""

    subject = "the seed data"


def _text(value: str) -> str:
    return value


def _integer(value: str) -> int:
    return int(value)


def _decimal(value: str) -> float:
    return float(value)


def _iso_date(value: str) -> date:
    return date.fromisoformat(value)


_EXPECTED: dict[Callable[[str], Any], str] = {
    _text: "text",
    _integer: "a whole number",
    _decimal: "a decimal number with a point, e.g. 0.5",
    _iso_date: "a date as YYYY-MM-DD",
}


@dataclass(frozen=True)
class Column:
    """A column of a seed table: its name, how to parse it and whether it may be empty."""

    name: str
    parse: Callable[[str], Any] = _text
    required: bool = True


@dataclass(frozen=True)
class Table:
    """A seed table: the file ``<name>.csv`` and its columns, key first."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"


def _cols(*names: str) -> tuple[Column, ...]:
    return tuple(Column(n) for n in names)


_SHARES = tuple(
    Column(n, _integer)
    for n in ("share_operation", "share_pilot", "share_considering", "share_not_considering")
)

#: The seed tables in load order (a table only refers to tables before it).
TABLES: tuple[Table, ...] = (
    Table(
        "areas", (Column("id"), Column("position", _integer), *_cols("name_da", "name_en")), ("id",)
    ),
    Table(
        "rings",
        (
            Column("id"),
            Column("position", _integer),
            Column("min_score", _decimal),
            *_cols("name_da", "name_en", "description_da", "description_en"),
        ),
        ("id",),
    ),
    Table(
        "sectors",
        (
            Column("id"),
            Column("position", _integer),
            *_cols("name_da", "name_en", "description_da", "description_en"),
        ),
        ("id",),
    ),
    Table(
        "editions",
        (Column("year", _integer), Column("published", _iso_date), *_cols("title_da", "title_en")),
        ("year",),
    ),
    Table(
        "technologies",
        _cols("id", "sector", *TECHNOLOGY_TEXT_FIELDS),
        ("id",),
    ),
    Table(
        "assessments",
        (
            Column("edition", _integer),
            Column("area"),
            Column("technology"),
            Column("maturity_trl", _integer),
            *_SHARES,
            Column("ring_override", required=False),
            Column("override_reason", required=False),
        ),
        ("edition", "area", "technology"),
    ),
    Table(
        "cases",
        (
            Column("id"),
            Column("technology"),
            Column("area"),
            Column("municipality"),
            Column("year", _integer),
            *_cols("title_da", "title_en", "text_da", "text_en"),
            Column("source_url", required=False),
        ),
        ("id",),
    ),
)

#: Foreign keys: (table, column) -> (referenced table, referenced column).
REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("technologies", "sector"): ("sectors", "id"),
    ("assessments", "edition"): ("editions", "year"),
    ("assessments", "area"): ("areas", "id"),
    ("assessments", "technology"): ("technologies", "id"),
    ("assessments", "ring_override"): ("rings", "id"),
    ("cases", "technology"): ("technologies", "id"),
    ("cases", "area"): ("areas", "id"),
}

Rows = list[dict[str, Any]]


def read_table(path: Path, table: Table) -> tuple[Rows, list[Problem], list[int]]:
    """Read and type one seed file.

    Returns
    -------
    The parsed rows, the problems found, and each row's line number in the file.
    """
    name = path.name
    problems: list[Problem] = []
    if not path.exists():
        return [], [Problem(name, None, None, "file is missing")], []
    if path.stat().st_size > MAX_SEED_FILE_BYTES:
        limit = MAX_SEED_FILE_BYTES // (1024 * 1024)
        return [], [Problem(name, None, None, f"file is larger than {limit} MiB")], []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [Problem(name, None, None, f"not UTF-8 text (byte {exc.start})")], []
    # newline="" keeps line breaks inside quoted fields, as the csv module requires.
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return [], [Problem(name, None, None, "file is empty; expected a header row")], []
    header = [h.strip() for h in header]
    expected = [c.name for c in table.columns]
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if missing or extra:
        detail = []
        if missing:
            detail.append(f"missing column(s) {', '.join(missing)}")
        if extra:
            detail.append(f"unknown column(s) {', '.join(extra)}")
        detail.append(f"expected the header {','.join(expected)}")
        return [], [Problem(name, 1, None, "; ".join(detail))], []

    rows: Rows = []
    line_numbers: list[int] = []
    # Rows are counted as a spreadsheet shows them: a quoted field spanning
    # several lines is still one row.
    for line_no, record in enumerate(reader, start=2):
        if not any(field.strip() for field in record):
            continue
        if len(record) != len(header):
            problems.append(
                Problem(
                    name,
                    line_no,
                    None,
                    f"has {len(record)} fields, the header has {len(header)} "
                    "(a comma inside a text needs the text in double quotes)",
                )
            )
            continue
        raw = dict(zip(header, record, strict=True))
        row: dict[str, Any] = {}
        for column in table.columns:
            value = raw[column.name].strip()
            if not value:
                if column.required:
                    problems.append(Problem(name, line_no, column.name, "is empty"))
                row[column.name] = None
                continue
            try:
                row[column.name] = column.parse(value)
            except ValueError:
                problems.append(
                    Problem(
                        name,
                        line_no,
                        column.name,
                        f"'{value}' is not {_EXPECTED[column.parse]}",
                    )
                )
                row[column.name] = None
        rows.append(row)
        line_numbers.append(line_no)
    return rows, problems, line_numbers


def load_seed(data_dir: Path) -> dict[str, Rows]:
    """Read and validate every seed table in ``data_dir``.

    Raises
    ------
    SeedError
        With every problem found, when any is.
    """
    tables: dict[str, Rows] = {}
    lines: dict[str, list[int]] = {}
    problems: list[Problem] = []
    for table in TABLES:
        rows, found, line_numbers = read_table(data_dir / table.file_name, table)
        tables[table.name] = rows
        lines[table.name] = line_numbers
        problems.extend(found)
    problems.extend(_check_keys(tables, lines))
    problems.extend(_check_references(tables, lines))
    problems.extend(_check_rules(tables, lines))
    if problems:
        raise SeedError(problems)
    return tables


def _check_keys(tables: dict[str, Rows], lines: dict[str, list[int]]) -> list[Problem]:
    problems = []
    for table in TABLES:
        seen: dict[tuple[Any, ...], int] = {}
        for row, line in zip(tables[table.name], lines[table.name], strict=True):
            key = tuple(row[k] for k in table.key)
            if None in key:
                continue
            if key in seen:
                shown = ", ".join(str(k) for k in key)
                problems.append(
                    Problem(
                        table.file_name,
                        line,
                        ", ".join(table.key),
                        f"duplicate of row {seen[key]} ({shown})",
                    )
                )
            else:
                seen[key] = line
    return problems


def _check_references(tables: dict[str, Rows], lines: dict[str, list[int]]) -> list[Problem]:
    problems = []
    for (table, column), (target, target_column) in REFERENCES.items():
        known = {row[target_column] for row in tables[target]}
        for row, line in zip(tables[table], lines[table], strict=True):
            value = row[column]
            if value is not None and value not in known:
                problems.append(
                    Problem(
                        f"{table}.csv",
                        line,
                        column,
                        f"'{value}' is not an id in {target}.csv",
                    )
                )
    return problems


#: How many rings and sectors the radar can draw: one band fill per ring and
#: one colour per sector in the theme; fewer than three rings make no radar,
#: but one category is a radar of the whole disc (an organisation's own radar
#: may sort its technologies by ring only).
RING_COUNT = (3, len(RING_FILLS))
SECTOR_COUNT = (MIN_SECTORS, len(SECTOR_COLOURS))


def _check_rules(tables: dict[str, Rows], lines: dict[str, list[int]]) -> list[Problem]:
    problems = []
    for table, (low, high) in (("rings", RING_COUNT), ("sectors", SECTOR_COUNT)):
        count = len(tables[table])
        if tables[table] and not low <= count <= high:
            problems.append(
                Problem(
                    f"{table}.csv",
                    None,
                    None,
                    f"has {count} {table}; the radar draws {low} to {high}",
                )
            )
    for row, line in zip(tables["rings"], lines["rings"], strict=True):
        score = row["min_score"]
        if score is not None and not 0.0 <= score <= 1.0:
            problems.append(Problem("rings.csv", line, "min_score", "must be between 0 and 1"))
    rings = sorted(
        (r for r in tables["rings"] if r["position"] is not None and r["min_score"] is not None),
        key=lambda r: r["position"],
    )
    cutoffs = [r["min_score"] for r in rings]
    if cutoffs != sorted(cutoffs, reverse=True) or len(set(cutoffs)) != len(cutoffs):
        problems.append(
            Problem(
                "rings.csv",
                None,
                "min_score",
                "cut-offs must fall strictly from the innermost ring outwards",
            )
        )
    if rings and rings[-1]["min_score"] != 0:
        problems.append(
            Problem(
                "rings.csv",
                None,
                "min_score",
                "the outermost ring must start at 0 so every score has a ring",
            )
        )
    for row, line in zip(tables["assessments"], lines["assessments"], strict=True):
        problems.extend(_assessment_problems(row, line))
    return problems


def _assessment_problems(row: dict[str, Any], line: int) -> list[Problem]:
    """The seed's words for the assessment rules of :mod:`radar.rules`."""
    problems = []
    for breach in rules.score_breaches({name: row[name] for name in SCORE_COLUMNS}):
        # A missing score is reported already: the seed's score columns are required.
        message = _SCORE_MESSAGES.get(breach.code)
        if message is not None:
            column = _SCORE_COLUMNS_SHOWN.get(breach.field, breach.field)
            problems.append(Problem("assessments.csv", line, column, message(breach.values)))
    # Every seed assessment has its scores (the columns are required), so a
    # ring is never stated without them, and an override always needs its reason.
    for breach in rules.placing_breaches(
        has_scores=True, ring_override=row["ring_override"], reason=row["override_reason"]
    ):
        if breach.code == "override_reason":
            problems.append(
                Problem("assessments.csv", line, breach.field, "a ring override needs its reason")
            )
    return problems


_SCORE_MESSAGES: dict[str, Callable[[Mapping[str, object]], str]] = {
    "trl_range": lambda v: f"{v['value']} is not a TRL from {v['min']} to {v['max']}",
    "share_range": lambda v: "must be 0 to 100 percent",
    "shares_sum": lambda v: f"the four shares add up to {v['total']}, not 100",
}
#: The seed names the sum of the shares by the columns it concerns.
_SCORE_COLUMNS_SHOWN = {"shares": "share_*"}
