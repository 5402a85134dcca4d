"""What Ctrl+P prints: the page's title, the radar whole on one A4 page, then its list.

Printing hides what only works on a screen (the menu, the filters, buttons,
the toolbar and the footer), lays the columns out one under the other so the
list follows the radar, and shrinks the radar to fit one A4 page, upright or
on its side.

Plotly draws the radar as SVG sized in screen pixels, which a style sheet
cannot scale. A small script gives each chart's SVG layers a ``viewBox`` for
as long as the page is printed (``beforeprint`` and the print media query), so
the print style can size the chart like a picture; after printing the charts
are as they were.

Why in the index page's head and not drawn by the app: a style given to
``st.html`` and a component's script take effect only once their code has
loaded, which on a first visit came seconds after the radar; printed in that
time, the page kept its menu and filters and the radar ran off the page. In
the head both are in place before Streamlit draws anything. Static code and
style, built from theme constants and keys, never from data.
"""

from __future__ import annotations

from typing import Final

from radar import theme, url_params
from radar.web.html_head import append_to_head

__all__ = ["PRINT_CSS", "with_print_style"]

#: Widgets that do nothing on paper. Pills stay: the radar's list is made of them.
_HIDDEN: Final[tuple[str, ...]] = (
    'header[data-testid="stHeader"]',
    '[data-testid="stToolbar"]',
    '[data-testid="stDecoration"]',
    '[data-testid="stStatusWidget"]',
    '[data-testid="stSidebar"]',
    '[data-testid="stSidebarCollapsedControl"]',
    '[data-testid="stSelectbox"]',
    '[data-testid="stMultiSelect"]',
    '[data-testid="stTextInput"]',
    '[data-testid="stCheckbox"]',
    '[data-testid="stRadio"]',
    '[data-testid="stButton"]',
    '[data-testid="stDownloadButton"]',
    '[data-testid="stLinkButton"]',
    '[data-testid="stPageLink"]',
    '[data-testid="stPopover"]',
    '[data-testid="stExpander"]',
    '[data-testid="stBottom"]',
    "footer",
    ".modebar-container",
    f".st-key-{url_params.VIEW}",
    f".st-key-{url_params.LANG}",
)

# Static CSS, built from theme constants and keys, never from data.
PRINT_CSS: Final = f"""<style>
@media print {{
  @page {{ margin: {theme.PRINT_PAGE_MARGIN_MM}mm; }}
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"],
  [data-testid="stMain"] {{
    background: {theme.BACKGROUND} !important;
    overflow: visible !important;
    height: auto !important;
  }}
  {", ".join(_HIDDEN)} {{
    display: none !important;
  }}
  [data-testid="stMainBlockContainer"] {{
    padding: 0 !important;
    max-width: none !important;
  }}
  /* The page's title small enough to leave the radar the page. */
  h1 {{
    font-size: {theme.PRINT_TITLE_PT}pt !important;
    padding: 0 !important;
  }}
  /* One column under the other: the list after the radar, not squeezed beside it. */
  [data-testid="stHorizontalBlock"] {{
    display: block !important;
  }}
  [data-testid="stColumn"] {{
    width: 100% !important;
    max-width: none !important;
  }}
  [data-testid="stPlotlyChart"] {{
    break-inside: avoid;
    page-break-inside: avoid;
    height: auto !important;
  }}
  /* ":root" outranks Streamlit's own print rules for charts, which come later in the head. */
  :root .js-plotly-plot, :root .js-plotly-plot .plot-container {{
    width: 100% !important;
    height: auto !important;
  }}
  /* As wide as the page, and no taller than fits under the title on an A4 on its side. */
  :root .js-plotly-plot .svg-container {{
    width: min(100%, calc(var(--radar-print-ratio, 1) * {theme.PRINT_RADAR_MAX_HEIGHT_MM}mm))
      !important;
    height: auto !important;
    aspect-ratio: var(--radar-print-ratio, 1);
    position: relative;
    margin: 0 auto;
  }}
  :root .js-plotly-plot .svg-container > svg.main-svg {{
    width: 100% !important;
    height: 100% !important;
  }}
}}
</style>"""

# Static code, never built from data: a viewBox on each chart's SVG layers while printing.
_SCRIPT: Final = """<script>
(() => {
  const fit = () => {
    for (const box of document.querySelectorAll(".js-plotly-plot .svg-container")) {
      const svg = box.querySelector("svg.main-svg");
      if (!svg) continue;
      const width = Number(svg.getAttribute("width"));
      const height = Number(svg.getAttribute("height"));
      if (!width || !height) continue;
      box.style.setProperty("--radar-print-ratio", String(width / height));
      for (const layer of box.querySelectorAll(":scope > svg.main-svg")) {
        if (!layer.hasAttribute("viewBox")) {
          layer.setAttribute("viewBox", `0 0 ${width} ${height}`);
          layer.setAttribute("data-radar-print", "1");
        }
      }
    }
  };
  const unfit = () => {
    for (const layer of document.querySelectorAll("svg[data-radar-print]")) {
      layer.removeAttribute("viewBox");
      layer.removeAttribute("data-radar-print");
    }
    for (const box of document.querySelectorAll(".js-plotly-plot .svg-container")) {
      box.style.removeProperty("--radar-print-ratio");
    }
  };
  window.matchMedia("print").addEventListener("change", (event) =>
    event.matches ? fit() : unfit()
  );
  window.addEventListener("beforeprint", fit);
  window.addEventListener("afterprint", unfit);
})();
</script>"""


def with_print_style(html: bytes) -> bytes:
    """``html`` with the print style and its chart fitter at the end of its head, once."""
    return append_to_head(html, (PRINT_CSS + _SCRIPT).encode("utf-8"))
