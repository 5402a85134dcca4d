"""Names as the reader sees them: areas, technologies, movements, languages, sort order.

The i18n keys are spelled out in literal mappings, so every key in use can be
found in the source.
"""

from __future__ import annotations

from typing import Final

from radar.i18n import t
from radar.model import COMBINED_AREA, Catalog, Lang, Technology
from radar.pipeline.history import Movement

#: The text key of each movement's label ("Ny", "Rykket ind", ...).
MOVEMENT_LABEL_KEYS: Final[dict[str, str]] = {
    Movement.NEW: "movement.label.new",
    Movement.IN: "movement.label.in",
    Movement.OUT: "movement.label.out",
    Movement.SAME: "movement.label.same",
    Movement.DROPPED: "movement.label.dropped",
    Movement.RETURNED: "movement.label.returned",
}

#: The text key of each language's name, as the language toggle shows it.
LANGUAGE_KEYS: Final[dict[str, str]] = {"da": "lang.da", "en": "lang.en"}

#: Danish sorts æ, ø, å after z; these stand-ins sort there too.


def area_label(catalog: Catalog, area: str, lang: Lang) -> str:
    """An area's name, or the combined radar's."""
    return t("area.samlet", lang) if area == COMBINED_AREA else catalog.area(area).label(lang)


def technology_name(technologies: dict[str, Technology], technology_id: str, lang: Lang) -> str:
    """A technology's name in ``lang``; its id when the catalogue lacks it."""
    tech = technologies.get(technology_id)
    return tech.label(lang) if tech else technology_id


def movement_label(movement: str, lang: Lang) -> str:
    """A movement's label, e.g. "Rykket ind"."""
    return t(MOVEMENT_LABEL_KEYS[movement], lang)


def language_name(code: str, lang: Lang) -> str:
    """A language's own name, e.g. "Dansk"."""
    return t(LANGUAGE_KEYS[code], lang)
