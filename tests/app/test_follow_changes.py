"""AppTest: a dashboard shows a change another process saved, without a restart.

Several dashboard processes may share one database (issue 15's replicas); the
command line may import while they run. Such a save never calls this
process's :func:`radar.ui.cache.invalidate`, so the page must learn of it
from the database. Here a second connection of the test's own stands in for
the other process: it writes the database exactly as another replica would,
through the editing API and its audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from signed_in import editing_on, with_browser_cookie
from streamlit.testing.v1 import AppTest

from radar import editing, store, theme
from radar.ui.components.text import plain

TECHNOLOGY = "pages/technology.py"
Elsewhere = Callable[[], duckdb.DuckDBPyConnection]


@pytest.fixture
def db(writable_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app on its own copy of the database, opened for writing as an editing replica does.

    DuckDB lets one process open a file in one mode only, so the test's second
    connection shares the app's read-write one.
    """
    monkeypatch.setenv(store.DB_ENV_VAR, str(writable_db))
    editing_on(monkeypatch)
    with_browser_cookie(monkeypatch)
    return writable_db


@pytest.fixture
def elsewhere(db: Path) -> Iterator[Elsewhere]:
    """Another process's connection to the same database (opened after the app's)."""
    opened: list[duckdb.DuckDBPyConnection] = []

    def connection() -> duckdb.DuckDBPyConnection:
        if not opened:
            opened.append(duckdb.connect(str(db)))
        return opened[0]

    yield connection
    for con in opened:
        con.close()


def _technology_page(tech: str) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.query_params["tech"] = tech
    at.run()
    at.query_params["tech"] = tech
    return at.switch_page(TECHNOLOGY).run()


def _rename(con: duckdb.DuckDBPyConnection, tech: str, name: str) -> None:
    loaded = editing.load_technology(con, tech)
    assert loaded is not None
    editing.edit_technology(
        con, tech, {"name_da": name}, expected=loaded, editor="Ole Jensen", reason="Andet sted"
    )


def test_a_save_made_by_another_process_shows_once_the_check_is_due(
    db: Path, elsewhere: Elsewhere, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(theme, "CONTENT_CHECK_SECONDS", 0.0)
    at = _technology_page("aula")
    assert_clean(at)
    before = at.header[0].value

    _rename(elsewhere(), "aula", "Aula, omdøbt på en anden server")
    at.run()

    assert_clean(at)
    assert before != plain("Aula, omdøbt på en anden server")
    assert at.header[0].value == plain("Aula, omdøbt på en anden server")
    # A new visitor, in another session of this process, sees it too.
    assert _technology_page("aula").header[0].value == at.header[0].value


def test_between_checks_the_page_keeps_what_it_read(
    db: Path, elsewhere: Elsewhere, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long interval: the change is not asked about yet, and the page costs no
    # query for it; once the interval has passed, the change shows.
    monkeypatch.setattr(theme, "CONTENT_CHECK_SECONDS", 3600.0)
    at = _technology_page("aula")
    before = at.header[0].value
    _rename(elsewhere(), "aula", "Aula, endnu ikke set")
    at.run()
    assert at.header[0].value == before

    monkeypatch.setattr(theme, "CONTENT_CHECK_SECONDS", 0.0)
    at.run()
    assert at.header[0].value == plain("Aula, endnu ikke set")


def test_the_content_version_changes_with_a_save_and_only_then(writable_db: Path) -> None:
    con = store.connect(writable_db, read_only=False)
    try:
        first = store.content_version(con)
        assert store.content_version(con) == first
        _rename(con, "aula", "Aula igen")
        assert store.content_version(con) != first
    finally:
        con.close()
