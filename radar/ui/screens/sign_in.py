"""The sign-in screen: the one door to the editing screens; signed in, a backup to download."""

from __future__ import annotations

import streamlit as st

from radar.auth import Role
from radar.i18n import t
from radar.ui import auth, state


def render() -> None:
    """Sign in (or out), and, for editors, a link to a backup of the database."""
    lang = state.current_lang()
    st.header(t("auth.title", lang), anchor=False)
    st.write(t("auth.intro", lang))
    user = auth.current_user()
    if user is None:
        auth.sign_in(lang)
        st.stop()

    signed_in = (
        "auth.signed_in" if user.role.includes(Role.EDITOR) else "auth.signed_in_facilitator"
    )
    st.success(t(signed_in, lang), icon=":material/verified_user:")
    auth.sign_out_button(lang)
    if not user.role.includes(Role.EDITOR):
        return

    # While editing is on this process holds the database for writing, so no
    # other program can open it for a backup: the editors take one from here,
    # through a route that checks the browser's sign-in on every download.
    st.subheader(t("backup.title", lang), anchor=False)
    st.write(t("backup.intro", lang))
    auth.backup_link(lang)
