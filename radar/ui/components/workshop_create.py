"""The facilitator's form to create a workshop: title, area, edition, technologies, closing,
and whether comments wait for approval."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Final

import streamlit as st

from radar import workshop
from radar.auth import User
from radar.i18n import sort_key, t
from radar.model import Lang
from radar.store import Connection
from radar.ui import cache as ui_data
from radar.ui.components.labels import area_label
from radar.ui.components.text import plain
from radar.ui.components.workshop_common import warn, zone
from radar.ui.components.workshop_keys import (
    FORM_AREA,
    FORM_CLOSE_DATE,
    FORM_CLOSE_TIME,
    FORM_CLOSES,
    FORM_CREATE,
    FORM_EDITION,
    FORM_MODERATED,
    FORM_TECHNOLOGIES,
    FORM_TITLE,
    ID,
    JUST_CREATED,
)
from radar.workshop import TITLE_LIMIT, WorkshopError, WorkshopTechnology

# Session state of the form (not widgets): which area and edition the options
# were read for, the area's technologies in that edition, and why reading them failed.
_OPTIONS_FOR: Final = "_ws_options_for"
_OPTIONS: Final = "_ws_options"
_OPTIONS_PROBLEM: Final = "_ws_options_problem"


def _area_options(radar_con: Connection, area: str, edition: int) -> dict[str, WorkshopTechnology]:
    """The area's technologies in the edition, by id, sorted by Danish name; none preselected.

    Read again only when the area or edition changes (not on every run). The
    technologies chosen so far stay chosen if the new area's radar has them
    too; the others go, so the list only ever holds the chosen area's.
    """
    if st.session_state.get(_OPTIONS_FOR) != (area, edition):
        st.session_state[_OPTIONS_FOR] = (area, edition)
        st.session_state[_OPTIONS_PROBLEM] = None
        try:
            listed = workshop.area_technologies(radar_con, area, edition)
        except WorkshopError as exc:
            listed = ()
            st.session_state[_OPTIONS_PROBLEM] = exc
        # By Danish name, whatever the language, so a language switch does not
        # reorder the list under the facilitator's search.
        ordered = sorted(listed, key=lambda x: (sort_key(x.name_da, "da"), x.id))
        offered = {x.id: x for x in ordered}
        st.session_state[_OPTIONS] = offered
        chosen = st.session_state.get(FORM_TECHNOLOGIES) or []
        st.session_state[FORM_TECHNOLOGIES] = [i for i in chosen if i in offered]
    options: dict[str, WorkshopTechnology] = st.session_state[_OPTIONS]
    return options


def _closing_time(lang: Lang) -> datetime | None:
    """The optional closing time, off by default, in the facilitator's time zone.

    The browser tells its time zone; without it the time is the server's local
    time (as :func:`radar.workshop.create_workshop` reads a naive one).
    """
    if not st.toggle(t("facilitator.closes", lang), key=FORM_CLOSES):
        return None
    browser_zone = zone()
    # Two hours from now, on the quarter hour: a typical workshop session.
    soon = datetime.now(browser_zone).replace(tzinfo=None) + timedelta(hours=2)
    soon = soon.replace(minute=soon.minute - soon.minute % 15, second=0, microsecond=0)
    st.session_state.setdefault(FORM_CLOSE_DATE, soon.date())
    st.session_state.setdefault(FORM_CLOSE_TIME, soon.time())
    day_col, time_col = st.columns(2)
    with day_col:
        day: date = st.date_input(
            t("facilitator.close_date", lang), key=FORM_CLOSE_DATE, format="DD.MM.YYYY"
        )
    with time_col:
        clock: time = st.time_input(t("facilitator.close_time", lang), key=FORM_CLOSE_TIME)
    return datetime.combine(day, clock, tzinfo=browser_zone)


def create_form(lang: Lang, user: User) -> None:
    """Title, area, edition, technologies, an optional closing time and moderation; creates it.

    The workshop records ``user`` as the facilitator who runs it. On success
    the page switches to ``?id=<id>``, which opens it for them.
    """
    page = ui_data.page_data()
    catalog = page.catalog
    radar_con = ui_data.connection(page.db)
    st.header(t("facilitator.create.heading", lang), anchor=False)
    st.caption(t("facilitator.create.intro", lang))
    st.text_input(
        t("facilitator.title", lang),
        key=FORM_TITLE,
        max_chars=TITLE_LIMIT,
        placeholder=t("facilitator.title.placeholder", lang),
    )
    years = list(catalog.years)
    latest = ui_data.default_edition(page.db)
    st.session_state.setdefault(FORM_EDITION, latest if latest in years else years[0])
    area_col, edition_col = st.columns([3, 1])
    with area_col:
        area = st.selectbox(
            t("filter.area", lang),
            options=list(catalog.area_ids),
            format_func=lambda a: area_label(catalog, a, lang),
            key=FORM_AREA,
        )
    with edition_col:
        edition = st.selectbox(t("filter.edition", lang), options=years, key=FORM_EDITION)
    offered = _area_options(radar_con, area, edition)
    problem = st.session_state.get(_OPTIONS_PROBLEM)
    if problem is not None:
        warn(problem, lang)
    # The chosen ones keep the order they were chosen in: the order participants get them.
    chosen = st.multiselect(
        t("facilitator.technologies", lang),
        options=list(offered),
        format_func=lambda i: offered[i].label(lang),
        key=FORM_TECHNOLOGIES,
        placeholder=t("facilitator.picker.placeholder", lang),
        help=t("facilitator.picker.help", lang),
        # Part of a name anywhere in it ("robot" finds "Softwarerobotter"): what
        # a facilitator looking for a technology expects.
        filter_mode="contains",
    )
    one = len(chosen) == 1
    count_key = "facilitator.technologies.count.one" if one else "facilitator.technologies.count"
    st.caption(t(count_key, lang, count=len(chosen)))
    closes_at = _closing_time(lang)
    # On unless the facilitator says otherwise: a careful municipality reads first.
    moderated = st.checkbox(
        t("facilitator.moderation.form", lang),
        value=True,
        key=FORM_MODERATED,
        help=t("facilitator.moderation.form.help", lang),
    )
    if not st.button(
        t("facilitator.create", lang), key=FORM_CREATE, type="primary", icon=":material/add:"
    ):
        return
    try:
        # None chosen: create_workshop says so, after the title, in the form's order.
        listed = workshop.area_technologies(radar_con, area, edition, chosen) if chosen else ()
        created = workshop.create_workshop(
            ui_data.workshop_connection(),
            title=st.session_state.get(FORM_TITLE) or "",
            catalog=catalog,
            area=area,
            edition=edition,
            technologies=listed,
            closes_at=closes_at,
            created_by=user,
            moderated=moderated,
        )
    except WorkshopError as exc:
        st.error(plain(exc.message(lang)))
        return
    st.session_state[JUST_CREATED] = created.id
    st.query_params[ID] = created.id
    st.rerun()
