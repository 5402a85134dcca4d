"""Presenter mode: the step order, stepping and zooming, the figure's spotlight, the page."""

from __future__ import annotations

import math

import duckdb
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from apptest_support import assert_clean
from legend_support import list_element
from streamlit.testing.v1 import AppTest

from radar import store, theme
from radar.drawing.figure import RadarOptions, fitted_view, radar_figure
from radar.model import Catalog, Ring, Sector, Technology
from radar.pipeline.layout import compute_layout, ring_edges, sector_edges
from radar.pipeline.presenter import (
    Step,
    clamp_step,
    focus_after_step,
    next_step,
    previous_step,
    sector_box,
    spotlight,
    step_after_focus,
    step_order,
)
from radar.pipeline.view import ViewFilter, number_entries
from radar.store import load_view
from radar.ui.components.text import plain

CATALOG = Catalog(
    areas=(),
    rings=(
        Ring("klar", 1, 0.7, "KLAR", "Ready", "", ""),
        Ring("afproev", 2, 0.5, "AFPRØV", "Try", "", ""),
        Ring("hold-oeje", 3, 0.3, "HOLD ØJE", "Watch", "", ""),
        Ring("afvent", 4, 0.0, "AFVENT", "Wait", "", ""),
    ),
    sectors=tuple(
        Sector(s, i, f"{s} da", f"{s} en", "", "") for i, s in enumerate(["A", "B", "C", "D"])
    ),
)


def _view(cells: dict[tuple[str, str], int]) -> tuple[pd.DataFrame, dict[str, Technology]]:
    """A placed, numbered view with ``count`` blips in each (sector, ring) cell."""
    rows = [
        {"id": f"{sector}-{ring}-{i:03d}", "sector": sector, "ring": ring, "score": 0.5}
        for (sector, ring), count in cells.items()
        for i in range(count)
    ]
    # Listed out of order on purpose: the steps follow the numbers, not the rows.
    blips = pd.DataFrame(rows).iloc[::-1].reset_index(drop=True)
    view = compute_layout(blips, CATALOG.sector_ids, CATALOG.ring_ids)
    techs = {
        r["id"]: Technology(
            r["id"], r["sector"], f"Navn {r['id']}", f"Name {r['id']}", "", "", "", ""
        )
        for r in rows
    }
    view["number"] = number_entries(view, CATALOG, {i: t.name_da for i, t in techs.items()})
    view["visible"] = True
    view["match"] = True
    return view, techs


def _steps(*sectors: str) -> tuple[Step, ...]:
    return tuple(
        Step(number=i, technology=f"t{i}", sector=s, ring="klar", shown=True)
        for i, s in enumerate(sectors, start=1)
    )


# --- step order ----------------------------------------------------------------


def test_steps_go_sector_by_sector_inside_out_including_hidden_blips() -> None:
    view, _ = _view({("B", "afvent"): 2, ("A", "afproev"): 2, ("B", "klar"): 1, ("A", "klar"): 400})
    hidden = view[~view["shown"]]
    assert len(hidden) > 0, "the crowded cell should hide some blips behind +N"
    steps = step_order(view)
    assert [s.number for s in steps] == list(range(1, len(view) + 1))
    sector_rank = {s: i for i, s in enumerate(CATALOG.sector_ids)}
    ring_rank = {r: i for i, r in enumerate(CATALOG.ring_ids)}
    keys = [(sector_rank[s.sector], ring_rank[s.ring]) for s in steps]
    assert keys == sorted(keys)
    assert {s.technology for s in steps if not s.shown} == set(hidden["id"])


def test_steps_leave_out_filtered_blips() -> None:
    view, _ = _view({("A", "klar"): 3, ("B", "klar"): 2})
    view["visible"] = view["sector"] == "B"
    assert [s.sector for s in step_order(view)] == ["B", "B"]


def test_the_real_radar_steps_through_every_blip_by_number(
    con: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    view = load_view(con, ViewFilter(area="social-og-sundhed"))
    steps = step_order(view)
    assert len(steps) == len(view) >= 25
    assert [s.number for s in steps] == list(range(1, len(view) + 1))
    order = [(catalog.sector_ids.index(s.sector), catalog.ring_ids.index(s.ring)) for s in steps]
    assert order == sorted(order)


# --- stepping and focus ----------------------------------------------------------


def test_next_and_previous_stop_at_the_ends() -> None:
    steps = _steps("A", "A", "B")
    assert next_step(steps, 0, None) == 1
    assert next_step(steps, 3, None) == 3
    assert previous_step(steps, 1, None) == 0
    assert previous_step(steps, 0, None) == 0
    assert clamp_step(99, len(steps)) == 3 and clamp_step(-4, len(steps)) == 0


def test_a_focused_sector_starts_at_its_first_blip_and_hands_over_to_the_next() -> None:
    steps = _steps("A", "A", "B", "B", "C")
    # From the overview of a zoomed sector, Next goes to that sector's first blip.
    assert next_step(steps, 0, "B") == 3
    assert previous_step(steps, 5, "B") == 4
    # Past its last blip the zoom follows the spotlight into the next sector.
    assert next_step(steps, 4, "B") == 5
    assert focus_after_step(steps, 5, "B") == "C"
    assert focus_after_step(steps, 2, "B") == "A"
    # Without a zoom, or on the overview, nothing follows.
    assert focus_after_step(steps, 5, None) is None
    assert focus_after_step(steps, 0, "B") == "B"


def test_choosing_a_focus_keeps_a_step_inside_it_else_shows_the_overview() -> None:
    steps = _steps("A", "A", "B")
    assert step_after_focus(steps, 2, "A") == 2
    assert step_after_focus(steps, 2, "B") == 0
    assert step_after_focus(steps, 2, None) == 2
    # A sector without blips can still be zoomed; Next then simply goes on.
    assert step_after_focus(steps, 1, "D") == 0
    assert next_step(steps, 0, "D") == 1


# --- zoom bounds -----------------------------------------------------------------


def test_a_quarter_sector_box_is_its_square_plus_the_margin() -> None:
    assert sector_box(4, 0, aspect=1.0, margin=0.1) == pytest.approx((-0.1, 1.1, -0.1, 1.1))
    # Sector 2 of 4 is the bottom-left quarter (clockwise from 12 o'clock).
    assert sector_box(4, 2, aspect=1.0, margin=0.0) == pytest.approx((-1.0, 0.0, -1.0, 0.0))


@pytest.mark.parametrize("n_sectors", [1, 2, 3, 5, 8])
def test_the_sector_box_holds_the_whole_wedge_at_the_asked_aspect(n_sectors: int) -> None:
    edges = sector_edges(n_sectors)
    outer = ring_edges(4)[-1]
    for index in range(n_sectors):
        x0, x1, y0, y1 = sector_box(n_sectors, index, aspect=1.5, margin=0.05)
        assert (x1 - x0) / (y1 - y0) == pytest.approx(1.5)
        angles = np.linspace(edges[index + 1], edges[index], 200)
        xs = np.r_[0.0, outer * np.cos(angles)]
        ys = np.r_[0.0, outer * np.sin(angles)]
        assert xs.min() >= x0 + 0.05 - 1e-9 and xs.max() <= x1 - 0.05 + 1e-9
        assert ys.min() >= y0 + 0.05 - 1e-9 and ys.max() <= y1 - 0.05 + 1e-9
        # Not larger than it need be: the wedge touches the margin on one axis.
        touches = [xs.min() - x0, x1 - xs.max(), ys.min() - y0, y1 - ys.max()]
        assert min(touches) == pytest.approx(0.05, abs=1e-3)


def test_zooming_to_the_one_category_shows_the_whole_disc() -> None:
    assert sector_box(1, 0, aspect=1.0, margin=0.1) == pytest.approx((-1.1, 1.1, -1.1, 1.1))


def test_an_unknown_sector_has_no_box() -> None:
    with pytest.raises(ValueError, match="no sector"):
        sector_box(5, 5, aspect=1.0)


# --- spotlight text --------------------------------------------------------------


def test_the_spotlight_names_the_blip_its_ring_and_sector_in_both_languages(
    con: duckdb.DuckDBPyConnection, catalog: Catalog, technologies: dict[str, Technology]
) -> None:
    view = load_view(con, ViewFilter(area="beskaeftigelse"))
    steps = step_order(view)
    assert spotlight(steps, 0, view, catalog, technologies, "da") is None
    third = steps[2]
    da = spotlight(steps, 3, view, catalog, technologies, "da")
    en = spotlight(steps, 3, view, catalog, technologies, "en")
    assert da is not None and en is not None
    assert (da.position, da.count, da.number) == (3, len(steps), third.number)
    assert da.name == technologies[third.technology].name_da
    assert en.name == technologies[third.technology].name_en
    assert da.ring == catalog.ring(third.ring).name_da
    assert en.sector == catalog.sector(third.sector).name_en
    assert da.summary == technologies[third.technology].summary_da
    assert da.movement and da.hidden_with == 0


def test_a_hidden_blip_is_spotlighted_with_the_size_of_its_group() -> None:
    view, techs = _view({("A", "klar"): 400})
    steps = step_order(view)
    hidden = [i for i, s in enumerate(steps, start=1) if not s.shown]
    lit = spotlight(steps, hidden[0], view, CATALOG, techs, "da")
    assert lit is not None and lit.hidden_with == len(hidden)


# --- the figure's presenter options -------------------------------------------


def _opacities(fig: go.Figure) -> dict[str, float]:
    return {tr.name: tr.opacity for tr in fig.data if (tr.name or "").startswith("circles-")}


def test_the_spotlight_dims_every_other_blip_and_outlines_it() -> None:
    view, techs = _view({("A", "klar"): 3, ("B", "afproev"): 2})
    lit = view.loc[view["number"] == 2, "id"].iloc[0]
    fig = radar_figure(view, CATALOG, techs, "da", RadarOptions(spotlight=lit))
    circles = [tr for tr in fig.data if (tr.name or "").startswith("circles-")]
    full = [tr for tr in circles if tr.opacity == 1.0]
    assert len(full) == 1 and np.isnan(np.array(full[0].x, dtype=float)).sum() == 1
    assert {tr.opacity for tr in circles} == {1.0, theme.SPOTLIGHT_DIM_OPACITY}
    outline = next(tr for tr in fig.data if tr.name == "spotlight")
    assert outline.line.width == theme.SPOTLIGHT_OUTLINE_WIDTH
    placed = fitted_view(view, CATALOG, "da", RadarOptions(spotlight=lit)).set_index("id")
    assert np.nanmean(np.array(outline.x, dtype=float)[:-2]) == pytest.approx(
        placed.loc[lit, "x"], abs=1e-6
    )
    # Drawn larger than the blip, so it reads from the back of a room.
    xs, ys = np.array(outline.x, dtype=float), np.array(outline.y, dtype=float)
    reach = np.nanmax(np.hypot(xs - placed.loc[lit, "x"], ys - placed.loc[lit, "y"]))
    assert reach == pytest.approx(placed.loc[lit, "radius"] * theme.SPOTLIGHT_GROWTH, rel=1e-3)
    # Its name beside it, escaped, inside the view.
    label = next(a for a in fig.layout.annotations if a.name == "spotlight-label")
    assert "Navn" in label.text
    assert fig.layout.xaxis.range[0] <= label.x <= fig.layout.xaxis.range[1]
    assert fig.layout.yaxis.range[0] <= label.y <= fig.layout.yaxis.range[1]
    # Every blip stays hoverable; only its look changes.
    blips = next(tr for tr in fig.data if tr.name == "blips")
    assert len(blips.customdata) == len(view)


def test_a_spotlighted_hidden_blip_lights_its_plus_n_marker() -> None:
    view, techs = _view({("A", "klar"): 400, ("B", "klar"): 400})
    hidden = view[~view["shown"] & (view["sector"] == "B")]
    fig = radar_figure(view, CATALOG, techs, "da", RadarOptions(spotlight=hidden["id"].iloc[0]))
    overflow = next(tr for tr in fig.data if tr.name == "overflow")
    assert list(overflow.customdata) == ["overflow:A:klar", "overflow:B:klar"]
    assert list(overflow.marker.opacity) == [theme.SPOTLIGHT_DIM_OPACITY, 1.0]
    assert list(overflow.marker.line.width) == [1, theme.SPOTLIGHT_OUTLINE_WIDTH]
    assert set(_opacities(fig).values()) == {theme.SPOTLIGHT_DIM_OPACITY}


def test_a_focused_sector_fills_the_figure() -> None:
    view, techs = _view({("A", "klar"): 3, ("C", "afvent"): 2})
    options = RadarOptions(focus_sector="C", width=1200, height=900)
    fig = radar_figure(view, CATALOG, techs, "da", options)
    # The wedge's box, at the plot area's own aspect, so it fills the figure.
    margin = 2 * theme.FIGURE_MARGIN
    x0, x1, y0, y1 = sector_box(4, 2, aspect=(1200 - margin) / (900 - margin))
    (fx0, fx1), (fy0, fy1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    assert (fx1 - fx0) / (fy1 - fy0) == pytest.approx((1200 - margin) / (900 - margin))
    assert fx0 <= x0 and fx1 >= x1 and fy0 <= y0 and fy1 >= y1
    assert fx1 - fx0 == pytest.approx(x1 - x0, rel=0.05)
    wide = radar_figure(view, CATALOG, techs, "da", RadarOptions(x_extent=1.8))
    assert list(wide.layout.xaxis.range) == pytest.approx([-1.8, 1.8], rel=0.01)


def _extent(trace: go.Scatter) -> tuple[float, float, float, float]:
    xs, ys = np.array(trace.x, dtype=float), np.array(trace.y, dtype=float)
    return np.nanmin(xs), np.nanmax(xs), np.nanmin(ys), np.nanmax(ys)


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (3840, 2160)])
@pytest.mark.parametrize("sector", ["A", "B", "C", "D"])
def test_a_zoomed_sector_shows_every_blip_whole_and_dims_the_rest(
    size: tuple[int, int], sector: str
) -> None:
    view, techs = _view({(s, r): 9 for s in "ABCD" for r in ("klar", "afproev", "afvent")})
    lit = view.loc[(view["sector"] == sector) & (view["ring"] == "afvent"), "id"].iloc[-1]
    width, height = size[0] * 3 // 4, size[1] - 80
    options = RadarOptions.presenter(spotlight=lit, focus_sector=sector, width=width, height=height)
    fig = radar_figure(view, CATALOG, techs, "da", options)
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    position = CATALOG.sector_ids.index(sector)
    focused = [tr for tr in fig.data if tr.name in (f"circles-{position}", "spotlight", "selected")]
    assert any(tr.name == "spotlight" for tr in focused)
    for trace in focused:
        a, b, c, d = _extent(trace)
        assert x0 <= a and b <= x1 and y0 <= c and d <= y1, trace.name
    # Every other sector's blips and names fade.
    others = [tr for tr in fig.data if (tr.name or "").startswith("circles-") and tr not in focused]
    assert others and {tr.opacity for tr in others} == {theme.SPOTLIGHT_DIM_OPACITY}
    names = {a.name: a for a in fig.layout.annotations if (a.name or "").startswith("sector-")}
    assert names[f"sector-label:{sector}"].opacity == 1.0
    assert {a.opacity for n, a in names.items() if n != f"sector-label:{sector}"} == {
        theme.SPOTLIGHT_DIM_OPACITY
    }


def test_without_presenter_options_the_figure_is_unchanged() -> None:
    view, techs = _view({("A", "klar"): 3, ("B", "afproev"): 400})
    plain_fig = radar_figure(view, CATALOG, techs, "da", RadarOptions(selected=view["id"].iloc[0]))
    explicit = radar_figure(
        view,
        CATALOG,
        techs,
        "da",
        RadarOptions(
            selected=view["id"].iloc[0],
            spotlight=None,
            focus_sector=None,
            x_extent=None,
            high_contrast=False,
            number_scale=None,
        ),
    )
    assert plain_fig.to_json() == explicit.to_json()
    frame = RadarOptions().frame(4)
    assert list(plain_fig.layout.xaxis.range) == pytest.approx(list(frame.x_range))
    assert set(_opacities(plain_fig).values()) == {1.0}
    assert not any(tr.name == "spotlight" for tr in plain_fig.data)
    overflow = next(tr for tr in plain_fig.data if tr.name == "overflow")
    assert overflow.marker.opacity is None


def test_high_contrast_draws_darker_thicker_lines_and_labels() -> None:
    view, techs = _view({("A", "klar"): 2})
    # The projector's figure at 1920 x 1080: the radar column beside the big-type panel.
    fig = radar_figure(view, CATALOG, techs, "da", RadarOptions.presenter(width=1380, height=1000))
    circles = [s for s in fig.layout.shapes if s.type == "circle"]
    assert {s.line.width for s in circles} == {theme.CONTRAST_RING_LINE_WIDTH}
    labels = [a for a in fig.layout.annotations if (a.name or "").startswith("ring-label:")]
    assert len(labels) == 4
    assert {label.font.color for label in labels} == {theme.TEXT}
    assert min(label.font.size for label in labels) >= 24
    sectors = [a for a in fig.layout.annotations if (a.name or "").startswith("sector-label:")]
    assert len(sectors) == 4 and min(a.font.size for a in sectors) >= 24


def test_the_presenter_numbers_have_their_own_scale() -> None:
    view, techs = _view({("A", "klar"): 2})
    sizes = {
        scale: next(tr for tr in fig.data if tr.name == "numbers").textfont.size
        for scale, fig in (
            # Label scale alone leaves the numbers filling their blips.
            (1.0, radar_figure(view, CATALOG, techs, "da", RadarOptions(scale=2.0))),
            (
                2.0,
                radar_figure(view, CATALOG, techs, "da", RadarOptions(scale=2.0, number_scale=2.0)),
            ),
        )
    }
    assert all(math.isclose(2 * a, b) for a, b in zip(sizes[1.0], sizes[2.0], strict=True))


# --- the page (AppTest) --------------------------------------------------------

NEXT = "presenter_button_next"
PREVIOUS = "presenter_button_previous"
RELEASE = "presenter_button_release"


def _big_name(at: AppTest) -> str:
    return at.header[0].value


def _expected_title(con: duckdb.DuckDBPyConnection, step: int, lang: str = "da") -> str:
    current = step_order(load_view(con, ViewFilter()))[step - 1]
    tech = store.load_technologies(con)[current.technology]
    return plain(f"{current.number}. {tech.label(lang)}")


def test_the_presenter_page_renders_in_danish_without_chrome(app: AppTest) -> None:
    at = app.run()
    at.switch_page("pages/present.py").run()
    assert_clean(at)
    # Presenter mode is in the URL, so the entry point leaves out its title and toggle.
    assert at.query_params["present"] == "1"
    assert not at.title
    assert _big_name(at) == "Teknologiradar"
    assert len(at.get("plotly_chart")) == 1
    assert at.button(key=NEXT).label == "Næste"
    assert at.button(key=PREVIOUS).disabled
    assert at.button(key=RELEASE).disabled
    assert at.pills(key="presenter_focus").value is None
    assert "step" not in at.query_params and "focus" not in at.query_params


def test_the_presenter_page_renders_in_english(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    app.query_params.update({"present": "1", "lang": "en", "step": "1"})
    at = app.run()
    assert_clean(at)
    assert not at.title
    assert at.button(key=NEXT).label == "Next"
    assert _big_name(at) == _expected_title(con, 1, "en")
    assert at.subheader[0].value.startswith("Ring\\: ")
    assert at.pills(key="presenter_focus").label == "Zoom in on a category"


def test_a_reload_restores_the_step_and_the_focus(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    steps = step_order(load_view(con, ViewFilter()))
    assert steps[2].sector == "AUT"
    app.query_params.update({"present": "1", "step": "3", "focus": "AUT"})
    at = app.run()
    assert_clean(at)
    assert _big_name(at) == _expected_title(con, 3)
    assert at.pills(key="presenter_focus").value == "AUT"
    assert not at.button(key=RELEASE).disabled
    assert (at.query_params["step"], at.query_params["focus"]) == ("3", "AUT")


def test_next_and_previous_step_and_update_the_url(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    app.query_params.update({"present": "1", "step": "3"})
    at = app.run()
    at.button(key=NEXT).click().run()
    assert_clean(at)
    assert at.query_params["step"] == "4"
    assert _big_name(at) == _expected_title(con, 4)
    at.button(key=PREVIOUS).click().run()
    at.button(key=PREVIOUS).click().run()
    assert at.query_params["step"] == "2"
    assert _big_name(at) == _expected_title(con, 2)


def test_zooming_to_a_sector_and_releasing_it(app: AppTest, con: duckdb.DuckDBPyConnection) -> None:
    steps = step_order(load_view(con, ViewFilter()))
    first_data = next(i for i, s in enumerate(steps, start=1) if s.sector == "DATA")
    app.query_params.update({"present": "1", "step": "2"})
    at = app.run()
    at.pills(key="presenter_focus").set_value("DATA").run()
    assert_clean(at)
    # Another sector: its overview first, then Next starts at its first blip.
    assert at.query_params["focus"] == "DATA" and "step" not in at.query_params
    assert _big_name(at) == "Data, sensorer og IoT"
    at.button(key=NEXT).click().run()
    assert at.query_params["step"] == str(first_data)
    at.button(key=RELEASE).click().run()
    assert_clean(at)
    assert "focus" not in at.query_params and at.query_params["step"] == str(first_data)
    assert at.pills(key="presenter_focus").value is None


def test_present_on_the_radar_page_opens_the_presenter_page(app: AppTest) -> None:
    app.query_params.update({"present": "1", "area": "beskaeftigelse", "lang": "en"})
    at = app.run()
    assert_clean(at)
    assert at.button(key=NEXT).label == "Next"
    assert not at.title
    assert list_element(at) is None  # no legend list on the presenter page
    assert at.selectbox(key="area").value == "beskaeftigelse"
    assert "Employment" in at.caption[0].value


def test_a_stale_step_or_focus_in_the_url_falls_back_to_the_overview(app: AppTest) -> None:
    app.query_params.update({"present": "1", "step": "abc", "focus": "<b>nope</b>"})
    at = app.run()
    assert_clean(at)
    assert _big_name(at) == "Teknologiradar"
    assert "step" not in at.query_params and "focus" not in at.query_params
