"""Pages with charts load Streamlit's chart module with the page (a modulepreload link)."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit

from radar.web.preload import with_chart_preload

INDEX = b"<!doctype html><html><head><title>Streamlit</title></head><body></body></html>"
STATIC = Path(streamlit.__file__).parent / "static"


@pytest.mark.parametrize("path", ["/", "/teknologi", "/sammenlign", "/overblik", "/praesenter"])
def test_a_page_with_charts_preloads_the_chart_module_that_exists(path: str) -> None:
    page = with_chart_preload(INDEX, path)
    head = page.split(b"</head>")[0]
    start = head.index(b'<link rel="modulepreload" crossorigin href="./static/js/PlotlyChart.')
    href = head[start:].split(b'href="./', 1)[1].split(b'"', 1)[0].decode()
    assert (STATIC / href).is_file()
    assert with_chart_preload(page, path) == page


@pytest.mark.parametrize("path", ["/deltag", "/om", "/rediger", "/workshop"])
def test_a_page_without_charts_does_not_load_them(path: str) -> None:
    # The participants' phones above all: 4.7 MB they would never use.
    assert with_chart_preload(INDEX, path) == INDEX
