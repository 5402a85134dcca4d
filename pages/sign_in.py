"""Sign in as editor: the one door to the editing pages."""

import streamlit as st

from radar.i18n import t
from radar.ui import auth, state

lang = state.current_lang()

st.header(t("auth.title", lang), anchor=False)
st.write(t("auth.intro", lang))
if auth.current_editor() is not None:
    st.success(t("auth.signed_in", lang), icon=":material/verified_user:")
    auth.sign_out_button(lang)
else:
    auth.sign_in(lang)
