"""An import killed in the middle of its transaction leaves the database as it was.

A child process starts a real import on a copy of the database and SIGKILLs
itself after a given number of SQL statements of the transaction (or just
before the commit): no cleanup, no rollback, as when the power goes. Opened
again, the database must hold exactly what it held before.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from radar import importing as importers
from radar import store

#: Each test imports in a subprocess and kills it.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]

# The child: plan the import, then apply it through a connection whose
# cursors count their statements and kill the process at statement KILL_AT
# (the number after the last one means: at the commit).
CHILD = r"""
import os, signal, sys
import duckdb
from radar import importing as importers

path, file_name, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
con = duckdb.connect(path)
data = open(file_name, "rb").read()
plan = importers.plan_import(con, data, file_name="crash.csv", edition=2030, title="Crash")
count = 0


def tick():
    global count
    count += 1
    if count == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)


class Cursor:
    def __init__(self, cursor):
        self.cursor = cursor

    def __getattr__(self, name):
        return getattr(self.cursor, name)

    def execute(self, *args, **kwargs):
        tick()
        return self.cursor.execute(*args, **kwargs)

    def executemany(self, *args, **kwargs):
        tick()
        return self.cursor.executemany(*args, **kwargs)

    def commit(self):
        tick()
        return self.cursor.commit()


class Connection:
    def cursor(self):
        return Cursor(con.cursor())


result = importers.apply_import(Connection(), plan, editor="crash", reason="test")
con.close()
print(f"statements {count} audit {result.audit_rows}")
"""


def _dump(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
            ).fetchall()
        ]
        return {n: con.execute(f"SELECT * FROM {n} ORDER BY ALL").fetchall() for n in names}
    finally:
        con.close()


def _import_file(seeded_db: Path, folder: Path) -> Path:
    """A file that adds an edition, changes technologies, adds and logs many rows."""
    con = duckdb.connect(str(seeded_db), read_only=True)
    try:
        rows = con.execute(
            "SELECT a.area, a.technology, t.sector, t.name_da, a.maturity_trl, "
            "a.share_operation, a.share_pilot, a.share_considering, a.share_not_considering "
            "FROM assessments a JOIN technologies t ON t.id = a.technology "
            "WHERE a.edition = 2025 ORDER BY ALL"
        ).fetchall()
    finally:
        con.close()
    lines = [
        "area,technology,sector,name_da,summary_da,maturity_trl,share_operation,share_pilot,"
        "share_considering,share_not_considering,ring,ring_reason"
    ]
    for area, tech, sector, name, *scores in rows:
        # Some technologies get a new summary (the same in every area):
        # updates inside the transaction.
        summary = f"Ny tekst om {tech}" if len(tech) % 3 == 0 else ""
        lines.append(
            ",".join([area, tech, sector, f'"{name}"', summary, *map(str, scores), "", ""])
        )
    lines.append("administration,,AUT,Helt ny teknologi,,,,,,,AFPRØV,")
    path = folder / "crash.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(db: Path, data: Path, kill_at: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(db), str(data), str(kill_at)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def setup(
    seeded_db: Path, tmp_path_factory: pytest.TempPathFactory, copy_seeded_db: Callable[[], Path]
) -> tuple[Path, int]:
    """The import file, and how many statements the import's transaction runs."""
    folder = tmp_path_factory.mktemp("crash")
    data = _import_file(seeded_db, folder)
    db = copy_seeded_db()
    before = _dump(db)
    done = _run(db, data, 10**9)
    assert done.returncode == 0, done.stderr
    statements = int(done.stdout.split()[1])
    # The uninterrupted import does change the database: the test can fail.
    after = _dump(db)
    assert after != before
    rows = len(data.read_text("utf-8").splitlines()) - 1
    assert len(after["assessments"]) == len(before["assessments"]) + rows
    assert int(done.stdout.split()[3]) == len(after["audit_log"]) > 200
    return data, statements


@pytest.mark.parametrize("where", [0.0, 0.5, 1.0, "commit"])
def test_an_import_killed_mid_transaction_leaves_the_database_as_before(
    setup: tuple[Path, int], writable_db: Path, where: float | str
) -> None:
    data, statements = setup
    # Statement 1 is the first of the transaction, statements - 1 the last
    # before the commit, which the child counts as the last one.
    kill_at = statements if where == "commit" else 1 + round(where * (statements - 2))
    db = writable_db
    before = _dump(db)
    killed = _run(db, data, kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    assert _dump(db) == before
    # The database is sound: the same import now goes through completely.
    con = store.connect(db, read_only=False, build_if_missing=False)
    try:
        result = importers.import_file(
            con, data.read_bytes(), file_name="crash.csv", edition=2030, editor="again"
        )
        count = con.execute("SELECT count(*) FROM assessments WHERE edition = 2030").fetchone()
    finally:
        con.close()
    rows = len(data.read_text("utf-8").splitlines()) - 1
    assert count == (len(result.plan.assessments_added),) == (rows,)
