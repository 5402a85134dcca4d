"""The editors' reads and writes of single records, as SQL.

Every function takes the cursor of the caller's transaction
(:func:`radar.store.transactions.transaction`), so what :mod:`radar.editing`
reads, checks and writes happens in one snapshot. Rows come back as plain
dicts with the engine's values; the feature layer normalises them.

Column names that reach the SQL text are checked against the schema's
columns here, so a caller's field name can never become SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import pandas as pd

from radar.model import DRAFT, PUBLISHED, Ring
from radar.store.transactions import Connection, frame

#: The columns of ``technologies`` (schema.sql).
TECHNOLOGY_COLUMNS: Final[tuple[str, ...]] = (
    "id",
    "sector",
    "name_da",
    "name_en",
    "summary_da",
    "summary_en",
    "description_da",
    "description_en",
    "retired",
)
#: The columns of ``assessments`` (schema.sql): the key, then the scores and the ring.
ASSESSMENT_COLUMNS: Final[tuple[str, ...]] = (
    "edition",
    "area",
    "technology",
    "maturity_trl",
    "share_operation",
    "share_pilot",
    "share_considering",
    "share_not_considering",
    "ring_override",
    "override_reason",
)
#: The columns of ``cases`` (schema.sql).
CASE_COLUMNS: Final[tuple[str, ...]] = (
    "id",
    "technology",
    "area",
    "municipality",
    "year",
    "title_da",
    "title_en",
    "text_da",
    "text_en",
    "source_url",
)
_EDITION_COLUMNS: Final[tuple[str, ...]] = ("year", "published", "title_da", "title_en", "status")
_PUBLISHED_YEARS: Final = f"SELECT year FROM editions WHERE status = '{PUBLISHED}'"
_DRAFT_YEARS: Final = f"SELECT year FROM editions WHERE status = '{DRAFT}'"


def _checked(names: Iterable[str], allowed: Sequence[str]) -> list[str]:
    names = list(names)
    unknown = [n for n in names if n not in allowed]
    if unknown:
        raise ValueError(f"not a column: {', '.join(unknown)}")
    return names


def _all(cur: Connection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    result = cur.execute(sql, list(params))
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _first(cur: Connection, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
    found = _all(cur, sql, params)
    return found[0] if found else None


def _value(cur: Connection, sql: str, params: Sequence[Any] = ()) -> Any:
    (value,) = cur.execute(sql, list(params)).fetchone()  # type: ignore[misc]
    return value


def _insert(cur: Connection, table: str, record: Mapping[str, Any], allowed: Sequence[str]) -> None:
    columns = _checked(record, allowed)
    cur.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [record[c] for c in columns],
    )


def _set_clause(values: Mapping[str, Any], allowed: Sequence[str]) -> tuple[str, list[Any]]:
    columns = _checked(values, allowed)
    return ", ".join(f"{c} = ?" for c in columns), [values[c] for c in columns]


# --- does it exist ---


def has_technology(cur: Connection, technology_id: str) -> bool:
    """Whether the catalogue has the technology (retired ones included)."""
    return bool(cur.execute("SELECT 1 FROM technologies WHERE id = ?", [technology_id]).fetchone())


def has_sector(cur: Connection, sector_id: str) -> bool:
    """Whether the category exists."""
    return bool(cur.execute("SELECT 1 FROM sectors WHERE id = ?", [sector_id]).fetchone())


def has_area(cur: Connection, area_id: str) -> bool:
    """Whether the welfare area exists."""
    return bool(cur.execute("SELECT 1 FROM areas WHERE id = ?", [area_id]).fetchone())


def has_edition(cur: Connection, year: int) -> bool:
    """Whether the edition exists, draft or published."""
    return bool(cur.execute("SELECT 1 FROM editions WHERE year = ?", [year]).fetchone())


def has_case(cur: Connection, case_id: str) -> bool:
    """Whether the example case exists."""
    return bool(cur.execute("SELECT 1 FROM cases WHERE id = ?", [case_id]).fetchone())


def rings(cur: Connection) -> tuple[Ring, ...]:
    """The rings with their cut-offs, inside out."""
    return tuple(Ring(**r) for r in _all(cur, "SELECT * FROM rings ORDER BY position"))


# --- technologies ---


def technology_row(cur: Connection, technology_id: str) -> dict[str, Any] | None:
    """One technology's row, or ``None``."""
    return _first(cur, "SELECT * FROM technologies WHERE id = ?", [technology_id])


def insert_technology(cur: Connection, record: Mapping[str, Any]) -> None:
    """Add a technology; ``record`` maps columns to values."""
    _insert(cur, "technologies", record, TECHNOLOGY_COLUMNS)


def update_technology(cur: Connection, technology_id: str, values: Mapping[str, Any]) -> None:
    """Set the given columns of one technology."""
    assignments, params = _set_clause(values, TECHNOLOGY_COLUMNS)
    cur.execute(f"UPDATE technologies SET {assignments} WHERE id = ?", [*params, technology_id])


def draft_assessment_rows(cur: Connection, technology_id: str) -> list[dict[str, Any]]:
    """A technology's assessments in draft editions."""
    return _all(
        cur,
        f"SELECT {', '.join(ASSESSMENT_COLUMNS)} FROM assessments WHERE technology = ? "
        f"AND edition IN ({_DRAFT_YEARS})",
        [technology_id],
    )


def delete_draft_assessments(cur: Connection, technology_id: str) -> None:
    """Remove a technology's assessments from the draft editions."""
    cur.execute(
        f"DELETE FROM assessments WHERE technology = ? AND edition IN ({_DRAFT_YEARS})",
        [technology_id],
    )


# --- assessments ---


def assessment_row(
    cur: Connection, edition: int, area: str, technology: str
) -> dict[str, Any] | None:
    """One assessment's row, or ``None``."""
    return _first(
        cur,
        f"SELECT {', '.join(ASSESSMENT_COLUMNS)} FROM assessments "
        "WHERE edition = ? AND area = ? AND technology = ?",
        [edition, area, technology],
    )


def technology_assessment_rows(cur: Connection, technology: str) -> list[dict[str, Any]]:
    """Every assessment of one technology, drafts included, by edition and area."""
    return _all(
        cur,
        f"SELECT {', '.join(ASSESSMENT_COLUMNS)} FROM assessments WHERE technology = ? "
        "ORDER BY edition, area",
        [technology],
    )


def insert_assessment(cur: Connection, record: Mapping[str, Any]) -> None:
    """Add an assessment; ``record`` maps columns to values."""
    _insert(cur, "assessments", record, ASSESSMENT_COLUMNS)


def update_assessment(
    cur: Connection, edition: int, area: str, technology: str, values: Mapping[str, Any]
) -> None:
    """Set the given columns of one assessment."""
    assignments, params = _set_clause(values, ASSESSMENT_COLUMNS)
    cur.execute(
        f"UPDATE assessments SET {assignments} WHERE edition = ? AND area = ? AND technology = ?",
        [*params, edition, area, technology],
    )


def delete_assessment(cur: Connection, edition: int, area: str, technology: str) -> None:
    """Remove one assessment."""
    cur.execute(
        "DELETE FROM assessments WHERE edition = ? AND area = ? AND technology = ?",
        [edition, area, technology],
    )


# --- example cases ---

# The table has NULL for a case without a link; the model (and so every
# editor's form) has "".


def case_row(cur: Connection, case_id: str) -> dict[str, Any] | None:
    """One example case's row (``source_url`` ``""`` for no link), or ``None``."""
    row = _first(cur, f"SELECT {', '.join(CASE_COLUMNS)} FROM cases WHERE id = ?", [case_id])
    if row is not None:
        row["source_url"] = row["source_url"] or ""
    return row


def _stored_case(values: Mapping[str, Any]) -> dict[str, Any]:
    return {c: (v or None) if c == "source_url" else v for c, v in values.items()}


def insert_case(cur: Connection, record: Mapping[str, Any]) -> None:
    """Add an example case; ``record`` maps columns to values."""
    _insert(cur, "cases", _stored_case(record), CASE_COLUMNS)


def update_case(cur: Connection, case_id: str, values: Mapping[str, Any]) -> None:
    """Set the given columns of one example case."""
    assignments, params = _set_clause(_stored_case(values), CASE_COLUMNS)
    cur.execute(f"UPDATE cases SET {assignments} WHERE id = ?", [*params, case_id])


def delete_case(cur: Connection, case_id: str) -> None:
    """Remove one example case."""
    cur.execute("DELETE FROM cases WHERE id = ?", [case_id])


# --- editions ---


def edition_row(cur: Connection, year: int) -> dict[str, Any] | None:
    """One edition's row, draft or published, or ``None``."""
    return _first(cur, f"SELECT {', '.join(_EDITION_COLUMNS)} FROM editions WHERE year = ?", [year])


def newest_edition_year(cur: Connection) -> int | None:
    """The year of the newest edition, drafts included (``None``: there is none)."""
    return _value(cur, "SELECT max(year) FROM editions")


def newest_published_assessed(cur: Connection) -> int | None:
    """The newest published edition with assessments, which a new draft copies."""
    return _value(
        cur, f"SELECT max(edition) FROM assessments WHERE edition IN ({_PUBLISHED_YEARS})"
    )


def insert_edition(cur: Connection, record: Mapping[str, Any]) -> None:
    """Add an edition; ``record`` maps columns to values."""
    _insert(cur, "editions", record, _EDITION_COLUMNS)


def copy_assessments(cur: Connection, source: int, year: int) -> None:
    """Copy edition ``source``'s assessments into ``year``, except retired technologies'."""
    columns = ", ".join(ASSESSMENT_COLUMNS[1:])
    cur.execute(
        f"INSERT INTO assessments ({', '.join(ASSESSMENT_COLUMNS)}) "
        f"SELECT ?, {columns} FROM assessments "
        "WHERE edition = ? AND technology NOT IN (SELECT id FROM technologies WHERE retired)",
        [year, source],
    )


def assessment_count(cur: Connection, year: int) -> int:
    """How many assessments an edition has."""
    return int(_value(cur, "SELECT count(*) FROM assessments WHERE edition = ?", [year]))


def set_edition_status(cur: Connection, year: int, status: str) -> None:
    """Mark an edition draft or published."""
    cur.execute("UPDATE editions SET status = ? WHERE year = ?", [status, year])


def delete_edition_assessments(cur: Connection, year: int) -> None:
    """Remove every assessment of an edition."""
    cur.execute("DELETE FROM assessments WHERE edition = ?", [year])


def delete_draft_edition(cur: Connection, year: int) -> None:
    """Remove an edition's row, if it is a draft (its assessments must be gone already)."""
    cur.execute("DELETE FROM editions WHERE year = ? AND status = ?", [year, DRAFT])


def set_meta(cur: Connection, key: str, value: str) -> None:
    """Set one of the database's settings (the ``meta`` table)."""
    cur.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def edition_summary(con: Connection) -> pd.DataFrame:
    """Every edition, drafts included, newest first, with its count of assessments.

    Columns ``year, title_da, title_en, published, status, assessments,
    technologies``.
    """
    return frame(
        con,
        "SELECT e.year, e.title_da, e.title_en, e.published, e.status, "
        "count(a.technology) AS assessments, count(DISTINCT a.technology) AS technologies "
        "FROM editions e LEFT JOIN assessments a ON a.edition = e.year "
        "GROUP BY ALL ORDER BY e.year DESC",
    )
