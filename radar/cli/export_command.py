"""``python -m radar export``: write one radar (or one edition's assessments) to a file."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from radar import exporting, store
from radar.formats import EXPORT_FORMATS
from radar.model import COMBINED_AREA, LANGUAGES

#: What each format is, for ``--help``.
FORMAT_HELP: Final[dict[str, str]] = {
    "csv": "our own format as UTF-8 CSV with semicolons, for Danish Excel (one row per "
    "technology and area)",
    "xlsx": "our own format as an Excel workbook (first sheet)",
    "json": "our own format as a JSON list of objects",
    "byor-csv": "Thoughtworks' Build Your Own Radar CSV of one radar",
    "png": "the radar with its numbered names beside it, 2160 px tall (slides)",
    "svg": "the radar as a vector picture (print, documents)",
    "pdf": "an A4 handout: radar, numbered legend, rings, technologies per category",
    "html": "the interactive radar as one offline web page",
}


def add_command(commands: Any, db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``export`` subcommand to the CLI parser.

    Parameters
    ----------
    commands
        The CLI's subparsers (``argparse._SubParsersAction``).
    db_option
        Adds the common ``--db`` option to a parser.
    """
    formats = "; ".join(f"{name}: {text}" for name, text in FORMAT_HELP.items())
    export = commands.add_parser(
        "export",
        help="write one radar (or one edition's assessments) to a file",
        description="Write a published edition to a file. png, svg and pdf are drawn by the "
        f"system Chromium ({exporting.CHROMIUM_HINT}). The file is written only when complete.",
    )
    export.add_argument(
        "--format",
        required=True,
        choices=EXPORT_FORMATS,
        metavar="FORMAT",
        help=f"the file format, one of: {formats}",
    )
    export.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help="the file to write (its folder must exist; an existing file is replaced)",
    )
    export.add_argument(
        "--area",
        help=f"welfare area id, or '{COMBINED_AREA}' for the combined radar (default for "
        "byor-csv, png, svg, pdf and html); csv, xlsx and json have one row per technology "
        f"and area, of every area by default or with '{COMBINED_AREA}', or of the area given",
    )
    export.add_argument(
        "--edition",
        type=int,
        metavar="YEAR",
        help="published edition (default: the newest with assessments)",
    )
    db_option(export)
    export.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="da",
        help="language of names, labels and texts (default da; our own format has both)",
    )


def run_command(args: argparse.Namespace) -> int:
    """Run ``python -m radar export``; returns the exit code (0 when the file was written)."""
    out: Path = args.out
    if not out.parent.is_dir():
        print(f"error: the folder {out.parent} does not exist", file=sys.stderr)
        return 1
    if out.is_dir():
        print(f"error: --out {out} is a folder; give a file name", file=sys.stderr)
        return 1
    con = store.connect(args.db)
    try:
        radar = store.load_radar_data(con)
        target = exporting.resolve_target(radar, args.format, args.area, args.edition)
        data = exporting.render_export(
            radar, target.fmt, area=target.area, edition=target.edition, lang=args.lang
        )
    except exporting.ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
        # Now, while everything is alive: at exit Chromium may still be writing
        # its profile as Python removes it.
        exporting.close_painter()
    _write_atomically(out, data)
    what = "every area" if target.area is None else f"area {target.area}"
    print(f"Wrote {out}: {args.format}, {what}, edition {target.edition}, {len(data):,} bytes")
    return 0


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and rename it into place: never half a file."""
    # open() rather than mkstemp, so the file gets the usual permissions (umask).
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.part")
    try:
        with temporary.open("wb") as file:
            file.write(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
