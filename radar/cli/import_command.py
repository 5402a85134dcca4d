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
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from radar import formats, importing, store
from radar.i18n import t
from radar.importing import aoe
from radar.importing.mapping import ImportMapping, MappingSyntaxError, parse_pairs
from radar.importing.problems import Problem, located, too_large
from radar.model import LANGUAGES, Lang
from radar.store import importing as stored

__all__ = ["add_command", "run_command"]

logger = logging.getLogger(__name__)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2026-05-31") from None


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
        default="",
        metavar='"FROM=TO,…"',
        help="what the file's ring names are here, for names the import does not know "
        '(TO: a ring\'s id or name), e.g. --rings "1=klar,2=afproev,3=hold-oeje,4=afvent"',
    )
    command.add_argument(
        "--categories",
        default="",
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
    releases = command.add_mutually_exclusive_group()
    releases.add_argument(
        "--release",
        metavar="YYYY-MM-DD",
        help="an AOE radar: import this release (default: the newest), with every item as "
        "it was then",
    )
    releases.add_argument(
        "--all-releases",
        action="store_true",
        help="an AOE radar: import every release, oldest first, as editions N, N+1, ...; all "
        "are checked before the first is written, and each edition is its own transaction",
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
        "mapping": args.mapping,
    }


def _mapping(args: argparse.Namespace, lang: Lang) -> ImportMapping | None:
    """``--rings`` and ``--categories`` as the import's mapping; None, said why, if not pairs.

    Read here rather than by argparse, so a wrong pair is told in ``--lang``.
    """
    pairs = {}
    for option, text in (("--rings", args.rings), ("--categories", args.categories)):
        try:
            pairs[option] = parse_pairs(text)
        except MappingSyntaxError as exc:
            print(t("import.bad_pairs", lang, option=option, part=exc.part), file=sys.stderr)
            return None
    return ImportMapping(rings=pairs["--rings"], categories=pairs["--categories"])


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
    mapping = _mapping(args, lang)
    if mapping is None:
        return 2
    args.mapping = mapping
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
    if args.release or args.all_releases:
        return _run_releases(args, data, target, editor)
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
    args: argparse.Namespace,
    editor: str,
    target: Path,
    result: str,
    level: int,
    rows: int = 0,
    edition: int | None = None,
) -> None:
    """One line per import that was to write, whatever became of it."""
    logger.log(
        level,
        "import result=%s editor=%r file=%r edition=%d rows=%d db=%r",
        result,
        editor,
        args.file.name,
        args.edition if edition is None else edition,
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


@dataclass(frozen=True)
class _Release:
    """One release of an AOE radar, and the edition it is imported into."""

    release: str
    edition: int
    #: The radar's zip file as of the release (:func:`radar.importing.aoe.release_archive`).
    data: bytes


class _PartlyImported(Exception):
    """A release was refused after the editions of the releases before it were written."""

    def __init__(
        self,
        refused: importing.ImportProblems,
        release: _Release,
        written: list[importing.ImportResult],
    ) -> None:
        super().__init__(release.release)
        self.refused = refused
        self.release = release
        self.written = written


def _run_releases(args: argparse.Namespace, data: bytes, target: Path, editor: str) -> int:
    """``--release`` and ``--all-releases``: an AOE radar's releases, each as an edition.

    Every release is checked against the database before the first is written;
    then each is planned again against the editions written before it and
    written in a transaction of its own. Into a new ``--db`` file all of them
    are written, or (the file is not created) none.
    """
    lang: Lang = args.lang
    name = args.file.name
    fmt = args.format or importing.detect_format(data, name)
    if fmt != "aoe":
        print(t("import.releases_aoe_only", lang, file=name, format=fmt), file=sys.stderr)
        return 1
    if args.all_releases and (args.title or args.published):
        print(t("import.releases_one_edition", lang), file=sys.stderr)
        return 1
    new_db = bool(args.db) and not target.exists()
    try:
        found = aoe.releases(data, name, lang)
        if args.release and args.release not in found:
            shown = ", ".join(found)
            message = t(
                "import.not_a_release", lang, release=args.release, file=name, releases=shown
            )
            print(message, file=sys.stderr)
            return 1
        chosen = found if args.all_releases else [args.release]
        releases = [
            _Release(release, args.edition + index, aoe.release_archive(data, release, name, lang))
            for index, release in enumerate(chosen)
        ]
        if new_db:
            plans = _releases_into_new(args, releases, target, editor)
        else:
            con = store.connect(target, read_only=args.dry_run)
            try:
                plans = _check_releases(con, releases, args)
                if not args.dry_run:
                    results = _apply_releases(con, releases, plans, args, editor, log_to=target)
                    plans = [r.plan for r in results]
            finally:
                con.close()
    except importing.ImportProblems as exc:
        code = _print_problems(exc, args.file, lang)
        if not args.dry_run:
            _log(args, editor, target, "refused", logging.INFO)
        return code
    except _PartlyImported as exc:
        _print_problems(exc.refused, args.file, lang)
        _log(args, editor, target, "refused", logging.INFO, edition=exc.release.edition)
        message = t(
            "import.releases_partial",
            lang,
            edition=exc.release.edition,
            release=exc.release.release,
            written=", ".join(str(r.plan.edition) for r in exc.written),
        )
        print(message, file=sys.stderr)
        return 1
    except store.StorageFull as exc:
        _log(args, editor, target, "disk-full", logging.ERROR)
        print(
            f"error: the disk is full; the edition being written was not saved: {exc}",
            file=sys.stderr,
        )
        return 1
    except store.WriteFailed as exc:
        _log(args, editor, target, "write-failed", logging.ERROR)
        print(
            f"error: the disk refused the write; the edition being written was not saved: {exc}",
            file=sys.stderr,
        )
        return 1
    except store.DatabaseUnavailableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if new_db and not args.dry_run:
        print(t("import.created_db", lang, db=target))
    if args.dry_run and len(releases) > 1 and not new_db:
        print(t("import.releases_dry_run", lang))
    for release, plan in zip(releases, plans, strict=True):
        print(t("import.release_heading", lang, release=release.release, edition=release.edition))
        _print_plan(plan, args, target, created=False)
    return 0


def _release_args(args: argparse.Namespace, release: _Release) -> dict[str, Any]:
    return {**_plan_args(args), "edition": release.edition, "fmt": "aoe"}


def _check_releases(
    con: store.Connection, releases: list[_Release], args: argparse.Namespace
) -> list[importing.ImportPlan]:
    """Every release planned against the database as it is; every problem of them all."""
    plans = []
    # A release's file holds the releases before it: their problems are its
    # problems too, and are listed once.
    problems: dict[Problem, None] = {}
    for release in releases:
        try:
            plans.append(importing.plan_import(con, release.data, **_release_args(args, release)))
        except importing.ImportProblems as exc:
            problems.update(dict.fromkeys(exc.problems))
    if problems:
        raise importing.ImportProblems(problems)
    return plans


def _apply_releases(
    con: store.Connection,
    releases: list[_Release],
    plans: list[importing.ImportPlan],
    args: argparse.Namespace,
    editor: str,
    *,
    log_to: Path | None,
) -> list[importing.ImportResult]:
    """Write the releases' editions in order, each planned against the ones written before it.

    ``log_to``: the database to log each written edition for (None: not logged yet).
    """
    written: list[importing.ImportResult] = []
    for index, release in enumerate(releases):
        try:
            plan = (
                plans[0]
                if index == 0
                else importing.plan_import(con, release.data, **_release_args(args, release))
            )
            result = importing.apply_import(con, plan, editor=editor, reason=args.reason)
        except importing.ImportProblems as exc:
            if not written:
                raise
            raise _PartlyImported(exc, release, written) from exc
        if log_to is not None:
            _log(args, editor, log_to, "ok", logging.INFO, result.audit_rows, plan.edition)
        written.append(result)
    return written


def _releases_into_new(
    args: argparse.Namespace, releases: list[_Release], target: Path, editor: str
) -> list[importing.ImportPlan]:
    """The releases into a new database file: all of them, or (no file is made) none."""
    if args.dry_run:
        # In a scratch database each edition shows as it would be after the ones before it.
        with stored.scratch_database() as con:
            plans = _check_releases(con, releases, args)
            results = _apply_releases(con, releases, plans, args, editor, log_to=None)
            return [r.plan for r in results]
    try:
        with store.new_database_file(target, "importing") as con:
            stored.initialise_empty(con)
            plans = _check_releases(con, releases, args)
            results = _apply_releases(con, releases, plans, args, editor, log_to=None)
    except _PartlyImported as exc:
        # The new file was not kept: nothing at all was imported.
        raise exc.refused from exc
    # Logged once the file is in place, when the editions really are imported.
    for result in results:
        _log(args, editor, target, "ok", logging.INFO, result.audit_rows, result.plan.edition)
    return [r.plan for r in results]
