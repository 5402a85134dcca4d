"""The interactive radar as one offline HTML file: the handout's page with a live radar.

plotly.js is embedded (no CDN); hovering a blip shows its name, ring,
category, movement and description, as on the dashboard.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from markupsafe import Markup

from radar import theme
from radar.exporting.content import RadarContent
from radar.exporting.page import render_page
from radar.exporting.pictures import export_figure
from radar.i18n import t
from radar.model import Lang

#: The page's own scripts run (plotly.js is inline), but nothing is fetched.
INTERACTIVE_POLICY: Final[str] = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'unsafe-inline'; img-src data: blob:; font-src data:"
)


def interactive_html(radar: RadarContent, lang: Lang, printed: date) -> str:
    """The interactive radar as one offline HTML file: the handout with a live radar.

    plotly.js is embedded (no CDN); hovering a blip shows its name, ring,
    category, movement and description, as on the page. The content security
    policy lets the page's own scripts run but fetch nothing.
    """
    # No fixed width: the page's radar fills the browser window.
    fig = export_figure(
        radar, lang, title=False, width=None, height=theme.EXPORT_HTML_FIGURE_HEIGHT
    )
    fig.update_layout(autosize=True)
    plot = fig.to_html(
        full_html=False,
        include_plotlyjs=True,
        div_id="radar",
        default_width="100%",
        default_height=f"{theme.EXPORT_HTML_FIGURE_HEIGHT}px",
        config={"displayModeBar": False, "responsive": True, "scrollZoom": False},
    )
    return render_page(
        "interactive.html.j2",
        radar,
        lang,
        printed,
        made="export.html.made",
        policy=INTERACTIVE_POLICY,
        hint=t("export.html.hint", lang),
        # Plotly's own markup: it escapes the labels it holds (radar.drawing.figure).
        plot=Markup(plot),
    )
