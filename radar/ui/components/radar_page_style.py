"""The radar page's CSS: a compact top, one filter row, and a side panel that stays in view.

Static CSS built once from theme constants, never from data. It applies only
while the radar page is shown: Streamlit removes a page's elements, this
style included, when another page runs.

On a desktop the page does not scroll: the radar takes the height under the
filter row, and the side panel (:data:`SIDE_KEY`) is as tall as the window,
the open details at its top and the lists under them scrolling on their own,
so clicking a name low in the list shows its details in view and the radar
stays where it is. On a phone (below 640 px, where Streamlit stacks columns)
everything flows in one column: the radar first, the details right under it.
"""

from __future__ import annotations

from typing import Final

import streamlit as st
from streamlit.components.v2 import component

from radar import theme
from radar.ui.components.details import DETAILS_KEY
from radar.ui.components.viewport import PHONE_WIDTH

#: Key of the side panel beside the radar (details, reading guide, lists).
SIDE_KEY: Final = "radar_page_side"
#: Key of the element that scrolls a phone to the details.
SCROLL_KEY: Final = "radar_page_scroll_to_details"
#: Key of the part of the side panel that scrolls on its own (the lists).
LISTS_KEY: Final = "radar_page_lists"
#: Key of the radar column.
RADAR_KEY: Final = "radar_page_radar"

_SIDE_TOP: Final = theme.PAGE_TOP_PADDING
# As tall as the radar column: the window under the filter row.
_SIDE_HEIGHT: Final = f"calc(100vh - {theme.PAGE_ABOVE_RADAR + theme.PAGE_BELOW_RADAR}px)"

PAGE_CSS: Final = f"""<style>
[data-testid="stMainBlockContainer"] {{
  padding: {theme.PAGE_TOP_PADDING}px {theme.PAGE_PADDING}px 0.5rem {theme.PAGE_PADDING}px;
  max-width: none;
}}
[data-testid="stMainBlockContainer"] h1 {{
  font-size: {theme.PAGE_TITLE_SIZE};
  padding: 0;
  line-height: 1.2;
}}
[data-testid="stColumn"]:has(.st-key-{SIDE_KEY}) {{
  position: sticky;
  top: {_SIDE_TOP}px;
  align-self: flex-start;
}}
.st-key-{SIDE_KEY} {{
  /* Streamlit makes a container a flex item that takes its content's height. */
  flex: 0 0 auto !important;
  height: {_SIDE_HEIGHT} !important;
  flex-wrap: nowrap;
  overflow: hidden;
}}
/* Streamlit wraps each keyed container in a layout wrapper: the wrappers are
   the side panel's flex items. The details take what they need up to their
   share; the lists take the rest and scroll. */
.st-key-{SIDE_KEY} > * {{
  flex-shrink: 0;
}}
.st-key-{SIDE_KEY} > [data-testid="stLayoutWrapper"]:has(> .st-key-{DETAILS_KEY}) {{
  flex: 0 0 auto;
  min-height: 0;
  max-height: calc({_SIDE_HEIGHT} * {theme.DETAILS_MAX_SHARE});
  display: flex;
  flex-direction: column;
}}
.st-key-{SIDE_KEY} .st-key-{DETAILS_KEY} {{
  min-height: 0;
  overflow-y: auto;
}}
.st-key-{SIDE_KEY} > [data-testid="stLayoutWrapper"]:has(> .st-key-{LISTS_KEY}) {{
  flex: 1 1 0;
  min-height: 0;
  display: flex;
  flex-direction: column;
}}
.st-key-{LISTS_KEY} {{
  min-height: 0;
  overflow-y: auto;
  flex-wrap: nowrap;
  padding-right: 0.25rem;
}}
.st-key-{LISTS_KEY} > * {{
  flex-shrink: 0;
}}
.st-key-{SCROLL_KEY} {{
  display: none;
}}
/* On paper the panel is not a window onto a longer list: all of it prints,
   after the radar (radar.web.print_style puts the columns one under the other). */
@media print {{
  [data-testid="stColumn"]:has(.st-key-{SIDE_KEY}) {{
    position: static;
  }}
  .st-key-{SIDE_KEY}, .st-key-{SIDE_KEY} > [data-testid="stLayoutWrapper"],
  .st-key-{SIDE_KEY} .st-key-{DETAILS_KEY}, .st-key-{LISTS_KEY} {{
    height: auto !important;
    max-height: none !important;
    overflow: visible !important;
  }}
}}
@media (max-width: 640px) {{
  [data-testid="stMainBlockContainer"] {{
    padding-left: 1rem;
    padding-right: 1rem;
  }}
  [data-testid="stColumn"]:has(.st-key-{SIDE_KEY}) {{
    position: static;
  }}
  .st-key-{SIDE_KEY}, .st-key-{SIDE_KEY} .st-key-{DETAILS_KEY}, .st-key-{LISTS_KEY},
  .st-key-{SIDE_KEY} > [data-testid="stLayoutWrapper"] {{
    height: auto !important;
    max-height: none;
    overflow: visible;
  }}
}}
</style>"""

#: The embedded radar (``?embed=true``): no Streamlit header, the radar from the frame's top.
EMBED_CSS: Final = f"""<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {{
  display: none !important;
}}
[data-testid="stMainBlockContainer"] {{
  padding: 0.25rem {theme.PAGE_PADDING}px 0 {theme.PAGE_PADDING}px;
  max-width: none;
}}
</style>"""


def apply_page_style() -> None:
    """Lay the radar page out for the screen (see the module's description)."""
    st.html(PAGE_CSS)


def apply_embed_style() -> None:
    """The radar alone, for a frame on another page: no header, menu or padding."""
    st.html(EMBED_CSS)


# Static code, never built from data. On a phone the details come under the
# radar, above the list: when a technology is opened (``data`` is its id,
# only compared, never inserted), the page scrolls to its details, once per
# opening. On a desktop the side panel keeps them in view already.
_SCROLL_JS: Final = f"""
export default function ({{ data }}) {{
  if (!data) {{
    window.__radarPageScrolledTo = null;
    return;
  }}
  if (window.innerWidth >= {PHONE_WIDTH} || window.__radarPageScrolledTo === data) return;
  window.__radarPageScrolledTo = data;
  setTimeout(() => {{
    const target = document.querySelector(".st-key-{DETAILS_KEY}");
    if (target) target.scrollIntoView({{ block: "start" }});
  }}, 150);
}}
"""

_scroller = component("radar_page_scroll", js=_SCROLL_JS)


def scroll_to_details(selected: str | None) -> None:
    """On a phone, bring a just-opened technology's details into view (see ``_SCROLL_JS``)."""
    _scroller(data=selected, key=SCROLL_KEY)
