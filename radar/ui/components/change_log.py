"""The technology page's change log: every change of a technology, newest first.

Nothing from the log is shown as HTML or markdown: it is an ``st.dataframe``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Literal

import pandas as pd
import streamlit as st

from radar.editing import field_label
from radar.i18n import LOCAL_ZONE, format_datetime, t
from radar.model import Catalog, Lang
from radar.ui import auth
from radar.ui import cache as ui_data

#: The key of the technology page's change log (a CSS class for the browser tests).
CHANGE_LOG: Final = "technology-change-log"
#: The change log's times are shown in Danish time, whatever the server's zone.

#: The change log's name for each action (:data:`radar.store.audit.ACTIONS`).
_ACTION_TEXTS: Final[Mapping[str, str]] = {
    "add": "editing.action.add",
    "change": "editing.action.change",
    "retire": "editing.action.retire",
    "remove": "editing.action.remove",
    "publish": "editing.action.publish",
}
#: The change log's name for a case or an edition record, by entity.
_ENTITY_TEXTS: Final[Mapping[str, str]] = {
    "case": "editing.entity.case",
    "edition": "editing.entity.edition",
}


def log_table(
    log: pd.DataFrame, catalog: Catalog, lang: Lang, *, show_editor: bool
) -> pd.DataFrame:
    """The audit log of a technology as a reader takes it in, newest first.

    ``catalog`` should hold the editions the log may name (drafts too, for
    editors), so a draft's changes are marked as such. The editor's name is
    left out unless ``show_editor``: staff names are for the editors' eyes.
    """
    drafts = {e.year for e in catalog.editions if e.is_draft}
    areas = {a.id: a.label(lang) for a in catalog.areas}

    def what(row: Mapping[str, Any]) -> str:
        entity, key = row["entity"], str(row["record_key"])
        if entity == "assessment":
            edition, area, _ = [*key.split("/", 2), "", ""][:3]
            year = int(edition) if edition.isdigit() else None
            shown = t("editing.entity.draft", lang, edition=edition) if year in drafts else edition
            thing = t("editing.entity.assessment", lang, edition=shown, area=areas.get(area, area))
        elif entity == "technology":
            thing = t("editing.entity.technology", lang)
        else:
            thing = t(_ENTITY_TEXTS.get(entity, "editing.entity.edition"), lang, key=key)
        action = t(_ACTION_TEXTS[row["action"]], lang)
        return f"{action}: {thing}"

    def text(value: Any) -> str:
        return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)

    records = log.to_dict("records")
    when = pd.to_datetime(log["changed_at"], utc=True).dt.tz_convert(LOCAL_ZONE)
    table = {
        t("editing.log.when", lang): [format_datetime(moment, lang) for moment in when],
        t("editing.log.what", lang): [what(r) for r in records],
        t("editing.log.field", lang): [
            field_label(r["field"], lang) if text(r["field"]) else t("editing.log.whole", lang)
            for r in records
        ],
        t("editing.log.old", lang): [text(r["old_value"]) for r in records],
        t("editing.log.new", lang): [text(r["new_value"]) for r in records],
        t("editing.log.reason", lang): [text(r["reason"]) for r in records],
    }
    if show_editor:
        table[t("editing.log.editor", lang)] = [text(r["editor"]) for r in records]
    return pd.DataFrame(table)


def change_log(db: str, technology_id: str, lang: Lang) -> None:
    """The technology page's "Ændringslog": every change of the technology, newest first.

    Viewers see the changes of published editions and of the catalogue, not
    who made them; a signed-in editor also sees the drafts' changes and the
    editors' names.
    """
    editor = auth.current_editor()
    with st.container(key=CHANGE_LOG):
        st.markdown(f"**{t('editing.log.title', lang)}**")
        log = ui_data.change_log(db, technology_id, editor is not None)
        if log.empty:
            st.caption(t("editing.log.empty", lang))
            return
        catalog = ui_data.editor_catalog(db) if editor is not None else ui_data.catalog(db)
        # Fixed widths: a whole added or removed record is long JSON, and
        # should not push the other columns out of sight.
        widths: dict[str, Literal["small", "medium"]] = {
            "editing.log.when": "small",
            "editing.log.what": "medium",
            "editing.log.field": "medium",
            "editing.log.old": "medium",
            "editing.log.new": "medium",
            "editing.log.reason": "medium",
            "editing.log.editor": "small",
        }
        st.dataframe(
            log_table(log, catalog, lang, show_editor=editor is not None),
            hide_index=True,
            width="stretch",
            column_config={
                t(key, lang): st.column_config.TextColumn(t(key, lang), width=width)
                for key, width in widths.items()
            },
        )
        st.caption(t("editing.log.caption", lang))
