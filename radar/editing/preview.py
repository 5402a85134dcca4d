"""What editors see of the drafts: the catalogue with them, and a draft's radar."""

from __future__ import annotations

import pandas as pd

from radar import store
from radar.model import Catalog
from radar.pipeline import history
from radar.pipeline.view import ViewFilter, build_view, edition_rows
from radar.store.transactions import Connection


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
    catalog = editor_catalog(con)
    entries = history.all_entries(
        store.load_all_assessments(con, include_drafts=True), catalog.rings
    )
    placed = edition_rows(history.area_history(entries, area, catalog), year)
    return build_view(
        placed,
        catalog,
        store.load_technologies(con, include_drafts=True),
        ViewFilter(area=area, edition=year),
    )
