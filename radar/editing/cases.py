"""Editors' writes of example cases: a municipality's use of a technology."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from radar.editing import checks
from radar.editing.conflicts import check_expected, write
from radar.editing.errors import EditConflict, EditError
from radar.editing.values import as_record
from radar.formats import slugify
from radar.model import Case
from radar.store import audit
from radar.store import editing as stored
from radar.store.audit import Change
from radar.store.transactions import Connection, read

#: What :func:`edit_case` may change (a case stays with its technology).
CASE_FIELDS: Final[tuple[str, ...]] = (
    "area",
    "municipality",
    "year",
    "title_da",
    "title_en",
    "text_da",
    "text_en",
    "source_url",
)
_CASE_TEXT_FIELDS: Final[tuple[str, ...]] = (
    "municipality",
    "title_da",
    "title_en",
    "text_da",
    "text_en",
    "source_url",
)
#: The longest id made from a case's municipality and title.
_ID_LENGTH: Final = 80


def case_row(cur: Connection, case_id: str) -> dict[str, Any] | None:
    """One example case's row with clean values (``""`` for no link), read on ``cur``."""
    return as_record(stored.case_row(cur, case_id))


def load_case(con: Connection, case_id: str) -> Case | None:
    """One example case as stored now."""
    row = read(con, lambda cursor: case_row(cursor, case_id))
    return Case(**row) if row else None


def _case_values(values: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    out = {**current}
    for name in _CASE_TEXT_FIELDS:
        if name in values or name not in out:
            out[name] = checks.text(name, values.get(name))
    if "area" in values or "area" not in out:
        out["area"] = checks.text("area", values.get("area"), required=True)
    if "year" in values or "year" not in out:
        out["year"] = checks.year("year", values.get("year"))
    url = out["source_url"]
    if url and (not url.startswith(("https://", "http://")) or any(c.isspace() for c in url)):
        raise EditError("source_url", "url")
    return out


def _new_id(cur: Connection, record: Mapping[str, Any]) -> str:
    """An id from the municipality and Danish title, with ``-2``, ``-3``, ... if taken."""
    stem = slugify(f"{record['municipality']} {record['title_da']}")[:_ID_LENGTH].strip("-")
    new_id, n = stem, 1
    while stored.has_case(cur, new_id):
        n += 1
        new_id = f"{stem}-{n}"
    return new_id


def add_case(
    con: Connection,
    values: Mapping[str, Any],
    *,
    editor: str,
    reason: str,
    case_id: str | None = None,
) -> Case:
    """Add an example case to a technology.

    Parameters
    ----------
    values
        ``technology`` and :data:`CASE_FIELDS`; ``area``, ``municipality``,
        ``year``, ``title_da`` and ``text_da`` are required.
    case_id
        Its id; made from the municipality and Danish title when not given
        (with ``-2``, ``-3``, ... if that is taken).

    Raises
    ------
    EditError
        Invalid input, or ``case_id`` is taken.
    """
    editor, reason = checks.who(editor, reason)
    checks.known_fields(values, ("technology", *CASE_FIELDS))
    technology = checks.text("technology", values.get("technology"), required=True)
    record = {"technology": technology, **_case_values(values, {})}
    if case_id is not None and slugify(case_id) != case_id:
        raise EditError("id", "not_slug", suggestion=slugify(case_id))

    def body(cur: Connection) -> Case:
        if not stored.has_technology(cur, technology):
            raise EditError("technology", "unknown", value=technology)
        if not stored.has_area(cur, record["area"]):
            raise EditError("area", "unknown", value=record["area"])
        if case_id is not None:
            new_id = case_id
            if stored.has_case(cur, new_id):
                raise EditError("id", "exists", value=new_id)
        else:
            new_id = _new_id(cur, record)
        saved = {"id": new_id, **record}
        stored.insert_case(cur, saved)
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="add",
                    entity="case",
                    record_key=new_id,
                    technology=technology,
                    new_value=saved,
                    reason=reason,
                )
            ],
        )
        return Case(**saved)

    key = case_id or ""
    return write(
        con, body, lambda r: EditConflict("case", key, case_row(r, key), record), adding=True
    )


def edit_case(
    con: Connection,
    case_id: str,
    changes: Mapping[str, Any],
    *,
    expected: Case | Mapping[str, Any],
    editor: str,
    reason: str,
) -> Case:
    """Change an example case (:data:`CASE_FIELDS`).

    Raises
    ------
    EditConflict
        It changed or was removed since ``expected`` was loaded.
    EditError
        Invalid input, or nothing to change.
    """
    editor, reason = checks.who(editor, reason)
    checks.known_fields(changes, CASE_FIELDS)
    base = as_record(expected) or {}
    yours = _case_values(changes, base) if base else dict(changes)

    def body(cur: Connection) -> Case:
        current = case_row(cur, case_id)
        check_expected("case", case_id, current, base, yours)
        assert current is not None
        new = _case_values(changes, current)
        if new["area"] != current["area"] and not stored.has_area(cur, new["area"]):
            raise EditError("area", "unknown", value=new["area"])
        diffs = audit.field_changes(
            current,
            {name: new[name] for name in CASE_FIELDS},
            editor=editor,
            entity="case",
            record_key=case_id,
            technology=current["technology"],
            reason=reason,
        )
        if not diffs:
            raise EditError("changes", "no_changes")
        stored.update_case(cur, case_id, {c.field: new[c.field] for c in diffs if c.field})
        audit.record(cur, diffs)
        return Case(**new)

    return write(con, body, lambda r: EditConflict("case", case_id, case_row(r, case_id), yours))


def remove_case(
    con: Connection,
    case_id: str,
    *,
    expected: Case | Mapping[str, Any],
    editor: str,
    reason: str,
) -> None:
    """Remove an example case.

    Raises
    ------
    EditConflict
        It changed or was removed since ``expected`` was loaded.
    """
    editor, reason = checks.who(editor, reason)
    base = as_record(expected) or {}

    def body(cur: Connection) -> None:
        current = case_row(cur, case_id)
        check_expected("case", case_id, current, base, None)
        assert current is not None
        stored.delete_case(cur, case_id)
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="remove",
                    entity="case",
                    record_key=case_id,
                    technology=current["technology"],
                    old_value=current,
                    reason=reason,
                )
            ],
        )

    write(con, body, lambda r: EditConflict("case", case_id, case_row(r, case_id), None))
