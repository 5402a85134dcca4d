"""Comments held for approval: pending by default, approved or hidden by the facilitator.

The rules of :mod:`radar.workshop.moderation` through the core, the phone page,
the report, the Excel workbook and the command line, against a fresh workshop
database; the facilitator's page and the projector are tests/app/test_page_workshop.py.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from radar import web, workshop
from radar.auth import Role, SignIn, User
from radar.cli import main
from radar.model import Catalog
from radar.store import workshops as stored
from radar.web.settings import WebSettings
from radar.workshop import (
    CommentReviewError,
    CommentStatus,
    WorkshopNotFoundError,
    WorkshopTechnology,
)

AREA = "teknik-og-miljoe"
EDITION = 2025
OWNER = User("Fie Facilitator", SignIn.PASSWORD, Role.FACILITATOR)
OTHER = User("Ole Facilitator", SignIn.PASSWORD, Role.FACILITATOR)
EDITOR = User("Eva Editor", SignIn.PASSWORD, Role.EDITOR)
TECHNOLOGIES = (
    WorkshopTechnology("alfa", "AUT", "Alfa", "Alpha", "klar"),
    WorkshopTechnology("beta", "DATA", "Beta", "Beta", "afvent"),
)
#: The workshop database's schema as the previous version (3) made its files.
V3_SCHEMA = Path(__file__).parent / "data" / "workshops_v3_schema.sql"
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SCRIPT = "<script>alert(1)</script>"
LINK = '=HYPERLINK("http://x","klik")'


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """The workshops' clock, movable: ``clock[0] = ...``."""
    moment = [NOW]
    monkeypatch.setattr(workshop.clock, "now", lambda: moment[0])
    return moment


def _create(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, **changes: object
) -> workshop.Workshop:
    details: dict[str, object] = {
        "title": "Temadag",
        "catalog": catalog,
        "area": AREA,
        "edition": EDITION,
        "technologies": TECHNOLOGIES,
        "created_by": OWNER,
        "moderated": True,
    }
    details.update(changes)
    return workshop.create_workshop(wcon, **details)  # type: ignore[arg-type]


def _answer(
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    token: str,
    technology: str = "alfa",
    **texts: str,
) -> None:
    workshop.submit_answer(wcon, ws.code, token, technology, "klar", answers=texts)


def _queue(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> list[tuple[str, str, CommentStatus]]:
    """The facilitator's queue as (text, question, status), in its order."""
    return [
        (c.text, c.question, c.status) for c in workshop.comments_for_review(wcon, ws.id, OWNER)
    ]


def _shown(wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop) -> list[str]:
    """What the projector's wall and the report may show."""
    return [c.text for c in workshop.shown_comments(workshop.results(wcon, ws.id))]


def _find(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, text: str
) -> workshop.CommentForReview:
    return next(c for c in workshop.comments_for_review(wcon, ws.id, OWNER) if c.text == text)


# --- pending, approved, hidden --------------------------------------------------------


def test_a_comment_is_pending_until_the_facilitator_approves_or_hides_it(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, catalog)
    assert ws.moderated
    anna = workshop.join(wcon, ws.code)
    _answer(wcon, ws, anna.token, core="Mere tid til borgerne", work="Færre køreture")
    assert _queue(wcon, ws) == [
        ("Mere tid til borgerne", "core", CommentStatus.PENDING),
        ("Færre køreture", "work", CommentStatus.PENDING),
    ]
    res = workshop.results(wcon, ws.id)
    assert [c.status for c in res.comments] == [CommentStatus.PENDING] * 2
    assert workshop.pending_count(res) == 2
    # Moderated: nothing on the wall until approved.
    assert _shown(wcon, ws) == []

    approved = workshop.approve_comment(wcon, _find(wcon, ws, "Færre køreture"), OWNER)
    assert approved.status is CommentStatus.APPROVED and approved.reviewed_at is not None
    workshop.hide_comment(wcon, _find(wcon, ws, "Mere tid til borgerne"), OWNER)
    assert _shown(wcon, ws) == ["Færre køreture"]
    assert workshop.pending_count(workshop.results(wcon, ws.id)) == 0
    assert _queue(wcon, ws) == [
        ("Mere tid til borgerne", "core", CommentStatus.HIDDEN),
        ("Færre køreture", "work", CommentStatus.APPROVED),
    ]
    # Undone both ways: the hidden one approved, the approved one hidden.
    workshop.approve_comment(wcon, _find(wcon, ws, "Mere tid til borgerne"), OWNER)
    workshop.hide_comment(wcon, _find(wcon, ws, "Færre køreture"), OWNER)
    assert _shown(wcon, ws) == ["Mere tid til borgerne"]
    # One verdict per comment, however often it changes.
    assert workshop.table_counts(wcon)["comment_reviews"] == 2


def test_the_queue_lists_the_pending_first_and_the_oldest_first(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, clock: list[datetime]
) -> None:
    ws = _create(wcon, catalog)
    first, second, third = (workshop.join(wcon, ws.code) for _ in range(3))
    _answer(wcon, ws, first.token, "beta", core="Først")
    clock[0] = NOW + timedelta(minutes=1)
    _answer(wcon, ws, second.token, "alfa", core="Anden", involvement="Anden igen")
    clock[0] = NOW + timedelta(minutes=2)
    _answer(wcon, ws, third.token, "alfa", core="Tredje")
    workshop.approve_comment(wcon, _find(wcon, ws, "Først"), OWNER)
    assert [text for text, _, _ in _queue(wcon, ws)] == ["Anden", "Anden igen", "Tredje", "Først"]


def test_a_changed_text_is_pending_again_and_an_unchanged_one_keeps_its_verdict(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, catalog)
    anna = workshop.join(wcon, ws.code)
    _answer(wcon, ws, anna.token, core="Godt", work="Skidt", skills="Kurser")
    for text in ("Godt", "Skidt", "Kurser"):
        workshop.approve_comment(wcon, _find(wcon, ws, text), OWNER)
    assert sorted(_shown(wcon, ws)) == ["Godt", "Kurser", "Skidt"]
    # Answering again: one text the same, one changed, one left out.
    _answer(wcon, ws, anna.token, core="Godt", work="Skidt <b>nu</b> med link")
    assert _queue(wcon, ws) == [
        ("Skidt <b>nu</b> med link", "work", CommentStatus.PENDING),
        ("Godt", "core", CommentStatus.APPROVED),
    ]
    assert _shown(wcon, ws) == ["Godt"]
    # The verdicts on the changed and the removed texts are gone, not only outvoted.
    kept = wcon.cursor().execute("SELECT question, status FROM comment_reviews").fetchall()
    assert kept == [("core", "approved")]
    # Written back as it was approved: still pending, it is a new text to read.
    _answer(wcon, ws, anna.token, core="Godt", skills="Kurser")
    assert ("Kurser", "skills", CommentStatus.PENDING) in _queue(wcon, ws)
    # Another participant's answer about the same technology touches nobody else's verdict.
    bo = workshop.join(wcon, ws.code)
    _answer(wcon, ws, bo.token, core="Godt")
    assert ("Godt", "core", CommentStatus.APPROVED) in _queue(wcon, ws)


def test_approving_words_that_changed_since_they_were_read_is_refused(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, catalog)
    anna = workshop.join(wcon, ws.code)
    _answer(wcon, ws, anna.token, core="Pæn tekst")
    read = _find(wcon, ws, "Pæn tekst")
    _answer(wcon, ws, anna.token, core="Grim tekst")
    with pytest.raises(CommentReviewError) as caught:
        workshop.approve_comment(wcon, read, OWNER)
    assert caught.value.key == "workshop.error.comment_changed"
    assert workshop.table_counts(wcon)["comment_reviews"] == 0
    assert _shown(wcon, ws) == []
    # Hiding takes whatever stands now: it shows nothing unread.
    workshop.hide_comment(wcon, read, OWNER)
    assert _queue(wcon, ws) == [("Grim tekst", "core", CommentStatus.HIDDEN)]
    # A comment the participant removed cannot be decided.
    _answer(wcon, ws, anna.token)
    with pytest.raises(CommentReviewError) as gone:
        workshop.approve_comment(wcon, read, OWNER)
    assert gone.value.key == "workshop.error.comment_gone"
    assert "fjernet" in gone.value.message("da")
    assert workshop.comments_for_review(wcon, ws.id, OWNER) == ()


def test_a_verdict_counts_only_for_the_words_it_was_given_to(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    """An approval and a new text written at the same moment, neither seeing the other."""
    ws = _create(wcon, catalog)
    anna = workshop.join(wcon, ws.code)
    _answer(wcon, ws, anna.token, core="Pæn tekst")
    workshop.approve_comment(wcon, _find(wcon, ws, "Pæn tekst"), OWNER)
    # The new text lands without the store's reset, as a crossing write would leave it.
    wcon.cursor().execute("UPDATE answers SET answer_core = 'Grim tekst'")
    assert workshop.table_counts(wcon)["comment_reviews"] == 1
    assert _shown(wcon, ws) == []
    assert _queue(wcon, ws) == [("Grim tekst", "core", CommentStatus.PENDING)]


def test_unmoderated_the_wall_shows_every_comment_but_the_hidden_ones(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, catalog, moderated=False)
    assert not ws.moderated
    anna = workshop.join(wcon, ws.code)
    _answer(wcon, ws, anna.token, core="Fin", work="Stødende")
    assert _shown(wcon, ws) == ["Fin", "Stødende"]
    workshop.hide_comment(wcon, _find(wcon, ws, "Stødende"), OWNER)
    assert _shown(wcon, ws) == ["Fin"]
    # Turned on, only the approved ones; turned off again, the verdicts still hold.
    assert workshop.set_moderated(wcon, ws.id, True, OWNER).moderated
    assert _shown(wcon, ws) == []
    workshop.approve_comment(wcon, _find(wcon, ws, "Fin"), OWNER)
    assert _shown(wcon, ws) == ["Fin"]
    assert not workshop.set_moderated(wcon, ws.id, False, OWNER).moderated
    assert _shown(wcon, ws) == ["Fin"]
    assert workshop.find_projector(wcon, ws.projector_key).moderated is False


def test_a_closed_workshop_is_still_moderated(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    """The report is often made after closing: the facilitator still decides then."""
    ws = _create(wcon, catalog)
    anna = workshop.join(wcon, ws.code)
    _answer(wcon, ws, anna.token, core="Sent godkendt")
    workshop.close_workshop(wcon, ws.id)
    workshop.approve_comment(wcon, _find(wcon, ws, "Sent godkendt"), OWNER)
    assert _shown(wcon, ws) == ["Sent godkendt"]
    assert not workshop.set_moderated(wcon, ws.id, False, OWNER).is_open()


def test_only_who_may_run_the_workshop_reads_the_queue_or_decides(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, catalog)
    anna = workshop.join(wcon, ws.code)
    _answer(wcon, ws, anna.token, core="Min mening")
    comment = _find(wcon, ws, "Min mening")
    for stranger in (OTHER, None):
        # Someone else's workshop looks like no workshop, as on the facilitator's page.
        with pytest.raises(WorkshopNotFoundError):
            workshop.comments_for_review(wcon, ws.id, stranger)
        with pytest.raises(WorkshopNotFoundError):
            workshop.approve_comment(wcon, comment, stranger)
        with pytest.raises(WorkshopNotFoundError):
            workshop.hide_comment(wcon, comment, stranger)
        with pytest.raises(WorkshopNotFoundError):
            workshop.set_moderated(wcon, ws.id, False, stranger)
    assert workshop.table_counts(wcon)["comment_reviews"] == 0
    assert workshop.get_workshop(wcon, ws.id).moderated
    # An editor runs every workshop.
    workshop.approve_comment(wcon, comment, EDITOR)
    assert _shown(wcon, ws) == ["Min mening"]


# --- deleting and the migration ----------------------------------------------------------


def test_deleting_or_purging_a_workshop_deletes_its_verdicts(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, clock: list[datetime]
) -> None:
    gone, purged, kept = (_create(wcon, catalog, title=title) for title in ("A", "B", "C"))
    for ws in (gone, purged, kept):
        person = workshop.join(wcon, ws.code)
        _answer(wcon, ws, person.token, core=f"Om {ws.title}")
        workshop.approve_comment(wcon, _find(wcon, ws, f"Om {ws.title}"), OWNER)
    assert workshop.table_counts(wcon)["comment_reviews"] == 3
    workshop.delete_workshop(wcon, gone.id, actor="facilitator")
    assert workshop.table_counts(wcon)["comment_reviews"] == 2
    workshop.close_workshop(wcon, purged.id)
    clock[0] = NOW + timedelta(days=10)
    workshop.close_workshop(wcon, kept.id)
    clock[0] = NOW + timedelta(days=95)
    assert [d.workshop_id for d in workshop.purge(wcon, 90)] == [purged.id]
    reviews = wcon.cursor().execute("SELECT workshop_id FROM comment_reviews").fetchall()
    assert reviews == [(kept.id,)]


def test_a_file_of_the_previous_schema_keeps_its_workshops_unmoderated(
    tmp_path: Path, catalog: Catalog
) -> None:
    """Migrated workshops show their comments as before; the verdicts start empty."""
    path = tmp_path / "workshops.duckdb"
    old = duckdb.connect(str(path))
    old.execute(V3_SCHEMA.read_text("utf-8"))
    old.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    created = datetime(2026, 1, 5, 9, 0)
    old.execute(
        "INSERT INTO workshops VALUES (?, 'ABCDEFGHJK', 'Temadag', ?, 'Teknik', 'Technical', "
        "2025, ?, NULL, NULL, ?, 'Fie Facilitator', 'password', false)",
        ["a" * 32, AREA, created, "b" * 32],
    )
    old.execute("INSERT INTO workshop_rings VALUES (?, 'klar', 1, 'KLAR', 'READY')", ["a" * 32])
    old.execute(
        "INSERT INTO workshop_technologies VALUES (?, 'droner', 1, 'Droner', 'Drones', 'AUT', "
        "'klar')",
        ["a" * 32],
    )
    old.execute("INSERT INTO participants VALUES ('p1', ?, NULL, ?)", ["a" * 32, created])
    old.execute(
        "INSERT INTO answers VALUES (?, 'p1', 'droner', 'klar', NULL, 'Som før', NULL, NULL, "
        "NULL, ?)",
        ["a" * 32, created],
    )
    old.close()
    wcon = workshop.connect_workshops(path)
    try:
        version = wcon.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        assert version == [(workshop.WORKSHOP_SCHEMA_VERSION,)]
        assert "004_comment_moderation" in [s.name for s in stored.WORKSHOP_STEPS]
        migrated = workshop.get_workshop(wcon, "a" * 32)
        # Everything kept, the hidden results too; not moderated: its wall shows what it did.
        assert (migrated.title, migrated.results_visible, migrated.moderated) == (
            "Temadag",
            False,
            False,
        )
        res = workshop.results(wcon, migrated.id)
        assert [(c.text, c.status) for c in res.comments] == [("Som før", CommentStatus.PENDING)]
        assert [c.text for c in workshop.shown_comments(res)] == ["Som før"]
        assert workshop.table_counts(wcon)["comment_reviews"] == 0
        # The migrated file takes verdicts and moderated workshops.
        owner = User("Fie Facilitator", SignIn.PASSWORD, Role.FACILITATOR)
        [comment] = workshop.comments_for_review(wcon, migrated.id, owner)
        workshop.hide_comment(wcon, comment, owner)
        assert workshop.shown_comments(workshop.results(wcon, migrated.id)) == ()
        assert _create(wcon, catalog).moderated
    finally:
        wcon.close()


def test_the_store_and_the_model_name_the_same_four_questions() -> None:
    # The store checks a verdict's question against its own list; the model asks these.
    assert stored.QUESTION_IDS == workshop.QUESTION_IDS


# --- the report and the workbook ------------------------------------------------------------


@pytest.fixture
def hostile(wcon: duckdb.DuckDBPyConnection, catalog: Catalog) -> workshop.WorkshopResults:
    """A moderated workshop: a script and a formula approved, one pending, one hidden."""
    ws = _create(wcon, catalog)
    anna, bo = workshop.join(wcon, ws.code), workshop.join(wcon, ws.code)
    _answer(wcon, ws, anna.token, core=SCRIPT, work=LINK)
    _answer(wcon, ws, bo.token, "beta", core="Venter stadig", work="Skjult tekst")
    for text in (SCRIPT, LINK):
        workshop.approve_comment(wcon, _find(wcon, ws, text), OWNER)
    workshop.hide_comment(wcon, _find(wcon, ws, "Skjult tekst"), OWNER)
    return workshop.results(wcon, ws.id)


def test_the_report_holds_the_approved_comments_as_text_and_says_how_many_wait(
    hostile: workshop.WorkshopResults,
) -> None:
    page = workshop.report_html(hostile, "da")
    assert SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "=HYPERLINK(&#34;http://x&#34;,&#34;klik&#34;)" in page
    # Never a pending or a hidden one; the reader is told one still waited.
    assert "Venter stadig" not in page and "Skjult tekst" not in page
    assert "1 ventede stadig på godkendelse" in page
    english = workshop.report_html(hostile, "en")
    assert "1 were still waiting for approval" in english


def test_the_workbook_holds_the_approved_comments_as_text_never_as_formulas(
    hostile: workshop.WorkshopResults,
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workshop.export_xlsx(hostile)))
    formulas = [
        f"{sheet.title}!{c.coordinate}"
        for sheet in book
        for row in sheet.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert formulas == []
    comments = list(book["Kommentarer"].iter_rows(min_row=2, values_only=True))
    assert [r[3] for r in comments] == [SCRIPT, LINK]
    about = dict(book["Workshop"].iter_rows(values_only=True))
    assert about["Kommentarer godkendt før visning"] == "Ja"
    assert about["Kommentarer, der ventede på godkendelse"] == "1"
    # The CSV of the comments holds the same two, the formula after an apostrophe.
    frame = pd.read_csv(
        io.BytesIO(workshop.export_csv(hostile, part="comments")), sep=";", encoding="utf-8-sig"
    )
    assert list(frame["Kommentar"]) == [SCRIPT, "'" + LINK]


def test_an_unmoderated_report_holds_all_but_the_hidden_comments(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, catalog, moderated=False)
    anna = workshop.join(wcon, ws.code)
    _answer(wcon, ws, anna.token, core="Ikke godkendt, men vist", work="Skjult tekst")
    workshop.hide_comment(wcon, _find(wcon, ws, "Skjult tekst"), OWNER)
    page = workshop.report_html(workshop.results(wcon, ws.id), "da")
    assert "Ikke godkendt, men vist" in page and "Skjult tekst" not in page
    assert "ventede stadig" not in page
    about = dict(
        openpyxl.load_workbook(io.BytesIO(workshop.export_xlsx(workshop.results(wcon, ws.id))))[
            "Workshop"
        ].iter_rows(values_only=True)
    )
    assert about["Kommentarer godkendt før visning"] == "Nej"
    assert "Kommentarer, der ventede på godkendelse" not in about
    # Every comment hidden: the report says none is included, not that nobody wrote one.
    workshop.hide_comment(wcon, _find(wcon, ws, "Ikke godkendt, men vist"), OWNER)
    page = workshop.report_html(workshop.results(wcon, ws.id), "da")
    assert "Ingen kommentarer er med i rapporten." in page
    assert "Ingen skrev kommentarer." not in page


# --- the phone page and the command line ------------------------------------------------------


@pytest.fixture
def phone() -> Iterator[TestClient]:
    """A phone's browser on the app's own routes and middleware."""
    settings = WebSettings(allowed_hosts=("radar.test",))
    app = Starlette(routes=web.routes(settings), middleware=web.middleware(settings))
    with TestClient(app, base_url="http://radar.test", follow_redirects=False) as client:
        yield client


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("da", "Facilitatoren godkender kommentarer, før de vises for alle."),
        ("en", "The facilitator approves comments before everyone sees them."),
    ],
)
def test_the_phone_page_says_that_comments_are_approved_first(
    phone: TestClient,
    wcon: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    lang: str,
    line: str,
) -> None:
    moderated = _create(wcon, catalog)
    unmoderated = _create(wcon, catalog, moderated=False)
    for ws in (moderated, unmoderated):
        assert phone.post("/deltag", data={"code": ws.code, "lang": lang}).status_code == 303
    suffix = "" if lang == "da" else "&lang=en"
    page = phone.get(f"/deltag?code={moderated.code}{suffix}").text
    # One line, in the folded part with the questions, before the first of them.
    folded = page[page.index("<details") : page.index("</details>")]
    assert folded.count(line) == 1
    assert folded.index(line) < folded.index('name="core"')
    assert line not in phone.get(f"/deltag?code={unmoderated.code}{suffix}").text


def test_the_command_line_creates_moderated_workshops_unless_told_not_to(
    seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    wdb = tmp_path / "workshops.duckdb"
    common = ["workshop", "create", "--area", AREA, "--db", str(seeded_db), "--workshop-db"]
    assert main([*common, str(wdb), "--title", "Varsom"]) == 0
    careful = capsys.readouterr().out
    assert "Comments: shown once approved" in careful
    assert main([*common, str(wdb), "--title", "Åben", "--unmoderated"]) == 0
    assert "Comments: shown at once" in capsys.readouterr().out
    wcon = workshop.connect_workshops(wdb)
    try:
        moderated = {w.title: w.moderated for w in workshop.list_workshops(wcon)}
        code = re.search(r"^Code: (\S+)$", careful, re.MULTILINE)
        assert code is not None
        ws = workshop.find_workshop(wcon, code.group(1))
        person = workshop.join(wcon, ws.code)
        _answer(wcon, ws, person.token, ws.technology_ids[0], core="Venter")
    finally:
        wcon.close()
    assert moderated == {"Varsom": True, "Åben": False}
    # Its export holds no pending comment.
    out = tmp_path / "kommentarer.csv"
    args = ["workshop", "export", code.group(1), "--out", str(out), "--part", "comments"]
    assert main([*args, "--workshop-db", str(wdb)]) == 0
    assert "0 comments" in capsys.readouterr().out
    assert list(pd.read_csv(out, sep=";", encoding="utf-8-sig")["Kommentar"]) == []
