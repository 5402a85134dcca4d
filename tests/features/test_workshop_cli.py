"""The command line for workshops: ``python -m radar workshop create|list|close|export``."""

from __future__ import annotations

import io
import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
from file_lock import held_by_another_process

from radar import store, workshop
from radar.cli import main

AREA = "teknik-og-miljoe"


@pytest.fixture(autouse=True)
def _no_default_workshop_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A test that forgets --workshop-db must not write beside the real radar database.
    monkeypatch.setenv(workshop.WORKSHOP_DB_ENV_VAR, str(tmp_path / "default-workshops.duckdb"))
    monkeypatch.delenv(workshop.BASE_URL_ENV_VAR, raising=False)


@pytest.fixture
def wdb(tmp_path: Path) -> Path:
    return tmp_path / "workshops.duckdb"


def _create(seeded_db: Path, wdb: Path, *extra: str) -> list[str]:
    return [
        "workshop",
        "create",
        "--title",
        "Temadag: Teknik og miljø",
        "--area",
        AREA,
        "--db",
        str(seeded_db),
        "--workshop-db",
        str(wdb),
        *extra,
    ]


def _code(out: str) -> str:
    found = re.search(r"^Code: (\S+)$", out, re.MULTILINE)
    assert found, out
    return found.group(1)


def test_create_prints_the_code_and_the_join_link(
    seeded_db: Path,
    wdb: Path,
    con: duckdb.DuckDBPyConnection,
    capsys: pytest.CaptureFixture,
) -> None:
    assert main(_create(seeded_db, wdb, "--base-url", "https://radar.kommune.dk/")) == 0
    out = capsys.readouterr().out
    code = _code(out)
    raw = workshop.normalize_code(code)
    assert re.fullmatch(f"[{workshop.CODE_ALPHABET}]{{5}}-[{workshop.CODE_ALPHABET}]{{5}}", code)
    assert f"Link: https://radar.kommune.dk/deltag?code={raw}" in out.splitlines()
    assert sorted(p.name for p in wdb.parent.iterdir()) == [wdb.name]
    wcon = workshop.connect_workshops(wdb)
    try:
        created = workshop.find_workshop(wcon, code)
    finally:
        wcon.close()
    assert created.title == "Temadag: Teknik og miljø"
    assert created.edition == store.latest_assessed_edition(con)
    official = workshop.official_rings(con, AREA, created.edition)
    assert {x.id: x.official_ring for x in created.technologies} == official
    assert created.closes_at is None


def test_create_takes_technologies_an_edition_a_closing_time_and_the_base_url_from_env(
    seeded_db: Path,
    wdb: Path,
    capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(workshop.BASE_URL_ENV_VAR, "http://radar.local:8080")
    closes = (datetime.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    args = _create(
        seeded_db,
        wdb,
        "--edition",
        "2023",
        "--technologies",
        " droner , iot-platforme,droner",
        "--closes",
        closes.isoformat(timespec="minutes"),
    )
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Link: http://radar.local:8080/deltag?code=" in out
    wcon = workshop.connect_workshops(wdb)
    try:
        created = workshop.find_workshop(wcon, _code(out))
    finally:
        wcon.close()
    assert created.technology_ids == ("droner", "iot-platforme")
    assert created.edition == 2023
    assert created.closes_at == closes.astimezone(created.closes_at.tzinfo)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--area", "skole"],
            "There is no welfare area “skole”; the areas are samlet, dagtilbud-og-skole",
        ),
        (["--edition", "1999"], "There is no edition 1999; the editions are 2021, 2022"),
        (
            ["--technologies", "droner,flyvende-biler"],
            "These technologies are not in the catalogue: flyvende-biler.",
        ),
        (["--closes", "i morgen"], "--closes 'i morgen' is not a date and time"),
        (["--closes", "2001-01-01T10:00+01:00"], "The closing time 1 January 2001, 10:00 has"),
        (["--base-url", "radar.kommune.dk"], "must start with http:// or https://"),
        (["--title", "  "], "Give the workshop a title."),
    ],
)
def test_create_explains_bad_input_and_writes_nothing(
    seeded_db: Path,
    wdb: Path,
    capsys: pytest.CaptureFixture,
    extra: list[str],
    message: str,
) -> None:
    before = seeded_db.read_bytes()
    assert main(_create(seeded_db, wdb, *extra)) == 1
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.err.startswith("error: ")
    assert captured.out == ""
    assert not wdb.exists()
    assert seeded_db.read_bytes() == before


def test_list_close_and_export(
    seeded_db: Path, wdb: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["workshop", "list", "--workshop-db", str(wdb)]) == 0
    assert "No workshops yet" in capsys.readouterr().out
    assert not wdb.exists()
    # Comments shown at once: the export below holds it without anyone approving it.
    assert main(_create(seeded_db, wdb, "--unmoderated")) == 0
    first = _code(capsys.readouterr().out)
    assert main(_create(seeded_db, wdb, "--technologies", "droner")) == 0
    second = _code(capsys.readouterr().out)

    wcon = workshop.connect_workshops(wdb)
    try:
        ida = workshop.join(wcon, first)
        tech = workshop.find_workshop(wcon, first).technology_ids[0]
        workshop.submit_answer(
            wcon, first, ida.token, tech, "klar", "impact", {"core": "Færre køreture"}
        )
    finally:
        wcon.close()

    assert main(["workshop", "list", "--workshop-db", str(wdb)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["CODE", "STATUS", "EDITION", "AREA", "TECHS", "ID", "TITLE"]
    assert {line.split()[0]: line.split()[1] for line in lines[1:]} == {
        first: "open",
        second: "open",
    }

    assert main(["workshop", "close", first.lower(), "--workshop-db", str(wdb)]) == 0
    assert "Closed" in capsys.readouterr().out
    assert main(["workshop", "close", first, "--workshop-db", str(wdb)]) == 0
    assert "already closed" in capsys.readouterr().out
    assert main(["workshop", "list", "--workshop-db", str(wdb)]) == 0
    statuses = {line.split()[0]: line.split()[1] for line in capsys.readouterr().out.splitlines()}
    assert (statuses[first], statuses[second]) == ("closed", "open")

    csv_path = tmp_path / "resultater.csv"
    assert (
        main(["workshop", "export", first, "--out", str(csv_path), "--workshop-db", str(wdb)]) == 0
    )
    assert "Wrote" in capsys.readouterr().out
    frame = pd.read_csv(csv_path, sep=";", encoding="utf-8-sig")
    assert frame.loc[0, "Id"] == tech
    assert frame.loc[0, "Gruppens ring"] == "KLAR"
    assert frame["Antal svar"].sum() == 1
    comments_path = tmp_path / "kommentarer.csv"
    args = ["workshop", "export", first, "--out", str(comments_path), "--part", "comments"]
    assert main([*args, "--workshop-db", str(wdb)]) == 0
    comments = pd.read_csv(comments_path, sep=";", encoding="utf-8-sig")
    assert list(comments["Kommentar"]) == ["Færre køreture"]

    xlsx_path = tmp_path / "results.xlsx"
    args = ["workshop", "export", first, "--out", str(xlsx_path), "--lang", "en"]
    assert main([*args, "--workshop-db", str(wdb)]) == 0
    book = openpyxl.load_workbook(io.BytesIO(xlsx_path.read_bytes()))
    assert book.sheetnames == ["Summary", "Comments", "Prioritising", "Consequences", "Workshop"]


def test_close_and_export_explain_what_is_wrong(
    seeded_db: Path, wdb: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "x.csv"
    assert (
        main(["workshop", "export", "ABCDE-FGHJK", "--out", str(out), "--workshop-db", str(wdb)])
        == 1
    )
    assert "no workshop database" in capsys.readouterr().err
    assert main(["workshop", "close", "ABCDE-FGHJK", "--workshop-db", str(wdb)]) == 1
    assert "no workshop database" in capsys.readouterr().err
    assert not wdb.exists()
    assert main(_create(seeded_db, wdb)) == 0
    code = _code(capsys.readouterr().out)
    assert main(["workshop", "close", "ABCDE-FGHJK", "--workshop-db", str(wdb)]) == 1
    assert "No workshop has the code “ABCDEFGHJK”" in capsys.readouterr().err
    bad = ["workshop", "export", code, "--workshop-db", str(wdb), "--out"]
    assert main([*bad, str(tmp_path / "x.pdf")]) == 1
    assert "must end in .csv or .xlsx" in capsys.readouterr().err
    assert main([*bad, str(tmp_path / "missing" / "x.csv")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == [wdb.name]


def test_the_default_workshop_database_sits_beside_the_radar_database(
    seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    radar_db = tmp_path / "data" / "radar.duckdb"
    radar_db.parent.mkdir()
    shutil.copy(seeded_db, radar_db)
    monkeypatch.setenv(store.DB_ENV_VAR, str(radar_db))
    monkeypatch.delenv(workshop.WORKSHOP_DB_ENV_VAR)
    args = ["workshop", "create", "--title", "T", "--area", "administration"]
    assert main(args) == 0
    capsys.readouterr()
    assert (tmp_path / "data" / "workshops.duckdb").exists()
    assert main(["workshop", "list"]) == 0
    assert "administration" in capsys.readouterr().out


def test_a_workshop_database_held_by_the_dashboard_gives_a_clear_message(
    seeded_db: Path, wdb: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(_create(seeded_db, wdb)) == 0
    code = _code(capsys.readouterr().out)
    with held_by_another_process(wdb):
        assert main(_create(seeded_db, wdb)) == 1
        err = capsys.readouterr().err
        assert f"the workshop database {wdb} is in use by another process" in err
        assert "stop the dashboard" in err
        assert main(["workshop", "close", code, "--workshop-db", str(wdb)]) == 1
        assert "in use by another process" in capsys.readouterr().err
    assert main(["workshop", "list", "--workshop-db", str(wdb)]) == 0
    statuses = [line.split()[:2] for line in capsys.readouterr().out.splitlines()[1:]]
    assert statuses == [[code, "open"]]
