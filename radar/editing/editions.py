"""Editors' writes of editions: start a draft, publish it or discard it, and the
illustrative-data notice.

A draft copies the latest published edition's assessments and is shown to
editors only until it is published.

Discarding a draft takes two transactions, because DuckDB checks a foreign key
against the committed state of the referencing table: the edition row cannot
be deleted in the transaction that deletes its assessments. If the second step
is interrupted, an empty draft is left, and discarding it again completes the
job. The process-wide write lock keeps another editor's save out between the
two.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from radar import store
from radar.editing import checks
from radar.editing.conflicts import check_expected, write
from radar.editing.errors import EditConflict, EditError
from radar.editing.values import as_record
from radar.model import DRAFT, PUBLISHED, Edition
from radar.store import audit, transactions
from radar.store import editing as stored
from radar.store.audit import Change
from radar.store.transactions import Connection, read


def edition_row(cur: Connection, year: int) -> dict[str, Any] | None:
    """One edition's row with clean values, read on ``cur``."""
    return as_record(stored.edition_row(cur, year))


def load_edition(con: Connection, year: int) -> Edition | None:
    """One edition as stored now, draft or published."""
    row = read(con, lambda cursor: edition_row(cursor, year))
    return Edition(**row) if row else None


def next_edition_year(con: Connection) -> int:
    """The year a new draft gets: the year after the newest edition (or this year)."""
    latest = read(con, stored.newest_edition_year)
    return int(latest) + 1 if latest is not None else date.today().year


def edition_summary(con: Connection) -> pd.DataFrame:
    """Every edition, drafts included, newest first, with its count of assessments.

    Columns ``year, title_da, title_en, published, status, assessments,
    technologies``. For editors only.
    """
    return stored.edition_summary(con)


def _next_year_of(value: date, year: int) -> date:
    try:
        return value.replace(year=year)
    except ValueError:  # 29 February in a year without it
        return value.replace(year=year, day=28)


@dataclass(frozen=True)
class DraftDefaults:
    """What a new draft gets unless the editor says otherwise."""

    year: int
    #: The latest published edition with assessments, which the draft copies.
    source: int
    title_da: str
    title_en: str
    published: date


def _draft_defaults(cur: Connection, year: int) -> DraftDefaults:
    source_year = stored.newest_published_assessed(cur)
    if source_year is None:
        raise EditError("year", "no_source")
    source = edition_row(cur, source_year)
    assert source is not None

    def title(old: str, fallback: str) -> str:
        return old.replace(str(source_year), str(year)) if str(source_year) in old else fallback

    return DraftDefaults(
        year=year,
        source=source_year,
        title_da=title(source["title_da"], f"Teknologiradar {year}"),
        title_en=title(source["title_en"], f"Technology radar {year}"),
        published=_next_year_of(source["published"], year),
    )


def draft_defaults(con: Connection, year: int | None = None) -> DraftDefaults:
    """The edition a draft for ``year`` (default: :func:`next_edition_year`) copies, its titles
    (the copied edition's, with the year replaced) and planned publication date (a year on).

    Raises
    ------
    EditError
        No published edition has assessments to copy.
    """
    wanted = next_edition_year(con) if year is None else year
    return read(con, lambda cursor: _draft_defaults(cursor, wanted))


def start_draft(
    con: Connection,
    year: int,
    *,
    editor: str,
    reason: str,
    title_da: str | None = None,
    title_en: str | None = None,
    published: date | str | None = None,
) -> Edition:
    """Start a new edition as a draft, copied from the latest published edition.

    Every assessment of the latest published edition is copied, except those
    of retired technologies. The draft is shown to editors only until
    :func:`publish`.

    Parameters
    ----------
    year
        The new edition's year; it must be later than every existing edition.
    title_da, title_en
        Its titles; by default the latest edition's with the year replaced.
    published
        Its planned publication date; by default the latest edition's a year on.

    Raises
    ------
    EditError
        The year exists or is not later than the newest edition, or there is
        no published edition with assessments to copy.
    """
    editor, reason = checks.who(editor, reason)
    year = checks.year("year", year)
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published.strip())
        except ValueError as exc:
            raise EditError("published", "not_date") from exc
    if title_da is not None:
        title_da = checks.text("title_da", title_da, required=True)
    if title_en is not None:
        title_en = checks.text("title_en", title_en, required=False)

    def body(cur: Connection) -> Edition:
        if stored.has_edition(cur, year):
            raise EditError("year", "exists", value=year)
        newest = stored.newest_edition_year(cur)
        if newest is not None and year < newest:
            raise EditError("year", "edition_order", latest=newest)
        defaults = _draft_defaults(cur, year)
        edition: dict[str, Any] = {
            "year": year,
            "published": published or defaults.published,
            "title_da": title_da or defaults.title_da,
            "title_en": title_en or defaults.title_en,
            "status": DRAFT,
        }
        stored.insert_edition(cur, edition)
        stored.copy_assessments(cur, defaults.source, year)
        copied = stored.assessment_count(cur, year)
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="add",
                    entity="edition",
                    record_key=str(year),
                    edition=year,
                    new_value={**edition, "copied_from": defaults.source, "assessments": copied},
                    reason=reason,
                )
            ],
        )
        return Edition(**edition)

    return write(
        con,
        body,
        lambda r: EditConflict("edition", str(year), edition_row(r, year), None),
        adding=True,
    )


def _check_draft(
    cur: Connection,
    year: int,
    expected: Edition | Mapping[str, Any] | None,
    yours: dict[str, Any] | None,
) -> dict[str, Any]:
    current = edition_row(cur, year)
    base = as_record(expected)
    if base is not None:
        check_expected("edition", str(year), current, base, yours)
    if current is None:
        raise EditError("year", "unknown", value=year)
    if current["status"] != DRAFT:
        raise EditError("year", "not_draft", value=year)
    return current


def publish(
    con: Connection,
    year: int,
    *,
    editor: str,
    reason: str,
    expected: Edition | Mapping[str, Any] | None = None,
) -> Edition:
    """Publish a draft edition: from now on everyone sees it (audit action ``publish``).

    Raises
    ------
    EditConflict
        ``expected`` is given and the edition changed since (published or
        discarded by someone else).
    EditError
        No such edition, it is not a draft, or it has no assessments.
    """
    editor, reason = checks.who(editor, reason)
    yours = {**(as_record(expected) or {}), "status": PUBLISHED}

    def body(cur: Connection) -> Edition:
        current = _check_draft(cur, year, expected, yours)
        if not stored.assessment_count(cur, year):
            raise EditError("year", "empty_draft", value=year)
        stored.set_edition_status(cur, year, PUBLISHED)
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="publish",
                    entity="edition",
                    record_key=str(year),
                    edition=year,
                    field="status",
                    old_value=DRAFT,
                    new_value=PUBLISHED,
                    reason=reason,
                )
            ],
        )
        return Edition(**{**current, "status": PUBLISHED})

    return write(
        con, body, lambda r: EditConflict("edition", str(year), edition_row(r, year), yours)
    )


def set_illustrative(con: Connection, illustrative: bool, *, editor: str, reason: str) -> bool:
    """Say on every radar, export and handout that the data is illustrative, or stop saying it.

    Logged as a change to the editions as a whole (record key ``*``).

    Returns
    -------
    Whether anything changed.
    """
    editor, reason = checks.who(editor, reason)
    value = "true" if illustrative else "false"

    def body(cur: Connection) -> bool:
        before = store.is_illustrative(cur)
        if before == illustrative:
            return False
        stored.set_meta(cur, store.ILLUSTRATIVE_KEY, value)
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="change",
                    entity="edition",
                    record_key="*",
                    field=store.ILLUSTRATIVE_KEY,
                    old_value=str(before).lower(),
                    new_value=value,
                    reason=reason,
                )
            ],
        )
        return True

    return write(con, body, lambda r: EditConflict("edition", "*", None, {"illustrative": value}))


def discard_draft(
    con: Connection,
    year: int,
    *,
    editor: str,
    reason: str,
    expected: Edition | Mapping[str, Any] | None = None,
) -> None:
    """Remove a draft edition and its assessments (logged with the reason).

    Two transactions (see the module docstring): the assessments and the log
    entry first, then the edition row.

    Raises
    ------
    EditConflict
        ``expected`` is given and the edition changed since.
    EditError
        No such edition, or it is not a draft.
    """
    editor, reason = checks.who(editor, reason)

    def body(cur: Connection) -> None:
        current = _check_draft(cur, year, expected, None)
        count = stored.assessment_count(cur, year)
        stored.delete_edition_assessments(cur, year)
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="remove",
                    entity="edition",
                    record_key=str(year),
                    edition=year,
                    old_value={**current, "assessments": count},
                    reason=reason,
                )
            ],
        )

    def conflict(reader: Connection) -> EditConflict:
        return EditConflict("edition", str(year), edition_row(reader, year), None)

    with transactions.WRITE_LOCK:
        write(con, body, conflict)
        write(con, lambda cur: stored.delete_draft_edition(cur, year), conflict)
