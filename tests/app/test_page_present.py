"""The presenter page under AppTest: drawn for the window's size, stepped by clicker presses."""

from __future__ import annotations

import json
from typing import Any

import duckdb
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from streamlit.testing.v1 import AppTest

from radar import store
from radar.pipeline.presenter import step_order
from radar.pipeline.view import ViewFilter
from radar.store import load_view
from radar.ui.components.presenter_keys import KEYS_KEY
from radar.ui.components.text import plain
from radar.ui.components.viewport import VIEWPORT_KEY, Viewport


def _layout(at: AppTest) -> dict[str, Any]:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    layout: dict[str, Any] = json.loads(charts[0].proto.spec)["layout"]
    return layout


def _open(app: AppTest, screen: Viewport, **params: str) -> AppTest:
    app.query_params.update({"present": "1", **params})
    app.session_state[VIEWPORT_KEY] = screen
    at = app.run()
    assert_clean(at)
    return at


def test_the_radar_is_drawn_for_a_small_projector(app: AppTest) -> None:
    at = _open(app, Viewport(1024, 768))
    layout = _layout(at)
    # The window's height less the page's padding: nothing below the fold.
    assert layout["height"] == 768 - 24
    assert layout["height"] < 1000


def test_a_4k_projector_gets_a_taller_radar_with_larger_type(app: AppTest) -> None:
    at = _open(app, Viewport(3840, 2160))
    big = _layout(at)
    assert big["height"] == 2160 - 24
    design = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    small = _layout(_open(design, Viewport(1920, 1080)))
    # The sector names beside the disc (the ring names follow their rings' depth).
    sizes = [
        min(a["font"]["size"] for a in layout["annotations"] if "■" in a["text"])
        for layout in (small, big)
    ]
    assert sizes[1] > 1.9 * sizes[0]


def test_clicker_presses_step_the_presentation(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    app.session_state[KEYS_KEY] = {"moves": {"seq": 3, "dirs": "++-"}}
    at = _open(app, Viewport(1280, 720))
    assert at.query_params["step"] == "1"
    first = step_order(load_view(con, ViewFilter()))[0]
    name = store.load_technologies(con)[first.technology].name_da
    assert at.header[0].value == plain(f"{first.number}. {name}")
    # Rerun with the same report: the presses are not applied twice.
    at.run()
    assert at.query_params["step"] == "1"
