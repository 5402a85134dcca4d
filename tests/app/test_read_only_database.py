"""A database file the service may read but not write (its permissions, or a read-only mount).

Viewers keep reading the radar; editors are told that editing is unavailable
because the file is read-only; the log names the cause, and never suggests
rebuilding the database (``init --force`` replaces its data) for a permissions
or a lock problem.

How the file is made read-only: these tests run as root in CI, and root
writes a ``chmod 444`` file anyway, and a read-only bind mount is not
available there. So DuckDB's ``connect`` is made to refuse writing exactly as
it does for a read-only file: ``IO Error: Cannot open file "...": Permission
denied`` is the message DuckDB 2.0 gives when a process without the right to
write opens the file for writing (checked by hand with the capability that lets
root write anyway dropped, ``setpriv --bounding-set -dac_override``). Opening
for reading goes to the real DuckDB, as it would on such a file.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import duckdb
import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from file_lock import held_by_another_process
from signed_in import editing_on
from streamlit.testing.v1 import AppTest

from radar import store
from radar.i18n import t

REAL_CONNECT = duckdb.connect


@pytest.fixture
def read_only_db(writable_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's database, with editing on, in a file DuckDB may only open for reading."""
    db = writable_db

    def connect(database: Any = ":memory:", read_only: bool = False, **kwargs: Any) -> Any:
        if not read_only and Path(str(database)).resolve() == db.resolve():
            raise duckdb.IOException(f'IO Error: Cannot open file "{database}": Permission denied')
        return REAL_CONNECT(database, read_only=read_only, **kwargs)

    monkeypatch.setattr(duckdb, "connect", connect)
    monkeypatch.setenv(store.DB_ENV_VAR, str(db))
    editing_on(monkeypatch)
    return db


def test_viewers_keep_reading_a_read_only_database_and_the_log_names_the_cause(
    read_only_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    before = read_only_db.read_bytes()
    with caplog.at_level(logging.WARNING):
        at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()
    assert_clean(at)
    assert at.get("plotly_chart"), "the radar is drawn"
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "read-only" in logged and "Permission denied" in logged
    assert "init --force" not in logged
    assert read_only_db.read_bytes() == before


@pytest.mark.parametrize("lang", ["da", "en"])
def test_editors_are_told_that_editing_is_unavailable_because_the_file_is_read_only(
    read_only_db: Path, lang: str
) -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.run()
    at = at.switch_page("pages/edit.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("auth.read_only_database", lang) in [w.value for w in at.warning]
    # No sign-in form that could only lead to saves the file would refuse.
    assert not [ti for ti in at.text_input if ti.label == t("auth.password", lang)]


def test_opening_a_read_only_file_for_writing_says_it_is_read_only_not_to_rebuild_it(
    read_only_db: Path,
) -> None:
    with pytest.raises(store.DatabaseReadOnlyError) as refused:
        store.connect(read_only_db, read_only=False)
    assert "read-only" in str(refused.value)
    assert "init --force" not in str(refused.value)
    # Reading still works.
    con = store.connect(read_only_db, read_only=True)
    try:
        assert store.load_catalog(con).years
    finally:
        con.close()


def test_a_locked_database_is_not_told_to_be_rebuilt(writable_db: Path) -> None:
    with held_by_another_process(writable_db), pytest.raises(store.DatabaseUnavailableError) as e:
        store.connect(writable_db, read_only=False)
    assert "Another program has it open" in str(e.value)
    assert "init --force" not in str(e.value)
