"""Export a radar: a handout for meetings, pictures, a web page, files for editing and other tools.

Viewers may export (leaders need the PDF and the PNG for council papers); only
published editions are offered. The file is made when asked, with progress for
the slow formats, and then offered for download.
"""

import logging
from datetime import date

import streamlit as st

from radar import exporting as exports
from radar.i18n import t
from radar.model import COMBINED_AREA, LANGUAGES
from radar.ui import cache as ui_data
from radar.ui import state, widgets

logger = logging.getLogger(__name__)

#: The formats in the order people need them: meetings, slides and print first.
FORMATS = ("pdf", "png", "svg", "html", "xlsx", "csv", "json", "byor-csv")
#: Session key of the last file made: (request, file name, bytes).
MADE = "_export_made"

lang = state.current_lang()
page = ui_data.page_data()
catalog = page.catalog

st.header(t("export.title", lang), anchor=False)
st.write(t("export.intro", lang))
st.caption((ui_data.notice(page.db, lang) + " " + t("export.published_only", lang)).strip())

areas = [COMBINED_AREA, *catalog.area_ids]
state.bind(state.AREA, areas, COMBINED_AREA)
area_col, edition_col, lang_col = st.columns([3, 1.3, 1.7], vertical_alignment="bottom")
with area_col:
    area = widgets.url_selectbox(
        state.AREA,
        t("filter.area", lang),
        areas,
        lambda a: widgets.area_label(catalog, a, lang),
    )
# The editions this area has assessments in (published only: drafts are never loaded).
years = sorted(ui_data.area_history(page.db, area)["edition"].unique().tolist(), reverse=True)
if not years:
    st.info(t("export.error.nothing", lang))
    st.stop()
default_edition = ui_data.default_edition(page.db)
latest = default_edition if default_edition in years else years[0]
state.bind(state.EDITION, years, latest, int)
with edition_col:
    edition = widgets.url_selectbox(state.EDITION, t("filter.edition", lang), years, str)
with lang_col:
    file_lang = st.selectbox(
        t("export.lang", lang),
        LANGUAGES,
        index=LANGUAGES.index(lang),
        format_func=lambda code: t(f"lang.{code}", lang),
        key="export_lang",
    )
state.publish(state.AREA, COMBINED_AREA)
state.publish(state.EDITION, latest)

fmt = st.radio(
    t("export.format", lang),
    FORMATS,
    format_func=lambda f: t(f"export.format.{f}", lang),
    captions=[t(f"export.format.{f}.use", lang) for f in FORMATS],
    key="export_format",
)
# Our own format has a row per technology and area: "Samlet" means every area.
file_area = None if fmt in exports.OWN_FORMATS and area == COMBINED_AREA else area
if file_area is None:
    st.caption(t("export.all_areas", lang))
file_name = exports.export_file_name(fmt, file_area, edition)
today = date.today()
request = (fmt, file_area, edition, file_lang, today)

chromium_missing = False
if fmt in exports.CHROMIUM_FORMATS:
    # Starts the drawing browser while the user looks, so the first picture is quicker.
    chromium_missing = not exports.warm_up()
    if chromium_missing:
        st.warning(t("export.error.chromium", lang), icon=":material/warning:")

if st.button(
    t("export.make", lang),
    type="primary",
    icon=":material/description:",
    disabled=chromium_missing,
    key="export_make",
):
    st.session_state.pop(MADE, None)
    slow = fmt in exports.SLOW_FORMATS
    with st.status(t("export.making", lang, file=file_name), expanded=slow) as status:
        bar = st.progress(0.0)

        def report(fraction: float, message: str) -> None:
            bar.progress(min(max(fraction, 0.0), 1.0), text=message)

        try:
            # Made afresh, not cached: Streamlit cannot replay a progress bar on
            # a cache hit, and a file costs at most a few seconds.
            data = exports.export_radar(
                ui_data.connection(page.db),
                fmt,
                area=file_area,
                edition=edition,
                lang=file_lang,
                progress=report,
                printed=today,
            )
        except exports.ChromiumMissingError:
            status.update(label=t("export.failed", lang), state="error")
            st.warning(t("export.error.chromium", lang))
        except exports.NothingToExportError:
            status.update(label=t("export.failed", lang), state="error")
            st.info(t("export.error.nothing", lang))
        except exports.ExportError:
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

made = st.session_state.get(MADE)
# Only the file of what is chosen now: after a change the old file would mislead.
if made is not None and made[0] == request:
    st.download_button(
        # The name is ours (a slug and a year), so it needs no Markdown escaping.
        t("export.download", lang, file=made[1]),
        data=made[2],
        file_name=made[1],
        mime=exports.EXPORT_MEDIA_TYPES[fmt],
        on_click="ignore",
        type="primary",
        icon=":material/download:",
        key="export_download",
    )
