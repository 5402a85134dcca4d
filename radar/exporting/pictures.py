"""The radar as a picture (PNG, SVG), drawn by kaleido through the system Chromium.

One headless Chromium per process draws every picture (:class:`_Painter`);
at most two pictures or handouts are made at once (:data:`CHROMIUM_SLOTS`),
since each holds a Chromium page or a whole Chromium.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import html
import logging
import os
import textwrap
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, Final

import plotly.graph_objects as go

from radar import theme
from radar.drawing.figure import RadarOptions, escape_label, radar_figure
from radar.exporting.content import CHROMIUM_HINT, ChromiumMissingError, RadarContent, RenderError
from radar.exporting.page import sector_parts
from radar.model import Lang

logger = logging.getLogger(__name__)

#: Seconds Chromium may take to start, to draw one picture and to close:
#: generous for a busy server, short of a hung request.
START_TIMEOUT: Final[float] = 60.0
RENDER_TIMEOUT: Final[float] = 60.0
CLOSE_TIMEOUT: Final[float] = 20.0

#: Pictures and handouts drawn at once, by all sessions of the process: each
#: holds a Chromium page (a PDF a whole Chromium, about 200 MB); more wait.
CHROMIUM_SLOTS = threading.BoundedSemaphore(2)


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


def _label(text: str) -> str:
    # Plotly's label markup needs only <, > and & escaped (as radar.drawing.figure does).
    return html.escape(text, quote=False)


def name_lines(radar: RadarContent, lang: Lang) -> list[tuple[str, str]]:
    """The numbered names as the slide lists them: ``(kind, markup)`` lines, top to bottom.

    Category by category, and within each ring by ring, inside out, as the
    page's list: a ``sector`` heading with the category's colour, a ``ring``
    heading, then an ``entry`` per blip ("12. Name", a long name on two lines,
    the second an ``more`` line), a ``gap`` before each category but the first.
    Every name is escaped for Plotly's label markup.
    """
    lines: list[tuple[str, str]] = []
    for part in sector_parts(radar, lang):
        if lines:
            lines.append(("gap", ""))
        lines.append(
            (
                "sector",
                f"<span style='color:{part.colour}'>■</span> <b>{escape_label(part.label)}</b>",
            )
        )
        ring = None
        for entry in part.entries:
            if entry.ring != ring:
                ring = entry.ring
                lines.append(
                    ("ring", f"<span style='color:{theme.MUTED_TEXT}'>{escape_label(ring)}</span>")
                )
            first, *rest = textwrap.wrap(
                entry.name, theme.EXPORT_LIST_WRAP, break_on_hyphens=False
            ) or [""]
            lines.append(("entry", f"{entry.number}. {escape_label(first)}"))
            indent = "\u00a0" * (len(str(entry.number)) + 3)
            lines.extend(("more", indent + escape_label(more)) for more in rest)
    return lines


def list_columns(lines: list[tuple[str, str]], per_column: int) -> list[list[str]]:
    """``lines`` split into columns of at most ``per_column``.

    A heading never ends a column (it moves to the next with what it heads),
    a name's second line stays with its first, no column starts with a gap,
    and a column that starts within a ring repeats the ring's heading.
    """
    columns: list[list[str]] = [[]]
    ring = ""
    for index, (kind, text) in enumerate(lines):
        column = columns[-1]
        room = per_column - len(column)
        # A heading needs its first name below it; a category its ring heading and a name.
        needs = {"sector": 3, "ring": 2}.get(kind, 1)
        if kind == "entry" and index + 1 < len(lines) and lines[index + 1][0] == "more":
            needs = 2
        if column and room < needs:
            columns.append([ring] if kind == "entry" and ring else [])
            column = columns[-1]
        if kind == "gap" and not column:
            continue
        if kind == "ring":
            ring = text
        column.append(text)
    return [column for column in columns if column]


def _add_name_list(fig: go.Figure, radar: RadarContent, lang: Lang, height: int) -> int:
    """Put the numbered names in columns beside the radar; the figure's width, which it sets."""
    margin = fig.layout.margin
    top, bottom = int(margin.t or 0), int(margin.b or 0)
    side = theme.FIGURE_MARGIN
    plot_height = height - top - bottom
    x0, x1 = fig.layout.xaxis.range
    y0, y1 = fig.layout.yaxis.range
    radar_width = plot_height * (x1 - x0) / (y1 - y0)
    per_column = max(1, int(plot_height // theme.EXPORT_LIST_LINE_HEIGHT))
    lines = name_lines(radar, lang)
    count = len(list_columns(lines, per_column))
    # As few columns as fit, then as even as they go: no column of two names at the end.
    while per_column > 1 and len(list_columns(lines, per_column - 1)) == count:
        per_column -= 1
    columns = list_columns(lines, per_column)
    list_width = theme.EXPORT_LIST_GAP + len(columns) * theme.EXPORT_LIST_COLUMN_WIDTH
    plot_width = radar_width + list_width
    fig.update_layout(xaxis={"domain": [0.0, radar_width / plot_width]})
    for index, column in enumerate(columns):
        left = radar_width + theme.EXPORT_LIST_GAP + index * theme.EXPORT_LIST_COLUMN_WIDTH
        fig.add_annotation(
            text="<br>".join(column),
            xref="paper",
            yref="paper",
            x=left / plot_width,
            y=1.0,
            xanchor="left",
            yanchor="top",
            align="left",
            showarrow=False,
            font={"size": theme.EXPORT_LIST_FONT_SIZE, "color": theme.TEXT},
        )
    return round(plot_width) + 2 * side


def export_figure(
    radar: RadarContent,
    lang: Lang,
    *,
    title: bool,
    width: int | None = theme.EXPORT_FIGURE_WIDTH,
    height: int = theme.EXPORT_FIGURE_HEIGHT,
    names: bool = False,
) -> go.Figure:
    """The radar as the page draws it, with every colour set on the figure itself.

    On the page Streamlit's theme fills in what a figure leaves open; a file
    has no such theme, so the template is cleared and the background, text
    and title colours are the theme's. With ``title``, the area, edition and
    the illustrative-data notice sit above the radar. With ``names`` (the
    slide picture), the numbered names stand in columns beside the radar
    (:func:`name_lines`), the figure is :data:`radar.theme.EXPORT_SLIDE_HEIGHT`
    tall and as wide as the columns need; ``width`` and ``height`` are then unused.
    """
    if names:
        height = theme.EXPORT_SLIDE_HEIGHT
    fig = radar_figure(
        radar.view,
        radar.catalog,
        radar.technologies,
        lang,
        RadarOptions(height=height, title=radar.title(lang) if title else None),
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
    if names:
        fig.update_layout(width=_add_name_list(fig, radar, lang, height))
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

    def _run(self, coroutine: Coroutine[Any, Any, Any], timeout: float) -> Any:
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


def close_painter() -> None:
    """Close the drawing browser now, e.g. before a command-line run ends.

    At exit Chromium may still be writing its profile as Python removes it,
    so a short-lived process closes it while everything is alive.
    """
    _painter.close()


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
