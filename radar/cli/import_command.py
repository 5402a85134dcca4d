"""``python -m radar import``: import a radar from a file (:mod:`radar.importing`).

Prints a short summary, or every problem with its row and column; only a file
without problems is written. Every import that writes (not ``--dry-run``) is
logged: who, which file (``%r``), the edition, the result and the changes written.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from radar import formats, importing, store
from radar.i18n import t
from radar.importing.mapping import ImportMapping, MappingSyntaxError, parse_pairs
from radar.importing.problems import located, too_large
from radar.model import LANGUAGES, Lang
from radar.store import importing as stored

__all__ = ["add_command", "run_command"]

logger = logging.getLogger(__name__)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2026-05-31") from None


def _pairs(value: str) -> dict[str, str]:
    try:
        return parse_pairs(value)
    except MappingSyntaxError as exc:
        raise argparse.ArgumentTypeError(
            f"'{exc.part}' is not FROM=TO; write pairs such as \"Explore=afproev,Monitor=afvent\""
        ) from None


def add_command(commands: Any, db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``import`` subcommand to the CLI parser.

    Parameters
    ----------
    commands
        The CLI's subparsers (``argparse``'s ``add_subparsers()``).
    db_option
        Adds the shared ``--db`` option to a parser.
    """
    command = commands.add_parser(
        "import",
        help="import a radar from a file (our CSV/Excel/JSON, Thoughtworks BYOR, Zalando)",
        description="Import one edition of a radar from a file. The whole file is checked "
        "first, and every problem is listed with its row and column; only a file without "
        "problems is written, in one transaction, and logged. The file is the whole radar "
        "of each area it covers in that edition: assessments missing from it are removed. "
        "A --db file that does not exist is created as a new, empty radar database (the "
        "seed's rings and areas only), but only when the import succeeds.",
    )
    command.add_argument("file", metavar="FILE", type=Path, help="the file to import")
    command.add_argument(
        "--edition",
        type=int,
        required=True,
        metavar="N",
        help="the edition to import into: a year, or a running number (e.g. a Thoughtworks "
        "volume); created if missing",
    )
    command.add_argument(
        "--area",
        metavar="ID",
        help="the welfare area for every row (needed for BYOR and Zalando files unless the "
        "database has one area)",
    )
    command.add_argument(
        "--format",
        choices=formats.IMPORT_FORMATS,
        help="the file's format (default: told from its extension and content)",
    )
    command.add_argument(
        "--rings",
        type=_pairs,
        default={},
        metavar='"FROM=TO,…"',
        help="what the file's ring names are here, for names the import does not know "
        '(TO: a ring\'s id or name), e.g. --rings "1=klar,2=afproev,3=hold-oeje,4=afvent"',
    )
    command.add_argument(
        "--categories",
        type=_pairs,
        default={},
        metavar='"FROM=TO,…"',
        help="what the file's categories (quadrants) are here: an existing category's id or "
        "name, or a new category's name; a Zalando file's quadrants by number, e.g. "
        '--categories "0=Sprog,1=Infrastruktur"',
    )
    db_option(command)
    command.add_argument(
        "--title",
        help="title of a new edition (default: 'Teknologiradar N' / 'Technology radar N')",
    )
    command.add_argument(
        "--published",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="publication date of a new edition (default: the file's date, else today)",
    )
    command.add_argument(
        "--draft", action="store_true", help="create a new edition as a draft, seen only by editors"
    )
    command.add_argument(
        "--dry-run",
        action="store_true",
        help="check the file and show what would change; write nothing",
    )
    command.add_argument(
        "--editor", help="who imports, for the audit log (default: cli:<your user name>)"
    )
    command.add_argument("--reason", help="why, for the audit log")
    command.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="da",
        help="language of the summary and the problems (default: da)",
    )


def _default_editor() -> str:
    try:
        return "cli:" + getpass.getuser()
    except (OSError, KeyError):
        return "cli:unknown"


def _plan_args(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "file_name": args.file.name,
        "edition": args.edition,
        "area": args.area,
        "fmt": args.format,
        "title": args.title,
        "published": args.published,
        "draft": args.draft,
        "lang": args.lang,
        "mapping": ImportMapping(rings=args.rings, categories=args.categories),
    }


def run_command(args: argparse.Namespace) -> int:
    """Run ``python -m radar import``; returns the exit code.

    Prints a short summary, or every problem (``file, row R, column 'C':
    message``, in ``--lang``) on stderr with exit code 1, having written nothing. A missing
    ``--db`` file is created as a new, empty radar database
    (:func:`radar.importing.create_empty_database`), but only when the import succeeds.
    Without ``--db`` the usual database is used (``$RADAR_DB``, else
    ``data/radar.duckdb``), built from the seed first if it is missing, as
    every other command does.
    """
    lang: Lang = args.lang
    path: Path = args.file
    if not path.is_file():
        print(t("import.no_file", lang, file=path), file=sys.stderr)
        return 1
    if path.stat().st_size > formats.MAX_IMPORT_BYTES:
        return _print_problems(importing.ImportProblems([too_large(path.name, lang)]), path, lang)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(t("import.unreadable", lang, file=path, reason=exc.strerror or exc), file=sys.stderr)
        return 1
    target = store.resolve_db_path(args.db)
    editor = args.editor or _default_editor()
    try:
        if args.db and not target.exists():
            return _import_into_new(args, data, target, editor)
        con = store.connect(target, read_only=args.dry_run)
        try:
            plan = importing.plan_import(con, data, **_plan_args(args))
            if not args.dry_run:
                result = importing.apply_import(con, plan, editor=editor, reason=args.reason)
                _log(args, editor, target, "ok", logging.INFO, rows=result.audit_rows)
        finally:
            con.close()
    except importing.ImportProblems as exc:
        code = _print_problems(exc, path, lang)
        # After the problems: the reader's first line stays the one that says what went wrong.
        if not args.dry_run:
            _log(args, editor, target, "refused", logging.INFO)
        return code
    except store.StorageFull as exc:
        _log(args, editor, target, "disk-full", logging.ERROR)
        print(f"error: the disk is full; nothing of the import was saved: {exc}", file=sys.stderr)
        return 1
    except store.WriteFailed as exc:
        _log(args, editor, target, "write-failed", logging.ERROR)
        print(f"error: the disk refused the write; nothing was saved: {exc}", file=sys.stderr)
        return 1
    except store.DatabaseUnavailableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    _print_plan(plan, args, target, created=False)
    return 0


def _log(
    args: argparse.Namespace, editor: str, target: Path, result: str, level: int, rows: int = 0
) -> None:
    """One line per import that was to write, whatever became of it."""
    logger.log(
        level,
        "import result=%s editor=%r file=%r edition=%d rows=%d db=%r",
        result,
        editor,
        args.file.name,
        args.edition,
        rows,
        str(target),
    )


def _import_into_new(args: argparse.Namespace, data: bytes, target: Path, editor: str) -> int:
    if args.dry_run:
        with stored.scratch_database() as con:
            plan = importing.plan_import(con, data, **_plan_args(args))
    else:
        # The new file appears only when the import into it succeeded.
        with store.new_database_file(target, "importing") as con:
            stored.initialise_empty(con)
            plan = importing.plan_import(con, data, **_plan_args(args))
            result = importing.apply_import(con, plan, editor=editor, reason=args.reason)
        _log(args, editor, target, "ok", logging.INFO, rows=result.audit_rows)
    _print_plan(plan, args, target, created=not args.dry_run)
    return 0


def _print_problems(exc: importing.ImportProblems, path: Path, lang: Lang) -> int:
    print(t("import.problems", lang, count=len(exc.problems), file=path.name), file=sys.stderr)
    for problem in exc.problems:
        print(f"  {located(problem, lang)}", file=sys.stderr)
    return 1


def _print_plan(
    plan: importing.ImportPlan, args: argparse.Namespace, target: Path, *, created: bool
) -> None:
    lang: Lang = args.lang
    if created:
        print(t("import.created_db", lang, db=target))
    for line in plan.summary_lines(lang):
        print(line)
    for note in plan.notes:
        print(t("import.note", lang, note=located(note, lang)))
    if args.dry_run:
        print(t("import.dry_run", lang))
    elif not plan.has_changes:
        print(t("import.nothing", lang))
    else:
        print(t("import.done", lang, file=args.file.name, db=target))
