"""Applying an import: write a plan in one transaction, with its audit-log rows.

All of it or, on any error, nothing; a plan made before the database changed
is refused (:class:`~radar.importing.problems.StalePlanError`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from radar import store
from radar.i18n import t
from radar.importing.entries import AssessmentKey
from radar.importing.plan import ImportPlan, plan_import
from radar.importing.problems import Problem, StalePlanError
from radar.store import audit
from radar.store import importing as stored
from radar.store.transactions import Connection, WriteConflict, transaction

__all__ = ["ImportResult", "apply_import", "create_empty_database", "import_file"]


@dataclass(frozen=True)
class ImportResult:
    """What :func:`apply_import` wrote."""

    plan: ImportPlan
    editor: str
    reason: str
    audit_rows: int


def _audit_changes(plan: ImportPlan, editor: str, reason: str) -> list[audit.Change]:
    writes = plan.writes
    assert writes is not None
    common: dict[str, Any] = {"editor": editor, "reason": reason, "edition": plan.edition}
    changes = []
    if writes.edition is not None:
        changes.append(
            audit.Change(
                action="add",
                entity="edition",
                record_key=str(plan.edition),
                new_value=writes.edition,
                **common,
            )
        )
    # The log has no entity for categories: a new one is told with the first
    # technology added to it.
    new_sectors = {s["id"]: s for s in writes.sectors}
    for row in writes.technology_inserts:
        record = dict(row)
        sector = new_sectors.pop(row["sector"], None)
        if sector is not None:
            record["new_sector"] = dict(sector)
        changes.append(
            audit.Change(
                action="add",
                entity="technology",
                record_key=row["id"],
                technology=row["id"],
                new_value=record,
                **common,
            )
        )
    for old, new in writes.technology_updates:
        changes += audit.field_changes(
            old,
            new,
            entity="technology",
            record_key=old["id"],
            technology=old["id"],
            **common,
        )
    for row in writes.assessment_deletes:
        key = str(AssessmentKey(row["edition"], row["area"], row["technology"]))
        changes.append(
            audit.Change(
                action="remove",
                entity="assessment",
                record_key=key,
                technology=row["technology"],
                old_value=row,
                **common,
            )
        )
    for old, new in writes.assessment_updates:
        key = str(AssessmentKey(old["edition"], old["area"], old["technology"]))
        changes += audit.field_changes(
            old, new, entity="assessment", record_key=key, technology=old["technology"], **common
        )
    for row in writes.assessment_inserts:
        key = str(AssessmentKey(row["edition"], row["area"], row["technology"]))
        changes.append(
            audit.Change(
                action="add",
                entity="assessment",
                record_key=key,
                technology=row["technology"],
                new_value=row,
                **common,
            )
        )
    return changes


def apply_import(
    con: Connection,
    plan: ImportPlan,
    *,
    editor: str,
    reason: str | None = None,
) -> ImportResult:
    """Write a plan in one transaction, with its audit-log rows.

    Parameters
    ----------
    con
        The radar database, opened for writing.
    plan
        From :func:`plan_import` on the same database.
    editor
        Who imports, for the audit log.
    reason
        Why, added to the log's reason "Import af FILE".

    Returns
    -------
    What was written. A plan without changes writes nothing at all.

    Raises
    ------
    StalePlanError
        The database changed since the plan was made; nothing was written. Its
        problem is in the plan's language.
    ValueError
        No editor, or a plan without its writes.
    radar.store.transactions.StoreError
        The write failed; the transaction was rolled back, so nothing was written.
    """
    if not editor or not editor.strip():
        raise ValueError("an import needs an editor for the audit log")
    if plan.writes is None:
        raise ValueError("the plan has nothing to write; make it with plan_import")
    full_reason = f"Import af {plan.file_name}"
    if reason and reason.strip():
        full_reason += f": {reason.strip()}"
    changes = _audit_changes(plan, editor.strip(), full_reason)
    writes = plan.writes
    stale = StalePlanError([Problem(plan.file_name, None, None, t("importmsg.stale", plan.lang))])
    try:
        # The write lock is held from the check to the commit: no other write
        # of this process comes between them.
        with transaction(con) as cur:
            if stored.fingerprint(cur) != plan.fingerprint:
                raise stale
            if plan.has_changes:
                stored.write(cur, writes)
                audit.record(cur, changes)
    except WriteConflict as exc:
        # Another write touched the same rows meanwhile: check again.
        raise stale from exc
    return ImportResult(
        plan=plan, editor=editor.strip(), reason=full_reason, audit_rows=len(changes)
    )


def import_file(
    con: Connection,
    data: bytes,
    *,
    file_name: str,
    edition: int,
    editor: str,
    reason: str | None = None,
    **options: Any,
) -> ImportResult:
    """:func:`plan_import` and :func:`apply_import` in one go; ``options`` go to the plan.

    ``lang`` (an option, default Danish) is the language of the problems and notes.
    """
    plan = plan_import(con, data, file_name=file_name, edition=edition, **options)
    return apply_import(con, plan, editor=editor, reason=reason)


def create_empty_database(path: str | os.PathLike[str]) -> Path:
    """Create a radar database with no content: the schema, the seed's rings and areas.

    For importing a radar of its own (a Thoughtworks or Zalando radar, say).
    The file is written beside ``path`` and renamed into place when complete.

    Parameters
    ----------
    path
        The new database file.

    Returns
    -------
    The path.

    Raises
    ------
    radar.store.DatabaseExistsError
        The file exists already.
    radar.store.seed.SeedError
        The seed's rings or areas are invalid.
    """
    target = Path(path)
    if target.exists():
        raise store.DatabaseExistsError(f"{target} exists already")
    with store.new_database_file(target, "creating") as con:
        stored.initialise_empty(con)
    return target
