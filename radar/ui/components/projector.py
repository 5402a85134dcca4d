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

#: Key of the presenter's side panel (the big type and the controls), which
#: scrolls on its own if a long text ever needs more than the screen's height.
SIDE_KEY: Final = "presenter_side"


def fluid(pixels: float, *, floor: int = theme.PRESENTER_MIN_TEXT_SIZE) -> str:
    """A CSS length that is ``pixels`` on the design screen (1920 × 1080) and scales with any other.

    It follows the smaller of the width's and the height's ratio to the design
    screen, so the type fits a 4:3 projector as well as a 4K one, and never gets
    smaller than ``floor`` pixels.
    """
    across = 100 * pixels / theme.PRESENTER_DESIGN_WIDTH
    down = 100 * pixels / theme.PRESENTER_DESIGN_HEIGHT
    return f"max({floor}px, min({across:.4f}vw, {down:.4f}vh))"


# Static CSS, built once from theme constants, never from data. Streamlit's
# header (toolbar, menu and top navigation) goes; the page starts at the top
# edge so the radar can take the full height of the screen. Sizes scale with the
# screen (:func:`fluid`), so a 1024 × 768 projector shows the same page, smaller,
# and a 3840 × 2160 one the same page, larger.
CHROME_CSS: Final = f"""<style>
/* Streamlit sizes its type, gaps and paddings in rem: scaling the root scales them all. */
html {{
  font-size: {fluid(theme.PRESENTER_ROOT_TEXT_SIZE, floor=theme.PRESENTER_MIN_ROOT_TEXT_SIZE)};
}}
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {{
  display: none !important;
}}
[data-testid="stMainBlockContainer"] {{
  padding: {theme.PRESENTER_PAD_TOP}px {theme.PRESENTER_PAD_SIDE}px 0 {theme.PRESENTER_PAD_SIDE}px;
  max-width: none;
}}
/* Small print (the keys, the notice) stays readable on a small projector. */
.st-key-{SIDE_KEY} [data-testid="stCaptionContainer"] {{
  font-size: max({theme.PRESENTER_MIN_CAPTION_SIZE}px, 0.875rem);
}}
[class*="st-key-{CAPTION_KEY}"] h2 {{
  font-size: {fluid(theme.PRESENTER_TITLE_SIZE)};
  line-height: 1.15;
  color: {theme.TEXT};
  padding: 0.1em 0;
}}
[class*="st-key-{CAPTION_KEY}"] h3 {{
  font-size: {fluid(theme.PRESENTER_SUBTITLE_SIZE)};
  color: {theme.TEXT};
  padding: 0.1em 0;
}}
[class*="st-key-{CAPTION_KEY}"] [data-testid="stMarkdownContainer"] p {{
  font-size: {fluid(theme.PRESENTER_BODY_SIZE)};
  line-height: 1.3;
  color: {theme.TEXT};
}}
[class*="st-key-{CAPTION_KEY}"] [data-testid="stCaptionContainer"],
[class*="st-key-{CAPTION_KEY}"] [data-testid="stCaptionContainer"] p {{
  font-size: {fluid(theme.PRESENTER_KICKER_SIZE)};
  line-height: 1.3;
  color: {theme.TEXT};
  opacity: 1;
}}
[class*="st-key-{BUTTON_KEY}"] button {{
  min-height: {fluid(theme.PRESENTER_BUTTON_HEIGHT, floor=44)};
  padding: 0.25em 0.5em;
}}
[class*="st-key-{BUTTON_KEY}"] button p,
[class*="st-key-{BUTTON_KEY}"] button [data-testid="stIconMaterial"] {{
  font-size: {fluid(theme.PRESENTER_BUTTON_TEXT_SIZE)};
  font-weight: 600;
}}
.st-key-{FOCUS_KEY} p {{
  font-size: {fluid(theme.PRESENTER_CONTROL_TEXT_SIZE)};
}}
/* Long words and names wrap instead of ending in an ellipsis ("Forri…"). */
[class*="st-key-{BUTTON_KEY}"] button *,
.st-key-{FOCUS_KEY} button * {{
  white-space: normal !important;
  overflow: visible !important;
  text-overflow: clip !important;
  overflow-wrap: break-word;
}}
.st-key-{FOCUS_KEY} button {{
  max-width: 100%;
  height: auto;
  min-height: 0;
  padding: 0.15em 0.7em;
  text-align: left;
}}
.st-key-{FOCUS_KEY} [role="radiogroup"] {{
  gap: 0.35rem;
}}
.st-key-{SIDE_KEY} {{
  max-height: calc(100vh - {theme.PRESENTER_PAD_TOP + theme.PRESENTER_PAD_BOTTOM}px);
  overflow-y: auto;
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
