"""Command line: ``python -m radar COMMAND``.

Commands
--------
init
    Build the database from the seed CSV files in ``data/``.
show
    Print one radar (area and edition) as a table.
workshop
    Create, list, close and export live workshops (:mod:`radar.workshop`).
backup, restore
    Copy every table to a folder of Parquet files, and build the database back
    from one (:mod:`radar.store.backup`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import pandas as pd

from radar import exporting as exports
from radar import importing as importers
from radar import store, workshop
from radar.model import COMBINED_AREA
from radar.pipeline.view import ViewFilter
from radar.store import backup
from radar.store.seed import SeedError
from radar.theme import MOVEMENT_MARKS


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

    importers.add_command(commands, db_option)
    exports.add_command(commands, db_option)
    init = commands.add_parser(
        "init",
        help="build the database from the seed CSV files",
        description="Validate the seed CSV files and build the DuckDB database from them. "
        "The build writes a temporary file and renames it, so it never leaves half a database.",
    )
    db_option(init)
    init.add_argument("--force", action="store_true", help="replace the database file if it exists")
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
    _workshop_parser(commands, db_option)
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
        description="Build the radar database from a folder made by 'backup'. The new file "
        "replaces the old one only when it is complete; a failed restore changes nothing.",
    )
    restore_command.add_argument("dir", metavar="DIR", type=Path, help="the backup folder")
    db_option(restore_command)
    restore_command.add_argument(
        "--force", action="store_true", help="replace the database file if it exists"
    )
    return parser


def _backup(args: argparse.Namespace) -> int:
    try:
        folder = backup.backup(args.out, args.db)
    except backup.BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Backed up {store.resolve_db_path(args.db)} to {folder}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    try:
        target = backup.restore(args.dir, args.db, force=args.force)
    except backup.BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Restored {target} from {args.dir}; restart the dashboard to use it")
    return 0


def _init(args: argparse.Namespace) -> int:
    target = store.resolve_db_path(args.db)
    try:
        store.build_database(target, data_dir=args.data, force=args.force)
    except store.DatabaseExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except SeedError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
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


def _workshop_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    group = commands.add_parser(
        "workshop",
        help="create, list, close and export live workshops",
        description="Live workshops: participants join with a code and place the area's "
        "technologies on their own radar. Workshops are kept in a database file of their own; "
        "while the dashboard runs it holds that file, so use the app then.",
    )
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")

    def workshop_db_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--workshop-db",
            metavar="PATH",
            help=f"workshop database file (default: ${workshop.WORKSHOP_DB_ENV_VAR}, else "
            f"{workshop.WORKSHOP_DB_NAME} in the folder of the dashboard's radar database, "
            f"${store.DB_ENV_VAR} or data/radar.duckdb)",
        )

    create = actions.add_parser(
        "create",
        help="create a workshop and print its join code and link",
        description="Create a workshop for one welfare area and edition and print its join "
        "code and link. Nothing is written when an option is invalid.",
    )
    create.add_argument(
        "--title",
        required=True,
        help=f"title shown to participants (at most {workshop.TITLE_LIMIT} characters)",
    )
    create.add_argument(
        "--area",
        required=True,
        help=f"welfare area id, or '{COMBINED_AREA}' for the combined radar",
    )
    create.add_argument(
        "--edition",
        type=int,
        help="edition year the official rings come from (default: the newest with assessments)",
    )
    create.add_argument(
        "--technologies",
        metavar="ID,ID,...",
        help="technology ids to discuss, comma-separated, in this order "
        "(default: every technology on the area's radar)",
    )
    create.add_argument(
        "--closes",
        metavar="DATETIME",
        help="when the workshop stops taking answers, e.g. 2026-03-01T15:00 (this machine's "
        "local time unless an offset such as +01:00 is given; default: only when closed)",
    )
    create.add_argument(
        "--base-url",
        metavar="URL",
        help=f"where participants reach the dashboard, for the join link "
        f"(default: ${workshop.BASE_URL_ENV_VAR}, else {workshop.DEFAULT_BASE_URL})",
    )
    db_option(create)
    workshop_db_option(create)

    listing = actions.add_parser(
        "list",
        help="list the workshops, newest first",
        description="List every workshop: code, open or closed, edition, area, number of "
        "technologies and title.",
    )
    workshop_db_option(listing)

    close = actions.add_parser(
        "close",
        help="close a workshop: it takes no more answers",
        description="Close a workshop. Participants can no longer reach it; its answers stay.",
    )
    close.add_argument("code", help="the workshop's join code (case and dashes do not matter)")
    workshop_db_option(close)

    export = actions.add_parser(
        "export",
        help="write a workshop's results to a CSV or Excel file",
        description="Write the results: per technology the official ring, the group's ring, "
        "the agreement, the answers per ring and per phase; and the comments, without names. "
        "An .xlsx file has a sheet for each; a .csv file holds one of them (--part).",
    )
    export.add_argument("code", help="the workshop's join code (case and dashes do not matter)")
    export.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help="the file to write; its suffix, .csv or .xlsx, chooses the format",
    )
    export.add_argument(
        "--lang", choices=("da", "en"), default="da", help="language of headers and labels"
    )
    export.add_argument(
        "--part",
        choices=("summary", "comments"),
        default="summary",
        help="for .csv: the summary per technology (default) or the comments",
    )
    export.add_argument(
        "--sep",
        default=";",
        help="for .csv: the field separator (default ';', what Danish Excel expects)",
    )
    workshop_db_option(export)


def _parse_closes(value: str | None) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value.strip())
    # A time without an offset is the facilitator's local time.
    return moment if moment.tzinfo is not None else moment.astimezone()


def _workshop(args: argparse.Namespace) -> int:
    commands = {
        "create": _workshop_create,
        "list": _workshop_list,
        "close": _workshop_close,
        "export": _workshop_export,
    }
    try:
        return commands[args.action](args)
    except workshop.WorkshopError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _workshop_create(args: argparse.Namespace) -> int:
    try:
        closes_at = _parse_closes(args.closes)
    except ValueError:
        print(
            f"error: --closes '{args.closes}' is not a date and time like 2026-03-01T15:00",
            file=sys.stderr,
        )
        return 1
    base_url = workshop.resolve_base_url(args.base_url)
    if not base_url.startswith(("http://", "https://")):
        print(
            f"error: --base-url '{base_url}' must start with http:// or https://",
            file=sys.stderr,
        )
        return 1
    ids = None
    if args.technologies is not None:
        ids = [i.strip() for i in args.technologies.split(",") if i.strip()]
    radar_con = store.connect(args.db)
    try:
        catalog = store.load_catalog(radar_con)
        edition = args.edition
        if edition is None:
            edition = store.latest_assessed_edition(radar_con) or max(catalog.years, default=0)
        technologies = workshop.area_technologies(radar_con, args.area, edition, ids)
    finally:
        radar_con.close()
    details = {
        "title": args.title,
        "catalog": catalog,
        "area": args.area,
        "edition": edition,
        "technologies": technologies,
        "closes_at": closes_at,
    }
    # Everything is checked before the workshop database is opened, so a
    # mistake leaves no file behind.
    workshop.validate_workshop(**details)
    con = workshop.connect_workshops(args.workshop_db)
    try:
        created = workshop.create_workshop(con, **details)
    finally:
        con.close()
    print(f"Workshop: {created.title}")
    print(f"Area: {created.area}, edition {created.edition}, {len(technologies)} technologies")
    if created.closes_at is not None:
        print(f"Closes: {created.closes_at.astimezone().isoformat(timespec='minutes')}")
    print(f"Code: {created.display_code}")
    print(f"Link: {workshop.join_link(base_url, created.code)}")
    return 0


def _existing_workshop_db(args: argparse.Namespace) -> Path | None:
    path = workshop.resolve_workshop_db_path(args.workshop_db)
    if path.exists():
        return path
    print(f"error: there is no workshop database at {path}", file=sys.stderr)
    return None


def _workshop_list(args: argparse.Namespace) -> int:
    path = workshop.resolve_workshop_db_path(args.workshop_db)
    if not path.exists():
        print(f"No workshops yet ({path} does not exist).")
        return 0
    con = workshop.connect_workshops(path, read_only=True)
    try:
        workshops = workshop.list_workshops(con)
    finally:
        con.close()
    if not workshops:
        print("No workshops yet.")
        return 0
    print(f"{'CODE':<12} {'STATUS':<6} {'EDITION':<7} {'AREA':<18} {'TECHS':>5}  TITLE")
    for item in workshops:
        status = "open" if item.is_open() else "closed"
        print(
            f"{item.display_code:<12} {status:<6} {item.edition:<7} {item.area:<18} "
            f"{len(item.technologies):>5}  {item.title}"
        )
    return 0


def _workshop_close(args: argparse.Namespace) -> int:
    path = _existing_workshop_db(args)
    if path is None:
        return 1
    con = workshop.connect_workshops(path)
    try:
        found = workshop.find_workshop(con, args.code, must_be_open=False)
        if found.closed_at is not None:
            when = found.closed_at.astimezone().isoformat(timespec="minutes")
            print(f"{found.display_code} ({found.title}) was already closed at {when}.")
            return 0
        workshop.close_workshop(con, found.id)
        summary = workshop.results(con, found.id)
    finally:
        con.close()
    print(
        f"Closed {found.display_code} ({found.title}): {summary.participants} participants, "
        f"{summary.respondents} answered."
    )
    return 0


def _workshop_export(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        print(f"error: --out '{args.out}' must end in .csv or .xlsx", file=sys.stderr)
        return 1
    if not args.out.parent.is_dir():
        print(f"error: the folder {args.out.parent} does not exist", file=sys.stderr)
        return 1
    if suffix == ".csv" and len(args.sep) != 1:
        print(f"error: --sep '{args.sep}' must be one character", file=sys.stderr)
        return 1
    path = _existing_workshop_db(args)
    if path is None:
        return 1
    con = workshop.connect_workshops(path, read_only=True)
    try:
        found = workshop.find_workshop(con, args.code, must_be_open=False)
        summary = workshop.results(con, found.id)
    finally:
        con.close()
    if suffix == ".csv":
        data = workshop.export_csv(summary, args.lang, part=args.part, sep=args.sep)
    else:
        data = workshop.export_xlsx(summary, args.lang)
    args.out.write_bytes(data)
    print(
        f"Wrote {args.out}: {len(summary.technologies)} technologies, "
        f"{len(summary.comments)} comments, {summary.participants} participants."
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "init":
            return _init(args)
        if args.command == "workshop":
            return _workshop(args)
        if args.command == "backup":
            return _backup(args)
        if args.command == "restore":
            return _restore(args)
        if args.command == "import":
            return importers.run_command(args)
        if args.command == "export":
            return exports.run_command(args)
        return _show(args)
    except store.DatabaseUnavailableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
