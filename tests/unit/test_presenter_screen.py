"""Presenter mode's clicker presses and its layout for the window, without a browser."""

from __future__ import annotations

import duckdb
import pytest

from radar import theme
from radar.pipeline.presenter import step_order
from radar.pipeline.view import ViewFilter
from radar.store import load_view
from radar.ui.cache import presenter_options
from radar.ui.components.presenter import radar_box, stepped
from radar.ui.components.presenter_keys import MAX_PENDING, unapplied
from radar.ui.components.viewport import Viewport

SCREENS = (
    Viewport(1024, 768),
    Viewport(1280, 720),
    Viewport(1366, 768),
    Viewport(1920, 1080),
    Viewport(3840, 2160),
)

# --- clicker presses ------------------------------------------------------------


def test_each_press_is_applied_once_in_order() -> None:
    fresh, applied = unapplied({"seq": 3, "dirs": "++-"}, 0)
    assert (fresh, applied) == ([True, True, False], 3)
    # The same report again (every rerun sends it): nothing new.
    assert unapplied({"seq": 3, "dirs": "++-"}, applied) == ([], 3)
    # A report that still carries presses 3 and 4 besides the new 5.
    assert unapplied({"seq": 5, "dirs": "--+"}, applied) == ([False, True], 5)


def test_a_freshly_loaded_page_counts_from_one_again() -> None:
    assert unapplied({"seq": 2, "dirs": "+-"}, 40) == ([True, False], 2)


@pytest.mark.parametrize(
    "report",
    [
        None,
        "++",
        {"seq": "3", "dirs": "+++"},
        {"seq": True, "dirs": "+"},
        {"seq": 3, "dirs": "+x+"},
        {"seq": 3},
        {"seq": MAX_PENDING + 1, "dirs": "+" * (MAX_PENDING + 1)},
    ],
)
def test_a_malformed_report_moves_nothing(report: object) -> None:
    assert unapplied(report, 7) == ([], 7)


def test_presses_step_one_after_another(con: duckdb.DuckDBPyConnection) -> None:
    steps = step_order(load_view(con, ViewFilter()))
    assert stepped(steps, 0, None, [True, True, True]) == (3, None)
    assert stepped(steps, 3, None, [False, True, False]) == (2, None)
    # Past either end they stay there.
    assert stepped(steps, 1, None, [False, False]) == (0, None)
    assert stepped(steps, len(steps), None, [True]) == (len(steps), None)
    # Zoomed to a category: the first press goes to its first blip.
    first_data = next(i for i, s in enumerate(steps, start=1) if s.sector == "DATA")
    assert stepped(steps, 0, "DATA", [True, True]) == (first_data + 1, "DATA")


# --- the layout for the window ---------------------------------------------------


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s.width}x{s.height}")
def test_the_radar_box_leaves_room_for_the_panel_and_the_padding(screen: Viewport) -> None:
    ratios = theme.PRESENTER_COLUMNS
    box = radar_box(screen)
    assert box.height == screen.height - theme.PRESENTER_PAD_TOP - theme.PRESENTER_PAD_BOTTOM
    panel = box.width * ratios[1] / ratios[0]
    used = box.width + panel + 2 * theme.PRESENTER_PAD_SIDE + theme.PRESENTER_COLUMN_GAP
    assert screen.width - 2 <= used <= screen.width


def test_the_radar_is_drawn_for_its_box_proportionally() -> None:
    design = radar_box(Viewport(1920, 1080))
    at_design = presenter_options(None, None, design.width, design.height)
    # On the design screen the type is the design's.
    assert at_design.scale == pytest.approx(theme.PRESENTER_SCALE, rel=0.02)
    assert at_design.height == design.height
    sizes = {}
    for screen in SCREENS:
        box = radar_box(screen)
        options = presenter_options("x", "DATA", box.width, box.height)
        assert (options.height, options.spotlight, options.focus_sector) == (
            box.height,
            "x",
            "DATA",
        )
        assert options.number_scale is not None
        assert options.number_scale / options.scale == pytest.approx(
            theme.PRESENTER_NUMBER_SCALE / theme.PRESENTER_SCALE
        )
        sizes[screen.width] = options.scale
    # Larger on a larger screen, twice the design's on a 3840 × 2160 one.
    assert sizes[1024] < sizes[1280] < sizes[1366] < sizes[1920] < sizes[3840]
    assert sizes[3840] == pytest.approx(2 * sizes[1920], rel=0.05)
