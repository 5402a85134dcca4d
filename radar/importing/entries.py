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
from radar.importing.mapping import ImportMapping
from radar.importing.problems import Problem, first_ten
from radar.model import COMBINED_AREA, Area, Lang, Ring, Sector

__all__ = [
    "MAX_NAME_CHARS",
    "SLUG",
    "AssessmentKey",
    "Context",
    "Entry",
    "NewCategory",
    "RingNames",
    "Snapshot",
    "by_name",
    "check_name",
    "described",
    "fallback_id",
    "listing",
    "loose_values",
    "stated_entry",
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
    """Ring names a file may use, mapped to this database's ring ids; messages in ``lang``.

    A name resolves, first to last: through the import's mapping (``--rings``),
    as one of this radar's rings (id, Danish or English name), as another
    radar's known name (:data:`radar.formats.FOREIGN_RING_POSITIONS`), and
    else by the part in or before parentheses ("Verbreiten (Adopt)").
    """

    def __init__(
        self, rings: Sequence[Ring], lang: Lang, mapping: ImportMapping | None = None
    ) -> None:
        self.lang = lang
        self.mapping = mapping or ImportMapping()
        self.rings = tuple(sorted(rings, key=lambda r: r.position))
        self.known: dict[str, str] = {}
        for ring in self.rings:
            for name in (ring.id, ring.name_da, ring.name_en):
                self.known.setdefault(name.strip().casefold(), ring.id)
                self.known.setdefault(formats.slugify(name), ring.id)
        self.foreign: dict[str, int] = {}
        for name, position in formats.FOREIGN_RING_POSITIONS.items():
            self.foreign.setdefault(name, position)
            self.foreign.setdefault(formats.slugify(name), position)

    def ours(self, value: str) -> str | None:
        """The id of this radar's ring ``value`` names (id or name, any case), if any."""
        return self.known.get(value.strip().casefold()) or self.known.get(formats.slugify(value))

    def at_position(self, position: int) -> str | None:
        """The ring ``position`` steps from the centre (1 = innermost), if there is one."""
        return self.rings[position - 1].id if 1 <= position <= len(self.rings) else None

    def resolve(self, value: str) -> tuple[str | None, str]:
        """The ring id for ``value``, or None and what is wrong."""
        mapped = self.mapping.ring_for(value)
        if mapped is not None:
            # A mapping to no ring is refused with the options (see plan_import).
            return self.ours(mapped), ""
        found, message = self._known(value)
        if found or message:
            return found, message
        # "Verbreiten (Adopt)": the name in the parentheses, else the one before them.
        inner = re.fullmatch(r"\s*(.*?)\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]\s*", value)
        if inner:
            for part in (inner.group(2), inner.group(1)):
                found, message = self._known(part) if part else (None, "")
                if found:
                    return found, ""
        return None, t("importmsg.not_a_ring", self.lang, value=value, expected=self.expected())

    def _known(self, value: str) -> tuple[str | None, str]:
        """Our ring or a known foreign name; a message only for a position this radar lacks."""
        found = self.ours(value)
        if found:
            return found, ""
        position = self.foreign.get(value.strip().casefold()) or self.foreign.get(
            formats.slugify(value)
        )
        if position is None:
            return None, ""
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

    def expected(self) -> str:
        """The ring names a file may use, for messages."""
        ours = "; ".join(
            t("importmsg.ring_names", self.lang, id=r.id, name_da=r.name_da, name_en=r.name_en)
            for r in self.rings
        )
        foreign = ", ".join(formats.FOREIGN_RING_EXAMPLES)
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


def _named(name: str, candidates: Sequence[tuple[str, tuple[str, ...]]]) -> str | None:
    """The id among ``(id, names)`` whose names hold ``name`` in any case, or its slug."""
    key, folded = formats.slugify(name), name.strip().casefold()
    for found, names in candidates:
        if folded in (n.casefold() for n in names) or (
            key and key in (formats.slugify(n) for n in names)
        ):
            return found
    return None


def fallback_id(prefix: str, name: str) -> str:
    """A stable id for a name that has no slug."""
    # A name without a single Latin letter or digit still needs a stable id.
    return f"{prefix}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:10]}"


@dataclass(frozen=True)
class NewCategory:
    """A category the import creates: its names and descriptions in both languages."""

    name_da: str
    name_en: str
    description_da: str = ""
    description_en: str = ""


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


def described(name: str, description: str, summary: str) -> dict[str, str]:
    """A foreign radar's texts: its one name in both languages, and a description with its summary.

    Foreign radars are written in one language; the same text stands for both.
    """
    texts = {"name_da": name, "name_en": name}
    if description:
        texts.update(
            description_da=description,
            description_en=description,
            summary_da=summary,
            summary_en=summary,
        )
    return texts


def stated_entry(
    *,
    row: int,
    id_column: str,
    area: str,
    sector: str,
    ring: str,
    texts: dict[str, str],
    technology: str = "",
) -> Entry:
    """An entry of a radar that states its rings and has no scores (every foreign format).

    ``technology`` left empty is given by :func:`radar.importing.ids.distinct_ids`,
    which needs every name of the file.
    """
    return Entry(
        row=row,
        id_column=id_column,
        area=area,
        technology=technology,
        sector=sector,
        texts=texts,
        scores=None,
        ring=ring,
        ring_reason="",
        stated_ring=True,
    )


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
    #: New categories the file needs: id -> names.
    new_sectors: dict[str, NewCategory] = field(default_factory=dict)
    #: Ring names that are no ring here: name -> (column, why, rows), reported
    #: once each by :meth:`report_rings`, not once per row.
    #: A row is a number, or a place in a file of many (an AOE zip's item file and line).
    unknown_rings: dict[str, tuple[str, str, list[int | str]]] = field(default_factory=dict)
    #: The mapping's names the file used, so unused ones can be pointed out.
    mapped_names: set[str] = field(default_factory=set)
    #: The file's ring and category names that are not this radar's own, and
    #: in how many rows: what the import page's mapping step offers to map.
    foreign_rings: dict[str, int] = field(default_factory=dict)
    foreign_categories: dict[str, int] = field(default_factory=dict)

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

    def mapping(self) -> ImportMapping:
        """The import's mapping of the file's ring and category names."""
        return self.ring_names.mapping

    def existing_sector(self, name: str) -> str | None:
        """The id of the existing or planned category ``name`` names (by id, name or slug)."""
        return self.database_sector(name) or _named(
            name, [(i, (i, new.name_da, new.name_en)) for i, new in self.new_sectors.items()]
        )

    def database_sector(self, name: str) -> str | None:
        """The id of the database's category ``name`` names (by id, name or slug)."""
        return _named(name, [(s.id, (s.id, s.name_da, s.name_en)) for s in self.snapshot.sectors])

    def foreign_sector(
        self,
        quadrant: str,
        *,
        known: Mapping[str, NewCategory] | None = None,
        count: bool = True,
    ) -> str:
        """The category for a file's category name: mapped, existing, else a new one.

        ``known``: categories recognised by id or name when the database lacks
        them (KL's own, for our format), created with all their texts.
        ``count``: a row uses it (not only a list of the file's categories).
        """
        mapped = self.mapping().category_for(quadrant)
        if mapped is not None:
            self.mapped_names.add(quadrant.strip().casefold())
        found = self.existing_sector(mapped or quadrant)
        # Each row of a name that is not the database's own, for the mapping step.
        if mapped is not None or self.database_sector(mapped or quadrant) is None:
            self.count_foreign_category(quadrant, count)
        quadrant = mapped or quadrant
        if found is not None:
            return found
        for sector_id, category in (known or {}).items():
            names = (sector_id, category.name_da, category.name_en)
            if quadrant.strip().casefold() in (n.casefold() for n in names):
                self.new_sectors.setdefault(sector_id, category)
                return sector_id
        sector_id = formats.slugify(quadrant) or fallback_id("category", quadrant)
        name = _readable(quadrant)
        self.new_sectors.setdefault(sector_id, NewCategory(name, name))
        return sector_id

    def count_foreign_category(self, name: str, count: bool = True) -> None:
        """Count a row (or, without ``count``, only list) a category name that is not ours."""
        key = name.strip()
        self.foreign_categories[key] = self.foreign_categories.get(key, 0) + int(count)

    def ring(
        self, value: str, row: int | None, column: str, place: str | None = None
    ) -> str | None:
        """The ring id for a cell, else None (reported once per name by :meth:`report_rings`).

        ``place``: where the value is when a row number does not say it (a
        file inside a zip, and its line).
        """
        mapped = self.mapping().ring_for(value) is not None
        if mapped:
            self.mapped_names.add(value.strip().casefold())
        ring, message = self.ring_names.resolve(value)
        if mapped or ring is None:
            key = value.strip()
            self.foreign_rings[key] = self.foreign_rings.get(key, 0) + 1
        if ring is None:
            name = value.strip()
            where: int | str = place if place is not None else (row if row is not None else "")
            self.unknown_rings.setdefault(name, (column, message, []))[2].append(where)
        return ring

    def report_rings(self) -> None:
        """One problem per ring name that is no ring here, with its rows and how to map it."""
        for name, (column, message, rows) in self.unknown_rings.items():
            fix = self.text("importmsg.ring_fix", value=name, example=self.ring_names.rings[0].id)
            first = rows[0]
            places = [str(r) for r in rows]
            if isinstance(first, str):
                # Places in files: each is named, the first before the message.
                if len(rows) > 1:
                    message = self.text(
                        "importmsg.ring_places",
                        message=message,
                        count=len(rows) - 1,
                        places=first_ten(places[1:], self.lang),
                    )
                message = f"{first}: {message}" if first else message
                self.problem(None, column, f"{message}. {fix}")
                continue
            if len(rows) > 1:
                message = self.text(
                    "importmsg.ring_rows",
                    message=message,
                    count=len(rows),
                    rows=first_ten(places, self.lang),
                )
            self.problem(first, column, f"{message}. {fix}")


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
