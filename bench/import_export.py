"""Benchmark of importing all 34 Thoughtworks volumes, and of every export format.

Run from anywhere with ``python bench/import_export.py``. Two parts, each with
its own baseline measured in the same process; every figure is printed with
its ratio to that baseline, and the last line is one JSON object with them all.

Import (needs ``../shared/fixtures/thoughtworks-volumes/volume-NN-YYYY-Mon.csv``
beside the repository; ``--skip-import`` runs without them):

- *baseline*: reading the 34 files and parsing them with Python's ``csv``
  module into lists, the cost any import pays to read them;
- *import*: the 34 volumes imported as editions 1 to 34 of one area
  (``teknik-og-miljoe``) of a new, empty database
  (:func:`radar.importing.create_empty_database`), each read from its file,
  planned (:func:`~radar.importing.plan_import`: read, validate, compare with
  the database) and applied (:func:`~radar.importing.apply_import`: one
  transaction with its audit-log rows). Printed: the total, the plan and apply
  shares, and the median and slowest volume;
- *re-import*: every volume imported a second time into that database, which
  must change nothing (every plan's ``has_changes`` is false, and no row of
  any table is added).

Each import run starts from a new database; the best of ``--repeats`` runs
(by total) is reported, with its per-volume figures.

Export (on the example data, built into a temporary folder with
:func:`radar.store.build_database`), for the combined radar of the newest
edition:

- *baseline*: building the radar view (:func:`radar.store.load_view`, which
  the exports use to gather their blips), best of ``--repeats``; its first
  call in the process is printed too;
- each format of :data:`radar.formats.EXPORT_FORMATS` (or ``--formats``),
  *cold*: its first call in this process, and *warm*: best of ``--repeats``.
  For png, svg and pdf the picture-drawing Chromium (kaleido) is closed before
  the cold call, so cold includes starting it, as every ``python -m radar
  export`` does and as the export page's first picture does when the page's
  :func:`radar.exporting.warm_up` has not finished yet. *Chromium start* is that
  start alone. csv, xlsx and json have no combined radar: they hold every
  area's rows of the edition.

png, svg and pdf need the system Chromium; without it they are skipped, and the
output says so. Every export is checked to be a file of its format.

The machine's load average is printed at the start and the end: on a shared
machine, compare ratios, not milliseconds.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

# The script lives in bench/, so the repository root is not on sys.path when
# it is run as ``python bench/import_export.py``.
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from radar import exporting as exports  # noqa: E402
from radar import importing as importers  # noqa: E402
from radar import store  # noqa: E402
from radar.formats import EXPORT_FORMATS, OWN_COLUMN_NAMES  # noqa: E402
from radar.model import COMBINED_AREA  # noqa: E402
from radar.pipeline.view import ViewFilter  # noqa: E402
from radar.store import load_view  # noqa: E402

FIXTURES = REPO.parent / "shared" / "fixtures" / "thoughtworks-volumes"
VOLUME_COUNT = 34
AREA = "teknik-og-miljoe"
EDITOR = "bench"
REPEATS = 3
#: Tables an import may write; the re-import must leave their row counts alone.
TABLES = ("editions", "sectors", "technologies", "assessments", "audit_log")


class CheckFailed(Exception):
    """The code measured did something wrong: the figures mean nothing."""


def require(condition: bool, message: str) -> None:
    """Raise :class:`CheckFailed` with ``message`` unless ``condition`` holds."""
    if not condition:
        raise CheckFailed(message)


def log(message: str) -> None:
    """Progress on stderr, so stdout holds only the figures."""
    print(message, file=sys.stderr, flush=True)


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages (empty where the system has none)."""
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return []


def volume_date(path: Path) -> date:
    """volume-07-2012-Oct.csv -> 2012-10-01, the volume's publication month."""
    _, _, year, month = path.stem.split("-")
    return datetime.strptime(f"{year}-{month}-01", "%Y-%b-%d").date()


def find_volumes(folder: Path) -> list[Path]:
    """The volumes in ``folder``, in order."""
    return sorted(folder.glob("volume-*.csv")) if folder.is_dir() else []


def best_ms(action: Callable[[], Any], repeats: int) -> float:
    """The best wall time of ``repeats`` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000.0


def once_ms(action: Callable[[], Any]) -> tuple[float, Any]:
    """One run's wall time in milliseconds, and what it returned."""
    start = time.perf_counter()
    result = action()
    return (time.perf_counter() - start) * 1000.0, result


def show(seconds_ms: float) -> str:
    """A time for the table: seconds above 10 s, else milliseconds."""
    if seconds_ms >= 10_000:
        return f"{seconds_ms / 1000:8.2f} s "
    return f"{seconds_ms:8.1f} ms"


def ratio(value_ms: float, baseline_ms: float) -> str:
    return f"{value_ms / baseline_ms:7.1f} × baseline"


def row(label: str, value_ms: float, baseline_ms: float, note: str = "") -> None:
    """One line of the table: the figure, its ratio to the baseline, a note."""
    print(f"  {label:<34}{show(value_ms)}  {ratio(value_ms, baseline_ms)}  {note}".rstrip())


def cold_warm_row(label: str, cold_ms: float, warm_ms: float, baseline_ms: float) -> None:
    """One line of the export table: cold and warm, each with its ratio to the baseline."""
    print(
        f"  {label:<34}{show(cold_ms)}  {ratio(cold_ms, baseline_ms)}    "
        f"{show(warm_ms)}  {ratio(warm_ms, baseline_ms)}"
    )


# --- import -----------------------------------------------------------------


def read_csv_files(paths: Sequence[Path]) -> tuple[list[float], int]:
    """The baseline: each file read and parsed into lists; per-file ms and the data rows."""
    times, rows = [], 0
    for path in paths:
        start = time.perf_counter()
        text = path.read_bytes().decode("utf-8")
        parsed = [line for line in csv.reader(io.StringIO(text, newline="")) if line]
        times.append((time.perf_counter() - start) * 1000.0)
        rows += len(parsed) - 1
    return times, rows


@dataclass(frozen=True)
class ImportRun:
    """One pass over the volumes: per-volume plan and apply times (ms), and what changed."""

    plan_ms: tuple[float, ...]
    apply_ms: tuple[float, ...]
    changed: int

    @property
    def volume_ms(self) -> list[float]:
        return [p + a for p, a in zip(self.plan_ms, self.apply_ms, strict=True)]

    @property
    def total_ms(self) -> float:
        return sum(self.plan_ms) + sum(self.apply_ms)


def import_volumes(con: duckdb.DuckDBPyConnection, paths: Sequence[Path]) -> ImportRun:
    """Import every volume as editions 1..n of :data:`AREA`, timing plan and apply."""
    plan_ms, apply_ms, changed = [], [], 0
    for edition, path in enumerate(paths, start=1):
        start = time.perf_counter()
        plan = importers.plan_import(
            con,
            path.read_bytes(),
            file_name=path.name,
            edition=edition,
            area=AREA,
            published=volume_date(path),
        )
        middle = time.perf_counter()
        importers.apply_import(con, plan, editor=EDITOR)
        end = time.perf_counter()
        plan_ms.append((middle - start) * 1000.0)
        apply_ms.append((end - middle) * 1000.0)
        changed += plan.has_changes
    return ImportRun(tuple(plan_ms), tuple(apply_ms), changed)


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def import_figures(paths: Sequence[Path], repeats: int) -> dict[str, Any]:
    """Baseline, import and re-import figures; raises CheckFailed when an import is wrong."""
    baseline_runs = [read_csv_files(paths) for _ in range(repeats)]
    baseline_times, rows = min(baseline_runs, key=lambda run: sum(run[0]))
    runs: list[ImportRun] = []
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        for run in range(repeats):
            log(f"import: run {run + 1} of {repeats}, {len(paths)} volumes into a new database")
            path = importers.create_empty_database(Path(tmp) / f"import-{run}.duckdb")
            con = duckdb.connect(str(path))
            try:
                result = import_volumes(con, paths)
                counts = row_counts(con)
            finally:
                con.close()
            require(result.changed == len(paths), "a first import of a volume wrote nothing")
            require(counts["editions"] == len(paths), f"editions after the import: {counts}")
            require(
                counts["assessments"] == rows,
                f"{counts['assessments']} assessments stored for {rows} rows in the files",
            )
            runs.append(result)
        # The re-imports, into the last run's database.
        con = duckdb.connect(str(path))
        try:
            reimports = []
            for run in range(repeats):
                log(f"re-import: run {run + 1} of {repeats}")
                reimports.append(import_volumes(con, paths))
                after = row_counts(con)
                require(after == counts, f"a re-import changed the row counts: {counts} -> {after}")
        finally:
            con.close()
    changes = sum(r.changed for r in reimports)
    require(changes == 0, f"{changes} re-imported volume(s) had changes (has_changes true)")
    best = min(runs, key=lambda r: r.total_ms)
    again = min(reimports, key=lambda r: r.total_ms)
    volume_ms = best.volume_ms
    slowest = max(range(len(paths)), key=volume_ms.__getitem__)
    return {
        "volumes": len(paths),
        "rows": rows,
        "assessments": counts["assessments"],
        "technologies": counts["technologies"],
        "audit_rows": counts["audit_log"],
        "read_baseline_ms": sum(baseline_times),
        "read_baseline_volume_median_ms": statistics.median(baseline_times),
        "read_baseline_volume_max_ms": max(baseline_times),
        "import_total_ms": best.total_ms,
        "import_plan_ms": sum(best.plan_ms),
        "import_apply_ms": sum(best.apply_ms),
        "import_volume_median_ms": statistics.median(volume_ms),
        "import_volume_max_ms": volume_ms[slowest],
        "import_slowest_volume": paths[slowest].name,
        "reimport_total_ms": again.total_ms,
        "reimport_plan_ms": sum(again.plan_ms),
        "reimport_apply_ms": sum(again.apply_ms),
        "reimport_changes": changes,
    }


def print_import(figures: dict[str, Any]) -> None:
    base = figures["read_baseline_ms"]
    total = figures["import_total_ms"]
    print(
        f"Import: {figures['volumes']} Thoughtworks volumes, {figures['rows']:,} rows, as editions "
        f"1-{figures['volumes']} of '{AREA}' in a new database "
        f"({figures['technologies']:,} technologies, {figures['audit_rows']:,} audit-log rows)"
    )
    row("baseline: read + csv-parse all", base, base)
    row("import, total", total, base)
    row(
        "  plan (read, validate, compare)",
        figures["import_plan_ms"],
        base,
        f"{figures['import_plan_ms'] / total:.0%} of the import",
    )
    row(
        "  apply (write, audit log)",
        figures["import_apply_ms"],
        base,
        f"{figures['import_apply_ms'] / total:.0%} of the import",
    )
    row(
        "per volume, median",
        figures["import_volume_median_ms"],
        figures["read_baseline_volume_median_ms"],
        "(against the baseline's median)",
    )
    row(
        "per volume, slowest",
        figures["import_volume_max_ms"],
        figures["read_baseline_volume_max_ms"],
        f"({figures['import_slowest_volume']}; against the baseline's slowest)",
    )
    row(
        "re-import all, total",
        figures["reimport_total_ms"],
        base,
        f"changes: {figures['reimport_changes']}",
    )
    row("  plan", figures["reimport_plan_ms"], base)
    row("  apply (nothing to write)", figures["reimport_apply_ms"], base)


# --- export -----------------------------------------------------------------


def check_export(fmt: str, data: bytes) -> None:
    """Raise :class:`CheckFailed` unless ``data`` is a file of format ``fmt``."""
    if fmt == "csv":
        header = next(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
        good = tuple(header) == OWN_COLUMN_NAMES
    elif fmt == "xlsx":
        good = "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    elif fmt == "json":
        rows = json.loads(data)
        good = isinstance(rows, list) and bool(rows)
    elif fmt == "byor-csv":
        good = data.startswith(b"name,ring,quadrant,isNew,status,description\r\n")
    elif fmt == "png":
        good = data.startswith(b"\x89PNG\r\n\x1a\n")
    elif fmt == "svg":
        good = b"<svg" in data[:2000]
    elif fmt == "pdf":
        good = data.startswith(b"%PDF")
    else:
        good = data.startswith(b"<!DOCTYPE html>") and b"plotly" in data
    require(good, f"the {fmt} export is not a {fmt} file: {data[:60]!r}")


def export_figures(formats: Sequence[str], repeats: int) -> dict[str, Any]:
    """Baseline and cold/warm figures of each format; raises CheckFailed on a wrong file."""
    figures: dict[str, Any] = {}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        db = store.build_database(Path(tmp) / "radar.duckdb")
        con = store.connect(db, read_only=True)
        try:
            edition = store.latest_assessed_edition(con)
            require(edition is not None, "the example data has no published edition")
            wanted = ViewFilter(area=COMBINED_AREA, edition=edition)
            figures["edition"] = edition
            cold, view = once_ms(lambda: load_view(con, wanted))
            figures["blips"] = int(view["shown"].sum())
            figures["view_baseline_cold_ms"] = cold
            figures["view_baseline_ms"] = best_ms(lambda: load_view(con, wanted), repeats)
            for fmt in formats:
                log(f"export: {fmt}")

                def export(fmt: str = fmt) -> bytes:
                    return exports.export_radar(con, fmt, area=COMBINED_AREA, edition=edition)

                if fmt in exports.CHROMIUM_FORMATS:
                    # Cold: the picture-drawing Chromium is not running yet.
                    # (The module's one painter; the command line closes it the same way.)
                    exports._painter.close()
                cold, data = once_ms(export)
                check_export(fmt, data)
                sizes[fmt] = len(data)
                key = fmt.replace("-", "_")
                figures[f"export_{key}_cold_ms"] = cold
                figures[f"export_{key}_warm_ms"] = best_ms(export, repeats)
            chromium = exports.find_chromium()
            if chromium and any(f in exports.CHROMIUM_FORMATS for f in formats):
                log("export: Chromium start")

                def start() -> None:
                    exports._painter.close()
                    exports._painter.start(chromium)

                figures["chromium_start_ms"] = best_ms(start, repeats)
        finally:
            con.close()
            # Now, while everything is alive (as the command line does).
            exports._painter.close()
    figures["export_bytes"] = sizes
    return figures


def print_export(figures: dict[str, Any], formats: Sequence[str], repeats: int) -> None:
    base = figures["view_baseline_ms"]
    print(
        f"Export: the combined radar of edition {figures['edition']} ({figures['blips']} blips), "
        "example data"
    )
    print(f"  {'':<34}{'cold (first call)':>31}    {f'warm (best of {repeats})':>31}")
    cold_warm_row("baseline: build the radar view", figures["view_baseline_cold_ms"], base, base)
    for fmt in formats:
        key = fmt.replace("-", "_")
        size = figures["export_bytes"][fmt]
        cold_warm_row(
            f"{fmt} ({size / 1024:,.0f} KiB)",
            figures[f"export_{key}_cold_ms"],
            figures[f"export_{key}_warm_ms"],
            base,
        )
    if "chromium_start_ms" in figures:
        row(
            "Chromium start (kaleido)",
            figures["chromium_start_ms"],
            base,
            "included in the png/svg/pdf cold figures",
        )


# --- main -------------------------------------------------------------------


def ratios(figures: dict[str, Any], baseline: str, pairs: dict[str, str]) -> dict[str, float]:
    """``name_ratio``: each figure over its baseline (``pairs`` names other baselines)."""
    out = {}
    for name, value in figures.items():
        if name.endswith("_ms") and name != baseline and isinstance(value, float):
            over = figures[pairs.get(name, baseline)]
            out[name.removesuffix("_ms") + "_ratio"] = round(value / over, 2)
    return out


def parse_formats(text: str) -> list[str]:
    chosen = [f.strip() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in EXPORT_FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown format(s) {', '.join(unknown) or '(none)'}; "
            f"the formats are {','.join(EXPORT_FORMATS)}"
        )
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeats", type=int, default=REPEATS, help=f"runs per figure, best kept ({REPEATS})"
    )
    parser.add_argument("--skip-import", action="store_true", help="leave out the import part")
    parser.add_argument("--skip-export", action="store_true", help="leave out the export part")
    parser.add_argument(
        "--formats",
        type=parse_formats,
        default=list(EXPORT_FORMATS),
        metavar="A,B",
        help=f"the export formats to time (default all: {','.join(EXPORT_FORMATS)})",
    )
    parser.add_argument(
        "--volumes",
        type=int,
        default=VOLUME_COUNT,
        metavar="N",
        help=f"import only the first N volumes (default all {VOLUME_COUNT}; for quick checks)",
    )
    parser.add_argument(
        "--fixtures",
        type=Path,
        default=FIXTURES,
        metavar="DIR",
        help="the folder of the Thoughtworks volumes (default ../shared/fixtures/"
        "thoughtworks-volumes beside the repository)",
    )
    args = parser.parse_args(argv)
    if args.repeats < 1 or not 1 <= args.volumes <= VOLUME_COUNT:
        parser.error(f"--repeats must be at least 1 and --volumes 1 to {VOLUME_COUNT}")

    volumes: list[Path] = []
    if not args.skip_import:
        volumes = find_volumes(args.fixtures)
        if len(volumes) != VOLUME_COUNT:
            print(
                f"error: the {VOLUME_COUNT} Thoughtworks volumes (volume-NN-YYYY-Mon.csv) are not "
                f"in {args.fixtures.resolve()} (found {len(volumes)}). They are shared fixtures "
                "kept beside the repository (see ../shared/fixtures/README); run with "
                "--skip-import to time the exports only.",
                file=sys.stderr,
            )
            return 2
        volumes = volumes[: args.volumes]

    formats: list[str] = [] if args.skip_export else args.formats
    chromium = exports.find_chromium()
    skipped = [f for f in formats if f in exports.CHROMIUM_FORMATS] if chromium is None else []
    formats = [f for f in formats if f not in skipped]

    try:
        return run(args, volumes, formats, skipped, chromium)
    except CheckFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def run(
    args: argparse.Namespace,
    volumes: Sequence[Path],
    formats: Sequence[str],
    skipped: Sequence[str],
    chromium: str | None,
) -> int:
    """Measure, print the table and the JSON line; raises CheckFailed when a check fails."""
    load_start = load_average()
    summary: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "load_start": load_start,
        "repeats": args.repeats,
    }
    print(
        f"{os.cpu_count()} CPUs, load average {' / '.join(map(str, load_start)) or 'n/a'} "
        f"(1 / 5 / 15 min) at the start; best of {args.repeats} runs per figure"
    )
    if volumes:
        figures = import_figures(volumes, args.repeats)
        print()
        print_import(figures)
        pairs = {
            "import_volume_median_ms": "read_baseline_volume_median_ms",
            "import_volume_max_ms": "read_baseline_volume_max_ms",
            "read_baseline_volume_median_ms": "read_baseline_volume_median_ms",
            "read_baseline_volume_max_ms": "read_baseline_volume_max_ms",
        }
        summary |= {
            **{k: round(v, 1) if isinstance(v, float) else v for k, v in figures.items()},
            **{
                k: v
                for k, v in ratios(figures, "read_baseline_ms", pairs).items()
                if not k.startswith("read_baseline")
            },
        }
    if not args.skip_export:
        print()
        if skipped:
            print(
                f"Chromium not found: {', '.join(skipped)} skipped (they are drawn by the system "
                f"Chromium: {exports.CHROMIUM_HINT}, or set BROWSER_PATH)"
            )
        else:
            print(f"Chromium: {chromium or 'not needed for these formats'}")
        figures = export_figures(formats, args.repeats)
        print_export(figures, formats, args.repeats)
        summary |= {
            **{k: round(v, 1) if isinstance(v, float) else v for k, v in figures.items()},
            **ratios(figures, "view_baseline_ms", {}),
            "chromium": chromium,
            "skipped_formats": skipped,
        }
    load_end = load_average()
    summary["load_end"] = load_end
    print()
    print(f"load average {' / '.join(map(str, load_end)) or 'n/a'} (1 / 5 / 15 min) at the end")
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
