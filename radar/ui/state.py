"""View state that lives in the URL, so a shared link restores the same view.

Each filter widget's key is its URL parameter name. The URL holds ids
(``area=beskaeftigelse``), not the labels a widget shows. Streamlit's
``bind="query-params"`` stores the formatted label, which would put Danish or
English names in shared links, so the state is synced here instead: read from
the URL when a session starts, remembered across pages, and published back to
the URL after every run.

Besides the URL parameters, this module names the session-state keys that
more than one part of the radar page shares: :data:`OVERFLOW_CELL` and the
chart generation behind :func:`selection_key`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, Final

import streamlit as st

from radar.i18n import parse_lang
from radar.model import DEFAULT_LANG, Lang

# The URL's parameter names double as widget keys; callers name them state.AREA and so on.
from radar.url_params import (  # noqa: F401
    AREA,
    CHANGED,
    COMPARE,
    EDITION,
    LANG,
    LOCAL,
    QUERY,
    RING,
    SECTOR,
    TECH,
    VIEW,
)

#: Bumped to give the radar chart and the table fresh keys, which clears their
#: selection, so the same blip or row can be picked again after closing.
_CHART_GENERATION: Final = "_radar_chart_generation"
#: The "+N" cell whose hidden blips are listed, as (sector, ring).
OVERFLOW_CELL: Final = "_overflow_cell"


#: Prefix of the session-state key that remembers a URL parameter's value.
_SHADOW_PREFIX: Final = "_url_"


def _shadow(key: str) -> str:
    # The remembered value lives under a key of its own, not the widget's:
    # Streamlit drops a widget's state when a page without it runs, and the
    # view should survive a visit to another page.
    return f"{_SHADOW_PREFIX}{key}"


def bind(
    key: str,
    valid: Collection[Any] | None,
    default: Any,
    parse: Callable[[str], Any] = str,
) -> None:
    """Set widget ``key`` to its remembered value; call before creating the widget.

    The first time in a session the value comes from the URL. A value that does
    not parse or is not in ``valid`` (``None``: anything) falls back to
    ``default``, so a stale or mistyped link still opens, on the default view.
    Give the widget ``on_change=partial(remember, key)``.
    """
    shadow = _shadow(key)
    if shadow not in st.session_state:
        value = default
        raw = st.query_params.get(key)
        if raw:
            try:
                parsed = parse(raw)
            except ValueError:
                parsed = None
            if parsed is not None and (valid is None or parsed in valid):
                value = parsed
        st.session_state[shadow] = value
    elif valid is not None and st.session_state[shadow] not in valid:
        # Remembered on another page, where other values were valid (an
        # edition the chosen area lacks): fall back rather than fail.
        st.session_state[shadow] = default
    st.session_state[key] = st.session_state[shadow]


def remember(key: str) -> None:
    """``on_change`` callback: keep the widget's new value for the URL and other pages."""
    st.session_state[_shadow(key)] = st.session_state[key]


def publish(key: str, default: Any) -> None:
    """Write the remembered value to the URL; a default value leaves the URL clean."""
    value = st.session_state.get(_shadow(key))
    if isinstance(value, bool):
        value = "1" if value else None
    text = None if value is None or value == default or value == "" else str(value)
    current = st.query_params.get(key)
    if text is None:
        if current is not None:
            del st.query_params[key]
    elif current != text:
        st.query_params[key] = text


def parse_flag(raw: str) -> bool:
    """An on/off URL parameter: ``1`` (or ``true``) is on, anything else off."""
    return raw.strip().lower() in ("1", "true")


def current_lang() -> Lang:
    """The language chosen by the toggle, or in the URL; Danish by default."""
    value = st.session_state.get(_shadow(LANG)) or st.query_params.get(LANG) or DEFAULT_LANG
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


def selection_key(name: str) -> str:
    """The key of a selecting widget (chart, table) for this generation."""
    return f"{name}_{st.session_state.get(_CHART_GENERATION, 0)}"


def is_phone() -> bool:
    """Whether the browser says it is a phone ("Mobi" in its User-Agent, as browsers do).

    The server cannot see the screen width; the User-Agent is the one hint it gets.
    """
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return "Mobi" in agent
