"""Parts of the comparison page: the two editions, the radar with trails, the changes."""

from __future__ import annotations

from functools import partial
from typing import Final

import pandas as pd
import streamlit as st

from radar.i18n import t
from radar.model import COMBINED_AREA, Lang
from radar.pipeline.history import Comparison, Movement
from radar.pipeline.view import ViewFilter
from radar.theme import MOVEMENT_MARKS, RETURNED_MARK
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.cache import PageData
from radar.ui.components.chart import chart_config
from radar.ui.components.labels import area_label
from radar.ui.components.navigation import TECHNOLOGY_PAGE
from radar.ui.components.text import plain

#: The text key of each group's title ("3 rykket ind i KLAR", "2 udgået").
GROUP_TITLE_KEYS: Final[dict[str, str]] = {
    Movement.IN: "compare.group.in",
    Movement.OUT: "compare.group.out",
    Movement.NEW: "compare.group.new",
    Movement.DROPPED: "compare.group.dropped",
    Movement.RETURNED: "compare.group.returned",
}
#: The mark before each group's title, as the blip shapes are marked in the legend.
GROUP_MARKS: Final[dict[str, str]] = {**MOVEMENT_MARKS, Movement.RETURNED: RETURNED_MARK}


def open_technology(technology_id: str, lang: Lang) -> None:
    """Go to a technology's own page."""
    st.switch_page(TECHNOLOGY_PAGE, query_params={state.TECH: technology_id, state.LANG: lang})


def edition_pickers(
    data: PageData, lang: Lang, default_edition: int | None
) -> tuple[str, int | None, int | None]:
    """Area, later edition and earlier edition, each kept in the URL.

    Returns the area and the two editions; the editions are None when the area
    has fewer than two editions with assessments.
    """
    catalog = data.catalog
    areas = [COMBINED_AREA, *catalog.area_ids]
    state.bind(state.AREA, areas, COMBINED_AREA)
    area_col, later_col, earlier_col = st.columns([3, 1.5, 1.5])
    with area_col:
        area = st.selectbox(
            t("filter.area", lang),
            areas,
            format_func=lambda a: area_label(catalog, a, lang),
            key=state.AREA,
            on_change=partial(state.remember, state.AREA),
        )
    years = sorted(ui_data.area_history(data.db, area)["edition"].unique().tolist(), reverse=True)
    # The shown radar is the later edition: the oldest has nothing earlier to compare with.
    later_years = years[:-1] if len(years) > 1 else years
    latest = default_edition if default_edition in later_years else (years or [None])[0]
    _read_reversed_link()
    state.bind(state.EDITION, later_years, latest, int)
    chosen = st.session_state.get(state.EDITION)
    # Only earlier editions, so the selectors always say what the radar shows.
    earlier_years = [y for y in years if chosen is not None and y < chosen]
    state.bind(state.COMPARE, earlier_years, (earlier_years or [None])[0], int)
    with later_col:
        later = st.selectbox(
            t("compare.later", lang),
            later_years,
            key=state.EDITION,
            on_change=partial(state.remember, state.EDITION),
        )
    with earlier_col:
        earlier = st.selectbox(
            t("compare.earlier", lang),
            earlier_years,
            key=state.COMPARE,
            on_change=partial(state.remember, state.COMPARE),
        )
    state.publish(state.AREA, COMBINED_AREA)
    state.publish(state.EDITION, latest)
    state.publish(state.COMPARE, None)
    if len(years) < 2:
        return area, None, None
    return area, later, earlier


def _read_reversed_link() -> None:
    """Read ``?edition=2021&compare=2025`` as the comparison of 2021 with 2025.

    The radar shows the later edition, so a link naming the later one as
    ``compare`` is turned round before the selectors read the URL.
    """
    if state._shadow(state.EDITION) in st.session_state:
        return
    try:
        shown = int(st.query_params.get(state.EDITION) or "")
        against = int(st.query_params.get(state.COMPARE) or "")
    except ValueError:
        return
    if against > shown:
        st.query_params[state.EDITION], st.query_params[state.COMPARE] = str(against), str(shown)


def comparison_chart(data: PageData, area: str, earlier: int, later: int, lang: Lang) -> None:
    """The later radar with trails; a click opens the technology's page."""
    fig = ui_data.comparison_figure(data.db, area, earlier, later, lang, state.is_phone())
    event = st.plotly_chart(
        fig,
        key=state.selection_key("compare_chart"),
        on_select="rerun",
        selection_mode="points",
        width="stretch",
        config=chart_config(),
    )
    points = event["selection"]["points"] if event else []
    clicked = points[0].get("customdata") if points else None
    if isinstance(clicked, list):
        clicked = clicked[0] if clicked else None
    if clicked and clicked in data.technologies:
        open_technology(str(clicked), lang)


def change_groups(comparison: Comparison, data: PageData, lang: Lang) -> None:
    """The changes grouped as a reader takes them in; picking a name opens its page."""
    catalog = data.catalog
    st.markdown(
        "**"
        + plain(t("compare.changes", lang, earlier=comparison.earlier, later=comparison.later))
        + "**"
    )
    groups = comparison.groups(catalog.ring_ids)
    if not groups:
        st.info(t("compare.no_changes", lang))
    changes = comparison.changes.set_index("id")
    # The numbers on the later radar, so a listed name is found on it at a glance.
    later = ui_data.radar_view(data.db, ViewFilter(area=comparison.area, edition=comparison.later))
    numbers = dict(zip(later["id"], later["number"], strict=True))
    for index, (kind, ring, ids) in enumerate(groups):
        ring_name = catalog.ring(ring).label(lang) if ring else ""
        title = t(GROUP_TITLE_KEYS[kind], lang, count=len(ids), ring=ring_name)

        def describe(technology_id: str) -> str:
            tech = data.technologies.get(technology_id)
            name = tech.label(lang) if tech else technology_id
            if technology_id in numbers:
                name = f"{numbers[technology_id]}. {name}"
            row = changes.loc[technology_id]
            if row["kind"] in (Movement.IN, Movement.OUT):
                before = catalog.ring(row["ring_before"]).label(lang)
                after = catalog.ring(row["ring_after"]).label(lang)
                return plain(f"{name} ({before} → {after})")
            return plain(name)

        picked = st.pills(
            plain(f"{GROUP_MARKS[kind]} {title}"),
            options=ids,
            format_func=describe,
            key=f"compare_group_{index}_{kind}_{ring}",
            wrap=True,
        )
        if picked:
            open_technology(str(picked), lang)
    same = len(comparison.of_kind(Movement.SAME))
    st.caption(plain(t("compare.unchanged", lang, count=same)))


def ring_counts(comparison: Comparison, data: PageData, lang: Lang) -> None:
    """Blips per ring in each edition, side by side."""
    counts = comparison.ring_counts
    frame = pd.DataFrame(
        {
            t("column.ring", lang): [data.catalog.ring(r).label(lang) for r in counts["ring"]],
            str(comparison.earlier): counts["earlier"],
            str(comparison.later): counts["later"],
            t("compare.change_column", lang): [
                f"{d:+d}" if d else "0" for d in counts["later"] - counts["earlier"]
            ],
        }
    )
    st.markdown(f"**{plain(t('compare.counts', lang))}**")
    st.dataframe(frame, hide_index=True, width="stretch")
