"""What the radar shows, in words: the numbered legend, the movement key, a "+N" cell's list."""

from __future__ import annotations

from typing import Final

import pandas as pd
import streamlit as st

from radar.i18n import t
from radar.model import Catalog, Lang
from radar.pipeline.history import Movement
from radar.theme import MOVEMENT_MARKS
from radar.ui import state
from radar.ui.cache import PageData
from radar.ui.components.labels import technology_name
from radar.ui.components.text import plain

#: Key prefix of a sector's pill group in the legend (one group per sector).
LEGEND_KEY: Final = "legend"
#: Key of the pill group listing a "+N" cell's hidden blips.
OVERFLOW_PICK: Final = "overflow_pick"


def _picked(key: str) -> None:
    chosen = st.session_state.get(key)
    if chosen:
        state.select_tech(chosen)
    else:
        state.close_details()


def legend(view: pd.DataFrame, data: PageData, lang: Lang, selected: str | None) -> None:
    """Numbered lists per sector, as on a printed radar; a click opens details.

    Numbers run ring by ring within a sector, and a caption gives each ring's
    numbers. One pill group per sector: twenty groups (sector × ring) took the
    browser a second longer to draw. Only the blips that pass the filters and
    the search are listed, hidden "+N" blips included, so every technology
    stays reachable.
    """
    catalog = data.catalog
    listed = view[view["visible"] & view["match"]]
    st.markdown(f"**{t('legend.title', lang)}**")
    numbers = dict(zip(listed["id"], listed["number"], strict=True))
    # Only changes get a mark, so the eye finds them; unchanged is the quiet default.
    marks = {
        i: f" {MOVEMENT_MARKS[m]}"
        for i, m in zip(listed["id"], listed["movement"], strict=True)
        if m != Movement.SAME
    }
    for sector in catalog.sectors:
        in_sector = listed[listed["sector"] == sector.id]
        if in_sector.empty:
            continue
        key = f"{LEGEND_KEY}_{sector.id}"
        options = in_sector["id"].tolist()
        st.session_state[key] = selected if selected in options else None
        st.pills(
            plain(sector.label(lang)),
            options=options,
            format_func=lambda i: plain(
                f"{numbers[i]}. {technology_name(data.technologies, i, lang)}{marks.get(i, '')}"
            ),
            selection_mode="single",
            key=key,
            on_change=_picked,
            args=(key,),
            wrap=True,
        )
        st.caption(_ring_ranges(in_sector, catalog, lang))


def _ring_ranges(entries: pd.DataFrame, catalog: Catalog, lang: Lang) -> str:
    """Which numbers sit in which ring, e.g. "KLAR 1-2 · AFPRØV 3-20"."""
    parts = []
    for ring in catalog.rings:
        numbers = entries.loc[entries["ring"] == ring.id, "number"]
        if numbers.empty:
            continue
        low, high = int(numbers.min()), int(numbers.max())
        span = str(low) if low == high else f"{low}–{high}"
        parts.append(f"{plain(ring.label(lang))} {span}")
    return " · ".join(parts)


def movement_key(
    view: pd.DataFrame,
    gone: pd.DataFrame,
    edition: int,
    since: int | None,
    data: PageData,
    lang: Lang,
) -> None:
    """What the blip shapes mean, how many changed, and what left the radar.

    ``since`` is the area's previous edition (None for its first) and ``gone``
    the blips of that edition that are not on this one
    (:func:`radar.pipeline.history.dropped`).
    """
    if since is None:
        st.caption(plain(t("legend.movement.first", lang, edition=edition)))
        return
    moves = view["movement"].value_counts()
    st.caption(
        f"**{plain(t('legend.movement', lang, edition=since))}**  \n"
        + plain(t("legend.movement.shapes", lang))
        + "  \n"
        + plain(
            t(
                "legend.movement.counts",
                lang,
                new=int(moves.get(Movement.NEW, 0)),
                moved_in=int(moves.get(Movement.IN, 0)),
                moved_out=int(moves.get(Movement.OUT, 0)),
                dropped=len(gone),
            )
        )
        + (
            " · " + plain(t("legend.movement.returned", lang, count=returned))
            if (returned := int(view["returned"].sum()))
            else ""
        )
    )
    if not gone.empty:
        names = ", ".join(sorted(technology_name(data.technologies, i, lang) for i in gone["id"]))
        st.caption(plain(t("legend.dropped", lang, edition=since, names=names)))


def overflow_list(view: pd.DataFrame, data: PageData, lang: Lang) -> None:
    """The blips hidden behind a clicked "+N" marker, each one click from its details."""
    cell = st.session_state.get(state.OVERFLOW_CELL)
    if not cell:
        return
    sector, ring = cell
    hidden = view[(view["sector"] == sector) & (view["ring"] == ring) & ~view["shown"]]
    if hidden.empty:
        return
    with st.container(border=True):
        st.markdown(
            "**"
            + plain(
                t(
                    "radar.overflow_title",
                    lang,
                    sector=data.catalog.sector(sector).label(lang),
                    ring=data.catalog.ring(ring).label(lang),
                )
            )
            + "**"
        )
        st.session_state[OVERFLOW_PICK] = None
        numbers = dict(zip(hidden["id"], hidden["number"], strict=True))
        st.pills(
            t("legend.title", lang),
            options=hidden["id"].tolist(),
            format_func=lambda i: plain(
                f"{numbers[i]}. {technology_name(data.technologies, i, lang)}"
            ),
            key=OVERFLOW_PICK,
            on_change=_picked,
            args=(OVERFLOW_PICK,),
            label_visibility="collapsed",
            wrap=True,
        )
