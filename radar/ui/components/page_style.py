"""What every page gets for WCAG 2.1 AA: its language on ``<html>``, readable greys, a focus ring.

- ``<html lang>``: the web layer writes the request's language into the first
  HTML (:mod:`radar.web.language`); a tiny component keeps it right when the
  toggle switches the language without a reload, so a screen reader reads
  Danish as Danish (WCAG 3.1.1).
- Captions and widget help: Streamlit draws them in the text colour at 60 %
  opacity, 4.04:1 on white, and 1.67 has no theme option for that colour; here
  they get :data:`radar.theme.CAPTION_TEXT` (WCAG 1.4.3).
- Streamlit's own English labels that the page can reach (the skip link, the
  menu's names for screen readers) in the page's language.
- Widget labels wrap between words instead of being cut off with an ellipsis.
- Keyboard focus: Streamlit's own is a faint tint on most widgets and nothing on
  the top menu; every focusable thing gets a ring of :data:`radar.theme.FOCUS_RING`
  (WCAG 2.4.7, 1.4.11), shown for the keyboard only (``:focus-visible``).
"""

from __future__ import annotations

from typing import Final

import streamlit as st
from streamlit.components.v2 import component

from radar import theme
from radar.i18n import t
from radar.model import Lang

#: The component's key; its empty element is hidden by :data:`CSS`.
LANG_KEY: Final = "radar_access_lang"

_RING: Final = (
    f"outline: {theme.FOCUS_RING_WIDTH_PX}px solid {theme.FOCUS_RING} !important;"
    f" outline-offset: {theme.FOCUS_RING_OFFSET_PX}px !important;"
)

# Static: built from the theme's constants only, never from data.
CSS: Final = f"""<style>
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

# Static code: the language arrives in ``data`` and is checked against the two
# codes before it touches the document; Streamlit's own labels are replaced
# with the page's texts through setAttribute and textContent only. Streamlit may
# mount its menu after this runs, so it looks again a little later.
_JS: Final = """
export default function ({ data }) {
  if (!data || (data.lang !== "da" && data.lang !== "en")) return;
  const apply = () => {
    document.documentElement.lang = data.lang;
    const skip = document.querySelector('[data-testid="stSkipToContent"]');
    if (skip && skip.textContent !== data.skip) skip.textContent = data.skip;
    const nav = document.querySelector('[data-testid="stTopNav"]');
    if (nav) nav.setAttribute("aria-label", data.pages);
    const menu = document.querySelector('[data-testid="stMainMenuButton"]');
    if (menu) menu.setAttribute("aria-label", data.menu);
  };
  apply();
  const later = setTimeout(apply, 800);
  return () => clearTimeout(later);
}
"""

_document_lang = component("radar_access_lang", js=_JS)


def apply(lang: Lang) -> None:
    """Give this page run the app-wide style, and the document the page's language."""
    st.html(CSS)
    _document_lang(
        data={
            "lang": lang,
            "skip": t("access.skip_to_content", lang),
            "pages": t("access.pages", lang),
            "menu": t("access.main_menu", lang),
        },
        key=LANG_KEY,
    )
