"""The browser window's size, for figures drawn to fit the screen.

The server cannot see the screen. A small component reports the window's inner
size when the page is drawn and again after a resize (a laptop plugged into a
projector), and the page draws its radar for that size. It reports only when
the size differs by more than :data:`STEP` pixels from the size the server
drew for, so an ordinary page run costs no extra rerun. The first run of a
session takes the size the index page's script wrote into a session cookie
(:mod:`radar.web.window_size`); without it (the page served without the web
layer, or the cookie refused) a guess: a phone when the User-Agent says so,
else :data:`DESKTOP`.

The size is kept in the session and that cookie only, nothing on disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import streamlit as st
from streamlit.components.v2 import component

from radar.ui import state
from radar.web.window_size import WINDOW_COOKIE, parse_window_size

#: Reports closer than this to the drawn size are not sent: no rerun for a
#: scrollbar appearing or a browser's toolbar sliding in.
STEP: Final = 24
#: Session key of the last reported size.
VIEWPORT_KEY: Final = "viewport"


@dataclass(frozen=True)
class Viewport:
    """A browser window's inner size in CSS pixels."""

    width: int
    height: int

    @property
    def phone(self) -> bool:
        """Narrower than a small tablet: one column, the compact radar."""
        return self.width < PHONE_WIDTH


#: Below this width the pages lay out for a phone.
PHONE_WIDTH: Final = 640
#: The guess before the browser has said anything.
DESKTOP: Final = Viewport(1920, 1080)
PHONE: Final = Viewport(390, 844)

# Static code, never built from data. It compares with the size the server
# drew for (``data``) and reports only a real difference, debounced on resize.
_JS: Final = f"""
export default function ({{ data, setStateValue }}) {{
  const drawn = data || [0, 0];
  let timer = null;
  const report = () => {{
    const size = [window.innerWidth, window.innerHeight];
    if (Math.abs(size[0] - drawn[0]) > {STEP} || Math.abs(size[1] - drawn[1]) > {STEP}) {{
      setStateValue("size", size);
    }}
  }};
  const later = () => {{
    clearTimeout(timer);
    timer = setTimeout(report, 250);
  }};
  report();
  window.addEventListener("resize", later);
  return () => {{
    clearTimeout(timer);
    window.removeEventListener("resize", later);
  }};
}}
"""

_HIDE_CSS: Final = "<style>.st-key-radar_viewport_reporter { display: none; }</style>"

_reporter = component("radar_viewport", js=_JS)


def _guess() -> Viewport:
    """The window's size from the cookie the index page wrote, else by User-Agent."""
    cookies = st.context.cookies
    written = parse_window_size(cookies.get(WINDOW_COOKIE) if cookies else None)
    if written is not None:
        return Viewport(*written)
    return PHONE if state.is_phone() else DESKTOP


def viewport() -> Viewport:
    """The window's size as last reported, or the first run's guess; mounts the reporter.

    Call it once per page run, before drawing anything sized by it.
    """
    # The reporter draws nothing; its empty element must not take a row of the page.
    st.html(_HIDE_CSS)
    known = st.session_state.get(VIEWPORT_KEY)
    drawn = known if isinstance(known, Viewport) else _guess()
    result = _reporter(
        data=[drawn.width, drawn.height],
        key="radar_viewport_reporter",
        default={"size": None},
        on_size_change=lambda: None,
    )
    size = getattr(result, "size", None) if result is not None else None
    if isinstance(size, list) and len(size) == 2:
        try:
            reported = Viewport(max(int(size[0]), 1), max(int(size[1]), 1))
        except (TypeError, ValueError):
            reported = drawn
        if reported != drawn:
            st.session_state[VIEWPORT_KEY] = reported
            st.rerun()
    st.session_state[VIEWPORT_KEY] = drawn
    return drawn
