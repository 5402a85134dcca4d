"""The radar figure: one blip per shown technology, safe hover text, click keys."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from radar.figures import OVERFLOW_KEY, radar_figure, text_colour_on
from radar.layout import compute_layout
from radar.model import Catalog, Ring, Sector, Technology

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
EVIL = '<img src=x onerror="alert(1)">'


def _view(n: int, *, sector: str = "A", ring: str = "klar") -> tuple[pd.DataFrame, dict]:
    blips = pd.DataFrame(
        {
            "id": [f"t{i}" for i in range(n)],
            "sector": sector,
            "ring": ring,
            "score": [i / max(n, 1) for i in range(n)],
        }
    )
    view = compute_layout(blips, CATALOG.sector_ids, CATALOG.ring_ids)
    view["number"] = range(1, n + 1)
    view["visible"] = True
    view["match"] = True
    techs = {
        f"t{i}": Technology(f"t{i}", sector, f"Navn {i}", f"Name {i}", EVIL, EVIL, "", "")
        for i in range(n)
    }
    return view, techs


def _blip_trace(fig: go.Figure) -> go.Scatter:
    return next(tr for tr in fig.data if tr.name == "blips")


def _circles(fig: go.Figure) -> list[tuple[float, float]]:
    """(centre x, opacity) of every drawn blip circle, from the filled polygon traces."""
    found = []
    for trace in fig.data:
        if not (trace.name or "").startswith("circles-"):
            continue
        xs = np.array(trace.x, dtype=float)
        for piece in np.split(xs, np.flatnonzero(np.isnan(xs)) + 1):
            piece = piece[~np.isnan(piece)]
            if len(piece):
                found.append((round(float(piece[:-1].mean()), 4), trace.opacity))
    return sorted(found)


def test_one_clickable_point_and_one_circle_per_blip() -> None:
    view, techs = _view(7)
    fig = radar_figure(view, CATALOG, techs, "da")
    trace = _blip_trace(fig)
    assert list(trace.customdata) == view["id"].tolist()
    assert len(_circles(fig)) == 7
    assert sorted(round(x, 4) for x in view["x"]) == [x for x, _ in _circles(fig)]
    numbers = next(tr for tr in fig.data if tr.name == "numbers")
    assert list(numbers.text) == [str(i) for i in range(1, 8)]


def test_hover_text_is_escaped() -> None:
    view, techs = _view(2)
    fig = radar_figure(view, CATALOG, techs, "en")
    hover = " ".join(_blip_trace(fig).hovertext)
    assert "<img" not in hover
    assert '&lt;img src=x onerror="alert(1)"&gt;' in hover  # plotly shows &quot; literally
    assert "Name 0" in hover and "Ready" in hover


def test_filtered_blips_are_not_drawn_and_unmatched_are_dimmed() -> None:
    view, techs = _view(4)
    view.loc[0, "visible"] = False
    view.loc[1, "match"] = False
    fig = radar_figure(view, CATALOG, techs, "da")
    assert list(_blip_trace(fig).customdata) == ["t1", "t2", "t3"]
    dimmed = round(float(view.loc[1, "x"]), 4)
    assert sorted(o for x, o in _circles(fig) if x == dimmed) == [0.18]
    assert sorted(o for x, o in _circles(fig) if x != dimmed) == [1.0, 1.0]


def test_overflowing_cell_gets_one_plus_n_marker() -> None:
    view, techs = _view(400)
    hidden = int((~view["shown"]).sum())
    assert hidden > 0
    fig = radar_figure(view, CATALOG, techs, "da")
    overflow = next(tr for tr in fig.data if tr.name == "overflow")
    assert list(overflow.text) == [f"+{hidden}"]
    assert list(overflow.customdata) == [f"{OVERFLOW_KEY}:A:klar"]
    assert len(_blip_trace(fig).customdata) == 400 - hidden


def test_selected_blip_is_outlined() -> None:
    view, techs = _view(3)
    fig = radar_figure(view, CATALOG, techs, "da", selected="t1")
    outline = next(tr for tr in fig.data if tr.name == "selected")
    xs = np.array(outline.x, dtype=float)
    assert np.nanmean(xs[:-2]) == pytest.approx(view.loc[1, "x"], abs=1e-6)
    assert not any(tr.name == "selected" for tr in radar_figure(view, CATALOG, techs, "da").data)


def _labels(fig: go.Figure) -> str:
    texts = [a.text for a in fig.layout.annotations]
    texts += [s.label.text for s in fig.layout.shapes if s.label and s.label.text]
    return " ".join(texts)


def test_ring_and_sector_labels_follow_the_language() -> None:
    view, techs = _view(1)
    da = _labels(radar_figure(view, CATALOG, techs, "da"))
    en = _labels(radar_figure(view, CATALOG, techs, "en"))
    assert "AFPRØV" in da and "A da" in da
    assert "Try" in en and "A en" in en


def test_blip_numbers_contrast_with_their_fill() -> None:
    assert text_colour_on("#000000") == "#FFFFFF"
    assert text_colour_on("#F0E442") == "#000000"
    assert text_colour_on("#0072B2") == "#FFFFFF"
