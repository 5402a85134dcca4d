"""Domain values: frozen dataclasses for what the radar is made of.

Every user-facing text exists in Danish and English; ``label(lang)`` picks one,
so callers never branch on the language themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Protocol, TypeVar

Lang = Literal["da", "en"]
LANGUAGES: tuple[Lang, ...] = ("da", "en")
DEFAULT_LANG: Lang = "da"

#: The id of the combined radar: every technology placed once, by its scores
#: averaged over the welfare areas where it is assessed.
COMBINED_AREA = "samlet"

#: Edition statuses: a draft is visible to editors only.
DRAFT = "draft"
PUBLISHED = "published"


def _pick(da: str, en: str, lang: Lang) -> str:
    # English falls back to Danish: an imported radar may have Danish texts only.
    return en if lang == "en" and en else da


class _Named:
    """Mixin: a ``name_da`` / ``name_en`` pair, read with ``label(lang)``."""

    name_da: str
    name_en: str

    def label(self, lang: Lang) -> str:
        """The name in ``lang``."""
        return _pick(self.name_da, self.name_en, lang)


class _Described:
    """Mixin: a ``description_da`` / ``description_en`` pair."""

    description_da: str
    description_en: str

    def description(self, lang: Lang) -> str:
        """The description in ``lang``."""
        return _pick(self.description_da, self.description_en, lang)


@dataclass(frozen=True)
class Area(_Named):
    """A welfare area (fagområde) with a radar of its own."""

    id: str
    position: int
    name_da: str
    name_en: str


@dataclass(frozen=True)
class Ring(_Named, _Described):
    """A ring of the radar; ``min_score`` is the lowest combined score it takes."""

    id: str
    position: int
    min_score: float
    name_da: str
    name_en: str
    description_da: str
    description_en: str


@dataclass(frozen=True)
class Sector(_Named, _Described):
    """A technology category: one wedge of the radar."""

    id: str
    position: int
    name_da: str
    name_en: str
    description_da: str
    description_en: str


@dataclass(frozen=True)
class Edition:
    """One yearly edition of the radar."""

    year: int
    published: date
    title_da: str
    title_en: str
    status: str = "published"

    @property
    def is_draft(self) -> bool:
        """A draft is prepared by the editors and shown to nobody else."""
        return self.status == DRAFT

    def label(self, lang: Lang) -> str:
        """The edition's title in ``lang``."""
        return _pick(self.title_da, self.title_en, lang)


#: The texts of a technology, Danish and English.
TECHNOLOGY_TEXT_FIELDS: tuple[str, ...] = (
    "name_da",
    "name_en",
    "summary_da",
    "summary_en",
    "description_da",
    "description_en",
)


@dataclass(frozen=True)
class Technology(_Named, _Described):
    """A technology in the catalogue, independent of area and edition."""

    id: str
    sector: str
    name_da: str
    name_en: str
    summary_da: str
    summary_en: str
    description_da: str
    description_en: str
    retired: bool = False

    def summary(self, lang: Lang) -> str:
        """The one-line description in ``lang``."""
        return _pick(self.summary_da, self.summary_en, lang)


@dataclass(frozen=True)
class Case:
    """A municipal example of a technology in use."""

    id: str
    technology: str
    area: str
    municipality: str
    year: int
    title_da: str
    title_en: str
    text_da: str
    text_en: str
    source_url: str

    def title(self, lang: Lang) -> str:
        """The case's title in ``lang``."""
        return _pick(self.title_da, self.title_en, lang)

    def text(self, lang: Lang) -> str:
        """The case's text in ``lang``."""
        return _pick(self.text_da, self.text_en, lang)


@dataclass(frozen=True)
class Catalog:
    """The fixed frame of the radar: areas, rings (inside out), sectors, editions."""

    areas: tuple[Area, ...]
    rings: tuple[Ring, ...]
    sectors: tuple[Sector, ...]
    editions: tuple[Edition, ...] = field(default=())

    @property
    def area_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.areas)

    @property
    def ring_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rings)

    @property
    def sector_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sectors)

    @property
    def years(self) -> tuple[int, ...]:
        """Edition years, newest first."""
        return tuple(sorted((e.year for e in self.editions), reverse=True))

    def area(self, area_id: str) -> Area:
        return _by_id(self.areas, area_id, "area")

    def ring(self, ring_id: str) -> Ring:
        return _by_id(self.rings, ring_id, "ring")

    def sector(self, sector_id: str) -> Sector:
        return _by_id(self.sectors, sector_id, "sector")

    def edition(self, year: int) -> Edition:
        for edition in self.editions:
            if edition.year == year:
                return edition
        raise KeyError(f"unknown edition: {year}")


class _HasId(Protocol):
    # Read-only, as the frozen dataclasses' fields are.
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_HasId)


def _by_id(items: tuple[_Item, ...], item_id: str, kind: str) -> _Item:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(f"unknown {kind}: {item_id}")
