"""The app-wide style every page needs for WCAG 2.1 AA, in the page's first HTML.

- Captions and widget help: Streamlit draws them in the text colour at 60 %
  opacity, 4.04:1 on white, and 1.67 has no theme option for that colour; here
  they get :data:`radar.theme.CAPTION_TEXT` (WCAG 1.4.3).
- Widget labels wrap between words instead of being cut off with an ellipsis.
- Keyboard focus: Streamlit's own is a faint tint on most widgets and nothing on
  the top menu; every focusable thing gets a ring of :data:`radar.theme.FOCUS_RING`
  (WCAG 2.4.7, 1.4.11), shown for the keyboard only (``:focus-visible``).

Why in the index page's head and not drawn by the app: Streamlit draws a
style given to ``st.html`` only once the code of its HTML element has loaded,
which on a first visit came up to four seconds after the page's captions, so
they showed in the faint grey first (and axe-core measured them so). In the
head the style applies before Streamlit draws anything.
"""

from __future__ import annotations

from typing import Final

from radar import theme
from radar.web.html_head import append_to_head

__all__ = ["BASE_CSS", "LANG_KEY", "with_base_style"]

#: Key of the page-language component (radar.ui.components.page_style); its
#: empty element is hidden here.
LANG_KEY: Final = "radar_access_lang"

_RING: Final = (
    f"outline: {theme.FOCUS_RING_WIDTH_PX}px solid {theme.FOCUS_RING} !important;"
    f" outline-offset: {theme.FOCUS_RING_OFFSET_PX}px !important;"
)

# Static: built from the theme's constants only, never from data.
BASE_CSS: Final = f"""<style>
.st-key-{LANG_KEY} {{ display: none; }}
[data-testid="stCaptionContainer"],
[data-testid="stCaptionContainer"] *,
[data-testid="stWidgetLabel"] [data-testid="stCaptionContainer"],
[data-testid="InputInstructions"],
[data-testid="stTooltipHoverTarget"] svg,
[data-testid="stMarkdownContainer"] small {{
  color: {theme.CAPTION_TEXT} !important;
  opacity: 1 !important;
}}
/* A label or figure too long for its column wraps between words, never "Kun ænd…". */
[data-testid="stWidgetLabel"] [data-testid="stMarkdownContainer"],
[data-testid="stWidgetLabel"] p,
[data-baseweb="checkbox"] [data-testid="stMarkdownContainer"],
[data-baseweb="checkbox"] p,
[data-testid="stMetricLabel"] p,
[data-testid="stMetricValue"],
[data-testid="stMetricValue"] > div {{
  white-space: normal !important;
  text-overflow: clip !important;
  overflow: visible !important;
}}
a:focus-visible,
button:focus-visible,
summary:focus-visible,
input:focus-visible,
textarea:focus-visible,
select:focus-visible,
[role="button"]:focus-visible,
[role="tab"]:focus-visible,
[role="radio"]:focus-visible,
[role="checkbox"]:focus-visible,
[role="switch"]:focus-visible,
[role="option"]:focus-visible,
[role="link"]:focus-visible,
[role="slider"]:focus-visible,
[tabindex]:not([tabindex="-1"]):focus-visible {{
  {_RING}
}}
/* Text fields and select boxes put the focus on an inner element that their
   frame clips: the ring goes on the frame. */
[data-baseweb="input"]:has(input:focus-visible),
[data-baseweb="textarea"]:has(textarea:focus-visible),
[data-baseweb="select"] > div:has(input:focus-visible) {{
  {_RING}
}}
[data-baseweb="input"] input:focus-visible,
[data-baseweb="textarea"] textarea:focus-visible,
[data-baseweb="select"] input:focus-visible {{
  outline: none !important;
}}
</style>"""


def with_base_style(html: bytes) -> bytes:
    """``html`` with :data:`BASE_CSS` at the end of its head, once; a headless page as it is."""
    return append_to_head(html, BASE_CSS.encode("utf-8"))
