"""The JSON of Backstage's tech-radar plugin.

An object with ``quadrants`` (``[{"id", "name"}]``), ``rings`` (``[{"id",
"name", "color"}]``) and ``entries``: ``[{"id", "title", "quadrant" (a
quadrant's id), "description", "timeline": [{"ringId", "date", "moved",
"description"}]}]``. Each entry is one technology, named by its ``title``; its
ring is the one of the newest timeline item (by ``date``; of items of the same
date, the last), whose ``ringId`` names a ring of ``rings`` whose ``name`` is
read as any ring name is (adopt, trial, assess, hold, ...). Its category is its
quadrant's ``name``; its description is its ``description``, else the newest
timeline item's, as plain text from the Markdown Backstage shows. ``moved``,
``key``, ``url`` and ``links`` are not read: the radar derives movement from
its editions and has no place for links.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from radar.importing import read
from radar.importing.entries import (
    MAX_NAME_CHARS,
    Context,
    Entry,
    check_name,
    described,
    stated_entry,
)
from radar.importing.html import first_sentence
from radar.importing.ids import distinct_ids
from radar.importing.markdown import markdown_to_text
from radar.importing.problems import BAD_CHARS, bad_char_problem
from radar.importing.read import json_rows

__all__ = ["backstage_entries", "looks_like_backstage"]

#: The keys of an entry read as text (``json_rows``); the timeline is read apart.
_TEXT_KEYS = ("title", "quadrant", "description")


def looks_like_backstage(document: Any) -> bool:
    """Whether a JSON document is a Backstage tech-radar file rather than a Zalando config.

    Backstage's entries have a ``timeline`` list, and its rings and quadrants an
    ``id``; Zalando's entries have a ``label`` and its rings and quadrants no ``id``.
    """
    if not isinstance(document, dict):
        return False
    entries = document.get("entries")
    items = [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
    if any(isinstance(e.get("timeline"), list) for e in items):
        return True
    if any("label" in e for e in items):
        return False
    return any(
        isinstance(listed, list) and any(isinstance(i, dict) and "id" in i for i in listed)
        for listed in (document.get("rings"), document.get("quadrants"))
    )


def _scalar(value: Any) -> str | None:
    """An id or a date as text: a text or a whole number; None for anything else."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _shown(value: Any) -> str:
    """A value as messages quote it: short, and as the file writes it."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = BAD_CHARS.sub("", str(text))
    return text if len(text) <= 60 else text[:57] + "..."


def _named(document: dict[str, Any], key: str, ctx: Context) -> dict[str, str] | None:
    """The file's quadrants or rings as id -> name, or None and the problems."""
    given = document.get(key)
    if not isinstance(given, list) or not given:
        ctx.problem(None, key, ctx.text("importmsg.backstage_list"))
        return None
    if len(given) > read.MAX_ROWS:
        ctx.problem(None, key, ctx.text("importmsg.too_many_entries", limit=read.MAX_ROWS))
        return None
    found: dict[str, str] = {}
    numbers: dict[str, int] = {}
    ok = True
    for number, item in enumerate(given, start=1):
        ident = _scalar(item.get("id")) if isinstance(item, dict) else None
        name = item.get("name") if isinstance(item, dict) else None
        if not ident or not isinstance(name, str) or not 0 < len(name.strip()) <= MAX_NAME_CHARS:
            message = ctx.text("importmsg.backstage_item", number=number, limit=MAX_NAME_CHARS)
            ctx.problem(None, key, message)
            ok = False
        elif BAD_CHARS.search(name):
            ctx.problems.append(bad_char_problem(ctx.file_name, None, key, name, ctx.lang))
            ok = False
        elif ident in numbers:
            message = ctx.text(
                "importmsg.backstage_id_twice", value=ident, first=numbers[ident], second=number
            )
            ctx.problem(None, key, message)
            ok = False
        else:
            numbers[ident] = number
            found[ident] = name.strip()
    return found if ok else None


def _moment(value: Any) -> datetime | None:
    """A timeline item's date (``2024-03-01``, or a time such as ``2024-03-01T12:00:00Z``)."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    # Times with and without a zone compare: a zone's is taken as UTC.
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


class _Entry:
    """Problems about one entry: each names the entry's number (the row) and its title."""

    def __init__(self, ctx: Context, number: int, title: str) -> None:
        self.ctx = ctx
        self.number = number
        self.title = title if len(title) <= 60 else title[:57] + "..."

    def named(self, message: str) -> str:
        if not self.title:
            return message
        return self.ctx.text("importmsg.backstage_entry", title=self.title, message=message)

    def problem(self, column: str, message: str) -> None:
        self.ctx.problem(self.number, column, self.named(message))

    def ring(self, name: str) -> str | None:
        """The ring a ring's name is, through the import's usual ring names."""
        start = len(self.ctx.problems)
        ring = self.ctx.ring(name, self.number, "ringId")
        for index in range(start, len(self.ctx.problems)):
            old = self.ctx.problems[index]
            self.ctx.problems[index] = replace(old, message=self.named(old.message))
        return ring


def _newest(timeline: Any, rings: dict[str, str] | None, entry: _Entry) -> tuple[str, str] | None:
    """The newest timeline item's ring id and description, or None and the problems."""
    ctx = entry.ctx
    if not isinstance(timeline, list) or not timeline:
        entry.problem("timeline", ctx.text("importmsg.backstage_timeline"))
        return None
    newest: tuple[datetime, int, str, str] | None = None
    ok = True
    for number, item in enumerate(timeline, start=1):
        if not isinstance(item, dict):
            entry.problem("timeline", ctx.text("importmsg.backstage_timeline_item", item=number))
            ok = False
            continue
        moment = _moment(item.get("date"))
        if moment is None:
            shown = _shown(item.get("date", ""))
            message = ctx.text("importmsg.backstage_date", item=number, value=shown)
            entry.problem("date", message)
            ok = False
        ring_id = _scalar(item.get("ringId"))
        if rings is not None and ring_id not in rings:
            message = ctx.text(
                "importmsg.backstage_ring_id",
                item=number,
                value=_shown(item.get("ringId", "")),
                ids=", ".join(rings),
            )
            entry.problem("ringId", message)
            ok = False
        description = item.get("description", "")
        if description is None:
            description = ""
        if not isinstance(description, str):
            message = ctx.text("importmsg.backstage_text", item=number, field="description")
            entry.problem("timeline", message)
            ok = False
        elif BAD_CHARS.search(description):
            problem = bad_char_problem(ctx.file_name, None, None, description, ctx.lang)
            entry.problem("timeline", problem.message)
            ok = False
        if ok and moment is not None and ring_id is not None and isinstance(description, str):
            # Of items of the same date the last wins: the later position compares greater.
            candidate = (moment, number, ring_id, description)
            newest = candidate if newest is None or candidate > newest else newest
    if not ok or newest is None:
        return None
    return newest[2], newest[3]


def backstage_entries(document: Any, ctx: Context) -> list[Entry]:
    """Entries from a Backstage tech-radar JSON document."""
    if not isinstance(document, dict):
        ctx.problem(None, None, ctx.text("importmsg.backstage_config"))
        return []
    quadrants = _named(document, "quadrants", ctx)
    rings = _named(document, "rings", ctx)
    # Registered in the file's order, so new categories are created in it.
    for name in (quadrants or {}).values():
        ctx.foreign_sector(name, count=False)
    raw = document.get("entries")
    rows, problems = json_rows(
        raw, ctx.file_name, ctx.lang, "importmsg.entries_not_a_list", _TEXT_KEYS
    )
    ctx.problems.extend(problems)
    if rows is None or not isinstance(raw, list):
        return []
    area = ctx.default_area()
    if area is None:
        ctx.missing_area()
    entries = []
    for number, cells in rows.rows:
        title = check_name(ctx, number, "title", cells.get("title", ""))
        entry = _Entry(ctx, number, cells.get("title", ""))
        quadrant = cells.get("quadrant", "")
        if quadrants is not None and quadrant not in quadrants:
            message = ctx.text(
                "importmsg.backstage_quadrant", value=quadrant, ids=", ".join(quadrants)
            )
            entry.problem("quadrant", message)
        newest = _newest(raw[number - 1].get("timeline"), rings, entry)
        if newest is None or rings is None or quadrants is None or quadrant not in quadrants:
            continue
        ring = entry.ring(rings[newest[0]])
        if title is None or ring is None or area is None:
            continue
        markdown = cells.get("description") or newest[1]
        description = markdown_to_text(markdown)
        summary = first_sentence(markdown_to_text(markdown, links=False)) if description else ""
        entries.append(
            stated_entry(
                row=number,
                id_column="title",
                area=area,
                sector=ctx.foreign_sector(quadrants[quadrant]),
                ring=ring,
                texts=described(title, description, summary),
            )
        )
    distinct_ids(entries, ctx)
    return entries
