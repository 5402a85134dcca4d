"""Backup and restore: a round trip gives an identical database; failures change nothing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from radar import cli, store
from radar.store import backup
from radar.store.seed import TABLES


def _tables(path: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [t.name for t in TABLES] + ["audit_log", "meta"]
        return {name: con.execute(f"SELECT * FROM {name} ORDER BY ALL").df() for name in names}
    finally:
        con.close()


def test_a_backup_restores_an_identical_database(seeded_db: Path, tmp_path: Path) -> None:
    folder = backup.backup(tmp_path / "backup", seeded_db)
    assert (folder / "schema.sql").is_file()
    assert len(list(folder.glob("*.parquet"))) >= len(TABLES)
    restored = backup.restore(folder, tmp_path / "restored.duckdb")
    before, after = _tables(seeded_db), _tables(restored)
    assert before.keys() == after.keys()
    for name, frame in before.items():
        pd.testing.assert_frame_equal(frame, after[name], obj=name)
    assert len(after["assessments"]) > 900


def test_restore_leaves_an_existing_database_alone_without_force(
    seeded_db: Path, tmp_path: Path
) -> None:
    folder = backup.backup(tmp_path / "backup", seeded_db)
    existing = tmp_path / "existing.duckdb"
    existing.write_bytes(b"keep me")
    with pytest.raises(backup.BackupError, match="--force"):
        backup.restore(folder, existing)
    assert existing.read_bytes() == b"keep me"
    backup.restore(folder, existing, force=True)
    assert _tables(existing)["areas"].equals(_tables(seeded_db)["areas"])


def test_a_folder_that_is_not_a_backup_is_refused_and_nothing_is_written(
    tmp_path: Path, seeded_db: Path
) -> None:
    target = tmp_path / "radar.duckdb"
    target.write_bytes(seeded_db.read_bytes())
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "notes.txt").write_text("hello")
    with pytest.raises(backup.BackupError, match="not a radar backup"):
        backup.restore(tmp_path / "junk", target, force=True)
    assert target.read_bytes() == seeded_db.read_bytes()


def test_a_damaged_backup_fails_cleanly_and_leaves_the_database_as_it_was(
    tmp_path: Path, seeded_db: Path
) -> None:
    folder = backup.backup(tmp_path / "backup", seeded_db)
    next(folder.glob("assessments*.parquet")).write_bytes(b"not parquet")
    target = tmp_path / "radar.duckdb"
    target.write_bytes(seeded_db.read_bytes())
    with pytest.raises(backup.BackupError, match="cannot restore"):
        backup.restore(folder, target, force=True)
    assert target.read_bytes() == seeded_db.read_bytes()
    assert not list(tmp_path.glob(".*restoring*"))


def test_backup_refuses_a_folder_with_files(seeded_db: Path, tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.backup(tmp_path / "full", seeded_db)
    with pytest.raises(backup.BackupError, match="no database"):
        backup.backup(tmp_path / "new", tmp_path / "missing.duckdb")


def test_the_command_line_backs_up_and_restores(
    seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b"
    assert cli.main(["backup", "--db", str(seeded_db), "--out", str(out)]) == 0
    target = tmp_path / "r.duckdb"
    assert cli.main(["restore", str(out), "--db", str(target)]) == 0
    assert "Restored" in capsys.readouterr().out
    assert cli.main(["restore", str(out), "--db", str(target)]) == 1
    assert "--force" in capsys.readouterr().err
    restored, original = store.connect(target), store.connect(seeded_db)
    try:
        assert store.table_counts(restored) == store.table_counts(original)
    finally:
        restored.close()
        original.close()


def test_a_zip_backup_from_the_open_database_restores_it_with_its_audit_log(
    seeded_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "radar.duckdb"
    db.write_bytes(seeded_db.read_bytes())
    con = store.connect(db, read_only=False)
    try:
        con.execute(
            "INSERT INTO audit_log VALUES ('a1', now(), 'Redaktør Æ', 'change', 'technology', "
            "'aula', 'aula', NULL, 'summary_da', 'gammel', 'ny', 'Stavefejl')"
        )
        archive = backup.backup_zip(con)
    finally:
        con.close()
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        opened.extractall(folder)
    restored = backup.restore(folder, tmp_path / "restored.duckdb")
    before, after = _tables(db), _tables(restored)
    for name, frame in before.items():
        pd.testing.assert_frame_equal(frame, after[name], obj=name)
    assert after["audit_log"]["editor"].tolist() == ["Redaktør Æ"]
