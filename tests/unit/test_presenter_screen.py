"""Presenter mode's clicker presses and its layout for the window, without a browser."""

from __future__ import annotations

import duckdb
import pytest

from radar import theme
from radar.drawing.figure import radar_figure
from radar.model import Catalog
from radar.pipeline.presenter import step_order
from radar.pipeline.view import ViewFilter
from radar.store import load_technologies, load_view
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


def test_the_radar_is_drawn_for_its_box_proportionally(
    con: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    view = load_view(con, ViewFilter())
    technologies = load_technologies(con)
    label_sizes = {}
    for screen in SCREENS:
        box = radar_box(screen)
        options = presenter_options("x", None, box.width, box.height)
        assert options.spotlight == "x"
        fig = radar_figure(view, catalog, technologies, "da", options)
        assert fig.layout.height == box.height
        # The sector names: the ring names are sized to their rings' depth.
        names = [a.font.size for a in fig.layout.annotations if "■" in a.text]
        assert len(names) == len(catalog.sectors)
        label_sizes[screen.width] = min(names)
        rings = [a.font.size for a in fig.layout.annotations if "■" not in a.text]
        assert min(rings) >= theme.MIN_FONT
    # Larger type on a larger screen, about twice the design's on a 3840 × 2160 one.
    sizes = [label_sizes[s.width] for s in SCREENS]
    assert sizes == sorted(sizes) and len(set(sizes)) == len(sizes)
    assert label_sizes[3840] == pytest.approx(2 * label_sizes[1920], rel=0.1)
    # On the design screen, the design's 24 px and more.
    assert label_sizes[1920] >= 24
