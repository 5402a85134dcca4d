"""The one place that caches: the database connection and what is read from it."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from radar import store
from radar.figures import radar_figure
from radar.i18n import t
from radar.model import Catalog, Lang, Technology
from radar.ui.state import current_lang
from radar.view import TechnologyDetails, ViewFilter, build_view, technology_details

logger = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def connection(db_path: str) -> duckdb.DuckDBPyConnection:
    """One connection per process and database file; queries use their own cursors."""
    return store.connect(db_path, read_only=True)


def db_path() -> str:
    """The database file this process uses (``RADAR_DB`` or the default)."""
    return str(store.resolve_db_path())


@st.cache_data(show_spinner=False)
def catalog(db: str) -> Catalog:
    """Areas, rings, sectors and editions."""
    return store.load_catalog(connection(db))


@st.cache_data(show_spinner=False)
def default_edition(db: str) -> int | None:
    """The edition a radar opens on: the newest one with assessments."""
    return store.latest_assessed_edition(connection(db))


@st.cache_data(show_spinner=False)
def technologies(db: str) -> dict[str, Technology]:
    """The technology catalogue by id."""
    return store.load_technologies(connection(db))


# Bounded: the keys include free text from the URL (the search, the technology id).
@st.cache_data(show_spinner=False, max_entries=256)
def radar_view(
    db: str,
    area: str,
    edition: int,
    sector: str | None,
    ring: str | None,
    query: str,
) -> pd.DataFrame:
    """The placed blips of one view (see :func:`radar.view.build_view`)."""
    con = connection(db)
    return build_view(
        store.load_assessments(con, edition),
        catalog(db),
        technologies(db),
        ViewFilter(area=area, edition=edition, sector=sector, ring=ring, query=query),
    )


@st.cache_resource(show_spinner=False, max_entries=512)
def figure(
    db: str,
    view: ViewFilter,
    lang: Lang,
    selected: str | None,
    compact: bool,
) -> go.Figure:
    """The radar figure of a view, shared read-only by all sessions.

    A resource, not data: ``st.cache_data`` would unpickle a copy on every hit,
    and rebuilding a Plotly figure re-validates every shape (about 0.1 s).
    """
    return radar_figure(
        radar_view(db, view.area, view.edition, view.sector, view.ring, view.query),
        catalog(db),
        technologies(db),
        lang,
        selected=selected,
        compact=compact,
    )


@st.cache_data(show_spinner=False, max_entries=512)
def details(db: str, technology_id: str, edition: int) -> TechnologyDetails | None:
    """One technology's details for an edition; ``None`` for an unknown id."""
    tech = technologies(db).get(technology_id)
    if tech is None:
        return None
    return technology_details(connection(db), catalog(db), tech, edition)


@dataclass(frozen=True)
class PageData:
    """What every page reads: the database path, the catalogue and the technologies."""

    db: str
    catalog: Catalog
    technologies: dict[str, Technology]


def page_data() -> PageData:
    """Open (building on first run) the database and read the catalogue.

    Stops the page with a clear message when the database cannot be opened.
    """
    db = db_path()
    try:
        return PageData(db=db, catalog=catalog(db), technologies=technologies(db))
    except (store.DatabaseUnavailableError, duckdb.Error, ValueError) as exc:
        # Viewers get a plain message; the details (paths, the seed problem) go
        # to the operator's log, not to every visitor's screen.
        logger.error("cannot open the radar database %s: %s", db, exc)
        st.error(t("error.database", current_lang()))
        st.stop()
        raise  # unreachable: st.stop() raises; keeps type checkers honest
