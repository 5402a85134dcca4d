"""A save that met another editor's: both versions side by side, and the way out.

Nothing from the database is shown as HTML or markdown: the versions are an
``st.dataframe``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

from radar.editing import EditConflict, field_label
from radar.i18n import t
from radar.model import Lang
from radar.ui.components.editing_session import CONFLICTS, forget, kept


def _display(value: Any, lang: Lang) -> str:
    if value is None or value == "":
        return t("editing.value.empty", lang)
    if isinstance(value, bool):
        return t("editing.value.yes" if value else "editing.value.no", lang)
    return str(value)


def conflict_table(conflict: EditConflict, lang: Lang) -> pd.DataFrame:
    """The two versions side by side: field, the saved one, this editor's."""
    rows = conflict.differences()
    removed = t("editing.value.removed", lang)
    return pd.DataFrame(
        {
            t("editing.conflict.field", lang): [field_label(f, lang) for f, _, _ in rows],
            t("editing.conflict.theirs", lang): [
                removed if conflict.theirs is None else _display(v, lang) for _, v, _ in rows
            ],
            t("editing.conflict.yours", lang): [
                removed if conflict.yours is None else _display(v, lang) for _, _, v in rows
            ],
        }
    )


def conflict(section: str, keys: Sequence[str], lang: Lang) -> None:
    """The conflict of the last save of ``section``, if it had one, and a button that
    loads the saved version (dropping the widgets ``keys``)."""
    found = kept(CONFLICTS).get(section)
    if found is None:
        return
    with st.container(border=True, key=f"{section}-conflict"):
        if found.theirs is None:
            st.error(t("editing.conflict.removed", lang), icon=":material/sync_problem:")
        else:
            st.error(t("editing.conflict", lang), icon=":material/sync_problem:")
        table = conflict_table(found, lang)
        if table.empty:
            st.caption(t("editing.conflict.same", lang))
        else:
            st.dataframe(table, hide_index=True, width="stretch")
        st.button(
            t("editing.conflict.reload", lang),
            key=f"{section}-reload",
            icon=":material/refresh:",
            on_click=forget,
            args=(section, keys),
        )
