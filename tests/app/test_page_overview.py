"""AppTest: the overview page renders, keeps its filters in the URL and opens a technology."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from radar import store
from radar.model import Catalog
from radar.pipeline.overview import filter_matrix, ring_gaps, ring_matrix
from radar.ui.components.text import plain

OVERVIEW = "pages/overview.py"
MATRIX = "overview_matrix_0"


def _open(at: AppTest) -> AppTest:
    """Run the overview as the first page, as a shared link to it does."""
    at.switch_page(OVERVIEW)
    return at.run()


def _table(at: AppTest, key: str) -> pd.DataFrame:
    return next(d for d in at.dataframe if d.key == key).value


def _shown(at: AppTest, key: str = MATRIX) -> pd.DataFrame:
    """The matrix as the user sees it: ring names in the cells."""
    frame = next(d for d in at.dataframe if d.key == key)
    return dataframe_util.convert_arrow_bytes_to_pandas_df(
        frame.proto.arrow_data.styler.display_values
    )


def _texts(at: AppTest) -> str:
    parts = [c.value for c in at.caption] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def test_renders_in_danish(app: AppTest, entries: pd.DataFrame, catalog: Catalog) -> None:
    at = _open(app)
    assert_clean(at)
    assert at.header[0].value == "Overblik på tværs af fagområder"
    assert at.selectbox(key="edition").value == 2025
    matrix = ring_matrix(entries, 2025, catalog)
    table = _table(at, MATRIX)
    assert len(table) == len(matrix)
    assert list(table.columns) == [
        "Teknologi",
        "Kategori",
        *(a.name_da for a in catalog.areas),
        "Samlet",
    ]
    shown = _shown(at)
    rings = set(shown["Samlet"])
    assert rings <= {"KLAR", "AFPRØV", "HOLD ØJE", "AFVENT"} and "KLAR" in rings
    assert "–" in set(shown["Administration"])  # not on that radar
    assert "ikke KL's officielle" in _texts(at)
    assert len(at.get("plotly_chart")) == 1  # the heatmap
    assert dict(at.query_params) == {}  # the default view keeps the URL clean


def test_renders_in_english(app: AppTest, catalog: Catalog) -> None:
    app.query_params["lang"] = "en"
    at = _open(app)
    assert_clean(at)
    assert at.header[0].value == "Overview across welfare areas"
    table = _table(at, MATRIX)
    assert "Technology" in table.columns and "Combined" in table.columns
    assert "Day care and school" in table.columns
    assert set(_shown(at)["Combined"]) <= {"Ready", "Try", "Watch", "Wait"}
    assert [s.value for s in at.subheader] == [
        "The ring in every welfare area",
        "Largest gaps",
        "Technologies per welfare area and ring",
    ]
    assert len(at.get("plotly_chart")) == 1


def test_a_shared_link_restores_the_filters(
    app: AppTest, entries: pd.DataFrame, catalog: Catalog
) -> None:
    app.query_params.update({"edition": "2023", "sector": "VT", "ring": "klar"})
    at = _open(app)
    assert_clean(at)
    assert at.selectbox(key="edition").value == 2023
    assert at.selectbox(key="sector").value == "VT"
    assert at.selectbox(key="ring").value == "klar"
    expected = filter_matrix(ring_matrix(entries, 2023, catalog), catalog, "VT", "klar")
    table = _table(at, MATRIX)
    assert 0 < len(table) == len(expected)
    assert set(table["Kategori"]) == {catalog.sector("VT").name_da}
    # Every row is KLAR in at least one area.
    areas = [a.name_da for a in catalog.areas]
    assert (_shown(at)[areas] == "KLAR").any(axis=1).all()
    assert "Kun teknologier, der er KLAR i mindst ét fagområde" in _texts(at)
    assert {k: at.query_params[k] for k in ("edition", "sector", "ring")} == {
        "edition": "2023",
        "sector": "VT",
        "ring": "klar",
    }


def test_a_stale_link_falls_back_to_the_default_view(app: AppTest) -> None:
    app.query_params.update({"edition": "1999", "sector": "<b>nope</b>", "ring": "x"})
    at = _open(app)
    assert_clean(at)
    assert at.selectbox(key="edition").value == 2025
    assert at.selectbox(key="sector").value is None
    assert at.selectbox(key="ring").value is None


def test_filters_narrow_the_matrix_and_go_into_the_url(
    app: AppTest, entries: pd.DataFrame, catalog: Catalog
) -> None:
    at = _open(app)
    everything = len(_table(at, MATRIX))
    at.selectbox(key="sector").set_value("DATA").run()
    assert_clean(at)
    matrix = ring_matrix(entries, 2025, catalog)
    assert len(_table(at, MATRIX)) == len(filter_matrix(matrix, catalog, "DATA")) < everything
    assert at.query_params["sector"] == "DATA"
    assert "Kun kategorien Data, sensorer og IoT" in _texts(at)
    at.selectbox(key="ring").set_value("hold-oeje").run()
    expected = filter_matrix(matrix, catalog, "DATA", "hold-oeje")
    assert len(_table(at, MATRIX)) == len(expected)
    assert at.query_params["ring"] == "hold-oeje"
    at.selectbox(key="edition").set_value(2021).run()
    assert at.query_params["edition"] == "2021"
    expected = filter_matrix(ring_matrix(entries, 2021, catalog), catalog, "DATA", "hold-oeje")
    assert len(_table(at, MATRIX)) == len(expected)


def test_a_filter_that_leaves_nothing_says_so(app: AppTest) -> None:
    # The example data has no automation technology waiting in any area.
    app.query_params.update({"sector": "AUT", "ring": "afvent"})
    at = _open(app)
    assert_clean(at)
    assert not any(d.key == MATRIX for d in at.dataframe)
    infos = [i.value for i in at.info]
    assert "Ingen teknologier passer til de valgte filtre." in infos
    assert any("står i forskellige ringe" in i for i in infos)  # no gaps either
    assert len(at.get("plotly_chart")) == 1  # the counts are still shown


def test_the_largest_gaps_come_first(
    app: AppTest, con: duckdb.DuckDBPyConnection, entries: pd.DataFrame, catalog: Catalog
) -> None:
    app.query_params["lang"] = "en"
    at = _open(app)
    assert_clean(at)
    gaps = _table(at, "overview_gaps_0")
    assert 0 < len(gaps) <= 15
    assert gaps["Gap (rings)"].is_monotonic_decreasing and (gaps["Gap (rings)"] > 0).all()
    names = {i: tech.name_en for i, tech in store.load_technologies(con).items()}
    top = ring_gaps(ring_matrix(entries, 2025, catalog), catalog, names).iloc[0]
    assert gaps["Technology"].iloc[0] == names[top["id"]]
    ready = catalog.ring(top["ready_ring"]).name_en
    waiting = catalog.ring(top["waiting_ring"]).name_en
    assert gaps["Most ready"].iloc[0].startswith(f"{ready} in ")
    assert gaps["Least ready"].iloc[0] == f"{waiting} in " + ", ".join(
        catalog.area(a).name_en for a in top["waiting_areas"]
    )


def test_selecting_a_row_opens_the_technology_page(app: AppTest) -> None:
    app.query_params.update({"lang": "en", "edition": "2024"})
    at = _open(app)
    first = _table(at, MATRIX)["Technology"].iloc[0]
    at.session_state[MATRIX] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert_clean(at)
    assert at.query_params["tech"]
    assert at.query_params["lang"] == "en"
    assert at.query_params["edition"] == "2024"
    # (The technology page escapes the name for markdown.)
    assert any(plain(first) in str(h.value) for h in at.header), "no technology page"
    # Back on the overview, nothing is selected, so it does not send the user off again.
    at.switch_page(OVERVIEW).run()
    assert_clean(at)
    assert at.header[0].value == "Overview across welfare areas"
    assert "tech" not in at.query_params


def test_an_edition_without_assessments_is_explained(
    db_with_empty_edition: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(store.DB_ENV_VAR, str(db_with_empty_edition))
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.query_params["edition"] = "2026"
    _open(at)
    assert_clean(at)
    assert at.selectbox(key="edition").value == 2026
    assert [i.value for i in at.info] == ["Udgaven 2026 har ingen vurderinger endnu."]
    assert not at.dataframe and not at.get("plotly_chart")
