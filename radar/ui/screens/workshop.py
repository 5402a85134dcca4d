"""The facilitator's page (``/workshop``).

Without ``id`` it shows the form to create a workshop, and nothing else:
other people's workshops are not listed. ``id`` (the workshop's random id) is
the facilitator's key: it opens the workshop's code, QR code, live view and
controls. ``present=1`` shows the code and the live view alone, large, for a
projector (presenter mode's chrome). It follows ``lang`` like every page.

Everything people typed (titles, names, comments) is shown as plain text, and
the facilitator sees no names at all.
"""

from __future__ import annotations

import re
from typing import Final

import streamlit as st

from radar import theme, workshop
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.components import presenter, projector
from radar.ui.components.text import plain
from radar.ui.components.workshop_common import about, facilitator_link
from radar.ui.components.workshop_controls import close_section, consensus_section, export_section
from radar.ui.components.workshop_create import create_form
from radar.ui.components.workshop_keys import CODE_BOX, ID, JUST_CREATED, NEW_WORKSHOP, PROJECTOR
from radar.ui.components.workshop_live import live_view
from radar.ui.components.workshop_style import FACILITATOR_CSS, PROJECTOR_CSS
from radar.workshop import Workshop

#: The facilitator's id is 32 hex digits (``secrets.token_hex(16)``); anything
#: else is unknown without asking the database.
_ID_PATTERN: Final = re.compile(r"[0-9a-f]{32}")


def render() -> None:
    """The facilitator's page, in the language of the session."""
    facilitator_page(state.current_lang())


def facilitator_page(lang: Lang) -> None:
    """The facilitator's page: the create form, or one workshop's code, live view and controls."""
    workshop_id = st.query_params.get(ID, "")
    if not workshop_id:
        create_form(lang)
        return
    con = ui_data.workshop_connection()
    try:
        if not _ID_PATTERN.fullmatch(workshop_id):
            raise workshop.WorkshopNotFoundError("workshop.error.no_such_workshop")
        ws = workshop.get_workshop(con, workshop_id)
    except workshop.WorkshopNotFoundError:
        st.info(t("facilitator.unknown", lang), icon=":material/search_off:")
        st.button(t("facilitator.new", lang), key=NEW_WORKSHOP, on_click=_forget_workshop)
        return
    if presenter.presenting():
        projector_view(con, ws, lang)
    else:
        control_view(con, ws, lang)


def _forget_workshop() -> None:
    for key in (ID, presenter.PRESENT):
        if key in st.query_params:
            del st.query_params[key]


def _projector_changed() -> None:
    if st.session_state.get(PROJECTOR):
        st.query_params[presenter.PRESENT] = "1"
    elif presenter.PRESENT in st.query_params:
        del st.query_params[presenter.PRESENT]


def projector_toggle(lang: Lang) -> None:
    """The "Projektor" switch, kept in ``?present=1`` (the entry point hides its chrome then)."""
    st.session_state[PROJECTOR] = presenter.presenting()
    st.toggle(
        t("facilitator.projector", lang),
        key=PROJECTOR,
        help=t("facilitator.projector.help", lang),
        on_change=_projector_changed,
    )


def _code(ws: Workshop, lang: Lang) -> None:
    """The join code in big type."""
    st.caption(t("facilitator.code", lang))
    with st.container(key=CODE_BOX):
        st.markdown(plain(ws.display_code))


def _code_and_qr(ws: Workshop, link: str, lang: Lang, *, qr_width: int) -> None:
    _code(ws, lang)
    if ws.is_open():
        st.image(workshop.qr_png(link), width=qr_width, alt=t("facilitator.qr_alt", lang))
        st.caption(t("facilitator.join_how", lang))


def control_view(con: Connection, ws: Workshop, lang: Lang) -> None:
    """The facilitator's laptop: header, code, link, QR code, live view and the controls."""
    st.html(FACILITATOR_CSS)
    link = workshop.join_link(workshop.resolve_base_url(), ws.code)
    head, switch = st.columns([4, 1], vertical_alignment="center")
    with head:
        st.header(plain(ws.title), anchor=False)
        st.caption(plain(about(ws, lang)))
    with switch:
        projector_toggle(lang)
    if st.session_state.get(JUST_CREATED) == ws.id:
        st.success(t("facilitator.created", lang), icon=":material/check_circle:")
        st.warning(t("facilitator.keep_link", lang), icon=":material/key:")
        st.code(facilitator_link(ws), language=None)
    code_col, qr_col = st.columns([3, 2])
    with code_col:
        _code(ws, lang)
        st.caption(t("facilitator.join_link", lang))
        st.code(link, language=None)
        st.caption(t("facilitator.join_how", lang))
        if workshop.resolve_base_url() == workshop.DEFAULT_BASE_URL:
            st.caption(plain(t("facilitator.base_url_hint", lang, url=workshop.DEFAULT_BASE_URL)))
    with qr_col:
        st.image(
            workshop.qr_png(link), width=theme.WORKSHOP_QR_WIDTH, alt=t("facilitator.qr_alt", lang)
        )
    st.divider()
    st.subheader(t("facilitator.live.heading", lang), anchor=False)
    live_view(con, ws.id, lang, projector=False, refresh=ws.is_open())
    st.divider()
    close_section(con, ws, lang)
    export_section(con, ws, lang)
    consensus_section(con, ws, lang)
    with st.expander(t("facilitator.own_link", lang), icon=":material/key:"):
        st.code(facilitator_link(ws), language=None)


def projector_view(con: Connection, ws: Workshop, lang: Lang) -> None:
    """The projector: the title, the live view large, the code and QR code beside it.

    Never shows the facilitator's link: the room sees the screen.
    """
    projector.apply_chrome()
    st.html(FACILITATOR_CSS + PROJECTOR_CSS)
    link = workshop.join_link(workshop.resolve_base_url(), ws.code)
    main, side = st.columns(theme.WORKSHOP_PROJECTOR_COLUMNS, gap="large")
    with side:
        _code_and_qr(ws, link, lang, qr_width=theme.WORKSHOP_PROJECTOR_QR_WIDTH)
        if ws.is_open():
            st.text(link)
        projector_toggle(lang)
    with main:
        projector.caption_block(
            ws.title, kicker=about(ws, lang), key=f"{projector.CAPTION_KEY}_workshop"
        )
        live_view(con, ws.id, lang, projector=True, refresh=ws.is_open())
