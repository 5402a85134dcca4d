"""Pages with charts start loading Plotly with the page, not after the app's first run.

Streamlit loads its chart code (a 4.7 MB module) only when the first chart
arrives from the server, about a second after the page; fetching and
compiling it then delayed every radar by as much again. The pages that draw
charts get a ``modulepreload`` link for that module in their HTML, so the
browser fetches and compiles it while the app connects. Other pages (the
participants' join page on a phone above all) do not load it.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Final

from radar.web.html_head import append_to_head

__all__ = ["CHART_PAGES", "with_chart_preload"]

#: The pages' URL paths (their last part) that draw charts: the radar is "".
CHART_PAGES: Final = frozenset({"", "teknologi", "sammenlign", "overblik", "praesenter"})


@lru_cache(maxsize=1)
def _links() -> bytes:
    """The preload links for this Streamlit's chart module (its name carries a content hash).

    Found without importing Streamlit, which the web layer imports only where it must.
    """
    spec = importlib.util.find_spec("streamlit")
    if spec is None or not spec.submodule_search_locations:
        return b""
    static_js = Path(next(iter(spec.submodule_search_locations))) / "static" / "static" / "js"
    names = sorted(path.name for path in static_js.glob("PlotlyChart.*.js"))
    return b"".join(
        b'<link rel="modulepreload" crossorigin href="./static/js/' + name.encode("ascii") + b'">'
        for name in names
        if re.fullmatch(r"PlotlyChart\.[A-Za-z0-9_-]+\.js", name)
    )


def with_chart_preload(html: bytes, path: str) -> bytes:
    """``html`` with the chart module's preload link when ``path`` is a page with charts."""
    page = path.rstrip("/").rsplit("/", 1)[-1]
    links = _links()
    if page not in CHART_PAGES or not links:
        return html
    return append_to_head(html, links)
