"""View state that lives in the URL, so a shared link restores the same view.

Each filter widget's key is its URL parameter name. The URL holds ids
(``area=beskaeftigelse``), not the labels a widget shows. Streamlit's
``bind="query-params"`` stores the formatted label, which would put Danish or
English names in shared links, so the state is synced here instead: restored from the URL
when a session first shows a widget, published back after every run.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, Final

import streamlit as st

from radar.i18n import parse_lang
from radar.model import DEFAULT_LANG, Lang

# URL parameter names; they double as widget keys.
LANG: Final = "lang"
AREA: Final = "area"
EDITION: Final = "edition"
SECTOR: Final = "sector"
RING: Final = "ring"
QUERY: Final = "q"
VIEW: Final = "view"
TECH: Final = "tech"

#: Bumped to give the radar chart a fresh key, which clears its selection, so
#: the same blip can be clicked again after its details were closed.
_CHART_GENERATION: Final = "_radar_chart_generation"
#: The "+N" cell whose hidden blips are listed, as (sector, ring).
OVERFLOW_CELL: Final = "_overflow_cell"


def restore(
    key: str,
    valid: Collection[Any],
    default: Any,
    parse: Callable[[str], Any] = str,
) -> None:
    """Seed widget ``key`` from the URL on its first appearance in this session.

    A value that does not parse or is not in ``valid`` falls back to ``default``
    (a stale or mistyped link still opens, on the default view).
    """
    if key in st.session_state:
        return
    raw = st.query_params.get(key)
    value = default
    if raw:
        try:
            parsed = parse(raw)
        except ValueError:
            parsed = None
        if parsed in valid:
            value = parsed
    st.session_state[key] = value


def publish(key: str, default: Any) -> None:
    """Write widget ``key``'s value to the URL; a default value leaves the URL clean."""
    value = st.session_state.get(key)
    text = None if value is None or value == default or value == "" else str(value)
    current = st.query_params.get(key)
    if text is None:
        if current is not None:
            del st.query_params[key]
    elif current != text:
        st.query_params[key] = text


def current_lang() -> Lang:
    """The language chosen by the toggle, or in the URL; Danish by default."""
    value = st.session_state.get(LANG) or st.query_params.get(LANG) or DEFAULT_LANG
    return parse_lang(value)


def selected_tech() -> str | None:
    """The id of the technology whose details are open."""
    return st.query_params.get(TECH) or None


def select_tech(technology_id: str | None) -> None:
    """Open a technology's details (``None`` closes them)."""
    if technology_id:
        st.query_params[TECH] = technology_id
    elif TECH in st.query_params:
        del st.query_params[TECH]
    st.session_state.pop(OVERFLOW_CELL, None)


def close_details() -> None:
    """Close the details and clear the chart's selection."""
    select_tech(None)
    st.session_state[_CHART_GENERATION] = st.session_state.get(_CHART_GENERATION, 0) + 1


def chart_key() -> str:
    """The radar chart's widget key for this generation."""
    return f"radar_chart_{st.session_state.get(_CHART_GENERATION, 0)}"


def is_phone() -> bool:
    """Whether the browser says it is a phone ("Mobi" in its User-Agent, as browsers do).

    The server cannot see the screen width; the User-Agent is the one hint it gets.
    """
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return "Mobi" in agent
