"""Zalando tech radar ``config.json`` files.

``entries`` of ``label, quadrant (0-3), ring (0-3), moved, active``, an
optional ``quadrants`` list of ``{"name": ...}`` (default
:data:`radar.formats.ZALANDO_QUADRANTS`) and a ``date`` such as ``"2026.05"``,
the default publication date of a new edition. Ring number r is the ring at
position r + 1; ``moved`` and ``active`` are checked loosely and not stored.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from radar import formats
from radar.importing.entries import (
    MAX_NAME_CHARS,
    Context,
    Entry,
    check_name,
    described,
    loose_values,
    stated_entry,
    whole_number,
)
from radar.importing.ids import distinct_ids
from radar.importing.read import json_rows

__all__ = ["zalando_entries"]

_ZALANDO_MOVED = (-1, 0, 1, 2)


def _zalando_date(value: Any, ctx: Context) -> date | None:
    if value is None or value == "":
        return None
    match = re.fullmatch(r"(\d{4})[.-](\d{1,2})(?:[.-](\d{1,2}))?", str(value).strip())
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3] or 1))
    except ValueError:
        pass
    ctx.problem(None, "date", ctx.text("importmsg.zalando_date", value=value))
    return None


def _unnamed_quadrants(ctx: Context) -> list[str]:
    """The quadrants' names of a file without a ``quadrants`` list (Zalando's forks keep
    them in their HTML): from ``--categories "0=…"``, else Zalando's own, with a note."""
    names = []
    assumed = []
    for number, default in enumerate(formats.ZALANDO_QUADRANTS):
        given = ctx.mapping().category_for(str(number))
        if given is not None:
            ctx.mapped_names.add(str(number))
        elif ctx.mapping().category_for(default) is None:
            # Named by the default name ("Languages=Sprog") is named all the same.
            assumed.append(f"{number} = {default}")
        names.append(given or default)
    if assumed:
        message = ctx.text("importmsg.zalando_assumed_quadrants", names=", ".join(assumed))
        ctx.note(None, "quadrants", message)
    return names


def zalando_entries(document: Any, ctx: Context) -> tuple[list[Entry], date | None]:
    """Entries from a Zalando tech radar ``config.json``, and the file's date.

    A bare list of entries (forks that keep one radar per date write them so)
    is read as a config of those entries only.
    """
    if isinstance(document, list):
        document = {"entries": document}
    if not isinstance(document, dict) or "entries" not in document:
        ctx.problem(None, None, ctx.text("importmsg.zalando_config"))
        return [], None
    published = _zalando_date(document.get("date"), ctx)
    if "quadrants" not in document:
        quadrants = _unnamed_quadrants(ctx)
    else:
        given = document["quadrants"]
        names = (
            [q.get("name") for q in given if isinstance(q, dict)] if isinstance(given, list) else []
        )
        if (
            not names
            or len(names) != len(given)
            or not all(isinstance(n, str) and 0 < len(n.strip()) <= MAX_NAME_CHARS for n in names)
        ):
            message = ctx.text("importmsg.zalando_quadrants", limit=MAX_NAME_CHARS)
            ctx.problem(None, "quadrants", message)
            return [], published
        quadrants = [n.strip() for n in names if isinstance(n, str)]
    # Registered in Zalando's order, so new categories are created in it.
    for name in quadrants:
        ctx.foreign_sector(name, count=False)
    rows, problems = json_rows(
        document["entries"],
        ctx.file_name,
        ctx.lang,
        "importmsg.entries_not_a_list",
        ("label", "quadrant", "ring", "moved", "active"),
    )
    ctx.problems.extend(problems)
    if rows is None:
        return [], published
    area = ctx.default_area()
    if area is None:
        ctx.missing_area()
        return [], published
    ctx.notes.extend(rows.notes)
    entries = []
    odd_moved: list[tuple[int, str]] = []
    odd_active: list[tuple[int, str]] = []
    rings = len(ctx.ring_names.rings)
    for row, cells in rows.rows:
        label = check_name(ctx, row, "label", cells.get("label", ""))
        quadrant = whole_number(cells.get("quadrant", "x"))
        if quadrant is None or not 0 <= quadrant < len(quadrants):
            message = ctx.text(
                "importmsg.zalando_quadrant",
                value=cells.get("quadrant", ""),
                last=len(quadrants) - 1,
                names=", ".join(quadrants),
            )
            ctx.problem(row, "quadrant", message)
            quadrant = None
        ring_number = whole_number(cells.get("ring", "x"))
        ring = ctx.ring_names.at_position(ring_number + 1) if ring_number is not None else None
        if ring is None:
            message = ctx.text(
                "importmsg.zalando_ring", value=cells.get("ring", ""), last=rings - 1
            )
            ctx.problem(row, "ring", message)
        moved = cells.get("moved", "0")
        if whole_number(moved) not in _ZALANDO_MOVED:
            odd_moved.append((row, moved))
        active = cells.get("active", "true")
        if active not in ("true", "false"):
            odd_active.append((row, active))
        if label is None or quadrant is None or ring is None:
            continue
        entries.append(
            stated_entry(
                row=row,
                id_column="label",
                area=area,
                sector=ctx.foreign_sector(quadrants[quadrant]),
                ring=ring,
                texts=described(label, "", ""),
            )
        )
    distinct_ids(entries, ctx)
    loose_values(ctx, "moved", odd_moved, "importmsg.expected.moved")
    loose_values(ctx, "active", odd_active, "importmsg.expected.active")
    return entries, published
