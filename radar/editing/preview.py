"""What editors see of the drafts: the catalogue with them, and a draft's radar."""

from __future__ import annotations

import pandas as pd

from radar import store
from radar.model import Catalog
from radar.pipeline.view import ViewFilter
from radar.store import Connection


def editor_catalog(con: Connection) -> Catalog:
    """The catalogue with draft editions: for editors' pages only."""
    return store.load_catalog(con, include_drafts=True)


def draft_assessments(con: Connection, year: int) -> pd.DataFrame:
    """Every assessment of an edition, draft or not (:func:`radar.store.load_assessments`)."""
    return store.load_assessments(con, year, include_drafts=True)


def draft_view(con: Connection, year: int, area: str) -> pd.DataFrame:
    """One area's radar in ``year`` (a draft included), placed and numbered, for a preview.

    Movement and positions follow from the published editions before it, as
    they will once the draft is published.
    """
    editors_radar = store.load_radar_data(con, include_drafts=True)
    return editors_radar.view(ViewFilter(area=area, edition=year))
