"""What the radar shows, in words: the numbered legend, the movement key, a "+N" cell's list."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Final

import pandas as pd
import streamlit as st

from radar.drawing.figure import sector_colour
from radar.i18n import t
from radar.model import Lang
from radar.pipeline.history import Movement
from radar.theme import MOVEMENT_MARKS
from radar.ui import state
from radar.ui.cache import PageData
from radar.ui.components.labels import MOVEMENT_LABEL_KEYS, technology_name
from radar.ui.components.legend_list import Entry, ListData, RingGroup, SectorGroup, entry_list
from radar.ui.components.text import plain

#: Key of the legend's list component.
LEGEND_KEY: Final = "radar_legend_list"
#: Key of the list of a "+N" cell's hidden blips.
OVERFLOW_PICK: Final = "radar_legend_overflow"


def pick(technology_id: str) -> None:
    """A click on a list entry: open its details, or close them when it is the open one."""
    if technology_id == state.selected_tech():
        state.close_details()
    else:
        state.select_tech(technology_id)


def _entry(row: Any, data: PageData, lang: Lang, with_mark: bool) -> Entry:
    """One view row (from ``itertuples``) as a list entry; ``with_mark`` shows its movement."""
    catalog = data.catalog
    name = technology_name(data.technologies, row.id, lang)
    ring = catalog.ring(row.ring).label(lang)
    moved = with_mark and row.movement != Movement.SAME
    label = (
        t(
            "legend.entry.moved",
            lang,
            number=int(row.number),
            name=name,
            ring=ring,
            # The label starts a line elsewhere ("Rykket ind"); here it ends a phrase.
            movement=t(MOVEMENT_LABEL_KEYS[row.movement], lang).lower(),
        )
        if moved
        else t("legend.entry", lang, number=int(row.number), name=name, ring=ring)
    )
    return Entry(
        id=str(row.id),
        number=int(row.number),
        name=name,
        # Only changes get a mark, so the eye finds them; unchanged is the quiet default.
        mark=MOVEMENT_MARKS[row.movement] if moved else "",
        sector=str(row.sector),
        ring=str(row.ring),
        label=label,
    )


def _ring_heading(ring_label: str, numbers: list[int]) -> str:
    """A ring's heading with the numbers in it, e.g. "AFPRØV 3–20"."""
    low, high = min(numbers), max(numbers)
    return f"{ring_label} {low if low == high else f'{low}–{high}'}"


def legend_data(view: pd.DataFrame, data: PageData, lang: Lang, selected: str | None) -> ListData:
    """The legend's content: per category, per ring, the listed blips in number order."""
    catalog = data.catalog
    listed = view[view["visible"] & view["match"]].sort_values("number")
    # One pass over the rows: filtering the frame per category and ring took
    # most of a page run's time.
    cells: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for row in listed.itertuples(index=False):
        cells[(str(row.sector), str(row.ring))].append(row)
    groups = []
    for position, sector in enumerate(catalog.sectors):
        rings = [
            RingGroup(
                heading=_ring_heading(ring.label(lang), [int(row.number) for row in rows]),
                entries=tuple(_entry(row, data, lang, True) for row in rows),
            )
            for ring in catalog.rings
            if (rows := cells.get((sector.id, ring.id)))
        ]
        if not rings:
            continue
        # The swatch has the sector's colour on the radar (by catalogue position).
        groups.append(
            SectorGroup(
                heading=sector.label(lang), colour=sector_colour(position), rings=tuple(rings)
            )
        )
    title = t("legend.title", lang)
    return ListData(
        name="legend", label=title, groups=tuple(groups), selected=selected, title=title
    )


def legend(view: pd.DataFrame, data: PageData, lang: Lang, selected: str | None) -> None:
    """Numbered lists per category and ring, as on a printed radar; a click opens details.

    Numbers run ring by ring within a category, and each ring's entries sit
    under a heading with its numbers ("KLAR 1–2"). Only the blips that pass the
    filters and the search are listed, hidden "+N" blips included, so every
    technology stays reachable. One browser component draws the whole list,
    its title included: a hundred pills re-rendered on every change made the
    page slow.
    """
    entry_list(legend_data(view, data, lang, selected), key=LEGEND_KEY, on_pick=pick)


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
        entries = tuple(
            _entry(row, data, lang, False)
            for row in hidden.sort_values("number").itertuples(index=False)
        )
        content = ListData(
            name="overflow",
            label=t("legend.title", lang),
            groups=(SectorGroup(heading=None, colour=None, rings=(RingGroup(None, entries),)),),
            selected=state.selected_tech(),
        )
        entry_list(content, key=OVERFLOW_PICK, on_pick=pick)
