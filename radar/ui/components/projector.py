"""Large type for a projector: the chrome that hides Streamlit's header, big captions, big buttons.

Meant for any page shown on a projector (the presenter page, the workshop's
results screen): call :func:`apply_chrome` first, then use
:func:`caption_block` and :func:`big_button`.
"""

from __future__ import annotations

from typing import Any, Final

import streamlit as st

from radar import theme
from radar.ui.components.text import plain, plain_lines

#: Key prefixes the chrome's CSS styles: a caption block's key must start with
#: CAPTION_KEY, a big button's with BUTTON_KEY.
CAPTION_KEY: Final = "presenter_caption"
BUTTON_KEY: Final = "presenter_button"
#: Key of the presenter's sector pills, whose text the chrome enlarges.
FOCUS_KEY: Final = "presenter_focus"

# Static CSS, built once from theme constants, never from data. Streamlit's
# header (toolbar, menu and top navigation) goes; the page starts at the top
# edge so the radar can take the full height of a 1080 px screen.
CHROME_CSS: Final = f"""<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {{
  display: none !important;
}}
[data-testid="stMainBlockContainer"] {{
  padding: 0.5rem 1.5rem 0 1.5rem;
  max-width: none;
}}
[class*="st-key-{CAPTION_KEY}"] h2 {{
  font-size: {theme.PRESENTER_TITLE_SIZE}px;
  line-height: 1.15;
  color: {theme.TEXT};
  padding: 0.25rem 0;
}}
[class*="st-key-{CAPTION_KEY}"] h3 {{
  font-size: {theme.PRESENTER_SUBTITLE_SIZE}px;
  color: {theme.TEXT};
  padding: 0.25rem 0;
}}
[class*="st-key-{CAPTION_KEY}"] [data-testid="stMarkdownContainer"] p {{
  font-size: {theme.PRESENTER_BODY_SIZE}px;
  line-height: 1.3;
  color: {theme.TEXT};
}}
[class*="st-key-{CAPTION_KEY}"] [data-testid="stCaptionContainer"],
[class*="st-key-{CAPTION_KEY}"] [data-testid="stCaptionContainer"] p {{
  font-size: {theme.PRESENTER_KICKER_SIZE}px;
  line-height: 1.3;
  color: {theme.TEXT};
  opacity: 1;
}}
[class*="st-key-{BUTTON_KEY}"] button {{
  min-height: {theme.PRESENTER_BUTTON_HEIGHT}px;
}}
[class*="st-key-{BUTTON_KEY}"] button p {{
  font-size: {theme.PRESENTER_BUTTON_TEXT_SIZE}px;
  font-weight: 600;
}}
.st-key-{FOCUS_KEY} p {{
  font-size: {theme.PRESENTER_CONTROL_TEXT_SIZE}px;
}}
</style>"""


def apply_chrome() -> None:
    """Hide Streamlit's header, toolbar and navigation, and style the big type.

    Call first thing on a page shown on a projector. The entry point leaves out
    its own title and navigation when the URL says ``present=1``.
    """
    st.html(CHROME_CSS)


def caption_block(
    title: str,
    *,
    kicker: str = "",
    subtitle: str = "",
    body: str = "",
    note: str = "",
    key: str = CAPTION_KEY,
) -> None:
    """Large type for a projector: a kicker line, a title, a subtitle, a body and a note.

    Every text is shown as plain text, whatever it contains; line breaks in
    ``body`` and ``note`` are kept. ``key`` must
    start with :data:`CAPTION_KEY` (the chrome's CSS sizes the type by it);
    give each block on a page its own. Empty parts are left out.
    """
    with st.container(key=key):
        if kicker:
            st.caption(plain(kicker))
        st.header(plain(title), anchor=False)
        if subtitle:
            st.subheader(plain(subtitle), anchor=False)
        if body:
            st.markdown(plain_lines(body))
        if note:
            st.caption(plain_lines(note))


def big_button(label: str, name: str, **options: Any) -> bool:
    """A button a presenter can hit from across the room; ``options`` go to ``st.button``."""
    return st.button(label, key=f"{BUTTON_KEY}_{name}", width="stretch", **options)
