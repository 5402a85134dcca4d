"""AppTest: the edit pages (``/rediger``, ``/udgaver``) and the technology page's change log.

Every test that edits runs the dashboard on its own copy of the database with
an editor password set: the session's shared database is open read-only, and
DuckDB will not open one file both ways in a process. The test reads what the
app wrote through a connection of its own, opened after the app's (in one
process both share one database instance).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from signed_in import PASSWORD, TEST_BROWSER, editing_on, with_browser_cookie
from streamlit.testing.v1 import AppTest

from radar import editing, signins, store
from radar.auth import PASSWORD_HASH_ENV_VAR, SignIn, User
from radar.i18n import t
from radar.model import Catalog
from radar.ui.components import editing_keys as ui
from radar.ui.components.text import plain

Reader = Callable[[], duckdb.DuckDBPyConnection]
EDITOR = "Mette Hansen"
EDIT = "pages/edit.py"
EDITIONS = "pages/editions.py"
TECHNOLOGY = "pages/technology.py"


@pytest.fixture
def db(writable_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app on its own copy of the database, with editing turned on."""
    path = writable_db
    monkeypatch.setenv(store.DB_ENV_VAR, str(path))
    editing_on(monkeypatch)
    # The browser's cookie from the web layer, which the sign-in is bound to.
    with_browser_cookie(monkeypatch)
    return path


@pytest.fixture
def reader(db: Path) -> Iterator[Reader]:
    """Open a connection to the app's database, once the app has opened it."""
    opened: list[duckdb.DuckDBPyConnection] = []

    def open_() -> duckdb.DuckDBPyConnection:
        if not opened:
            opened.append(duckdb.connect(str(db)))
        return opened[0]

    yield open_
    for connection in opened:
        connection.close()


def open_page(page: str, **params: str) -> AppTest:
    """A new browser session opening ``page`` with ``params`` in the URL."""
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.query_params.update(params)
    # AppTest reaches a page of a navigation app only after a first run, on the
    # radar page, which drops what it does not know (a draft's year) from the
    # URL; a link opens the page itself, with the whole URL.
    at.run()
    at.query_params.update(params)
    return at.switch_page(page).run()


def open_as_viewer(page: str, **params: str) -> AppTest:
    """:func:`open_page` from another browser: its cookie names no sign-in."""
    from radar.ui import auth

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "_browser_id", lambda: "a-viewers-browser")
        return open_page(page, **params)


def sign_in(at: AppTest, name: str = EDITOR) -> AppTest:
    """Fill the sign-in form the refused page shows."""
    inputs = {ti.label: ti for ti in at.text_input}
    inputs[t("auth.name")].input(name)
    inputs[t("auth.password")].input(PASSWORD)
    next(b for b in at.button if b.label == t("auth.sign_in")).click()
    return at.run()


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [s.value for s in at.success]
    parts += [e.value for e in at.error] + [w.value for w in at.warning]
    return "\n".join(str(p) for p in parts)


def editing_widgets(at: AppTest) -> list[str]:
    """Keys of the edit pages' own widgets on the page."""
    keys = [
        w.key
        for kind in ("text_input", "text_area", "number_input", "button", "checkbox")
        for w in at.get(kind)
    ]
    return [k for k in keys if k and k.startswith(("ed-", "texts-", "retire-"))]


def change_log(at: AppTest) -> pd.DataFrame:
    """The change log's table on the technology page."""
    logs = [d for d in at.dataframe if t("editing.log.what") in d.value.columns]
    assert len(logs) == 1, [list(d.value.columns) for d in at.dataframe]
    return logs[0].value


# --- who may edit ---


@pytest.mark.parametrize("page", [EDIT, EDITIONS])
def test_a_viewer_opening_an_edit_page_directly_is_refused(db: Path, page: str) -> None:
    at = open_page(page, tech="aula")
    assert not at.exception
    assert [w.value for w in at.warning] == [t("auth.editors_only")]
    # The sign-in form, and nothing to edit.
    assert {ti.label for ti in at.text_input} == {t("auth.name"), t("auth.password")}
    assert editing_widgets(at) == []
    assert not at.tabs and not at.dataframe and not at.get("plotly_chart")


def test_without_an_editor_password_the_page_says_how_to_turn_editing_on(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSWORD_HASH_ENV_VAR)
    at = open_page(EDIT)
    assert not at.exception
    assert t("auth.off") in [i.value for i in at.info]
    how = "\n".join(c.value for c in at.code)
    assert PASSWORD_HASH_ENV_VAR in at.info[0].value and "password_hash" in how
    assert not at.text_input and editing_widgets(at) == []


# --- editing a technology ---


def test_an_editor_changes_a_summary_and_the_change_log_shows_it(db: Path, reader: Reader) -> None:
    at = sign_in(open_page(EDIT, tech="aula"))
    assert_clean(at)
    summary = at.text_input(key=ui.text_key("aula", "summary_da"))
    old = summary.value
    summary.input("Fælles platform for skole, dagtilbud og forældre.")
    at.text_input(key="texts-aula-reason").input("Kortere og klarere")
    at.button(key="texts-aula-save").click().run()
    assert_clean(at)
    assert plain(t("editing.saved")) in [s.value for s in at.success]
    con = reader()
    assert store.load_technologies(con)["aula"].summary_da == (
        "Fælles platform for skole, dagtilbud og forældre."
    )

    # The editor's own view of the technology page: with the editor's name.
    at.switch_page(TECHNOLOGY).run()
    assert_clean(at)
    log = change_log(at)
    newest = log.iloc[0]
    assert newest[t("editing.log.field")] == editing.field_label("summary_da", "da")
    assert (newest[t("editing.log.old")], newest[t("editing.log.new")]) == (
        old,
        "Fælles platform for skole, dagtilbud og forældre.",
    )
    assert newest[t("editing.log.reason")] == "Kortere og klarere"
    # A password sign-in: the typed name, marked as not proven by an account.
    assert newest[t("editing.log.editor")] == f"{EDITOR} (adgangskode)"

    # A viewer sees the change and why, but not who made it.
    viewer = open_as_viewer(TECHNOLOGY, tech="aula")
    assert_clean(viewer)
    seen = change_log(viewer)
    assert t("editing.log.editor") not in seen.columns
    assert seen.iloc[0][t("editing.log.new")] == (
        "Fælles platform for skole, dagtilbud og forældre."
    )
    assert not seen.apply(lambda column: column.astype(str).str.contains(EDITOR)).any().any()


def test_the_change_log_says_when_there_is_nothing_to_show(db: Path) -> None:
    at = open_page(TECHNOLOGY, tech="aula")
    assert_clean(at)
    assert t("editing.log.empty") in [c.value for c in at.caption]
    assert all(t("editing.log.what") not in d.value.columns for d in at.dataframe)


def test_a_save_without_a_reason_is_refused_and_nothing_changes(db: Path, reader: Reader) -> None:
    at = sign_in(open_page(EDIT, tech="aula"))
    at.text_input(key=ui.text_key("aula", "name_en")).input("Something else")
    at.button(key="texts-aula-save").click().run()
    assert not at.exception
    message = plain(editing.EditError("reason", "required").message("da"))
    assert message in [e.value for e in at.error]
    con = reader()
    assert store.load_technologies(con)["aula"].name_en != "Something else"
    assert con.execute("SELECT count(*) FROM audit_log").fetchone() == (0,)
    # What the editor typed is still there, to save with a reason.
    assert at.text_input(key=ui.text_key("aula", "name_en")).value == "Something else"


def test_a_conflict_shows_both_versions_and_keeps_the_other_save(db: Path, reader: Reader) -> None:
    at = sign_in(open_page(EDIT, tech="aula"))
    assert_clean(at)
    # Someone else saves while this editor has the form open.
    con = reader()
    loaded = editing.load_technology(con, "aula")
    assert loaded is not None
    editing.edit_technology(
        con,
        "aula",
        {"summary_da": "Ole nåede det først."},
        expected=loaded,
        editor="Ole Jensen",
        reason="Samtidig",
    )

    at.text_input(key=ui.text_key("aula", "summary_da")).input("Mette kom bagefter.")
    at.text_input(key="texts-aula-reason").input("Min rettelse")
    at.button(key="texts-aula-save").click().run()

    assert not at.exception
    assert t("editing.conflict") in [e.value for e in at.error]
    table = at.dataframe[0].value
    row = table[table[t("editing.conflict.field")] == editing.field_label("summary_da", "da")]
    assert row[t("editing.conflict.theirs")].tolist() == ["Ole nåede det først."]
    assert row[t("editing.conflict.yours")].tolist() == ["Mette kom bagefter."]
    assert store.load_technologies(con)["aula"].summary_da == "Ole nåede det først."
    assert set(con.execute("SELECT editor FROM audit_log").fetchall()) == {("Ole Jensen",)}

    at.button(key="texts-aula-reload").click().run()
    assert_clean(at)
    assert at.text_input(key=ui.text_key("aula", "summary_da")).value == "Ole nåede det først."
    assert not at.dataframe or t("editing.conflict.field") not in at.dataframe[0].value.columns


def test_the_assessment_form_shows_the_ring_the_scores_give_before_saving(
    db: Path, reader: Reader, catalog: Catalog
) -> None:
    at = sign_in(open_page(EDIT, tech="aula"))
    con = reader()
    edition = int(at.selectbox(key="edition").value)
    area = at.selectbox(key=ui.ASSESS_AREA).value
    stored = editing.load_assessment(con, edition, area, "aula")
    assert stored is not None and stored.maturity_trl is not None
    prefix = ui.assessment_prefix("aula", edition, area)

    def preview(at: AppTest) -> list[str]:
        return [i.value for i in at.info if i.value.startswith(plain("Tallene giver"))]

    computed, _ = editing.preview_ring(asdict(stored), catalog.rings)
    assert preview(at) == [plain(t("editing.assess.preview", ring=catalog.ring(computed).name_da))]

    scores = {
        "maturity_trl": 2,
        "share_operation": 0,
        "share_pilot": 5,
        "share_considering": 15,
        "share_not_considering": 80,
    }
    for name, value in scores.items():
        at.number_input(key=f"{prefix}-{name}").set_value(value).run()
    low, _ = editing.preview_ring(scores, catalog.rings)
    assert low != computed
    assert preview(at) == [plain(t("editing.assess.preview", ring=catalog.ring(low).name_da))]
    # Nothing is saved until the editor saves.
    assert editing.load_assessment(con, edition, area, "aula") == stored

    at.text_input(key=f"{prefix}-reason").input("Ny måling")
    at.button(key=f"{prefix}-save").click().run()
    assert_clean(at)
    saved = editing.load_assessment(con, edition, area, "aula")
    assert saved is not None
    assert {name: getattr(saved, name) for name in scores} == scores


def test_the_shares_must_add_up_before_the_form_saves(db: Path, reader: Reader) -> None:
    at = sign_in(open_page(EDIT, tech="aula"))
    edition = int(at.selectbox(key="edition").value)
    area = at.selectbox(key=ui.ASSESS_AREA).value
    prefix = ui.assessment_prefix("aula", edition, area)
    share = at.number_input(key=f"{prefix}-share_pilot")
    total = sum(int(at.number_input(key=f"{prefix}-{n}").value) for n in editing.SCORE_COLUMNS[1:])
    share.set_value(int(share.value) + 7).run()
    assert plain(t("editing.assess.sum", total=total + 7)) in [w.value for w in at.warning]
    at.text_input(key=f"{prefix}-reason").input("Forsøg")
    at.button(key=f"{prefix}-save").click().run()
    assert any(t("editing.field.shares") in e.value for e in at.error)
    assert reader().execute("SELECT count(*) FROM audit_log").fetchone() == (0,)


def test_an_editor_adds_a_technology_and_goes_on_editing_it(db: Path, reader: Reader) -> None:
    at = sign_in(open_page(EDIT, tech=ui.NEW_TECH))
    assert_clean(at)
    at.text_input(key="ed-new-name_da").input("Droner til broinspektion")
    at.text_input(key="ed-new-summary_da").input("Droner fotograferer broerne.")
    at.selectbox(key="ed-new-sector").set_value("DATA")
    at.text_input(key="ed-new-reason").input("Set i Vejle")
    at.button(key="ed-new-save").click().run()
    assert_clean(at)
    new_id = "droner-til-broinspektion"
    assert at.query_params["tech"] == new_id
    assert at.selectbox(key="tech").value == new_id
    assert at.text_input(key=ui.text_key(new_id, "name_da")).value == "Droner til broinspektion"
    assert any("Droner til broinspektion" in s.value for s in at.success)
    assert store.load_technologies(reader(), include_drafts=True)[new_id].sector == "DATA"


# --- editions ---


@pytest.mark.slow
def test_the_editions_page_starts_a_draft_and_publishes_it(db: Path, reader: Reader) -> None:
    at = sign_in(open_page(EDITIONS))
    assert_clean(at)
    con = reader()
    latest = store.latest_assessed_edition(con)
    assert latest is not None
    year = latest + 1
    start = f"ed-start-{year}"
    at.text_input(key=f"{start}-reason").input("Arbejdet med næste udgave begynder")
    at.button(key=f"{start}-save").click().run()
    assert_clean(at)
    assert plain(t("editing.start.done", year=year)) in [s.value for s in at.success]
    editions = at.dataframe[0].value
    row = editions[editions[t("editing.editions.column.year")] == str(year)]
    assert row[t("editing.editions.column.status")].tolist() == [t("editing.status.draft")]
    # Editors preview the draft's radar; viewers do not see the edition at all.
    assert len(at.get("plotly_chart")) == 1
    assert year not in store.load_catalog(con).years
    viewer = open_as_viewer("pages/radar.py")
    assert str(year) not in viewer.selectbox(key="edition").options

    publish = f"ed-draft-{year}-publish"
    at.text_input(key=f"{publish}-reason").input("Godkendt")
    at.button(key=f"{publish}-save").click().run()
    # Not without the confirmation.
    assert plain(t("editing.confirm_missing")) in [e.value for e in at.error]
    assert year not in store.load_catalog(con).years
    at.checkbox(key=f"{publish}-confirm").check()
    at.button(key=f"{publish}-save").click().run()
    assert_clean(at)
    assert plain(t("editing.draft.published", year=year)) in [s.value for s in at.success]
    editions = at.dataframe[0].value
    row = editions[editions[t("editing.editions.column.year")] == str(year)]
    assert row[t("editing.editions.column.status")].tolist() == [t("editing.status.published")]
    assert year in store.load_catalog(con).years
    assert str(year) in open_as_viewer("pages/radar.py").selectbox(key="edition").options


def test_a_draft_can_be_discarded(db: Path, reader: Reader) -> None:
    at = sign_in(open_page(EDITIONS))
    con = reader()
    year = editing.next_edition_year(con)
    at.text_input(key=f"ed-start-{year}-reason").input("Prøve")
    at.button(key=f"ed-start-{year}-save").click().run()
    discard = f"ed-draft-{year}-discard"
    at.text_input(key=f"{discard}-reason").input("Startet ved en fejl")
    at.checkbox(key=f"{discard}-confirm").check()
    at.button(key=f"{discard}-save").click().run()
    assert_clean(at)
    assert plain(t("editing.draft.discarded", year=year)) in [s.value for s in at.success]
    assert editing.load_edition(con, year) is None
    assert not at.get("plotly_chart")
    # The form to start it again is back.
    assert at.button(key=f"ed-start-{year}-save")


def test_a_drafts_assessment_is_edited_and_its_change_stays_with_the_editors(
    db: Path, reader: Reader
) -> None:
    # The draft exists before the app opens the database.
    con = store.connect(db, read_only=False, build_if_missing=False)
    draft = editing.start_draft(
        con, editing.next_edition_year(con), editor="Ole Jensen", reason="Næste år"
    )
    con.close()

    at = sign_in(open_page(EDIT, tech="aula", edition=str(draft.year)))
    assert_clean(at)
    assert at.selectbox(key="edition").value == draft.year
    assert t("editing.assess.draft", year=draft.year) in at.selectbox(key="edition").options
    area = at.selectbox(key=ui.ASSESS_AREA).value
    prefix = ui.assessment_prefix("aula", draft.year, area)
    trl = at.number_input(key=f"{prefix}-maturity_trl")
    new_trl = 8 if trl.value != 8 else 7
    trl.set_value(new_trl).run()
    at.text_input(key=f"{prefix}-reason").input("Kun i kladden")
    at.button(key=f"{prefix}-save").click().run()
    assert_clean(at)
    saved = editing.load_assessment(reader(), draft.year, area, "aula")
    assert saved is not None and saved.maturity_trl == new_trl

    at.switch_page(TECHNOLOGY).run()
    mine = change_log(at)
    row = mine[mine[t("editing.log.reason")] == "Kun i kladden"]
    assert len(row) == 1
    assert t("editing.entity.draft", edition=draft.year) in row[t("editing.log.what")].iloc[0]
    # A viewer's change log has nothing from the draft.
    viewer = open_as_viewer(TECHNOLOGY, tech="aula")
    assert_clean(viewer)
    assert t("editing.log.empty") in [c.value for c in viewer.caption]


def test_the_edit_page_speaks_english(db: Path) -> None:
    at = sign_in_english(open_page(EDIT, tech="aula", lang="en"))
    assert_clean(at)
    assert [h.value for h in at.header] == ["Edit the radar"]
    assert [tab.label for tab in at.tabs] == [
        "Texts and category",
        "Assessments",
        "Examples",
        "Retirement",
    ]
    assert at.text_input(key=ui.text_key("aula", "summary_en")).label == (
        "One-line description (English)"
    )


def sign_in_english(at: AppTest) -> AppTest:
    inputs = {ti.label: ti for ti in at.text_input}
    inputs[t("auth.name", "en")].input(EDITOR)
    inputs[t("auth.password", "en")].input(PASSWORD)
    next(b for b in at.button if b.label == t("auth.sign_in", "en")).click()
    return at.run()


def test_an_editor_retires_a_technology_and_brings_it_back(db: Path, reader: Reader) -> None:
    at = sign_in(open_page(EDIT, tech="aula"))
    name = store.load_technologies(reader())["aula"].name_da
    at.text_input(key="retire-aula-reason").input("Afløst")
    at.button(key="retire-aula-save").click().run()
    assert_clean(at)
    assert plain(t("editing.retire.done")) in [s.value for s in at.success]
    assert store.load_technologies(reader())["aula"].retired
    assert t("editing.pick.retired", name=name) in at.selectbox(key="tech").options
    assert t("editing.retired_badge") in [c.value for c in at.caption]
    # The button now brings it back.
    assert at.button(key="retire-aula-save").label == t("editing.unretire.button")
    at.text_input(key="retire-aula-reason").input("I brug igen")
    at.button(key="retire-aula-save").click().run()
    assert_clean(at)
    assert not store.load_technologies(reader())["aula"].retired


def test_an_editor_adds_an_example_case(db: Path, reader: Reader) -> None:
    at = sign_in(open_page(EDIT, tech="aula"))
    before = {c.id for c in store.load_cases(reader(), "aula")}
    new = "ed-case-new-aula"
    at.text_input(key=f"{new}-municipality").input("Vejle")
    at.text_input(key=f"{new}-title_da").input("Beskeder på forældrenes sprog")
    at.text_area(key=f"{new}-text_da").input("Vejle oversætter beskeder i AULA.")
    at.text_input(key=f"{new}-source_url").input("https://www.vejle.dk")
    at.text_input(key=f"{new}-reason").input("Nyt eksempel fra Vejle")
    at.button(key=f"{new}-save").click().run()
    assert_clean(at)
    assert plain(t("editing.cases.added")) in [s.value for s in at.success]
    [added] = [c for c in store.load_cases(reader(), "aula") if c.id not in before]
    assert (added.municipality, added.source_url) == ("Vejle", "https://www.vejle.dk")
    # It is listed for editing, and the form is empty for the next one.
    assert any("Beskeder på forældrenes sprog" in e.label for e in at.expander)
    assert at.text_input(key=f"{new}-title_da").value == ""


def test_an_editor_saves_texts_then_retires_without_a_false_conflict(
    db: Path, reader: Reader
) -> None:
    at = sign_in(open_page(EDIT, tech="aula"))
    at.text_input(key=ui.text_key("aula", "summary_da")).input("Ny kort beskrivelse.")
    at.text_input(key="texts-aula-reason").input("Kortere")
    at.button(key="texts-aula-save").click().run()
    assert_clean(at)
    # The same editor, the same record, another tab of the page: not a conflict.
    at.text_input(key="retire-aula-reason").input("Afløst")
    at.button(key="retire-aula-save").click().run()
    assert_clean(at)
    assert plain(t("editing.retire.done")) in [s.value for s in at.success]
    assert store.load_technologies(reader())["aula"].retired


def test_a_form_drawn_for_one_editor_saves_nothing_after_another_signs_in_here(
    db: Path, reader: Reader
) -> None:
    # The form's save carries the editor of the run that drew it; a second
    # person signing in on the same browser must not save under the first's name.
    at = sign_in(open_page(EDIT, tech="aula"))
    assert_clean(at)
    before = store.load_technologies(reader())["aula"].summary_da
    signins.SIGN_INS.sign_in(TEST_BROWSER, User(name="Anden", via=SignIn.PASSWORD))
    at.text_input(key=ui.text_key("aula", "summary_da")).input("Under en andens navn")
    at.text_input(key="texts-aula-reason").input("Forsøg")
    at.button(key="texts-aula-save").click().run()
    assert plain(t("editing.saved")) not in [s.value for s in at.success]
    assert plain(t("auth.signed_out")) in [e.value for e in at.error]
    assert store.load_technologies(reader())["aula"].summary_da == before
