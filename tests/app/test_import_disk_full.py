"""AppTest: an import the disk refuses says why, keeps the radar as it was, and is logged.

A full disk is not made in a test: the import page's connection fails its
commit with the words DuckDB uses for a full disk (as tests/features/
test_write_failures.py does for editors' saves), so the store's own
translation to StorageFull / WriteFailed is what the page meets.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import duckdb
import pytest
from apptest_support import DASHBOARD, TIMEOUT
from signed_in import sign_in_as
from streamlit.testing.v1 import AppTest

from radar import store
from radar.auth import Role
from radar.i18n import t

IMPORT = "pages/import_data.py"
AREA = "teknik-og-miljoe"
FILE = (
    "area,technology,sector,name_da,name_en,summary_da,maturity_trl,share_operation,share_pilot,"
    "share_considering,share_not_considering,ring,ring_reason\n"
    f"{AREA},droner-til-inspektion,DATA,Droner til inspektion,Drones,Droner ser på broer,"
    "7,40,30,20,10,,\n"
)
WAL = "/srv/radar/radar.duckdb.wal"
DISK_FULL = duckdb.TransactionException(
    f'TransactionContext Error: Failed to commit: IO Error: Could not write file "{WAL}": '
    "No space left on device"
)
DISK_FAILING = duckdb.TransactionException(
    f'TransactionContext Error: Failed to commit: IO Error: Could not fsync file "{WAL}": '
    "Input/output error"
)


class _FailingCursor:
    """A real cursor whose commit fails, as on a full disk, once it has written something.

    Reading transactions commit nothing to disk, so they go through.
    """

    def __init__(self, cur: duckdb.DuckDBPyConnection, error: Exception | None) -> None:
        self._cur, self._error, self._wrote = cur, error, False

    def execute(self, sql: str, *args: Any, **kwargs: Any) -> Any:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            self._wrote = True
        return self._cur.execute(sql, *args, **kwargs)

    def commit(self) -> Any:
        if self._error is not None and self._wrote:
            raise self._error
        return self._cur.commit()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cur, name)


class _Disk:
    """The page's connection; its commits fail while ``error`` is set."""

    def __init__(self, con: duckdb.DuckDBPyConnection, error: Exception | None) -> None:
        self.con, self.error = con, error

    def cursor(self) -> _FailingCursor:
        return _FailingCursor(self.con.cursor(), self.error)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


def _count(db: Path, sql: str) -> int:
    con = duckdb.connect(str(db))
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def _editor_confirms(db: Path, monkeypatch: pytest.MonkeyPatch, disk: _Disk) -> AppTest:
    from radar.ui import auth
    from radar.ui import cache as ui_data

    monkeypatch.setenv(store.DB_ENV_VAR, str(db))
    user = sign_in_as(monkeypatch, Role.EDITOR, "Mette Redaktør")
    # The import page asks for the editor by the older name; the same person.
    monkeypatch.setattr(auth, "current_editor", lambda: user, raising=False)
    monkeypatch.setattr(ui_data, "connection", lambda _db: disk)
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.switch_page(IMPORT)
    at.run()
    at.get("file_uploader")[0].set_value(('ny"\nradar.csv', FILE.encode(), "text/csv"))
    at.number_input(key="import_edition").set_value(2031)
    at.selectbox(key="import_area").set_value(AREA)
    at.run()
    next(b for b in at.button if b.label == t("importpage.preview", "da")).click()
    at.run()
    next(b for b in at.button if b.label == t("importpage.confirm", "da")).click()
    at.run()
    return at


@pytest.mark.parametrize(
    ("error", "text", "result"),
    [
        (DISK_FULL, "importpage.disk_full", "disk-full"),
        (DISK_FAILING, "importpage.write_failed", "write-failed"),
    ],
)
def test_a_full_or_failing_disk_during_an_import_names_the_cause_and_keeps_the_radar(
    writable_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
    text: str,
    result: str,
) -> None:
    disk = _Disk(store.shared_connection(writable_db, read_only=False), error)
    before = _count(writable_db, "SELECT count(*) FROM assessments")
    with caplog.at_level(logging.INFO, logger="radar"):
        at = _editor_confirms(writable_db, monkeypatch, disk)
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [t(text, "da")]
    assert not at.success
    # Nothing of the import was kept.
    assert _count(writable_db, "SELECT count(*) FROM assessments") == before
    assert _count(writable_db, "SELECT count(*) FROM editions WHERE year = 2031") == 0
    # The operator hears of it: who, which file (as %r, so the newline cannot forge a line).
    assert (
        f"import result={result} editor='Mette Redaktør (adgangskode)' "
        "file='ny\"\\nradar.csv' edition=2031 rows=0"
    ) in caplog.text

    # Once there is room, the same preview is confirmed again and the import is saved.
    disk.error = None
    with caplog.at_level(logging.INFO, logger="radar"):
        next(b for b in at.button if b.label == t("importpage.confirm", "da")).click()
        at.run()
    assert not at.exception
    assert at.success
    assert _count(writable_db, "SELECT count(*) FROM assessments WHERE edition = 2031") == 1
    assert "import result=ok editor='Mette Redaktør (adgangskode)'" in caplog.text
