"""The file formats the radar reads and writes, described once.

The importers (:mod:`radar.importing`) and exporters (:mod:`radar.exporting`)
both follow these descriptions, so an export of ours imports back unchanged
and the README's column table is generated from the same place.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

#: ``--format`` names ``python -m radar import`` accepts.
IMPORT_FORMATS: Final[tuple[str, ...]] = (
    "csv",
    "xlsx",
    "json",
    "byor-csv",
    "byor-json",
    "zalando",
    "backstage",
    "aoe",
)
#: ``--format`` names ``python -m radar export`` accepts.
EXPORT_FORMATS: Final[tuple[str, ...]] = (
    "csv",
    "xlsx",
    "json",
    "byor-csv",
    "png",
    "svg",
    "pdf",
    "html",
)

#: Import files above this size are refused before they are parsed: the
#: largest real radar we know (a Thoughtworks volume) is under 1 MiB.
MAX_IMPORT_BYTES: Final[int] = 10 * 1024 * 1024


@dataclass(frozen=True)
class FormatColumn:
    """One column of our own format."""

    name: str
    required: bool
    description_da: str
    description_en: str


#: Our own format: one row per technology and welfare area, for one edition.
#: The same columns in CSV (UTF-8; we write semicolons and a byte-order mark for Danish
#: Excel, and read commas too), Excel (first sheet) and JSON (a list
#: of objects with these keys).
OWN_COLUMNS: Final[tuple[FormatColumn, ...]] = (
    FormatColumn(
        "area",
        False,
        "Fagområdets id, fx social-og-sundhed. Kan udelades, når der importeres med --area.",
        "The welfare area's id, e.g. social-og-sundhed. May be left out when importing with "
        "--area.",
    ),
    FormatColumn(
        "technology",
        False,
        "Teknologiens id. Tom: dannes af name_da (små bogstaver, æ→ae, ø→oe, å→aa, bindestreger).",
        "The technology's id. Empty: made from name_da (lower case, æ→ae, ø→oe, å→aa, hyphens).",
    ),
    FormatColumn(
        "sector",
        True,
        "Kategoriens id eller navn.",
        "The category's id or name (Danish or English).",
    ),
    FormatColumn("name_da", True, "Navn på dansk.", "Name in Danish."),
    FormatColumn("name_en", False, "Navn på engelsk.", "Name in English."),
    FormatColumn(
        "summary_da", False, "Beskrivelse på én linje, dansk.", "One-line description, Danish."
    ),
    FormatColumn(
        "summary_en", False, "Beskrivelse på én linje, engelsk.", "One-line description, English."
    ),
    FormatColumn("description_da", False, "Uddybende tekst, dansk.", "Longer description, Danish."),
    FormatColumn(
        "description_en", False, "Uddybende tekst, engelsk.", "Longer description, English."
    ),
    FormatColumn(
        "maturity_trl",
        False,
        "Teknisk modenhed, TRL 1-9. Enten alle fem tal eller ingen.",
        "Technical maturity, TRL 1-9. Either all five numbers or none.",
    ),
    FormatColumn(
        "share_operation",
        False,
        "Procent af kommunerne, der har teknologien i drift.",
        "Percent of municipalities running the technology.",
    ),
    FormatColumn("share_pilot", False, "Procent, der afprøver den.", "Percent piloting it."),
    FormatColumn(
        "share_considering", False, "Procent, der overvejer den.", "Percent considering it."
    ),
    FormatColumn(
        "share_not_considering",
        False,
        "Procent, der ikke overvejer den. De fire andele summer til 100.",
        "Percent not considering it. The four shares add up to 100.",
    ),
    FormatColumn(
        "ring",
        False,
        "Ringens id eller navn (KLAR, AFPRØV, HOLD ØJE, AFVENT). Uden tal: påkrævet. Med tal: tom "
        "eller lig den beregnede ring, ellers en tilsidesættelse, der kræver ring_reason.",
        "The ring's id or name. Without scores: required. With scores: empty or the computed "
        "ring, otherwise an override that needs ring_reason.",
    ),
    FormatColumn(
        "ring_reason",
        False,
        "Begrundelse for en ring, der afviger fra den beregnede.",
        "Why the ring differs from the computed one.",
    ),
)
OWN_COLUMN_NAMES: Final[tuple[str, ...]] = tuple(c.name for c in OWN_COLUMNS)

#: Thoughtworks "Build Your Own Radar" columns, in their order.
BYOR_COLUMNS: Final[tuple[str, ...]] = (
    "name",
    "ring",
    "quadrant",
    "isNew",
    "status",
    "description",
)
#: Other radars' ring names, mapped to our ring *position* (1 = innermost), so
#: they land in KLAR/AFPRØV/HOLD ØJE/AFVENT whatever a database calls its rings:
#: Thoughtworks' four and their common English variants, and the names Danish,
#: Norwegian and Swedish radars give them. Matched in any case, and also by
#: slug ("Prøv ut" = "proev-ut"). Names whose place differs from radar to radar
#: (Explore, Monitor, numbers) are not guessed: the import asks for a mapping.
FOREIGN_RING_POSITIONS: Final[dict[str, int]] = {
    # The innermost ring: in use, recommended.
    "adopt": 1,
    "use": 1,
    "brug": 1,
    "tag i brug": 1,
    "anvend": 1,
    "bruk": 1,
    "ta i bruk": 1,
    "anta": 1,
    "använd": 1,
    "adoptera": 1,
    # Worth trying in a project.
    "trial": 2,
    "try": 2,
    "afprøv": 2,
    "prøv": 2,
    "prøv ut": 2,
    "test": 2,
    "testa": 2,
    "pröva": 2,
    "prova": 2,
    # Worth a closer look.
    "assess": 3,
    "evaluate": 3,
    "vurder": 3,
    "vurdér": 3,
    "vurdere": 3,
    "utvärdera": 3,
    "bedöm": 3,
    # Wait, or avoid.
    "hold": 4,
    "caution": 4,
    "avoid": 4,
    "afvent": 4,
    "undgå": 4,
    "avvent": 4,
    "avstå": 4,
    "unngå": 4,
    "avvakta": 4,
    "undvik": 4,
}
#: Thoughtworks' ring names, innermost first: the examples messages give, and the
#: names a BYOR export writes.
FOREIGN_RING_EXAMPLES: Final[tuple[str, ...]] = ("adopt", "trial", "assess", "hold")
#: Zalando's ``config.json`` numbers its rings 0-3 from the inside out and its
#: quadrants 0-3; the names are those of Zalando's published radar, used when
#: the file does not carry its own ``quadrants`` list.
ZALANDO_QUADRANTS: Final[tuple[str, ...]] = (
    "Languages",
    "Infrastructure",
    "Datastores",
    "Data Management",
)
#: Why an imported ring without scores is what it is, when the file does not say.
STATED_RING_REASON_DA: Final[str] = "Ringen er angivet i den importerede fil"

_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def slugify(text: str) -> str:
    """An id made from a name: lower case ASCII, Danish letters spelt out, hyphens.

    >>> slugify("Kunstig intelligens i sagsbehandling (ML)")
    'kunstig-intelligens-i-sagsbehandling-ml'
    >>> slugify("Velfærdsteknologi på plejecentre")
    'velfaerdsteknologi-paa-plejecentre'
    """
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
