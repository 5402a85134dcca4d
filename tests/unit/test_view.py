"""Radar views: placement, numbering, filters, search and details from the real seed."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

import duckdb
import pandas as pd
import pytest

from radar import store
from radar.model import COMBINED_AREA, Catalog, Technology
from radar.pipeline import history
from radar.pipeline.scoring import score_assessments
from radar.pipeline.view import (
    ViewFilter,
    build_view,
    edition_rows,
    movement_text,
    technology_details,
)

Techs = dict[str, Technology]


@pytest.fixture(scope="module")
def latest(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> pd.DataFrame:
    return store.load_assessments(con, catalog.years[0])


@pytest.fixture(scope="module")
def make_view(
    entries: pd.DataFrame, catalog: Catalog, technologies: Techs, latest: pd.DataFrame
) -> Callable[..., pd.DataFrame]:
    """Build a view of the ``latest`` edition as the dashboard does: from the area's history."""
    edition = int(latest["edition"].iloc[0])

    @cache
    def area_history(area: str) -> pd.DataFrame:
        return history.area_history(entries, area, catalog)

    def make(**kwargs: Any) -> pd.DataFrame:
        area = str(kwargs.get("area", COMBINED_AREA))
        placed = edition_rows(area_history(area), edition)
        return build_view(placed, catalog, technologies, ViewFilter(edition=edition, **kwargs))

    return make


def test_an_area_view_places_each_assessed_technology_in_its_scored_ring(
    make_view: Callable[..., pd.DataFrame],
    latest: pd.DataFrame,
    catalog: Catalog,
    technologies: Techs,
) -> None:
    area = "beskaeftigelse"
    view = make_view(area=area)
    scored = score_assessments(latest[latest["area"] == area], catalog.rings)
    expected = dict(zip(scored["technology"], scored["ring"], strict=True))
    assert dict(zip(view["id"], view["ring"], strict=True)) == expected
    assert len(view) >= 25
    assert view["shown"].all()
    assert sorted(view["number"]) == list(range(1, len(view) + 1))


def test_areas_differ_and_the_combined_radar_holds_every_technology_once(
    make_view: Callable[..., pd.DataFrame],
    latest: pd.DataFrame,
    catalog: Catalog,
    technologies: Techs,
) -> None:
    combined = make_view(area=COMBINED_AREA)
    assert combined["id"].is_unique
    assert set(combined["id"]) == set(latest["technology"])
    school = make_view(area="dagtilbud-og-skole")
    work = make_view(area="beskaeftigelse")
    assert set(school["id"]) != set(work["id"])
    assert len(combined) > len(school)


def test_numbers_run_by_sector_then_ring(
    make_view: Callable[..., pd.DataFrame],
    latest: pd.DataFrame,
    catalog: Catalog,
    technologies: Techs,
) -> None:
    view = make_view(area="social-og-sundhed")
    sector_pos = view["sector"].map({s: i for i, s in enumerate(catalog.sector_ids)})
    ring_pos = view["ring"].map({r: i for i, r in enumerate(catalog.ring_ids)})
    ordered = list(zip(sector_pos, ring_pos, strict=True))
    assert ordered == sorted(ordered)


def test_filters_hide_other_cells_without_moving_or_renumbering_anything(
    make_view: Callable[..., pd.DataFrame],
    latest: pd.DataFrame,
    catalog: Catalog,
    technologies: Techs,
) -> None:
    full = make_view(area="administration")
    only = make_view(area="administration", sector="AUT", ring="klar")
    assert only[only["visible"]]["sector"].eq("AUT").all()
    assert only[only["visible"]]["ring"].eq("klar").all()
    assert 0 < only["visible"].sum() < len(full)
    columns = ["id", "number", "x", "y", "radius"]
    pd.testing.assert_frame_equal(full[columns], only[columns])


def test_search_dims_instead_of_re_laying_out(
    make_view: Callable[..., pd.DataFrame],
    latest: pd.DataFrame,
    catalog: Catalog,
    technologies: Techs,
) -> None:
    full = make_view(area=COMBINED_AREA)
    searched = make_view(area=COMBINED_AREA, query="robot")
    assert 0 < searched["match"].sum() < len(searched)
    pd.testing.assert_frame_equal(full[["id", "x", "y"]], searched[["id", "x", "y"]])
    for tech_id in searched[searched["match"]]["id"]:
        tech = technologies[tech_id]
        text = f"{tech.name_da} {tech.name_en} {tech.summary_da} {tech.description_da}".lower()
        text += f" {tech.summary_en} {tech.description_en}".lower()
        assert "robot" in text


def test_search_ignores_case_and_danish_letters(
    make_view: Callable[..., pd.DataFrame],
    latest: pd.DataFrame,
    catalog: Catalog,
    technologies: Techs,
) -> None:
    plain = make_view(area=COMBINED_AREA, query="laeringsplatforme")
    danish = make_view(area=COMBINED_AREA, query="LÆRINGSPLATFORME")
    assert plain["match"].sum() >= 1
    assert plain["match"].tolist() == danish["match"].tolist()


def test_details_give_the_ring_in_every_area_and_the_cases(
    con: duckdb.DuckDBPyConnection, catalog: Catalog, technologies: Techs
) -> None:
    with_cases = store.query_frame(
        con, "SELECT technology, count(*) AS n FROM cases GROUP BY ALL ORDER BY n DESC LIMIT 1"
    )["technology"][0]
    details = technology_details(
        store.load_all_assessments(con),
        catalog,
        technologies[with_cases],
        catalog.years[0],
        store.load_cases(con, with_cases),
    )
    assert details.cases
    assert details.combined is not None
    assessed = store.query_frame(
        con,
        "SELECT area FROM assessments WHERE technology = ? AND edition = ?",
        [with_cases, catalog.years[0]],
    )
    assert {p.area for p in details.placements} == set(assessed["area"])
    for placement in details.placements:
        assert placement.ring in catalog.ring_ids
        assert 0 <= placement.score <= 1


def test_overridden_ring_is_shown_with_its_reason(
    con: duckdb.DuckDBPyConnection, catalog: Catalog, technologies: Techs
) -> None:
    row = store.query_frame(
        con, "SELECT * FROM assessments WHERE ring_override IS NOT NULL LIMIT 1"
    ).iloc[0]
    details = technology_details(
        store.load_all_assessments(con),
        catalog,
        technologies[row["technology"]],
        int(row["edition"]),
    )
    placement = details.placement(row["area"])
    assert placement is not None
    assert placement.ring == row["ring_override"]
    assert placement.override_reason == row["override_reason"]


def test_short_search_words_match_whole_word_starts(
    make_view: Callable[..., pd.DataFrame],
    latest: pd.DataFrame,
    catalog: Catalog,
    technologies: Techs,
) -> None:
    view = make_view(area=COMBINED_AREA, query="ai")
    names = {technologies[i].name_en for i in view[view["match"]]["id"]}
    assert "Generative AI assistant" in names
    assert "Learning platforms" not in names  # its "daily" does not count
    for tech_id in view[view["match"]]["id"]:
        tech = technologies[tech_id]
        fields = (tech.name_da, tech.name_en, tech.summary_da, tech.summary_en)
        text = " ".join((*fields, tech.description_da, tech.description_en)).lower()
        assert re.search(r"\bai", text), tech_id


def test_only_changes_hides_unchanged_blips_without_moving_the_rest(
    con: duckdb.DuckDBPyConnection, catalog: Catalog, technologies: Techs
) -> None:
    entries = history.all_entries(store.load_all_assessments(con), catalog.rings)
    placed = edition_rows(history.area_history(entries, "social-og-sundhed", catalog), 2023)
    full = build_view(placed, catalog, technologies, ViewFilter(area="social-og-sundhed"))
    changed = build_view(
        placed, catalog, technologies, ViewFilter(area="social-og-sundhed", changed=True)
    )
    shown = changed[changed["visible"]]
    assert 0 < len(shown) < len(changed)
    assert set(shown["movement"]) <= {"new", "in", "out"}
    assert (changed.loc[~changed["visible"], "movement"] == "same").all()
    columns = ["id", "number", "x", "y", "radius"]
    pd.testing.assert_frame_equal(full[columns], changed[columns])


def test_movement_text_names_the_earlier_ring_and_edition(catalog: Catalog) -> None:
    moved_in = {"movement": "in", "previous_ring": "afproev", "previous_edition": 2024}
    assert movement_text(moved_in, catalog, "da") == "Rykket ind fra AFPRØV (2024)"
    assert movement_text(moved_in, catalog, "en") == "Moved in from Try (2024)"
    back = {**moved_in, "movement": "same", "previous_edition": 2022, "returned": True}
    assert "2022" in movement_text(back, catalog, "da")
    assert "Tilbage" in movement_text(back, catalog, "da")
    assert movement_text({"movement": "new"}, catalog, "en") == "New on the radar"
