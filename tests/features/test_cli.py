"""The command line: ``python -m radar init``, ``show``, and replacing a database in use."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from radar import store
from radar.cli import main
from radar.store import backup


def test_init_builds_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "radar.duckdb"
    assert main(["init", "--db", str(path)]) == 0
    assert "110 technologies" in capsys.readouterr().out
    before = path.read_bytes()
    assert main(["init", "--db", str(path)]) == 1
    assert "--force" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert main(["init", "--db", str(path), "--force"]) == 0


def test_init_takes_the_path_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "env.duckdb"
    monkeypatch.setenv(store.DB_ENV_VAR, str(path))
    assert main(["init"]) == 0
    assert path.exists()


def test_init_reports_bad_seed_files_by_row_and_column(
    tmp_path: Path, seed_copy: Path, capsys: pytest.CaptureFixture
) -> None:
    areas = seed_copy / "areas.csv"
    areas.write_text(areas.read_text(encoding="utf-8") + "ekstra,seks,,Extra\n", encoding="utf-8")
    path = tmp_path / "radar.duckdb"
    assert main(["init", "--db", str(path), "--data", str(seed_copy)]) == 1
    err = capsys.readouterr().err
    assert "areas.csv, row 7, column 'position': 'seks' is not a whole number" in err
    assert "areas.csv, row 7, column 'name_da': is empty" in err
    assert not path.exists()


def test_show_prints_an_area_radar_in_english(
    seeded_db: Path, con: duckdb.DuckDBPyConnection, capsys: pytest.CaptureFixture
) -> None:
    assert main(["show", "--db", str(seeded_db), "--area", "beskaeftigelse", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    count = store.query_frame(
        con,
        "SELECT count(*) AS n FROM assessments WHERE area = 'beskaeftigelse' AND edition = 2025",
    )["n"][0]
    assert len(lines) == count
    assert lines[0].split()[0] == "1"
    assert any("Ready" in line for line in lines)


def test_show_explains_an_unknown_area_or_edition(
    seeded_db: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["show", "--db", str(seeded_db), "--area", "skole"]) == 1
    assert "no area 'skole'; the areas are samlet, dagtilbud-og-skole" in capsys.readouterr().err
    assert main(["show", "--db", str(seeded_db), "--edition", "1999"]) == 1
    assert "edition 1999 is none; the published editions are 2021, 2022" in capsys.readouterr().err


def test_show_says_a_draft_is_a_draft_and_shows_stated_rings_without_a_score(
    writable_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = writable_db
    con = duckdb.connect(str(db))
    newest = con.execute("SELECT max(year) FROM editions").fetchone()[0]
    con.execute(
        "UPDATE assessments SET maturity_trl = NULL, share_operation = NULL, share_pilot = NULL, "
        "share_considering = NULL, share_not_considering = NULL, ring_override = 'klar', "
        "override_reason = 'angivet' WHERE edition = ? AND area = 'beskaeftigelse'",
        [newest],
    )
    con.execute("UPDATE editions SET status = 'draft' WHERE year = ?", [newest])
    con.close()
    assert main(["show", "--db", str(db), "--edition", str(newest)]) == 1
    assert f"edition {newest} is a draft" in capsys.readouterr().err
    con = duckdb.connect(str(db))
    con.execute("UPDATE editions SET status = 'published' WHERE year = ?", [newest])
    con.close()
    assert main(["show", "--db", str(db), "--area", "beskaeftigelse"]) == 0
    out = capsys.readouterr().out
    assert "nan" not in out
    assert "    –" in out


_DASHBOARD = """
import duckdb, sys
con = duckdb.connect({path!r}, read_only={read_only})
print("holding", flush=True)
for sql in sys.stdin:
    con.execute(sql)
    print("saved", flush=True)
con.close()
"""


@contextmanager
def _dashboard_on(path: Path, *, read_only: bool) -> Iterator[Callable[[str], None]]:
    """Another process with ``path`` open, as a running dashboard has it: editing on
    (read-write) or off (read-only). Inside, the function given runs one SQL statement
    there, as an editor's save does."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(_DASHBOARD.format(path=str(path), read_only=read_only)),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    stdin, stdout = holder.stdin, holder.stdout

    def save(sql: str) -> None:
        stdin.write(sql + "\n")
        stdin.flush()
        assert stdout.readline().strip() == "saved"

    try:
        assert stdout.readline().strip() == "holding"
        yield save
    finally:
        holder.communicate("")
    assert holder.returncode == 0


def _meta(path: Path) -> dict[str, str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return dict(con.execute("SELECT key, value FROM meta").fetchall())
    finally:
        con.close()


@pytest.mark.parametrize("command", ["init", "restore"])
def test_a_database_a_dashboard_edits_is_not_replaced_and_its_saves_are_kept(
    command: str, writable_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = writable_db
    folder = backup.backup(tmp_path / "backup", db)
    before = db.read_bytes()
    args = ["init"] if command == "init" else ["restore", str(folder)]
    with _dashboard_on(db, read_only=False) as save:
        assert main([*args, "--db", str(db), "--force"]) == 1
        assert db.read_bytes() == before
        save("INSERT INTO meta VALUES ('saved', 'after the refused replacement')")
    err = capsys.readouterr().err
    assert f"{db} is in use by another program" in err
    assert "Stop the dashboard" in err and "Traceback" not in err
    assert _meta(db)["saved"] == "after the refused replacement"
    assert main([*args, "--db", str(db), "--force"]) == 0
    assert "saved" not in _meta(db)


@pytest.mark.parametrize("command", ["init", "restore"])
def test_a_database_a_reading_dashboard_has_open_is_not_replaced(
    command: str, writable_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = writable_db
    folder = backup.backup(tmp_path / "backup", db)
    before = db.read_bytes()
    args = ["init"] if command == "init" else ["restore", str(folder)]
    with _dashboard_on(db, read_only=True) as read:
        assert main([*args, "--db", str(db), "--force"]) == 1
        read("SELECT count(*) FROM technologies")
    assert f"{db} is in use by another program" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_init_force_replaces_a_file_that_is_not_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Nobody can have a broken file open as a database, so the way out stays open.
    path = tmp_path / "radar.duckdb"
    path.write_bytes(b"not a database")
    assert main(["init", "--db", str(path), "--force"]) == 0
    assert "110 technologies" in capsys.readouterr().out
