"""Editors' writes of assessments: a technology on an area's radar in an edition.

The values are checked by :func:`~radar.editing.checks.normalise_assessment`
against the rings in the same transaction as the write.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from radar.editing import checks
from radar.editing.conflicts import check_expected, write
from radar.editing.errors import EditConflict, EditError
from radar.editing.values import Assessment, as_record, assessment_key
from radar.pipeline.scoring import ASSESSMENT_FIELDS
from radar.store import audit
from radar.store import editing as stored
from radar.store.audit import Change
from radar.store.transactions import Connection, read

_KEY_FIELDS = ("edition", "area", "technology")


def assessment_row(cur: Connection, edition: int, area: str, technology: str) -> dict | None:
    """One assessment's row with clean values, read on ``cur``."""
    return as_record(stored.assessment_row(cur, edition, area, technology))


def load_assessment(con: Connection, edition: int, area: str, technology: str) -> Assessment | None:
    """One assessment as stored now, drafts included."""
    row = read(con, lambda cursor: assessment_row(cursor, edition, area, technology))
    return Assessment(**row) if row else None


def technology_assessments(con: Connection, technology: str) -> dict[tuple[int, str], Assessment]:
    """Every assessment of one technology, drafts included, by ``(edition, area)``."""
    found = read(con, lambda cursor: stored.technology_assessment_rows(cursor, technology))
    rows = [as_record(r) or {} for r in found]
    return {(r["edition"], r["area"]): Assessment(**r) for r in rows}


def _assessment_changes(
    old: Assessment | None, new: Assessment | None, editor: str, reason: str
) -> list[Change]:
    some = new or old
    assert some is not None
    common: dict[str, Any] = dict(
        editor=editor,
        entity="assessment",
        record_key=some.key,
        technology=some.technology,
        edition=some.edition,
        reason=reason,
    )
    if old is None:
        return [Change(action="add", new_value=asdict(new), **common)]  # type: ignore[arg-type]
    if new is None:
        return [Change(action="remove", old_value=asdict(old), **common)]
    fields = {name: getattr(new, name) for name in ASSESSMENT_FIELDS}
    return audit.field_changes(asdict(old), fields, **common)


def _check_references(cur: Connection, assessment: Assessment) -> None:
    if not stored.has_edition(cur, assessment.edition):
        raise EditError("edition", "unknown", value=assessment.edition)
    if not stored.has_area(cur, assessment.area):
        raise EditError("area", "unknown", value=assessment.area)
    if not stored.has_technology(cur, assessment.technology):
        raise EditError("technology", "unknown", value=assessment.technology)


def _assessment_conflict(
    reader: Connection, key_values: Mapping[str, Any], yours: Mapping[str, Any] | None
) -> EditConflict:
    edition, area, technology = (key_values.get(k) for k in _KEY_FIELDS)
    return EditConflict(
        "assessment",
        assessment_key(edition, area, technology),  # type: ignore[arg-type]
        assessment_row(reader, edition, area, technology),  # type: ignore[arg-type]
        yours,
    )


def add_assessment(
    con: Connection,
    values: Assessment | Mapping[str, Any],
    *,
    editor: str,
    reason: str,
) -> Assessment:
    """Put a technology on an area's radar in an edition.

    Raises
    ------
    EditConflict
        Someone else assessed it there meanwhile (``theirs`` is their assessment).
    EditError
        Invalid input (see :func:`~radar.editing.checks.normalise_assessment`), or the
        technology is retired.
    """
    editor, reason = checks.who(editor, reason)
    raw = as_record(values) or {}

    def body(cur: Connection) -> Assessment:
        new = checks.normalise_assessment(raw, stored.rings(cur))
        _check_references(cur, new)
        if stored.technology_row(cur, new.technology)["retired"]:  # type: ignore[index]
            raise EditError("technology", "retired")
        current = assessment_row(cur, new.edition, new.area, new.technology)
        check_expected("assessment", new.key, current, None, asdict(new))
        stored.insert_assessment(cur, asdict(new))
        audit.record(cur, _assessment_changes(None, new, editor, reason))
        return new

    return write(con, body, lambda r: _assessment_conflict(r, raw, raw), adding=True)


def edit_assessment(
    con: Connection,
    values: Assessment | Mapping[str, Any],
    *,
    expected: Assessment | Mapping[str, Any],
    editor: str,
    reason: str,
) -> Assessment:
    """Change an assessment's scores or ring.

    Parameters
    ----------
    values
        ``edition``, ``area`` and ``technology`` name the assessment; any of
        :data:`ASSESSMENT_FIELDS` given replace the stored values. To switch to
        a stated ring without scores, give the five scores as ``None``.
    expected
        The assessment as the editor loaded it.

    Raises
    ------
    EditConflict
        It changed or was removed since ``expected`` was loaded.
    EditError
        Invalid input, or nothing to change.
    """
    editor, reason = checks.who(editor, reason)
    raw = as_record(values) or {}
    checks.known_fields({k: v for k, v in raw.items() if k not in _KEY_FIELDS}, ASSESSMENT_FIELDS)
    base = as_record(expected) or {}
    yours = {**base, **raw}

    def body(cur: Connection) -> Assessment:
        edition = checks.integer("edition", raw.get("edition"))
        area, technology = str(raw.get("area")), str(raw.get("technology"))
        current = assessment_row(cur, edition, area, technology)
        check_expected(
            "assessment", assessment_key(edition, area, technology), current, base, yours
        )
        assert current is not None
        new = checks.normalise_assessment({**current, **raw}, stored.rings(cur))
        diffs = _assessment_changes(Assessment(**current), new, editor, reason)
        if not diffs:
            raise EditError("changes", "no_changes")
        stored.update_assessment(
            cur,
            new.edition,
            new.area,
            new.technology,
            {name: getattr(new, name) for name in ASSESSMENT_FIELDS},
        )
        audit.record(cur, diffs)
        return new

    return write(con, body, lambda r: _assessment_conflict(r, raw, yours))


def remove_assessment(
    con: Connection,
    edition: int,
    area: str,
    technology: str,
    *,
    expected: Assessment | Mapping[str, Any],
    editor: str,
    reason: str,
) -> None:
    """Take a technology off an area's radar in an edition.

    Raises
    ------
    EditConflict
        It changed or was removed since ``expected`` was loaded.
    """
    editor, reason = checks.who(editor, reason)
    base = as_record(expected) or {}
    key: dict[str, Any] = {"edition": edition, "area": area, "technology": technology}

    def body(cur: Connection) -> None:
        current = assessment_row(cur, edition, area, technology)
        check_expected("assessment", assessment_key(edition, area, technology), current, base, None)
        assert current is not None
        stored.delete_assessment(cur, edition, area, technology)
        audit.record(cur, _assessment_changes(Assessment(**current), None, editor, reason))

    write(con, body, lambda r: _assessment_conflict(r, key, None))
