"""The overview across areas: ring matrix, gaps and counts on the example data, and the heatmap."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from radar import theme
from radar.drawing.charts import ring_heatmap
from radar.model import COMBINED_AREA, Catalog
from radar.pipeline.overview import (
    filter_matrix,
    gap_table,
    matrix_table,
    ring_cell_labels,
    ring_counts,
    ring_gaps,
    ring_matrix,
)

EDITION = 2025


@pytest.fixture(scope="module")
def matrix(entries: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    return ring_matrix(entries, EDITION, catalog)


def _edition(entries: pd.DataFrame, edition: int = EDITION) -> pd.DataFrame:
    return entries[entries["edition"] == edition]


def test_the_matrix_has_one_row_per_technology_on_any_radar(
    matrix: pd.DataFrame, entries: pd.DataFrame, catalog: Catalog
) -> None:
    assert list(matrix.columns) == ["id", "sector", *catalog.area_ids, COMBINED_AREA]
    assert matrix["id"].is_unique
    assert set(matrix["id"]) == set(_edition(entries)["id"])
    # Sorted by sector in catalogue order.
    positions = matrix["sector"].map(catalog.sector_ids.index)
    assert positions.is_monotonic_increasing


def test_every_cell_is_the_ring_on_that_radar(matrix: pd.DataFrame, entries: pd.DataFrame) -> None:
    cells = matrix.set_index("id")
    rows = _edition(entries)
    for entry in rows.itertuples():
        assert cells.at[entry.id, entry.area] == entry.ring
        assert cells.at[entry.id, "sector"] == entry.sector
    ring_cells = cells.drop(columns="sector")
    placed = ring_cells.map(lambda ring: ring is not None).to_numpy().sum()
    assert placed == len(rows)  # the other cells are None: not on that radar
    assert ring_cells[COMBINED_AREA].map(lambda ring: ring is not None).all()


def test_an_edition_without_assessments_gives_empty_tables(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    empty = ring_matrix(entries, 1999, catalog)
    assert empty.empty
    assert list(empty.columns) == ["id", "sector", *catalog.area_ids, COMBINED_AREA]
    assert ring_gaps(empty, catalog).empty
    counts = ring_counts(entries, 1999, catalog)
    assert counts.shape == (len(catalog.areas), len(catalog.rings))
    assert int(counts.to_numpy().sum()) == 0


def test_the_sector_filter_keeps_exactly_that_sector(
    matrix: pd.DataFrame, entries: pd.DataFrame, catalog: Catalog
) -> None:
    rows = _edition(entries)
    for sector in catalog.sector_ids:
        shown = filter_matrix(matrix, catalog, sector=sector)
        expected = set(rows.loc[rows["sector"] == sector, "id"])
        assert set(shown["id"]) == expected
    assert filter_matrix(matrix, catalog).equals(matrix)


def test_the_ring_filter_means_in_that_ring_in_at_least_one_area(
    matrix: pd.DataFrame, entries: pd.DataFrame, catalog: Catalog
) -> None:
    areas = _edition(entries)[lambda e: e["area"] != COMBINED_AREA]
    for ring in catalog.ring_ids:
        shown = filter_matrix(matrix, catalog, ring=ring)
        assert set(shown["id"]) == set(areas.loc[areas["ring"] == ring, "id"])
    # The combined radar does not count: a technology in AFPRØV only on average
    # is not listed under AFPRØV.
    in_an_area = (matrix[list(catalog.area_ids)] == "afproev").any(axis=1)
    only_combined = matrix[(matrix[COMBINED_AREA] == "afproev") & ~in_an_area]
    assert not only_combined.empty, "the example data should hold such a technology"
    shown = filter_matrix(matrix, catalog, ring="afproev")
    assert not set(only_combined["id"]) & set(shown["id"])


def test_sector_and_ring_filters_combine(matrix: pd.DataFrame, catalog: Catalog) -> None:
    both = filter_matrix(matrix, catalog, sector="VT", ring="klar")
    assert 0 < len(both) < len(filter_matrix(matrix, catalog, sector="VT"))
    assert (both["sector"] == "VT").all()
    assert (both[list(catalog.area_ids)] == "klar").any(axis=1).all()
    # The example data has no automation technology waiting in any area.
    assert filter_matrix(matrix, catalog, sector="AUT", ring="afvent").empty


def test_counts_sum_to_the_blips_of_each_area(entries: pd.DataFrame, catalog: Catalog) -> None:
    for edition in catalog.years:
        counts = ring_counts(entries, edition, catalog)
        assert list(counts.index) == list(catalog.area_ids)
        assert list(counts.columns) == list(catalog.ring_ids)
        per_area = _edition(entries, edition).groupby("area").size()
        for area in catalog.area_ids:
            assert counts.loc[area].sum() == per_area.get(area, 0)
        for area, ring in [("administration", "klar"), ("dagtilbud-og-skole", "afvent")]:
            rows = _edition(entries, edition)
            expected = ((rows["area"] == area) & (rows["ring"] == ring)).sum()
            assert counts.at[area, ring] == expected


def test_counts_of_one_sector(entries: pd.DataFrame, catalog: Catalog) -> None:
    total = ring_counts(entries, EDITION, catalog)
    by_sector = [ring_counts(entries, EDITION, catalog, sector) for sector in catalog.sector_ids]
    assert (sum(by_sector) == total).all().all()  # type: ignore[union-attr]
    welfare = ring_counts(entries, EDITION, catalog, "VT")
    rows = _edition(entries)[lambda e: (e["sector"] == "VT") & (e["area"] != COMBINED_AREA)]
    assert int(welfare.to_numpy().sum()) == len(rows)


def test_gaps_agree_with_the_matrix(matrix: pd.DataFrame, catalog: Catalog) -> None:
    gaps = ring_gaps(matrix, catalog)
    rank = {r: i for i, r in enumerate(catalog.ring_ids)}
    cells = matrix.set_index("id")
    assessed = cells[list(catalog.area_ids)].map(lambda ring: ring is not None).sum(axis=1)
    assert set(gaps["id"]) == set(assessed[assessed >= 2].index)
    for gap in gaps.itertuples():
        rings = {a: cells.at[gap.id, a] for a in catalog.area_ids if cells.at[gap.id, a]}
        assert gap.areas == len(rings)
        best = min(rings.values(), key=rank.__getitem__)
        worst = max(rings.values(), key=rank.__getitem__)
        assert (gap.ready_ring, gap.waiting_ring) == (best, worst)
        assert gap.ready_areas == tuple(a for a, r in rings.items() if r == best)
        assert gap.waiting_areas == tuple(a for a, r in rings.items() if r == worst)
        assert gap.gap == rank[worst] - rank[best]
    assert gaps["gap"].is_monotonic_decreasing
    assert gaps["gap"].max() >= 2  # the example data has clear gaps


def test_a_technology_in_one_area_only_has_no_gap(matrix: pd.DataFrame, catalog: Catalog) -> None:
    areas = matrix[list(catalog.area_ids)].map(lambda ring: ring is not None).sum(axis=1)
    single = set(matrix.loc[areas == 1, "id"])
    assert single, "the example data has technologies assessed in one area only"
    assert not single & set(ring_gaps(matrix, catalog)["id"])


def test_gaps_tie_break_on_the_name(matrix: pd.DataFrame, catalog: Catalog) -> None:
    by_id = ring_gaps(matrix, catalog)
    # Names that sort backwards: within each gap the order flips.
    names = {i: f"{999 - n:03d}" for n, i in enumerate(sorted(matrix["id"]))}
    by_name = ring_gaps(matrix, catalog, names)
    for gap in by_id["gap"].unique():
        ids = by_id.loc[by_id["gap"] == gap, "id"].tolist()
        assert ids == sorted(ids)
        assert by_name.loc[by_name["gap"] == gap, "id"].tolist() == ids[::-1]


def test_the_shown_matrix_sorts_rings_from_the_centre_out(
    matrix: pd.DataFrame, catalog: Catalog
) -> None:
    names = {"aula": "AULA-platformen"}
    table = matrix_table(matrix, catalog, names, "da")
    assert list(table.columns) == [
        "Teknologi",
        "Kategori",
        *(a.name_da for a in catalog.areas),
        "Samlet",
    ]
    assert len(table) == len(matrix)
    labels = ring_cell_labels(catalog, "da")
    assert labels == {1: "KLAR", 2: "AFPRØV", 3: "HOLD ØJE", 4: "AFVENT", 5: "–"}
    row = table.iloc[matrix.index[matrix["id"] == "aula"][0]]
    assert row["Teknologi"] == "AULA-platformen"
    cells = matrix.set_index("id")
    for area in catalog.areas:
        ring = cells.at["aula", area.id]
        assert labels[row[area.name_da]] == (catalog.ring(ring).name_da if ring else "–")
    # A missing name falls back to the id.
    assert table["Teknologi"].iloc[0] == matrix["id"].iloc[0]


def test_the_gap_table_names_rings_and_areas(matrix: pd.DataFrame, catalog: Catalog) -> None:
    gaps = ring_gaps(matrix, catalog)
    shown = gap_table(gaps, catalog, {}, "en")
    assert list(shown.columns) == ["Technology", "Gap (rings)", "Most ready", "Least ready"]
    tied = gaps[gaps["ready_areas"].map(len) > 1].index[0]
    areas = ", ".join(catalog.area(a).name_en for a in gaps.at[tied, "ready_areas"])
    ring = catalog.ring(gaps.at[tied, "ready_ring"]).name_en
    assert shown.at[tied, "Most ready"] == f"{ring} in {areas}"
    assert shown["Gap (rings)"].tolist() == gaps["gap"].tolist()
    danish = gap_table(gaps, catalog, {}, "da")
    assert (
        danish["Længst tilbage"]
        .iloc[0]
        .startswith(catalog.ring(gaps["waiting_ring"].iloc[0]).name_da + " i ")
    )


def test_the_heatmap_shows_every_count_with_localised_labels(
    entries: pd.DataFrame, catalog: Catalog
) -> None:
    counts = ring_counts(entries, EDITION, catalog)
    fig = ring_heatmap(counts, catalog, "en")
    (heatmap,) = fig.data
    assert heatmap.type == "heatmap"
    assert [list(row) for row in heatmap.z] == counts.to_numpy().tolist()
    assert list(fig.layout.xaxis.ticktext) == [r.name_en for r in catalog.rings]
    assert list(fig.layout.yaxis.ticktext) == [a.name_en for a in catalog.areas]
    assert fig.layout.xaxis.fixedrange and fig.layout.yaxis.fixedrange
    assert fig.layout.yaxis.autorange == "reversed"  # the first area on top
    texts = sorted(int(a.text) for a in fig.layout.annotations)
    assert texts == sorted(counts.to_numpy().ravel().tolist())
    assert fig.layout.height == (
        theme.HEATMAP_HEADER_HEIGHT + theme.HEATMAP_ROW_HEIGHT * len(catalog.areas)
    )
    # Light cells get dark numbers and dark cells light ones.
    colours = {int(a.text): a.font.color for a in fig.layout.annotations}
    assert colours[int(counts.to_numpy().min())] == "#000000"
    assert colours[int(counts.to_numpy().max())] == "#FFFFFF"
    danish = ring_heatmap(counts, catalog, "da")
    assert list(danish.layout.xaxis.ticktext) == ["KLAR", "AFPRØV", "HOLD ØJE", "AFVENT"]


def test_the_heatmap_escapes_names_from_the_data(entries: pd.DataFrame, catalog: Catalog) -> None:
    evil = "<b>Fed</b> & <script>x</script>"
    areas = (dataclasses.replace(catalog.areas[0], name_en=evil), *catalog.areas[1:])
    rings = (dataclasses.replace(catalog.rings[0], name_en=evil), *catalog.rings[1:])
    tainted = dataclasses.replace(catalog, areas=areas, rings=rings)
    fig = ring_heatmap(ring_counts(entries, EDITION, tainted), tainted, "en")
    escaped = "&lt;b&gt;Fed&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"
    assert fig.layout.yaxis.ticktext[0] == escaped
    assert fig.layout.xaxis.ticktext[0] == escaped
    assert escaped in fig.data[0].hovertext[0][0]
    everything = fig.to_json()
    assert "<b>Fed" not in everything and "<script>" not in everything


def test_an_all_zero_heatmap_still_draws(entries: pd.DataFrame, catalog: Catalog) -> None:
    fig = ring_heatmap(ring_counts(entries, 1999, catalog), catalog, "da")
    assert {a.text for a in fig.layout.annotations} == {"0"}
    assert fig.data[0].zmax == 1
