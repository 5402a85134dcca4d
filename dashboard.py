"""Teknologiradar: the Streamlit entry point (``streamlit run dashboard.py``).

Runs on every page: sets up the page, draws the header with the language
toggle (not in presenter mode), and hands over to the chosen page.
"""

import streamlit as st

from radar.i18n import t
from radar.ui import presenter, state, widgets

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
st.navigation(pages, position="hidden" if presenting else "top").run()
