"""Benchmark of the editions-over-time features on a long, synthetic history.

Run from anywhere with ``python bench/history.py``. It writes a synthetic seed
(the real areas, rings and sectors; ``--editions`` yearly editions of about
``--technologies`` blips per area, technologies drifting inwards, a few joining,
leaving and coming back each year), builds a DuckDB database from it with
``radar.store.build_database`` and measures, best of ``--repeats`` runs:

- *baseline*: reading every assessment from the database into a DataFrame;
- *movement*: scoring every radar of every edition (all areas and the
  combined one) and deriving its movement;
- *positions*: laying out every edition of one area with stable positions (the
  combined radar, the largest), which a page pays once per area and process;
- *technology page*: what the technology page computes for one technology
  (its history, related technologies, both charts), from the cached entries;
- *comparison page*: what the comparison page computes for the first and last
  edition (the comparison, the later radar and the figure with its trails),
  from the cached area history; *comparison page cold* adds the positions, as
  on the first visit to an area.

Each figure is printed in milliseconds and as a ratio to the baseline measured
in the same process; the last line is one JSON object with all of them. It
also checks, on this history, that no unchanged blip moved between editions.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from radar import store
from radar.drawing.charts import ring_timeline, score_timeline
from radar.drawing.figure import radar_figure
from radar.model import COMBINED_AREA
from radar.pipeline import history
from radar.pipeline.timeline import related_technologies, technology_history
from radar.pipeline.view import ViewFilter, build_view, edition_rows
from radar.store.seed import TABLES, Table

SEED = 20260601
FIRST_YEAR = 1993
GOAL_MS = 200.0
#: Share of a radar's blips that leave it each year.
LEAVE_RATE = 0.03


def _table(name: str) -> Table:
    return next(table for table in TABLES if table.name == name)


def write_seed(target: Path, editions: int, technologies: int, seed: int = SEED) -> None:
    """A synthetic seed folder: real catalogue tables, generated editions and assessments."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("areas.csv", "rings.csv", "sectors.csv"):
        shutil.copy(store.SEED_DIR / name, target / name)
    for name in ("cases.csv",):
        with (store.SEED_DIR / name).open(encoding="utf-8", newline="") as source:
            header = next(csv.reader(source))
        with (target / name).open("w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerow(header)
    rng = np.random.default_rng(seed)
    areas = [row["id"] for row in csv.DictReader((target / "areas.csv").open(encoding="utf-8"))]
    sectors = [row["id"] for row in csv.DictReader((target / "sectors.csv").open(encoding="utf-8"))]
    # More technologies than fit on one radar, so some join and leave each year.
    pool = int(technologies * 1.4)
    with (target / "technologies.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(column.name for column in _table("technologies").columns)
        for i in range(pool):
            writer.writerow(
                (
                    f"tech-{i:03d}",
                    sectors[i % len(sectors)],
                    f"Teknologi {i}",
                    f"Technology {i}",
                    f"Kort om {i}.",
                    f"About {i}.",
                    f"Beskrivelse af {i}.",
                    f"Description {i}.",
                )
            )
    years = [FIRST_YEAR + k for k in range(editions)]
    with (target / "editions.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(("year", "published", "title_da", "title_en"))
        for year in years:
            writer.writerow((year, f"{year}-06-15", f"Radar {year}", f"Radar {year}"))
    maturity = rng.integers(2, 8, size=(len(areas), pool)).astype(float)
    operation = rng.uniform(0, 40, size=(len(areas), pool))
    on_radar = rng.random((len(areas), pool)) < technologies / pool
    with (target / "assessments.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(column.name for column in _table("assessments").columns)
        for year in years:
            # Drift inwards, with noise; a few blips leave and a few (re)join.
            maturity = np.clip(maturity + rng.choice([0, 0, 0, 1], size=maturity.shape), 1, 9)
            operation = np.clip(operation + rng.normal(2.0, 4.0, size=operation.shape), 0, 90)
            # Leaving and joining rates whose balance keeps about
            # ``technologies`` of the pool on each radar.
            share = technologies / pool
            leave = rng.random(on_radar.shape) < LEAVE_RATE
            join = rng.random(on_radar.shape) < LEAVE_RATE * share / (1 - share)
            on_radar = np.where(on_radar, ~leave, join)
            for a, area in enumerate(areas):
                for i in np.flatnonzero(on_radar[a]):
                    op = round(float(operation[a, i]))
                    pilot = min(100 - op, 15)
                    considering = min(100 - op - pilot, 20)
                    writer.writerow(
                        (
                            year,
                            area,
                            f"tech-{i:03d}",
                            int(maturity[a, i]),
                            op,
                            pilot,
                            considering,
                            100 - op - pilot - considering,
                            "",
                            "",
                        )
                    )


def best_ms(action: Callable[[], Any], repeats: int) -> float:
    """The best wall time of ``repeats`` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000.0


def unchanged_moves(area_history: Any) -> int:
    """How many blips kept their ring and cell between consecutive editions but moved."""
    moved = 0
    frames = [group for _, group in area_history.groupby("edition", sort=True)]
    for before, after in itertools.pairwise(frames):
        joined = before.merge(after, on="id", suffixes=("_b", "_a"))
        kept = (
            (joined["ring_b"] == joined["ring_a"])
            & (joined["sector_b"] == joined["sector_a"])
            & joined["shown_b"]
        )
        same = (joined["x_b"] == joined["x_a"]) & (joined["y_b"] == joined["y_a"])
        moved += int((kept & ~same).sum())
    return moved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", type=int, default=34, help="number of editions (34)")
    parser.add_argument(
        "--technologies", type=int, default=100, help="blips per area radar (about 100)"
    )
    parser.add_argument("--repeats", type=int, default=7, help="runs per figure, best kept (7)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        seed_dir, db_path = Path(tmp) / "seed", Path(tmp) / "radar.duckdb"
        started = time.perf_counter()
        write_seed(seed_dir, args.editions, args.technologies)
        store.build_database(db_path, data_dir=seed_dir)
        build_s = time.perf_counter() - started
        con = store.connect(db_path, read_only=True)
        try:
            catalog = store.load_catalog(con)
            techs = store.load_technologies(con)
            assessments = store.load_all_assessments(con)
            entries = history.all_entries(assessments, catalog.rings)
            areas = [COMBINED_AREA, *catalog.area_ids]
            histories = {a: history.area_history(entries, a, catalog) for a in areas}
            combined = histories[COMBINED_AREA]
            years = sorted(combined["edition"].unique())
            first, last = int(years[0]), int(years[-1])
            # The technology with the longest history, as a worst case.
            tech = str(entries["id"].value_counts().index[0])

            def movement() -> None:
                history.derive_movement(
                    history.all_entries(assessments, catalog.rings), catalog.ring_ids
                )

            def positions() -> None:
                history.area_history(entries, COMBINED_AREA, catalog)

            def technology_page() -> None:
                rows = technology_history(entries, tech, catalog.ring_ids)
                related_technologies(entries, techs, tech, last)
                ring_timeline(rows, catalog, "da")
                score_timeline(rows, catalog, "da")

            def comparison_page() -> None:
                comparison = history.compare_editions(combined, first, last, catalog.ring_ids)
                view = build_view(
                    edition_rows(combined, last),
                    catalog,
                    techs,
                    ViewFilter(area=COMBINED_AREA, edition=last),
                )
                moved = comparison.changes[comparison.changes["kind"].isin(["in", "out"])]
                radar_figure(view, catalog, techs, "da", trails=moved)

            def comparison_page_cold() -> None:
                positions()
                comparison_page()

            figures = {
                "baseline_ms": best_ms(lambda: store.load_all_assessments(con), args.repeats),
                "movement_ms": best_ms(movement, args.repeats),
                "positions_ms": best_ms(positions, args.repeats),
                "technology_page_ms": best_ms(technology_page, args.repeats),
                "comparison_page_ms": best_ms(comparison_page, args.repeats),
                "comparison_page_cold_ms": best_ms(comparison_page_cold, args.repeats),
            }
        finally:
            con.close()

    blips = len(entries[entries["area"] != COMBINED_AREA])
    moved = sum(unchanged_moves(h) for h in histories.values())
    print(
        f"{args.editions} editions, {blips} assessments "
        f"({blips / args.editions / len(catalog.area_ids):.0f} blips per area radar); "
        f"database built in {build_s:.1f} s"
    )
    baseline = figures["baseline_ms"]
    for name, value in figures.items():
        label = name.removesuffix("_ms").replace("_", " ")
        goal = "" if name == "baseline_ms" else f"  (goal < {GOAL_MS:.0f} ms)"
        print(f"{label:>20}: {value:7.1f} ms  = {value / baseline:5.1f} × baseline{goal}")
    print(f"unchanged blips that moved between editions: {moved}")
    summary = {
        "editions": args.editions,
        "assessments": blips,
        **{k: round(v, 1) for k, v in figures.items()},
        **{
            k.replace("_ms", "_ratio"): round(v / baseline, 2)
            for k, v in figures.items()
            if k != "baseline_ms"
        },
        "unchanged_moved": moved,
    }
    print(json.dumps(summary))
    return 0 if moved == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
