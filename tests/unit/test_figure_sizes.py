"""The radar figure at real screen sizes: ring names no blip covers, numbers of 11 px
or more that fit their blips, labels inside the figure, contrast, and the text alternative.

Every check reads the figure's own data (annotations, blip polygons, marker sizes
and the axis ranges), as a browser would draw it.
"""

from __future__ import annotations

import math
import re

import duckdb
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from radar import store, theme
from radar.drawing.alt_text import alt_text
from radar.drawing.contrast import blip_outline, contrast_ratio, needs_outline, text_colour_on
from radar.drawing.figure import RadarOptions, fitted_view, radar_figure, ring_fill
from radar.drawing.sizing import LINE_EM, figure_height, number_half_diagonal_em, text_width_em
from radar.model import COMBINED_AREA, Catalog, Ring, Sector, Technology
from radar.pipeline.layout import compute_layout
from radar.pipeline.view import ViewFilter

#: Browser windows the issue names, and the disc the page gives the radar in
#: each: min(window height - 170, window width).
PAGES = {"1920x1080": (1920, 1080), "1366x768": (1366, 768), "390x844": (390, 844)}


def page_options(name: str, n_sectors: int, **extra: object) -> RadarOptions:
    """The options the page passes at a window size: the list beside the radar on a desktop."""
    width, height = PAGES[name]
    disc = min(height - 170, width)
    if width < 600:
        # A phone: the figure as wide as the window, the sector key under the disc.
        disc = width - 2 * theme.FIGURE_MARGIN
        return RadarOptions(
            width=width, height=figure_height(disc, n_sectors, compact=True), compact=True, **extra
        )
    return RadarOptions(
        width=width - 400, height=figure_height(disc, n_sectors, compact=False), **extra
    )


def _pixels(fig: go.Figure) -> float:
    """Pixels per radar unit of the drawn figure."""
    margin = fig.layout.margin
    y0, y1 = fig.layout.yaxis.range
    return (fig.layout.height - margin.t - margin.b) / (y1 - y0)


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("&amp;", "&").replace("&lt;", "<")


def _ring_label_boxes(fig: go.Figure) -> list[tuple[float, float, float, float, float]]:
    """(x, y, reading angle in radians, half-length, half-height) of every ring label."""
    px = _pixels(fig)
    boxes = []
    for note in fig.layout.annotations:
        if not (note.name or "").startswith("ring-label:"):
            continue
        font = note.font.size
        length = text_width_em(_plain(note.text)) * font + 2 * (note.borderpad or 0)
        boxes.append(
            (
                note.x,
                note.y,
                math.radians(-(note.textangle or 0)),
                length / 2 / px,
                0.5 * LINE_EM * font / px,
            )
        )
    return boxes


def _blip_discs(fig: go.Figure) -> list[tuple[float, float, float]]:
    """(centre x, centre y, reach) of every drawn blip shape and "+N" marker."""
    discs = []
    for trace in fig.data:
        name = trace.name or ""
        if name.startswith("circles-") or name == "selected":
            xy = np.column_stack((np.array(trace.x, dtype=float), np.array(trace.y, dtype=float)))
            for piece in np.split(xy, np.flatnonzero(np.isnan(xy[:, 0])) + 1):
                piece = piece[~np.isnan(piece[:, 0])]
                if len(piece):
                    centre = piece[:-1].mean(axis=0)
                    reach = float(np.linalg.norm(piece - centre, axis=1).max())
                    discs.append((float(centre[0]), float(centre[1]), reach))
        elif name == "overflow":
            px = _pixels(fig)
            for x, y, size in zip(trace.x, trace.y, trace.marker.size, strict=True):
                discs.append((float(x), float(y), size / 2 / px))
    return discs


def _box_distance(box: tuple[float, float, float, float, float], x: float, y: float) -> float:
    """Distance from a point to a rotated label box (0 inside it)."""
    bx, by, angle, half_length, half_height = box
    dx, dy = x - bx, y - by
    along = dx * math.cos(angle) + dy * math.sin(angle)
    across = -dx * math.sin(angle) + dy * math.cos(angle)
    return math.hypot(max(abs(along) - half_length, 0.0), max(abs(across) - half_height, 0.0))


def assert_labels_clear(fig: go.Figure, n_rings: int, min_font: float = theme.MIN_FONT) -> None:
    boxes = _ring_label_boxes(fig)
    assert len(boxes) == n_rings
    discs = _blip_discs(fig)
    assert discs
    for box in boxes:
        for x, y, reach in discs:
            assert _box_distance(box, x, y) >= reach, f"a blip at ({x:.3f}, {y:.3f}) covers {box}"
        # Inside the disc, and no two ring names on top of each other.
        for s in (-1, 1):
            for t in (-1, 1):
                cx = box[0] + s * box[3] * math.cos(box[2]) - t * box[4] * math.sin(box[2])
                cy = box[1] + s * box[3] * math.sin(box[2]) + t * box[4] * math.cos(box[2])
                assert math.hypot(cx, cy) <= 1.0 + 1e-9
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not _boxes_overlap(a, b)
    fonts = [n.font.size for n in fig.layout.annotations if (n.name or "").startswith("ring-")]
    assert min(fonts) >= min_font


def _boxes_overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Two boxes of the same angle overlap (ring labels all read along one border)."""
    dx, dy, angle = b[0] - a[0], b[1] - a[1], a[2]
    along = dx * math.cos(angle) + dy * math.sin(angle)
    across = -dx * math.sin(angle) + dy * math.cos(angle)
    return abs(along) < a[3] + b[3] - 1e-9 and abs(across) < a[4] + b[4] - 1e-9


# --- the seeded radar ----------------------------------------------------------


@pytest.fixture(scope="module")
def views(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> dict[str, pd.DataFrame]:
    areas = [COMBINED_AREA, *catalog.area_ids]
    return {area: store.load_view(con, ViewFilter(area=area)) for area in areas}


@pytest.mark.parametrize("page", PAGES)
def test_no_blip_covers_a_ring_label_on_any_area(
    page: str,
    views: dict[str, pd.DataFrame],
    catalog: Catalog,
    technologies: dict[str, Technology],
) -> None:
    for view in views.values():
        options = page_options(page, len(catalog.sectors), selected=view["id"].iloc[3])
        fig = radar_figure(view, catalog, technologies, "da", options)
        assert_labels_clear(fig, len(catalog.rings))


@pytest.mark.parametrize(
    "options",
    [
        RadarOptions(),  # the callers that do not know the width
        RadarOptions(compact=True),
        RadarOptions(height=theme.EXPORT_FIGURE_HEIGHT, title="Radar"),  # PNG and PDF
        RadarOptions(width=700, height=560, scale=0.85),  # side by side, half the page
        RadarOptions.presenter(width=1380, height=1000),
        RadarOptions.presenter(width=700, height=640),  # a 1024 x 768 projector
    ],
    ids=["default", "compact", "export", "side-by-side", "presenter", "presenter-small"],
)
def test_no_blip_covers_a_ring_label_for_any_caller(
    options: RadarOptions,
    views: dict[str, pd.DataFrame],
    catalog: Catalog,
    technologies: dict[str, Technology],
) -> None:
    for lang in ("da", "en"):
        fig = radar_figure(views[COMBINED_AREA], catalog, technologies, lang, options)
        assert_labels_clear(fig, len(catalog.rings))


def _synthetic(
    n_sectors: int, n_rings: int, seed: int, *, crowd: int | None = None, n: int | None = None
) -> tuple[Catalog, pd.DataFrame, dict]:
    """An imported radar of random blips; with ``crowd``, all ``n`` of them in that ring."""
    rng = np.random.default_rng(seed)
    names = ["KLAR", "AFPRØV", "HOLD ØJE", "AFVENT", "UNDERSØG NÆRMERE", "PAUSE"]
    catalog = Catalog(
        areas=(),
        rings=tuple(
            Ring(f"r{i}", i + 1, 1 - i / n_rings, names[i], names[i], "", "")
            for i in range(n_rings)
        ),
        sectors=tuple(
            Sector(f"s{i}", i, f"Kategori nummer {i}", f"Category {i}", "", "")
            for i in range(n_sectors)
        ),
    )
    n = 14 * n_sectors * n_rings // 2 if n is None else n
    # Crowded inner rings, as on real radars.
    rings = [f"r{min(int(i), n_rings - 1)}" for i in rng.exponential(1.2, n)]
    blips = pd.DataFrame(
        {
            "id": [f"t{i}" for i in range(n)],
            "sector": [f"s{i}" for i in rng.integers(0, n_sectors, n)],
            "ring": rings if crowd is None else f"r{crowd}",
            "score": rng.random(n),
            "movement": rng.choice(["same", "new", "in", "out"], n),
        }
    )
    view = compute_layout(blips, catalog.sector_ids, catalog.ring_ids)
    view = view.sort_values(["sector", "ring", "score"]).reset_index(drop=True)
    view["number"] = np.arange(1, n + 1)
    view["visible"] = True
    view["match"] = True
    techs = {i: Technology(i, "s0", i, i, "", "", "", "") for i in view["id"]}
    return catalog, view, techs


@pytest.mark.parametrize("n_sectors", range(1, 13))
@pytest.mark.parametrize("n_rings", range(3, 7))
def test_no_blip_covers_a_ring_label_on_imported_radars(n_sectors: int, n_rings: int) -> None:
    catalog, view, techs = _synthetic(n_sectors, n_rings, seed=n_sectors * 10 + n_rings)
    for page in PAGES:
        fig = radar_figure(view, catalog, techs, "da", page_options(page, n_sectors))
        # Narrow wedges (on a phone from 8 sectors, at 1366 px 11 sectors of
        # 6 rings) cannot spare a band wide enough for 11 px names and still
        # hold a blip beside it: the names shrink there, still clear of every blip.
        phone = page == "390x844"
        narrow = (phone and n_sectors + n_rings >= 14) or (n_rings == 6 and n_sectors >= 11)
        assert_labels_clear(fig, n_rings, min_font=5.0 if narrow else theme.MIN_FONT)


#: The figures of one radar the dashboard and the exports draw, beside the pages.
CALLERS = {
    "export": RadarOptions(height=theme.EXPORT_FIGURE_HEIGHT, title="Radar"),
    "side-by-side": RadarOptions(width=700, height=560, scale=0.85),
    "presenter": RadarOptions.presenter(width=1380, height=1000),
}


def _sizes(n_sectors: int) -> dict[str, RadarOptions]:
    return {**{page: page_options(page, n_sectors) for page in PAGES}, **CALLERS}


@pytest.mark.parametrize("n_sectors", [1, 2])
@pytest.mark.parametrize("crowd", range(4))
def test_a_crowded_ring_keeps_its_name_readable_and_uncovered(n_sectors: int, crowd: int) -> None:
    """Hundreds of blips in one ring of a one- or two-category radar: those that
    do not fit wait behind "+N", and the ring's name stays whole, 11 px or more,
    with no blip or marker on it."""
    # 99: two-digit numbers, which a blip of the outer ring holds at 11 px on a phone.
    catalog, view, techs = _synthetic(n_sectors, 4, seed=crowd, crowd=crowd, n=99)
    name = catalog.rings[crowd].name_da
    overflowing = set()
    for size, options in _sizes(n_sectors).items():
        fig = radar_figure(view, catalog, techs, "da", options)
        assert_labels_clear(fig, 4)
        note = next(n for n in fig.layout.annotations if n.name == f"ring-label:r{crowd}")
        assert _plain(note.text) == name, size
        assert note.font.size >= theme.MIN_FONT, size
        fitted = fitted_view(view, catalog, "da", options)
        _assert_numbers_fit(fig, fitted, spill=options.number_scale is not None)
        if any(tr.name == "overflow" for tr in fig.data):
            overflowing.add(size)
    # The inner ring, the smallest, cannot show them all on a phone.
    assert crowd > 0 or "390x844" in overflowing


@pytest.mark.parametrize("n_sectors", [1, 2])
def test_one_or_two_categories_draw_whole_readable_blips_at_every_size(n_sectors: int) -> None:
    catalog, view, techs = _synthetic(n_sectors, 4, seed=n_sectors, n=99)
    for options in _sizes(n_sectors).values():
        fig = radar_figure(view, catalog, techs, "da", options)
        drawn = _blip_discs(fig)
        assert max(math.hypot(x, y) + reach for x, y, reach in drawn) <= 1.0
        fitted = fitted_view(view, catalog, "da", options)
        _assert_numbers_fit(fig, fitted, spill=options.number_scale is not None)
        _assert_apart(fitted)
        assert_labels_clear(fig, 4)
        # The category names: whole, inside the figure, readable.
        names = [n for n in fig.layout.annotations if (n.name or "").startswith("sector-label:")]
        assert len(names) == n_sectors and min(n.font.size for n in names) >= theme.MIN_FONT
        x0, x1 = fig.layout.xaxis.range
        assert all(x0 - 1e-9 <= a and b <= x1 + 1e-9 for a, b in _sector_label_extents(fig))


def _assert_apart(fitted: pd.DataFrame) -> None:
    """No two drawn blips (or "+N" markers) of a laid-out view overlap."""
    drawn = fitted[fitted["shown"]]
    markers = fitted[~fitted["shown"]].drop_duplicates(["sector", "ring"])
    circles = pd.concat([drawn, markers])[["x", "y", "radius"]].to_numpy(dtype=float)
    x, y, r = circles.T
    gap = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :]) - (r[:, None] + r[None, :])
    np.fill_diagonal(gap, np.inf)
    assert gap.min() >= -1e-9, "two blips overlap"


def test_one_category_is_the_whole_disc_with_its_ring_names_level() -> None:
    catalog, view, techs = _synthetic(1, 4, seed=3, n=80)
    fig = radar_figure(view, catalog, techs, "da", page_options("1920x1080", 1))
    # No line cuts the disc: there is no second category to divide it from.
    assert not [shape for shape in fig.layout.shapes if shape.type == "line"]
    # The blips fill the disc all round, not one half of it.
    x, y = np.array([d[0] for d in _blip_discs(fig)]), np.array([d[1] for d in _blip_discs(fig)])
    assert all(((x * sx > 0) & (y * sy > 0)).any() for sx in (-1, 1) for sy in (-1, 1))
    # The ring names read left to right along the radius at 3 o'clock.
    rings = [n for n in fig.layout.annotations if (n.name or "").startswith("ring-label:")]
    assert {n.textangle or 0 for n in rings} == {0}
    assert all(n.x > 0 and abs(n.y) < 0.05 for n in rings)
    assert [n.x for n in rings] == sorted(n.x for n in rings)
    # The category's name beside the disc, inside the figure.
    x0, x1 = fig.layout.xaxis.range
    [(left, right)] = _sector_label_extents(fig)
    assert x0 - 1e-9 <= left and right <= x1 + 1e-9 and (left >= 1.0 or right <= -1.0)


def test_a_ring_name_too_long_for_its_ring_is_cut_short_with_the_whole_name_in_the_hover() -> None:
    catalog, view, techs = _synthetic(5, 6, seed=1)
    long = "EN MEGET LANG RINGBETEGNELSE FRA ET IMPORTERET RADARDATASÆT"
    rings = (*catalog.rings[:2], Ring("r2", 3, 0.5, long, long, "", ""), *catalog.rings[3:])
    catalog = Catalog(areas=(), rings=rings, sectors=catalog.sectors)
    fig = radar_figure(view, catalog, techs, "da", page_options("390x844", 5))
    note = next(n for n in fig.layout.annotations if n.name == "ring-label:r2")
    assert _plain(note.text).endswith("…") and len(_plain(note.text)) < len(long)
    assert note.hovertext == long
    assert_labels_clear(fig, 6)


# --- numbers ----------------------------------------------------------------


def _number_rows(fig: go.Figure, view: pd.DataFrame) -> pd.DataFrame:
    numbers = next(tr for tr in fig.data if tr.name == "numbers")
    drawn = view[view["visible"] & view["shown"]].reset_index(drop=True)
    assert list(numbers.text) == drawn["number"].astype(str).tolist()
    return drawn.assign(font=list(numbers.textfont.size))


@pytest.mark.parametrize("page", PAGES)
def test_every_blip_number_is_at_least_11_px_and_fits_its_blip(
    page: str,
    views: dict[str, pd.DataFrame],
    catalog: Catalog,
    technologies: dict[str, Technology],
) -> None:
    options = page_options(page, len(catalog.sectors))
    for view in views.values():
        fig = radar_figure(view, catalog, technologies, "da", options)
        _assert_numbers_fit(fig, fitted_view(view, catalog, "da", options))


def _assert_numbers_fit(fig: go.Figure, fitted: pd.DataFrame, *, spill: bool = False) -> None:
    """Every number of the figure of ``fitted`` is 11 px or more and fits its blip.

    With ``spill`` (the presenter's larger numbers) they may reach over the blip's edge.
    """
    rows = _number_rows(fig, fitted)
    px = _pixels(fig)
    assert rows["font"].min() >= theme.MIN_FONT
    if spill:
        return
    shrink = rows["movement"].fillna("same").map(theme.SHAPE_NUMBER_SCALE)
    digits = rows["number"].astype(str).str.len()
    ink = rows["font"] * digits.map(number_half_diagonal_em)
    assert (ink <= rows["radius"] * px * shrink + 1e-6).all()
    # What does not fit waits behind "+N", with a readable count too.
    overflow = [tr for tr in fig.data if tr.name == "overflow"]
    if overflow:
        assert min(overflow[0].textfont.size) >= theme.MIN_FONT


def test_the_disc_fills_the_page_s_height(catalog: Catalog) -> None:
    for page, (width, height) in PAGES.items():
        frame = page_options(page, len(catalog.sectors)).frame(len(catalog.sectors))
        disc = min(height - 170, width - 2 * theme.FIGURE_MARGIN)
        assert frame.disc >= disc - 1, page
    big = page_options("1920x1080", len(catalog.sectors)).frame(len(catalog.sectors))
    assert big.disc >= 0.7 * 1080


def _sector_label_extents(fig: go.Figure) -> list[tuple[float, float]]:
    """(left, right) of every sector label, in radar units."""
    px = _pixels(fig)
    extents = []
    for note in fig.layout.annotations:
        if not (note.name or "").startswith("sector-label:"):
            continue
        lines = _plain(note.text).split("<br>") if "<br>" in note.text else [_plain(note.text)]
        lines = [_plain(line) for line in note.text.split("<br>")]
        width = max(text_width_em(line) for line in lines) * note.font.size / px
        left = note.x if note.xanchor == "left" else note.x - width
        extents.append((left, left + width))
    return extents


@pytest.mark.parametrize(
    "options",
    [
        RadarOptions(width=700, height=560, scale=0.85),
        RadarOptions(width=1520, height=930),
        RadarOptions(width=966, height=618),
        RadarOptions(width=390, height=500, compact=True),
    ],
    ids=["side-by-side", "1920", "1366", "phone"],
)
def test_sector_names_stay_inside_the_figure_and_clear_of_the_disc(
    options: RadarOptions,
    views: dict[str, pd.DataFrame],
    catalog: Catalog,
    technologies: dict[str, Technology],
) -> None:
    for lang in ("da", "en"):
        fig = radar_figure(views[COMBINED_AREA], catalog, technologies, lang, options)
        x0, x1 = fig.layout.xaxis.range
        for left, right in _sector_label_extents(fig):
            assert x0 - 1e-9 <= left and right <= x1 + 1e-9
            if not options.compact:
                assert left >= 1.0 or right <= -1.0
        rows = _number_rows(fig, fitted_view(views[COMBINED_AREA], catalog, lang, options))
        assert rows["font"].min() >= theme.MIN_FONT


# --- contrast (WCAG 1.4.11) --------------------------------------------------------


def test_ring_lines_have_3_to_1_against_every_band() -> None:
    for band in theme.RING_FILLS:
        assert contrast_ratio(theme.RING_LINE, band) >= 3.0
        # Ring names are text: 4.5:1.
        assert contrast_ratio(theme.MUTED_TEXT, band) >= 4.5


@pytest.mark.parametrize("fill", theme.SECTOR_COLOURS)
def test_every_blip_stands_out_from_its_band_by_fill_or_outline(fill: str) -> None:
    outline = blip_outline(fill)
    for band in theme.RING_FILLS:
        if contrast_ratio(fill, band) < 3.0:
            assert contrast_ratio(str(outline["color"]), band) >= 3.0
            assert float(outline["width"]) >= 1.5
    # The number on it reads as text does.
    assert contrast_ratio(text_colour_on(fill), fill) >= 4.5


def test_the_faint_colours_get_their_dark_outline_in_the_figure() -> None:
    assert needs_outline("#F0E442") and needs_outline("#56B4E9")
    assert not needs_outline("#0072B2") and not needs_outline("#000000")
    sectors = tuple(Sector(f"s{i}", i, f"S{i}", f"S{i}", "", "") for i in range(8))
    rings = (
        Ring("r0", 1, 0.5, "KLAR", "Ready", "", ""),
        Ring("r1", 2, 0.0, "AFVENT", "Wait", "", ""),
    )
    catalog = Catalog(areas=(), rings=rings, sectors=sectors)
    blips = pd.DataFrame({"id": [f"t{i}" for i in range(8)], "sector": [s.id for s in sectors]})
    view = compute_layout(blips.assign(ring="r1"), catalog.sector_ids, catalog.ring_ids)
    view = view.assign(number=range(1, 9), visible=True, match=True)
    techs = {i: Technology(i, "s0", i, i, "", "", "", "") for i in view["id"]}
    fig = radar_figure(view, catalog, techs, "da")
    lines = {tr.name: tr.line for tr in fig.data if (tr.name or "").startswith("circles-")}
    yellow, blue = theme.SECTOR_COLOURS.index("#F0E442"), theme.SECTOR_COLOURS.index("#0072B2")
    assert lines[f"circles-{yellow}"].color == theme.BLIP_OUTLINE
    assert lines[f"circles-{blue}"].color == theme.BACKGROUND
    bands = [s.fillcolor for s in fig.layout.shapes if s.type == "circle"]
    assert bands == [ring_fill(1, 2), ring_fill(0, 2)]
    assert {s.line.color for s in fig.layout.shapes if s.type == "circle"} == {theme.RING_LINE}


def test_eight_rings_get_a_band_colour_each() -> None:
    assert [ring_fill(i, 8) for i in range(8)][-1] == theme.RING_FILLS[0]
    assert ring_fill(0, 8) == theme.RING_FILLS[-1]


# --- the text alternative ------------------------------------------------------------


def test_the_text_alternative_names_the_radar_and_counts_per_ring_and_category(
    views: dict[str, pd.DataFrame], catalog: Catalog, technologies: dict[str, Technology]
) -> None:
    area = catalog.area_ids[1]
    view = views[area].copy()
    view.loc[view.index[:5], "visible"] = False
    shown = view[view["visible"]]
    da = alt_text(view, catalog, technologies, "da", area=area, edition=2025)
    en = alt_text(view, catalog, technologies, "en", area=area, edition=2025)
    assert catalog.area(area).name_da in da and "2025" in da
    assert catalog.area(area).name_en in en and f"{len(shown)} technologies" in en
    for ring in catalog.rings:
        count = int((shown["ring"] == ring.id).sum())
        assert f"{ring.name_da} {count}" in da and f"{ring.name_en} {count}" in en
    for sector in catalog.sectors:
        count = int((shown["sector"] == sector.id).sum())
        assert f"{sector.name_da} {count}" in da
    assert "<" not in da and "<" not in en
    combined = alt_text(
        views[COMBINED_AREA], catalog, technologies, "da", area=COMBINED_AREA, edition=2025
    )
    assert combined.startswith("Teknologiradar for Samlet")
    empty = alt_text(view.iloc[:0], catalog, technologies, "en")
    assert "no technologies" in empty


def test_the_text_alternative_of_one_category_says_one_category() -> None:
    catalog, view, techs = _synthetic(1, 4, seed=2, n=30)
    da = alt_text(view, catalog, techs, "da")
    en = alt_text(view, catalog, techs, "en")
    assert "30 teknologier i 4 ringe og én kategori." in da and "kategorier" not in da
    assert "30 technologies in 4 rings and one category." in en and "categories" not in en
    assert "Kategori nummer 0 30" in da


@pytest.mark.parametrize(
    # At 1024 x 768 the radar takes the width, the big-type panel goes under it.
    ("width", "height"),
    [(1380, 1000), (2760, 2080), (1000, 600)],
    ids=["1920", "3840", "1024"],
)
def test_the_presenter_radar_reads_from_the_back_of_the_room(
    width: int,
    height: int,
    views: dict[str, pd.DataFrame],
    catalog: Catalog,
    technologies: dict[str, Technology],
) -> None:
    view = views[COMBINED_AREA]
    options = RadarOptions.presenter(width=width, height=height)
    fig = radar_figure(view, catalog, technologies, "da", options)
    names = [n for n in fig.layout.annotations if (n.name or "").startswith("sector-label:")]
    rings = [n for n in fig.layout.annotations if (n.name or "").startswith("ring-label:")]
    assert min(n.font.size for n in names) >= theme.PRESENTER_MIN_LABEL
    if height >= 1000:
        assert min(n.font.size for n in rings) >= theme.PRESENTER_MIN_LABEL
    rows = _number_rows(fig, fitted_view(view, catalog, "da", options))
    assert rows["font"].min() >= theme.MIN_FONT
    x0, x1 = fig.layout.xaxis.range
    for left, right in _sector_label_extents(fig):
        assert x0 - 1e-9 <= left and right <= x1 + 1e-9
    assert_labels_clear(fig, len(catalog.rings))
