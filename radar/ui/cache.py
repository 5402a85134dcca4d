"""The one place that caches: the database connection and what is read from it.

The radar's data is read once per database (and once more with the drafts,
for editors) as a :class:`~radar.pipeline.radar_data.RadarData`, shared by
every session; the views, histories and figures derived from it are cached
on top, each bounded where its key comes from a URL.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from radar import store, theme, workshop
from radar.drawing import charts
from radar.drawing.figure import RadarOptions, radar_figure
from radar.i18n import t
from radar.model import Catalog, Lang, Technology
from radar.pipeline import history, overview, timeline
from radar.pipeline.radar_data import RadarData
from radar.pipeline.view import TechnologyDetails, ViewFilter
from radar.ui import auth
from radar.ui.state import current_lang
from radar.workshop import limits

logger = logging.getLogger(__name__)


def connection(db_path: str) -> store.Connection:
    """One connection per process and database file; queries use their own cursors.

    Read-only unless editing is configured: then this process is the database's
    single writer (DuckDB lets only one process open a file for writing), and
    editors' saves go through this same connection. A file the service may not
    write is opened read-only instead: viewers keep reading, editing is off.
    """
    return _connection(db_path, writable=auth.editing_enabled())


# The connection itself lives in the store's registry, not in this cache: any
# client may ask Streamlit to clear the caches, and opening the file again
# while an editor's page still holds the old connection would fail.
@st.cache_resource(show_spinner=False)
def _connection(db_path: str, writable: bool) -> store.Connection:
    if writable:
        try:
            return store.shared_connection(db_path, read_only=False)
        except store.DatabaseReadOnlyError as exc:
            logger.error("editing is unavailable, the radar is shown read-only: %s", exc)
    return store.shared_connection(db_path, read_only=True)


def radar_data(db: str, *, include_drafts: bool = False) -> RadarData:
    """The radar's data, read once and shared by every session (:func:`store.load_radar_data`).

    ``include_drafts`` only for editors' pages. Immutable, so a snapshot a
    session still holds stays valid when the cache is cleared (by
    :func:`invalidate`, or by any client asking to clear the caches) and the
    next run reads a new one.
    """
    return _radar_data(db, include_drafts)


# A resource, not data: ``st.cache_data`` would unpickle a copy on every hit and
# lose the entries the snapshot computes once. Bounded: one per database file
# and flag, and tests open many files in one process.
@st.cache_resource(show_spinner=False, max_entries=16)
def _radar_data(db: str, include_drafts: bool) -> RadarData:
    return store.load_radar_data(connection(db), include_drafts=include_drafts)


def invalidate() -> None:
    """Forget everything read from the database, after an editor's save or an import.

    The connection itself is kept. The snapshot and the figure caches are
    resources keyed by the database path, so they are cleared one by one.
    """
    st.cache_data.clear()
    for cached in (
        _radar_data,
        comparison_figure,
        figure,
        ring_timeline,
        score_timeline,
        presenter_figure,
    ):
        cached.clear()


@dataclass
class _Seen:
    """What this process last read of one database's content version, and when it asked."""

    version: tuple[int, str] | None = None
    asked: float = -math.inf


# Process-wide, like the caches it guards: every session's run shares one check.
_SEEN: dict[str, _Seen] = {}
_SEEN_LOCK = threading.Lock()


def follow_changes(db: str) -> None:
    """Read the radar anew when another process changed it since this one read it.

    A save or an import in this process clears the caches itself
    (:func:`invalidate`). One on another dashboard process sharing the
    database, or from the command line, is seen here: the database's content
    version (:func:`radar.store.content_version`) is asked at most every
    :data:`radar.theme.CONTENT_CHECK_SECONDS`, so a change shows within a few
    seconds and a page run costs no query in between.
    """
    now = time.monotonic()
    with _SEEN_LOCK:
        seen = _SEEN.setdefault(db, _Seen())
        if now - seen.asked < theme.CONTENT_CHECK_SECONDS:
            return
        seen.asked = now
    version = store.content_version(connection(db))
    with _SEEN_LOCK:
        changed = seen.version is not None and version != seen.version
        seen.version = version
    if changed:
        logger.info("the radar changed in the database %s; reading it anew", db)
        invalidate()


def db_path() -> str:
    """The database file this process uses (``RADAR_DB`` or the default)."""
    return str(store.resolve_db_path())


@st.cache_data(show_spinner=False)
def catalog(db: str) -> Catalog:
    """Areas, rings, sectors and editions."""
    return radar_data(db).catalog


@st.cache_data(show_spinner=False)
def default_edition(db: str) -> int | None:
    """The edition a radar opens on: the newest one with assessments."""
    return radar_data(db).default_edition


@st.cache_data(show_spinner=False)
def technologies(db: str) -> dict[str, Technology]:
    """The technology catalogue by id."""
    return radar_data(db).technologies


@st.cache_data(show_spinner=False)
def all_entries(db: str) -> pd.DataFrame:
    """Every radar of every edition, area and the combined one (:func:`history.all_entries`).

    Shared by the radar, technology, comparison and overview pages.
    """
    return radar_data(db).entries


# Bounded: the area comes from the URL.
@st.cache_data(show_spinner=False, max_entries=32)
def area_history(db: str, area: str) -> pd.DataFrame:
    """One area's radar in every edition, placed, with movement (stable positions)."""
    return radar_data(db).area_history(area)


@st.cache_data(show_spinner=False, max_entries=128)
def movement(db: str, area: str, edition: int) -> tuple[pd.DataFrame, int | None]:
    """The blips gone since the area's previous edition, and that edition (None for its first).

    Cached on its own: the radar page needs these two on every run, and a hit
    of :func:`area_history` unpickles every edition of the area.
    """
    every = area_history(db, area)
    return history.dropped(every, edition), history.previous_edition(every, edition)


@st.cache_data(show_spinner=False, max_entries=64)
def comparison(db: str, area: str, earlier: int, later: int) -> history.Comparison:
    """Two editions of an area side by side (:func:`history.compare_editions`)."""
    return history.compare_editions(area_history(db, area), earlier, later, catalog(db).ring_ids)


def comparison_view(db: str, area: str, earlier: int, later: int) -> pd.DataFrame:
    """The later radar, its blips' shapes and hover telling the change since ``earlier``."""
    view = radar_view(db, ViewFilter(area=area, edition=later))
    changes = comparison(db, area, earlier, later).changes.set_index("id")
    kinds = view["id"].map(changes["kind"])
    # A blip back after a pause keeps the radar's own movement since its last
    # appearance ("Tilbage på radaren; sidst med i 2022"), as on the radar page.
    back = kinds == history.Movement.RETURNED
    return view.assign(
        movement=kinds.where(~back, view["movement"]),
        previous_ring=view["id"].map(changes["ring_before"]).where(~back, view["previous_ring"]),
        previous_edition=pd.Series(earlier, index=view.index, dtype=object).where(
            ~back, view["previous_edition"]
        ),
        returned=back,
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def comparison_figure(
    db: str, area: str, earlier: int, later: int, lang: Lang, compact: bool
) -> go.Figure:
    """The later radar with a trail from each moved blip's earlier place."""
    changes = comparison(db, area, earlier, later).changes
    moved = changes[changes["kind"].isin([history.Movement.IN, history.Movement.OUT])]
    view = comparison_view(db, area, earlier, later)
    return radar_figure(
        view,
        catalog(db),
        technologies(db),
        lang,
        RadarOptions(compact=compact),
        trails=moved,
    )


# Bounded: the keys include free text from the URL (the search, the technology id).
@st.cache_data(show_spinner=False, max_entries=256)
def radar_view(db: str, view: ViewFilter) -> pd.DataFrame:
    """The numbered, filtered blips of one view (see :func:`radar.pipeline.view.build_view`)."""
    return radar_data(db).view(view, area_history=area_history(db, view.area))


@st.cache_resource(show_spinner=False, max_entries=512)
def figure(db: str, view: ViewFilter, lang: Lang, options: RadarOptions) -> go.Figure:
    """The radar figure of a view, drawn with ``options``, shared read-only by all sessions.

    ``options`` carry the selected blip and the size the page drew for
    (rounded by the page, so windows of about the same size share a figure).
    A resource, not data: ``st.cache_data`` would unpickle a copy on every hit,
    and rebuilding a Plotly figure re-validates every shape (about 0.1 s).
    """
    return radar_figure(radar_view(db, view), catalog(db), technologies(db), lang, options)


@st.cache_data(show_spinner=False, max_entries=512)
def details(db: str, technology_id: str, edition: int) -> TechnologyDetails | None:
    """One technology's details for an edition; ``None`` for an unknown id."""
    return radar_data(db).technology_details(technology_id, edition)


@dataclass(frozen=True)
class PageData:
    """What every page reads: the database path, the catalogue and the technologies."""

    db: str
    catalog: Catalog
    technologies: dict[str, Technology]


def page_data(*, need_editions: bool = True) -> PageData:
    """Open (building on first run) the database and read the catalogue.

    Stops the page with a clear message when the database cannot be opened,
    or, with ``need_editions``, when it has no editions yet.
    """
    db = db_path()
    try:
        follow_changes(db)
        data = PageData(db=db, catalog=catalog(db), technologies=technologies(db))
    except (store.DatabaseUnavailableError, ValueError) as exc:
        # Viewers get a plain message; the details (paths, the seed problem) go
        # to the operator's log, not to every visitor's screen.
        logger.error("cannot open the radar database %s: %s", db, exc)
        st.error(t("error.database", current_lang()))
        st.stop()
        raise  # unreachable: st.stop() raises; keeps type checkers honest
    if need_editions and not data.catalog.years:
        st.warning(t("error.no_editions", current_lang()))
        st.stop()
    return data


# --- technology page (pages/technology.py) ---


# Bounded: the technology id comes from the URL (only known ids reach here, but
# the bound keeps a crawler from growing the cache anyway).
@st.cache_data(show_spinner=False, max_entries=256)
def technology_history(db: str, technology_id: str) -> pd.DataFrame:
    """One technology in every area and edition (:func:`timeline.technology_history`)."""
    return radar_data(db).technology_history(technology_id)


@st.cache_data(show_spinner=False, max_entries=256)
def related_technologies(db: str, technology_id: str, edition: int) -> pd.DataFrame:
    """Same-sector technologies, most alike first (:func:`timeline.related_technologies`)."""
    return radar_data(db).related_technologies(technology_id, edition)


# Resources, like :func:`figure`: one read-only figure shared by all sessions.
@st.cache_resource(show_spinner=False, max_entries=256)
def ring_timeline(db: str, technology_id: str, lang: Lang) -> go.Figure:
    """A technology's ring per area over the editions (:func:`charts.ring_timeline`)."""
    rows = technology_history(db, technology_id)
    return charts.ring_timeline(rows, catalog(db), lang, _timeline_editions(db, rows))


@st.cache_resource(show_spinner=False, max_entries=256)
def score_timeline(db: str, technology_id: str, lang: Lang, area: str) -> go.Figure:
    """A technology's maturity and spread over time (:func:`charts.score_timeline`)."""
    rows = technology_history(db, technology_id)
    return charts.score_timeline(rows, catalog(db), lang, area, _timeline_editions(db, rows))


def _timeline_editions(db: str, rows: pd.DataFrame) -> list[int]:
    return timeline.timeline_editions(rows, radar_data(db).assessed_editions)


# Bounded, though the edition is checked against the catalogue before it gets here.
@st.cache_data(show_spinner=False, max_entries=32)
def ring_matrix(db: str, edition: int) -> pd.DataFrame:
    """Each technology's ring in every area in one edition (:func:`overview.ring_matrix`)."""
    return overview.ring_matrix(radar_data(db).entries, edition, catalog(db))


@st.cache_data(show_spinner=False, max_entries=64)
def ring_counts(db: str, edition: int, sector: str | None) -> pd.DataFrame:
    """Blips per area and ring in one edition (:func:`overview.ring_counts`)."""
    return overview.ring_counts(radar_data(db).entries, edition, catalog(db), sector)


# --- presenter page (pages/present.py) ---


# A resource like :func:`figure`. Bounded: a talk makes one figure per step and
# zoom (about a hundred steps, some of them zoomed), at one or two window sizes.
@st.cache_resource(show_spinner=False, max_entries=256)
def presenter_figure(
    db: str,
    area: str,
    edition: int,
    lang: Lang,
    spotlight: str | None,
    focus: str | None,
    *,
    width: int = theme.PRESENTER_DESIGN_WIDTH,
    height: int = theme.PRESENTER_FIGURE_HEIGHT,
) -> go.Figure:
    """The radar for a projector, drawn for a box of ``width`` × ``height`` pixels.

    Large type, one blip spotlighted, zoomed to ``focus``.
    """
    return radar_figure(
        radar_view(db, ViewFilter(area=area, edition=edition)),
        catalog(db),
        technologies(db),
        lang,
        presenter_options(spotlight, focus, width, height),
    )


def presenter_options(
    spotlight: str | None, focus: str | None, width: int, height: int
) -> RadarOptions:
    """The presenter's radar options for a box of ``width`` × ``height`` pixels.

    When :meth:`RadarOptions.presenter` takes the box itself, it sizes the
    figure. Until then the 1000 px design is scaled here: the figure gets the
    box's height, and every size (type, numbers) the factor by which the disc
    grows or shrinks in that box, so nothing is cut off on a small screen and
    everything is larger on a big one.
    """
    return RadarOptions.presenter(
        spotlight=spotlight, focus_sector=focus, width=width, height=height
    )


# --- workshops (pages/workshop.py, pages/join.py) ---


# One read-write connection per process and workshop file: DuckDB lets only one
# process open the file for writing, and every workshop function runs on its
# own cursor of it, so all sessions share it. Keyed by the path so a test (or an
# operator changing RADAR_WORKSHOP_DB) gets the file it names.
# Like the radar's, the connection lives in the store's registry, so a cleared
# cache gets the same one back.
@st.cache_resource(show_spinner=False)
def _workshop_store(path: str) -> store.Connection:
    return store.shared_connection(
        path, read_only=False, open_file=lambda: workshop.connect_workshops(path)
    )


def optional_workshop_connection() -> store.Connection | None:
    """The workshop database, or None when it cannot be opened (the reason is logged).

    For pages that must work without it: the radar shows saved workshop radars
    only when it can.
    """
    path = str(workshop.resolve_workshop_db_path())
    try:
        con = _workshop_store(path)
    except workshop.WorkshopStoreError as exc:
        logger.error("cannot open the workshop database %s: %s", path, exc)
        return None
    _purge_when_due(con)
    return con


def _purge_when_due(con: store.Connection) -> None:
    # The dashboard holds the workshop file, so cron cannot purge while it
    # runs: the pages that open the file keep the retention period instead.
    try:
        workshop.purge_when_due(con, limits.retention_days())
    except ValueError as exc:  # a misconfigured retention: never guess, say so
        logger.error("workshop purge skipped: %s", exc)
    except store.StoreError as exc:
        logger.error("workshop purge failed: %s", exc)


def workshop_connection() -> store.Connection:
    """The workshop database (:func:`radar.workshop.connect_workshops`), opened once per process.

    Stops the page with a clear message when the database cannot be opened
    (another process holds it, or it is not a workshop database); the reason
    goes to the server log. Answers are never cached: read them on every run.
    """
    con = optional_workshop_connection()
    if con is None:
        st.error(t("workshop.page.store_error", current_lang()))
        st.stop()
        raise RuntimeError("unreachable: st.stop() raises")
    return con


# Bounded: the id comes from the URL. A saved local edition never changes.
@st.cache_data(show_spinner=False, max_entries=64)
def local_radar_view(db: str, local_id: str, edition: int) -> pd.DataFrame:
    """A workshop's saved radar as a view (:func:`view.local_view`)."""
    placements = workshop.local_placements(workshop_connection(), local_id)
    return radar_data(db).local_view(placements, edition)


# --- editing (pages/edit.py, pages/editions.py, the technology page's change log) ---


@st.cache_data(show_spinner=False)
def editor_catalog(db: str) -> Catalog:
    """The catalogue with draft editions (:func:`radar.editing.editor_catalog`).

    For editors' pages only: a viewer's page uses :func:`catalog`, which has
    no drafts.
    """
    from radar import editing

    return editing.editor_catalog(connection(db))


# Bounded: one draft at a time, six areas (and the combined radar).
@st.cache_data(show_spinner=False, max_entries=32)
def draft_view(db: str, year: int, area: str) -> pd.DataFrame:
    """A draft's radar for one area (:func:`radar.editing.draft_view`), for editors only.

    Cleared with everything else by :func:`invalidate` after every save.
    """
    from radar import editing

    return editing.draft_view(connection(db), year, area)


# Bounded: the technology id comes from the URL (only known ids reach here).
@st.cache_data(show_spinner=False, max_entries=256)
def change_log(db: str, technology_id: str, include_drafts: bool) -> pd.DataFrame:
    """A technology's changes, newest first (:func:`radar.store.audit.load_log`).

    ``include_drafts`` only for editors: a draft's changes are theirs alone.
    """
    from radar.store import audit

    return audit.load_log(connection(db), technology=technology_id, include_drafts=include_drafts)


@st.cache_data(show_spinner=False)
def illustrative(db: str) -> bool:
    """Whether the radar's data is illustrative (:func:`radar.store.is_illustrative`)."""
    return radar_data(db).illustrative


def notice(db: str, lang: Lang) -> str:
    """The illustrative-data notice for this database's radar, or nothing for real data."""
    return t("app.illustrative", lang) if illustrative(db) else ""


@st.cache_data(show_spinner=False)
def editor_technologies(db: str) -> dict[str, Technology]:
    """Every technology, those only in a draft or just added included: for the edit pages."""
    return radar_data(db, include_drafts=True).technologies
