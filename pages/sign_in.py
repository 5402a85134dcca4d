"""Sign in as editor: the one door to the editing pages; signed in, a backup to download."""

from datetime import UTC, datetime

import streamlit as st

from radar.i18n import t
from radar.store import backup
from radar.ui import auth, state
from radar.ui import cache as ui_data

lang = state.current_lang()

st.header(t("auth.title", lang), anchor=False)
st.write(t("auth.intro", lang))
if auth.current_editor() is None:
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
        st.session_state["_backup_zip"] = backup.backup_zip(ui_data.connection(ui_data.db_path()))
if "_backup_zip" in st.session_state:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    st.download_button(
        t("backup.download", lang),
        st.session_state["_backup_zip"],
        file_name=f"teknologiradar-backup-{stamp}.zip",
        mime="application/zip",
        icon=":material/download:",
    )
