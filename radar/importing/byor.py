"""Thoughtworks "Build Your Own Radar" files, as CSV or JSON.

Columns ``name, ring, quadrant, isNew, status, description``; others (such
as ``relatedBlips``) are not imported, and one note lists them. A CSV row
whose name holds unquoted commas (``Scala, the good parts``, as in early
Thoughtworks volumes) is read with the extra fields joined back into the name
when the ring then is a ring.
``isNew`` and ``status`` are checked loosely (odd values become notes) and
not stored: the radar derives movement from its editions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from radar import formats
from radar.importing.entries import (
    MAX_NAME_CHARS,
    Context,
    Entry,
    RingNames,
    check_name,
    described,
    loose_values,
    stated_entry,
)
from radar.importing.html import first_sentence, html_to_text
from radar.importing.ids import distinct_ids
from radar.importing.read import Rows

__all__ = ["BYOR_REQUIRED", "byor_entries", "byor_repair"]

#: The columns every BYOR file has.
BYOR_REQUIRED = ("name", "ring", "quadrant")
_TRUE_FALSE = {"true", "false", "yes", "no", "1", "0", "ja", "nej", ""}
_BYOR_STATUSES = {"new", "movedin", "movedout", "nochange", "unchanged", "moved", ""}


def byor_repair(ring_names: RingNames) -> Callable[[list[str], list[str]], list[str] | None]:
    """Rejoin a name that held unquoted commas, when the ring then is a ring."""

    def repair(header: list[str], fields: list[str]) -> list[str] | None:
        lower = [h.lower() for h in header]
        if "name" not in lower or "ring" not in lower:
            return None
        name_at, ring_at = lower.index("name"), lower.index("ring")
        extra = len(fields) - len(header)
        if name_at != 0 or ring_at <= name_at:
            return None
        joined = [",".join(fields[: extra + 1]), *fields[extra + 1 :]]
        ring_ok = ring_names.resolve(joined[ring_at])[0] is not None
        name_ring_ok = ring_names.resolve(fields[ring_at])[0] is not None
        return joined if ring_ok and not name_ring_ok else None

    return repair


def byor_entries(rows: Rows, ctx: Context) -> list[Entry]:
    """Entries from a Thoughtworks "Build Your Own Radar" file (CSV or JSON)."""
    present = {h.lower() for h in rows.header}
    missing = [c for c in BYOR_REQUIRED if c not in present]
    if missing:
        message = ctx.text(
            "importmsg.byor_columns",
            missing=", ".join(missing),
            columns=", ".join(formats.BYOR_COLUMNS),
        )
        ctx.problem(rows.header_row, None, message)
        return []
    area = ctx.default_area()
    if area is None:
        ctx.missing_area()
        return []
    ctx.notes.extend(rows.notes)
    entries = []
    odd_new: list[tuple[int, str]] = []
    odd_status: list[tuple[int, str]] = []
    for row, cells in rows.rows:
        name = check_name(ctx, row, "name", cells.get("name", ""))
        ring_cell = cells.get("ring", "")
        ring = ctx.ring(ring_cell, row, "ring") if ring_cell else None
        if not ring_cell:
            message = ctx.text("importmsg.ring_empty", expected=ctx.ring_names.expected())
            ctx.problem(row, "ring", message)
        quadrant = cells.get("quadrant", "")
        if not quadrant:
            ctx.problem(row, "quadrant", ctx.text("importmsg.quadrant_empty"))
        elif len(quadrant) > MAX_NAME_CHARS:
            message = ctx.text("importmsg.quadrant_too_long", limit=MAX_NAME_CHARS)
            ctx.problem(row, "quadrant", message)
            quadrant = ""
        is_new = cells.get("isnew", "")
        if is_new.lower() not in _TRUE_FALSE:
            odd_new.append((row, is_new))
        status = cells.get("status", "")
        if re.sub(r"[^a-z]", "", status.lower()) not in _BYOR_STATUSES:
            odd_status.append((row, status))
        # Before skipping a row with problems: the mapping step lists its category too.
        sector = ctx.foreign_sector(quadrant) if quadrant else None
        if name is None or ring is None or sector is None:
            continue
        description = html_to_text(cells.get("description", ""))
        summary = ""
        if description:
            summary = first_sentence(html_to_text(cells.get("description", ""), links=False))
        entries.append(
            stated_entry(
                row=row,
                id_column="name",
                area=area,
                sector=sector,
                ring=ring,
                texts=described(name, description, summary),
            )
        )
    distinct_ids(entries, ctx)
    loose_values(ctx, "isNew", odd_new, "importmsg.expected.is_new")
    loose_values(ctx, "status", odd_status, "importmsg.expected.status")
    return entries
