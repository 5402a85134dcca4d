"""What an editor's session keeps between runs: the loaded versions, messages and conflicts.

Every save follows the same pattern. The record is read when its form is
first shown and kept in the session as *the version this editor loaded*; the
save (a button callback, so it runs before the page is drawn again) passes it
to :mod:`radar.editing` as ``expected``. A conflict is kept for the next run
(:mod:`radar.ui.components.editing_conflicts` shows it); success clears the
caches (:func:`radar.ui.cache.invalidate`) and shows a confirmation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from typing import Any, Final

import streamlit as st

from radar import editing, store
from radar.auth import Editor
from radar.editing import EditConflict, EditError
from radar.i18n import t
from radar.model import Lang
from radar.ui import auth
from radar.ui import cache as ui_data
from radar.ui.components.text import plain

SNAPSHOTS: Final = "_edit_snapshots"
MESSAGES: Final = "_edit_messages"
CONFLICTS: Final = "_edit_conflicts"


def kept(name: str) -> dict[str, Any]:
    """One of the session's stores (:data:`SNAPSHOTS`, :data:`MESSAGES`, :data:`CONFLICTS`)."""
    return st.session_state.setdefault(name, {})


def snapshots() -> dict[str, Any]:
    """The records as this editor loaded them, by form section."""
    return kept(SNAPSHOTS)


def record_of(value: Any) -> dict[str, Any] | None:
    """A loaded record (a dataclass) as the dict the session keeps."""
    return asdict(value) if value is not None else None


def loaded(
    section: str,
    load: Callable[[], Mapping[str, Any] | None],
    fill: Callable[[Mapping[str, Any] | None], dict[str, Any]],
) -> dict[str, Any] | None:
    """The record as this editor loaded it; its widgets are filled from it when (re)loaded.

    It is read again when one of its widgets is gone, which happens when the
    editor left the form (another page, another area): coming back shows the
    current version, not a stale one. While the editor stays, it is kept, so a
    save can tell whether someone else saved in between.
    """
    kept_records = snapshots()
    widget_keys = fill(kept_records.get(section))
    if section not in kept_records or any(k not in st.session_state for k in widget_keys):
        record = load()
        kept_records[section] = dict(record) if record is not None else None
        for key, value in fill(record).items():
            st.session_state[key] = value
    return kept_records[section]


def forget(section: str, keys: Sequence[str]) -> None:
    """Drop a loaded version and its widgets' values, so the next run reads the database."""
    snapshots().pop(section, None)
    kept(CONFLICTS).pop(section, None)
    for key in keys:
        st.session_state.pop(key, None)


def say(section: str, kind: str, text: str) -> None:
    """Keep a confirmation (``kind`` ``success``) or an error for ``section``'s next run."""
    kept(MESSAGES)[section] = (kind, text)


def messages(section: str) -> None:
    """The confirmation or error of the last save of ``section``, shown once."""
    message = kept(MESSAGES).pop(section, None)
    if message is None:
        return
    kind, text = message
    if kind == "success":
        st.success(plain(text), icon=":material/check_circle:")
    else:
        st.error(plain(text), icon=":material/error:")


def save(
    section: str,
    lang: Lang,
    action: Callable[[], Any],
    *,
    by: Editor,
    success: str | None,
    after: Callable[[Any], None] | None = None,
) -> None:
    """Run a save by ``by``; keep its conflict, error or confirmation for the page to show."""
    kept(CONFLICTS).pop(section, None)
    # Saves run in button callbacks with the editor of the run that drew the form:
    # ask the sign-in store again, so a form sent after a sign-out saves nothing,
    # and one sent after someone else signed in here is not logged under the first.
    if auth.current_editor() != by:
        say(section, "error", t("auth.signed_out", lang))
        return
    try:
        result = action()
    except EditConflict as conflict:
        kept(CONFLICTS)[section] = conflict
        return
    except EditError as error:
        say(section, "error", error.message(lang))
        return
    except store.StorageFull:
        # Logged by the store; the editor's input stays in the form to save again.
        say(section, "error", t("editing.error.disk_full", lang))
        return
    except store.WriteFailed:
        say(section, "error", t("editing.error.write_failed", lang))
        return
    ui_data.invalidate()
    if after is not None:
        after(result)
    if success is not None:
        say(section, "success", success)


def reason_input(key: str, lang: Lang) -> None:
    """The input of a save's reason, which every save needs."""
    st.text_input(
        t("editing.reason", lang),
        key=key,
        max_chars=editing.MAX_LENGTH["reason"],
        help=t("editing.reason.help", lang),
    )
