"""AppTest: the import page previews every change, writes only on confirm, and refuses bad files."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from signed_in import PASSWORD, editing_on, with_browser_cookie
from streamlit.testing.v1 import AppTest

from radar import importing, store
from radar.i18n import t
from radar.ui.components.text import plain

IMPORT = "pages/import_data.py"
AREA = "teknik-og-miljoe"
GOOD = (
    "area,technology,sector,name_da,name_en,summary_da,maturity_trl,share_operation,share_pilot,"
    "share_considering,share_not_considering,ring,ring_reason\n"
    f"{AREA},droner-til-inspektion,DATA,Droner til inspektion,Drones,Droner ser på broer,"
    "7,40,30,20,10,,\n"
    f"{AREA},digital-tvilling,DATA,Digital tvilling,Digital twin,En model af byen,,,,,,KLAR,"
    "Fra workshop\n"
)
BAD = GOOD.replace(",KLAR,", ",INDERST,").replace("7,40,30,20,10", "12,40,30,20,10")


@pytest.fixture
def db(writable_db: Path) -> Path:
    return writable_db


def _open(db: Path, monkeypatch: pytest.MonkeyPatch, *, editor: bool) -> AppTest:
    monkeypatch.setenv(store.DB_ENV_VAR, str(db))
    editing_on(monkeypatch)
    with_browser_cookie(monkeypatch)
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.switch_page(IMPORT)
    at.run()
    if editor:
        at.text_input[0].input("Mette Redaktør")
        at.text_input[1].input(PASSWORD)
        at.button[0].click()
        at.run()
    return at


def _count(db: Path, sql: str) -> int:
    # The app holds the file for writing; read through the same process's database instance.
    con = duckdb.connect(str(db))
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def _button(at: AppTest, key: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == t(key, "da"))


def test_a_viewer_is_refused_by_direct_address(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(db, monkeypatch, editor=False)
    assert not at.exception
    assert t("auth.editors_only", "da") in [w.value for w in at.warning]
    assert not at.get("file_uploader")


def test_an_editor_previews_then_imports_and_a_second_import_changes_nothing(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(db, monkeypatch, editor=True)
    assert_clean(at)
    at.get("file_uploader")[0].set_value(("ny-radar.csv", GOOD.encode(), "text/csv"))
    at.number_input(key="import_edition").set_value(2031)
    at.selectbox(key="import_area").set_value(AREA)
    at.run()
    _button(at, "importpage.preview").click()
    at.run()
    assert_clean(at)
    preview = " ".join(x.value for x in at.text)
    assert "Ny udgave 2031" in preview
    assert "2 tilføjet" in preview
    # Nothing is written by the preview.
    assert _count(db, "SELECT count(*) FROM editions WHERE year = 2031") == 0
    at.text_input(key="import_reason").input("Årets workshop")
    _button(at, "importpage.confirm").click()
    at.run()
    assert_clean(at)
    # The file name is shown as plain text (escaped for Markdown).
    assert any(f"{plain('ny-radar.csv')} er importeret" in s.value for s in at.success)
    assert _count(db, "SELECT count(*) FROM assessments WHERE edition = 2031") == 2
    assert _count(db, "SELECT count(*) FROM editions WHERE year = 2031 AND status = 'draft'") == 1
    logged = _count(
        db,
        "SELECT count(*) FROM audit_log "
        "WHERE editor = 'Mette Redaktør (adgangskode)' AND reason LIKE '%workshop%'",
    )
    assert logged >= 2
    # The same file again: the preview says there is nothing to change.
    _button(at, "importpage.preview").click()
    at.run()
    assert any(t("import.nothing", "da") in s.value for s in at.success)


def test_a_bad_file_lists_every_problem_with_row_and_column_and_writes_nothing(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(db, monkeypatch, editor=True)
    before = _count(db, "SELECT count(*) FROM assessments")
    at.get("file_uploader")[0].set_value(("forkert.csv", BAD.encode(), "text/csv"))
    at.number_input(key="import_edition").set_value(2031)
    at.run()
    _button(at, "importpage.preview").click()
    at.run()
    assert not at.exception
    assert at.error and "Intet er skrevet" in at.error[0].value
    # The problems table is the page's last table (the format help has the first).
    problems = at.dataframe[-1].value
    where = set(zip(problems.iloc[:, 1], problems.iloc[:, 2], strict=True))
    assert (2, "maturity_trl") in where
    assert (3, "ring") in where
    assert _count(db, "SELECT count(*) FROM assessments") == before
    assert _count(db, "SELECT count(*) FROM editions WHERE year = 2031") == 0


def test_the_page_defaults_to_next_year_and_warns_before_replacing_a_published_radar(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(db, monkeypatch, editor=True)
    newest = _count(db, "SELECT max(year) FROM editions")
    assert at.number_input(key="import_edition").value == newest + 1
    assert not at.warning
    at.number_input(key="import_edition").set_value(newest)
    at.run()
    assert [w.value for w in at.warning] == [t("importpage.into_published", "da", edition=newest)]
    assert at.checkbox(key="import_draft").disabled


DUTCH = (
    "name,ring,quadrant,isNew,description\n"
    "Datamesh,Explore,Technieken,TRUE,Een idee.\n"
    "Kafka,Monitor,Technieken,FALSE,Berichten.\n"
    "Postgres,Adopt,Platformen,FALSE,Een database.\n"
    "Lakehouse,Explore,Platformen,TRUE,Nog een idee.\n"
)


def test_the_mapping_step_names_each_foreign_name_once_and_previews_again_with_the_choices(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(db, monkeypatch, editor=True)
    at.get("file_uploader")[0].set_value(("kadaster.csv", DUTCH.encode(), "text/csv"))
    at.number_input(key="import_edition").set_value(2031)
    at.selectbox(key="import_area").set_value(AREA)
    at.run()
    _button(at, "importpage.preview").click()
    at.run()
    assert not at.exception
    # Refused: Explore and Monitor are no rings here, each said once.
    assert at.error and len(at.dataframe[-1].value) == 2
    explore = _choice(at, "Ringen «Explore»")
    assert explore.label == t("importpage.map.ring", "da", name="Explore", count=2)
    assert _choice(at, "Ringen «Monitor» (brugt 1 ")
    # The two quadrants are new here, with their rows; one of them is one of ours.
    assert _choice(at, "Kategorien «Technieken» (brugt 2 ").value == ""
    assert _choice(at, "Kategorien «Platformen» (brugt 2 ")
    explore.set_value("afproev")
    _choice(at, "Ringen «Monitor»").set_value("hold-oeje")
    _choice(at, "Kategorien «Platformen»").set_value("INFRA")
    next(b for b in at.button if b.label == t("importpage.map.apply", "da")).click()
    at.run()
    assert_clean(at)
    assert not at.error
    preview = " ".join(x.value for x in at.text)
    assert "4 tilføjet" in preview
    assert _count(db, "SELECT count(*) FROM editions WHERE year = 2031") == 0
    _button(at, "importpage.confirm").click()
    at.run()
    assert_clean(at)
    rings = dict(
        duckdb.connect(str(db))
        .execute("SELECT technology, ring_override FROM assessments WHERE edition = 2031")
        .fetchall()
    )
    assert rings == {
        "datamesh": "afproev",
        "kafka": "hold-oeje",
        "postgres": "klar",
        "lakehouse": "afproev",
    }
    sectors = dict(
        duckdb.connect(str(db))
        .execute("SELECT id, sector FROM technologies WHERE id IN ('postgres', 'kafka')")
        .fetchall()
    )
    assert sectors == {"postgres": "INFRA", "kafka": "technieken"}


def _choice(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    """The mapping step's selectbox whose label starts with ``label``."""
    return next(s for s in at.selectbox if s.label.startswith(label))


def test_one_file_s_mapping_choices_are_not_carried_onto_the_next_file(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(db, monkeypatch, editor=True)
    at.get("file_uploader")[0].set_value(("a.csv", DUTCH.encode(), "text/csv"))
    at.number_input(key="import_edition").set_value(2031)
    at.selectbox(key="import_area").set_value(AREA)
    at.run()
    _button(at, "importpage.preview").click()
    at.run()
    _choice(at, "Kategorien «Technieken»").set_value("INFRA")
    at.run()
    # Another file, with other names in the same places.
    other = DUTCH.replace("Technieken", "Gadgets").replace("Platformen", "Diensten")
    at.get("file_uploader")[0].set_value(("b.csv", other.encode(), "text/csv"))
    at.run()
    _button(at, "importpage.preview").click()
    at.run()
    assert not at.exception
    assert _choice(at, "Kategorien «Gadgets»").value == ""
    assert not [s for s in at.selectbox if "Technieken" in s.label]


def test_an_imported_ring_is_explained_in_the_page_s_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The English details said "Ringen er angivet i den importerede fil".
    db = importing.create_empty_database(tmp_path / "own.duckdb")
    con = duckdb.connect(str(db))
    byor = (
        b"name,ring,quadrant,isNew,description\n"
        b"Tryghedsskaerm,Trial,Velfaerd,TRUE,Om den.\nChatbot,Adopt,Borger,FALSE,Svar.\n"
    )
    importing.import_file(con, byor, file_name="x.csv", edition=1, area=AREA, editor="t")
    con.close()
    monkeypatch.setenv(store.DB_ENV_VAR, str(db))
    for lang, stated in (("en", "the ring is stated by the source"), ("da", "angivet af kilden")):
        at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
        at.query_params.update({"area": AREA, "tech": "tryghedsskaerm", "lang": lang})
        at.run()
        assert_clean(at)
        captions = " ".join(c.value for c in at.caption)
        assert stated in captions
        assert "importerede fil" not in captions
