"""A save the disk will not take (full, or failing) is said to be that, not another editor's save.

DuckDB reports a commit the disk refused as a transaction error wrapping the
I/O error ("Failed to commit: IO Error: Could not write file ...: No space left
on device"), and a statement that cannot write as an IO error. Filling a real
disk in a test is neither safe nor portable, so the connection handed to the
editing functions fails its commit or its statements with those messages; the
database file itself stays as it was, and viewers keep reading it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from signed_in import sign_in_as
from streamlit.testing.v1 import AppTest

from radar import editing, store
from radar.auth import Role
from radar.editing import EditConflict
from radar.i18n import t
from radar.ui.components.text import plain

EDITOR = "Mette Hansen (adgangskode)"
WAL = "/srv/radar/radar.duckdb.wal"
DISK_FULL_AT_COMMIT = duckdb.TransactionException(
    f'TransactionContext Error: Failed to commit: IO Error: Could not write file "{WAL}": '
    "No space left on device"
)
DISK_FULL_AT_WRITE = duckdb.IOException(
    f'IO Error: Could not write file "{WAL}": No space left on device'
)
DISK_FAILING_AT_COMMIT = duckdb.TransactionException(
    f'TransactionContext Error: Failed to commit: IO Error: Could not fsync file "{WAL}": '
    "Input/output error"
)


class _FailingCursor:
    """A real cursor whose commit, or whose writing statements, fail as a full disk makes them."""

    def __init__(self, cur: duckdb.DuckDBPyConnection, at: str, error: Exception) -> None:
        self._cur, self._at, self._error = cur, at, error

    def commit(self) -> Any:
        if self._at == "commit":
            raise self._error
        return self._cur.commit()

    def execute(self, sql: str, *args: Any, **kwargs: Any) -> Any:
        if self._at == "write" and sql.lstrip().upper().startswith(("UPDATE", "INSERT")):
            raise self._error
        return self._cur.execute(sql, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cur, name)


class _FailingConnection:
    def __init__(self, con: duckdb.DuckDBPyConnection, at: str, error: Exception) -> None:
        self._con, self._at, self._error = con, at, error

    def cursor(self) -> _FailingCursor:
        return _FailingCursor(self._con.cursor(), self._at, self._error)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


@pytest.fixture
def wcon(writable_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = store.connect(writable_db, read_only=False, build_if_missing=False)
    yield connection
    connection.close()


def _edit(con: Any, loaded: Any) -> None:
    editing.edit_technology(
        con,
        "aula",
        {"summary_da": "Ny tekst, der ikke kan gemmes"},
        expected=loaded,
        editor=EDITOR,
        reason="Rettelse",
    )


@pytest.mark.parametrize(
    ("at", "error", "expected"),
    [
        ("commit", DISK_FULL_AT_COMMIT, store.StorageFull),
        ("write", DISK_FULL_AT_WRITE, store.StorageFull),
        ("commit", DISK_FAILING_AT_COMMIT, store.WriteFailed),
    ],
    ids=["full-at-commit", "full-at-write", "failing-at-commit"],
)
def test_a_save_the_disk_refuses_is_a_write_failure_not_a_conflict_and_is_logged(
    wcon: duckdb.DuckDBPyConnection,
    caplog: pytest.LogCaptureFixture,
    at: str,
    error: Exception,
    expected: type[Exception],
) -> None:
    loaded = editing.load_technology(wcon, "aula")
    failing = _FailingConnection(wcon, at, error)
    with caplog.at_level(logging.ERROR), pytest.raises(expected) as raised:
        _edit(failing, loaded)
    assert not isinstance(raised.value, EditConflict)
    assert any(WAL in r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    # Nothing was kept, and the database still reads (and saves, once there is room).
    assert editing.load_technology(wcon, "aula") == loaded
    _edit(wcon, loaded)
    assert store.load_technologies(wcon)["aula"].summary_da == "Ny tekst, der ikke kan gemmes"


def _editor_saves_on_a_full_disk(lang: str) -> None:
    import streamlit as st

    from radar import store
    from radar.auth import SignIn, User
    from radar.ui.components import editing_session

    editor = User("Test Person", SignIn.PASSWORD)  # as sign_in_as signs in

    def action() -> None:
        raise store.StorageFull("IO Error: Could not write file: No space left on device")

    def failing() -> None:
        raise store.WriteFailed("IO Error: Could not fsync file: Input/output error")

    if st.button("save"):
        editing_session.save("texts", lang, action, by=editor, success="saved")  # type: ignore[arg-type]
        editing_session.save("cases", lang, failing, by=editor, success="saved")  # type: ignore[arg-type]
    editing_session.messages("texts")
    editing_session.messages("cases")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_editor_is_told_the_disk_is_full_in_their_language(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Saves ask the sign-in store first: an editor is signed in on this browser.
    sign_in_as(monkeypatch, Role.EDITOR)
    at = AppTest.from_function(_editor_saves_on_a_full_disk, args=(lang,)).run()
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    shown = [e.value for e in at.error]  # as written, escaped for Markdown
    assert shown == [
        plain(t("editing.error.disk_full", lang)),
        plain(t("editing.error.write_failed", lang)),
    ]
    assert not [s for s in at.success]
