"""Benchmark of pinned layouts: a run of editions, each pinned to the one before.

Run from anywhere with ``python bench/layout_history.py``. It makes ``EDITIONS``
editions of about ``BLIPS`` blips over 4 rings × 5 sectors (seeded): from one
edition to the next a few blips leave, a few join and a few change ring. It
prints the best time of several runs of one :func:`radar.pipeline.layout.compute_layout`
call without and with ``previous``, of :func:`radar.pipeline.layout.layout_editions` over
the whole run, and how many blips kept their position.
"""

from __future__ import annotations

import itertools
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

# The script lives in bench/, so the repository root is not on sys.path when
# it is run as ``python bench/layout_history.py``.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from radar.pipeline.layout import compute_layout, layout_editions

EDITIONS: int = 34
BLIPS: int = 100
SECTORS: tuple[str, ...] = ("s0", "s1", "s2", "s3", "s4")
RINGS: tuple[str, ...] = ("adopt", "trial", "assess", "hold")
CHURN: float = 0.08  # share of blips that leave, join and change ring, each
REPEATS: int = 15
SEED: int = 20240601


def make_editions(
    n_editions: int = EDITIONS, n: int = BLIPS, seed: int = SEED
) -> list[pd.DataFrame]:
    """``n_editions`` editions of about ``n`` blips each, oldest first.

    Parameters
    ----------
    n_editions
        Number of editions.
    n
        Number of blips of the first edition; later ones stay near it.
    seed
        Seed of the random generator, so every run measures the same input.

    Returns
    -------
    Frames with the columns ``id``, ``sector``, ``ring`` and ``score``.
    """
    rng = np.random.default_rng(seed)
    next_id = 0

    def new_blips(count: int) -> pd.DataFrame:
        nonlocal next_id
        ids = [f"tech-{next_id + i:05d}" for i in range(count)]
        next_id += count
        return pd.DataFrame(
            {
                "id": ids,
                "sector": rng.choice(SECTORS, count),
                "ring": rng.choice(RINGS, count),
                "score": rng.random(count),
            }
        )

    edition = new_blips(n)
    editions = [edition]
    for _ in range(n_editions - 1):
        edition = edition[rng.random(len(edition)) >= CHURN].copy()
        moved = rng.random(len(edition)) < CHURN
        edition.loc[moved, "ring"] = rng.choice(RINGS, int(moved.sum()))
        edition["score"] = np.clip(edition["score"] + rng.normal(0, 0.02, len(edition)), 0, 1)
        edition = pd.concat([edition, new_blips(rng.binomial(n, CHURN))], ignore_index=True)
        editions.append(edition)
    return editions


def best_ms(function: Callable[..., object], *args: object) -> float:
    """Best CPU time of ``REPEATS`` single calls, in milliseconds.

    CPU time rather than wall time, so that other processes on a shared
    machine disturb the figures less.
    """
    times = timeit.repeat(
        lambda: function(*args), number=1, repeat=REPEATS, timer=time.process_time
    )
    return 1000.0 * min(times)


def kept_share(layouts: list[pd.DataFrame]) -> tuple[int, int]:
    """Blips shown in the same cell as in the edition before, and how many stayed put."""
    same = stayed = 0
    for before, after in itertools.pairwise(layouts):
        joined = after.merge(before, on="id", suffixes=("", "_before"))
        joined = joined[
            joined["shown_before"]
            & (joined["sector"] == joined["sector_before"])
            & (joined["ring"] == joined["ring_before"])
        ]
        same += len(joined)
        moved = (joined["x"] != joined["x_before"]) | (joined["y"] != joined["y_before"])
        stayed += int((~moved).sum())
    return same, stayed


def main() -> None:
    """Print the timings."""
    editions = make_editions()
    layouts = layout_editions(editions, SECTORS, RINGS)
    previous, current = layouts[-2], editions[-1]
    fresh_ms = best_ms(compute_layout, current, SECTORS, RINGS)
    pinned_ms = best_ms(compute_layout, current, SECTORS, RINGS, previous)
    history_ms = best_ms(layout_editions, editions, SECTORS, RINGS)
    same, stayed = kept_share(layouts)
    print(f"compute_layout, {len(current)} blips, no previous: {fresh_ms:8.2f} ms")
    print(f"compute_layout, {len(current)} blips, previous:    {pinned_ms:8.2f} ms")
    print(f"layout_editions, {len(editions)} editions:        {history_ms:8.2f} ms")
    print(f"blips in the same cell as the edition before: {same}, of them kept in place: {stayed}")


if __name__ == "__main__":
    main()
