"""A radar database that is locked by another program, or is not a database at all.

The viewer gets a plain message (no traceback, no path); the command line says
what is wrong and how to mend it; nothing is changed on disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from apptest_support import DASHBOARD, TIMEOUT
from file_lock import held_by_another_process
from signed_in import editing_on
from streamlit.testing.v1 import AppTest

from radar import cli, store
from radar.auth import PASSWORD_HASH_ENV_VAR
from radar.i18n import t

GARBAGE = b"Dette er ikke en database.\n" * 100


def _dashboard(db: Path, monkeypatch: pytest.MonkeyPatch, *, editing: bool = False) -> AppTest:
    monkeypatch.setenv(store.DB_ENV_VAR, str(db))
    if editing:
        editing_on(monkeypatch)
    else:
        monkeypatch.delenv(PASSWORD_HASH_ENV_VAR, raising=False)
    return AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()


def _message_only(at: AppTest, db: Path) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [t("error.database", "da")]
    shown = " ".join(str(e.value) for e in (*at.markdown, *at.error, *at.warning))
    assert str(db) not in shown


@pytest.mark.parametrize("editing", [False, True], ids=["viewing", "editing"])
def test_the_dashboard_on_a_locked_database_says_so(
    writable_db: Path, monkeypatch: pytest.MonkeyPatch, editing: bool
) -> None:
    db = writable_db
    with held_by_another_process(db):
        at = _dashboard(db, monkeypatch, editing=editing)
    _message_only(at, db)


def test_the_dashboard_on_a_file_that_is_not_a_database_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "radar.duckdb"
    db.write_bytes(GARBAGE)
    at = _dashboard(db, monkeypatch)
    _message_only(at, db)
    assert db.read_bytes() == GARBAGE


def test_the_dashboard_on_a_damaged_database_says_so(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A real database file cut short, as a full disk or an interrupted copy leaves it.
    db = tmp_path / "radar.duckdb"
    db.write_bytes(seeded_db.read_bytes()[: seeded_db.stat().st_size // 3])
    damaged = db.read_bytes()
    at = _dashboard(db, monkeypatch)
    _message_only(at, db)
    assert db.read_bytes() == damaged


def test_the_command_line_on_a_locked_database_says_what_to_do(
    writable_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = writable_db
    before = db.read_bytes()
    with held_by_another_process(db):
        code = cli.main(["show", "--db", str(db)])
    assert code == 1
    err = capsys.readouterr().err
    assert "cannot open the radar database" in err
    assert "Traceback" not in err
    assert db.read_bytes() == before


def test_the_command_line_on_a_file_that_is_not_a_database_says_how_to_rebuild(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "radar.duckdb"
    db.write_bytes(GARBAGE)
    assert cli.main(["show", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "init --force" in err
    assert db.read_bytes() == GARBAGE
