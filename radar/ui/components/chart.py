"""The interactive radar: hover for a summary, click a blip for its details.

The figure is drawn for the window it is shown in (:func:`figure_size`): on a
desktop it takes the height left under the filter row and the width of the
radar column, so the whole disc is in the first screen; on a phone it fills
the width.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from radar import theme
from radar.drawing.figure import OVERFLOW_KEY, RadarOptions
from radar.i18n import t
from radar.model import Catalog, Lang
from radar.pipeline.view import ViewFilter
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.cache import PageData
from radar.ui.components.labels import area_label
from radar.ui.components.viewport import Viewport

#: Key of the button under the radar that opens the table view.
TABLE_LINK_KEY = "radar_page_table_link"


@dataclass(frozen=True)
class FigureSize:
    """The pixel size a radar figure is drawn for, and whether it is a phone's."""

    width: int
    height: int
    compact: bool


def _rounded(pixels: float) -> int:
    step = theme.PAGE_SIZE_STEP
    return max(step, int(pixels) // step * step)


def figure_size(window: Viewport, *, columns: int = 1, embed: bool = False) -> FigureSize:
    """The size of the page's radar in ``window``; ``columns`` radars side by side share the width.

    Desktop: the height left under the menu and the filter row, the width of
    the radar column (the side panel takes the rest; two radars side by side
    take half the page each). Phone: the full width, the disc square and the
    category key under it. Embedded: the whole frame.
    """
    inner = window.width - 2 * theme.PAGE_PADDING
    if window.phone:
        return FigureSize(
            _rounded(inner), _rounded(inner * (1 + theme.PHONE_FIGURE_KEY_SHARE)), True
        )
    if embed:
        height = window.height - theme.EMBED_BELOW_RADAR
        return FigureSize(
            _rounded(inner), _rounded(max(height, theme.PAGE_MIN_FIGURE_HEIGHT)), False
        )
    width: float
    if columns > 1:
        width = (inner - (columns - 1) * theme.PAGE_COLUMN_GAP) / columns
    else:
        width = (inner - theme.PAGE_COLUMN_GAP) * theme.RADAR_COLUMN_SHARE
    height = window.height - theme.PAGE_ABOVE_RADAR - theme.PAGE_BELOW_RADAR
    return FigureSize(_rounded(width), _rounded(max(height, theme.PAGE_MIN_FIGURE_HEIGHT)), False)


def sized_options(options: RadarOptions, size: FigureSize) -> RadarOptions:
    """``options`` drawn at ``size``: its width, height, and whether it is a phone's."""
    return dataclasses.replace(options, width=size.width, height=size.height, compact=size.compact)


def chart_config() -> dict[str, bool]:
    """Plotly's options for every chart of the app: no toolbar, resizing with the page.

    A fresh dict each time: Streamlit is handed it to keep.
    """
    return {"displayModeBar": False, "responsive": True}


def alt_text(view: pd.DataFrame, catalog: Catalog, area: str, edition: int, lang: Lang) -> str:
    """A text alternative of a radar: what it shows, count per ring and per category.

    Names are left out: the table view (linked under the radar) lists every one.
    """
    # TODO(lead): the figure branch adds radar.drawing's alt_text(); use that once merged.
    shown = view[view["visible"]]
    rings = Counter(shown["ring"])
    sectors = Counter(shown["sector"])
    per_ring = ", ".join(f"{r.label(lang)} {rings.get(r.id, 0)}" for r in catalog.rings)
    per_sector = ", ".join(f"{s.label(lang)} {sectors.get(s.id, 0)}" for s in catalog.sectors)
    return t(
        "page.alt",
        lang,
        area=area_label(catalog, area, lang),
        edition=edition,
        count=len(shown),
        rings=per_ring,
        sectors=per_sector,
    )


def _chart_clicked(key: str) -> None:
    points = st.session_state[key]["selection"]["points"]
    if not points:
        return
    clicked = points[0].get("customdata")
    if isinstance(clicked, list):
        clicked = clicked[0] if clicked else None
    if not clicked:
        return
    if str(clicked).startswith(f"{OVERFLOW_KEY}:"):
        _, sector, ring = str(clicked).split(":", 2)
        st.session_state[state.OVERFLOW_CELL] = (sector, ring)
    else:
        state.select_tech(str(clicked))


def show_figure(fig: go.Figure, *, key: str, alt: str, clickable: bool = True) -> None:
    """A radar figure on the page, with its text alternative; clickable ones select a blip."""
    if clickable:
        st.plotly_chart(
            fig,
            key=key,
            on_select=partial(_chart_clicked, key),
            selection_mode="points",
            width="stretch",
            config=chart_config(),
            alt=alt,
        )
    else:
        st.plotly_chart(fig, key=key, width="stretch", config=chart_config(), alt=alt)


def radar_chart(
    data: PageData,
    view_filter: ViewFilter,
    view: pd.DataFrame,
    lang: Lang,
    selected: str | None,
    size: FigureSize,
) -> None:
    """The interactive radar: hover for a summary, click a blip for its details."""
    options = sized_options(RadarOptions(selected=selected), size)
    fig = ui_data.figure(data.db, view_filter, lang, options)
    assert view_filter.edition is not None  # the page always picks one
    show_figure(
        fig,
        key=state.selection_key("radar_chart"),
        alt=alt_text(view, data.catalog, view_filter.area, view_filter.edition, lang),
    )


def table_link(lang: Lang) -> None:
    """The keyboard's way to every blip: a visible link from the radar to the table view."""
    st.button(
        t("page.table_link", lang),
        key=TABLE_LINK_KEY,
        type="tertiary",
        icon=":material/table_rows:",
        on_click=_open_table,
    )


def _open_table() -> None:
    st.session_state[state.VIEW] = "table"
    state.remember(state.VIEW)
