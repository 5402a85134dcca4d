"""``python -m radar workshop``: create, list, close, export, delete and purge live workshops.

:func:`add_command` adds the subcommand to the CLI's parser; :func:`run_command`
runs it. The workshops themselves are :mod:`radar.workshop`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from radar import store, workshop
from radar.model import COMBINED_AREA
from radar.workshop import limits

logger = logging.getLogger(__name__)

__all__ = ["add_command", "run_command"]


def add_command(commands: Any, db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``workshop`` subcommand (create, list, close, export) to the CLI parser.

    Parameters
    ----------
    commands
        The CLI's subparsers (``argparse``'s ``add_subparsers()``).
    db_option
        Adds the shared ``--db`` option to a parser.
    """
    group = commands.add_parser(
        "workshop",
        help="create, list, close, export, delete and purge live workshops",
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
        "--unmoderated",
        action="store_true",
        help="show participants' comments on the projector at once; by default they wait "
        "until the facilitator approves them in the app",
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
        "the agreement, the answers per ring and per phase; and the comments the room may see "
        "(a moderated workshop's approved ones, else all but the hidden ones), without names. "
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

    delete = actions.add_parser(
        "delete",
        help="delete a workshop and everything in it",
        description="Delete a workshop with its participants, answers, comments and the local "
        "radars saved from it. It cannot be undone; export first to keep the results.",
    )
    delete.add_argument(
        "workshop", metavar="ID", help="the workshop's id or join code (as 'list' shows them)"
    )
    delete.add_argument("--dry-run", action="store_true", help="say what would go; delete nothing")
    workshop_db_option(delete)

    purge = actions.add_parser(
        "purge",
        help="delete the workshops past the retention period (for cron)",
        description="Delete every workshop that ended (closed, or its closing time passed; "
        "never closed: created) more than the retention period ago, with everything in it, "
        "and forget the participant tokens of every ended workshop. Prints what it deleted; "
        "exits 0, also when there was nothing to delete.",
    )
    purge.add_argument(
        "--days",
        type=int,
        help=f"retention period in days (default: ${limits.RETENTION_ENV_VAR}, else "
        f"{limits.DEFAULT_RETENTION_DAYS})",
    )
    purge.add_argument("--dry-run", action="store_true", help="say what would go; delete nothing")
    workshop_db_option(purge)


def _parse_closes(value: str | None) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value.strip())
    # A time without an offset is the facilitator's local time.
    return moment if moment.tzinfo is not None else moment.astimezone()


def run_command(args: argparse.Namespace) -> int:
    """Run ``python -m radar workshop ACTION``; returns the exit code.

    A rejected action prints its message on stderr and returns 1, having written nothing.
    """
    commands = {
        "create": _workshop_create,
        "list": _workshop_list,
        "close": _workshop_close,
        "export": _workshop_export,
        "delete": _workshop_delete,
        "purge": _workshop_purge,
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
        created = workshop.create_workshop(con, **details, moderated=not args.unmoderated)
    finally:
        con.close()
    print(f"Workshop: {created.title}")
    print(f"Area: {created.area}, edition {created.edition}, {len(technologies)} technologies")
    if created.closes_at is not None:
        print(f"Closes: {created.closes_at.astimezone().isoformat(timespec='minutes')}")
    print(f"Code: {created.display_code}")
    print(f"Link: {workshop.join_link(base_url, created.code)}")
    if created.moderated:
        print("Comments: shown once approved in the app (an editor's, for a workshop made here)")
    else:
        print("Comments: shown at once, unless hidden in the app")
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
    print(f"{'CODE':<12} {'STATUS':<6} {'EDITION':<7} {'AREA':<18} {'TECHS':>5}  {'ID':<32}  TITLE")
    for item in workshops:
        status = "open" if item.is_open() else "closed"
        print(
            f"{item.display_code:<12} {status:<6} {item.edition:<7} {item.area:<18} "
            f"{len(item.technologies):>5}  {item.id:<32}  {item.title}"
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
        prioritised = workshop.priorities(con, found.id)
    finally:
        con.close()
    if suffix == ".csv":
        data = workshop.export_csv(summary, args.lang, part=args.part, sep=args.sep)
    else:
        data = workshop.export_xlsx(summary, args.lang, priorities=prioritised)
    args.out.write_bytes(data)
    print(
        f"Wrote {args.out}: {len(summary.technologies)} technologies, "
        f"{len(workshop.shown_comments(summary))} comments, {summary.participants} participants."
    )
    return 0


def _find(con: store.Connection, given: str) -> workshop.Workshop:
    """The workshop with this id, else with this join code."""
    try:
        return workshop.get_workshop(con, given.strip())
    except workshop.WorkshopNotFoundError:
        return workshop.find_workshop(con, given, must_be_open=False)


def _deleted_line(item: workshop.Deleted) -> str:
    ended = item.ended_at.astimezone().isoformat(timespec="minutes")
    return (
        f"{item.workshop_id} {workshop.format_code(item.code)} (ended {ended}): "
        f"{item.participants} participants, {item.answers} answers, "
        f"{item.ratings} rating scores, {item.votes} point allocations, "
        f"{item.local_editions} local radars  {item.title}"
    )


def _workshop_delete(args: argparse.Namespace) -> int:
    path = _existing_workshop_db(args)
    if path is None:
        return 1
    con = workshop.connect_workshops(path)
    try:
        found = _find(con, args.workshop)
        if args.dry_run:
            print(f"Would delete {_deleted_line(workshop.preview(con, found.id))}")
            return 0
        deleted = workshop.delete_workshop(con, found.id, actor="cli")
    finally:
        con.close()
    print(f"Deleted {_deleted_line(deleted)}")
    return 0


def _workshop_purge(args: argparse.Namespace) -> int:
    try:
        days = args.days if args.days is not None else limits.retention_days()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if days < 1:
        print(f"error: --days must be at least 1, not {days}", file=sys.stderr)
        return 1
    path = workshop.resolve_workshop_db_path(args.workshop_db)
    if not path.exists():
        print(f"Nothing to purge ({path} does not exist).")
        return 0
    con = workshop.connect_workshops(path)
    try:
        deleted = workshop.purge(con, days, dry_run=args.dry_run)
    finally:
        con.close()
    verb = "Would delete" if args.dry_run else "Deleted"
    for item in deleted:
        print(f"{verb} {_deleted_line(item)}")
    print(
        f"{verb} {len(deleted)} workshops that ended more than {days} days ago"
        + (" (dry run: nothing was changed)." if args.dry_run else ".")
    )
    return 0
