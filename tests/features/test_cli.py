"""The command line: ``python -m radar init`` and ``show``."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from radar import store
from radar.cli import main


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
