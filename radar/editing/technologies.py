"""Editors' writes of the technology catalogue: add, edit texts and category, retire.

Each write checks its input, runs in one transaction with its audit rows, and
refuses to overwrite another editor's save (:mod:`radar.editing.conflicts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from radar.editing import checks
from radar.editing.conflicts import check_expected, write
from radar.editing.errors import EditConflict, EditError
from radar.editing.values import as_record, assessment_key
from radar.formats import slugify
from radar.model import TECHNOLOGY_TEXT_FIELDS, Technology
from radar.store import audit
from radar.store import editing as stored
from radar.store.audit import Change
from radar.store.transactions import Connection, read

#: What :func:`edit_technology` may change.
TECHNOLOGY_FIELDS: Final[tuple[str, ...]] = ("sector", *TECHNOLOGY_TEXT_FIELDS)


def technology_row(cur: Connection, technology_id: str) -> dict[str, Any] | None:
    """One technology's row with clean values, read on ``cur``."""
    return as_record(stored.technology_row(cur, technology_id))


def load_technology(con: Connection, technology_id: str) -> Technology | None:
    """One technology as stored now (retired ones included)."""
    row = read(con, lambda cursor: technology_row(cursor, technology_id))
    return Technology(**row) if row else None


def _technology_values(values: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    out = {**current}
    for name in TECHNOLOGY_TEXT_FIELDS:
        if name in values or name not in out:
            out[name] = checks.text(name, values.get(name))
    if "sector" in values or "sector" not in out:
        out["sector"] = checks.text("sector", values.get("sector"), required=True)
    return out


def add_technology(
    con: Connection,
    values: Mapping[str, Any],
    *,
    editor: str,
    reason: str,
    technology_id: str | None = None,
) -> Technology:
    """Add a technology to the catalogue.

    Parameters
    ----------
    values
        ``sector`` and the texts (:data:`TECHNOLOGY_TEXT_FIELDS`); ``name_da``
        and ``summary_da`` are required, the rest may be left out.
    technology_id
        Its id; made from ``name_da`` (:func:`radar.formats.slugify`) when not given.

    Raises
    ------
    EditError
        Invalid input, or the id is taken (``field`` ``id``).
    """
    editor, reason = checks.who(editor, reason)
    checks.known_fields(values, TECHNOLOGY_FIELDS)
    record = _technology_values(values, {})
    if technology_id:
        tech_id = technology_id.strip()
        if slugify(tech_id) != tech_id:
            raise EditError("id", "not_slug", suggestion=slugify(tech_id))
    else:
        tech_id = slugify(record["name_da"])
        if not tech_id:
            raise EditError("name_da", "no_id")
    record = {"id": tech_id, **record, "retired": False}

    def body(cur: Connection) -> Technology:
        if stored.has_technology(cur, tech_id):
            raise EditError("id", "exists", value=tech_id)
        if not stored.has_sector(cur, record["sector"]):
            raise EditError("sector", "unknown", value=record["sector"])
        stored.insert_technology(cur, record)
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="add",
                    entity="technology",
                    record_key=tech_id,
                    technology=tech_id,
                    new_value=record,
                    reason=reason,
                )
            ],
        )
        return Technology(**record)

    return write(
        con,
        body,
        lambda r: EditConflict("technology", tech_id, technology_row(r, tech_id), record),
        adding=True,
    )


def edit_technology(
    con: Connection,
    technology_id: str,
    changes: Mapping[str, Any],
    *,
    expected: Technology | Mapping[str, Any],
    editor: str,
    reason: str,
) -> Technology:
    """Change a technology's texts or category (:data:`TECHNOLOGY_FIELDS`).

    Parameters
    ----------
    changes
        The fields to change and their new values.
    expected
        The technology as the editor loaded it.

    Returns
    -------
    The technology as saved.

    Raises
    ------
    EditConflict
        It changed since ``expected`` was loaded; nothing was written.
    EditError
        Invalid input, or nothing to change.
    """
    editor, reason = checks.who(editor, reason)
    checks.known_fields(changes, TECHNOLOGY_FIELDS)
    base = as_record(expected) or {}
    yours = _technology_values(changes, base)

    def body(cur: Connection) -> Technology:
        current = technology_row(cur, technology_id)
        check_expected("technology", technology_id, current, base, yours)
        assert current is not None  # check_expected refuses a missing row
        new = _technology_values(changes, current)
        if new["sector"] != current["sector"] and not stored.has_sector(cur, new["sector"]):
            raise EditError("sector", "unknown", value=new["sector"])
        diffs = audit.field_changes(
            current,
            {name: new[name] for name in TECHNOLOGY_FIELDS},
            editor=editor,
            entity="technology",
            record_key=technology_id,
            technology=technology_id,
            reason=reason,
        )
        if not diffs:
            raise EditError("changes", "no_changes")
        stored.update_technology(
            cur, technology_id, {c.field: new[c.field] for c in diffs if c.field}
        )
        audit.record(cur, diffs)
        return Technology(**new)

    return write(
        con,
        body,
        lambda r: EditConflict(
            "technology", technology_id, technology_row(r, technology_id), yours
        ),
    )


def _set_retired(
    con: Connection,
    technology_id: str,
    retired: bool,
    *,
    expected: Technology | Mapping[str, Any],
    editor: str,
    reason: str,
) -> Technology:
    editor, reason = checks.who(editor, reason)
    base = as_record(expected) or {}
    yours = {**base, "retired": retired}

    def body(cur: Connection) -> Technology:
        current = technology_row(cur, technology_id)
        check_expected("technology", technology_id, current, base, yours)
        assert current is not None
        if current["retired"] == retired:
            raise EditError("retired", "already_retired" if retired else "not_retired")
        changes: list[Change] = []
        if retired:
            # A draft is not yet history: a retired technology leaves it.
            drafts = [as_record(r) or {} for r in stored.draft_assessment_rows(cur, technology_id)]
            stored.delete_draft_assessments(cur, technology_id)
            changes += [
                Change(
                    editor=editor,
                    action="remove",
                    entity="assessment",
                    record_key=assessment_key(r["edition"], r["area"], r["technology"]),
                    technology=technology_id,
                    edition=r["edition"],
                    old_value=r,
                    reason=reason,
                )
                for r in drafts
            ]
        stored.update_technology(cur, technology_id, {"retired": retired})
        changes.append(
            Change(
                editor=editor,
                action="retire" if retired else "change",
                entity="technology",
                record_key=technology_id,
                technology=technology_id,
                field="retired",
                old_value=current["retired"],
                new_value=retired,
                reason=reason,
            )
        )
        audit.record(cur, changes)
        return Technology(**{**current, "retired": retired})

    return write(
        con,
        body,
        lambda r: EditConflict(
            "technology", technology_id, technology_row(r, technology_id), yours
        ),
    )


def retire_technology(
    con: Connection,
    technology_id: str,
    *,
    expected: Technology | Mapping[str, Any],
    editor: str,
    reason: str,
) -> Technology:
    """Retire a technology: it keeps its published history but leaves the drafts.

    Its assessments in draft editions are removed (each logged), and
    :func:`~radar.editing.editions.start_draft` no longer carries it into new editions.

    Raises
    ------
    EditConflict
        It changed since ``expected`` was loaded.
    EditError
        It is retired already, or the editor or reason is missing.
    """
    return _set_retired(con, technology_id, True, expected=expected, editor=editor, reason=reason)


def unretire_technology(
    con: Connection,
    technology_id: str,
    *,
    expected: Technology | Mapping[str, Any],
    editor: str,
    reason: str,
) -> Technology:
    """Bring a retired technology back; it can then be assessed in drafts again."""
    return _set_retired(con, technology_id, False, expected=expected, editor=editor, reason=reason)
