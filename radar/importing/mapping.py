"""How a file's own ring and category names map onto this radar's: ``--rings`` and ``--categories``.

Known ring names need no mapping (:data:`radar.formats.FOREIGN_RING_POSITIONS`);
a mapping names the rest, ``FROM=TO`` pairs, from the command line
(``--rings "Explore=afproev,Monitor=hold-oeje"``) or from the import page's
mapping step. ``FROM`` is the file's name, in any case; ``TO`` is one of this
radar's rings (id or name) or, for a category, an existing category (id or
name) or the name of a new one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["ForeignNames", "ImportMapping", "MappingSyntaxError", "parse_pairs"]


class MappingSyntaxError(ValueError):
    """A ``FROM=TO,…`` text that is not one; ``part`` is the piece that is wrong."""

    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


def _frozen(pairs: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType({k.strip(): v.strip() for k, v in pairs.items()})


@dataclass(frozen=True)
class ImportMapping:
    """The file's ring and category names this import maps, and what to.

    Attributes
    ----------
    rings
        The file's ring name -> one of this radar's rings, by id or name.
    categories
        The file's category (quadrant) name, or a Zalando quadrant's number
        (``"0"``…), -> an existing category by id or name, or a new category's name.
    """

    rings: Mapping[str, str] = field(default_factory=dict)
    categories: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Read-only copies: a plan made with this mapping cannot be changed under it.
        object.__setattr__(self, "rings", _frozen(self.rings))
        object.__setattr__(self, "categories", _frozen(self.categories))

    def __hash__(self) -> int:
        # Equal mappings hash alike, whatever the order of their pairs.
        return hash((frozenset(self.rings.items()), frozenset(self.categories.items())))

    def ring_for(self, name: str) -> str | None:
        """What the mapping says the file's ring ``name`` is, if it names it."""
        return _lookup(self.rings, name)

    def category_for(self, name: str) -> str | None:
        """What the mapping says the file's category ``name`` is, if it names it."""
        return _lookup(self.categories, name)


@dataclass(frozen=True)
class ForeignNames:
    """The file's ring and category names that are not this radar's own: what a mapping maps.

    Each is ``(name as in the file, rows using it)``, in the file's order: the
    ring names no ring here matches (or the mapping maps), and the category
    names that are no category here (new ones, or mapped).
    """

    rings: tuple[tuple[str, int], ...] = ()
    categories: tuple[tuple[str, int], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.rings or self.categories)


def _lookup(pairs: Mapping[str, str], name: str) -> str | None:
    key = name.strip().casefold()
    for source, target in pairs.items():
        if source.casefold() == key:
            return target
    return None


def parse_pairs(text: str) -> dict[str, str]:
    """``"A=x, B=y"`` as ``{"A": "x", "B": "y"}``.

    Raises
    ------
    MappingSyntaxError
        For a part without ``=``, with an empty side, or naming a ``FROM`` twice.
    """
    pairs: dict[str, str] = {}
    seen: set[str] = set()
    for part in text.split(","):
        if not part.strip():
            continue
        source, equals, target = part.partition("=")
        source, target = source.strip(), target.strip()
        if not equals or not source or not target or source.casefold() in seen:
            raise MappingSyntaxError(part.strip())
        seen.add(source.casefold())
        pairs[source] = target
    return pairs
