"""A technology's details beside the radar: its story, scores, rings per area and cases."""

from __future__ import annotations

from typing import Final

import pandas as pd
import streamlit as st

from radar import formats
from radar.i18n import t
from radar.model import Catalog, Lang
from radar.pipeline.view import AreaPlacement, TechnologyDetails, movement_text
from radar.theme import MOVEMENT_MARKS
from radar.ui import state
from radar.ui.cache import PageData
from radar.ui.components.labels import area_label
from radar.ui.components.navigation import TECHNOLOGY_PAGE
from radar.ui.components.text import plain

#: Key of the details container (the browser tests find the panel by it).
DETAILS_KEY: Final = "details"
#: Key of the panel's close button.
CLOSE_KEY: Final = "close_details"


def _percent(value: float) -> str:
    return f"{value:.0%}"


def details_panel(
    details: TechnologyDetails | None,
    technology_id: str,
    area: str,
    view: pd.DataFrame,
    data: PageData,
    lang: Lang,
) -> None:
    """A technology's story: description, scores, ring per area, cases, ring meaning."""
    catalog = data.catalog
    with st.container(border=True, key=DETAILS_KEY):
        head, close = st.columns([3, 1], vertical_alignment="top")
        with close:
            st.button(
                t("details.close", lang),
                key=CLOSE_KEY,
                on_click=state.close_details,
                icon=":material/close:",
            )
        if details is None:
            with head:
                st.warning(t("details.not_found", lang, id=plain(technology_id)))
            return
        tech = details.technology
        row = view[view["id"] == tech.id]
        number = f"{int(row['number'].iloc[0])}. " if not row.empty else ""
        with head:
            st.subheader(plain(f"{number}{tech.label(lang)}"), anchor=False)
            st.caption(plain(catalog.sector(tech.sector).label(lang)))
        placement = details.placement(area)
        area_name = area_label(catalog, area, lang)
        if placement is None:
            st.info(
                t(
                    "details.not_on_radar",
                    lang,
                    name=plain(tech.label(lang)),
                    area=plain(area_name),
                    edition=details.edition,
                )
            )
        else:
            ring = catalog.ring(placement.ring)
            st.markdown(
                t(
                    "details.ring_here",
                    lang,
                    ring=plain(ring.label(lang)),
                    area=plain(area_name),
                    edition=details.edition,
                )
            )
            if not row.empty:
                st.caption(
                    plain(
                        f"{MOVEMENT_MARKS[row['movement'].iloc[0]]} "
                        + movement_text(row.iloc[0].to_dict(), catalog, lang)
                    )
                )
        st.text(tech.description(lang))
        st.page_link(
            TECHNOLOGY_PAGE,
            label=t("details.history_link", lang),
            icon=":material/timeline:",
            query_params={state.TECH: tech.id, state.LANG: lang},
        )
        if placement is not None:
            _scores(placement, catalog, lang)
        _rings_by_area(details, catalog, lang)
        cases(details, lang)
        if placement is not None:
            ring = catalog.ring(placement.ring)
            with st.expander(t("details.ring_meaning", lang, ring=plain(ring.label(lang)))):
                st.text(ring.description(lang))


def _scores(placement: AreaPlacement, catalog: Catalog, lang: Lang) -> None:
    st.markdown(f"**{t('details.scores', lang)}**")
    if not placement.has_scores:
        # An imported radar states its rings; there are no scores to show. The
        # import's own reason (stored in Danish) only repeats the caption.
        reason = placement.override_reason or ""
        if reason == formats.STATED_RING_REASON_DA:
            reason = ""
        st.caption(t("details.stated_ring", lang, reason=plain(reason)).strip())
        return
    maturity, spread, score = st.columns(3)
    trl = placement.maturity_trl
    # The combined radar's maturity is an average: said in the label, so the
    # figure stays short enough for its column.
    if trl is not None:
        maturity.metric(t("details.maturity", lang), t("details.maturity_value", lang, trl=trl))
    else:
        maturity.metric(t("details.maturity_avg", lang), _percent(placement.maturity))
    spread.metric(t("details.spread", lang), _percent(placement.spread))
    score.metric(t("details.score", lang), _percent(placement.score))
    st.caption(
        t(
            "details.shares",
            lang,
            op=placement.share_operation,
            pilot=placement.share_pilot,
            cons=placement.share_considering,
            not_cons=placement.share_not_considering,
        )
    )
    if placement.override_reason:
        st.info(
            t(
                "details.override",
                lang,
                ring=plain(catalog.ring(placement.ring).label(lang)),
                computed=plain(catalog.ring(placement.computed_ring).label(lang)),
                reason=plain(placement.override_reason),
            ),
            icon=":material/edit_note:",
        )


def _rings_by_area(details: TechnologyDetails, catalog: Catalog, lang: Lang) -> None:
    st.markdown(f"**{t('details.by_area', lang)}**")
    rows = []
    for area in catalog.areas:
        placement = details.placement(area.id)
        rows.append(
            {
                t("column.area", lang): area.label(lang),
                t("column.ring", lang): catalog.ring(placement.ring).label(lang)
                if placement
                else t("details.not_assessed", lang),
                t("column.score", lang): placement.score * 100 if placement else None,
            }
        )
    if details.combined is not None:
        rows.append(
            {
                t("column.area", lang): t("area.samlet", lang),
                t("column.ring", lang): catalog.ring(details.combined.ring).label(lang),
                t("column.score", lang): details.combined.score * 100,
            }
        )
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        column_config={
            t("column.score", lang): st.column_config.ProgressColumn(
                t("column.score", lang), min_value=0, max_value=100, format="%.0f%%"
            )
        },
    )


def cases(details: TechnologyDetails, lang: Lang) -> None:
    """A technology's example cases from municipalities, each with its source link."""
    st.markdown(f"**{t('details.cases', lang)}**")
    if not details.cases:
        st.caption(t("details.no_cases", lang))
        return
    for case in details.cases:
        st.markdown(f"**{plain(case.title(lang))}**  \n{plain(case.municipality)}, {case.year}")
        st.text(case.text(lang))
        if case.source_url.startswith(("https://", "http://")):
            st.link_button(t("details.case_source", lang), case.source_url, type="tertiary")


#: Key of the "how to read this radar" expander beside the radar.
GUIDE_KEY: Final = "radar_page_guide"


def reading_guide(catalog: Catalog, lang: Lang) -> None:
    """How to read the radar, next to it: what each ring means, the scores, the shapes."""
    with (
        st.expander(t("page.guide.title", lang), icon=":material/help:"),
        st.container(key=GUIDE_KEY),
    ):
        st.markdown(t("page.guide.rings", lang))
        for ring in catalog.rings:
            st.markdown(f"**{plain(ring.label(lang))}**: {plain(ring.description(lang))}")
        st.markdown(t("page.guide.scores", lang))
        st.markdown(
            t(
                "page.guide.shapes",
                lang,
                new=MOVEMENT_MARKS["new"],
                moved_in=MOVEMENT_MARKS["in"],
                moved_out=MOVEMENT_MARKS["out"],
                same=MOVEMENT_MARKS["same"],
            )
        )
        st.markdown(t("page.guide.numbers", lang))
