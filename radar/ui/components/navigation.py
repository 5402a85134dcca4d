"""The app's pages: their files, their addresses and the navigation menu."""

from __future__ import annotations

from typing import Final, Literal

import streamlit as st

from radar.i18n import t
from radar.model import Lang

# Page files, for st.Page, st.page_link and st.switch_page.
RADAR_PAGE: Final = "pages/radar.py"
TECHNOLOGY_PAGE: Final = "pages/technology.py"
COMPARE_PAGE: Final = "pages/compare.py"
OVERVIEW_PAGE: Final = "pages/overview.py"
ABOUT_PAGE: Final = "pages/about.py"
PRESENT_PAGE: Final = "pages/present.py"
WORKSHOP_PAGE: Final = "pages/workshop.py"
EDIT_PAGE: Final = "pages/edit.py"
EDITIONS_PAGE: Final = "pages/editions.py"
IMPORT_PAGE: Final = "pages/import_data.py"
EXPORT_PAGE: Final = "pages/export.py"
SIGN_IN_PAGE: Final = "pages/sign_in.py"

Visibility = Literal["visible", "hidden"]


def pages(lang: Lang, *, for_editors: Visibility, sign_in: Visibility) -> list[st.Page]:
    """Every page of the app, in menu order.

    ``for_editors`` shows or hides the editing pages in the menu; they are
    always registered, so a direct link reaches the page and its refusal.
    ``sign_in`` does the same for the sign-in page.
    """
    return [
        st.Page(RADAR_PAGE, title=t("page.radar", lang), icon=":material/radar:", default=True),
        st.Page(
            TECHNOLOGY_PAGE,
            title=t("page.technology", lang),
            icon=":material/timeline:",
            url_path="teknologi",
        ),
        st.Page(
            COMPARE_PAGE,
            title=t("page.compare", lang),
            icon=":material/compare_arrows:",
            url_path="sammenlign",
        ),
        st.Page(
            OVERVIEW_PAGE,
            title=t("page.overview", lang),
            icon=":material/grid_view:",
            url_path="overblik",
        ),
        st.Page(ABOUT_PAGE, title=t("page.about", lang), icon=":material/info:", url_path="om"),
        st.Page(
            PRESENT_PAGE,
            title=t("page.present", lang),
            icon=":material/slideshow:",
            url_path="praesenter",
        ),
        st.Page(
            WORKSHOP_PAGE,
            title=t("page.workshop", lang),
            icon=":material/groups:",
            url_path="workshop",
        ),
        st.Page(
            EDIT_PAGE,
            title=t("page.edit", lang),
            icon=":material/edit:",
            url_path="rediger",
            visibility=for_editors,
        ),
        st.Page(
            EDITIONS_PAGE,
            title=t("page.editions", lang),
            icon=":material/library_books:",
            url_path="udgaver",
            visibility=for_editors,
        ),
        st.Page(
            IMPORT_PAGE,
            title=t("page.import", lang),
            icon=":material/upload_file:",
            url_path="importer",
            visibility=for_editors,
        ),
        st.Page(
            EXPORT_PAGE,
            title=t("page.export", lang),
            icon=":material/download:",
            url_path="eksport",
        ),
        st.Page(
            SIGN_IN_PAGE,
            title=t("page.sign_in", lang),
            icon=":material/key:",
            url_path="redaktoer",
            visibility=sign_in,
        ),
    ]
