"""The one read model: everything a radar shows, read once, every view derived from it.

The store reads the catalogue, the technologies, the assessments and the
cases once (:func:`radar.store.load_radar_data`); every radar, history,
details panel and workshop view is derived here from that snapshot, by the
same steps for the dashboard, the command line, the exports and the editors'
draft preview.

Pure data: no database, no Streamlit.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from radar.model import Case, Catalog, Technology
from radar.pipeline import history, timeline
from radar.pipeline.view import (
    TechnologyDetails,
    ViewFilter,
    build_view,
    edition_rows,
    local_view,
    technology_details,
)

__all__ = ["RadarData"]


@dataclass(frozen=True, eq=False)
class RadarData:
    """A snapshot of the radar's data, and the views derived from it.

    Frozen: nothing here changes once read; a save or an import makes a new
    snapshot. DataFrames handed out are shared: callers must not modify them.

    Attributes
    ----------
    catalog
        Areas, rings, sectors and editions (drafts only in an editor's snapshot).
    technologies
        The technology catalogue, by id.
    assessments
        Every assessment of the catalogue's editions, with the technology's
        sector (:func:`radar.store.load_all_assessments`).
    cases
        Each technology's example cases, newest first, by technology id.
    illustrative
        Whether the data is illustrative example data, and must say so.
    """

    catalog: Catalog
    technologies: dict[str, Technology]
    assessments: pd.DataFrame = field(repr=False)
    cases: Mapping[str, tuple[Case, ...]] = field(default_factory=dict, repr=False)
    illustrative: bool = True

    @functools.cached_property
    def entries(self) -> pd.DataFrame:
        """Every radar of every edition, computed once (:func:`history.all_entries`)."""
        return history.all_entries(self.assessments, self.catalog.rings)

    @functools.cached_property
    def latest_assessed_edition(self) -> int | None:
        """The newest edition with assessments: an edition added ahead of time is not it."""
        if self.assessments.empty:
            return None
        return int(self.assessments["edition"].max())

    def edition_assessments(self, edition: int) -> pd.DataFrame:
        """Every assessment of one edition, every area, in the stored order."""
        rows = self.assessments[self.assessments["edition"] == edition]
        return rows.reset_index(drop=True)

    @property
    def default_edition(self) -> int | None:
        """The edition a radar opens on: the newest one with assessments."""
        return self.latest_assessed_edition

    @property
    def assessed_editions(self) -> list[int]:
        """The editions that have a radar, in the order they first appear."""
        return [int(e) for e in self.entries["edition"].unique()]

    def area_history(self, area: str) -> pd.DataFrame:
        """One area's radars, placed, with movement (:func:`history.area_history`)."""
        return history.area_history(self.entries, area, self.catalog)

    def view(self, view: ViewFilter, *, area_history: pd.DataFrame | None = None) -> pd.DataFrame:
        """The numbered, filtered blips of one view (:func:`radar.pipeline.view.build_view`).

        ``view.edition`` None means the newest edition with assessments (or the
        first edition, when none has any). ``area_history`` is the view's area's
        :meth:`area_history`, for a caller that keeps it already.
        """
        edition = view.edition
        if edition is None:
            edition = self.latest_assessed_edition or self.catalog.years[0]
        rows = self.area_history(view.area) if area_history is None else area_history
        return build_view(edition_rows(rows, edition), self.catalog, self.technologies, view)

    def comparison(self, area: str, earlier: int, later: int) -> history.Comparison:
        """Two editions of an area side by side (:func:`history.compare_editions`)."""
        return history.compare_editions(
            self.area_history(area), earlier, later, self.catalog.ring_ids
        )

    def technology_details(self, technology_id: str, edition: int) -> TechnologyDetails | None:
        """One technology's details in an edition; ``None`` for an unknown id."""
        technology = self.technologies.get(technology_id)
        if technology is None:
            return None
        return technology_details(
            self.assessments,
            self.catalog,
            technology,
            edition,
            self.cases.get(technology_id, ()),
        )

    def technology_history(self, technology_id: str) -> pd.DataFrame:
        """One technology in every area and edition (:func:`timeline.technology_history`)."""
        return timeline.technology_history(self.entries, technology_id, self.catalog.ring_ids)

    def related_technologies(self, technology_id: str, edition: int) -> pd.DataFrame:
        """Same-sector technologies, most alike first (:func:`timeline.related_technologies`)."""
        return timeline.related_technologies(
            self.entries, self.technologies, technology_id, edition
        )

    def local_view(self, placements: pd.DataFrame, edition: int) -> pd.DataFrame:
        """A group's own radar (a workshop's consensus) as a view (:func:`view.local_view`)."""
        return local_view(placements, self.catalog, self.technologies, edition)
