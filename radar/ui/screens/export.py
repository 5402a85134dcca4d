"""The export screen: a handout for meetings, pictures, a web page, files for other tools.

Viewers may export (leaders need the PDF and the PNG for council papers); only
published editions are offered. The file is made when asked, with progress for
the slow formats, and then offered for download.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Final

import streamlit as st

from radar import exporting
from radar.i18n import t
from radar.model import COMBINED_AREA, LANGUAGES, Catalog, Lang
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.components.filters import url_selectbox
from radar.ui.components.labels import area_label

logger = logging.getLogger(__name__)

#: The formats in the order people need them: meetings, slides and print first.
FORMATS: Final[tuple[str, ...]] = ("pdf", "png", "svg", "html", "xlsx", "csv", "json", "byor-csv")
#: Each format's name and what it is for, as text keys.
FORMAT_KEYS: Final[dict[str, tuple[str, str]]] = {
    "pdf": ("export.format.pdf", "export.format.pdf.use"),
    "png": ("export.format.png", "export.format.png.use"),
    "svg": ("export.format.svg", "export.format.svg.use"),
    "html": ("export.format.html", "export.format.html.use"),
    "xlsx": ("export.format.xlsx", "export.format.xlsx.use"),
    "csv": ("export.format.csv", "export.format.csv.use"),
    "json": ("export.format.json", "export.format.json.use"),
    "byor-csv": ("export.format.byor-csv", "export.format.byor-csv.use"),
}
#: Each language's name, as text keys.
LANGUAGE_KEYS: Final[dict[str, str]] = {"da": "lang.da", "en": "lang.en"}
#: Session key of the last file made: (request, file name, bytes).
MADE: Final[str] = "_export_made"

#: What a file is made of: format, area (None: every area), edition, language, date.
Request = tuple[str, str | None, int, Lang, date]


def render() -> None:
    """Draw the export screen."""
    lang = state.current_lang()
    page = ui_data.page_data()
    catalog = page.catalog

    st.header(t("export.title", lang), anchor=False)
    st.write(t("export.intro", lang))
    st.caption((ui_data.notice(page.db, lang) + " " + t("export.published_only", lang)).strip())

    chosen = _choose_radar(page.db, catalog, lang)
    if chosen is None:
        st.info(t("export.error.nothing", lang))
        return
    area, edition, file_lang = chosen

    fmt = st.radio(
        t("export.format", lang),
        FORMATS,
        format_func=lambda f: t(FORMAT_KEYS[f][0], lang),
        captions=[t(FORMAT_KEYS[f][1], lang) for f in FORMATS],
        key="export_format",
    )
    # Our own format has a row per technology and area: "Samlet" means every area.
    file_area = None if fmt in exporting.OWN_FORMATS and area == COMBINED_AREA else area
    if file_area is None:
        st.caption(t("export.all_areas", lang))
    file_name = exporting.export_file_name(fmt, file_area, edition)
    request: Request = (fmt, file_area, edition, file_lang, date.today())

    chromium_missing = False
    if fmt in exporting.CHROMIUM_FORMATS:
        # Starts the drawing browser while the user looks, so the first picture is quicker.
        chromium_missing = not exporting.warm_up()
        if chromium_missing:
            st.warning(t("export.error.chromium", lang), icon=":material/warning:")

    if st.button(
        t("export.make", lang),
        type="primary",
        icon=":material/description:",
        disabled=chromium_missing,
        key="export_make",
    ):
        _make_file(page.db, request, file_name, lang)
    _offer_download(request, lang)


def _choose_radar(db: str, catalog: Catalog, lang: Lang) -> tuple[str, int, Lang] | None:
    """The area, edition and file language chosen; None when the area has no edition."""
    areas = [COMBINED_AREA, *catalog.area_ids]
    state.bind(state.AREA, areas, COMBINED_AREA)
    area_col, edition_col, lang_col = st.columns([3, 1.3, 1.7], vertical_alignment="bottom")
    with area_col:
        area = url_selectbox(
            state.AREA,
            t("filter.area", lang),
            areas,
            lambda a: area_label(catalog, a, lang),
        )
    # The editions this area has assessments in (published only: drafts are never loaded).
    years = sorted(ui_data.area_history(db, area)["edition"].unique().tolist(), reverse=True)
    if not years:
        return None
    default_edition = ui_data.default_edition(db)
    latest = default_edition if default_edition in years else years[0]
    state.bind(state.EDITION, years, latest, int)
    with edition_col:
        edition = url_selectbox(state.EDITION, t("filter.edition", lang), years, str)
    with lang_col:
        file_lang = st.selectbox(
            t("export.lang", lang),
            LANGUAGES,
            index=LANGUAGES.index(lang),
            format_func=lambda code: t(LANGUAGE_KEYS[code], lang),
            key="export_lang",
        )
    state.publish(state.AREA, COMBINED_AREA)
    state.publish(state.EDITION, latest)
    return area, edition, file_lang


def _make_file(db: str, request: Request, file_name: str, lang: Lang) -> None:
    """Make the file, showing its progress, and keep it for the download button."""
    fmt, file_area, edition, file_lang, today = request
    st.session_state.pop(MADE, None)
    slow = fmt in exporting.SLOW_FORMATS
    with st.status(t("export.making", lang, file=file_name), expanded=slow) as status:
        bar = st.progress(0.0)

        def report(fraction: float, message: str) -> None:
            bar.progress(min(max(fraction, 0.0), 1.0), text=message)

        try:
            # Made afresh, not cached: Streamlit cannot replay a progress bar on
            # a cache hit, and a file costs at most a few seconds.
            data = exporting.export_radar(
                ui_data.connection(db),
                fmt,
                area=file_area,
                edition=edition,
                lang=file_lang,
                progress=report,
                printed=today,
            )
        except exporting.ChromiumMissingError:
            status.update(label=t("export.failed", lang), state="error")
            st.warning(t("export.error.chromium", lang))
        except exporting.NothingToExportError:
            status.update(label=t("export.failed", lang), state="error")
            st.info(t("export.error.nothing", lang))
        except exporting.ExportError:
            # The reason (a Chromium message) is for the operators' log, not every viewer.
            logger.exception("export %s of %s %s failed", fmt, file_area, edition)
            status.update(label=t("export.failed", lang), state="error")
            st.error(t("export.error.render", lang))
        else:
            bar.progress(1.0, text=t("export.progress.done", lang))
            status.update(
                label=t("export.ready", lang, file=file_name), state="complete", expanded=False
            )
            st.session_state[MADE] = (request, file_name, data)


def _offer_download(request: Request, lang: Lang) -> None:
    """The download button of the file made for exactly what is chosen now."""
    made = st.session_state.get(MADE)
    # Only the file of what is chosen now: after a change the old file would mislead.
    if made is None or made[0] != request:
        return
    st.download_button(
        # The name is ours (a slug and a year), so it needs no Markdown escaping.
        t("export.download", lang, file=made[1]),
        data=made[2],
        file_name=made[1],
        mime=exporting.EXPORT_MEDIA_TYPES[request[0]],
        on_click="ignore",
        type="primary",
        icon=":material/download:",
        key="export_download",
    )
