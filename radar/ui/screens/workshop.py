"""The facilitator's page (``/workshop``), for signed-in facilitators and editors.

Without parameters it lists the signed-in person's workshops (an editor's:
every workshop) and shows the form to create one. ``id`` opens one
workshop's code, QR code, live view and controls, but only for the
facilitator who created it, its co-facilitators or an editor (``join_as``,
a co-facilitator's invitation key, adds the signed-in person first): the id
names the workshop, it grants nothing (:mod:`radar.workshop.access`).
``projector`` (the workshop's projector key, never its id) shows the code,
QR code and live view alone, large, for the room, without signing in and without any control; with
``present=1`` in presenter mode's chrome; while the facilitator hides the
results it shows only how many joined and answered, and while the workshop is
moderated only the comments the facilitator approved. It follows ``lang`` like
every page.

Everything people typed (titles, comments) is shown as plain text; there are
no participant names to show.
"""

from __future__ import annotations

import re
from typing import Final

import streamlit as st

from radar import theme, workshop
from radar.auth import Role, User
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui import auth, state
from radar.ui import cache as ui_data
from radar.ui.components import presenter, projector
from radar.ui.components.text import plain
from radar.ui.components.workshop_common import about, projector_link
from radar.ui.components.workshop_controls import close_section, export_section, results_switch
from radar.ui.components.workshop_create import create_form
from radar.ui.components.workshop_keys import (
    CODE_BOX,
    ID,
    JOIN_AS,
    JUST_CREATED,
    NEW_WORKSHOP,
    PROJECTOR_KEY,
    PROJECTOR_LINK,
)
from radar.ui.components.workshop_live import live_view
from radar.ui.components.workshop_local import consensus_section
from radar.ui.components.workshop_manage import delete_section, deleted_notice, my_workshops
from radar.ui.components.workshop_moderation import moderation_queue, moderation_switch
from radar.ui.components.workshop_pacing import pacing_section
from radar.ui.components.workshop_priorities import priorities_section
from radar.ui.components.workshop_remote import remote_section
from radar.ui.components.workshop_style import FACILITATOR_CSS, PROJECTOR_CSS
from radar.ui.components.workshop_team import accept, joined_notice, team_section
from radar.workshop import Workshop

#: Workshop ids and projector keys are 32 hex digits (``secrets.token_hex(16)``);
#: anything else is unknown without asking the database.
_KEY_PATTERN: Final = re.compile(r"[0-9a-f]{32}")


def render() -> None:
    """The facilitator's page, in the language of the session."""
    facilitator_page(state.current_lang())


def facilitator_page(lang: Lang) -> None:
    """The projector's view; or, signed in, the list and create form, or one workshop."""
    projector_key = st.query_params.get(PROJECTOR_KEY, "")
    if projector_key:
        _projector_page(projector_key, lang)
        return
    user = auth.require_role(Role.FACILITATOR, lang)
    invitation = st.query_params.get(JOIN_AS, "")
    if invitation:
        # A co-facilitator's invitation, opened signed in: added, then sent to the workshop.
        accept(ui_data.workshop_connection(), invitation, user)
        return
    workshop_id = st.query_params.get(ID, "")
    if not workshop_id:
        joined_notice(None, lang)
        deleted_notice(lang)
        my_workshops(ui_data.workshop_connection(), user, lang)
        create_form(lang, user)
        return
    if presenter.PRESENT in st.query_params:
        # The controls are never in presenter mode: the projector has its own link.
        del st.query_params[presenter.PRESENT]
        st.rerun()
    con = ui_data.workshop_connection()
    ws = _workshop_for(con, workshop_id, user)
    if ws is None:
        st.info(t("facilitator.unknown", lang), icon=":material/search_off:")
        st.button(t("facilitator.new", lang), key=NEW_WORKSHOP, on_click=_forget_workshop)
        return
    control_view(con, ws, user, lang)


def _workshop_for(con: Connection, workshop_id: str, user: User) -> Workshop | None:
    """The workshop if ``user`` may run it; None as well when it exists but is someone else's."""
    if not _KEY_PATTERN.fullmatch(workshop_id):
        return None
    try:
        ws = workshop.get_workshop(con, workshop_id)
    except workshop.WorkshopNotFoundError:
        return None
    # Another facilitator's workshop looks like no workshop: the id tells nothing.
    return ws if workshop.may_run(ws, user) else None


def _forget_workshop() -> None:
    for key in (ID, presenter.PRESENT):
        if key in st.query_params:
            del st.query_params[key]


def _projector_page(projector_key: str, lang: Lang) -> None:
    con = ui_data.workshop_connection()
    try:
        if not _KEY_PATTERN.fullmatch(projector_key):
            raise workshop.WorkshopNotFoundError("workshop.error.no_such_workshop")
        ws = workshop.find_projector(con, projector_key)
    except workshop.WorkshopNotFoundError:
        st.info(t("facilitator.projector.unknown", lang), icon=":material/search_off:")
        return
    projector_view(con, ws, lang)


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


def control_view(con: Connection, ws: Workshop, user: User, lang: Lang) -> None:
    """The facilitator's laptop: header, code, link, QR code, live view and the controls."""
    st.html(FACILITATOR_CSS)
    link = workshop.join_link(workshop.resolve_base_url(), ws.code)
    st.header(plain(ws.title), anchor=False)
    st.caption(plain(about(ws, lang)))
    if st.session_state.get(JUST_CREATED) == ws.id:
        st.success(t("facilitator.created", lang), icon=":material/check_circle:")
    joined_notice(ws, lang)
    code_col, qr_col = st.columns([3, 2])
    with code_col:
        _code(ws, lang)
        st.caption(t("facilitator.join_link", lang))
        st.code(link, language=None, wrap_lines=True)
        st.caption(t("facilitator.join_how", lang))
        if workshop.resolve_base_url() == workshop.DEFAULT_BASE_URL:
            st.caption(plain(t("facilitator.base_url_hint", lang, url=workshop.DEFAULT_BASE_URL)))
    with qr_col:
        st.image(
            workshop.qr_png(link), width=theme.WORKSHOP_QR_WIDTH, alt=t("facilitator.qr_alt", lang)
        )
    with st.container(key=PROJECTOR_LINK):
        st.caption(t("facilitator.projector.link", lang))
        st.link_button(
            t("facilitator.projector", lang),
            projector_link(ws),
            icon=":material/present_to_all:",
            help=t("facilitator.projector.help", lang),
        )
    remote_section(con, ws, lang)
    st.divider()
    pacing_section(con, ws, lang)
    st.divider()
    st.subheader(t("facilitator.live.heading", lang), anchor=False)
    results_switch(con, ws, lang)
    moderation_switch(con, ws, user, lang)
    live_view(con, ws.id, lang, projector=False, refresh=ws.is_open())
    moderation_queue(con, ws, user, lang, refresh=ws.is_open())
    st.divider()
    priorities_section(con, ws, lang, projector=False, refresh=ws.is_open())
    st.divider()
    close_section(con, ws, lang)
    export_section(con, ws, lang)
    consensus_section(con, ws, user, lang)
    team_section(con, ws, user, lang)
    # Co-facilitators run the session; its creator (or an editor) deletes it.
    if workshop.may_manage(ws, user):
        delete_section(con, ws, user, lang)


def projector_view(con: Connection, ws: Workshop, lang: Lang) -> None:
    """The projector: the title, the live view large, the code and QR code beside it.

    Reached by the projector's own key: no control, nothing that grants rights.
    """
    projector.apply_chrome()
    st.html(FACILITATOR_CSS + PROJECTOR_CSS)
    link = workshop.join_link(workshop.resolve_base_url(), ws.code)
    main, side = st.columns(theme.WORKSHOP_PROJECTOR_COLUMNS, gap="large")
    with side:
        _code_and_qr(ws, link, lang, qr_width=theme.WORKSHOP_PROJECTOR_QR_WIDTH)
        if ws.is_open():
            st.text(link)
    with main:
        projector.caption_block(
            ws.title, kicker=about(ws, lang), key=f"{projector.CAPTION_KEY}_workshop"
        )
        # Refreshed when closed too: the facilitator may reveal (or hide) the
        # results after closing, and the projector's browser has no other way to hear it.
        live_view(con, ws.id, lang, projector=True, refresh=True)
        priorities_section(con, ws, lang, projector=True, refresh=True)
