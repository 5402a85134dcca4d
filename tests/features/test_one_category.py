"""An organisation's own radar of one category (issue 13): imported, drawn, compared and
exported in every format, as from the radar page, the comparison and ``python -m radar export``.

PNG, SVG and PDF are drawn by the real system Chromium, as in production.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader

from radar import exporting, importing, store, theme
from radar.cli import main
from radar.drawing.figure import RadarOptions, fitted_view, radar_figure
from radar.drawing.trails import radial_trails
from radar.formats import EXPORT_FORMATS
from radar.model import COMBINED_AREA
from radar.pipeline import overview
from radar.pipeline.geometry import ring_edges
from radar.pipeline.history import Movement
from radar.pipeline.radar_data import RadarData
from radar.pipeline.view import ViewFilter

AREA = "administration"
CATEGORY = "Vores teknologier"
SECTOR = "vores-teknologier"  # the id the import makes of the quadrant's name
RINGS = ("adopt", "trial", "assess", "hold")
MAGIC = {
    "csv": b"\xef\xbb\xbfarea;technology;",
    "xlsx": b"PK",
    "json": b"[",
    "byor-csv": b"name,ring,quadrant,isNew,status,description",
    "png": b"\x89PNG",
    "svg": b"<svg",
    "pdf": b"%PDF",
    "html": b"<!DOCTYPE html>",
}


def _byor(edition: int) -> bytes:
    """A Build Your Own Radar CSV of one quadrant: 40 technologies, some moving each edition."""
    lines = ["name,ring,quadrant,isNew,status,description"]
    for i in range(40 if edition > 2024 else 34):
        ring = RINGS[(i + (edition - 2024) * (i % 5 == 0)) % len(RINGS)]
        lines.append(f"Teknologi {i:02d},{ring},{CATEGORY},FALSE,,Beskrivelse {i}")
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture(scope="module")
def one_category_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("own") / "own.duckdb"
    importing.create_empty_database(path)
    con = duckdb.connect(str(path))
    try:
        for edition in (2024, 2025):
            importing.import_file(
                con, _byor(edition), file_name="radar.csv", edition=edition, area=AREA, editor="t"
            )
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def own_con(one_category_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = store.connect(one_category_db, read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def data(own_con: duckdb.DuckDBPyConnection) -> RadarData:
    return store.load_radar_data(own_con)


def test_the_import_makes_a_radar_of_one_category(data: RadarData) -> None:
    assert [(s.id, s.label("da")) for s in data.catalog.sectors] == [(SECTOR, CATEGORY)]
    view = data.view(ViewFilter(area=AREA))
    assert len(view) == 40 and view["shown"].all()


def _assert_whole_and_apart(placed: pd.DataFrame) -> None:
    """Every drawn blip inside the disc, and no two on top of each other."""
    drawn = placed[placed["visible"] & placed["shown"]]
    x, y, r = (drawn[c].to_numpy(dtype=float) for c in ("x", "y", "radius"))
    assert (np.hypot(x, y) + r <= 1.0).all()
    gap = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :]) - (r[:, None] + r[None, :])
    np.fill_diagonal(gap, np.inf)
    assert gap.min() >= 0


@pytest.mark.parametrize(
    "options",
    [
        RadarOptions(width=1520, height=930),
        RadarOptions(width=390, height=500, compact=True),
        RadarOptions.presenter(width=1380, height=1000),
        RadarOptions.presenter(width=1380, height=1000, focus_sector=SECTOR),
    ],
    ids=["page", "phone", "presenter", "presenter-zoomed"],
)
def test_the_radar_draws_every_blip_whole_with_readable_numbers(
    data: RadarData, options: RadarOptions
) -> None:
    view = data.view(ViewFilter(area=AREA))
    fig = radar_figure(view, data.catalog, data.technologies, "da", options)
    _assert_whole_and_apart(fitted_view(view, data.catalog, "da", options))
    numbers = next(tr for tr in fig.data if tr.name == "numbers")
    assert len(numbers.text) == 40 and min(numbers.textfont.size) >= theme.MIN_FONT
    rings = [n for n in fig.layout.annotations if (n.name or "").startswith("ring-label:")]
    assert len(rings) == 4 and min(n.font.size for n in rings) >= theme.MIN_FONT


def test_a_technology_that_stays_keeps_its_place_from_one_edition_to_the_next(
    data: RadarData,
) -> None:
    before = data.view(ViewFilter(area=AREA, edition=2024)).set_index("id")
    after = data.view(ViewFilter(area=AREA, edition=2025)).set_index("id")
    same = [i for i in before.index if after.loc[i, "ring"] == before.loc[i, "ring"]]
    assert len(same) > 20
    pd.testing.assert_frame_equal(after.loc[same, ["x", "y"]], before.loc[same, ["x", "y"]])


def test_the_comparison_draws_each_move_straight_in_or_out(data: RadarData) -> None:
    moved = data.comparison(AREA, 2024, 2025).changes
    moved = moved[moved["kind"].isin([Movement.IN, Movement.OUT])]
    assert len(moved) >= 5
    view = data.view(ViewFilter(area=AREA, edition=2025))
    trails = radial_trails(moved, view, data.catalog)
    fig = radar_figure(view, data.catalog, data.technologies, "da", trails=trails)
    trace = next(tr for tr in fig.data if tr.name == "trails")
    points = np.column_stack((np.asarray(trace.x, float), np.asarray(trace.y, float)))
    edges = ring_edges(len(data.catalog.rings))
    came_from = dict(zip(trails["id"], trails["ring_before"], strict=True))
    segments = points.reshape(-1, 3, 2)[:, :2, :]
    for (tail, head), tech in zip(segments, np.asarray(trace.customdata)[::3], strict=True):
        assert abs(tail[0] * head[1] - tail[1] * head[0]) < 1e-6, "straight out from the centre"
        k = data.catalog.ring_ids.index(came_from[tech])
        assert edges[k] - 0.05 <= float(np.hypot(*tail)) <= edges[k + 1] + 0.05


def test_the_overview_counts_the_one_category(data: RadarData) -> None:
    counts = overview.ring_counts(data.entries, 2025, data.catalog, None)
    assert int(counts.loc[AREA].sum()) == 40
    assert counts.equals(overview.ring_counts(data.entries, 2025, data.catalog, SECTOR))
    matrix = overview.ring_matrix(data.entries, 2025, data.catalog)
    assert len(matrix) == 40 and set(matrix["sector"]) == {SECTOR}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_export_format_is_written(
    fmt: str, one_category_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"radar.{fmt}"
    args = ["export", "--format", fmt, "--out", str(out), "--db", str(one_category_db)]
    assert main([*args, "--area", AREA]) == 0
    assert f"Wrote {out}" in capsys.readouterr().out
    data = out.read_bytes()
    assert data.startswith(MAGIC[fmt]) and len(data) > 500
    if fmt == "png":
        picture = Image.open(io.BytesIO(data))
        picture.verify()
        assert picture.size[1] == theme.EXPORT_SLIDE_HEIGHT * theme.EXPORT_IMAGE_SCALE
    elif fmt == "svg":
        root = ET.fromstring(data)
        texts = {"".join(e.itertext()) for e in root.iter() if e.tag.endswith("}text")}
        assert {str(n) for n in range(1, 41)} <= texts
        assert {"KLAR", "AFPRØV", "HOLD ØJE", "AFVENT"} <= texts
    elif fmt == "pdf":
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        assert CATEGORY in text and "Teknologi 39" in text and "HOLD ØJE" in text


def test_the_combined_radar_of_one_category_exports_too(own_con: duckdb.DuckDBPyConnection) -> None:
    assert exporting.export_radar(own_con, "html", area=COMBINED_AREA).startswith(MAGIC["html"])
