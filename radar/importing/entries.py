"""A file's rows interpreted against the database: the vocabulary the formats share.

Each format (:mod:`~radar.importing.own`, :mod:`~radar.importing.byor`,
:mod:`~radar.importing.zalando`) turns its rows into :class:`Entry` objects,
resolving areas, rings and categories through a :class:`Context`, which
collects the problems and notes on the way.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from radar import formats
from radar.i18n import t
from radar.importing.problems import Problem, first_ten
from radar.model import COMBINED_AREA, Area, Lang, Ring, Sector

__all__ = [
    "MAX_NAME_CHARS",
    "SLUG",
    "AssessmentKey",
    "Context",
    "Entry",
    "RingNames",
    "Snapshot",
    "by_name",
    "check_name",
    "fallback_id",
    "listing",
    "loose_values",
    "whole_number",
]

#: Names longer than this are refused: a name is a label on the radar.
MAX_NAME_CHARS = 200
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Nine digits at most: every number the import takes is far smaller, and
# Python refuses to read numbers of thousands of digits.
_WHOLE = re.compile(r"[+-]?\d{1,9}(?:[.,]0+)?")


@dataclass(frozen=True, order=True)
class AssessmentKey:
    """Which assessment: one technology on one area's radar in one edition."""

    edition: int
    area: str
    technology: str

    def __str__(self) -> str:
        return f"{self.edition}/{self.area}/{self.technology}"


@dataclass(frozen=True)
class Snapshot:
    """What the plan needs from the database (:func:`radar.store.importing.read_state`)."""

    rings: tuple[Ring, ...]
    areas: tuple[Area, ...]
    sectors: tuple[Sector, ...]
    edition: Mapping[str, Any] | None
    technologies: Mapping[str, Mapping[str, Any]]
    newest_edition: Mapping[str, int]
    assessments: Mapping[AssessmentKey, Mapping[str, Any]]
    fingerprint: str


class RingNames:
    """Ring names a file may use, mapped to this database's ring ids; messages in ``lang``."""

    def __init__(self, rings: Sequence[Ring], lang: Lang) -> None:
        self.lang = lang
        self.rings = tuple(sorted(rings, key=lambda r: r.position))
        self.known: dict[str, str] = {}
        for ring in self.rings:
            for name in (ring.id, ring.name_da, ring.name_en):
                self.known.setdefault(name.strip().casefold(), ring.id)
                self.known.setdefault(formats.slugify(name), ring.id)

    def at_position(self, position: int) -> str | None:
        """The ring ``position`` steps from the centre (1 = innermost), if there is one."""
        return self.rings[position - 1].id if 1 <= position <= len(self.rings) else None

    def resolve(self, value: str) -> tuple[str | None, str]:
        """The ring id for ``value``, or None and what is wrong."""
        key = value.strip().casefold()
        found = self.known.get(key) or self.known.get(formats.slugify(value))
        if found:
            return found, ""
        if key in formats.FOREIGN_RING_POSITIONS:
            position = formats.FOREIGN_RING_POSITIONS[key]
            ring = self.at_position(position)
            if ring:
                return ring, ""
            return None, t(
                "importmsg.ring_position",
                self.lang,
                value=value,
                position=position,
                count=len(self.rings),
            )
        return None, t("importmsg.not_a_ring", self.lang, value=value, expected=self.expected())

    def expected(self) -> str:
        """The ring names a file may use, for messages."""
        ours = "; ".join(
            t("importmsg.ring_names", self.lang, id=r.id, name_da=r.name_da, name_en=r.name_en)
            for r in self.rings
        )
        foreign = ", ".join(formats.FOREIGN_RING_POSITIONS)
        return t("importmsg.rings_expected", self.lang, rings=ours, foreign=foreign)

    def label(self, ring_id: str) -> str:
        """A ring as messages name it: its Danish name in Danish, else its id."""
        if self.lang == "da":
            for ring in self.rings:
                if ring.id == ring_id:
                    return ring.name_da
        return ring_id


def by_name(value: str, items: Sequence[Area] | Sequence[Sector]) -> str | None:
    """The id of the area or category ``value`` names by id or name, in any case."""
    key = value.strip().casefold()
    for item in items:
        if key in (item.id.casefold(), item.name_da.casefold(), item.name_en.casefold()):
            return item.id
    return None


def listing(items: Sequence[Area] | Sequence[Sector]) -> str:
    """Areas or categories as messages list them: ``id (name), ...``."""
    return ", ".join(f"{i.id} ({i.name_da})" for i in items)


def _readable(name: str) -> str:
    """A quadrant's name as a category's: "languages-and-frameworks" -> "Languages and …"."""
    text = name.strip()
    if " " not in text:
        text = re.sub(r"[-_]+", " ", text).strip()
    return text[:1].upper() + text[1:]


def fallback_id(prefix: str, name: str) -> str:
    """A stable id for a name that has no slug."""
    # A name without a single Latin letter or digit still needs a stable id.
    return f"{prefix}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:10]}"


@dataclass
class Entry:
    """One row of the file, interpreted: a technology on one area's radar."""

    row: int
    id_column: str
    area: str
    technology: str
    sector: str
    texts: dict[str, str]
    scores: dict[str, int] | None
    ring: str | None
    ring_reason: str
    stated_ring: bool


@dataclass
class Context:
    """What interpreting rows needs: the database's catalogue and the import's options."""

    file_name: str
    lang: Lang
    snapshot: Snapshot
    ring_names: RingNames
    area: str | None
    #: The area argument named no area (already a problem: no more about areas).
    bad_area: bool = False
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    #: New categories from foreign quadrants: id -> name.
    new_sectors: dict[str, str] = field(default_factory=dict)

    def text(self, key: str, **values: Any) -> str:
        """A message in the import's language."""
        return t(key, self.lang, **values)

    def problem(self, row: int | None, column: str | None, message: str) -> None:
        """Record a problem: the file is refused."""
        self.problems.append(Problem(self.file_name, row, column, message))

    def note(self, row: int | None, column: str | None, message: str) -> None:
        """Record a note: the user should know, but the file may be imported."""
        self.notes.append(Problem(self.file_name, row, column, message))

    def resolve_area(self, value: str, row: int | None, column: str | None) -> str | None:
        """The id of the area ``value`` names, else None and a problem."""
        areas = listing(self.snapshot.areas)
        if value.strip().casefold() == COMBINED_AREA:
            message = self.text("importmsg.combined_area", value=COMBINED_AREA, areas=areas)
            self.problem(row, column, message)
            return None
        found = by_name(value, self.snapshot.areas)
        if found is None:
            self.problem(row, column, self.text("importmsg.not_an_area", value=value, areas=areas))
        return found

    def default_area(self) -> str | None:
        """The area rows without one go to: the argument, else the only area."""
        if self.area is not None:
            return self.area
        if len(self.snapshot.areas) == 1:
            return self.snapshot.areas[0].id
        return None

    def missing_area(self) -> None:
        """Record that rows have no area and none was chosen (unless the chosen one was bad)."""
        if self.bad_area:
            return
        if not self.snapshot.areas:
            self.problem(None, "area", self.text("importmsg.no_areas"))
            return
        self.problem(
            None, "area", self.text("importmsg.no_area", areas=listing(self.snapshot.areas))
        )

    def foreign_sector(self, quadrant: str) -> str:
        """The category for a BYOR or Zalando quadrant: an existing one, else a new one."""
        key = formats.slugify(quadrant)
        for sector in self.snapshot.sectors:
            names = (sector.id, sector.name_da, sector.name_en)
            if quadrant.strip().casefold() in (n.casefold() for n in names) or (
                key and key in (formats.slugify(n) for n in names)
            ):
                return sector.id
        sector_id = key or fallback_id("category", quadrant)
        self.new_sectors.setdefault(sector_id, _readable(quadrant))
        return sector_id

    def ring(self, value: str, row: int, column: str) -> str | None:
        """The ring id for a cell, else None and a problem."""
        ring, message = self.ring_names.resolve(value)
        if ring is None:
            self.problem(row, column, message)
        return ring


def whole_number(value: str) -> int | None:
    """A cell's whole number (``7``, ``7,0``), or None when it holds none."""
    if not _WHOLE.fullmatch(value.strip()):
        return None
    return int(re.split(r"[.,]", value.strip())[0])


def check_name(ctx: Context, row: int, column: str, value: str) -> str | None:
    """``value`` if it may be a name, else None and a problem."""
    if not value:
        ctx.problem(row, column, ctx.text("importmsg.name_empty"))
        return None
    if len(value) > MAX_NAME_CHARS:
        message = ctx.text("importmsg.name_too_long", length=len(value), limit=MAX_NAME_CHARS)
        ctx.problem(row, column, message)
        return None
    return value


def loose_values(ctx: Context, column: str, odd: list[tuple[int, str]], expected: str) -> None:
    """One note for a column's odd values that are read but not stored.

    ``expected`` is the message key of the values expected.
    """
    if not odd:
        return
    rows = [ctx.text("importmsg.odd_value", row=row, value=value[:30]) for row, value in odd]
    message = ctx.text(
        "importmsg.odd_values", rows=first_ten(rows, ctx.lang), expected=ctx.text(expected)
    )
    ctx.note(None, column, message)
