"""The audit log: who changed what, when, from which value to which, and why.

Every write to the radar's content (an editor's save, an import, publishing an
edition) records its changes here inside the same transaction, so a change and
its log entry exist together or not at all.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from radar.model import PUBLISHED
from radar.store.transactions import Connection

ACTIONS = ("add", "change", "retire", "remove", "publish")
ENTITIES = ("technology", "assessment", "case", "edition")
#: Rows written by one INSERT statement.
_ROWS_PER_INSERT = 500
#: The log's columns in display order.
LOG_COLUMNS = (
    "changed_at",
    "editor",
    "action",
    "entity",
    "record_key",
    "technology",
    "edition",
    "field",
    "old_value",
    "new_value",
    "reason",
)


@dataclass(frozen=True)
class Change:
    """One logged change. ``field`` is ``None`` when a whole record was added or removed."""

    editor: str
    action: str
    entity: str
    record_key: str
    reason: str
    technology: str | None = None
    edition: int | None = None
    field: str | None = None
    old_value: Any = None
    new_value: Any = None


def as_text(value: Any) -> str | None:
    """How a value is stored in the log: records as JSON, everything else as text."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        return json.dumps(dict(value), ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def record(cursor: Connection, changes: list[Change]) -> None:
    """Write ``changes`` on ``cursor``, which must be inside the caller's transaction."""
    if not changes:
        return
    now = datetime.now(UTC)
    rows = [
        [
            secrets.token_hex(16),
            now,
            c.editor,
            c.action,
            c.entity,
            c.record_key,
            c.technology,
            c.edition,
            c.field,
            as_text(c.old_value),
            as_text(c.new_value),
            c.reason,
        ]
        for c in changes
    ]
    columns = ["id", *LOG_COLUMNS]
    row_marks = "(" + ", ".join("?" * len(columns)) + ")"
    # Many rows per statement: DuckDB runs executemany as one statement per
    # row, which made the audit log most of a large import's time.
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = rows[start : start + _ROWS_PER_INSERT]
        cursor.execute(
            f"INSERT INTO audit_log ({', '.join(columns)}) VALUES "
            + ", ".join([row_marks] * len(chunk)),
            [value for row in chunk for value in row],
        )


def content_version(con: Connection) -> tuple[int, str]:
    """A value that changes whenever the radar's content changes, whoever changed it.

    Every content write logs here in its own transaction, so the log's length
    and newest time change with it: a dashboard compares this with what it
    read last to see another process's save or import (a restored backup
    brings its own log, and so another value). Two cheap aggregates, no scan
    of the content.
    """
    cursor = con.cursor()
    try:
        row = cursor.execute("SELECT count(*), max(changed_at) FROM audit_log").fetchone()
    finally:
        cursor.close()
    count, newest = row if row is not None else (0, None)
    return int(count), "" if newest is None else str(newest)


def field_changes(old: Mapping[str, Any], new: Mapping[str, Any], **common: Any) -> list[Change]:
    """One :class:`Change` per field whose value differs between ``old`` and ``new``.

    ``common`` holds the other :class:`Change` fields (editor, entity, ...).
    """
    return [
        Change(action="change", field=name, old_value=old.get(name), new_value=value, **common)
        for name, value in new.items()
        if as_text(old.get(name)) != as_text(value)
    ]


def load_log(
    con: Connection,
    *,
    technology: str | None = None,
    include_drafts: bool = False,
    limit: int = 500,
) -> pd.DataFrame:
    """The newest changes first, optionally only those of one technology.

    Changes to draft editions are left out unless ``include_drafts``: a draft
    is for the editors' eyes only, and so is its history.
    """
    where = ["true"]
    params: list[Any] = []
    if technology is not None:
        where.append("technology = ?")
        params.append(technology)
    if not include_drafts:
        published = f"SELECT year FROM editions WHERE status = '{PUBLISHED}'"
        where.append(f"(edition IS NULL OR edition IN ({published}))")
        # A draft that was discarded, and its year drafted and published again
        # later: the discarded draft's changes stay with the editors.
        where.append(
            "NOT EXISTS (SELECT 1 FROM audit_log AS discard WHERE discard.entity = 'edition' "
            "AND discard.action = 'remove' AND discard.edition = audit_log.edition "
            "AND discard.changed_at >= audit_log.changed_at)"
        )
    cursor = con.cursor()
    try:
        return cursor.execute(
            f"SELECT {', '.join(LOG_COLUMNS)} FROM audit_log WHERE {' AND '.join(where)} "
            "ORDER BY changed_at DESC, id LIMIT ?",
            [*params, limit],
        ).df()
    finally:
        cursor.close()
