"""Why a file is refused: the errors, and the helpers every part's messages share.

Every problem and note names the file, row and column and says what is wrong
and what was expected, in the language asked for, from the ``importmsg.*``
texts of :mod:`radar.i18n`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from radar import formats
from radar.i18n import t
from radar.importing.mapping import ForeignNames
from radar.model import Lang
from radar.store.seed import Problem, ProblemsError

__all__ = [
    "BAD_CHARS",
    "ImportProblems",
    "Problem",
    "StalePlanError",
    "bad_char_problem",
    "first_ten",
    "located",
    "too_large",
]

# Control characters other than tab and line breaks, and lone surrogates
# (which JSON escapes can produce and no database text can hold).
BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class ImportProblems(ProblemsError):
    """The file cannot be imported; ``problems`` lists every problem found.

    ``foreign``: the file's ring and category names that are not this radar's,
    for a mapping step to offer (:class:`~radar.importing.mapping.ForeignNames`).
    """

    subject = "the import"

    def __init__(self, problems: Iterable[Problem], foreign: ForeignNames | None = None) -> None:
        super().__init__(problems)
        self.foreign = foreign or ForeignNames()


class StalePlanError(ImportProblems):
    """The database changed between :func:`~radar.importing.plan_import` and applying it."""


def bad_char_problem(
    file_name: str, row: int | None, column: str | None, value: str, lang: Lang
) -> Problem:
    """The problem of a cell holding a character no text may hold (:data:`BAD_CHARS`)."""
    found = BAD_CHARS.search(value)
    assert found is not None
    message = t("importmsg.control_character", lang, code=f"{ord(found.group()):04X}")
    return Problem(file_name, row, column, message)


def located(problem: Problem, lang: Lang) -> str:
    """A problem or note as the command line prints it: ``file, row R, column 'C': message``.

    As ``str(problem)`` does, but with "row" and "column" in ``lang``.
    """
    where = [problem.file]
    if problem.row is not None:
        where.append(t("importmsg.at_row", lang, row=problem.row))
    if problem.column is not None:
        where.append(t("importmsg.at_column", lang, column=problem.column))
    return f"{', '.join(where)}: {problem.message}"


def too_large(file_name: str, lang: Lang) -> Problem:
    """The problem of a file above :data:`radar.formats.MAX_IMPORT_BYTES`."""
    limit = formats.MAX_IMPORT_BYTES // (1024 * 1024)
    return Problem(file_name, None, None, t("importmsg.file_too_large", lang, limit=limit))


def first_ten(items: Sequence[str], lang: Lang) -> str:
    """The first ten items, comma separated, and how many more there are."""
    shown = ", ".join(items[:10])
    if len(items) > 10:
        return t("importmsg.and_more", lang, shown=shown, count=len(items) - 10)
    return shown
