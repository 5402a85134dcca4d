"""One technology over time (pipeline.timeline) and its charts (drawing.charts), on the seed."""

from __future__ import annotations

import dataclasses

import duckdb
import pandas as pd
import pytest

from radar import store, theme
from radar.drawing import charts
from radar.model import COMBINED_AREA, Catalog, Technology
from radar.pipeline.history import derive_movement
from radar.pipeline.timeline import (
    RELATED_COLUMNS,
    area_order,
    placements_in,
    related_technologies,
    technology_history,
    timeline_editions,
)

GENERATIVE_AI = "generativ-ai-assistent"
#: Only on the day care and school radar, from 2024.
SCHOOL_ONLY = "generativ-ai-i-undervisningen"
#: On the employment radar in 2021-2022 and again in 2025.
RETURNED = "blockchain-til-kompetencebeviser"


def _history(entries: pd.DataFrame, catalog: Catalog, technology_id: str) -> pd.DataFrame:
    return technology_history(entries, technology_id, catalog.ring_ids)


# --- technology_history -------------------------------------------------------


def test_history_has_one_row_per_area_and_edition_it_was_assessed_in(
    con: duckdb.DuckDBPyConnection, entries: pd.DataFrame, catalog: Catalog
) -> None:
    history = _history(entries, catalog, GENERATIVE_AI)
    assessed = store.load_technology_assessments(con, GENERATIVE_AI)
    per_area = history[history["area"] != COMBINED_AREA]
    assert sorted(zip(per_area["area"], per_area["edition"], strict=True)) == sorted(
        zip(assessed["area"], assessed["edition"], strict=True)
    )
    combined = history[history["area"] == COMBINED_AREA]
    assert sorted(combined["edition"]) == sorted(assessed["edition"].unique())
    assert not history.duplicated(["area", "edition"]).any()
    assert set(history["id"]) == {GENERATIVE_AI}


def test_generative_ai_is_new_in_2024_and_moves_from_there(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    history = _history(entries, catalog, GENERATIVE_AI)
    assert history["edition"].min() == 2024
    first = history[history["edition"] == 2024]
    assert set(first["movement"]) == {"new"}
    assert first["previous_ring"].isna().all()
    later = history[history["edition"] == 2025]
    assert (later["previous_edition"] == 2024).all()
    rank = {r: i for i, r in enumerate(catalog.ring_ids)}
    for row in later.itertuples():
        before = first.loc[first["area"] == row.area, "ring"].iloc[0]
        expected = (
            "in"
            if rank[row.ring] < rank[before]
            else "out"
            if rank[row.ring] > rank[before]
            else "same"
        )
        assert row.movement == expected


def test_movement_is_that_of_all_entries_so_a_return_is_flagged(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    everything = derive_movement(entries, catalog.ring_ids)
    for technology_id in (RETURNED, GENERATIVE_AI, "aula"):
        expected = everything[everything["id"] == technology_id]
        expected = expected.sort_values(["edition", "area"]).reset_index(drop=True)
        pd.testing.assert_frame_equal(_history(entries, catalog, technology_id), expected)
    history = _history(entries, catalog, RETURNED)
    back = history[(history["area"] == "beskaeftigelse") & (history["edition"] == 2025)]
    assert back["returned"].item()
    assert back["previous_edition"].item() == 2022


def test_history_of_an_unknown_technology_is_empty(entries: pd.DataFrame, catalog: Catalog) -> None:
    assert _history(entries, catalog, "no-such-technology").empty


def test_timeline_editions_run_from_the_first_appearance_to_the_newest_edition(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    assessed = [2021, 2022, 2023, 2024, 2025]
    assert timeline_editions(_history(entries, catalog, GENERATIVE_AI), assessed) == [2024, 2025]
    assert timeline_editions(_history(entries, catalog, "aula"), assessed) == assessed
    assert timeline_editions(_history(entries, catalog, "no-such-technology"), assessed) == []


def test_placements_in_lists_every_area_and_the_combined_radar_last(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    history = _history(entries, catalog, SCHOOL_ONLY)
    rows = placements_in(history, catalog, 2025)
    assert list(rows["area"]) == [*catalog.area_ids, COMBINED_AREA]
    on_radar = rows[rows["ring"].notna()]
    assert set(on_radar["area"]) == {"dagtilbud-og-skole", COMBINED_AREA}
    assert rows.loc[rows["area"] == "administration", "score"].isna().all()


# --- related_technologies -----------------------------------------------------


def test_related_technologies_share_the_sector_and_are_ranked_by_the_rule(
    entries: pd.DataFrame, catalog: Catalog, technologies: dict[str, Technology]
) -> None:
    related = related_technologies(entries, technologies, GENERATIVE_AI, 2025)
    assert list(related.columns) == list(RELATED_COLUMNS)
    assert 0 < len(related) <= 6
    assert GENERATIVE_AI not in set(related["id"])
    sector = technologies[GENERATIVE_AI].sector
    assert {technologies[i].sector for i in related["id"]} == {sector}
    on_radar = set(entries.loc[entries["edition"] == 2025, "id"])
    assert set(related["id"]) <= on_radar
    keys = list(
        zip(-related["shared_areas"], related["score_distance"], related["id"], strict=True)
    )
    assert keys == sorted(keys)
    # The whole ranking, not only the first six: nobody left out ranks higher.
    everyone = related_technologies(entries, technologies, GENERATIVE_AI, 2025, limit=1000)
    assert everyone.head(len(related))["id"].tolist() == related["id"].tolist()
    own_areas = set(
        entries.loc[
            (entries["id"] == GENERATIVE_AI)
            & (entries["edition"] == 2025)
            & (entries["area"] != COMBINED_AREA),
            "area",
        ]
    )
    first = related["id"].iloc[0]
    their_areas = set(
        entries.loc[
            (entries["id"] == first)
            & (entries["edition"] == 2025)
            & (entries["area"] != COMBINED_AREA),
            "area",
        ]
    )
    assert related["shared_areas"].iloc[0] == len(own_areas & their_areas)


def test_related_technologies_of_an_unknown_id_is_empty(
    entries: pd.DataFrame, technologies: dict[str, Technology]
) -> None:
    assert related_technologies(entries, technologies, "no-such-technology", 2025).empty


# --- ring_timeline ------------------------------------------------------------


def _points(trace: object) -> list[float]:
    return [y for y in trace.y if y is not None]  # type: ignore[attr-defined]


def test_ring_timeline_has_one_point_per_area_per_edition_assessed(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    history = _history(entries, catalog, GENERATIVE_AI)
    fig = charts.ring_timeline(history, catalog, "da")
    areas = [a for a in area_order(catalog) if a in set(history["area"])]
    assert [trace.name for trace in fig.data] == [
        "Samlet (alle fagområder)" if a == COMBINED_AREA else catalog.area(a).name_da for a in areas
    ]
    for area, trace in zip(areas, fig.data, strict=True):
        assert len(_points(trace)) == int((history["area"] == area).sum())
    assert list(fig.layout.xaxis.tickvals) == [2024, 2025]


def test_ring_timeline_puts_the_innermost_ring_on_top(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    fig = charts.ring_timeline(_history(entries, catalog, "aula"), catalog, "da")
    yaxis = fig.layout.yaxis
    assert list(yaxis.ticktext) == [r.name_da for r in catalog.rings]
    assert yaxis.ticktext[0] == "KLAR"
    assert list(yaxis.tickvals) == list(range(len(catalog.rings)))
    # Reversed range: tick 0 (KLAR) at the top, the outermost ring at the bottom.
    assert yaxis.range[0] > yaxis.range[1]
    assert yaxis.range[1] < 0 < len(catalog.rings) - 1 < yaxis.range[0]
    assert yaxis.fixedrange and fig.layout.xaxis.fixedrange
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.y < 0


def test_ring_timeline_offsets_areas_within_their_ring_band(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    history = _history(entries, catalog, GENERATIVE_AI)
    fig = charts.ring_timeline(history, catalog, "da")
    rank = {r: i for i, r in enumerate(catalog.ring_ids)}
    offsets = set()
    for trace in fig.data:
        for edition, y in zip(trace.x, trace.y, strict=True):
            if y is None:
                continue
            rows = history[history["edition"] == edition]
            assert any(abs(y - rank[r]) < 0.5 for r in rows["ring"])
            offsets.add(round(y - round(y), 6))
    assert len(offsets) == len(fig.data)  # every line at a height of its own


def test_ring_timeline_draws_the_combined_radar_distinctly(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    fig = charts.ring_timeline(_history(entries, catalog, "aula"), catalog, "en")
    combined = next(tr for tr in fig.data if tr.name == "Combined (all areas)")
    others = [tr for tr in fig.data if tr is not combined]
    assert combined.line.color == theme.COMBINED_COLOUR
    assert combined.line.dash == theme.COMBINED_DASH
    assert all(combined.line.width > tr.line.width for tr in others)
    assert len({tr.line.color for tr in fig.data}) == len(fig.data)


def test_ring_timeline_leaves_a_gap_while_off_the_radar(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    history = _history(entries, catalog, RETURNED)
    editions = timeline_editions(history, entries["edition"].unique().tolist())
    assert editions == [2021, 2022, 2023, 2024, 2025]
    fig = charts.ring_timeline(history, catalog, "da", editions)
    employment = next(tr for tr in fig.data if tr.name == catalog.area("beskaeftigelse").name_da)
    by_year = dict(zip(employment.x, employment.y, strict=True))
    assert by_year[2022] is not None and by_year[2025] is not None
    assert by_year[2023] is None and by_year[2024] is None
    assert employment.connectgaps is False
    hover = dict(zip(employment.x, employment.hovertext, strict=True))[2025]
    assert "Tilbage på radaren; sidst med i 2022" in hover


def test_chart_labels_from_data_are_escaped(entries: pd.DataFrame, catalog: Catalog) -> None:
    evil = "<script>alert(1)</script>"
    areas = tuple(
        dataclasses.replace(a, name_da=evil) if a.id == "dagtilbud-og-skole" else a
        for a in catalog.areas
    )
    rings = tuple(dataclasses.replace(r, name_da=f"{r.name_da}<b>") for r in catalog.rings)
    tampered = dataclasses.replace(catalog, areas=areas, rings=rings)
    history = _history(entries, catalog, SCHOOL_ONLY)
    fig = charts.ring_timeline(history, tampered, "da")
    school = next(tr for tr in fig.data if "script" in tr.name)
    assert school.name == "&lt;script&gt;alert(1)&lt;/script&gt;"
    hovers = [h for tr in fig.data for h in tr.hovertext if h]
    assert hovers and all("<script>" not in h for h in hovers)
    assert any("&lt;script&gt;" in h for h in hovers)
    assert all(label.endswith("&lt;b&gt;") for label in fig.layout.yaxis.ticktext)
    scores = charts.score_timeline(history, tampered, "da", area="dagtilbud-og-skole")
    assert "<script>" not in scores.layout.title.text
    assert all("<b>" not in a.text for a in scores.layout.annotations)


# --- score_timeline -----------------------------------------------------------


def test_score_timeline_shows_maturity_spread_and_score_with_ring_cutoffs(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    history = _history(entries, catalog, GENERATIVE_AI)
    fig = charts.score_timeline(history, catalog, "da")
    assert [tr.name for tr in fig.data] == ["Teknisk modenhed", "Udbredelse", "Samlet score"]
    combined = history[history["area"] == COMBINED_AREA].set_index("edition")
    for trace, column in zip(fig.data, ("maturity", "spread", "score"), strict=True):
        assert list(trace.x) == [2024, 2025]
        assert list(trace.y) == pytest.approx(combined.loc[[2024, 2025], column].tolist())
        assert all(0 <= y <= 1 for y in trace.y)
    cutoffs = sorted(shape.y0 for shape in fig.layout.shapes)
    assert cutoffs == sorted(r.min_score for r in catalog.rings if r.min_score > 0)
    assert {a.text for a in fig.layout.annotations} == {
        "KLAR fra 70%",
        "AFPRØV fra 50%",
        "HOLD ØJE fra 30%",
    }
    assert fig.layout.yaxis.fixedrange and fig.layout.yaxis.range == (0, 1.02)


def test_score_timeline_for_one_area_keeps_the_shared_x_axis(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    history = _history(entries, catalog, RETURNED)
    fig = charts.score_timeline(history, catalog, "en", area="beskaeftigelse")
    rows = history[history["area"] == "beskaeftigelse"].set_index("edition")
    score = fig.data[2]
    rings = charts.ring_timeline(history, catalog, "en")
    assert list(score.x) == list(rings.layout.xaxis.tickvals) == [2021, 2022, 2023, 2024, 2025]
    for edition, y in zip(score.x, score.y, strict=True):
        if edition in rows.index:
            assert y == pytest.approx(rows.loc[edition, "score"])
        else:
            assert y is None
    assert fig.layout.title.text == catalog.area("beskaeftigelse").name_en
