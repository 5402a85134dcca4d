"""AppTest: the export page (pages/export.py), in Danish and English, making real files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from streamlit.testing.v1 import AppTest

from radar import store
from radar.formats import OWN_COLUMN_NAMES

EXPORT = "pages/export.py"
#: Where the page keeps the file it made: (request, file name, bytes).
MADE = "_export_made"


def _open(at: AppTest, **params: str) -> AppTest:
    """Open the export page first, as a shared link to it does."""
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(EXPORT)
    return at.run()


def _make(at: AppTest, fmt: str) -> AppTest:
    at.radio(key="export_format").set_value(fmt).run()
    assert not at.get("download_button")  # nothing to fetch before the file is made
    return at.button(key="export_make").click().run()


def test_export_page_renders_in_danish_with_what_each_format_is_for(app: AppTest) -> None:
    at = _open(app)
    assert_clean(at)
    assert at.header[0].value == "Eksportér radaren"
    assert at.selectbox(key="area").value == "samlet"
    assert at.selectbox(key="edition").value == 2025
    assert at.selectbox(key="export_lang").value == "da"
    formats = at.radio(key="export_format")
    assert formats.value == "pdf"
    assert len(formats.options) == 8
    assert "PDF-håndout" in formats.options and "BYOR CSV" in formats.options
    uses = " ".join(formats.proto.captions)
    for use in ("møder", "slides", "redigering", "Build Your Own Radar"):
        assert use in uses
    assert at.button(key="export_make").label == "Lav filen"
    assert not at.get("download_button")


def test_export_page_speaks_english(app: AppTest) -> None:
    at = _open(app, lang="en")
    assert_clean(at)
    assert at.header[0].value == "Export the radar"
    assert at.selectbox(key="export_lang").value == "en"
    assert "PDF handout" in at.radio(key="export_format").options
    assert at.button(key="export_make").label == "Make the file"


def test_making_a_csv_offers_it_for_download(app: AppTest, con: duckdb.DuckDBPyConnection) -> None:
    at = _make(_open(app), "csv")
    assert_clean(at)
    button = at.get("download_button")
    assert len(button) == 1
    assert button[0].label == "Hent teknologiradar-2025-alle-omraader.csv"
    _, name, data = at.session_state[MADE]
    assert name == "teknologiradar-2025-alle-omraader.csv"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert tuple(rows[0]) == OWN_COLUMN_NAMES
    stored = store.query_frame(con, "SELECT count(*) AS n FROM assessments WHERE edition = 2025")
    assert len(rows) - 1 == int(stored["n"].iloc[0])


@pytest.mark.slow
def test_making_the_pdf_handout_for_the_area_in_the_link(app: AppTest) -> None:
    at = _open(app, area="beskaeftigelse", edition="2024", lang="en")
    assert at.selectbox(key="area").value == "beskaeftigelse"
    assert at.selectbox(key="edition").value == 2024
    at = _make(at, "pdf")
    assert_clean(at)
    assert at.get("download_button")[0].label == ("Download teknologiradar-2024-beskaeftigelse.pdf")
    _, _, data = at.session_state[MADE]
    assert data.startswith(b"%PDF")


def test_a_changed_choice_hides_the_file_made_before(app: AppTest) -> None:
    at = _make(_open(app), "json")
    assert at.get("download_button")
    at.selectbox(key="area").set_value("administration").run()
    assert_clean(at)
    assert not at.get("download_button")


@pytest.fixture
def draft_db(writable_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeded database with the 2025 edition turned back into a draft."""
    path = writable_db
    con = duckdb.connect(str(path))
    con.execute("UPDATE editions SET status = 'draft' WHERE year = 2025")
    con.close()
    monkeypatch.setenv(store.DB_ENV_VAR, str(path))
    return path


def test_drafts_are_not_offered(draft_db: Path) -> None:
    at = _open(AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT), edition="2025")
    assert_clean(at)
    editions = at.selectbox(key="edition")
    assert 2025 not in editions.options and "2025" not in editions.options
    assert editions.value == 2024


def test_without_chromium_the_picture_formats_say_so(
    app: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    at = _open(app)
    at.radio(key="export_format").set_value("png").run()
    assert not at.exception
    assert any("apt install chromium" in w.value for w in at.warning)
    assert at.button(key="export_make").disabled
    # The formats that need no browser still work.
    at = _make(at, "xlsx")
    assert_clean(at)
    assert at.get("download_button")[0].label.endswith("alle-omraader.xlsx")


def test_the_same_file_can_be_made_again(app: AppTest) -> None:
    at = _make(_open(app), "svg")
    assert at.get("download_button")
    at.button(key="export_make").click().run()
    assert_clean(at)
    assert at.get("download_button")[0].label == "Hent teknologiradar-2025-samlet.svg"
    assert at.session_state[MADE][2].startswith(b"<svg")
