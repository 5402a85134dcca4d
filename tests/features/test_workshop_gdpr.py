"""Workshop personal data as GDPR asks (attack 8), the join cap (attack 3) and the migration.

Attack 8: names, comments, workshops and local radars were kept for ever; there
was no deletion in the app or on the command line and no retention period.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from radar import workshop
from radar.auth import Role, SignIn, User
from radar.cli import main
from radar.model import Catalog
from radar.store.workshops import WORKSHOP_STEPS
from radar.workshop import limits

AREA = "teknik-og-miljoe"
EDITION = 2025
V1_SCHEMA = Path(__file__).parent / "data" / "workshops_v1_schema.sql"
OWNER = User(name="Fie Facilitator", via=SignIn.PASSWORD, role=Role.FACILITATOR)
FIRST_CODE = workshop.CODE_ALPHABET[:10]
SECOND_CODE = workshop.CODE_ALPHABET[1:11]
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """The workshops' clock, movable: ``clock[0] = ...``."""
    moment = [NOW]
    monkeypatch.setattr(workshop.clock, "now", lambda: moment[0])
    return moment


def _create(
    wcon: duckdb.DuckDBPyConnection, con: duckdb.DuckDBPyConnection, catalog: Catalog, title: str
) -> workshop.Workshop:
    return workshop.create_workshop(
        wcon,
        title=title,
        catalog=catalog,
        area=AREA,
        edition=EDITION,
        technologies=workshop.area_technologies(con, AREA, EDITION)[:2],
        created_by=OWNER,
    )


def _answer(wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, text: str) -> None:
    """One participant answers, rates the technology and gives it points."""
    person = workshop.join(wcon, ws.code)
    workshop.submit_answer(
        wcon,
        ws.code,
        person.token,
        ws.technology_ids[0],
        "klar",
        answers={"core": text},
        ratings={"benefit": 4, "citizens": 2},
    )
    workshop.set_voting_open(wcon, ws.id, True)
    workshop.submit_votes(wcon, ws.code, person.token, {ws.technology_ids[0]: 3})


def _rows_of(wcon: duckdb.DuckDBPyConnection, workshop_id: str) -> int:
    cur = wcon.cursor()
    total = 0
    for table in (
        "workshop_rings",
        "workshop_technologies",
        "participants",
        "answers",
        "comment_reviews",
        "votes",
        "ratings",
    ):
        total += cur.execute(
            f"SELECT count(*) FROM {table} WHERE workshop_id = ?", [workshop_id]
        ).fetchall()[0][0]
    total += cur.execute("SELECT count(*) FROM workshops WHERE id = ?", [workshop_id]).fetchall()[
        0
    ][0]
    return int(total)


# --- deleting ---------------------------------------------------------------------------


def test_deleting_a_workshop_removes_everything_in_it_and_logs_no_personal_data(
    wcon: duckdb.DuckDBPyConnection,
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    caplog: pytest.LogCaptureFixture,
) -> None:
    gone = _create(wcon, con, catalog, "Jens' temadag")
    kept = _create(wcon, con, catalog, "Anden dag")
    _answer(wcon, gone, "Min kollega Jens synes ...")
    _answer(wcon, kept, "Bliver")
    # The facilitator's verdicts on the comments go with them.
    for ws in (gone, kept):
        [comment] = workshop.comments_for_review(wcon, ws.id, OWNER)
        workshop.approve_comment(wcon, comment, OWNER)
    local = workshop.save_consensus(wcon, gone.id, "Vores radar")
    workshop.publish_local_edition(wcon, local.id, True)
    with caplog.at_level(logging.INFO, logger="radar"):
        deleted = workshop.delete_workshop(wcon, gone.id, actor="editor")
    assert (deleted.participants, deleted.answers, deleted.local_editions) == (1, 1, 1)
    assert (deleted.votes, deleted.ratings) == (1, 2)
    assert _rows_of(wcon, gone.id) == 0
    assert workshop.list_local_editions(wcon) == ()
    assert workshop.table_counts(wcon)["local_placements"] == 0
    assert _rows_of(wcon, kept.id) > 0 and workshop.results(wcon, kept.id).participants == 1
    assert workshop.table_counts(wcon)["comment_reviews"] == 1
    [line] = [r.getMessage() for r in caplog.records if "deleted" in r.getMessage()]
    assert repr(gone.id) in line and "'editor'" in line
    for personal in ("Jens", OWNER.name, "Vores radar"):
        assert personal not in line
    with pytest.raises(workshop.WorkshopNotFoundError):
        workshop.delete_workshop(wcon, gone.id, actor="editor")


def test_closing_drops_the_participants_tokens_and_keeps_the_comments(
    wcon: duckdb.DuckDBPyConnection, con: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, con, catalog, "Temadag")
    _answer(wcon, ws, "En kommentar")
    workshop.close_workshop(wcon, ws.id)
    tokens = wcon.cursor().execute("SELECT token FROM participants").fetchall()
    assert tokens == [(None,)]
    assert [c.text for c in workshop.results(wcon, ws.id).comments] == ["En kommentar"]
    # The points and ratings stay too: like the answers, they are anonymous.
    kept = workshop.priorities(wcon, ws.id)
    assert (kept.points, kept.raters) == (3, 1)


# --- retention and purge ---------------------------------------------------------------


def test_the_retention_period_is_configurable_and_a_typo_is_refused() -> None:
    assert limits.retention_days({}) == limits.DEFAULT_RETENTION_DAYS == 90
    assert limits.retention_days({limits.RETENTION_ENV_VAR: " 30 "}) == 30
    for wrong in ("0", "-5", "90d", "1.5"):
        with pytest.raises(ValueError, match=limits.RETENTION_ENV_VAR):
            limits.retention_days({limits.RETENTION_ENV_VAR: wrong})


def test_purge_deletes_only_workshops_past_the_retention_period(
    wcon: duckdb.DuckDBPyConnection,
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    clock: list[datetime],
) -> None:
    closed_long_ago = _create(wcon, con, catalog, "Lukket for længe siden")
    _answer(wcon, closed_long_ago, "Gammel")
    workshop.close_workshop(wcon, closed_long_ago.id)
    clock[0] = NOW + timedelta(minutes=1)
    forgotten = _create(wcon, con, catalog, "Aldrig lukket")
    clock[0] = NOW + timedelta(days=80)
    closed_lately = _create(wcon, con, catalog, "Lukket for nylig")
    _answer(wcon, closed_lately, "Ny")
    workshop.close_workshop(wcon, closed_lately.id)
    clock[0] = NOW + timedelta(days=91)
    before = workshop.table_counts(wcon)
    would = workshop.purge(wcon, 90, dry_run=True)
    assert workshop.table_counts(wcon) == before, "a dry run changes nothing"
    assert [d.workshop_id for d in would] == [closed_long_ago.id, forgotten.id]
    deleted = workshop.purge(wcon, 90)
    assert deleted == would
    assert [w.id for w in workshop.list_workshops(wcon)] == [closed_lately.id]
    assert workshop.purge(wcon, 90) == ()


def test_purge_drops_the_tokens_of_a_workshop_whose_closing_time_passed(
    wcon: duckdb.DuckDBPyConnection,
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    clock: list[datetime],
) -> None:
    ws = workshop.create_workshop(
        wcon,
        title="Lukker selv",
        catalog=catalog,
        area=AREA,
        edition=EDITION,
        technologies=workshop.area_technologies(con, AREA, EDITION)[:1],
        closes_at=NOW + timedelta(hours=2),
    )
    _answer(wcon, ws, "Svar")
    clock[0] = NOW + timedelta(days=1)
    assert workshop.purge(wcon, 90) == ()
    assert wcon.cursor().execute("SELECT token FROM participants").fetchall() == [(None,)]
    assert workshop.results(wcon, ws.id).participants == 1


def test_the_cli_purges_for_cron_and_deletes_one_workshop(
    seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture, catalog: Catalog
) -> None:
    wdb = tmp_path / "workshops.duckdb"
    assert main(["workshop", "purge", "--workshop-db", str(wdb)]) == 0
    assert "Nothing to purge" in capsys.readouterr().out
    source = duckdb.connect(str(seeded_db), read_only=True)
    wcon = workshop.connect_workshops(wdb)
    try:
        old = _create(wcon, source, catalog, "Gammel")
        _answer(wcon, old, "Svar")
        wcon.cursor().execute(
            "UPDATE workshops SET closed_at = ? WHERE id = ?",
            [datetime(2020, 1, 1), old.id],
        )
        one = _create(wcon, source, catalog, "Slet mig")
        keep = _create(wcon, source, catalog, "Bliv")
    finally:
        wcon.close()
        source.close()
    args = ["--workshop-db", str(wdb)]
    assert main(["workshop", "purge", "--dry-run", *args]) == 0
    out = capsys.readouterr().out
    assert f"Would delete {old.id}" in out
    assert "1 participants, 1 answers, 2 rating scores, 1 point allocations" in out
    assert "dry run: nothing was changed" in out
    assert main(["workshop", "purge", "--days", "30", *args]) == 0
    out = capsys.readouterr().out
    assert f"Deleted {old.id}" in out and "Deleted 1 workshops" in out
    assert main(["workshop", "delete", one.display_code, *args]) == 0
    assert f"Deleted {one.id}" in capsys.readouterr().out
    assert main(["workshop", "delete", one.id, *args]) == 1
    assert main(["workshop", "delete", keep.id, "--dry-run", *args]) == 0
    assert f"Would delete {keep.id}" in capsys.readouterr().out
    wcon = workshop.connect_workshops(wdb)
    try:
        assert [w.id for w in workshop.list_workshops(wcon)] == [keep.id]
    finally:
        wcon.close()


def test_the_cli_purge_refuses_a_misconfigured_retention(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(limits.RETENTION_ENV_VAR, "0")
    wdb = tmp_path / "workshops.duckdb"
    assert main(["workshop", "purge", "--workshop-db", str(wdb)]) == 1
    assert limits.RETENTION_ENV_VAR in capsys.readouterr().err


# --- attack 3: the participant cap ----------------------------------------------------


def test_a_workshop_takes_no_more_participants_than_the_cap(
    wcon: duckdb.DuckDBPyConnection,
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "MAX_PARTICIPANTS", 3)
    ws = _create(wcon, con, catalog, "Lille rum")
    for _ in range(3):
        workshop.join(wcon, ws.code)
    with pytest.raises(workshop.WorkshopFullError) as caught:
        workshop.join(wcon, ws.code)
    assert caught.value.key == "workshop.error.full"
    assert workshop.results(wcon, ws.id).participants == 3


def test_a_session_may_join_a_few_times_a_minute() -> None:
    joined = [0.0, 1.0, 2.0, 3.0]
    assert limits.join_allowed(joined, 4.0)
    assert not limits.join_allowed([*joined, 4.0], 5.0)
    assert limits.join_allowed([*joined, 4.0], limits.JOIN_WINDOW_SECONDS + 0.5)


# --- the migration --------------------------------------------------------------------


def _version_1_file(path: Path) -> None:
    """A workshop file as the first schema made it: a named participant, a local edition."""
    con = duckdb.connect(str(path))
    con.execute(V1_SCHEMA.read_text("utf-8"))
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    created = datetime(2026, 1, 5, 9, 0)
    for workshop_id, code, closed in (
        ("a" * 32, FIRST_CODE, created),
        ("b" * 32, SECOND_CODE, None),
    ):
        con.execute(
            "INSERT INTO workshops VALUES (?, ?, 'Temadag', ?, 'Teknik', 'Technical', 2025, ?, "
            "NULL, ?)",
            [workshop_id, code, AREA, created, closed],
        )
        con.execute(
            "INSERT INTO workshop_rings VALUES (?, 'klar', 1, 'KLAR', 'READY')", [workshop_id]
        )
        con.execute(
            "INSERT INTO workshop_technologies VALUES (?, 'droner', 1, 'Droner', 'Drones', "
            "'AUT', 'klar')",
            [workshop_id],
        )
        participant = workshop_id[:16]
        con.execute(
            "INSERT INTO participants VALUES (?, ?, ?, 'Ida Jensen', ?)",
            [participant, workshop_id, f"token-{code}", created],
        )
        con.execute(
            "INSERT INTO answers VALUES (?, ?, 'droner', 'klar', 'ideas', 'Godt', NULL, NULL, "
            "NULL, ?)",
            [workshop_id, participant, created],
        )
    con.execute(
        "INSERT INTO local_editions VALUES ('l1', 'Vores radar', ?, 2025, ?, ?)",
        [AREA, "a" * 32, created],
    )
    con.execute(
        "INSERT INTO local_placements VALUES ('l1', 'droner', 1, 'Droner', 'Drones', 'AUT', "
        "'klar', 'klar', 1.0, 1)"
    )
    con.close()


def test_a_workshop_file_of_the_first_schema_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "workshops.duckdb"
    _version_1_file(path)
    wcon = workshop.connect_workshops(path)
    try:
        cur = wcon.cursor()
        assert cur.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [
            (workshop.WORKSHOP_SCHEMA_VERSION,)
        ]
        # Every step ran: the file is at the last one (its number is the integrator's).
        assert str(len(WORKSHOP_STEPS)) == workshop.WORKSHOP_SCHEMA_VERSION
        # The names are gone, the answers and comments stay.
        columns = {r[0] for r in cur.execute("DESCRIBE participants").fetchall()}
        assert "name" not in columns
        assert "Ida" not in str(cur.execute("SELECT * FROM participants").fetchall())
        closed, open_ = workshop.get_workshop(wcon, "a" * 32), workshop.get_workshop(wcon, "b" * 32)
        assert [c.text for c in workshop.results(wcon, closed.id).comments] == ["Godt"]
        # Each has a projector key of its own, not its id; no owner: editors run them.
        keys = {closed.projector_key, open_.projector_key}
        assert len(keys) == 2 and all(len(k) == 32 for k in keys)
        assert closed.id not in keys and closed.created_by is None
        # Their projectors show the results, as they did before the facilitator could hide them.
        assert closed.results_visible and open_.results_visible
        # The closed workshop's tokens are dropped; the open one's participant goes on.
        tokens = dict(cur.execute("SELECT workshop_id, token FROM participants").fetchall())
        assert tokens == {"a" * 32: None, "b" * 32: f"token-{SECOND_CODE}"}
        assert workshop.find_participant(wcon, open_.code, f"token-{SECOND_CODE}").id == "b" * 16
        # A local edition saved by anyone before is not shown to viewers until published.
        [local] = workshop.list_local_editions(wcon)
        assert (local.id, local.published) == ("l1", False)
        assert workshop.list_local_editions(wcon, AREA, published_only=True) == ()
        # Deleting works on a migrated file, in one transaction.
        workshop.delete_workshop(wcon, closed.id, actor="cli")
        assert workshop.list_local_editions(wcon) == ()
    finally:
        wcon.close()
    # Opened again: current, not migrated again (the projector keys stay).
    again = workshop.connect_workshops(path, read_only=True)
    try:
        assert workshop.get_workshop(again, "b" * 32).projector_key == open_.projector_key
    finally:
        again.close()


def test_a_file_of_a_newer_or_unknown_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "workshops.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '99')")
    con.close()
    before = path.read_bytes()
    with pytest.raises(workshop.WorkshopStoreError, match="schema version 99"):
        workshop.connect_workshops(path)
    assert path.read_bytes() == before
    other = tmp_path / "someone-elses.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE things (id INTEGER)")
    con.close()
    with pytest.raises(workshop.WorkshopStoreError, match="schema version None"):
        workshop.connect_workshops(other)


def test_a_running_dashboard_purges_by_itself_at_most_once_an_interval(
    wcon: duckdb.DuckDBPyConnection,
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    clock: list[datetime],
) -> None:
    # The dashboard holds the workshop file, so cron's purge cannot open it:
    # the pages call purge_when_due on every run instead.
    workshop.forget_last_purge()
    old = _create(wcon, con, catalog, "Gammel")
    workshop.close_workshop(wcon, old.id)
    clock[0] = NOW + timedelta(days=91)
    deleted = workshop.purge_when_due(wcon, 90, every=3600)
    assert deleted is not None and [d.workshop_id for d in deleted] == [old.id]
    again = _create(wcon, con, catalog, "Også gammel")
    workshop.close_workshop(wcon, again.id)
    clock[0] = NOW + timedelta(days=200)
    assert workshop.purge_when_due(wcon, 90, every=3600) is None, "not due yet"
    assert [w.id for w in workshop.list_workshops(wcon)] == [again.id]
    deleted = workshop.purge_when_due(wcon, 90, every=0)
    assert deleted is not None and [d.workshop_id for d in deleted] == [again.id]
    workshop.forget_last_purge()


def test_two_facilitators_with_one_name_do_not_run_each_others_workshops(
    wcon: duckdb.DuckDBPyConnection, con: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    # Two local accounts (or two people at the identity provider) may show the
    # same name; a workshop belongs to the account that made it.
    first = User("Anne Jensen", SignIn.ACCOUNT, Role.FACILITATOR, account="fa1")
    second = User("Anne Jensen", SignIn.ACCOUNT, Role.FACILITATOR, account="fa2")
    ws = workshop.create_workshop(
        wcon,
        title="Annes workshop",
        catalog=catalog,
        area=AREA,
        edition=EDITION,
        technologies=workshop.area_technologies(con, AREA, EDITION)[:1],
        created_by=first,
    )
    assert [w.id for w in workshop.workshops_of(wcon, first)] == [ws.id]
    assert workshop.workshops_of(wcon, second) == ()
    from radar.workshop import access

    assert access.may_run(ws, first)
    assert not access.may_run(ws, second)
