"""Tests of the blip layout: geometry guarantees as properties, plus the edge cases."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from radar.layout import (
    OUTPUT_COLUMNS,
    Cell,
    cell_capacity,
    cell_geometry,
    cell_slots,
    compute_layout,
    radius_ladder,
    ring_edges,
    sector_edges,
)
from radar.theme import BORDER_CLEARANCE, DEFAULT_BLIP_RADIUS, MIN_BLIP_RADIUS

# Float slack of the geometric checks; real violations are orders larger.
TOL = 1e-9


def ids_of(n: int, prefix: str = "sector") -> list[str]:
    return [f"{prefix}-{i}" for i in range(n)]


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
    n_sectors = draw(st.integers(3, 8))
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


@pytest.mark.parametrize("bad", [1, 13])
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


@pytest.mark.parametrize("n_sectors", range(3, 9))
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
    n_sectors=st.integers(3, 8),
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


@settings(max_examples=80, deadline=None)
@given(radars())
def test_layout_guarantees(radar: tuple[pd.DataFrame, int, int]) -> None:
    blips, n_sectors, n_rings = radar
    before = blips.copy()
    placed = layout(blips, n_sectors, n_rings)
    pd.testing.assert_frame_equal(blips, before)  # the input is not modified
    check_layout(blips, placed, n_sectors, n_rings)


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
    n_sectors=st.integers(3, 8),
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


@pytest.mark.parametrize(("n_sectors", "n_rings"), [(1, 4), (13, 4), (5, 0), (5, 9)])
def test_unsupported_radar(n_sectors: int, n_rings: int) -> None:
    with pytest.raises(ValueError):
        compute_layout(good_blips(), ids_of(n_sectors), ids_of(n_rings, "ring"))


def test_duplicate_sector_ids() -> None:
    with pytest.raises(ValueError):
        compute_layout(good_blips(), ["sector-0", "sector-1", "sector-0"], ids_of(4, "ring"))
