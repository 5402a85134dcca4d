"""AppTest: every page renders, and the filters, URL and selection change what is shown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from legend_support import click_entry, entries, list_data, shown
from streamlit.testing.v1 import AppTest

from radar import store
from radar.pipeline.view import ViewFilter
from radar.store import load_view
from radar.ui.components.text import plain


def _legend_entries(at: AppTest) -> list[str]:
    """The legend's entries as shown: "number. name"."""
    return [shown(entry) for entry in entries(at)]


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [s.value for s in at.subheader] + [t.value for t in at.get("text")]
    return "\n".join(str(p) for p in parts)


def test_radar_page_renders_in_danish_by_default(app: AppTest) -> None:
    at = app.run()
    assert_clean(at)
    assert at.title[0].value == "Teknologiradar"
    assert len(at.get("plotly_chart")) == 1
    assert at.selectbox(key="area").value == "samlet"
    assert "ikke KL's officielle" in _texts(at)
    assert len(_legend_entries(at)) >= 90


def test_about_page_renders(app: AppTest) -> None:
    at = app.run()
    at.switch_page("pages/about.py").run()
    assert_clean(at)
    assert at.header[0].value == "Om teknologiradaren"
    assert "KLAR" in _texts(at) and "AFVENT" in _texts(at)


def test_about_page_renders_in_english(app: AppTest) -> None:
    app.query_params["lang"] = "en"
    at = app.run()
    at.switch_page("pages/about.py").run()
    assert_clean(at)
    assert at.header[0].value == "About the technology radar"


def test_changing_the_area_changes_the_blips(app: AppTest) -> None:
    at = app.run()
    combined = set(_legend_entries(at))
    at.selectbox(key="area").set_value("beskaeftigelse").run()
    assert_clean(at)
    employment = set(_legend_entries(at))
    assert 25 <= len(employment) < len(combined)
    at.selectbox(key="area").set_value("dagtilbud-og-skole").run()
    assert set(_legend_entries(at)) != employment


def test_sector_and_ring_filters_narrow_the_legend(app: AppTest) -> None:
    at = app.run()
    at.selectbox(key="sector").set_value("VT").run()
    assert_clean(at)
    assert {e["sector"] for e in entries(at)} == {"VT"}
    in_sector = len(_legend_entries(at))
    at.selectbox(key="ring").set_value("klar").run()
    assert 0 < len(_legend_entries(at)) < in_sector
    data = list_data(at)
    assert data is not None
    headings = [ring["heading"] for group in data["groups"] for ring in group["rings"]]
    assert len(headings) == 1 and headings[0].startswith("KLAR ")


def test_search_reports_matches(app: AppTest) -> None:
    at = app.run()
    everything = len(_legend_entries(at))
    at.text_input(key="q").input("robot").run()
    assert_clean(at)
    assert "matcher «robot»" in _texts(at)
    assert 0 < len(_legend_entries(at)) < everything


def test_clicking_a_legend_entry_opens_the_details(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    at = app.run()
    view = load_view(con, ViewFilter())
    first = view.iloc[0]
    listed = entries(at)
    assert listed[0]["id"] == first["id"] and shown(listed[0]).startswith("1. ")
    click_entry(at, first["id"])
    assert_clean(at)
    assert at.query_params["tech"] == first["id"]
    assert at.subheader, "details heading missing"
    assert "Ring i hvert fagområde" in _texts(at)
    # The open one is marked (aria-pressed in the browser).
    data = list_data(at)
    assert data is not None and data["selected"] == first["id"]
    at.button(key="close_details").click().run()
    assert "tech" not in at.query_params
    assert "Ring i hvert fagområde" not in _texts(at)


def test_clicking_the_open_entry_again_closes_the_details(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    at = app.run()
    first, second = (e["id"] for e in entries(at)[:2])
    click_entry(at, first)
    click_entry(at, second)
    assert_clean(at)
    assert at.query_params["tech"] == second
    click_entry(at, second)
    assert_clean(at)
    assert "tech" not in at.query_params
    assert "Ring i hvert fagområde" not in _texts(at)
    data = list_data(at)
    assert data is not None and data["selected"] is None


def test_the_legend_groups_each_category_by_ring_with_its_numbers(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    at = app.run()
    data = list_data(at)
    assert data is not None
    view = load_view(con, ViewFilter())
    catalog = store.load_catalog(con)
    ring_names = {r.id: r.label("da") for r in catalog.rings}
    ring_order = [r.id for r in catalog.rings]
    visible = view[view["visible"]]
    assert [g["heading"] for g in data["groups"]] == [
        s.label("da") for s in catalog.sectors if (visible["sector"] == s.id).any()
    ]
    for group in data["groups"]:
        rings = [ring["entries"][0]["ring"] for ring in group["rings"]]
        assert rings == sorted(rings, key=ring_order.index), "rings from the centre out"
        for ring in group["rings"]:
            numbers = [e["number"] for e in ring["entries"]]
            assert {e["ring"] for e in ring["entries"]} == {ring["entries"][0]["ring"]}
            name = ring_names[ring["entries"][0]["ring"]]
            span = str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
            assert ring["heading"] == f"{name} {span}"
            assert numbers == list(range(numbers[0], numbers[-1] + 1))
    # Every blip of the radar is in the list exactly once, under its own category.
    listed = [e for g in data["groups"] for r in g["rings"] for e in r["entries"]]
    assert sorted(e["id"] for e in listed) == sorted(visible["id"])
    sectors = dict(zip(view["id"], view["sector"], strict=True))
    assert all(sectors[e["id"]] == e["sector"] for e in listed)


def test_a_legend_entry_tells_a_screen_reader_its_ring_and_movement(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    app.query_params.update({"area": "social-og-sundhed", "edition": "2023"})
    at = app.run()
    rings = {r.id: r.label("da") for r in store.load_catalog(con).rings}
    listed = entries(at)
    moved_in = next(e for e in listed if e["mark"] == "▲")
    assert moved_in["label"] == (
        f"{moved_in['number']}. {moved_in['name']}, {rings[moved_in['ring']]}, rykket ind"
    )
    same = next(e for e in listed if not e["mark"])
    assert same["label"] == f"{same['number']}. {same['name']}, {rings[same['ring']]}"


def test_a_shared_link_restores_the_view_in_english(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    tech = store.query_frame(
        con,
        "SELECT technology FROM cases WHERE area = 'beskaeftigelse' ORDER BY id LIMIT 1",
    )["technology"][0]
    name_en = store.load_technologies(con)[tech].name_en
    app.query_params.update({"area": "beskaeftigelse", "tech": tech, "lang": "en"})
    at = app.run()
    assert_clean(at)
    assert at.selectbox(key="area").value == "beskaeftigelse"
    assert at.title[0].value == "Technology radar"
    assert plain(name_en) in at.subheader[0].value  # as escaped for st.markdown
    texts = _texts(at)
    assert "Ring in each welfare area" in texts
    assert "Examples from municipalities" in texts


def test_an_older_edition_and_the_table_view_from_the_url(app: AppTest) -> None:
    app.query_params.update({"edition": "2021", "view": "table", "area": "administration"})
    at = app.run()
    assert_clean(at)
    assert at.selectbox(key="edition").value == 2021
    assert not at.get("plotly_chart")
    table = at.dataframe[0].value
    assert len(table) == len(_legend_entries(at)) >= 25
    assert "Teknologi" in table.columns


def test_an_unknown_technology_in_the_url_is_explained_as_plain_text(app: AppTest) -> None:
    app.query_params["tech"] = "[Log ind](https://evil.example) :red[ADVARSEL]"
    at = app.run()
    assert not at.exception
    warning = at.warning[0].value
    assert "\\[Log ind\\]\\(https\\://evil\\.example\\) \\:red\\[ADVARSEL\\]" in warning


def test_filters_and_language_go_into_the_url(app: AppTest) -> None:
    at = app.run()
    assert dict(at.query_params) == {}  # the default view keeps the URL clean
    # The header's toggle first: AppTest lists the entry point's elements only
    # after the first run of a navigation app.
    at.segmented_control(key="lang").set_value("en").run()
    at.selectbox(key="sector").set_value("DATA").run()
    at.text_input(key="q").input("sensor").run()
    at.segmented_control(key="view").set_value("table").run()
    assert_clean(at)
    # (The header's lang parameter is checked in the browser tests: AppTest
    # does not carry the entry point's URL changes over reruns.)
    assert {k: at.query_params[k] for k in ("sector", "q", "view")} == {
        "sector": "DATA",
        "q": "sensor",
        "view": "table",
    }
    assert at.selectbox(key="area").label == "Welfare area"
    at.selectbox(key="sector").set_value(None).run()
    assert "sector" not in at.query_params


def test_language_and_filters_survive_a_visit_to_another_page(app: AppTest) -> None:
    app.query_params.update({"lang": "en", "area": "beskaeftigelse"})
    at = app.run()
    at.switch_page("pages/about.py").run()
    assert_clean(at)
    assert at.header[0].value == "About the technology radar"
    assert at.query_params["lang"] == "en"
    at.switch_page("pages/radar.py").run()
    assert at.selectbox(key="area").value == "beskaeftigelse"
    assert at.query_params["area"] == "beskaeftigelse"
    assert at.selectbox(key="area").label == "Welfare area"


def test_stored_text_is_never_markup(
    seed_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = seed_copy
    techs = (seed / "technologies.csv").read_text(encoding="utf-8").splitlines()
    evil = '"**Fed** [Log ind](https://evil.example) :red[RØD] $x$"'
    fields = techs[1].split(",")
    tech_id = fields[0]
    techs[1] = ",".join([tech_id, fields[1], evil, evil, *fields[4:]])
    (seed / "technologies.csv").write_text("\n".join(techs) + "\n", encoding="utf-8")
    db = tmp_path / "evil.duckdb"
    store.build_database(db, data_dir=seed)
    monkeypatch.setenv(store.DB_ENV_VAR, str(db))
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.query_params.update({"tech": tech_id, "area": "samlet"})
    at.run()
    assert_clean(at)
    escaped = "\\*\\*Fed\\*\\* \\[Log ind\\]\\(https\\://evil\\.example\\) \\:red\\[RØD\\] \\$x\\$"
    assert escaped in at.subheader[0].value
    # The list gets the name as typed; the browser inserts it as text (see
    # tests/browser/test_browser_legend.py), so nothing needs escaping here.
    names = [e["name"] for e in entries(at)]
    assert evil.strip('"') in names


def test_an_edition_without_assessments_is_not_the_default(
    db_with_empty_edition: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(store.DB_ENV_VAR, str(db_with_empty_edition))
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()
    assert_clean(at)
    assert at.selectbox(key="edition").value == 2025
    assert (
        2026 in at.selectbox(key="edition").options or "2026" in at.selectbox(key="edition").options
    )
    assert len(_legend_entries(at)) >= 90


# --- the radar page's layout: search that jumps, categories, reading guide, text alternatives


def _chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_a_search_that_finds_one_technology_opens_it_once(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    view = load_view(con, ViewFilter())
    technologies = store.load_technologies(con)
    names = [technologies[i].name_da for i in view["id"]]
    # A name no other technology's name or description contains.
    target = next(
        (i, n)
        for i, n in zip(view["id"], names, strict=True)
        if sum(
            n.lower() in (m + " " + technologies[j].description_da).lower()
            for j, m in zip(view["id"], names, strict=True)
        )
        == 1
    )
    at = app.run()
    at.text_input(key="q").input(target[1]).run()
    assert_clean(at)
    assert at.query_params["tech"] == target[0]
    assert plain(target[1]) in at.subheader[0].value
    # Closed, it stays closed while the search is the same.
    at.button(key="close_details").click().run()
    assert "tech" not in at.query_params
    at.selectbox(key="ring").set_value(None).run()
    assert "tech" not in at.query_params
    # A search with several matches opens nothing.
    at.text_input(key="q").input("robot").run()
    assert "tech" not in at.query_params


def test_a_category_pill_shows_that_category_alone_and_the_way_back_shows_all(
    app: AppTest,
) -> None:
    at = app.run()
    everything = len(_legend_entries(at))
    at.pills(key="radar_page_category").set_value("DATA").run()
    assert_clean(at)
    assert at.selectbox(key="sector").value == "DATA"
    assert at.query_params["sector"] == "DATA"
    # The list shows that category's group alone.
    data = list_data(at)
    assert data is not None and len(data["groups"]) == 1
    assert 0 < len(_legend_entries(at)) < everything
    at.button(key="radar_page_all_categories").click().run()
    assert at.selectbox(key="sector").value is None
    assert "sector" not in at.query_params
    assert len(_legend_entries(at)) == everything
    # The category filter and the pills are one choice.
    at.selectbox(key="sector").set_value("VT").run()
    assert at.pills(key="radar_page_category").value == "VT"


def test_the_radar_links_to_its_table_and_has_a_text_alternative(app: AppTest) -> None:
    at = app.run()
    chart = at.get("plotly_chart")[0].proto
    assert "110 teknologier" in chart.alt
    # A count per ring and per category, adding up to the whole radar.
    counts = [int(n) for n in re.findall(r"(?:KLAR|AFPRØV|HOLD ØJE|AFVENT) (\d+)", chart.alt)]
    assert len(counts) == 4 and sum(counts) == 110
    assert "Data, sensorer og IoT" in chart.alt
    at.button(key="radar_page_table_link").click().run()
    assert_clean(at)
    assert not at.get("plotly_chart")
    assert at.query_params["view"] == "table"
    assert len(at.dataframe[0].value) == len(_legend_entries(at))


def test_the_reading_guide_explains_every_ring_next_to_the_radar(app: AppTest) -> None:
    at = app.run()
    guide = at.expander[0]
    assert guide.label == "Sådan læser du radaren"
    text = "\n".join(m.value for m in guide.markdown)
    for ring in ("KLAR", "AFPRØV", "HOLD ØJE", "AFVENT"):
        assert f"**{ring}**" in text
    assert "TRL" in text and "★" in text


def test_the_radar_is_drawn_for_the_window(app: AppTest) -> None:
    at = app.run()
    # The first run guesses a 1920 x 1080 desktop: the radar takes the height
    # under the filter row, not a fixed 700 px.
    (spec,) = _chart_specs(at)
    assert 800 <= spec["layout"]["height"] <= 1080 - 150


def test_the_about_page_offers_an_iframe_of_the_radar_alone(app: AppTest) -> None:
    at = app.run()
    at.switch_page("pages/about.py").run()
    assert_clean(at)
    snippet = at.code[0].value
    assert snippet.startswith("<iframe ") and "embed=true" in snippet
    assert 'title="Teknologiradar"' in snippet
    assert "RADAR_FRAME_ANCESTORS" in _texts(at)
