"""AppTest: the technology page (pages/technology.py, URL path ``teknologi``)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs

import duckdb
import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from streamlit.testing.v1 import AppTest

from radar import editing, store
from radar.ui.components.text import plain

PAGE = "pages/technology.py"


def _open(app: AppTest, **params: str) -> AppTest:
    """Open the technology page with ``params`` in the URL, as a shared link does."""
    app.query_params.update(params)
    # AppTest reaches a page of a navigation app only after a first run.
    at = app.run()
    return at.switch_page(PAGE).run()


def _links(at: AppTest) -> list[tuple[str, str, dict[str, list[str]]]]:
    """Every page link as (label, target url path, query parameters)."""
    return [
        (link.value, link.proto.page, parse_qs(link.proto.query_string)) for link in at.page_link
    ]


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [s.value for s in at.subheader] + [t.value for t in at.get("text")]
    return "\n".join(str(p) for p in parts)


def test_the_page_renders_in_danish_without_a_technology(app: AppTest) -> None:
    at = _open(app)
    assert_clean(at)
    assert at.selectbox(key="tech").value is None
    assert at.selectbox(key="tech").label == "Teknologi"
    assert any("Vælg en teknologi" in info.value for info in at.info)
    assert not at.get("plotly_chart")


def test_a_tech_link_shows_that_technology(app: AppTest, con: duckdb.DuckDBPyConnection) -> None:
    at = _open(app, tech="aula")
    assert_clean(at)
    aula = store.load_technologies(con)["aula"]
    assert at.selectbox(key="tech").value == "aula"
    assert at.header[0].value == plain(aula.name_da)
    assert [s.value for s in at.subheader] == [
        "Ring i hvert fagområde, 2025",
        "Ring over tid",
        "Modenhed og udbredelse over tid",
    ]
    assert len(at.get("plotly_chart")) == 2
    assert aula.description_da in _texts(at)
    rings = at.dataframe[0].value
    assert list(rings["Fagområde"]) == [
        "Dagtilbud og skole",
        "Social og sundhed",
        "Beskæftigelse",
        "Teknik og miljø",
        "Administration",
        "Samlet (alle fagområder)",
    ]
    assert rings.loc[0, "Ring"] == "KLAR"
    assert "Eksempler fra kommunerne" in _texts(at)
    assert at.query_params["tech"] == "aula"


def test_the_page_renders_in_english(app: AppTest, con: duckdb.DuckDBPyConnection) -> None:
    at = _open(app, tech="generativ-ai-assistent", lang="en")
    assert_clean(at)
    name = store.load_technologies(con)["generativ-ai-assistent"].name_en
    assert at.header[0].value == plain(name)
    assert at.selectbox(key="tech").label == "Technology"
    assert "Ring over time" in [s.value for s in at.subheader]
    movements = at.dataframe[0].value["Movement"].tolist()
    assert any(m.startswith("Moved in from") for m in movements)
    assert all(label.endswith(("Ready", "Try", "Watch", "Wait")) for label, *_ in _links(at)[1:])


def test_an_unknown_technology_is_explained_with_the_picker(app: AppTest) -> None:
    at = _open(app, tech="[Log ind](https://evil.example)")
    assert_clean(at)
    info = at.info[0].value
    assert "findes ikke i kataloget" in info
    assert "\\[Log ind\\]\\(https\\://evil\\.example\\)" in info  # shown as typed
    assert at.selectbox(key="tech").value is None
    assert not at.get("plotly_chart")


def test_the_back_link_opens_the_radar_with_the_technology_selected(app: AppTest) -> None:
    at = _open(app, tech="aula", area="dagtilbud-og-skole", edition="2023", lang="en")
    assert_clean(at)
    label, target, params = _links(at)[0]
    assert label == "Show on the radar"
    assert target == ""  # the radar is the default page
    assert params == {
        "tech": ["aula"],
        "area": ["dagtilbud-og-skole"],
        "edition": ["2023"],
        "lang": ["en"],
    }
    # Following it: the radar opens the technology's details in that view.
    at.query_params.clear()
    at.query_params.update({k: v[0] for k, v in params.items()})
    at.switch_page("pages/radar.py").run()
    assert_clean(at)
    assert at.selectbox(key="area").value == "dagtilbud-og-skole"
    assert at.selectbox(key="edition").value == 2023
    assert "AULA" in at.subheader[0].value


def test_related_technologies_link_to_their_own_page(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    at = _open(app, tech="generativ-ai-assistent")
    technologies = store.load_technologies(con)
    related = _links(at)[1:]
    assert 0 < len(related) <= 6
    for _, target, params in related:
        assert target == "teknologi"
        (other,) = params["tech"]
        assert other != "generativ-ai-assistent"
        assert technologies[other].sector == technologies["generativ-ai-assistent"].sector
    # Following one: the URL names the technology, even though another is remembered.
    other = related[0][2]["tech"][0]
    at.query_params["tech"] = other
    at.run()
    assert_clean(at)
    assert at.selectbox(key="tech").value == other
    assert at.header[0].value == plain(technologies[other].name_da)


def test_picking_a_technology_updates_the_url_and_the_radar_follows(app: AppTest) -> None:
    at = _open(app, tech="aula")
    at.selectbox(key="tech").set_value("generativ-ai-assistent").run()
    assert_clean(at)
    assert at.query_params["tech"] == "generativ-ai-assistent"
    assert "Generativ AI" in at.header[0].value
    at.selectbox(key="area").set_value("beskaeftigelse").run()
    assert at.query_params["area"] == "beskaeftigelse"
    score_chart = json.loads(at.get("plotly_chart")[1].proto.spec)
    assert score_chart["layout"]["title"]["text"] == "Beskæftigelse"
    at.switch_page("pages/radar.py").run()
    assert_clean(at)
    assert at.selectbox(key="area").value == "beskaeftigelse"
    assert "Generativ AI" in at.subheader[0].value


def test_the_page_opens_after_an_example_case_was_added(
    writable_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The change log names a case as "eksempel <id>": its text took a ``key``
    # placeholder that clashed with the text lookup's own first parameter.
    db = writable_db
    writer = store.connect(db, read_only=False)
    try:
        case = editing.add_case(
            writer,
            {
                "technology": "aula",
                "area": "dagtilbud-og-skole",
                "municipality": "Vejle",
                "year": 2025,
                "title_da": "Forældreintra afløst",
                "text_da": "Alle skoler bruger Aula.",
            },
            editor="Mette",
            reason="nyt eksempel",
        )
    finally:
        writer.close()
    monkeypatch.setenv(store.DB_ENV_VAR, str(db))
    at = _open(AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT), tech="aula")
    assert_clean(at)
    log = next(frame.value for frame in at.dataframe if "Hvad" in frame.value.columns)
    assert f"Tilføjet: eksempel {case.id}" in log["Hvad"].tolist()
