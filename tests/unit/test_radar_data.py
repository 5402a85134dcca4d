"""The one read model: RadarData answers what the old chain of queries and steps answered."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from radar import store
from radar.model import COMBINED_AREA
from radar.pipeline.history import CHANGES, Movement
from radar.pipeline.radar_data import RadarData
from radar.pipeline.scoring import score_assessments
from radar.pipeline.view import ViewFilter

AREA = "social-og-sundhed"


@pytest.fixture(scope="module")
def data(con: duckdb.DuckDBPyConnection) -> RadarData:
    return store.load_radar_data(con)


def _assessed(con: duckdb.DuckDBPyConnection, area: str, edition: int) -> set[str]:
    rows = store.query_frame(
        con,
        "SELECT technology FROM assessments WHERE area = ? AND edition = ?",
        [area, edition],
    )
    return set(rows["technology"])


def test_the_snapshot_holds_what_the_queries_read(
    data: RadarData, con: duckdb.DuckDBPyConnection
) -> None:
    assert data.catalog == store.load_catalog(con)
    assert data.technologies == store.load_technologies(con)
    assert len(data.assessments) == len(store.load_all_assessments(con))
    assert data.illustrative is store.is_illustrative(con) is True
    assert data.default_edition == store.latest_assessed_edition(con) == 2025
    for technology in ("aula", *list(data.technologies)[:5]):
        assert data.cases.get(technology, ()) == store.load_cases(con, technology)
    # Computed once and kept.
    assert data.entries is data.entries


def test_a_view_has_the_area_s_assessed_technologies_numbered(
    data: RadarData, con: duckdb.DuckDBPyConnection
) -> None:
    view = data.view(ViewFilter(area=AREA, edition=2023))
    assert set(view["id"]) == _assessed(con, AREA, 2023)
    assert len(view) == 52
    assert view["number"].tolist() == list(range(1, len(view) + 1))
    assert view["visible"].all() and view["match"].all()
    # Without an edition: the newest one with assessments.
    newest = data.view(ViewFilter(area=AREA))
    assert set(newest["id"]) == _assessed(con, AREA, 2025)


def test_the_view_s_rings_and_movement_follow_the_stored_assessments(
    data: RadarData, con: duckdb.DuckDBPyConnection
) -> None:
    rings = data.catalog.rings
    rank = {r: i for i, r in enumerate(data.catalog.ring_ids)}

    def placed(edition: int) -> dict[str, str]:
        rows = store.load_assessments(con, edition)
        scored = score_assessments(rows[rows["area"] == AREA], rings)
        return dict(zip(scored["technology"], scored["ring"], strict=True))

    before, now = placed(2022), placed(2023)
    view = data.view(ViewFilter(area=AREA, edition=2023, changed=True)).set_index("id")
    for technology, ring in now.items():
        assert view.loc[technology, "ring"] == ring
        if technology not in before:
            # New, or back after an edition away (then compared with its last time).
            row = view.loc[technology]
            assert row["movement"] == Movement.NEW or bool(row["returned"])
            continue
        expected = (
            Movement.IN
            if rank[ring] < rank[before[technology]]
            else Movement.OUT
            if rank[ring] > rank[before[technology]]
            else Movement.SAME
        )
        assert view.loc[technology, "movement"] == expected
        assert view.loc[technology, "visible"] == (expected in CHANGES)
    assert view["visible"].sum() == 10


def test_the_combined_history_places_every_assessed_technology_once_per_edition(
    data: RadarData, con: duckdb.DuckDBPyConnection
) -> None:
    counts = data.area_history(COMBINED_AREA).groupby("edition").size()
    expected = store.query_frame(
        con, "SELECT edition, count(DISTINCT technology) AS n FROM assessments GROUP BY edition"
    ).set_index("edition")["n"]
    assert counts.to_dict() == expected.to_dict()
    assert counts.to_dict() == {2021: 93, 2022: 102, 2023: 103, 2024: 108, 2025: 110}


def test_details_come_from_the_snapshot(data: RadarData, con: duckdb.DuckDBPyConnection) -> None:
    details = data.technology_details("aula", 2024)
    assert details is not None
    assert [(p.area, p.ring) for p in details.placements] == [("dagtilbud-og-skole", "klar")]
    assert details.combined is not None and details.combined.ring == "klar"
    assert details.cases == store.load_cases(con, "aula")
    assert data.technology_details("no-such-technology", 2024) is None


def test_a_technology_s_history_covers_every_area_it_is_assessed_in(
    data: RadarData, con: duckdb.DuckDBPyConnection
) -> None:
    rows = data.technology_history("aula")
    areas = store.query_frame(
        con, "SELECT DISTINCT area FROM assessments WHERE technology = 'aula'"
    )
    assert set(rows["area"]) == {*areas["area"], COMBINED_AREA}


def test_an_editor_s_snapshot_has_the_draft_and_a_viewer_s_does_not(
    seeded_db: Path, tmp_path: Path
) -> None:
    from radar import editing

    db = tmp_path / "radar.duckdb"
    shutil.copy(seeded_db, db)
    writer = duckdb.connect(str(db))
    writer.execute("UPDATE editions SET status = 'draft' WHERE year = 2025")
    writer.close()
    con = store.connect(db)
    try:
        viewer = store.load_radar_data(con)
        editor = store.load_radar_data(con, include_drafts=True)
        assert 2025 not in viewer.catalog.years and 2025 in editor.catalog.years
        assert viewer.default_edition == 2024 and editor.default_edition == 2025
        assert 2025 not in set(viewer.assessments["edition"])
        draft = editor.view(ViewFilter(area=AREA, edition=2025))
        expected = editing.draft_view(con, 2025, AREA)
        assert draft["id"].tolist() == expected["id"].tolist()
        assert draft["movement"].tolist() == expected["movement"].tolist()
        pd.testing.assert_frame_equal(draft[["x", "y"]], expected[["x", "y"]])
    finally:
        con.close()


def test_the_pipeline_reads_no_database() -> None:
    code = (
        "import sys, radar.pipeline.radar_data, radar.pipeline.overview, "
        "radar.pipeline.timeline, radar.pipeline.presenter; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'duckdb', 'streamlit'} "
        "or m.startswith('radar.store') or m.startswith('radar.ui')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert done.stdout.strip() == "[]"
