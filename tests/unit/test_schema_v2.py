"""Schema 2: drafts hidden from viewers, rings stated without scores, migration of old files."""

from __future__ import annotations

import html
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from radar import store
from radar.i18n import t
from radar.model import COMBINED_AREA
from radar.pipeline import history

AREA = "social-og-sundhed"


@pytest.fixture
def db(writable_db: Path) -> Path:
    return writable_db


def _write(db: Path, sql: str, params: list | None = None) -> None:
    con = duckdb.connect(str(db))
    try:
        con.execute(sql, params or [])
    finally:
        con.close()


def test_a_draft_edition_is_invisible_to_viewer_queries(db: Path) -> None:
    con = store.connect(db)
    newest, before = store.load_catalog(con).years[:2]
    con.close()
    _write(db, "UPDATE editions SET status = 'draft' WHERE year = ?", [newest])
    con = store.connect(db)
    try:
        assert newest not in store.load_catalog(con).years
        assert store.load_catalog(con, include_drafts=True).edition(newest).is_draft
        assert store.latest_assessed_edition(con) == before
        assert store.latest_assessed_edition(con, include_drafts=True) == newest
        assert newest not in set(store.load_all_assessments(con)["edition"])
        assert newest in set(store.load_all_assessments(con, include_drafts=True)["edition"])
        assert store.load_assessments(con, newest).empty
        assert not store.load_assessments(con, newest, include_drafts=True).empty
    finally:
        con.close()


def test_the_schema_refuses_half_scores_and_unscored_rows_without_a_ring(db: Path) -> None:
    with pytest.raises(duckdb.ConstraintException):
        _write(
            db,
            "INSERT INTO assessments (edition, area, technology, maturity_trl) "
            "VALUES (2024, ?, 'aula', 5)",
            [AREA],
        )
    with pytest.raises(duckdb.ConstraintException):
        _write(
            db,
            "INSERT INTO assessments (edition, area, technology) VALUES (2024, ?, 'aula')",
            [AREA],
        )


def test_a_stated_ring_without_scores_is_placed_in_its_ring(db: Path) -> None:
    # AULA is assessed only in day care and school; state its ring in a second area.
    _write(
        db,
        "INSERT INTO assessments (edition, area, technology, ring_override, override_reason) "
        "VALUES (2024, ?, 'aula', 'afvent', 'Ringen er angivet i den importerede fil')",
        [AREA],
    )
    con = store.connect(db)
    try:
        catalog = store.load_catalog(con)
        entries = history.all_entries(store.load_all_assessments(con), catalog.rings)
        row = entries[(entries["area"] == AREA) & (entries["id"] == "aula")].iloc[0]
        assert row["ring"] == "afvent"
        assert row["computed_ring"] == "afvent"
        # A stated ring in one area: the combined radar combines the rings (KLAR in
        # day care and school, AFVENT here), cautiously, not the one area's scores.
        combined = entries[
            (entries["area"] == COMBINED_AREA)
            & (entries["id"] == "aula")
            & (entries["edition"] == 2024)
        ].iloc[0]
        assert combined["ring"] == "afvent"
        assert pd.isna(combined["score"])
        details = store.load_radar_data(con).technology_details("aula", 2024)
        stated = details.placement(AREA)
        assert stated is not None
        assert not stated.has_scores
        assert stated.maturity_trl is None
        assert details.placement("dagtilbud-og-skole").has_scores
        placed = history.area_history(entries, AREA, catalog)
        assert "aula" in set(placed[placed["edition"] == 2024]["id"])
    finally:
        con.close()


def test_a_technology_with_only_stated_rings_gets_a_cautious_combined_ring(db: Path) -> None:
    _write(db, "DELETE FROM assessments WHERE technology = 'aula'")
    for area, ring in (("dagtilbud-og-skole", "klar"), (AREA, "afvent")):
        _write(
            db,
            "INSERT INTO assessments (edition, area, technology, ring_override, override_reason) "
            "VALUES (2024, ?, 'aula', ?, 'angivet')",
            [area, ring],
        )
    con = store.connect(db)
    try:
        catalog = store.load_catalog(con)
        entries = history.all_entries(store.load_all_assessments(con), catalog.rings)
        combined = entries[(entries["area"] == COMBINED_AREA) & (entries["id"] == "aula")]
        # Two areas, KLAR and AFVENT: the median rounds outwards, to AFVENT.
        assert list(combined["ring"]) == ["afvent"]
        details = store.load_radar_data(con).technology_details("aula", 2024)
        assert details.combined is not None and details.combined.ring == "afvent"
    finally:
        con.close()


def test_a_version_1_database_is_migrated_on_open_and_keeps_every_row(db: Path) -> None:
    before = store.connect(db)
    counts = store.table_counts(before)
    before.close()
    # A file as version 1 built it: no status, no retired, no audit log.
    old = db.with_name("old.duckdb")
    build = duckdb.connect(str(old))
    build.execute(f"ATTACH '{db}' AS src (READ_ONLY)")
    for table in counts:
        excluded = {"editions": " EXCLUDE (status)", "technologies": " EXCLUDE (retired)"}
        build.execute(f"CREATE TABLE {table} AS SELECT *{excluded.get(table, '')} FROM src.{table}")
    build.execute("CREATE TABLE meta AS SELECT * FROM src.meta")
    build.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    build.close()
    con = store.connect(old)
    try:
        assert store.schema_version(con) == store.SCHEMA_VERSION
        assert store.table_counts(con) == counts
        assert con.execute("SELECT count(*) FROM audit_log").fetchone() == (0,)
        assert con.execute("SELECT bool_or(retired) FROM technologies").fetchone() == (False,)
    finally:
        con.close()


def test_the_illustrative_notice_follows_the_database_and_an_editor_can_switch_it(
    db: Path, tmp_path: Path
) -> None:
    from radar import editing
    from radar import exporting as exports
    from radar import importing as importers

    con = store.connect(db, read_only=False)
    try:
        assert store.is_illustrative(con)
        notice = html.escape(t("app.illustrative", "da"))
        assert notice in exports.export_radar(con, "html").decode("utf-8")
        with pytest.raises(editing.EditError):
            editing.set_illustrative(con, False, editor="Mette", reason=" ")
        assert store.is_illustrative(con)
        assert editing.set_illustrative(con, False, editor="Mette", reason="Egne tal fra 2026")
        assert not store.is_illustrative(con)
        assert not editing.set_illustrative(con, False, editor="Mette", reason="igen")
        logged = con.execute(
            "SELECT editor, field, old_value, new_value, reason FROM audit_log"
        ).fetchall()
        assert logged == [("Mette", "illustrative", "true", "false", "Egne tal fra 2026")]
        page = exports.export_radar(con, "html").decode("utf-8")
        assert notice not in page
    finally:
        con.close()
    empty = importers.create_empty_database(tmp_path / "own.duckdb")
    own = store.connect(empty)
    try:
        assert not store.is_illustrative(own)
    finally:
        own.close()
