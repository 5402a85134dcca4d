"""The catalogue queries: what the radar reads, each on a cursor of its own.

Viewers see only published editions; every query that can see a draft takes
``include_drafts`` (editors only).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from radar.model import PUBLISHED, Area, Case, Catalog, Edition, Ring, Sector, Technology
from radar.store.seed import TABLES
from radar.store.transactions import Connection, frame, records

__all__ = [
    "ILLUSTRATIVE_KEY",
    "is_illustrative",
    "latest_assessed_edition",
    "load_all_assessments",
    "load_all_cases",
    "load_assessments",
    "load_cases",
    "load_catalog",
    "load_technologies",
    "load_technology_assessments",
    "query_frame",
    "table_counts",
]

#: ``meta`` key: whether the data is illustrative example data (the seed's is),
#: so every radar, export and handout says so. A radar imported into a new
#: database is not; editors switch the notice on the Editions page.
ILLUSTRATIVE_KEY = "illustrative"


def query_frame(con: Connection, sql: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
    """Run ``sql`` on a fresh cursor and return a DataFrame."""
    return frame(con, sql, params)


def _editions_where(include_drafts: bool) -> str:
    return "true" if include_drafts else f"status = '{PUBLISHED}'"


def _published_technologies() -> str:
    return (
        "SELECT technology FROM assessments WHERE edition IN "
        f"(SELECT year FROM editions WHERE {_editions_where(False)})"
    )


def load_catalog(con: Connection, *, include_drafts: bool = False) -> Catalog:
    """Areas, rings (inside out), sectors and editions, each in display order.

    Draft editions are left out unless ``include_drafts``: only editors see them.
    """
    editions_sql = f"SELECT * FROM editions WHERE {_editions_where(include_drafts)} ORDER BY year"
    sectors_sql = "SELECT * FROM sectors ORDER BY position"
    if not include_drafts:
        # A category that only a draft uses (a draft import's new quadrant) waits for it.
        sectors_sql = (
            "SELECT * FROM sectors WHERE id IN (SELECT sector FROM technologies WHERE id IN "
            f"({_published_technologies()})) ORDER BY position"
        )
    return Catalog(
        areas=tuple(Area(**r) for r in records(con, "SELECT * FROM areas ORDER BY position")),
        rings=tuple(Ring(**r) for r in records(con, "SELECT * FROM rings ORDER BY position")),
        sectors=tuple(Sector(**r) for r in records(con, sectors_sql)),
        editions=tuple(Edition(**r) for r in records(con, editions_sql)),
    )


def is_illustrative(con: Connection) -> bool:
    """Whether the radar holds illustrative example data, and must say so.

    A database without the setting was built from the seed before it existed:
    its data is the illustrative seed.
    """
    rows = records(con, "SELECT value FROM meta WHERE key = ?", [ILLUSTRATIVE_KEY])
    return not rows or rows[0]["value"] != "false"


def latest_assessed_edition(con: Connection, *, include_drafts: bool = False) -> int | None:
    """The newest edition that has assessments: an edition added ahead of time is not it."""
    sql = (
        "SELECT max(edition) AS year FROM assessments WHERE edition IN "
        f"(SELECT year FROM editions WHERE {_editions_where(include_drafts)})"
    )
    year: int | None = records(con, sql)[0]["year"]
    return year


def load_technologies(con: Connection, *, include_drafts: bool = False) -> dict[str, Technology]:
    """The technology catalogue, by id.

    Viewers get the technologies on some published radar; one that so far is
    only in a draft (or only just added by an editor) needs ``include_drafts``.
    """
    where = "true" if include_drafts else f"id IN ({_published_technologies()})"
    rows = records(con, f"SELECT * FROM technologies WHERE {where} ORDER BY id")
    return {r["id"]: Technology(**r) for r in rows}


_ASSESSMENTS_SQL = """
    SELECT a.*, t.sector
    FROM assessments a JOIN technologies t ON t.id = a.technology
    WHERE ({where}) AND a.edition IN (SELECT year FROM editions WHERE {editions})
    ORDER BY a.edition, a.area, a.technology
"""


def _assessments_sql(where: str, include_drafts: bool) -> str:
    return _ASSESSMENTS_SQL.format(where=where, editions=_editions_where(include_drafts))


def load_assessments(
    con: Connection, edition: int, *, include_drafts: bool = False
) -> pd.DataFrame:
    """All assessments of one edition, every area, with the technology's sector."""
    return frame(con, _assessments_sql("a.edition = ?", include_drafts), [edition])


def load_technology_assessments(
    con: Connection, technology: str, *, include_drafts: bool = False
) -> pd.DataFrame:
    """Every assessment of one technology, all editions and areas."""
    return frame(con, _assessments_sql("a.technology = ?", include_drafts), [technology])


def load_all_assessments(con: Connection, *, include_drafts: bool = False) -> pd.DataFrame:
    """Every assessment of every edition and area, with the technology's sector."""
    return frame(con, _assessments_sql("true", include_drafts))


def _case(row: dict[str, Any]) -> Case:
    return Case(**{**row, "source_url": row["source_url"] or ""})


def load_cases(con: Connection, technology: str) -> tuple[Case, ...]:
    """The example cases of one technology, newest first."""
    rows = records(
        con,
        "SELECT * FROM cases WHERE technology = ? ORDER BY year DESC, municipality",
        [technology],
    )
    return tuple(_case(r) for r in rows)


def load_all_cases(con: Connection) -> dict[str, tuple[Case, ...]]:
    """Every technology's example cases, newest first, by technology id."""
    rows = records(con, "SELECT * FROM cases ORDER BY technology, year DESC, municipality")
    cases: dict[str, list[Case]] = {}
    for row in rows:
        cases.setdefault(row["technology"], []).append(_case(row))
    return {technology: tuple(found) for technology, found in cases.items()}


def table_counts(con: Connection) -> dict[str, int]:
    """Row count per seed table, for the CLI's summary."""
    counts = {}
    for table in TABLES:
        counts[table.name] = records(con, f"SELECT count(*) AS n FROM {table.name}")[0]["n"]
    return counts
