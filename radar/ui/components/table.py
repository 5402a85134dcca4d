"""The radar as a table: the same filters, one row per blip; a row opens its details."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from radar.i18n import t
from radar.model import Lang
from radar.theme import MOVEMENT_MARKS
from radar.ui import state
from radar.ui.cache import PageData
from radar.ui.components.labels import movement_label, technology_name


def table_view(view: pd.DataFrame, data: PageData, lang: Lang, selected: str | None) -> None:
    """The radar as a table: same filters, search narrows the rows; a row opens details."""
    catalog = data.catalog
    rows = view[view["visible"] & view["match"]]
    frame = pd.DataFrame(
        {
            t("column.number", lang): rows["number"].astype(int),
            t("column.name", lang): [
                technology_name(data.technologies, i, lang) for i in rows["id"]
            ],
            t("column.sector", lang): [catalog.sector(s).label(lang) for s in rows["sector"]],
            t("column.ring", lang): [catalog.ring(r).label(lang) for r in rows["ring"]],
            t("movement.column", lang): [
                f"{MOVEMENT_MARKS[m]} {movement_label(m, lang)}" for m in rows["movement"]
            ],
            t("column.maturity", lang): rows["maturity"] * 100,
            t("column.spread", lang): rows["spread"] * 100,
            t("column.summary", lang): [
                data.technologies[i].summary(lang) if i in data.technologies else ""
                for i in rows["id"]
            ],
        }
    )
    ids: Sequence[str] = rows["id"].tolist()

    key = state.selection_key("radar_table")

    def table_changed() -> None:
        picked = st.session_state[key]["selection"]["rows"]
        if picked:
            state.select_tech(ids[picked[0]])
        else:
            state.close_details()

    st.caption(t("table.caption", lang))
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(frame), 720),
        key=key,
        on_select=table_changed,
        selection_mode="single-row",
        column_config={
            # The frame holds shares times 100.
            t("column.maturity", lang): st.column_config.ProgressColumn(
                min_value=0, max_value=100, format="%.0f%%"
            ),
            t("column.spread", lang): st.column_config.ProgressColumn(
                min_value=0, max_value=100, format="%.0f%%"
            ),
        },
    )
