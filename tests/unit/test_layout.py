"""Tests of the blip layout: geometry guarantees as properties, plus the edge cases."""

from __future__ import annotations

import math
from collections.abc import Sequence

import duckdb
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from radar import store
from radar.model import COMBINED_AREA
from radar.pipeline.layout import (
    OUTPUT_COLUMNS,
    Cell,
    cell_capacity,
    cell_geometry,
    cell_slots,
    compute_layout,
    label_border,
    layout_editions,
    radius_ladder,
    ring_edges,
    sector_edges,
)
from radar.theme import BLIP_GAP, BORDER_CLEARANCE, DEFAULT_BLIP_RADIUS, MIN_BLIP_RADIUS

# Float slack of the geometric checks; real violations are orders larger.
TOL = 1e-9


def ids_of(n: int, prefix: str = "sector") -> list[str]:
    return [f"{prefix}-{i}" for i in range(n)]


SECTORS = ids_of(8)
RINGS = ids_of(6, "ring")


def make_blips(
    seed: int,
    n: int,
    n_sectors: int,
    n_rings: int,
    hot_cells: int | None = None,
    unscored: float = 0.1,
) -> pd.DataFrame:
    """``n`` random blips; with ``hot_cells`` they crowd into that many cells."""
    rng = np.random.default_rng(seed)
    n_cells = n_sectors * n_rings
    cells = rng.choice(n_cells, size=min(hot_cells or n_cells, n_cells), replace=False)
    cell = rng.choice(cells, size=n)
    score = rng.random(n)
    # Coarse scores force ties, which the id must break.
    tied = rng.random(n) < 0.3
    score[tied] = np.round(score[tied], 1)
    score[rng.random(n) < unscored] = np.nan
    numbers = rng.permutation(10 * n + 10)[:n]
    return pd.DataFrame(
        {
            "id": [f"tech-{k}" for k in numbers],
            "sector": [f"sector-{c % n_sectors}" for c in cell],
            "ring": [f"ring-{c // n_sectors}" for c in cell],
            "score": score,
            "payload": np.arange(n),
        },
        index=pd.Index([f"row-{k}" for k in numbers], name="key"),
    )


@st.composite
def radars(draw: st.DrawFn, max_blips: int = 300) -> tuple[pd.DataFrame, int, int]:
    """Blips with a random number of sectors and rings, often crowded into few cells."""
    n_sectors = draw(st.integers(1, 8))
    n_rings = draw(st.integers(3, 6))
    n = draw(st.integers(0, max_blips))
    hot = draw(st.one_of(st.none(), st.integers(1, 4)))
    unscored = draw(st.sampled_from([0.0, 0.1, 1.0]))
    seed = draw(st.integers(0, 2**32 - 1))
    return make_blips(seed, n, n_sectors, n_rings, hot, unscored), n_sectors, n_rings


def layout(blips: pd.DataFrame, n_sectors: int, n_rings: int) -> pd.DataFrame:
    return compute_layout(blips, ids_of(n_sectors), ids_of(n_rings, "ring"))


def cells_of(placed: pd.DataFrame) -> pd.Series:
    return placed["ring"].astype(str) + "|" + placed["sector"].astype(str)


def index_of(values: pd.Series, prefix: str) -> np.ndarray:
    return np.array([int(v.removeprefix(prefix + "-")) for v in values], dtype=int)


def clockwise_turn(x: np.ndarray, y: np.ndarray, start: np.ndarray | float) -> np.ndarray:
    """Clockwise angle in [0, 2 pi) from the border at mathematical angle ``start``."""
    return (np.asarray(start) - np.arctan2(y, x)) % (2 * math.pi)


def assert_in_cells(x: np.ndarray, y: np.ndarray, r: np.ndarray, cells: list[Cell]) -> None:
    """Each circle lies inside its cell, BORDER_CLEARANCE * radius clear of every border."""
    rho = np.hypot(x, y)
    need = r * (1 + BORDER_CLEARANCE) - TOL
    r_in = np.array([c.r_inner for c in cells])
    r_out = np.array([c.r_outer for c in cells])
    width = np.array([c.width for c in cells])
    turn_in = clockwise_turn(x, y, np.array([c.theta_start for c in cells]))
    assert np.all(turn_in <= width), "outside its sector"
    assert np.all(r_out - rho >= need), "too close to the outer ring border"
    inner = r_in > 0
    assert np.all((rho - r_in)[inner] >= need[inner]), "too close to the inner ring border"
    for turn in (turn_in, width - turn_in):
        # Distance to a border ray: perpendicular within 90 degrees, else to its apex.
        distance = np.where(turn <= math.pi / 2, rho * np.sin(turn), rho)
        assert np.all(distance >= need), "too close to a sector border"


def assert_no_overlap(x: np.ndarray, y: np.ndarray, r: np.ndarray) -> None:
    dx = x[:, None] - x[None, :]
    dy = y[:, None] - y[None, :]
    gap = np.hypot(dx, dy) - (r[:, None] + r[None, :])
    np.fill_diagonal(gap, np.inf)
    assert gap.min(initial=np.inf) >= -TOL, "two circles overlap"


def check_layout(blips: pd.DataFrame, placed: pd.DataFrame, n_sectors: int, n_rings: int) -> None:
    """Every guarantee of compute_layout on one result."""
    # Every row back, same order and index, input columns untouched.
    assert placed.index.equals(blips.index)
    pd.testing.assert_frame_equal(placed[blips.columns], blips)
    assert list(placed.columns) == [*blips.columns, *OUTPUT_COLUMNS]
    assert placed["shown"].dtype == bool
    if placed.empty:
        return
    assert placed[["x", "y", "radius"]].notna().all().all()

    ring = index_of(placed["ring"], "ring")
    sector = index_of(placed["sector"], "sector")
    cells = [cell_geometry(a, b, n_rings, n_sectors) for a, b in zip(ring, sector, strict=True)]
    x, y, r = (placed[c].to_numpy() for c in ("x", "y", "radius"))
    assert np.all((r >= MIN_BLIP_RADIUS - TOL) & (r <= DEFAULT_BLIP_RADIUS + TOL))
    assert_in_cells(x, y, r, cells)

    circles = []  # (x, y, r) of shown blips and markers, per cell
    for _, group in placed.groupby(cells_of(placed), sort=False):
        assert group["radius"].nunique() == 1, "a cell's blips share one radius"
        hidden = group[~group["shown"]]
        shown = group[group["shown"]]
        cell = cell_geometry(
            int(index_of(group["ring"], "ring")[0]),
            int(index_of(group["sector"], "sector")[0]),
            n_rings,
            n_sectors,
        )
        capacity = cell_capacity(cell, group["radius"].iloc[0])
        if hidden.empty:
            assert len(group) <= capacity
        else:
            # Only a cell that cannot fit at the minimum radius hides blips,
            # and it shows exactly one fewer than fits: the marker takes a slot.
            assert group["radius"].iloc[0] == MIN_BLIP_RADIUS
            assert len(group) > capacity and len(shown) == capacity - 1
            assert hidden[["x", "y"]].drop_duplicates().shape[0] == 1, "one marker per cell"
            # The hidden blips are the lowest-priority ones.
            assert priority_rank(group)[~group["shown"].to_numpy()].min() == len(shown)
            circles.append(hidden[["x", "y", "radius"]].iloc[:1])
        circles.append(shown[["x", "y", "radius"]])
    drawn = pd.concat(circles)
    assert_no_overlap(*(drawn[c].to_numpy() for c in ("x", "y", "radius")))


def priority_rank(group: pd.DataFrame) -> np.ndarray:
    """Rank of each row in the documented order: score descending (NaN last), then id."""
    score = (
        group["score"].to_numpy(dtype=float) if "score" in group else np.full(len(group), np.nan)
    )
    key = pd.DataFrame(
        {"unscored": np.isnan(score), "neg": -np.nan_to_num(score), "id": group["id"].to_numpy()}
    )
    order = key.sort_values(["unscored", "neg", "id"]).index.to_numpy()
    rank = np.empty(len(group), dtype=int)
    rank[order] = np.arange(len(group))
    return rank


def positions(placed: pd.DataFrame) -> pd.DataFrame:
    return placed.set_index("id")[list(OUTPUT_COLUMNS)].sort_index()


# --- Geometry ---------------------------------------------------------------


@pytest.mark.parametrize("n", range(3, 7))
def test_ring_edges(n: int) -> None:
    edges = ring_edges(n)
    assert len(edges) == n + 1 and edges[0] == 0 and edges[-1] == 1
    widths = np.diff(edges)
    assert np.all(widths > 0)
    # The mature inner ring gets twice the width of the others.
    assert widths[0] == pytest.approx(2 * widths[1:].max())
    np.testing.assert_allclose(widths[1:], widths[1])


def test_ring_edges_four() -> None:
    np.testing.assert_allclose(ring_edges(4), [0, 0.4, 0.6, 0.8, 1.0])


@pytest.mark.parametrize("n", range(3, 9))
def test_sector_edges(n: int) -> None:
    edges = sector_edges(n)
    # Mathematical angles, from 12 o'clock clockwise: decreasing by equal steps.
    assert len(edges) == n + 1 and edges[0] == pytest.approx(math.pi / 2)
    assert edges[-1] == pytest.approx(math.pi / 2 - 2 * math.pi)
    np.testing.assert_allclose(np.diff(edges), -2 * math.pi / n)


@pytest.mark.parametrize("bad", [0, 9])
def test_ring_count_out_of_range(bad: int) -> None:
    with pytest.raises(ValueError):
        ring_edges(bad)


def test_one_sector_is_the_whole_disc_with_its_seam_at_three_o_clock() -> None:
    # The ring names go along the seam; see sector_edges.
    np.testing.assert_allclose(sector_edges(1), [0.0, -2 * math.pi])


@pytest.mark.parametrize("bad", [0, 13])
def test_sector_count_out_of_range(bad: int) -> None:
    with pytest.raises(ValueError):
        sector_edges(bad)


def test_sector_zero_starts_at_twelve_clockwise() -> None:
    blips = pd.DataFrame({"id": ["a", "b"], "sector": ["sector-0", "sector-1"], "ring": "ring-3"})
    placed = layout(blips, 4, 4).set_index("id")
    # Sector 0 of four is the upper right quarter, sector 1 the lower right.
    assert placed.loc["a", "x"] > 0 and placed.loc["a", "y"] > 0
    assert placed.loc["b", "x"] > 0 and placed.loc["b", "y"] < 0


def test_radius_ladder() -> None:
    ladder = radius_ladder()
    assert ladder[0] == DEFAULT_BLIP_RADIUS and ladder[-1] == MIN_BLIP_RADIUS
    assert np.all(np.diff(ladder) < 0)
    assert MIN_BLIP_RADIUS >= 0.01


@pytest.mark.parametrize("n_sectors", range(1, 9))
@pytest.mark.parametrize("n_rings", range(3, 7))
def test_dense_lattices_are_sound(n_sectors: int, n_rings: int) -> None:
    """The full slot lattice of every cell shape, at every radius, keeps the guarantees."""
    for ring in range(n_rings):
        cell = cell_geometry(ring, n_sectors - 1, n_rings, n_sectors)
        for radius in radius_ladder():
            slots = cell_slots(cell, radius)
            assert len(slots) == cell_capacity(cell, radius) >= 2
            r = np.full(len(slots), radius)
            assert_in_cells(slots[:, 0], slots[:, 1], r, [cell] * len(slots))
            assert_no_overlap(slots[:, 0], slots[:, 1], r)


@settings(max_examples=150, deadline=None)
@given(
    n_sectors=st.integers(1, 8),
    n_rings=st.integers(3, 6),
    ring=st.integers(0, 5),
    step=st.integers(0, 12),
    fraction=st.floats(0, 1),
)
def test_spread_slots_are_sound(
    n_sectors: int, n_rings: int, ring: int, step: int, fraction: float
) -> None:
    cell = cell_geometry(min(ring, n_rings - 1), 0, n_rings, n_sectors)
    radius = radius_ladder()[step]
    count = round(fraction * cell_capacity(cell, radius))
    slots = cell_slots(cell, radius, count)
    assert slots.shape == (count, 2)
    r = np.full(count, radius)
    assert_in_cells(slots[:, 0], slots[:, 1], r, [cell] * count)
    assert_no_overlap(slots[:, 0], slots[:, 1], r)
    # Inner rows first: the order blips of falling priority take them in.
    assert np.all(np.diff(np.hypot(slots[:, 0], slots[:, 1])) >= -TOL)


def test_slots_beyond_capacity_raise() -> None:
    cell = cell_geometry(0, 0, 4, 5)
    with pytest.raises(ValueError):
        cell_slots(cell, MIN_BLIP_RADIUS, cell_capacity(cell, MIN_BLIP_RADIUS) + 1)


# --- Properties of compute_layout ---------------------------------------------


@pytest.mark.slow
@settings(max_examples=80, deadline=None)
@given(radars())
def test_layout_guarantees(radar: tuple[pd.DataFrame, int, int]) -> None:
    blips, n_sectors, n_rings = radar
    before = blips.copy()
    placed = layout(blips, n_sectors, n_rings)
    pd.testing.assert_frame_equal(blips, before)  # the input is not modified
    check_layout(blips, placed, n_sectors, n_rings)


@pytest.mark.slow
@settings(max_examples=10, deadline=None)
@given(radars(max_blips=10_000))
def test_layout_guarantees_many(radar: tuple[pd.DataFrame, int, int]) -> None:
    blips, n_sectors, n_rings = radar
    check_layout(blips, layout(blips, n_sectors, n_rings), n_sectors, n_rings)


@settings(max_examples=40, deadline=None)
@given(radars(), st.integers(0, 2**32 - 1))
def test_order_independent(radar: tuple[pd.DataFrame, int, int], seed: int) -> None:
    blips, n_sectors, n_rings = radar
    shuffled = blips.sample(frac=1.0, random_state=np.random.default_rng(seed))
    pd.testing.assert_frame_equal(
        positions(layout(blips, n_sectors, n_rings)),
        positions(layout(shuffled.reset_index(drop=True), n_sectors, n_rings)),
    )


@settings(max_examples=20, deadline=None)
@given(radars())
def test_deterministic(radar: tuple[pd.DataFrame, int, int]) -> None:
    blips, n_sectors, n_rings = radar
    pd.testing.assert_frame_equal(
        layout(blips, n_sectors, n_rings), layout(blips.copy(), n_sectors, n_rings)
    )


@settings(max_examples=40, deadline=None)
@given(radars(), radars(), st.integers(0, 2**32 - 1))
def test_other_cells_move_nothing(
    radar: tuple[pd.DataFrame, int, int], noise: tuple[pd.DataFrame, int, int], seed: int
) -> None:
    """Removing whole cells, or adding blips to other cells, leaves a cell's layout alone."""
    blips, n_sectors, n_rings = radar
    full = positions(layout(blips, n_sectors, n_rings))
    cells = cells_of(blips)
    rng = np.random.default_rng(seed)
    kept_cells = [c for c in cells.unique() if rng.random() < 0.5]
    kept = blips[cells.isin(kept_cells)]
    # Extra blips from another radar, moved out of the kept cells.
    extra = noise[0].copy()
    extra = extra[
        (index_of(extra["sector"], "sector") < n_sectors)
        & (index_of(extra["ring"], "ring") < n_rings)
        & ~cells_of(extra).isin(kept_cells)
    ]
    extra["id"] = [f"extra-{i}" for i in extra["id"]]
    mixed = pd.concat([extra, kept], ignore_index=True)
    alone = positions(layout(mixed, n_sectors, n_rings))
    kept_ids = kept["id"].sort_values().to_list()
    pd.testing.assert_frame_equal(alone.loc[kept_ids], full.loc[kept_ids], check_index_type=False)


@pytest.mark.parametrize("ring", range(4))
@pytest.mark.parametrize("sector", range(5))
def test_sixty_in_one_cell_all_shown(ring: int, sector: int) -> None:
    blips = pd.DataFrame(
        {
            "id": [f"t{i:02d}" for i in range(60)],
            "sector": f"sector-{sector}",
            "ring": f"ring-{ring}",
            "score": np.linspace(0, 1, 60),
        }
    )
    placed = layout(blips, 5, 4)
    assert placed["shown"].all()
    check_layout(blips, placed, 5, 4)


@pytest.mark.slow
def test_ten_thousand_blips() -> None:
    blips = make_blips(7, 10_000, 5, 4)
    placed = layout(blips, 5, 4)
    check_layout(blips, placed, 5, 4)
    hidden = placed[~placed["shown"]]
    # Every cell overflows at 500 blips a cell: one marker each, all rows kept.
    assert len(placed) == 10_000
    assert cells_of(hidden).nunique() == 20
    assert hidden.groupby(cells_of(hidden))[["x", "y"]].nunique().eq(1).all().all()


@settings(max_examples=40, deadline=None)
@given(
    n_sectors=st.integers(1, 8),
    n_rings=st.integers(3, 6),
    ring=st.integers(0, 5),
    n=st.integers(2, 60),
    seed=st.integers(0, 2**32 - 1),
)
def test_mature_blips_nearer_centre(
    n_sectors: int, n_rings: int, ring: int, n: int, seed: int
) -> None:
    ring = min(ring, n_rings - 1)
    cell = cell_geometry(ring, 0, n_rings, n_sectors)
    n = min(n, cell_capacity(cell, MIN_BLIP_RADIUS))
    rng = np.random.default_rng(seed)
    score = rng.random(n)
    score[rng.random(n) < 0.2] = np.nan
    blips = pd.DataFrame(
        {"id": [f"t{i}" for i in range(n)], "sector": "sector-0", "ring": f"ring-{ring}"}
    ).assign(score=score)
    placed = layout(blips, n_sectors, n_rings)
    assert placed["shown"].all()
    rho = np.hypot(placed["x"], placed["y"]).to_numpy()
    rank = priority_rank(placed)
    by_priority = rho[np.argsort(rank)]
    # Distance from the centre never decreases as the priority falls.
    assert np.all(np.diff(by_priority) >= -TOL)
    # And where the blips take more than one row, the more mature half is nearer.
    if np.ptp(rho) > TOL:
        top, bottom = by_priority[: n // 2], by_priority[n - n // 2 :]
        assert top.mean() < bottom.mean()


def test_few_blips_spread_over_the_cell() -> None:
    """Three blips of an outer cell sit mid-band, spread across the wedge, not in a corner."""
    blips = pd.DataFrame({"id": ["a", "b", "c"], "sector": "sector-2", "ring": "ring-3"})
    placed = layout(blips, 5, 4)
    cell = cell_geometry(3, 2, 4, 5)
    rho = np.hypot(placed["x"], placed["y"])
    turn = clockwise_turn(placed["x"].to_numpy(), placed["y"].to_numpy(), cell.theta_start)
    middle = (cell.r_inner + cell.r_outer) / 2
    np.testing.assert_allclose(rho, middle)
    assert turn.min() == pytest.approx(cell.width - turn.max())
    assert np.ptp(turn) > cell.width / 2


@pytest.mark.parametrize("n_rings", [1, 4, 8])
def test_one_category_spreads_its_blips_round_the_whole_disc(n_rings: int) -> None:
    blips = make_blips(11, 40 * n_rings, 1, n_rings)
    placed = layout(blips, 1, n_rings)
    check_layout(blips, placed, 1, n_rings)
    assert placed["shown"].all()
    x, y = placed["x"].to_numpy(), placed["y"].to_numpy()
    # Blips in every quarter of the disc: the one wedge is all of it.
    for sx in (-1, 1):
        for sy in (-1, 1):
            assert ((x * sx > 0) & (y * sy > 0)).any()


def test_unscored_blips_after_scored() -> None:
    blips = pd.DataFrame(
        {
            "id": [f"t{i:02d}" for i in range(40)],
            "sector": "sector-0",
            "ring": "ring-0",
            "score": [np.nan] * 20 + list(np.linspace(0, 1, 20)),
        }
    )
    placed = layout(blips, 5, 4)
    rho = np.hypot(placed["x"], placed["y"])
    assert rho[placed["score"].isna()].min() >= rho[placed["score"].notna()].max() - TOL


def test_no_score_column() -> None:
    blips = pd.DataFrame({"id": list("cab"), "sector": "sector-0", "ring": "ring-1"})
    check_layout(blips, layout(blips, 5, 4), 5, 4)


def test_overflow_marker() -> None:
    cell = cell_geometry(0, 1, 4, 5)
    capacity = cell_capacity(cell, MIN_BLIP_RADIUS)
    n = capacity + 25
    blips = pd.DataFrame(
        {
            "id": [f"t{i:03d}" for i in range(n)],
            "sector": "sector-1",
            "ring": "ring-0",
            "score": np.linspace(1, 0, n),
        }
    )
    placed = layout(blips, 5, 4)
    check_layout(blips, placed, 5, 4)
    hidden = placed[~placed["shown"]]
    # The marker takes a slot, so 26 blips (the least mature) hide behind it.
    assert len(hidden) == 26
    assert set(hidden["id"]) == {f"t{i:03d}" for i in range(n - 26, n)}
    assert (hidden["radius"] == MIN_BLIP_RADIUS).all()


def test_empty() -> None:
    blips = pd.DataFrame({"id": [], "sector": [], "ring": [], "score": [], "name": []})
    placed = layout(blips, 5, 4)
    assert placed.empty
    assert list(placed.columns) == [*blips.columns, *OUTPUT_COLUMNS]


# --- Bad input ----------------------------------------------------------------


def good_blips() -> pd.DataFrame:
    return pd.DataFrame(
        {"id": ["alpha", "beta"], "sector": ["sector-0", "sector-1"], "ring": ["ring-0", "ring-1"]}
    )


def test_unknown_sector_names_the_blip() -> None:
    blips = good_blips()
    blips.loc[1, "sector"] = "nowhere"
    with pytest.raises(ValueError, match=r"'beta'.*sector.*'nowhere'"):
        layout(blips, 5, 4)


def test_unknown_ring_names_the_blip() -> None:
    blips = good_blips()
    blips.loc[0, "ring"] = "ring-9"
    with pytest.raises(ValueError, match=r"'alpha'.*ring.*'ring-9'"):
        layout(blips, 5, 4)


def test_missing_sector_names_the_blip() -> None:
    blips = good_blips()
    blips["sector"] = [None, "sector-0"]
    with pytest.raises(ValueError, match="'alpha'"):
        layout(blips, 5, 4)


def test_duplicate_ids() -> None:
    blips = pd.concat([good_blips(), good_blips().iloc[:1]], ignore_index=True)
    with pytest.raises(ValueError, match="alpha"):
        layout(blips, 5, 4)


def test_missing_column() -> None:
    with pytest.raises(ValueError, match="ring"):
        layout(good_blips().drop(columns="ring"), 5, 4)


@pytest.mark.parametrize(("n_sectors", "n_rings"), [(0, 4), (13, 4), (5, 0), (5, 9)])
def test_unsupported_radar(n_sectors: int, n_rings: int) -> None:
    with pytest.raises(ValueError):
        compute_layout(good_blips(), ids_of(n_sectors), ids_of(n_rings, "ring"))


def test_duplicate_sector_ids() -> None:
    with pytest.raises(ValueError):
        compute_layout(good_blips(), ["sector-0", "sector-1", "sector-0"], ids_of(4, "ring"))


# --- Pinning across editions ----------------------------------------------------


def make_history(
    seed: int,
    n: int,
    n_sectors: int,
    n_rings: int,
    hot_cells: int | None,
    n_editions: int,
    churn: float,
) -> list[pd.DataFrame]:
    """Editions of one radar: each edition ``churn`` of the blips leave, change
    ring (some also sector) and join, and every score drifts a little."""
    rng = np.random.default_rng(seed)
    edition = make_blips(seed, n, n_sectors, n_rings, hot_cells)
    editions = [edition]
    for k in range(1, n_editions):
        edition = edition[rng.random(len(edition)) >= churn].copy()
        moved = rng.random(len(edition)) < churn
        edition.loc[moved, "ring"] = [f"ring-{r}" for r in rng.integers(0, n_rings, moved.sum())]
        swapped = moved & (rng.random(len(edition)) < 0.5)
        edition.loc[swapped, "sector"] = [
            f"sector-{s}" for s in rng.integers(0, n_sectors, swapped.sum())
        ]
        edition["score"] = (edition["score"] + rng.normal(0, 0.05, len(edition))).clip(0, 1)
        joined = make_blips(seed + k, rng.binomial(n, churn), n_sectors, n_rings, hot_cells)
        joined["id"] = [f"e{k}-{i}" for i in joined["id"]]
        joined.index = pd.Index([f"e{k}-{i}" for i in joined.index], name="key")
        edition = pd.concat([edition, joined])
        editions.append(edition)
    return editions


@st.composite
def histories(draw: st.DrawFn, max_blips: int = 150) -> tuple[list[pd.DataFrame], int, int]:
    """A run of editions with blips joining, leaving and changing cell, often crowded."""
    n_sectors = draw(st.integers(1, 8))
    n_rings = draw(st.integers(3, 6))
    n = draw(st.integers(0, max_blips))
    hot = draw(st.one_of(st.none(), st.integers(1, 4)))
    n_editions = draw(st.integers(2, 5))
    churn = draw(st.sampled_from([0.0, 0.05, 0.2, 0.6]))
    seed = draw(st.integers(0, 2**31))
    history = make_history(seed, n, n_sectors, n_rings, hot, n_editions, churn)
    return history, n_sectors, n_rings


def layouts(history: list[pd.DataFrame], n_sectors: int, n_rings: int) -> list[pd.DataFrame]:
    return layout_editions(history, ids_of(n_sectors), ids_of(n_rings, "ring"))


def kept_of(placed: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``placed`` shown in ``previous`` in the same cell, with the old ``x, y``."""
    old = previous[previous["shown"]][["id", "sector", "ring", "x", "y"]]
    return placed.reset_index(drop=True).merge(
        old, on=["id", "sector", "ring"], suffixes=("", "_before")
    )


def assert_apart(x: np.ndarray, y: np.ndarray, r: np.ndarray) -> None:
    """Circles are a pitch apart: a gap of BLIP_GAP times their radii between outlines."""
    apart = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])
    need = (r[:, None] + r[None, :]) * (1 + BLIP_GAP) - TOL
    np.fill_diagonal(apart, np.inf)
    assert np.all(apart >= need), "blips too close"


def free_slot_count(cell: Cell, kept: np.ndarray, total: int) -> int:
    """Slots at the minimum radius a pitch clear of every kept blip, best lattice."""
    pitch = 2 * MIN_BLIP_RADIUS * (1 + BLIP_GAP)
    capacity = cell_capacity(cell, MIN_BLIP_RADIUS)
    lattices = [cell_slots(cell, MIN_BLIP_RADIUS)]
    if total <= capacity:
        lattices.append(cell_slots(cell, MIN_BLIP_RADIUS, total))
    counts = []
    for slots in lattices:
        apart = np.hypot(slots[:, 0, None] - kept[None, :, 0], slots[:, 1, None] - kept[None, :, 1])
        counts.append(int((apart.min(axis=1) >= pitch - TOL).sum()))
    return max(counts)


def check_pinned(
    blips: pd.DataFrame,
    placed: pd.DataFrame,
    previous: pd.DataFrame,
    sectors: Sequence[str],
    rings: Sequence[str],
) -> dict[str, int]:
    """Every guarantee of a layout pinned to ``previous``; returns what it saw, for coverage."""
    seen = {"kept": 0, "new": 0, "mixed_cells": 0, "overflow": 0, "fresh_fallback": 0}
    assert placed.index.equals(blips.index)
    pd.testing.assert_frame_equal(placed[blips.columns], blips)
    assert list(placed.columns) == [*blips.columns, *OUTPUT_COLUMNS]
    if placed.empty:
        return seen
    x, y, r = (placed[c].to_numpy() for c in ("x", "y", "radius"))
    shown = placed["shown"].to_numpy()
    assert np.isin(r, radius_ladder()).all(), "radii come from the ladder"
    ring = pd.Index(rings).get_indexer(placed["ring"])
    sector = pd.Index(sectors).get_indexer(placed["sector"])
    cell_index = ring * len(sectors) + sector
    fresh = compute_layout(blips, sectors, rings)

    # Kept blips: shown last time in the same cell (ids compared as text).
    old = previous[previous["shown"].to_numpy()]
    match = pd.Index(old["id"].astype(str)).get_indexer(placed["id"].astype(str))
    found, at = match >= 0, match[match >= 0]
    kept = np.zeros(len(placed), dtype=bool)
    kept[found] = np.logical_and.reduce(
        [old[c].to_numpy()[at] == placed[c].to_numpy()[found] for c in ("sector", "ring")]
    )
    old_x, old_y = np.full(len(placed), np.nan), np.full(len(placed), np.nan)
    old_x[found], old_y[found] = old["x"].to_numpy()[at], old["y"].to_numpy()[at]
    stayed = kept & (x == old_x) & (y == old_y)

    drawn = []
    for c in np.unique(cell_index):
        rows = cell_index == c
        radius = r[rows][0]
        assert (r[rows] == radius).all(), "a cell's blips share one radius"
        cell = cell_geometry(*divmod(int(c), len(sectors)), len(rings), len(sectors))
        circles = np.column_stack((x, y))[rows & shown]
        hidden = rows & ~shown
        if hidden.any():
            seen["overflow"] += 1
            assert radius == MIN_BLIP_RADIUS, "only the minimum radius hides blips"
            marker = np.unique(np.column_stack((x, y))[hidden], axis=0)
            assert len(marker) == 1, "one marker per cell"
            circles = np.concatenate((circles, marker))
        circles = np.column_stack((circles, np.full(len(circles), radius)))
        assert_in_cells(circles[:, 0], circles[:, 1], circles[:, 2], [cell] * len(circles))
        drawn.append(circles)

        same_as_fresh = (x[rows] == fresh["x"].to_numpy()[rows]) & (
            y[rows] == fresh["y"].to_numpy()[rows]
        )
        if not kept[rows].any():
            # A cell without kept blips is laid out exactly as without previous.
            assert same_as_fresh.all()
            assert (r[rows] == fresh["radius"].to_numpy()[rows]).all()
        elif not stayed[rows & kept].all():
            # Kept blips move only when not one slot was free around them,
            # and then the cell is laid out afresh.
            seen["fresh_fallback"] += 1
            assert same_as_fresh.all()
            old_xy = np.column_stack((old_x, old_y))[rows & kept]
            assert free_slot_count(cell, old_xy, int(rows.sum())) == 0
        else:
            assert shown[rows & kept].all(), "kept blips stay shown"
            seen["kept"] += int((rows & kept).sum())
            seen["new"] += int((rows & ~kept).sum())
            seen["mixed_cells"] += bool((rows & ~kept).any())
    # Shown blips and markers, in any two cells too.
    every = np.concatenate(drawn)
    assert_apart(every[:, 0], every[:, 1], every[:, 2])
    return seen


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(histories())
def test_pinned_editions(case: tuple[list[pd.DataFrame], int, int]) -> None:
    """Across editions kept blips keep their exact position; every guarantee still holds."""
    history, n_sectors, n_rings = case
    before = [edition.copy() for edition in history]
    placed = layouts(history, n_sectors, n_rings)
    for edition, copy in zip(history, before, strict=True):
        pd.testing.assert_frame_equal(edition, copy)  # the inputs are not modified
    assert len(placed) == len(history)
    check_layout(history[0], placed[0], n_sectors, n_rings)
    for k in range(1, len(history)):
        check_pinned(history[k], placed[k], placed[k - 1], SECTORS[:n_sectors], RINGS[:n_rings])


@settings(max_examples=40, deadline=None)
@given(histories(), st.integers(0, 2**32 - 1))
def test_pinned_order_independent(case: tuple[list[pd.DataFrame], int, int], seed: int) -> None:
    history, n_sectors, n_rings = case
    sectors, rings = ids_of(n_sectors), ids_of(n_rings, "ring")
    previous = compute_layout(history[0], sectors, rings)
    rng = np.random.default_rng(seed)
    blips = history[1]
    pinned = compute_layout(blips, sectors, rings, previous)
    pd.testing.assert_frame_equal(pinned, compute_layout(blips.copy(), sectors, rings, previous))
    shuffled = compute_layout(
        blips.sample(frac=1.0, random_state=rng),
        sectors,
        rings,
        previous.sample(frac=1.0, random_state=rng).reset_index(drop=True),
    )
    pd.testing.assert_frame_equal(positions(pinned), positions(shuffled))


@settings(max_examples=30, deadline=None)
@given(radars())
def test_previous_none_is_unpinned(radar: tuple[pd.DataFrame, int, int]) -> None:
    blips, n_sectors, n_rings = radar
    sectors, rings = ids_of(n_sectors), ids_of(n_rings, "ring")
    pd.testing.assert_frame_equal(
        compute_layout(blips, sectors, rings, None), compute_layout(blips, sectors, rings)
    )
    # Pinned to itself, a layout keeps every position.
    placed = compute_layout(blips, sectors, rings)
    again = compute_layout(blips, sectors, rings, placed)
    shown = placed["shown"].to_numpy()
    np.testing.assert_array_equal(again[["x", "y"]][shown], placed[["x", "y"]][shown])


def test_layout_editions_chains_compute_layout() -> None:
    history = make_history(3, 120, 5, 4, None, 4, 0.2)
    sectors, rings = ids_of(5), ids_of(4, "ring")
    previous = None
    for edition, placed in zip(history, layout_editions(history, sectors, rings), strict=True):
        previous = compute_layout(edition, sectors, rings, previous)
        pd.testing.assert_frame_equal(placed, previous)
    assert layout_editions([], sectors, rings) == []


def cell_blips(ids: list[str], sector: int = 2, ring: int = 3, score: float = 0.5) -> pd.DataFrame:
    return pd.DataFrame(
        {"id": ids, "sector": f"sector-{sector}", "ring": f"ring-{ring}", "score": score}
    )


@pytest.mark.parametrize("n_sectors", [1, 2])
def test_one_or_two_categories_keep_their_blips_in_place_across_editions(n_sectors: int) -> None:
    history = make_history(5, 150, n_sectors, 4, None, 3, 0.2)
    placed = layouts(history, n_sectors, 4)
    check_layout(history[0], placed[0], n_sectors, 4)
    for k in range(1, len(history)):
        seen = check_pinned(history[k], placed[k], placed[k - 1], SECTORS[:n_sectors], RINGS[:4])
        assert seen["kept"] > 0 and seen["new"] > 0


def test_newcomer_takes_the_slot_of_a_leaver() -> None:
    """Three evenly spread blips: one leaves, one joins and it sits where the leaver sat."""
    before = layout(cell_blips(["a", "b", "c"]), 5, 4).set_index("id")
    after = compute_layout(
        cell_blips(["a", "c", "d"]), ids_of(5), ids_of(4, "ring"), before.reset_index()
    ).set_index("id")
    for tech in ("a", "c"):
        assert after.loc[tech, "x"] == before.loc[tech, "x"]
        assert after.loc[tech, "y"] == before.loc[tech, "y"]
    assert after.loc["d", "x"] == before.loc["b", "x"]
    assert after.loc["d", "y"] == before.loc["b", "y"]


def test_moved_blip_leaves_and_joins() -> None:
    before = layout(cell_blips(["a", "b", "c"]), 5, 4)
    blips = cell_blips(["a", "b", "c"])
    blips.loc[1, "ring"] = "ring-2"
    after = compute_layout(blips, ids_of(5), ids_of(4, "ring"), before).set_index("id")
    before = before.set_index("id")
    assert (after.loc[["a", "c"], ["x", "y"]] == before.loc[["a", "c"], ["x", "y"]]).all().all()
    # b is alone in its new cell: laid out as if there were no previous edition.
    alone = layout(cell_blips(["b"], ring=2), 5, 4).set_index("id")
    assert after.loc["b", "x"] == alone.loc["b", "x"] and after.loc["b", "y"] == alone.loc["b", "y"]


def test_hidden_blips_are_not_kept() -> None:
    """A blip behind the "+N" marker last time is a newcomer: only shown blips pin."""
    cell = cell_geometry(0, 1, 4, 5)
    n = cell_capacity(cell, MIN_BLIP_RADIUS) + 10
    blips = cell_blips([f"t{i:03d}" for i in range(n)], sector=1, ring=0).assign(
        score=np.linspace(1, 0, n)
    )
    before = layout(blips, 5, 4)
    after = compute_layout(blips, ids_of(5), ids_of(4, "ring"), before)
    # The shown blips stay, the marker's slot is the only free one: the
    # newcomers hide behind a marker there, exactly as before.
    pd.testing.assert_frame_equal(after, before)


def test_radius_grows_when_a_cell_empties() -> None:
    """Two blips left far apart in a cell get the full radius back, in place."""
    cell = cell_geometry(3, 2, 4, 5)
    # Two points mid-band, far apart and clear of the borders at the full radius.
    middle = (cell.r_inner + cell.r_outer) / 2
    theta = cell.theta_start - np.array([0.3, 0.7]) * cell.width
    far = np.column_stack((middle * np.cos(theta), middle * np.sin(theta)))
    # As if the cell had been crowded: the old radius does not matter.
    previous = cell_blips(["a", "b"]).assign(
        x=far[:, 0], y=far[:, 1], radius=MIN_BLIP_RADIUS, shown=True
    )
    after = compute_layout(cell_blips(["a", "b"]), ids_of(5), ids_of(4, "ring"), previous)
    assert (after["radius"] == DEFAULT_BLIP_RADIUS).all()
    np.testing.assert_array_equal(after[["x", "y"]].to_numpy(), far)


def test_radius_shrinks_for_newcomers() -> None:
    """Newcomers that do not fit around the kept blips shrink the cell, the kept stay put."""
    cell = cell_geometry(3, 2, 4, 5)
    before = layout(cell_blips(["a", "b", "c"]), 5, 4)
    n_new = cell_capacity(cell, DEFAULT_BLIP_RADIUS)
    blips = cell_blips(["a", "b", "c", *(f"n{i:02d}" for i in range(n_new))])
    after = compute_layout(blips, ids_of(5), ids_of(4, "ring"), before)
    assert after["radius"].iloc[0] < DEFAULT_BLIP_RADIUS and after["shown"].all()
    np.testing.assert_array_equal(after[["x", "y"]].to_numpy()[:3], before[["x", "y"]].to_numpy())
    check_pinned(blips, after, before, SECTORS[:5], RINGS[:4])


def test_pinned_overflow_shows_what_fits() -> None:
    """At the minimum radius the kept stay, the best newcomers fill the free slots
    but one, and the last free slot is the marker of the rest."""
    cell = cell_geometry(0, 1, 4, 5)
    capacity = cell_capacity(cell, MIN_BLIP_RADIUS)
    full = cell_blips([f"t{i:03d}" for i in range(capacity)], sector=1, ring=0)
    before = layout(full, 5, 4)
    assert before["shown"].all() and (before["radius"] == MIN_BLIP_RADIUS).all()
    leaving = {"t005", "t050", "t090"}
    newcomers = [f"n{i:02d}" for i in range(10)]
    blips = pd.concat(
        [
            full[~full["id"].isin(leaving)],
            cell_blips(newcomers, sector=1, ring=0).assign(score=np.linspace(0.9, 0.1, 10)),
        ],
        ignore_index=True,
    )
    after = compute_layout(blips, ids_of(5), ids_of(4, "ring"), before).set_index("id")
    stayed = before[~before["id"].isin(leaving)].set_index("id")
    assert (after.loc[stayed.index, ["x", "y"]] == stayed[["x", "y"]]).all().all()
    # Three slots were freed: two newcomers take two, the marker the third.
    assert after.loc[newcomers, "shown"].tolist() == [True, True] + [False] * 8
    freed = before[before["id"].isin(leaving)][["x", "y"]].to_numpy()
    now = after.loc[newcomers[:3], ["x", "y"]].to_numpy()
    assert {tuple(p) for p in now} == {tuple(p) for p in freed}
    check_pinned(blips, after.reset_index().set_index(blips.index), before, SECTORS[:5], RINGS[:4])


def test_no_free_slot_lays_the_cell_out_afresh() -> None:
    cell = cell_geometry(0, 1, 4, 5)
    capacity = cell_capacity(cell, MIN_BLIP_RADIUS)
    full = cell_blips([f"t{i:03d}" for i in range(capacity)], sector=1, ring=0)
    before = layout(full, 5, 4)
    blips = pd.concat([full, cell_blips(["new"], sector=1, ring=0)], ignore_index=True)
    after = compute_layout(blips, ids_of(5), ids_of(4, "ring"), before)
    pd.testing.assert_frame_equal(after, layout(blips, 5, 4))
    assert check_pinned(blips, after, before, SECTORS[:5], RINGS[:4])["fresh_fallback"] == 1


def test_previous_that_does_not_fit_pins_nothing() -> None:
    """Kept positions outside their cell (a previous of another radar) are not kept."""
    blips = make_blips(11, 80, 5, 4)
    previous = layout(blips, 5, 4)
    # Turned half a turn, every blip is in another sector: none fits its cell.
    previous[["x", "y"]] = -previous[["x", "y"]]
    after = compute_layout(blips, ids_of(5), ids_of(4, "ring"), previous)
    pd.testing.assert_frame_equal(after, layout(blips, 5, 4))


def test_previous_of_unknown_cells_pins_nothing() -> None:
    blips = make_blips(12, 50, 5, 4)
    previous = layout(blips, 5, 4).assign(sector="elsewhere")
    pd.testing.assert_frame_equal(
        compute_layout(blips, ids_of(5), ids_of(4, "ring"), previous), layout(blips, 5, 4)
    )


def test_pinned_ids_compare_as_text() -> None:
    blips = pd.DataFrame({"id": [7, 8], "sector": "sector-0", "ring": "ring-1"})
    # The two swap places, which a fresh layout would not do: so pinning shows.
    previous = layout(blips, 5, 4).assign(id=["8", "7"])
    after = compute_layout(blips, ids_of(5), ids_of(4, "ring"), previous)
    np.testing.assert_array_equal(after[["x", "y"]], previous[["x", "y"]].iloc[::-1])


@pytest.mark.parametrize("column", ["id", "sector", "ring", "x", "y", "shown"])
def test_previous_missing_column(column: str) -> None:
    previous = layout(good_blips(), 5, 4).drop(columns=column)
    with pytest.raises(ValueError, match=f"previous.*{column}"):
        compute_layout(good_blips(), ids_of(5), ids_of(4, "ring"), previous)


def test_previous_duplicate_ids() -> None:
    placed = layout(good_blips(), 5, 4)
    previous = pd.concat([placed, placed.iloc[1:]], ignore_index=True)
    with pytest.raises(ValueError, match=r"duplicate.*previous.*beta"):
        compute_layout(good_blips(), ids_of(5), ids_of(4, "ring"), previous)


def test_previous_bad_shown() -> None:
    previous = layout(good_blips(), 5, 4).assign(shown=["yes", None])
    with pytest.raises(ValueError, match="shown"):
        compute_layout(good_blips(), ids_of(5), ids_of(4, "ring"), previous)


def test_previous_shown_without_position() -> None:
    previous = layout(good_blips(), 5, 4)
    previous.loc[0, "x"] = np.nan
    with pytest.raises(ValueError, match="'alpha'"):
        compute_layout(good_blips(), ids_of(5), ids_of(4, "ring"), previous)


def test_previous_not_a_frame() -> None:
    with pytest.raises(TypeError):
        compute_layout(good_blips(), ids_of(5), ids_of(4, "ring"), [1, 2])  # type: ignore[arg-type]


def test_previous_checked_for_an_empty_edition() -> None:
    empty = good_blips().iloc[:0]
    with pytest.raises(ValueError, match="previous"):
        compute_layout(empty, ids_of(5), ids_of(4, "ring"), pd.DataFrame({"id": []}))


def test_example_data_pins_every_kept_blip(con: duckdb.DuckDBPyConnection) -> None:
    """Across all editions of the example data, per area and combined, a technology
    that keeps its sector and ring keeps its exact position."""
    # Imported here so that the layout's own tests do not depend on the views.
    from radar.pipeline.scoring import rings_for_scores, score_assessments
    from radar.pipeline.view import area_entries

    catalog = store.load_catalog(con)
    sectors, rings = catalog.sector_ids, catalog.ring_ids
    scored = [
        score_assessments(store.load_assessments(con, year), catalog.rings)
        for year in sorted(catalog.years)
    ]
    totals = {"kept": 0, "new": 0, "mixed_cells": 0, "changed": 0}
    for area in (*catalog.area_ids, COMBINED_AREA):
        history = []
        for frame in scored:
            entries = area_entries(frame, area)
            if area == COMBINED_AREA:
                entries["ring"] = rings_for_scores(entries["score"], catalog.rings)
            if not entries.empty:
                history.append(entries)
        assert len(history) >= 2
        placed = layout_editions(history, sectors, rings)
        for k in range(1, len(history)):
            kept = kept_of(placed[k], placed[k - 1])
            assert (kept["x"] == kept["x_before"]).all() and (kept["y"] == kept["y_before"]).all()
            totals["changed"] += len(placed[k]) - len(kept)
            seen = check_pinned(history[k], placed[k], placed[k - 1], sectors, rings)
            assert seen["fresh_fallback"] == 0
            for key in ("kept", "new", "mixed_cells"):
                totals[key] += seen[key]
    # Not vacuous: blips did join or change cell, and some cells had both kinds.
    assert totals["kept"] > 0 and totals["changed"] > 0 and totals["new"] > 0
    assert totals["mixed_cells"] > 0


# --- The ring-label band -------------------------------------------------------


def distance_to_ray(xy: np.ndarray, angle: float) -> np.ndarray:
    """Distance of each point to the ray from the centre at ``angle`` (the border segment)."""
    direction = np.array([math.cos(angle), math.sin(angle)])
    along = np.clip(xy @ direction, 0.0, 1.0)
    return np.linalg.norm(xy - along[:, None] * direction[None, :], axis=1)


@pytest.mark.parametrize("n_sectors", range(1, 13))
def test_the_label_border_is_the_most_level_one(n_sectors: int) -> None:
    angles = sector_edges(n_sectors)[:-1]
    chosen = angles[label_border(n_sectors)]
    assert abs(math.sin(chosen)) == pytest.approx(min(abs(np.sin(angles))))


@pytest.mark.parametrize("n_sectors", [1, 2, 3, 4, 5, 7, 12])
@pytest.mark.parametrize("n_rings", [1, 3, 4, 8])
@pytest.mark.parametrize("band", [0.03, 0.08])
def test_no_slot_lies_in_the_label_band(n_sectors: int, n_rings: int, band: float) -> None:
    """Every slot of every cell keeps its blip clear of the band along the label border."""
    border = sector_edges(n_sectors)[label_border(n_sectors)]
    touching = 0
    for ring in range(n_rings):
        for sector in range(n_sectors):
            cell = cell_geometry(ring, sector, n_rings, n_sectors, band)
            for radius in radius_ladder()[::4]:
                slots = cell_slots(cell, radius)
                assert len(slots) == cell_capacity(cell, radius)
                if not len(slots):
                    continue
                clear = distance_to_ray(slots, float(border)) - radius * (1 + BORDER_CLEARANCE)
                assert clear.min() >= band - TOL
                touching += bool(cell.clear_start or cell.clear_end)
    assert touching, "the cells beside the band were checked"


def test_the_band_costs_only_the_cells_beside_it() -> None:
    # In an outer ring: in the inner one the band's start at the centre costs
    # the other cells a slot or two near the apex too.
    plain = [cell_geometry(2, s, 4, 4, 0.0) for s in range(4)]
    banded = [cell_geometry(2, s, 4, 4, 0.05) for s in range(4)]
    caps = [
        (cell_capacity(a, 0.02), cell_capacity(b, 0.02)) for a, b in zip(plain, banded, strict=True)
    ]
    # Four sectors: the band lies along 3 o'clock, between sectors 0 and 1.
    assert caps[0][1] < caps[0][0] and caps[1][1] < caps[1][0]
    assert caps[2][1] == caps[2][0] and caps[3][1] == caps[3][0]


def test_pinned_blips_in_a_wider_band_move_out_of_it() -> None:
    blips = make_blips(7, 120, 4, 4)
    placed = layout(blips, 4, 4)
    again = compute_layout(blips, ids_of(4), ids_of(4, "ring"), placed, band=0.09)
    border = float(sector_edges(4)[label_border(4)])
    shown = again[again["shown"]]
    xy = shown[["x", "y"]].to_numpy()
    clear = distance_to_ray(xy, border) - shown["radius"].to_numpy() * (1 + BORDER_CLEARANCE)
    assert clear.min() >= 0.09 - TOL
    # Blips far from the band (not beside it, not near the centre it starts
    # at) keep their place bit for bit.
    far = (
        placed["sector"].isin(["sector-2", "sector-3"]) & (placed["ring"] != "ring-0")
    ).to_numpy()
    assert (again.loc[far, ["x", "y"]].to_numpy() == placed.loc[far, ["x", "y"]].to_numpy()).all()


def test_a_radius_floor_keeps_blips_at_least_that_big() -> None:
    blips = make_blips(3, 200, 5, 4, hot_cells=3)
    floor = 0.045
    placed = compute_layout(blips, ids_of(5), ids_of(4, "ring"), min_radius=floor)
    assert placed["radius"].min() == pytest.approx(floor)
    assert (~placed["shown"]).sum() > (~layout(blips, 5, 4)["shown"]).sum()
    shown = placed[placed["shown"]]
    assert_no_overlap(*(shown[c].to_numpy() for c in ("x", "y", "radius")))


def test_radius_floors_per_cell_and_per_sector() -> None:
    blips = make_blips(5, 150, 4, 3)
    floors = {("sector-1", "ring-2"): 0.05, "sector-3": 0.04}
    placed = compute_layout(blips, ids_of(4), ids_of(3, "ring"), min_radius=floors)
    radius = placed.groupby(["sector", "ring"])["radius"].first()
    assert radius[("sector-1", "ring-2")] >= 0.05 - TOL
    assert (radius.loc["sector-3"] >= 0.04 - TOL).all()
    # Cells named by neither keep the theme's ladder: a crowded one shrinks below both.
    plain = layout(blips, 4, 3).groupby(["sector", "ring"])["radius"].first()
    others = [c for c in radius.index if c[0] != "sector-3" and c != ("sector-1", "ring-2")]
    assert (radius[others] == plain[others]).all()
    shown = placed[placed["shown"]]
    assert_no_overlap(*(shown[c].to_numpy() for c in ("x", "y", "radius")))
