"""The sign-in screen: the one door to the editing screens; signed in, a backup to download."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

import streamlit as st

from radar.i18n import t
from radar.store import backup
from radar.ui import auth, state
from radar.ui import cache as ui_data

#: Where the session keeps the backup it made, for the download button.
_BACKUP: Final = "_backup_zip"


def render() -> None:
    """Sign in (or out), and take a backup of the database."""
    lang = state.current_lang()
    st.header(t("auth.title", lang), anchor=False)
    st.write(t("auth.intro", lang))
    editor = auth.current_editor()
    if editor is None:
        auth.sign_in(lang)
        st.stop()

    st.success(t("auth.signed_in", lang), icon=":material/verified_user:")
    auth.sign_out_button(lang)

    # While editing is on this process holds the database for writing, so no
    # other program can open it for a backup: the editors take one from here.
    st.subheader(t("backup.title", lang), anchor=False)
    st.write(t("backup.intro", lang))
    if st.button(t("backup.make", lang), icon=":material/backup:"):
        with st.spinner(t("backup.making", lang)):
            st.session_state[_BACKUP] = backup.backup_zip(ui_data.connection(ui_data.db_path()))
    if _BACKUP in st.session_state:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
        # True in the run the click starts: the browser has the file by then.
        downloaded = st.download_button(
            t("backup.download", lang),
            st.session_state[_BACKUP],
            file_name=f"teknologiradar-backup-{stamp}.zip",
            mime="application/zip",
            icon=":material/download:",
        )
        if downloaded:
            auth.log_backup_downloaded(editor)
