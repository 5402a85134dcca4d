"""Command line: ``python -m radar COMMAND``.

Commands
--------
init
    Build the database from the seed CSV files in ``data/``.
show
    Print one radar (area and edition) as a table.
workshop
    Create, list, close and export live workshops (:mod:`radar.workshop`).
hash-password
    Print the argon2id hash of a password, for the sign-in settings.
backup, restore
    Copy every table to a folder of Parquet files, and build the database back
    from one (:mod:`radar.store.backup`).

Besides what each command prints, ``init``, ``backup``, ``restore`` and
``import`` write a timed log line to stderr (:mod:`radar.logs`) with the
paths and the result, for the service's journal or a cron job's mail.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from radar import logs, store
from radar.cli import export_command, hash_password_command, import_command, workshop_command
from radar.model import COMBINED_AREA
from radar.pipeline.view import ViewFilter
from radar.store import backup
from radar.store.seed import SeedError
from radar.theme import MOVEMENT_MARKS

logger = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m radar",
        description="Teknologiradar: a technology radar for Danish municipalities.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def db_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--db",
            metavar="PATH",
            help=f"database file (default: ${store.DB_ENV_VAR}, else data/radar.duckdb)",
        )

    import_command.add_command(commands, db_option)
    export_command.add_command(commands, db_option)
    hash_password_command.add_command(commands)
    init = commands.add_parser(
        "init",
        help="build the database from the seed CSV files",
        description="Validate the seed CSV files and build the DuckDB database from them. "
        "The build writes a temporary file and renames it, so it never leaves half a database.",
    )
    db_option(init)
    init.add_argument(
        "--force",
        action="store_true",
        help="replace the database file if it exists (refused while a dashboard has it open)",
    )
    init.add_argument(
        "--data",
        metavar="DIR",
        type=Path,
        default=store.SEED_DIR,
        help="folder with the seed CSV files (default: the repository's data/)",
    )

    show = commands.add_parser(
        "show",
        help="print one radar as a table",
        description="Print the technologies of one radar with their ring and scores.",
    )
    db_option(show)
    show.add_argument(
        "--area",
        default=COMBINED_AREA,
        help=f"welfare area id, or '{COMBINED_AREA}' for the combined radar (default)",
    )
    show.add_argument(
        "--edition", type=int, help="edition year (default: the newest with assessments)"
    )
    show.add_argument("--lang", choices=("da", "en"), default="da", help="language of names")
    workshop_command.add_command(commands, db_option)
    backup_command = commands.add_parser(
        "backup",
        help="write every table to a folder of Parquet files",
        description="Write every table of the radar database to a new folder (schema, load "
        "script and one Parquet file per table). The folder appears only when complete.",
    )
    db_option(backup_command)
    backup_command.add_argument(
        "--out", metavar="DIR", type=Path, required=True, help="a new or empty folder"
    )
    restore_command = commands.add_parser(
        "restore",
        help="build the database from a backup folder",
        description="Build the radar database from a folder made by 'backup' (or the "
        "dashboard's backup zip, unpacked). Only the Parquet files of the radar's tables are "
        "read; the SQL files in the folder are never run. The new file replaces the old one "
        "only when it is complete; a failed restore changes nothing.",
    )
    restore_command.add_argument("dir", metavar="DIR", type=Path, help="the backup folder")
    db_option(restore_command)
    restore_command.add_argument(
        "--force",
        action="store_true",
        help="replace the database file if it exists (refused while a dashboard has it open)",
    )
    return parser


def _refused(command: str, fields: str, exc: Exception) -> int:
    """Say why a command changed nothing, on stderr and in the log; the exit code."""
    logger.warning("%s result=refused %s reason=%r", command, fields, str(exc))
    print(f"error: {exc}", file=sys.stderr)
    return 1


def _backup(args: argparse.Namespace) -> int:
    source = store.resolve_db_path(args.db)
    fields = f"db={str(source)!r} out={str(args.out)!r}"
    try:
        folder = backup.backup(args.out, args.db)
    except backup.BackupError as exc:
        return _refused("backup", fields, exc)
    logger.info("backup result=ok %s", fields)
    print(f"Backed up {source} to {folder}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    target = store.resolve_db_path(args.db)
    fields = f"db={str(target)!r} from={str(args.dir)!r} force={args.force}"
    try:
        backup.restore(args.dir, args.db, force=args.force)
    except (backup.BackupError, store.DatabaseUnavailableError) as exc:
        return _refused("restore", fields, exc)
    logger.info("restore result=ok %s", fields)
    print(f"Restored {target} from {args.dir}; restart the dashboard to use it")
    return 0


def _init(args: argparse.Namespace) -> int:
    target = store.resolve_db_path(args.db)
    fields = f"db={str(target)!r} data={str(args.data)!r} force={args.force}"
    try:
        store.build_database(target, data_dir=args.data, force=args.force)
    except (store.DatabaseExistsError, SeedError, store.DatabaseUnavailableError) as exc:
        return _refused("init", fields, exc)
    logger.info("init result=ok %s", fields)
    con = store.connect(target)
    try:
        counts = ", ".join(f"{n} {table}" for table, n in store.table_counts(con).items())
    finally:
        con.close()
    print(f"Built {target}: {counts}")
    return 0


def _show(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    try:
        catalog = store.load_catalog(con)
        if not catalog.years:
            print("error: the database has no editions", file=sys.stderr)
            return 1
        edition = args.edition
        if edition is None:
            edition = store.latest_assessed_edition(con) or catalog.years[0]
        if edition not in catalog.years:
            known = ", ".join(str(y) for y in sorted(catalog.years))
            drafts = store.load_catalog(con, include_drafts=True).years
            what = "is a draft, seen only by editors in the app" if edition in drafts else "is none"
            print(
                f"error: edition {edition} {what}; the published editions are {known}",
                file=sys.stderr,
            )
            return 1
        if args.area != COMBINED_AREA and args.area not in catalog.area_ids:
            known = ", ".join((COMBINED_AREA, *catalog.area_ids))
            print(f"error: no area '{args.area}'; the areas are {known}", file=sys.stderr)
            return 1
        technologies = store.load_technologies(con)
        view = store.load_view(con, ViewFilter(area=args.area, edition=edition))
    finally:
        con.close()
    for row in view.itertuples():
        name = technologies[row.id].label(args.lang)
        ring = catalog.ring(row.ring).label(args.lang)
        moved = MOVEMENT_MARKS[row.movement]
        # A ring stated by an imported radar has no score.
        score = "    –" if pd.isna(row.score) else f"{row.score:5.2f}"
        print(f"{row.number:>3}  {ring:<9} {moved} {row.sector:<6} {score}  {name}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    logs.configure()
    try:
        if args.command == "init":
            return _init(args)
        if args.command == "workshop":
            return workshop_command.run_command(args)
        if args.command == "backup":
            return _backup(args)
        if args.command == "restore":
            return _restore(args)
        if args.command == "import":
            return import_command.run_command(args)
        if args.command == "export":
            return export_command.run_command(args)
        if args.command == "hash-password":
            return hash_password_command.run_command(args)
        return _show(args)
    except store.DatabaseUnavailableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
