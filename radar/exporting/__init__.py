"""Exports of one radar: our own format, Thoughtworks' BYOR CSV, pictures, a handout, a web page.

Every format is made by :func:`export_radar` from the database, for one
published edition and one area (or the combined radar), and returned as bytes:

- ``csv``, ``xlsx``, ``json``: our own format (:data:`radar.formats.OWN_COLUMNS`),
  one row per technology and welfare area, which the importer reads back
  unchanged;
- ``byor-csv``: Thoughtworks' "Build Your Own Radar" CSV of one area's radar;
- ``png``, ``svg``: the radar as a picture for slides and print, drawn by
  kaleido through the system Chromium;
- ``pdf``: an A4 handout for council and committee meetings (radar, numbered
  legend, ring explanations, technologies per category), written as an HTML
  page without scripts and printed by the system Chromium in headless mode;
- ``html``: the interactive radar as one offline file (plotly.js embedded).

Text from the database is untrusted: it is escaped wherever it goes into
HTML or into Plotly's label markup, and stored as text (never a formula) in Excel.

Pure data and files, no Streamlit: the export page, the command line
(``python -m radar export``) and the tests all use it.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import base64
import concurrent.futures
import contextlib
import csv
import html
import io
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

import duckdb
import pandas as pd
import plotly.graph_objects as go

from radar import store, theme
from radar.drawing.figure import radar_figure, sector_colour
from radar.formats import EXPORT_FORMATS, FOREIGN_RING_POSITIONS, OWN_COLUMN_NAMES, slugify
from radar.i18n import t
from radar.model import COMBINED_AREA, LANGUAGES, Catalog, Edition, Lang, Technology
from radar.pipeline.history import Movement
from radar.pipeline.scoring import score_assessments
from radar.pipeline.view import ViewFilter, load_view, movement_text
from radar.theme import MOVEMENT_MARKS

logger = logging.getLogger(__name__)

#: Our own format in its three encodings.
OWN_FORMATS: Final[tuple[str, ...]] = ("csv", "xlsx", "json")
#: Formats drawn through the system Chromium (kaleido for pictures, print-to-PDF).
CHROMIUM_FORMATS: Final[tuple[str, ...]] = ("png", "svg", "pdf")
#: Formats that take long enough to deserve a progress bar.
SLOW_FORMATS: Final[tuple[str, ...]] = ("png", "svg", "pdf", "html")

#: The media type of each format, for downloads.
EXPORT_MEDIA_TYPES: Final[dict[str, str]] = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "byor-csv": "text/csv",
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
}
#: The file name suffix of each format.
EXPORT_SUFFIXES: Final[dict[str, str]] = {
    "csv": ".csv",
    "xlsx": ".xlsx",
    "json": ".json",
    "byor-csv": "-byor.csv",
    "png": ".png",
    "svg": ".svg",
    "pdf": ".pdf",
    "html": ".html",
}
#: BYOR's ring names by our ring position (1 = innermost); rings beyond the
#: fourth are all "hold", BYOR's outermost ring.
BYOR_RINGS: Final[dict[int, str]] = {
    position: name for name, position in FOREIGN_RING_POSITIONS.items() if name != "caution"
}
#: BYOR's ``status`` for each movement.
BYOR_STATUS: Final[dict[str, str]] = {
    Movement.NEW: "new",
    Movement.IN: "moved in",
    Movement.OUT: "moved out",
    Movement.SAME: "no change",
}
#: Seconds Chromium may take to start, to draw one picture, to close, and to
#: print the handout: generous for a busy server, short of a hung request.
START_TIMEOUT: Final[float] = 60.0
RENDER_TIMEOUT: Final[float] = 60.0
CLOSE_TIMEOUT: Final[float] = 20.0
PRINT_TIMEOUT: Final[float] = 90.0
#: The part of a file name that stands for every welfare area (our own format).
ALL_AREAS_NAME: Final[str] = "alle-omraader"
CHROMIUM_HINT: Final[str] = "install Chromium, e.g. `apt install chromium`"

#: ``progress(fraction, message)``: how far an export is (0..1) and what it does now.
Progress = Callable[[float, str], None]


#: Pictures and handouts drawn at once, by all sessions of the process: each
#: holds a Chromium page (a PDF a whole Chromium, about 200 MB); more wait.
CHROMIUM_SLOTS = threading.BoundedSemaphore(2)


class ExportError(Exception):
    """An export cannot be made; the message says why, for the command line."""


class UnknownAreaError(ExportError):
    """The area is neither a welfare area nor the combined radar."""


class UnknownEditionError(ExportError):
    """The edition is not a published edition."""


class NothingToExportError(ExportError):
    """The radar asked for has no technologies (an edition added ahead of time)."""


class ChromiumMissingError(ExportError):
    """PNG, SVG and PDF need the system Chromium, which is not installed."""


class RenderError(ExportError):
    """Chromium failed or timed out while drawing or printing."""


@dataclass(frozen=True)
class ExportTarget:
    """What an export covers, checked against the database.

    Attributes
    ----------
    fmt
        One of :data:`radar.formats.EXPORT_FORMATS`.
    area
        A welfare area id, ``"samlet"`` for the combined radar, or ``None``
        for every welfare area (our own format only).
    edition
        A published edition's year.
    """

    fmt: str
    area: str | None
    edition: int


def resolve_target(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    area: str | None = None,
    edition: int | None = None,
) -> ExportTarget:
    """Check an export's format, area and edition and fill in the defaults.

    Parameters
    ----------
    con
        The radar database.
    fmt
        The format.
    area
        A welfare area id or ``"samlet"``. ``None`` means the combined radar
        for pictures and BYOR, and every welfare area for our own format, where
        ``"samlet"`` means every welfare area too (its rows are per area).
    edition
        A published edition; ``None`` means the newest with assessments.

    Raises
    ------
    ExportError
        An unknown format.
    UnknownAreaError, UnknownEditionError
        The area or edition does not exist (drafts count as not existing).
    NothingToExportError
        No technologies on that radar in that edition.
    """
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"unknown format '{fmt}'; the formats are {', '.join(EXPORT_FORMATS)}")
    catalog = store.load_catalog(con)
    if edition is None:
        edition = store.latest_assessed_edition(con)
        if edition is None:
            raise NothingToExportError("the database has no published edition with assessments")
    if edition not in catalog.years:
        known = ", ".join(str(y) for y in sorted(catalog.years)) or "none"
        raise UnknownEditionError(f"no published edition {edition}; the editions are {known}")
    if area is not None and area != COMBINED_AREA and area not in catalog.area_ids:
        known = ", ".join((COMBINED_AREA, *catalog.area_ids))
        raise UnknownAreaError(f"no area '{area}'; the areas are {known}")
    if fmt in OWN_FORMATS:
        area = None if area == COMBINED_AREA else area
    elif area is None:
        area = COMBINED_AREA
    assessed = store.load_assessments(con, edition)
    if area not in (None, COMBINED_AREA):
        assessed = assessed[assessed["area"] == area]
    if assessed.empty:
        where = "any area" if area in (None, COMBINED_AREA) else f"area '{area}'"
        raise NothingToExportError(f"edition {edition} has no technologies in {where}")
    return ExportTarget(fmt=fmt, area=area, edition=edition)


def export_file_name(fmt: str, area: str | None, edition: int) -> str:
    """A file name for an export, e.g. ``teknologiradar-2025-samlet.pdf``.

    ``area`` None (every welfare area, our own format) is called
    ``alle-omraader``; the BYOR CSV ends in ``-byor.csv``, so it is not
    mistaken for our own CSV.
    """
    place = slugify(area) if area else ALL_AREAS_NAME
    return f"teknologiradar-{edition}-{place or ALL_AREAS_NAME}{EXPORT_SUFFIXES[fmt]}"


def find_chromium() -> str | None:
    """The Chromium kaleido would use (``$BROWSER_PATH``, then the usual places), if runnable."""
    from choreographer.browsers.chromium import Chromium

    path = Chromium.find_browser(skip_local=False)
    if path and Path(path).is_file() and os.access(path, os.X_OK):
        return str(path)
    return None


def require_chromium() -> str:
    """The Chromium's path.

    Raises
    ------
    ChromiumMissingError
        No runnable Chromium was found.
    """
    path = find_chromium()
    if path is None:
        raise ChromiumMissingError(
            f"PNG, SVG and PDF are drawn by the system Chromium, which was not found: "
            f"{CHROMIUM_HINT} (or set BROWSER_PATH to a Chromium or Chrome)"
        )
    return path


def export_radar(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    *,
    area: str | None = None,
    edition: int | None = None,
    lang: Lang = "da",
    progress: Progress | None = None,
    printed: date | None = None,
) -> bytes:
    """Export one radar (or, for our own format, one edition's areas) as a file.

    Parameters
    ----------
    con
        The radar database; only published editions are exported.
    fmt
        One of :data:`radar.formats.EXPORT_FORMATS`.
    area
        See :func:`resolve_target`: default the combined radar, or every
        welfare area for our own format.
    edition
        A published edition; default the newest with assessments.
    lang
        Language of names, labels and texts. Our own format carries both
        languages whatever ``lang`` is.
    progress
        Called as ``progress(fraction, message)`` (message in ``lang``) as the
        export goes; the slow formats (:data:`SLOW_FORMATS`) report each step.
    printed
        The date of printing shown on the handout and the web page (default today).

    Returns
    -------
    The file's bytes: UTF-8 text for csv, json, byor-csv, svg and html.

    Raises
    ------
    ExportError
        Unknown format, area or edition (:func:`resolve_target`), no Chromium
        for png, svg or pdf (:class:`ChromiumMissingError`), or Chromium failed
        (:class:`RenderError`).
    """

    def report(fraction: float, key: str) -> None:
        if progress is not None:
            progress(fraction, t(key, lang))

    report(0.0, "export.progress.reading")
    target = resolve_target(con, fmt, area, edition)
    chromium = require_chromium() if fmt in CHROMIUM_FORMATS else ""
    catalog = store.load_catalog(con)
    technologies = store.load_technologies(con)
    if fmt in OWN_FORMATS:
        rows = own_rows(con, catalog, technologies, target.edition, target.area)
        report(0.5, "export.progress.writing")
        data = _encode_own(fmt, rows, target.edition)
        report(1.0, "export.progress.done")
        return data
    view = load_view(con, ViewFilter(area=str(target.area), edition=target.edition))
    radar = RadarContent(
        catalog=catalog,
        technologies=technologies,
        area=str(target.area),
        edition=catalog.edition(target.edition),
        view=view,
        illustrative=store.is_illustrative(con),
    )
    if fmt == "byor-csv":
        data = byor_csv(radar, lang)
    elif fmt in ("png", "svg"):
        report(0.2, "export.progress.drawing")
        with CHROMIUM_SLOTS:
            data = render_picture(export_figure(radar, lang, title=True), fmt, chromium)
    elif fmt == "pdf":
        report(0.15, "export.progress.drawing")
        with CHROMIUM_SLOTS:
            svg = render_picture(export_figure(radar, lang, title=False), "svg", chromium)
            report(0.45, "export.progress.printing")
            page = handout_html(radar, lang, _svg_image(svg, radar, lang), printed or date.today())
            data = print_pdf(page, chromium)
    else:
        report(0.3, "export.progress.drawing")
        data = interactive_html(radar, lang, printed or date.today()).encode("utf-8")
    report(1.0, "export.progress.done")
    return data


# --- our own format ---------------------------------------------------------


def _number(value: Any) -> int | None:
    """A whole score or None: DuckDB hands NULL integers to pandas as NaN floats."""
    if value is None or pd.isna(value):
        return None
    return int(value)


def _text(value: Any) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def own_rows(
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    technologies: Mapping[str, Technology],
    edition: int,
    area: str | None = None,
) -> list[dict[str, Any]]:
    """Our own format's rows: one per technology and welfare area in ``edition``.

    Parameters
    ----------
    con
        The radar database.
    catalog
        Areas, rings and sectors, for the order.
    technologies
        The catalogue: names and texts.
    edition
        A published edition.
    area
        One welfare area, or None for all. Never the combined radar: its
        rings are computed from the areas' and cannot be imported.

    Returns
    -------
    Dicts with exactly the keys of :data:`radar.formats.OWN_COLUMN_NAMES`, in
    area order, then as numbered on the radar (category, ring inside out,
    name). ``ring`` is the ring on the radar (the override if there is one),
    ``ring_reason`` the stored reason ("" if none); the score columns are
    None where the assessment has no scores (an imported radar).
    """
    scored = score_assessments(store.load_assessments(con, edition), catalog.rings)
    if area is not None:
        scored = scored[scored["area"] == area]
    area_order = {a: i for i, a in enumerate(catalog.area_ids)}
    sector_order = {s: i for i, s in enumerate(catalog.sector_ids)}
    ring_order = {r: i for i, r in enumerate(catalog.ring_ids)}
    rows = []
    for r in scored.itertuples(index=False):
        tech = technologies[r.technology]
        row: dict[str, Any] = {
            "area": r.area,
            "technology": tech.id,
            "sector": tech.sector,
            "name_da": tech.name_da,
            "name_en": tech.name_en,
            "summary_da": tech.summary_da,
            "summary_en": tech.summary_en,
            "description_da": tech.description_da,
            "description_en": tech.description_en,
            "maturity_trl": _number(r.maturity_trl),
            "share_operation": _number(r.share_operation),
            "share_pilot": _number(r.share_pilot),
            "share_considering": _number(r.share_considering),
            "share_not_considering": _number(r.share_not_considering),
            "ring": str(r.ring),
            "ring_reason": _text(r.override_reason),
        }
        rows.append(row)
    rows.sort(
        key=lambda row: (
            area_order.get(row["area"], len(area_order)),
            sector_order.get(row["sector"], len(sector_order)),
            ring_order.get(row["ring"], len(ring_order)),
            row["name_da"].casefold(),
            row["technology"],
        )
    )
    return rows


def _encode_own(fmt: str, rows: Sequence[Mapping[str, Any]], edition: int) -> bytes:
    if fmt == "csv":
        buffer = io.StringIO()
        # What Danish Excel opens as columns: semicolons, and a byte-order mark
        # so it reads æøå as UTF-8. The importer reads both back.
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(OWN_COLUMN_NAMES)
        for row in rows:
            writer.writerow(["" if row[c] is None else row[c] for c in OWN_COLUMN_NAMES])
        return buffer.getvalue().encode("utf-8-sig")
    if fmt == "json":
        return (json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return _xlsx(rows, edition)


def _xlsx(rows: Sequence[Mapping[str, Any]], edition: int) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = f"Teknologiradar {edition}"
    sheet.append(list(OWN_COLUMN_NAMES))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, row in enumerate(rows, start=2):
        for column, name in enumerate(OWN_COLUMN_NAMES, start=1):
            value = row[name]
            if isinstance(value, str):
                # Excel cannot hold control characters; an empty text is an empty cell.
                value = ILLEGAL_CHARACTERS_RE.sub("", value) or None
            cell = sheet.cell(row=index, column=column, value=value)
            if isinstance(value, str):
                # openpyxl stores "=..." as a formula: data must stay data.
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    widths = {"name_da": 36, "name_en": 36, "summary_da": 50, "summary_en": 50, "ring_reason": 40}
    for column, name in enumerate(OWN_COLUMN_NAMES, start=1):
        letter = sheet.cell(row=1, column=column).column_letter
        sheet.column_dimensions[letter].width = widths.get(name, max(12, len(name) + 2))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- one radar: BYOR, pictures, handout, web page ----------------------------


@dataclass(frozen=True)
class RadarContent:
    """Everything drawn or listed for one radar.

    Attributes
    ----------
    catalog
        Rings and sectors, in order.
    technologies
        The catalogue by id.
    area
        A welfare area id or ``"samlet"``.
    edition
        The edition shown.
    view
        The radar's blips as :func:`radar.pipeline.view.load_view` gives them:
        numbered, placed, with their movement.
    illustrative
        Whether the data is illustrative example data, which every picture
        and handout then says (:func:`radar.store.is_illustrative`).
    """

    catalog: Catalog
    technologies: Mapping[str, Technology]
    area: str
    edition: Edition
    view: pd.DataFrame
    illustrative: bool = True

    def notice(self, lang: Lang) -> str:
        """The illustrative-data notice, or nothing for real data."""
        return t("app.illustrative", lang) if self.illustrative else ""

    def area_label(self, lang: Lang) -> str:
        """The area's name, or the combined radar's."""
        if self.area == COMBINED_AREA:
            return t("area.samlet", lang)
        return self.catalog.area(self.area).label(lang)

    def name(self, technology_id: str, lang: Lang) -> str:
        """A technology's name (its id if it is not in the catalogue)."""
        tech = self.technologies.get(technology_id)
        return tech.label(lang) if tech else technology_id

    def summary(self, technology_id: str, lang: Lang) -> str:
        """A technology's one-line description."""
        tech = self.technologies.get(technology_id)
        return tech.summary(lang) if tech else ""

    def title(self, lang: Lang) -> str:
        """The radar's title, e.g. "Teknologiradar: Samlet (alle fagområder), 2025"."""
        return t("radar.figure_title", lang, area=self.area_label(lang), edition=self.edition.year)


def byor_csv(radar: RadarContent, lang: Lang) -> bytes:
    """Thoughtworks' "Build Your Own Radar" CSV of one radar.

    Columns ``name, ring, quadrant, isNew, status, description``: the ring is
    adopt/trial/assess/hold by our ring's position (beyond the fourth: hold),
    the quadrant the category's English name, ``isNew`` TRUE for a technology
    new on this radar, ``status`` its movement since the last edition (new,
    moved in, moved out, no change). The description is the one-line summary
    and the longer text as plain text; BYOR reads this column as HTML, so
    ``<``, ``>`` and ``&`` are written as entities and show as typed there.
    """
    positions = {r.id: i for i, r in enumerate(radar.catalog.rings, start=1)}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("name", "ring", "quadrant", "isNew", "status", "description"))
    for row in radar.view.sort_values("number").itertuples():
        tech = radar.technologies.get(row.id)
        texts = (tech.summary(lang), tech.description(lang)) if tech else ()
        description = "\n\n".join(text for text in texts if text)
        writer.writerow(
            (
                radar.name(row.id, lang),
                BYOR_RINGS.get(positions[row.ring], "hold"),
                # BYOR's quadrants are English whatever the language: "en" falls back to Danish.
                radar.catalog.sector(row.sector).label("en"),
                "TRUE" if row.movement == Movement.NEW else "FALSE",
                BYOR_STATUS.get(row.movement, "no change"),
                html.escape(description, quote=False),
            )
        )
    return buffer.getvalue().encode("utf-8")


def _label(text: str) -> str:
    # Plotly's label markup needs only <, > and & escaped (as radar.drawing.figure does).
    return html.escape(text, quote=False)


def export_figure(
    radar: RadarContent,
    lang: Lang,
    *,
    title: bool,
    width: int | None = theme.EXPORT_FIGURE_WIDTH,
    height: int = theme.EXPORT_FIGURE_HEIGHT,
) -> go.Figure:
    """The radar as the page draws it, with every colour set on the figure itself.

    On the page Streamlit's theme fills in what a figure leaves open; a file
    has no such theme, so the template is cleared and the background, text
    and title colours are the theme's. With ``title``, the area, edition and
    the illustrative-data notice sit above the radar.
    """
    fig = radar_figure(
        radar.view,
        radar.catalog,
        radar.technologies,
        lang,
        height=height,
        title=radar.title(lang) if title else None,
    )
    layout: dict[str, Any] = {
        "width": width,
        "template": "none",
        "paper_bgcolor": theme.BACKGROUND,
        "plot_bgcolor": theme.BACKGROUND,
        "font": {"color": theme.TEXT, "family": theme.EXPORT_FONT_FAMILY},
        "hoverlabel": {"bgcolor": theme.BACKGROUND, "font": {"color": theme.TEXT}},
    }
    if title:
        layout["title"] = {
            "text": _label(radar.title(lang)),
            "x": 0.5,
            "xanchor": "center",
            "font": {"size": theme.EXPORT_TITLE_SIZE, "color": theme.TEXT},
            "subtitle": {
                "text": _label(radar.notice(lang)),
                "font": {"size": theme.EXPORT_SUBTITLE_SIZE, "color": theme.MUTED_TEXT},
            },
        }
        layout["margin"] = {
            **{m: theme.FIGURE_MARGIN for m in "lrb"},
            "t": theme.EXPORT_TITLE_MARGIN,
        }
    fig.update_layout(**layout)
    return fig


def _serve(loop: asyncio.AbstractEventLoop) -> None:
    """Run ``loop`` in this thread until it is stopped, then close it."""
    try:
        loop.run_forever()
    finally:
        loop.close()


class _Painter:
    """One kaleido (a headless Chromium drawing Plotly figures) per process, started once.

    Starting Chromium takes about 2 s and a drawing about 0.2 s after that, so
    the browser is kept. kaleido's own sync server (``start_sync_server``)
    does the same but waits for ever when Chromium fails to start (its worker
    thread dies and the caller keeps waiting for an answer); here kaleido's
    ``Kaleido`` runs on an event loop of its own, every wait has a timeout, and
    a failed browser is thrown away and started afresh on the next call.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido: Any = None
        self._chromium: str | None = None
        atexit.register(self.close)

    def _run(self, coroutine: Any, timeout: float) -> Any:
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout=timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise

    def _start(self, chromium: str) -> None:
        import kaleido

        async def open_browser() -> Any:
            # mathjax=False: kaleido would otherwise load MathJax from a CDN;
            # plotly.js comes from the installed plotly package.
            browser = kaleido.Kaleido(path=chromium, mathjax=False, timeout=RENDER_TIMEOUT)
            await browser.open()
            return browser

        self._loop = asyncio.new_event_loop()
        threading.Thread(
            target=_serve, args=(self._loop,), name="radar-kaleido", daemon=True
        ).start()
        self._chromium = chromium
        try:
            self._kaleido = self._run(open_browser(), START_TIMEOUT)
        except BaseException:
            self._stop()
            raise

    def _stop(self) -> None:
        if self._loop is None:
            return
        if self._kaleido is not None:
            with contextlib.suppress(BaseException):
                self._run(self._kaleido.close(), CLOSE_TIMEOUT)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._loop = self._kaleido = self._chromium = None

    def close(self) -> None:
        """Close the browser (at exit, or to start afresh)."""
        with self._lock:
            self._stop()

    def start(self, chromium: str) -> None:
        """Start the browser if it is not running (a different ``chromium`` restarts it)."""
        with self._lock:
            if self._kaleido is not None and self._chromium != chromium:
                self._stop()
            if self._kaleido is None:
                self._start(chromium)

    def draw(self, fig: go.Figure, opts: dict[str, Any], chromium: str) -> bytes:
        """The figure as ``opts`` asks (format, width, height, scale)."""
        # One drawing at a time: kaleido has one tab, and a reset must not
        # pull the browser away from under another session's drawing.
        with self._lock:
            if self._kaleido is not None and self._chromium != chromium:
                self._stop()
            if self._kaleido is None:
                self._start(chromium)
            try:
                return bytes(self._run(self._kaleido.calc_fig(fig, opts=opts), RENDER_TIMEOUT))
            except BaseException:
                # A browser that failed once may be broken: the next call starts a new one.
                self._stop()
                raise


_painter = _Painter()


def warm_up() -> bool:
    """Start the Chromium that draws pictures in the background; False without Chromium.

    The export page calls it when it opens, so the first picture does not
    wait for Chromium to start; a failure to start shows when a file is made.
    """
    chromium = find_chromium()
    if chromium is None:
        return False

    def start() -> None:
        with contextlib.suppress(Exception):
            _painter.start(chromium)

    threading.Thread(target=start, name="radar-kaleido-warm-up", daemon=True).start()
    return True


def render_picture(fig: go.Figure, fmt: str, chromium: str) -> bytes:
    """Draw ``fig`` as PNG (at :data:`radar.theme.EXPORT_IMAGE_SCALE`) or SVG.

    Raises
    ------
    RenderError
        Chromium failed to start or to draw, or took too long.
    """
    opts = {
        "format": fmt,
        "width": int(fig.layout.width or fig.layout.height),
        "height": int(fig.layout.height),
        "scale": theme.EXPORT_IMAGE_SCALE if fmt == "png" else 1,
    }
    try:
        return _painter.draw(fig, opts, chromium)
    except concurrent.futures.TimeoutError as exc:
        logger.error("kaleido took too long to draw the radar as %s", fmt)
        raise RenderError("Chromium took too long to draw the radar") from exc
    except Exception as exc:
        reason = exc.args[0] if exc.args else type(exc).__name__
        logger.error("kaleido (%s) failed to draw the radar as %s: %s", chromium, fmt, exc)
        raise RenderError(f"Chromium ({chromium}) could not draw the radar: {reason}") from exc


def _svg_image(svg: bytes, radar: RadarContent, lang: Lang) -> str:
    # An <img> never runs what an SVG may hold; the text beside it names the radar.
    encoded = base64.b64encode(svg).decode("ascii")
    alt = html.escape(radar.title(lang))
    return f'<img class="radar" alt="{alt}" src="data:image/svg+xml;base64,{encoded}">'


def print_pdf(page: str, chromium: str, *, timeout: float = PRINT_TIMEOUT) -> bytes:
    """Print an HTML page to PDF with the system Chromium in headless mode.

    The page's own ``@page`` rule sets the paper (A4). Chromium gets a fresh
    profile and no network, so the result depends on the page alone.

    Raises
    ------
    RenderError
        Chromium failed, timed out or wrote no PDF.
    """
    with tempfile.TemporaryDirectory(prefix="radar-print-") as folder:
        source = Path(folder) / "handout.html"
        target = Path(folder) / "handout.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            # Offline: no name resolves, so nothing can be fetched.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={Path(folder) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise RenderError(f"Chromium did not print the handout within {timeout:.0f} s") from exc
        except OSError as exc:
            raise RenderError(f"cannot run Chromium ({chromium}): {exc}") from exc
        if done.returncode != 0 or not target.is_file():
            logger.error("chromium --print-to-pdf failed (%s): %s", done.returncode, done.stderr)
            raise RenderError(f"Chromium could not print the handout (exit {done.returncode})")
        data = target.read_bytes()
    if not data.startswith(b"%PDF"):
        raise RenderError("Chromium wrote something that is not a PDF")
    return data


# --- the handout and the web page --------------------------------------------

_MONTHS = 12


def format_date(day: date, lang: Lang) -> str:
    """A date as people write it: "27. november 2025", "27 November 2025"."""
    months = t("export.months", lang).split(",")
    month = months[day.month - 1] if len(months) == _MONTHS else str(day.month)
    return t("export.date", lang, day=day.day, month=month, year=day.year)


_CSS = """
@page { size: A4; margin: %(margin)smm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: %(fonts)s; font-size: %(body)spt; line-height: 1.35; color: %(text)s;
       background: %(background)s; margin: 0; font-variant-ligatures: none; }
main { margin: 0 auto; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 6mm 0 2mm; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.meta { color: %(muted)s; }
.notice { border-left: 3pt solid %(muted)s; background: #F3F5F7; padding: 2mm 3mm;
          margin: 3mm 0; font-weight: 600; }
figure { margin: 2mm 0; text-align: center; break-inside: avoid; }
img.radar { width: %(radar)smm; max-width: 100%%; height: auto; }
#radar { width: 100%%; margin: 0 auto; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em;
          vertical-align: baseline; }
.legend, .sectors { columns: 2; column-gap: 8mm; font-size: 9pt; }
.legend h3, .sectors h3 { margin-top: 0; padding-top: 2mm; break-after: avoid-column; }
ol.entries { list-style: none; padding: 0; margin: 0 0 2mm; }
ol.entries li { margin: 0 0 0.8mm; break-inside: avoid; }
.ring { font-weight: 600; }
.moved { color: %(muted)s; }
dl.rings dt { font-weight: 700; margin-top: 2mm; }
dl.rings dd { margin: 0 0 1mm 0; }
.sectors li { margin-bottom: 1.2mm; }
.summary { display: block; color: %(text)s; }
footer { margin-top: 6mm; color: %(muted)s; font-size: 9pt; }
@media screen { body { padding: 16px; } main { max-width: 1100px; } }
"""


def _css() -> str:
    return _CSS % {
        "margin": theme.HANDOUT_PAGE_MARGIN_MM,
        "fonts": theme.HANDOUT_FONTS,
        "body": theme.HANDOUT_BODY_PT,
        "text": theme.TEXT,
        "muted": theme.MUTED_TEXT,
        "background": theme.BACKGROUND,
        "radar": theme.HANDOUT_RADAR_WIDTH_MM,
    }


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _header(radar: RadarContent, lang: Lang, printed: date, *, made: str) -> str:
    """Title, edition, the date the file was made (``made``: its text key) and the notice."""
    edition = radar.edition
    meta = t(
        "export.handout.edition",
        lang,
        title=edition.label(lang),
        published=format_date(edition.published, lang),
    )
    when = t(made, lang, date=format_date(printed, lang))
    return (
        f"<header><h1>{_e(radar.title(lang))}</h1>"
        f'<p class="meta">{_e(meta)} · {_e(when)}</p>'
        + (f'<p class="notice">{_e(radar.notice(lang))}</p>' if radar.illustrative else "")
        + "</header>"
    )


def _legend(radar: RadarContent, lang: Lang) -> str:
    """The numbered legend: per category, the number on the radar, name, ring and movement."""
    parts = [
        f"<h2>{_e(t('export.handout.legend', lang))}</h2>",
        f'<p class="meta">{_e(t("export.handout.legend_hint", lang))}</p>',
        '<div class="legend">',
    ]
    view = radar.view.sort_values("number")
    for position, sector in enumerate(radar.catalog.sectors):
        rows = view[view["sector"] == sector.id]
        if rows.empty:
            continue
        colour = sector_colour(position)
        parts.append(
            f'<section><h3><span class="swatch" style="background:{colour}"></span>'
            f'{_e(sector.label(lang))}</h3><ol class="entries">'
        )
        for row in rows.itertuples():
            ring = radar.catalog.ring(row.ring).label(lang)
            mark = MOVEMENT_MARKS.get(str(row.movement), "")
            # "Uændret siden 2024" on most rows would drown the few that moved.
            if row.movement in (Movement.IN, Movement.OUT):
                moved = movement_text(row, radar.catalog, lang)
            else:
                moved = t(f"movement.label.{row.movement}", lang)
            parts.append(
                f"<li>{int(row.number)}. {_e(radar.name(row.id, lang))}"
                f' · <span class="ring">{_e(ring)}</span>'
                f' · <span class="moved">{_e(mark)} {_e(moved)}</span></li>'
            )
        parts.append("</ol></section>")
    parts.append("</div>")
    return "".join(parts)


def _rings(radar: RadarContent, lang: Lang) -> str:
    items = "".join(
        f"<dt>{_e(ring.label(lang))}</dt><dd>{_e(ring.description(lang))}</dd>"
        for ring in radar.catalog.rings
    )
    return f'<h2>{_e(t("export.handout.rings", lang))}</h2><dl class="rings">{items}</dl>'


def _sectors(radar: RadarContent, lang: Lang) -> str:
    """Each category with its technologies' one-line descriptions, in radar order."""
    parts = [f"<h2>{_e(t('export.handout.sectors', lang))}</h2>", '<div class="sectors">']
    view = radar.view.sort_values("number")
    for position, sector in enumerate(radar.catalog.sectors):
        rows = view[view["sector"] == sector.id]
        if rows.empty:
            continue
        colour = sector_colour(position)
        parts.append(
            f'<section><h3><span class="swatch" style="background:{colour}">'
            f"</span>{_e(sector.label(lang))}</h3>"
            f'<p class="meta">{_e(sector.description(lang))}</p><ol class="entries">'
        )
        for row in rows.itertuples():
            ring = radar.catalog.ring(row.ring).label(lang)
            parts.append(
                f"<li><b>{int(row.number)}. {_e(radar.name(row.id, lang))}</b> ({_e(ring)})"
                f'<span class="summary">{_e(radar.summary(row.id, lang))}</span></li>'
            )
        parts.append("</ol></section>")
    parts.append("</div>")
    return "".join(parts)


def _page(radar: RadarContent, lang: Lang, body: str, *, policy: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang if lang in LANGUAGES else "da"}"><head>'
        '<meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(radar.title(lang))}</title><style>{_css()}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )


def handout_html(radar: RadarContent, lang: Lang, picture: str, printed: date) -> str:
    """The A4 handout as one HTML page without scripts, ready to print.

    Parameters
    ----------
    radar
        The radar.
    lang
        Language of every text.
    picture
        The radar's HTML (an ``<img>`` of its SVG); trusted markup.
    printed
        The date of printing.

    Returns
    -------
    A page whose every database text is escaped and whose content security
    policy forbids scripts and any fetching, so it prints the same offline.
    """
    body = (
        _header(radar, lang, printed, made="export.handout.printed")
        + f"<figure>{picture}</figure>"
        + _legend(radar, lang)
        + _rings(radar, lang)
        + _sectors(radar, lang)
        + (f"<footer><p>{_e(radar.notice(lang))}</p></footer>" if radar.illustrative else "")
    )
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return _page(radar, lang, body, policy=policy)


def interactive_html(radar: RadarContent, lang: Lang, printed: date) -> str:
    """The interactive radar as one offline HTML file: the handout with a live radar.

    plotly.js is embedded (no CDN); hovering a blip shows its name, ring,
    category, movement and description, as on the page. The content security
    policy lets the page's own scripts run but fetch nothing.
    """
    # No fixed width: the page's radar fills the browser window.
    fig = export_figure(
        radar, lang, title=False, width=None, height=theme.EXPORT_HTML_FIGURE_HEIGHT
    )
    fig.update_layout(autosize=True)
    plot = fig.to_html(
        full_html=False,
        include_plotlyjs=True,
        div_id="radar",
        default_width="100%",
        default_height=f"{theme.EXPORT_HTML_FIGURE_HEIGHT}px",
        config={"displayModeBar": False, "responsive": True, "scrollZoom": False},
    )
    body = (
        _header(radar, lang, printed, made="export.html.made")
        + f'<p class="meta">{_e(t("export.html.hint", lang))}</p>'
        + f"<figure>{plot}</figure>"
        + _legend(radar, lang)
        + _rings(radar, lang)
        + _sectors(radar, lang)
        + (f"<footer><p>{_e(radar.notice(lang))}</p></footer>" if radar.illustrative else "")
    )
    policy = (
        "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
        "style-src 'unsafe-inline'; img-src data: blob:; font-src data:"
    )
    return _page(radar, lang, body, policy=policy)


# --- command line -------------------------------------------------------------

_FORMAT_HELP = {
    "csv": "our own format as UTF-8 CSV with semicolons, for Danish Excel (one row per "
    "technology and area)",
    "xlsx": "our own format as an Excel workbook (first sheet)",
    "json": "our own format as a JSON list of objects",
    "byor-csv": "Thoughtworks' Build Your Own Radar CSV of one radar",
    "png": "the radar as a 2000 x 1600 px picture (slides)",
    "svg": "the radar as a vector picture (print, documents)",
    "pdf": "an A4 handout: radar, numbered legend, rings, technologies per category",
    "html": "the interactive radar as one offline web page",
}


def add_command(commands: Any, db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``export`` subcommand to the CLI parser.

    Parameters
    ----------
    commands
        The CLI's subparsers (``argparse._SubParsersAction``).
    db_option
        Adds the common ``--db`` option to a parser.
    """
    formats = "; ".join(f"{name}: {text}" for name, text in _FORMAT_HELP.items())
    export = commands.add_parser(
        "export",
        help="write one radar (or one edition's assessments) to a file",
        description="Write a published edition to a file. png, svg and pdf are drawn by the "
        f"system Chromium ({CHROMIUM_HINT}). The file is written only when complete.",
    )
    export.add_argument(
        "--format",
        required=True,
        choices=EXPORT_FORMATS,
        metavar="FORMAT",
        help=f"the file format, one of: {formats}",
    )
    export.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help="the file to write (its folder must exist; an existing file is replaced)",
    )
    export.add_argument(
        "--area",
        help=f"welfare area id, or '{COMBINED_AREA}' for the combined radar (default for "
        "byor-csv, png, svg, pdf and html); csv, xlsx and json have one row per technology "
        f"and area, of every area by default or with '{COMBINED_AREA}', or of the area given",
    )
    export.add_argument(
        "--edition",
        type=int,
        metavar="YEAR",
        help="published edition (default: the newest with assessments)",
    )
    db_option(export)
    export.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="da",
        help="language of names, labels and texts (default da; our own format has both)",
    )


def run_command(args: argparse.Namespace) -> int:
    """Run ``python -m radar export``; returns the exit code (0 when the file was written)."""
    out: Path = args.out
    if not out.parent.is_dir():
        print(f"error: the folder {out.parent} does not exist", file=sys.stderr)
        return 1
    if out.is_dir():
        print(f"error: --out {out} is a folder; give a file name", file=sys.stderr)
        return 1
    con = store.connect(args.db)
    try:
        target = resolve_target(con, args.format, args.area, args.edition)
        data = export_radar(
            con, target.fmt, area=target.area, edition=target.edition, lang=args.lang
        )
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
        # Now, while everything is alive: at exit Chromium may still be writing
        # its profile as Python removes it.
        _painter.close()
    _write_atomically(out, data)
    what = "every area" if target.area is None else f"area {target.area}"
    print(f"Wrote {out}: {args.format}, {what}, edition {target.edition}, {len(data):,} bytes")
    return 0


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and rename it into place: never half a file."""
    # open() rather than mkstemp, so the file gets the usual permissions (umask).
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.part")
    try:
        with temporary.open("wb") as file:
            file.write(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
