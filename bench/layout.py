"""Benchmark of the blip layout against a plain numpy lattice placement.

Run from anywhere with ``python bench/layout.py``. For 100, 1,000 and 10,000
blips spread at random (seeded) over 4 rings × 5 sectors it prints the best
time of several runs of :func:`radar.pipeline.layout.compute_layout` and of a baseline
that only puts each blip on a fixed lattice slot of its cell (no shrinking, no
overflow, no DataFrame out), and the ratio of the two.
"""

from __future__ import annotations

import math
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

# The script lives in bench/, so the repository root is not on sys.path when
# it is run as ``python bench/layout.py``.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from radar.pipeline.layout import compute_layout, ring_edges, sector_edges
from radar.theme import MIN_BLIP_RADIUS

SIZES: tuple[int, ...] = (100, 1_000, 10_000)
SECTORS: tuple[str, ...] = ("s0", "s1", "s2", "s3", "s4")
RINGS: tuple[str, ...] = ("adopt", "trial", "assess", "hold")
REPEATS: int = 15
SEED: int = 20240601


def make_blips(n: int, seed: int = SEED) -> pd.DataFrame:
    """``n`` blips in random cells with random scores, a tenth of them unscored.

    Parameters
    ----------
    n
        Number of blips.
    seed
        Seed of the random generator, so every run measures the same input.

    Returns
    -------
    A frame with the columns ``id``, ``name``, ``sector``, ``ring`` and ``score``.
    """
    rng = np.random.default_rng(seed)
    score = rng.random(n)
    score[rng.random(n) < 0.1] = np.nan
    ids = [f"tech-{i:05d}" for i in rng.permutation(n)]
    return pd.DataFrame(
        {
            "id": ids,
            "name": [f"Technology {i}" for i in ids],
            "sector": rng.choice(SECTORS, n),
            "ring": rng.choice(RINGS, n),
            "score": score,
        }
    )


def baseline(blips: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Plain numpy lattice placement: the k-th blip of a cell takes lattice slot k.

    Parameters
    ----------
    blips
        Blips as from :func:`make_blips`.

    Returns
    -------
    The ``x`` and ``y`` of each blip, in row order.
    """
    sector = pd.Index(SECTORS).get_indexer(blips["sector"])
    ring = pd.Index(RINGS).get_indexer(blips["ring"])
    cell = ring * len(SECTORS) + sector
    order = np.argsort(cell, kind="stable")
    sorted_cells = cell[order]
    first = np.searchsorted(sorted_cells, sorted_cells)
    rank = np.empty(len(cell), dtype=int)
    rank[order] = np.arange(len(cell)) - first
    radii, angles = ring_edges(len(RINGS)), sector_edges(len(SECTORS))
    pitch = 2.0 * MIN_BLIP_RADIUS
    per_row = 24
    row, column = np.divmod(rank, per_row)
    rho = radii[ring] + pitch * (row + 0.5)
    theta = angles[sector] + (angles[sector + 1] - angles[sector]) * (column + 0.5) / per_row
    return rho * np.cos(theta), rho * np.sin(theta)


def best_ms(function: Callable[..., object], *args: object) -> float:
    """Best wall time of ``REPEATS`` single calls, in milliseconds."""
    times = timeit.repeat(lambda: function(*args), number=1, repeat=REPEATS)
    return 1000.0 * min(times)


def main() -> None:
    """Print the timings."""
    print(f"{'blips':>8} {'layout ms':>10} {'baseline ms':>12} {'ratio':>7}")
    for n in SIZES:
        blips = make_blips(n)
        placed = compute_layout(blips, SECTORS, RINGS)
        assert len(placed) == n and math.isfinite(placed["x"].sum())
        layout_ms = best_ms(compute_layout, blips, SECTORS, RINGS)
        baseline_ms = best_ms(baseline, blips)
        print(f"{n:>8,} {layout_ms:>10.2f} {baseline_ms:>12.2f} {layout_ms / baseline_ms:>7.1f}")


if __name__ == "__main__":
    main()
