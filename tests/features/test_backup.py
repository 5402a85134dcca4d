"""Backup and restore: a round trip gives an identical database; failures change nothing."""

from __future__ import annotations

import contextlib
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


def _every_value(path: Path) -> str:
    """Every table and every value of the database at ``path``, as one text."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return "\n".join(
            [*names, *(str(con.execute(f'SELECT * FROM "{n}"').fetchall()) for n in names)]
        )
    finally:
        con.close()


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def test_restoring_a_tampered_backup_runs_none_of_its_sql(seeded_db: Path, tmp_path: Path) -> None:
    folder = backup.backup(tmp_path / "backup", seeded_db)
    secret = tmp_path / "secret.txt"
    secret.write_text("kodeord-hemmelig-4711\n", encoding="utf-8")
    pwned, also_pwned = tmp_path / "pwned.txt", tmp_path / "also-pwned.txt"
    schema_sql = folder / "schema.sql"
    schema_sql.write_text(
        f"COPY (SELECT 'pwned') TO {_quoted(pwned)};\n"
        f"CREATE TABLE stolen AS SELECT * FROM read_csv({_quoted(secret)}, header = false);\n"
        "CREATE TABLE copied (line VARCHAR);\n" + schema_sql.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    # DuckDB lets a load script hold only COPY statements, which still write and read files.
    load_sql = folder / "load.sql"
    load_sql.write_text(
        load_sql.read_text(encoding="utf-8") + f"COPY (SELECT 'pwned') TO {_quoted(also_pwned)};\n"
        f"COPY copied FROM {_quoted(secret)};\n",
        encoding="utf-8",
    )
    target = tmp_path / "radar.duckdb"
    with contextlib.suppress(backup.BackupError):
        backup.restore(folder, target)
    assert not pwned.exists()
    assert not also_pwned.exists()
    if target.exists():
        restored = _every_value(target)
        assert "kodeord-hemmelig-4711" not in restored
        assert "stolen" not in restored and "copied" not in restored


def test_a_restore_builds_the_radars_own_schema_not_the_backups(
    seeded_db: Path, tmp_path: Path
) -> None:
    # A backup whose schema drops a rule (the ring cut-offs between 0 and 1)
    # must not bring a database without it.
    folder = backup.backup(tmp_path / "backup", seeded_db)
    schema_sql = folder / "schema.sql"
    schema_sql.write_text(
        schema_sql.read_text(encoding="utf-8").replace(
            "CHECK(((min_score >= 0) AND (min_score <= 1)))", ""
        ),
        encoding="utf-8",
    )
    restored = backup.restore(folder, tmp_path / "restored.duckdb")
    con = duckdb.connect(str(restored))
    try:
        with pytest.raises(duckdb.ConstraintException):
            con.execute("UPDATE rings SET min_score = 7")
    finally:
        con.close()


def test_a_backup_with_an_unknown_table_or_a_link_is_refused_naming_the_files(
    seeded_db: Path, tmp_path: Path
) -> None:
    folder = backup.backup(tmp_path / "backup", seeded_db)
    (folder / "areas.parquet").rename(folder / "stolen.parquet")
    (folder / "rings.parquet").unlink()
    (folder / "rings.parquet").symlink_to(folder / "sectors.parquet")
    target = tmp_path / "radar.duckdb"
    target.write_bytes(seeded_db.read_bytes())
    with pytest.raises(backup.BackupError) as caught:
        backup.restore(folder, target, force=True)
    assert "stolen.parquet: not a table of this radar" in str(caught.value)
    assert "lacks areas.parquet" in str(caught.value)
    assert "rings.parquet: a link" in str(caught.value)
    assert target.read_bytes() == seeded_db.read_bytes()


def _rewrite_parquet(path: Path, select: str) -> None:
    """Replace the Parquet file at ``path`` by ``select`` run over its rows (as ``old``)."""
    con = duckdb.connect()
    try:
        con.execute(f"CREATE TABLE old AS SELECT * FROM read_parquet({_quoted(path)})")
        con.execute(f"COPY ({select}) TO {_quoted(path)} (FORMAT parquet)")
    finally:
        con.close()


def test_a_backup_with_an_unknown_or_missing_column_names_the_table_and_column(
    seeded_db: Path, tmp_path: Path
) -> None:
    folder = backup.backup(tmp_path / "backup", seeded_db)
    _rewrite_parquet(folder / "cases.parquet", "SELECT *, 'x' AS password FROM old")
    _rewrite_parquet(folder / "areas.parquet", "SELECT * EXCLUDE (name_en) FROM old")
    with pytest.raises(backup.BackupError) as caught:
        backup.restore(folder, tmp_path / "radar.duckdb")
    message = str(caught.value)
    assert "cases.parquet" in message and "'password'" in message
    assert "areas.parquet" in message and "'name_en'" in message
    assert not (tmp_path / "radar.duckdb").exists()


def test_a_backup_row_that_breaks_a_rule_names_the_table(seeded_db: Path, tmp_path: Path) -> None:
    folder = backup.backup(tmp_path / "backup", seeded_db)
    _rewrite_parquet(folder / "rings.parquet", "SELECT * REPLACE (7.0 AS min_score) FROM old")
    target = tmp_path / "radar.duckdb"
    target.write_bytes(seeded_db.read_bytes())
    with pytest.raises(backup.BackupError, match=r"rings\.parquet"):
        backup.restore(folder, target, force=True)
    assert target.read_bytes() == seeded_db.read_bytes()
    assert not list(tmp_path.glob(".*restoring*"))


def test_a_backup_of_schema_version_1_is_restored_and_migrated(
    seeded_db: Path, tmp_path: Path
) -> None:
    # Version 1 had no editions.status, no technologies.retired and no audit log.
    folder = tmp_path / "old-backup"
    folder.mkdir()
    con = duckdb.connect(str(seeded_db), read_only=True)
    try:
        for table in [t.name for t in TABLES] + ["meta"]:
            select = {
                "editions": "SELECT * EXCLUDE (status) FROM editions",
                "technologies": "SELECT * EXCLUDE (retired) FROM technologies",
                "meta": "SELECT key, CASE WHEN key = 'schema_version' THEN '1' ELSE value END "
                "AS value FROM meta",
            }.get(table, f"SELECT * FROM {table}")
            con.execute(f"COPY ({select}) TO {_quoted(folder / (table + '.parquet'))}")
    finally:
        con.close()
    restored = backup.restore(folder, tmp_path / "restored.duckdb")
    before, after = _tables(seeded_db), _tables(restored)
    for name, frame in before.items():
        pd.testing.assert_frame_equal(frame, after[name], obj=name)
    assert dict(after["meta"].values.tolist())["schema_version"] == store.SCHEMA_VERSION


def test_a_backup_without_its_meta_table_is_not_a_backup(seeded_db: Path, tmp_path: Path) -> None:
    folder = backup.backup(tmp_path / "backup", seeded_db)
    (folder / "meta.parquet").unlink()
    with pytest.raises(backup.BackupError, match=r"not a radar backup.*meta\.parquet"):
        backup.restore(folder, tmp_path / "radar.duckdb")
