"""What an export covers: its formats, its target (format, area, edition) and one radar's content.

This is the one place the exports read a radar from the database
(:func:`load_radar`), so switching them to another read model is one change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

import pandas as pd

from radar.formats import EXPORT_FORMATS, slugify
from radar.i18n import t
from radar.model import COMBINED_AREA, Catalog, Edition, Lang, Technology
from radar.pipeline.radar_data import RadarData
from radar.pipeline.view import ViewFilter

#: Our own format in its three encodings.
OWN_FORMATS: Final[tuple[str, ...]] = ("csv", "xlsx", "json")
#: Formats drawn through the system Chromium (kaleido for pictures, print-to-PDF).
CHROMIUM_FORMATS: Final[tuple[str, ...]] = ("png", "svg", "pdf")
#: Formats that take long enough to deserve a progress bar.
SLOW_FORMATS: Final[tuple[str, ...]] = ("png", "svg", "pdf", "html")

#: The media type of each format, for downloads.
EXPORT_MEDIA_TYPES: Final[dict[str, str]] = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "byor-csv": "text/csv",
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
}
#: The file name suffix of each format.
EXPORT_SUFFIXES: Final[dict[str, str]] = {
    "csv": ".csv",
    "xlsx": ".xlsx",
    "json": ".json",
    "byor-csv": "-byor.csv",
    "png": ".png",
    "svg": ".svg",
    "pdf": ".pdf",
    "html": ".html",
}
#: The part of a file name that stands for every welfare area (our own format).
ALL_AREAS_NAME: Final[str] = "alle-omraader"
CHROMIUM_HINT: Final[str] = "install Chromium, e.g. `apt install chromium`"

#: ``progress(fraction, message)``: how far an export is (0..1) and what it does now.
Progress = Callable[[float, str], None]


class ExportError(Exception):
    """An export cannot be made; the message says why, for the command line."""


class UnknownAreaError(ExportError):
    """The area is neither a welfare area nor the combined radar."""


class UnknownEditionError(ExportError):
    """The edition is not a published edition."""


class NothingToExportError(ExportError):
    """The radar asked for has no technologies (an edition added ahead of time)."""


class ChromiumMissingError(ExportError):
    """PNG, SVG and PDF need the system Chromium, which is not installed."""


class RenderError(ExportError):
    """Chromium failed or timed out while drawing or printing."""


@dataclass(frozen=True)
class ExportTarget:
    """What an export covers, checked against the database.

    Attributes
    ----------
    fmt
        One of :data:`radar.formats.EXPORT_FORMATS`.
    area
        A welfare area id, ``"samlet"`` for the combined radar, or ``None``
        for every welfare area (our own format only).
    edition
        A published edition's year.
    """

    fmt: str
    area: str | None
    edition: int


def resolve_target(
    data: RadarData,
    fmt: str,
    area: str | None = None,
    edition: int | None = None,
) -> ExportTarget:
    """Check an export's format, area and edition and fill in the defaults.

    Parameters
    ----------
    data
        The published radar (:func:`radar.store.load_radar_data`).
    fmt
        The format.
    area
        A welfare area id or ``"samlet"``. ``None`` means the combined radar
        for pictures and BYOR, and every welfare area for our own format, where
        ``"samlet"`` means every welfare area too (its rows are per area).
    edition
        A published edition; ``None`` means the newest with assessments.

    Raises
    ------
    ExportError
        An unknown format.
    UnknownAreaError, UnknownEditionError
        The area or edition does not exist (drafts count as not existing).
    NothingToExportError
        No technologies on that radar in that edition.
    """
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"unknown format '{fmt}'; the formats are {', '.join(EXPORT_FORMATS)}")
    catalog = data.catalog
    if edition is None:
        edition = data.latest_assessed_edition
        if edition is None:
            raise NothingToExportError("the database has no published edition with assessments")
    if edition not in catalog.years:
        known = ", ".join(str(y) for y in sorted(catalog.years)) or "none"
        raise UnknownEditionError(f"no published edition {edition}; the editions are {known}")
    if area is not None and area != COMBINED_AREA and area not in catalog.area_ids:
        known = ", ".join((COMBINED_AREA, *catalog.area_ids))
        raise UnknownAreaError(f"no area '{area}'; the areas are {known}")
    if fmt in OWN_FORMATS:
        area = None if area == COMBINED_AREA else area
    elif area is None:
        area = COMBINED_AREA
    assessed = data.edition_assessments(edition)
    if area not in (None, COMBINED_AREA):
        assessed = assessed[assessed["area"] == area]
    if assessed.empty:
        where = "any area" if area in (None, COMBINED_AREA) else f"area '{area}'"
        raise NothingToExportError(f"edition {edition} has no technologies in {where}")
    return ExportTarget(fmt=fmt, area=area, edition=edition)


def export_file_name(fmt: str, area: str | None, edition: int) -> str:
    """A file name for an export, e.g. ``teknologiradar-2025-samlet.pdf``.

    ``area`` None (every welfare area, our own format) is called
    ``alle-omraader``; the BYOR CSV ends in ``-byor.csv``, so it is not
    mistaken for our own CSV.
    """
    place = slugify(area) if area else ALL_AREAS_NAME
    return f"teknologiradar-{edition}-{place or ALL_AREAS_NAME}{EXPORT_SUFFIXES[fmt]}"


@dataclass(frozen=True)
class RadarContent:
    """Everything drawn or listed for one radar.

    Attributes
    ----------
    catalog
        Rings and sectors, in order.
    technologies
        The catalogue by id.
    area
        A welfare area id or ``"samlet"``.
    edition
        The edition shown.
    view
        The radar's blips as :meth:`RadarData.view` gives them:
        numbered, placed, with their movement.
    illustrative
        Whether the data is illustrative example data, which every picture
        and handout then says (:func:`radar.store.is_illustrative`).
    """

    catalog: Catalog
    technologies: Mapping[str, Technology]
    area: str
    edition: Edition
    view: pd.DataFrame
    illustrative: bool = True

    def notice(self, lang: Lang) -> str:
        """The illustrative-data notice, or nothing for real data."""
        return t("app.illustrative", lang) if self.illustrative else ""

    def area_label(self, lang: Lang) -> str:
        """The area's name, or the combined radar's."""
        if self.area == COMBINED_AREA:
            return t("area.samlet", lang)
        return self.catalog.area(self.area).label(lang)

    def name(self, technology_id: str, lang: Lang) -> str:
        """A technology's name (its id if it is not in the catalogue)."""
        tech = self.technologies.get(technology_id)
        return tech.label(lang) if tech else technology_id

    def summary(self, technology_id: str, lang: Lang) -> str:
        """A technology's one-line description."""
        tech = self.technologies.get(technology_id)
        return tech.summary(lang) if tech else ""

    def title(self, lang: Lang) -> str:
        """The radar's title, e.g. "Teknologiradar: Samlet (alle fagområder), 2025"."""
        return t("radar.figure_title", lang, area=self.area_label(lang), edition=self.edition.year)


def load_radar(data: RadarData, target: ExportTarget) -> RadarContent:
    """The content of the one radar ``target`` names (an area or the combined radar)."""
    area = str(target.area)
    return RadarContent(
        catalog=data.catalog,
        technologies=data.technologies,
        area=area,
        edition=data.catalog.edition(target.edition),
        view=data.view(ViewFilter(area=area, edition=target.edition)),
        illustrative=data.illustrative,
    )
