"""Teknologiradar: the Streamlit entry point (``streamlit run dashboard.py``).

Runs on every page: sets up the page, draws the header with the language
toggle (not in presenter mode), and hands over to the chosen page.
"""

import streamlit as st

from radar.i18n import t
from radar.ui import auth, presenter, state, widgets

st.set_page_config(
    page_title="Teknologiradar",
    page_icon=":material/radar:",
    layout="wide",
    initial_sidebar_state="collapsed",
)

lang = state.current_lang()
# Presenter mode (?present=1) shows the radar alone: no title, toggle or navigation.
presenting = presenter.presenting()
if not presenting:
    title, toggle = st.columns([5, 1], vertical_alignment="center")
    with toggle:
        widgets.language_toggle(lang)
    # The toggle may just have changed the language: read it again for the texts.
    lang = state.current_lang()
    with title:
        st.title(t("app.title", lang), anchor=False)

pages = [
    st.Page("pages/radar.py", title=t("page.radar", lang), icon=":material/radar:", default=True),
    st.Page(
        "pages/technology.py",
        title=t("page.technology", lang),
        icon=":material/timeline:",
        url_path="teknologi",
    ),
    st.Page(
        "pages/compare.py",
        title=t("page.compare", lang),
        icon=":material/compare_arrows:",
        url_path="sammenlign",
    ),
    st.Page(
        "pages/overview.py",
        title=t("page.overview", lang),
        icon=":material/grid_view:",
        url_path="overblik",
    ),
    st.Page("pages/about.py", title=t("page.about", lang), icon=":material/info:", url_path="om"),
    st.Page(
        "pages/present.py",
        title=t("page.present", lang),
        icon=":material/slideshow:",
        url_path="praesenter",
    ),
    st.Page(
        "pages/workshop.py",
        title=t("page.workshop", lang),
        icon=":material/groups:",
        url_path="workshop",
    ),
    # The participant's page hides the navigation itself (radar.ui.workshop.PHONE_CSS).
    st.Page(
        "pages/join.py",
        title=t("page.join", lang),
        icon=":material/how_to_vote:",
        url_path="deltag",
    ),
]
# Editing pages are always registered, so a direct link reaches the page and
# its refusal, but only signed-in editors see them in the menu.
editor = auth.current_editor()
for_editors = "visible" if editor is not None else "hidden"
pages += [
    st.Page(
        "pages/edit.py",
        title=t("page.edit", lang),
        icon=":material/edit:",
        url_path="rediger",
        visibility=for_editors,
    ),
    st.Page(
        "pages/editions.py",
        title=t("page.editions", lang),
        icon=":material/library_books:",
        url_path="udgaver",
        visibility=for_editors,
    ),
    st.Page(
        "pages/import_data.py",
        title=t("page.import", lang),
        icon=":material/upload_file:",
        url_path="importer",
        visibility=for_editors,
    ),
    st.Page(
        "pages/export.py",
        title=t("page.export", lang),
        icon=":material/download:",
        url_path="eksport",
    ),
    st.Page(
        "pages/sign_in.py",
        title=t("page.sign_in", lang),
        icon=":material/key:",
        url_path="redaktoer",
        visibility="visible" if auth.editing_enabled() else "hidden",
    ),
]
st.navigation(pages, position="hidden" if presenting else "top").run()
