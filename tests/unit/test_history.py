"""Editions over time: derived movement, comparisons and stable positions."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from radar.model import COMBINED_AREA, Catalog
from radar.pipeline import history
from radar.pipeline.history import Movement

RINGS = ("klar", "afproev", "hold-oeje", "afvent")


def _entries(rows: list[tuple[str, int, str, str]]) -> pd.DataFrame:
    """Entries from (area, edition, id, ring) tuples, all in one sector."""
    return pd.DataFrame(rows, columns=["area", "edition", "id", "ring"]).assign(sector="AUT")


def _movement_of(moved: pd.DataFrame, area: str, edition: int, tech: str) -> pd.Series:
    row = moved[(moved["area"] == area) & (moved["edition"] == edition) & (moved["id"] == tech)]
    assert len(row) == 1
    return row.iloc[0]


# --- Movement on hand-made histories -----------------------------------------


def test_movement_compares_with_the_previous_edition_of_the_area() -> None:
    moved = history.derive_movement(
        _entries(
            [
                ("a", 2021, "x", "afproev"),
                ("a", 2021, "y", "afproev"),
                ("a", 2021, "z", "afproev"),
                ("a", 2022, "x", "klar"),
                ("a", 2022, "y", "hold-oeje"),
                ("a", 2022, "z", "afproev"),
                ("a", 2022, "w", "afvent"),
            ]
        ),
        RINGS,
    )
    assert _movement_of(moved, "a", 2022, "x")["movement"] == Movement.IN
    assert _movement_of(moved, "a", 2022, "y")["movement"] == Movement.OUT
    assert _movement_of(moved, "a", 2022, "z")["movement"] == Movement.SAME
    new = _movement_of(moved, "a", 2022, "w")
    assert new["movement"] == Movement.NEW
    assert new["previous_ring"] is None and pd.isna(new["previous_edition"])
    assert _movement_of(moved, "a", 2022, "y")["previous_ring"] == "afproev"


def test_every_blip_of_an_area_without_a_previous_edition_is_new() -> None:
    moved = history.derive_movement(
        _entries(
            [
                ("a", 2021, "x", "klar"),
                ("a", 2022, "x", "klar"),
                # Area b is first assessed in 2022: nothing to compare with.
                ("b", 2022, "x", "klar"),
                ("b", 2022, "y", "afvent"),
            ]
        ),
        RINGS,
    )
    b = moved[moved["area"] == "b"]
    assert set(b["movement"]) == {Movement.NEW}
    assert b["previous_edition"].isna().all()
    assert not b["returned"].any()
    # The same technology on another area's radar does not count.
    assert _movement_of(moved, "a", 2022, "x")["movement"] == Movement.SAME


def test_a_technology_that_leaves_and_comes_back_is_compared_with_its_last_appearance() -> None:
    moved = history.derive_movement(
        _entries(
            [
                ("a", 2021, "x", "hold-oeje"),
                ("a", 2021, "y", "klar"),
                ("a", 2022, "y", "klar"),
                ("a", 2023, "x", "afproev"),
                ("a", 2023, "y", "klar"),
                ("a", 2024, "x", "afproev"),
                ("a", 2024, "y", "klar"),
            ]
        ),
        RINGS,
    )
    back = _movement_of(moved, "a", 2023, "x")
    assert back["movement"] == Movement.IN
    assert back["returned"]
    assert back["previous_edition"] == 2021 and back["previous_ring"] == "hold-oeje"
    settled = _movement_of(moved, "a", 2024, "x")
    assert settled["movement"] == Movement.SAME and not settled["returned"]
    assert not _movement_of(moved, "a", 2023, "y")["returned"]


def test_an_area_that_skips_a_year_compares_with_its_last_edition() -> None:
    moved = history.derive_movement(
        _entries([("a", 2021, "x", "afproev"), ("a", 2023, "x", "klar")]), RINGS
    )
    row = _movement_of(moved, "a", 2023, "x")
    assert row["movement"] == Movement.IN
    assert row["previous_edition"] == 2021 and not row["returned"]


def test_movement_does_not_depend_on_row_order() -> None:
    rows = _entries(
        [
            ("a", 2021, "x", "afproev"),
            ("a", 2022, "x", "klar"),
            ("a", 2023, "x", "afvent"),
            ("a", 2022, "y", "afvent"),
            ("b", 2023, "x", "klar"),
        ]
    )
    forward = history.derive_movement(rows, RINGS)
    shuffled = history.derive_movement(rows.sample(frac=1.0, random_state=3), RINGS)
    key = ["area", "edition", "id"]
    pd.testing.assert_frame_equal(
        forward.sort_values(key).reset_index(drop=True),
        shuffled.sort_values(key).reset_index(drop=True),
    )


# --- The example data ----------------------------------------------------------


def test_example_movement_agrees_with_the_rings_of_consecutive_editions(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    moved = history.derive_movement(entries, catalog.ring_ids)
    rank = {r: i for i, r in enumerate(catalog.ring_ids)}
    checked = 0
    for area, rows in moved.groupby("area"):
        years = sorted(rows["edition"].unique())
        # Every blip of the first edition is new.
        assert set(rows.loc[rows["edition"] == years[0], "movement"]) == {Movement.NEW}
        for before, after in itertools.pairwise(years):
            was = rows[rows["edition"] == before].set_index("id")["ring"]
            now = rows[rows["edition"] == after].set_index("id")
            for tech, row in now.iterrows():
                if tech not in was.index:
                    continue
                expected = np.sign(rank[row["ring"]] - rank[was[tech]])
                assert row["movement"] == {-1: "in", 0: "same", 1: "out"}[expected], (area, tech)
                checked += 1
    assert checked > 500


def test_generative_ai_is_new_in_2024_and_changes_are_counted(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    moved = history.derive_movement(entries, catalog.ring_ids)
    genai = moved[(moved["id"] == "generativ-ai-assistent") & (moved["area"] == COMBINED_AREA)]
    first = genai.sort_values("edition").iloc[0]
    assert first["edition"] == 2024 and first["movement"] == Movement.NEW
    later = moved[(moved["edition"] > 2021) & (moved["area"] != COMBINED_AREA)]
    assert (later["movement"] == Movement.IN).sum() > 0
    assert (later["movement"] == Movement.OUT).sum() > 0


def test_combined_radar_averages_the_areas_and_ignores_overrides(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    per_area = entries[(entries["area"] != COMBINED_AREA) & (entries["edition"] == 2025)]
    combined = entries[(entries["area"] == COMBINED_AREA) & (entries["edition"] == 2025)]
    assert set(combined["id"]) == set(per_area["id"])
    row = combined.set_index("id").loc["aula"]
    areas = per_area[per_area["id"] == "aula"]
    assert row["maturity"] == pytest.approx(areas["maturity"].mean())
    assert row["spread"] == pytest.approx(areas["spread"].mean())
    assert combined["override_reason"].isna().all()


def test_every_area_history_keeps_unchanged_blips_in_place(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    kept_total = 0
    for area in (COMBINED_AREA, *catalog.area_ids):
        placed = history.area_history(entries, area, catalog)
        frames = [g.set_index("id") for _, g in placed.groupby("edition", sort=True)]
        for before, after in itertools.pairwise(frames):
            common = before.index.intersection(after.index)
            kept = common[
                (before.loc[common, "ring"] == after.loc[common, "ring"])
                & (before.loc[common, "sector"] == after.loc[common, "sector"])
                & before.loc[common, "shown"]
            ]
            assert (before.loc[kept, ["x", "y"]] == after.loc[kept, ["x", "y"]]).all().all()
            kept_total += len(kept)
    assert kept_total > 500


# --- Comparisons -------------------------------------------------------------


def _placed(rows: list[tuple[str, int, str, str]]) -> pd.DataFrame:
    frame = _entries(rows)
    return frame.assign(x=0.1, y=0.2, shown=True)


def test_comparison_classifies_every_blip_and_counts_rings() -> None:
    placed = _placed(
        [
            ("a", 2021, "up", "afproev"),
            ("a", 2021, "down", "klar"),
            ("a", 2021, "still", "afvent"),
            ("a", 2021, "gone", "hold-oeje"),
            ("a", 2023, "up", "klar"),
            ("a", 2023, "down", "afproev"),
            ("a", 2023, "still", "afvent"),
            ("a", 2023, "fresh", "klar"),
        ]
    )
    comparison = history.compare_editions(placed, 2023, 2021, RINGS)
    # Given in either order, it reads forwards in time.
    assert (comparison.earlier, comparison.later) == (2021, 2023)
    kinds = dict(zip(comparison.changes["id"], comparison.changes["kind"], strict=True))
    assert kinds == {
        "up": "in",
        "down": "out",
        "still": "same",
        "gone": "dropped",
        "fresh": "new",
    }
    counts = comparison.ring_counts.set_index("ring")
    assert counts.loc["klar"].tolist() == [1, 2]
    assert counts["earlier"].sum() == 4 and counts["later"].sum() == 4
    groups = comparison.groups(RINGS)
    assert groups == [
        (Movement.IN, "klar", ["up"]),
        (Movement.OUT, "afproev", ["down"]),
        (Movement.NEW, "klar", ["fresh"]),
        (Movement.DROPPED, None, ["gone"]),
    ]


def test_dropped_lists_what_left_since_the_previous_edition() -> None:
    placed = _placed(
        [
            ("a", 2021, "x", "klar"),
            ("a", 2021, "y", "klar"),
            ("a", 2022, "x", "klar"),
        ]
    )
    assert history.dropped(placed, 2022)["id"].tolist() == ["y"]
    assert history.dropped(placed, 2021).empty
    assert history.previous_edition(placed, 2022) == 2021
    assert history.previous_edition(placed, 2021) is None


def test_example_comparison_trails_start_where_the_blip_was(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    placed = history.area_history(entries, "social-og-sundhed", catalog)
    comparison = history.compare_editions(placed, 2021, 2025, catalog.ring_ids)
    moved = comparison.changes[comparison.changes["kind"].isin(["in", "out"])]
    assert not moved.empty
    earlier = placed[placed["edition"] == 2021].set_index("id")
    for row in moved.itertuples():
        assert row.x_before == earlier.loc[row.id, "x"]
        assert row.y_before == earlier.loc[row.id, "y"]
