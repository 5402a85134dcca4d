"""Parts of the technology page: the technology picker and its rings in every area."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from radar.i18n import ids_by_label, t
from radar.model import Catalog, Lang
from radar.pipeline.view import movement_text
from radar.ui import state
from radar.ui.cache import PageData
from radar.ui.components.labels import area_label


def _technology_chosen() -> None:
    state.remember(state.TECH)
    # The page reads the URL first (see technology_picker), so the URL must
    # hold the new choice before the rerun, not only after it.
    state.select_tech(st.session_state.get(state.TECH))


def technology_picker(data: PageData, lang: Lang) -> tuple[str | None, str | None]:
    """The technology selectbox of the technology page, kept in ``?tech=``.

    The radar page reads ``?tech=`` straight from the URL; so does this page
    first: a link (from the radar, a related technology, a shared URL) names
    the technology to show, even when another one is remembered from earlier
    in the session. Without one in the URL, the remembered choice is shown.

    Returns
    -------
    The chosen technology id (``None``: none chosen) and the unknown id the URL
    asked for, if it did (to be explained to the user; it is not kept).
    """
    technologies = data.technologies
    ids = ids_by_label(technologies, lang)
    state.bind(state.TECH, ids, None)
    asked = st.query_params.get(state.TECH)
    unknown = asked if asked and asked not in technologies else None
    if asked and (unknown or st.session_state[state.TECH] != asked):
        st.session_state[state.TECH] = None if unknown else asked
        state.remember(state.TECH)
        if not unknown:
            # A page link to this same page leaves the browser's address bar
            # on the old URL; setting a parameter sends the whole query string.
            st.query_params[state.TECH] = asked
    chosen: str | None = st.selectbox(
        t("technology.pick", lang),
        options=ids,
        format_func=lambda i: technologies[i].label(lang),
        index=None,
        placeholder=t("technology.pick.placeholder", lang),
        key=state.TECH,
        on_change=_technology_chosen,
    )
    state.publish(state.TECH, None)
    return chosen, unknown


def technology_rings(rows: pd.DataFrame, catalog: Catalog, lang: Lang) -> None:
    """A technology's ring, movement and score in every area for one edition.

    ``rows`` is :func:`radar.pipeline.timeline.placements_in`: one row per area, a
    missing ring where the technology was not on that area's radar.
    """
    table = pd.DataFrame(
        {
            t("column.area", lang): [area_label(catalog, a, lang) for a in rows["area"]],
            t("column.ring", lang): [
                catalog.ring(r).label(lang)
                if isinstance(r, str)
                else t("details.not_assessed", lang)
                for r in rows["ring"]
            ],
            t("movement.column", lang): [
                movement_text(row, catalog, lang) if isinstance(row["ring"], str) else ""
                for row in rows.to_dict("records")
            ],
            t("column.score", lang): rows["score"] * 100,
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            t("column.score", lang): st.column_config.ProgressColumn(
                t("column.score", lang), min_value=0, max_value=100, format="%.0f%%"
            )
        },
    )
