"""Widgets shared by the pages: language toggle, filters, legend, details, table."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from radar.drawing.figure import OVERFLOW_KEY
from radar.i18n import t
from radar.model import COMBINED_AREA, DEFAULT_LANG, LANGUAGES, Catalog, Lang, Technology
from radar.pipeline.history import Movement
from radar.pipeline.view import AreaPlacement, TechnologyDetails, ViewFilter, movement_text
from radar.theme import MOVEMENT_MARKS
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.cache import PageData

#: Longest search text kept (and put in the URL).
MAX_QUERY = 200
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=])")


def plain(text: str) -> str:
    """Escape ``text`` for ``st.markdown``: data is shown as typed, never as markup.

    Colons and dollar signs are escaped too, so Streamlit's ``:red[...]``,
    ``:material/...:`` and LaTeX directives cannot be smuggled in.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def language_toggle(lang: Lang) -> None:
    """The visible Dansk / English switch, kept in ``?lang=``."""
    state.bind(state.LANG, LANGUAGES, DEFAULT_LANG)
    st.segmented_control(
        t("app.language", lang),
        options=list(LANGUAGES),
        format_func=lambda code: t(f"lang.{code}", lang),
        required=True,
        key=state.LANG,
        on_change=partial(state.remember, state.LANG),
        label_visibility="collapsed",
    )
    state.publish(state.LANG, DEFAULT_LANG)


def area_label(catalog: Catalog, area: str, lang: Lang) -> str:
    """An area's name, or the combined radar's."""
    return t("area.samlet", lang) if area == COMBINED_AREA else catalog.area(area).label(lang)


def view_filters(catalog: Catalog, lang: Lang, default_edition: int | None) -> ViewFilter:
    """The filter row; every filter is kept in its URL parameter."""
    areas = [COMBINED_AREA, *catalog.area_ids]
    years = list(catalog.years)
    latest = default_edition if default_edition in years else years[0]
    # (URL parameter, valid values or None for any, default, parser)
    params: tuple[tuple[str, Sequence[Any] | None, Any, Callable[[str], Any]], ...] = (
        (state.AREA, areas, COMBINED_AREA, str),
        (state.EDITION, years, latest, int),
        (state.SECTOR, catalog.sector_ids, None, str),
        (state.RING, catalog.ring_ids, None, str),
        (state.QUERY, None, "", lambda raw: raw[:MAX_QUERY]),
        (state.CHANGED, (True, False), False, state.parse_flag),
    )
    for key, valid, default, parse in params:
        state.bind(key, valid, default, parse)

    area_col, edition_col, sector_col, ring_col, query_col, changed_col = st.columns(
        [3, 1.3, 2.4, 1.8, 2.5, 1.5], vertical_alignment="bottom"
    )
    with area_col:
        area = url_selectbox(
            state.AREA, t("filter.area", lang), areas, lambda a: area_label(catalog, a, lang)
        )
    with edition_col:
        edition = url_selectbox(state.EDITION, t("filter.edition", lang), years, str)
    with sector_col:
        sector = sector_select(catalog, lang)
    with ring_col:
        ring = ring_select(catalog, lang)
    with query_col:
        query = st.text_input(
            t("filter.query", lang),
            placeholder=t("filter.query.placeholder", lang),
            max_chars=MAX_QUERY,
            key=state.QUERY,
            on_change=partial(state.remember, state.QUERY),
        )
    with changed_col:
        changed = st.toggle(
            t("filter.changed", lang),
            help=t("filter.changed.help", lang),
            key=state.CHANGED,
            on_change=partial(state.remember, state.CHANGED),
        )
    for key, _, default, _ in params:
        state.publish(key, default)
    return ViewFilter(
        area=area or COMBINED_AREA,
        edition=edition if edition is not None else latest,
        sector=sector,
        ring=ring,
        query=(query or "").strip(),
        changed=bool(changed),
    )


def sector_select(catalog: Catalog, lang: Lang) -> str | None:
    """The category filter (kept in ``?sector=``); None means every category."""
    return url_selectbox(
        state.SECTOR,
        t("filter.sector", lang),
        catalog.sector_ids,
        lambda s: catalog.sector(s).label(lang),
        everything=t("filter.sector.all", lang),
    )


def ring_select(catalog: Catalog, lang: Lang) -> str | None:
    """The ring filter (kept in ``?ring=``); None means every ring."""
    return url_selectbox(
        state.RING,
        t("filter.ring", lang),
        catalog.ring_ids,
        lambda r: catalog.ring(r).label(lang),
        everything=t("filter.ring.all", lang),
    )


def url_selectbox(
    key: str,
    label: str,
    options: Sequence[Any],
    format_func: Callable[[Any], str],
    *,
    everything: str | None = None,
) -> Any:
    """A selectbox kept in URL parameter ``key``; with ``everything``, empty means all."""
    return st.selectbox(
        label,
        options=list(options),
        format_func=format_func,
        key=key,
        on_change=partial(state.remember, key),
        **({"index": None, "placeholder": everything} if everything else {}),
    )


def view_switch(lang: Lang) -> str:
    """Radar or table, kept in ``?view=``."""
    modes = ["radar", "table"]
    state.bind(state.VIEW, modes, modes[0])
    mode = st.segmented_control(
        t("filter.view", lang),
        options=modes,
        format_func=lambda v: t(f"view.{v}", lang),
        required=True,
        key=state.VIEW,
        on_change=partial(state.remember, state.VIEW),
        label_visibility="collapsed",
    )
    state.publish(state.VIEW, modes[0])
    return mode


def _legend_changed(key: str) -> None:
    chosen = st.session_state.get(key)
    if chosen:
        state.select_tech(chosen)
    else:
        state.close_details()


def legend(view: pd.DataFrame, data: PageData, lang: Lang, selected: str | None) -> None:
    """Numbered lists per sector, as on a printed radar; a click opens details.

    Numbers run ring by ring within a sector, and a caption gives each ring's
    numbers. One pill group per sector: twenty groups (sector × ring) took the
    browser a second longer to draw. Only the blips that pass the filters and
    the search are listed, hidden "+N" blips included, so every technology
    stays reachable.
    """
    catalog = data.catalog
    listed = view[view["visible"] & view["match"]]
    st.markdown(f"**{t('legend.title', lang)}**")
    numbers = dict(zip(listed["id"], listed["number"], strict=True))
    # Only changes get a mark, so the eye finds them; unchanged is the quiet default.
    marks = {
        i: f" {MOVEMENT_MARKS[m]}"
        for i, m in zip(listed["id"], listed["movement"], strict=True)
        if m != Movement.SAME
    }
    for sector in catalog.sectors:
        in_sector = listed[listed["sector"] == sector.id]
        if in_sector.empty:
            continue
        key = f"legend_{sector.id}"
        options = in_sector["id"].tolist()
        st.session_state[key] = selected if selected in options else None
        st.pills(
            plain(sector.label(lang)),
            options=options,
            format_func=lambda i: plain(
                f"{numbers[i]}. {_name(data.technologies, i, lang)}{marks.get(i, '')}"
            ),
            selection_mode="single",
            key=key,
            on_change=_legend_changed,
            args=(key,),
            wrap=True,
        )
        st.caption(_ring_ranges(in_sector, catalog, lang))


def movement_key(
    view: pd.DataFrame,
    gone: pd.DataFrame,
    edition: int,
    since: int | None,
    data: PageData,
    lang: Lang,
) -> None:
    """What the blip shapes mean, how many changed, and what left the radar.

    ``since`` is the area's previous edition (None for its first) and ``gone``
    the blips of that edition that are not on this one
    (:func:`radar.pipeline.history.dropped`).
    """
    if since is None:
        st.caption(plain(t("legend.movement.first", lang, edition=edition)))
        return
    moves = view["movement"].value_counts()
    st.caption(
        f"**{plain(t('legend.movement', lang, edition=since))}**  \n"
        + plain(t("legend.movement.shapes", lang))
        + "  \n"
        + plain(
            t(
                "legend.movement.counts",
                lang,
                new=int(moves.get(Movement.NEW, 0)),
                moved_in=int(moves.get(Movement.IN, 0)),
                moved_out=int(moves.get(Movement.OUT, 0)),
                dropped=len(gone),
            )
        )
        + (
            " · " + plain(t("legend.movement.returned", lang, count=returned))
            if (returned := int(view["returned"].sum()))
            else ""
        )
    )
    if not gone.empty:
        names = ", ".join(sorted(_name(data.technologies, i, lang) for i in gone["id"]))
        st.caption(plain(t("legend.dropped", lang, edition=since, names=names)))


def _ring_ranges(entries: pd.DataFrame, catalog: Catalog, lang: Lang) -> str:
    """Which numbers sit in which ring, e.g. "KLAR 1-2 · AFPRØV 3-20"."""
    parts = []
    for ring in catalog.rings:
        numbers = entries.loc[entries["ring"] == ring.id, "number"]
        if numbers.empty:
            continue
        low, high = int(numbers.min()), int(numbers.max())
        span = str(low) if low == high else f"{low}–{high}"
        parts.append(f"{plain(ring.label(lang))} {span}")
    return " · ".join(parts)


def _name(technologies: dict[str, Technology], technology_id: str, lang: Lang) -> str:
    tech = technologies.get(technology_id)
    return tech.label(lang) if tech else technology_id


def overflow_list(view: pd.DataFrame, data: PageData, lang: Lang) -> None:
    """The blips hidden behind a clicked "+N" marker, each one click from its details."""
    cell = st.session_state.get(state.OVERFLOW_CELL)
    if not cell:
        return
    sector, ring = cell
    hidden = view[(view["sector"] == sector) & (view["ring"] == ring) & ~view["shown"]]
    if hidden.empty:
        return
    with st.container(border=True):
        st.markdown(
            "**"
            + plain(
                t(
                    "radar.overflow_title",
                    lang,
                    sector=data.catalog.sector(sector).label(lang),
                    ring=data.catalog.ring(ring).label(lang),
                )
            )
            + "**"
        )
        key = "overflow_pick"
        st.session_state[key] = None
        numbers = dict(zip(hidden["id"], hidden["number"], strict=True))
        st.pills(
            t("legend.title", lang),
            options=hidden["id"].tolist(),
            format_func=lambda i: plain(f"{numbers[i]}. {_name(data.technologies, i, lang)}"),
            key=key,
            on_change=_legend_changed,
            args=(key,),
            label_visibility="collapsed",
            wrap=True,
        )


def _percent(value: float) -> str:
    return f"{value:.0%}"


def details_panel(
    details: TechnologyDetails | None,
    technology_id: str,
    area: str,
    view: pd.DataFrame,
    data: PageData,
    lang: Lang,
) -> None:
    """A technology's story: description, scores, ring per area, cases, ring meaning."""
    catalog = data.catalog
    with st.container(border=True, key="details"):
        head, close = st.columns([3, 1], vertical_alignment="top")
        with close:
            st.button(
                t("details.close", lang),
                key="close_details",
                on_click=state.close_details,
                icon=":material/close:",
            )
        if details is None:
            with head:
                st.warning(t("details.not_found", lang, id=plain(technology_id)))
            return
        tech = details.technology
        row = view[view["id"] == tech.id]
        number = f"{int(row['number'].iloc[0])}. " if not row.empty else ""
        with head:
            st.subheader(plain(f"{number}{tech.label(lang)}"), anchor=False)
            st.caption(plain(catalog.sector(tech.sector).label(lang)))
        placement = details.placement(area)
        area_name = area_label(catalog, area, lang)
        if placement is None:
            st.info(
                t(
                    "details.not_on_radar",
                    lang,
                    name=plain(tech.label(lang)),
                    area=plain(area_name),
                    edition=details.edition,
                )
            )
        else:
            ring = catalog.ring(placement.ring)
            st.markdown(
                t(
                    "details.ring_here",
                    lang,
                    ring=plain(ring.label(lang)),
                    area=plain(area_name),
                    edition=details.edition,
                )
            )
            if not row.empty:
                st.caption(
                    plain(
                        f"{MOVEMENT_MARKS[row['movement'].iloc[0]]} "
                        + movement_text(row.iloc[0].to_dict(), catalog, lang)
                    )
                )
        st.text(tech.description(lang))
        st.page_link(
            "pages/technology.py",
            label=t("details.history_link", lang),
            icon=":material/timeline:",
            query_params={"tech": tech.id, "lang": lang},
        )
        if placement is not None:
            _scores(placement, catalog, lang)
        _rings_by_area(details, catalog, lang)
        cases(details, lang)
        if placement is not None:
            ring = catalog.ring(placement.ring)
            with st.expander(t("details.ring_meaning", lang, ring=plain(ring.label(lang)))):
                st.text(ring.description(lang))


def _scores(placement: AreaPlacement, catalog: Catalog, lang: Lang) -> None:
    st.markdown(f"**{t('details.scores', lang)}**")
    if not placement.has_scores:
        # An imported radar states its rings; there are no scores to show.
        st.caption(t("details.stated_ring", lang, reason=plain(placement.override_reason or "")))
        return
    maturity, spread, score = st.columns(3)
    trl = placement.maturity_trl
    maturity.metric(
        t("details.maturity", lang),
        t("details.maturity_value", lang, trl=trl)
        if trl is not None
        else t("details.maturity_avg", lang, value=placement.maturity),
    )
    spread.metric(t("details.spread", lang), _percent(placement.spread))
    score.metric(t("details.score", lang), _percent(placement.score))
    st.caption(
        t(
            "details.shares",
            lang,
            op=placement.share_operation,
            pilot=placement.share_pilot,
            cons=placement.share_considering,
            not_cons=placement.share_not_considering,
        )
    )
    if placement.override_reason:
        st.info(
            t(
                "details.override",
                lang,
                ring=plain(catalog.ring(placement.ring).label(lang)),
                computed=plain(catalog.ring(placement.computed_ring).label(lang)),
                reason=plain(placement.override_reason),
            ),
            icon=":material/edit_note:",
        )


def _rings_by_area(details: TechnologyDetails, catalog: Catalog, lang: Lang) -> None:
    st.markdown(f"**{t('details.by_area', lang)}**")
    rows = []
    for area in catalog.areas:
        placement = details.placement(area.id)
        rows.append(
            {
                t("column.area", lang): area.label(lang),
                t("column.ring", lang): catalog.ring(placement.ring).label(lang)
                if placement
                else t("details.not_assessed", lang),
                t("column.score", lang): placement.score * 100 if placement else None,
            }
        )
    if details.combined is not None:
        rows.append(
            {
                t("column.area", lang): t("area.samlet", lang),
                t("column.ring", lang): catalog.ring(details.combined.ring).label(lang),
                t("column.score", lang): details.combined.score * 100,
            }
        )
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        column_config={
            t("column.score", lang): st.column_config.ProgressColumn(
                t("column.score", lang), min_value=0, max_value=100, format="%.0f%%"
            )
        },
    )


def cases(details: TechnologyDetails, lang: Lang) -> None:
    """A technology's example cases from municipalities, each with its source link."""
    st.markdown(f"**{t('details.cases', lang)}**")
    if not details.cases:
        st.caption(t("details.no_cases", lang))
        return
    for case in details.cases:
        st.markdown(f"**{plain(case.title(lang))}**  \n{plain(case.municipality)}, {case.year}")
        st.text(case.text(lang))
        if case.source_url.startswith(("https://", "http://")):
            st.link_button(t("details.case_source", lang), case.source_url, type="tertiary")


def table_view(view: pd.DataFrame, data: PageData, lang: Lang, selected: str | None) -> None:
    """The radar as a table: same filters, search narrows the rows; a row opens details."""
    catalog = data.catalog
    rows = view[view["visible"] & view["match"]]
    frame = pd.DataFrame(
        {
            t("column.number", lang): rows["number"].astype(int),
            t("column.name", lang): [_name(data.technologies, i, lang) for i in rows["id"]],
            t("column.sector", lang): [catalog.sector(s).label(lang) for s in rows["sector"]],
            t("column.ring", lang): [catalog.ring(r).label(lang) for r in rows["ring"]],
            t("movement.column", lang): [
                f"{MOVEMENT_MARKS[m]} {t(f'movement.label.{m}', lang)}" for m in rows["movement"]
            ],
            t("column.maturity", lang): rows["maturity"] * 100,
            t("column.spread", lang): rows["spread"] * 100,
            t("column.summary", lang): [
                data.technologies[i].summary(lang) if i in data.technologies else ""
                for i in rows["id"]
            ],
        }
    )
    ids: Sequence[str] = rows["id"].tolist()

    key = state.selection_key("radar_table")

    def table_changed() -> None:
        picked = st.session_state[key]["selection"]["rows"]
        if picked:
            state.select_tech(ids[picked[0]])
        else:
            state.close_details()

    st.caption(t("table.caption", lang))
    percent = {"min_value": 0, "max_value": 100, "format": "%.0f%%"}
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(frame), 720),
        key=key,
        on_select=table_changed,
        selection_mode="single-row",
        column_config={
            t("column.maturity", lang): st.column_config.ProgressColumn(**percent),
            t("column.spread", lang): st.column_config.ProgressColumn(**percent),
        },
    )


def _chart_clicked(key: str) -> None:
    points = st.session_state[key]["selection"]["points"]
    if not points:
        return
    clicked = points[0].get("customdata")
    if isinstance(clicked, list):
        clicked = clicked[0] if clicked else None
    if not clicked:
        return
    if str(clicked).startswith(f"{OVERFLOW_KEY}:"):
        _, sector, ring = str(clicked).split(":", 2)
        st.session_state[state.OVERFLOW_CELL] = (sector, ring)
    else:
        state.select_tech(str(clicked))


def radar_chart(data: PageData, view_filter: ViewFilter, lang: Lang, selected: str | None) -> None:
    """The interactive radar: hover for a summary, click a blip for its details."""
    fig = ui_data.figure(data.db, view_filter, lang, selected, state.is_phone())
    key = state.selection_key("radar_chart")
    st.plotly_chart(
        fig,
        key=key,
        on_select=partial(_chart_clicked, key),
        selection_mode="points",
        width="stretch",
        config={"displayModeBar": False, "responsive": True},
    )


# --- technology page (pages/technology.py) ---

#: Danish sorts æ, ø, å after z; these stand-ins sort there too.
_DANISH_LAST = str.maketrans({"æ": "z\x01", "ø": "z\x02", "å": "z\x03"})


def _sort_key(name: str, lang: Lang) -> str:
    folded = name.casefold()
    return folded.translate(_DANISH_LAST) if lang == "da" else folded


def _technology_chosen() -> None:
    state.remember(state.TECH)
    # The page reads the URL first (see technology_picker), so the URL must
    # hold the new choice before the rerun, not only after it.
    state.select_tech(st.session_state.get(state.TECH))


def technology_picker(data: PageData, lang: Lang) -> tuple[str | None, str | None]:
    """The technology selectbox of the technology page, kept in ``?tech=``.

    The radar page reads ``?tech=`` straight from the URL; so does this page
    first: a link (from the radar, a related technology, a shared URL) names
    the technology to show, even when another one is remembered from earlier
    in the session. Without one in the URL, the remembered choice is shown.

    Returns
    -------
    The chosen technology id (``None``: none chosen) and the unknown id the URL
    asked for, if it did (to be explained to the user; it is not kept).
    """
    technologies = data.technologies
    ids = sorted(technologies, key=lambda i: (_sort_key(technologies[i].label(lang), lang), i))
    state.bind(state.TECH, ids, None)
    asked = st.query_params.get(state.TECH)
    unknown = asked if asked and asked not in technologies else None
    if asked and (unknown or st.session_state[state.TECH] != asked):
        st.session_state[state.TECH] = None if unknown else asked
        state.remember(state.TECH)
        if not unknown:
            # A page link to this same page leaves the browser's address bar
            # on the old URL; setting a parameter sends the whole query string.
            st.query_params[state.TECH] = asked
    chosen = st.selectbox(
        t("technology.pick", lang),
        options=ids,
        format_func=lambda i: technologies[i].label(lang),
        index=None,
        placeholder=t("technology.pick.placeholder", lang),
        key=state.TECH,
        on_change=_technology_chosen,
    )
    state.publish(state.TECH, None)
    return chosen, unknown


def technology_rings(rows: pd.DataFrame, catalog: Catalog, lang: Lang) -> None:
    """A technology's ring, movement and score in every area for one edition.

    ``rows`` is :func:`radar.pipeline.timeline.placements_in`: one row per area, a
    missing ring where the technology was not on that area's radar.
    """
    table = pd.DataFrame(
        {
            t("column.area", lang): [area_label(catalog, a, lang) for a in rows["area"]],
            t("column.ring", lang): [
                catalog.ring(r).label(lang)
                if isinstance(r, str)
                else t("details.not_assessed", lang)
                for r in rows["ring"]
            ],
            t("movement.column", lang): [
                movement_text(row, catalog, lang) if isinstance(row["ring"], str) else ""
                for row in rows.to_dict("records")
            ],
            t("column.score", lang): rows["score"] * 100,
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            t("column.score", lang): st.column_config.ProgressColumn(
                t("column.score", lang), min_value=0, max_value=100, format="%.0f%%"
            )
        },
    )
