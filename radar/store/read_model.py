"""Loading the one read model: the radar's data read once, as a :class:`RadarData`."""

from __future__ import annotations

import duckdb
import pandas as pd

from radar.pipeline.radar_data import RadarData
from radar.pipeline.view import ViewFilter
from radar.store.connection import DatabaseUnavailableError
from radar.store.queries import (
    is_illustrative,
    load_all_assessments,
    load_all_cases,
    load_catalog,
    load_technologies,
)
from radar.store.transactions import Connection

__all__ = ["load_area_history", "load_radar_data", "load_view"]


def load_radar_data(con: Connection, *, include_drafts: bool = False) -> RadarData:
    """Read the catalogue, technologies, assessments and cases once.

    Parameters
    ----------
    include_drafts
        An editor's snapshot: draft editions, their assessments and the
        technologies only a draft has. Viewers never get one.

    Raises
    ------
    DatabaseUnavailableError
        The file cannot be read (damaged, or cut short by a full disk).
    """
    try:
        return RadarData(
            catalog=load_catalog(con, include_drafts=include_drafts),
            technologies=load_technologies(con, include_drafts=include_drafts),
            assessments=load_all_assessments(con, include_drafts=include_drafts),
            cases=load_all_cases(con),
            illustrative=is_illustrative(con),
        )
    except duckdb.Error as exc:
        # Callers above the store name no engine: a file that opened but cannot
        # be read is as unavailable to them as one that did not open.
        raise DatabaseUnavailableError(f"cannot read the radar database: {exc}") from exc


def load_view(con: Connection, view: ViewFilter) -> pd.DataFrame:
    """Read the database and build one view (:meth:`RadarData.view`).

    For one-off use (command line, exports, tests, benchmarks); the dashboard
    keeps its :class:`RadarData` instead.
    """
    return load_radar_data(con).view(view)


def load_area_history(con: Connection, area: str) -> pd.DataFrame:
    """Read the database and build one area's history (:meth:`RadarData.area_history`)."""
    return load_radar_data(con).area_history(area)
