"""AppTest: every page that draws a radar draws an imported radar of one category (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from streamlit.testing.v1 import AppTest

from radar import importing, store
from radar.ui.components.viewport import VIEWPORT_KEY, Viewport

AREA = "administration"
RINGS = ("adopt", "trial", "assess", "hold")
RING_NAMES = {"KLAR", "AFPRØV", "HOLD ØJE", "AFVENT"}


def _byor(edition: int) -> bytes:
    """A Build Your Own Radar CSV of one quadrant; every fifth technology moves a ring."""
    lines = ["name,ring,quadrant,isNew,status,description"]
    for i in range(30):
        ring = RINGS[(i + (edition - 2024) * (i % 5 == 0)) % len(RINGS)]
        lines.append(f"Teknologi {i:02d},{ring},Vores teknologier,FALSE,,Beskrivelse {i}")
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture(scope="module")
def one_category_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("own") / "own.duckdb"
    importing.create_empty_database(path)
    con = duckdb.connect(str(path))
    try:
        for edition in (2024, 2025):
            importing.import_file(
                con, _byor(edition), file_name="radar.csv", edition=edition, area=AREA, editor="t"
            )
    finally:
        con.close()
    return path


@pytest.fixture
def own_app(one_category_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv(store.DB_ENV_VAR, str(one_category_db))
    return AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)


def _radar_layout(at: AppTest) -> dict[str, Any]:
    """The layout of the page's one radar chart, after a clean run."""
    assert_clean(at)
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    radars = [c for c in charts if any(t.get("name") == "blips" for t in c["data"])]
    assert len(radars) == 1
    layout: dict[str, Any] = radars[0]["layout"]
    return layout


def _ring_names(layout: dict[str, Any]) -> set[str]:
    notes = layout.get("annotations", [])
    return {
        n["text"].removeprefix("<b>").removesuffix("</b>")
        for n in notes
        if n.get("name", "").startswith("ring-label:")
    }


@pytest.mark.parametrize(
    ("page", "params"),
    [
        (None, {}),
        (None, {"area": AREA}),
        ("pages/compare.py", {"area": AREA, "edition": "2025"}),
        (None, {"present": "1", "area": AREA, "step": "3"}),
    ],
    ids=["radar", "area", "compare", "presenter"],
)
def test_the_page_draws_the_radar_of_one_category(
    own_app: AppTest, page: str | None, params: dict[str, str]
) -> None:
    own_app.query_params.update(params)
    if params.get("present"):
        own_app.session_state[VIEWPORT_KEY] = Viewport(1920, 1080)
    at = own_app.run()
    if page is not None:
        at = at.switch_page(page).run()
    layout = _radar_layout(at)
    assert _ring_names(layout) == RING_NAMES
    # The one category is the whole disc: no line divides it.
    assert not [s for s in layout["shapes"] if s["type"] == "line"]


def test_the_overview_and_the_technology_page_show_the_one_category(own_app: AppTest) -> None:
    at = own_app.run()
    at.switch_page("pages/overview.py").run()
    assert_clean(at)
    assert len(at.get("plotly_chart")) >= 1
    at.query_params["tech"] = "teknologi-03"
    at.switch_page("pages/technology.py").run()
    assert_clean(at)
    assert at.header[0].value == "Teknologi 03"
    texts = [*at.markdown, *at.caption, *at.subheader, *at.header]
    assert "Vores teknologier" in "\n".join(str(m.value) for m in texts)
