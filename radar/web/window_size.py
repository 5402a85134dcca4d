"""The window's size in the page's first run: a cookie written before the app connects.

The server draws the radar for the browser window, but learns its size only
from a component that reports after the first run: every first visit at a size
other than the guess was drawn twice. Streamlit's index page therefore gets a
small static script that writes the window's inner size into a session cookie
before Streamlit opens its websocket, whose handshake carries the cookie to
the first run (``st.context.cookies``). The cookie holds two numbers and no
identifier, has no expiry (it ends with the browser session), and is rewritten
on every page load; the page reads it only if it is two sane numbers.
"""

from __future__ import annotations

import re
from typing import Final

from radar.web.html_head import append_to_head

__all__ = ["WINDOW_COOKIE", "parse_window_size", "with_window_size"]

#: The cookie's name (``<width>x<height>`` in CSS pixels).
WINDOW_COOKIE: Final = "radar_window"
#: Sizes outside these bounds are not a window: the page falls back to its guess.
_SMALLEST: Final = 200
_LARGEST: Final = 10_000
_VALUE: Final = re.compile(r"([0-9]{3,5})x([0-9]{3,5})")

# Static, never built from request data. Secure on https, so the value is never
# sent in clear beside the app's other cookies.
_SCRIPT: Final = (
    "<script>document.cookie='"
    + WINDOW_COOKIE
    + "='+window.innerWidth+'x'+window.innerHeight+';path=/;SameSite=Lax'"
    + "+(location.protocol==='https:'?';Secure':'');</script>"
).encode("ascii")


def with_window_size(html: bytes) -> bytes:
    """``html`` with the script that writes the window-size cookie, at the end of its head.

    At the end of the head, after Streamlit's ``<meta name="viewport">``, so a
    phone reports its layout width, and before Streamlit's own scripts run.
    A page without a head is left alone.
    """
    return append_to_head(html, _SCRIPT)


def parse_window_size(value: str | None) -> tuple[int, int] | None:
    """The ``(width, height)`` a cookie value names, or ``None`` if it is not a window's size."""
    if value is None:
        return None
    match = _VALUE.fullmatch(value.strip())
    if match is None:
        return None
    width, height = int(match.group(1)), int(match.group(2))
    if not (_SMALLEST <= width <= _LARGEST and _SMALLEST <= height <= _LARGEST):
        return None
    return width, height
