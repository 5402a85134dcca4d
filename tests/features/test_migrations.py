"""Schema versions as named steps: in order, a current file untouched, an old one migrated."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from radar import store
from radar.store import migrations
from radar.store.migrations import Schema, Step, Tables

TOY_SQL = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE things (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, size INTEGER DEFAULT 1);
"""


def _toy(applied: list[str]) -> Schema:
    def upper(tables: Tables) -> Tables:
        applied.append("002_upper_names")
        things = tables["things"].copy()
        things["name"] = things["name"].str.upper()
        return {**tables, "things": things}

    def sized(tables: Tables) -> Tables:
        # Runs after the names are upper case: the steps come in order.
        applied.append("003_sizes")
        things = tables["things"].copy()
        things["size"] = things["name"].str.len()
        return {**tables, "things": things}

    return Schema(
        steps=(
            Step(1, "001_initial"),
            Step(2, "002_upper_names", upper),
            Step(3, "003_sizes", sized),
        ),
        sql=lambda: TOY_SQL,
        tables=("things",),
    )


def _version_1_file(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
    con.execute("CREATE TABLE things (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL)")
    con.execute("INSERT INTO things VALUES ('a', 'abe'), ('b', 'bjørn')")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1'), ('kept', 'yes')")
    con.close()


def test_the_steps_not_yet_applied_run_in_order(tmp_path: Path) -> None:
    path = tmp_path / "toy.duckdb"
    _version_1_file(path)
    applied: list[str] = []
    assert migrations.migrate_file(path, _toy(applied))
    assert applied == ["002_upper_names", "003_sizes"]
    con = duckdb.connect(str(path), read_only=True)
    try:
        things = con.execute("SELECT id, name, size FROM things ORDER BY id").fetchall()
        assert things == [("a", "ABE", 3), ("b", "BJØRN", 5)]
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        assert meta == {"schema_version": "3", "kept": "yes"}
    finally:
        con.close()


def test_a_current_file_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "toy.duckdb"
    _version_1_file(path)
    assert migrations.migrate_file(path, _toy([]))
    before = path.read_bytes()
    applied: list[str] = []
    assert not migrations.migrate_file(path, _toy(applied))
    assert applied == []
    assert path.read_bytes() == before


def test_only_the_missing_steps_run() -> None:
    schema = _toy([])
    assert [s.name for s in migrations.pending_steps(schema, None)] == [
        "001_initial",
        "002_upper_names",
        "003_sizes",
    ]
    assert [s.name for s in migrations.pending_steps(schema, "2")] == ["003_sizes"]
    assert migrations.pending_steps(schema, "3") == ()
    assert schema.version == "3"


def test_steps_must_be_numbered_in_order() -> None:
    with pytest.raises(ValueError, match="numbered"):
        Schema(steps=(Step(1, "001_a"), Step(3, "003_c")), sql=lambda: "", tables=())


def test_the_radar_schema_is_its_named_steps() -> None:
    assert [s.name for s in migrations.STEPS] == ["001_initial", "002_drafts_audit"]
    assert store.SCHEMA_VERSION == migrations.STEPS[-1].version == "2"


def test_a_current_radar_database_is_not_rewritten(seeded_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "radar.duckdb"
    shutil.copy(seeded_db, db)
    before = db.read_bytes()
    assert not store.migrate(db)
    assert db.read_bytes() == before


def test_a_radar_database_without_a_version_gets_every_step(
    seeded_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "radar.duckdb"
    shutil.copy(seeded_db, db)
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM meta WHERE key = 'schema_version'")
    con.close()
    assert store.migrate(db)
    con = store.connect(db)
    try:
        assert store.schema_version(con) == store.SCHEMA_VERSION
        assert not store.load_all_assessments(con).empty
        assert isinstance(store.query_frame(con, "SELECT * FROM audit_log"), pd.DataFrame)
    finally:
        con.close()
