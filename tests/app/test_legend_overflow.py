"""AppTest: a crowded cell's "+N" list is the same clickable list, and a click opens details."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from legend_support import click_entry, entries, list_element
from streamlit.testing.v1 import AppTest

from radar import store
from radar.pipeline.view import ViewFilter
from radar.store import load_view
from radar.ui import state
from radar.ui.components.legend import OVERFLOW_PICK

AREA = "teknik-og-miljoe"
CROWD = 200


@pytest.fixture(scope="module")
def crowded_db(copy_seeded_db: Callable[[], Path]) -> Path:
    """The seed radar with 200 more technologies in one cell: more than fit."""
    db = copy_seeded_db()
    con = duckdb.connect(str(db))
    try:
        edition = con.execute("SELECT max(year) FROM editions").fetchone()[0]
        for i in range(CROWD):
            tech = f"trængsel-{i:02d}"
            con.execute(
                "INSERT INTO technologies (id, sector, name_da, name_en, summary_da, "
                "summary_en, description_da, description_en) "
                "VALUES (?, 'AUT', ?, ?, 'x', 'x', 'x', 'x')",
                [tech, f"Trængsel {i:02d}", f"Crowd {i:02d}"],
            )
            con.execute(
                "INSERT INTO assessments VALUES (?, ?, ?, 7, 40, 30, 20, 10, NULL, NULL)",
                [edition, AREA, tech],
            )
    finally:
        con.close()
    return db


def test_the_plus_n_list_lists_the_hidden_blips_and_opens_one(
    crowded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    con = store.connect(crowded_db, read_only=True)
    try:
        view = load_view(con, ViewFilter(area=AREA))
    finally:
        con.close()
    hidden = view[view["visible"] & ~view["shown"]].sort_values("number")
    assert not hidden.empty, "the crowd fits: no +N to test"
    sector, ring = hidden.iloc[0]["sector"], hidden.iloc[0]["ring"]
    in_cell = hidden[(hidden["sector"] == sector) & (hidden["ring"] == ring)]

    monkeypatch.setenv(store.DB_ENV_VAR, str(crowded_db))
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.query_params["area"] = AREA
    at.run()
    assert list_element(at, OVERFLOW_PICK) is None  # closed until a "+N" is clicked
    # What a click on the "+N" marker stores (radar.ui.components.chart).
    at.session_state[state.OVERFLOW_CELL] = (sector, ring)
    at.run()
    assert_clean(at)
    listed = entries(at, OVERFLOW_PICK)
    assert [e["id"] for e in listed] == list(in_cell["id"])
    assert [e["number"] for e in listed] == list(in_cell["number"])
    pick = listed[-1]["id"]
    click_entry(at, pick, OVERFLOW_PICK)
    assert_clean(at)
    assert at.query_params["tech"] == pick
    assert at.subheader, "details heading missing"
    # Picking closed the "+N" list.
    assert list_element(at, OVERFLOW_PICK) is None
