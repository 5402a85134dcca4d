"""A workshop's saved radar beside the official one on the radar page, once an editor
published it; an unpublished or deleted one is offered to no viewer (attack 3)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from apptest_support import assert_clean
from streamlit.testing.v1 import AppTest

from radar import workshop
from radar.model import Catalog
from radar.pipeline.view import local_view

AREA = "teknik-og-miljoe"
EDITION = 2025


@pytest.fixture
def saved(
    wcon: duckdb.DuckDBPyConnection, con: duckdb.DuckDBPyConnection, catalog: Catalog
) -> tuple[workshop.LocalEdition, dict[str, str]]:
    """A workshop of three technologies whose group moved one in and one out; saved, published."""
    techs = workshop.area_technologies(con, AREA, EDITION)[:3]
    ws = workshop.create_workshop(
        wcon, title="Temadag", catalog=catalog, area=AREA, edition=EDITION, technologies=techs
    )
    rings = list(catalog.ring_ids)
    chosen: dict[str, str] = {}
    for tech, step in zip(techs, (0, -1, 1), strict=True):
        index = min(max(rings.index(tech.official_ring) + step, 0), len(rings) - 1)
        chosen[tech.id] = rings[index]
        for _ in ("A", "B"):
            person = workshop.join(wcon, ws.code)
            workshop.submit_answer(wcon, ws.code, person.token, tech.id, chosen[tech.id])
    local = workshop.save_consensus(wcon, ws.id, "Vores radar 2025, Teknik og miljø")
    workshop.publish_local_edition(wcon, local.id, True)
    return local, chosen


def test_a_local_view_shows_how_the_group_differs_from_the_official_radar(
    saved: tuple[workshop.LocalEdition, dict[str, str]],
    wcon: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    technologies: dict,
) -> None:
    local, chosen = saved
    view = local_view(workshop.local_placements(wcon, local.id), catalog, technologies, EDITION)
    assert dict(zip(view["id"], view["ring"], strict=True)) == chosen
    placements = workshop.local_placements(wcon, local.id).set_index("id")
    rank = {r: i for i, r in enumerate(catalog.ring_ids)}
    for row in view.itertuples():
        official = rank[placements.loc[row.id, "official_ring"]]
        expected = "same" if rank[row.ring] == official else "in"
        if rank[row.ring] > official:
            expected = "out"
        assert row.movement == expected
    assert view["shown"].all() and view["visible"].all()
    assert not pd.isna(view[["x", "y"]]).any().any()


def test_the_radar_page_shows_a_saved_workshop_radar_beside_the_official_one(
    app: AppTest, saved: tuple[workshop.LocalEdition, dict[str, str]]
) -> None:
    local, _ = saved
    app.query_params["area"] = AREA
    at = app.run()
    assert_clean(at)
    picker = at.selectbox(key="local")
    assert picker.value is None and len(at.get("plotly_chart")) == 1
    picker.set_value(local.id).run()
    assert_clean(at)
    assert len(at.get("plotly_chart")) == 2
    assert any("Vores radar 2025" in m.value for m in at.markdown)
    assert at.query_params.get("local") in (local.id, [local.id])


def test_a_shared_link_to_a_workshop_radar_opens_it(
    app: AppTest, saved: tuple[workshop.LocalEdition, dict[str, str]]
) -> None:
    local, _ = saved
    app.query_params["area"] = AREA
    app.query_params["local"] = local.id
    at = app.run()
    assert_clean(at)
    assert len(at.get("plotly_chart")) == 2


def test_areas_without_workshop_radars_offer_none(
    app: AppTest, saved: tuple[workshop.LocalEdition, dict[str, str]]
) -> None:
    app.query_params["area"] = "beskaeftigelse"
    at = app.run()
    assert_clean(at)
    assert not [s for s in at.selectbox if s.key == "local"]


def test_the_radar_works_when_the_workshop_store_cannot_be_opened(
    app: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "not-a-database.duckdb"
    broken.write_text("this is not a database")
    monkeypatch.setenv(workshop.WORKSHOP_DB_ENV_VAR, str(broken))
    app.query_params["area"] = AREA
    at = app.run()
    assert_clean(at)
    assert len(at.get("plotly_chart")) == 1


def _offered(at: AppTest) -> list[str]:
    pickers = [s for s in at.selectbox if s.key == "local"]
    return list(pickers[0].options) if pickers else []


def test_an_unpublished_workshop_radar_is_offered_to_no_viewer(
    app: AppTest,
    wcon: duckdb.DuckDBPyConnection,
    saved: tuple[workshop.LocalEdition, dict[str, str]],
) -> None:
    """Attack 3: a "consensus" saved with any title appeared for every viewer at once."""
    local, _ = saved
    workshop.publish_local_edition(wcon, local.id, False)
    app.query_params["area"] = AREA
    app.query_params["local"] = local.id
    at = app.run()
    assert_clean(at)
    assert _offered(at) == [] and len(at.get("plotly_chart")) == 1
    assert not any("Vores radar 2025" in m.value for m in at.markdown)
    workshop.publish_local_edition(wcon, local.id, True)
    assert _offered(app.run()) == ["Vores radar 2025, Teknik og miljø"]


def test_a_deleted_workshop_radar_is_gone_for_viewers(
    app: AppTest,
    wcon: duckdb.DuckDBPyConnection,
    saved: tuple[workshop.LocalEdition, dict[str, str]],
) -> None:
    """Attack 3: a saved local radar could not be deleted."""
    local, _ = saved
    workshop.delete_local_edition(wcon, local.id, actor="editor")
    app.query_params["area"] = AREA
    app.query_params["local"] = local.id
    at = app.run()
    assert_clean(at)
    assert _offered(at) == [] and len(at.get("plotly_chart")) == 1
    assert workshop.table_counts(wcon)["local_placements"] == 0


def test_both_radars_side_by_side_are_the_same_size_with_numbers(
    app: AppTest, saved: tuple[workshop.LocalEdition, dict[str, str]]
) -> None:
    local, chosen = saved
    app.query_params.update({"area": AREA, "local": local.id})
    at = app.run()
    assert_clean(at)
    official, own = (json.loads(chart.proto.spec) for chart in at.get("plotly_chart"))
    assert official["layout"]["height"] == own["layout"]["height"]
    for spec in (official, own):
        numbers = [trace for trace in spec["data"] if trace.get("name") == "numbers"]
        assert numbers and len(numbers[0]["text"]) >= len(chosen)
    # The group's radar has its own text alternative.
    assert "Teknik og miljø" in at.get("plotly_chart")[1].proto.alt
