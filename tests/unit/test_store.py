"""Building, opening and reading the DuckDB store."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
from file_lock import held_by_another_process

from radar import store
from radar.model import COMBINED_AREA
from radar.pipeline.view import ViewFilter
from radar.store.seed import SeedError


def test_seed_builds_a_database_with_the_promised_example_data(
    con: duckdb.DuckDBPyConnection,
) -> None:
    counts = store.table_counts(con)
    assert counts["technologies"] >= 90
    assert counts["cases"] >= 40
    catalog = store.load_catalog(con)
    assert catalog.area_ids == (
        "dagtilbud-og-skole",
        "social-og-sundhed",
        "beskaeftigelse",
        "teknik-og-miljoe",
        "administration",
    )
    assert [r.label("da") for r in catalog.rings] == ["KLAR", "AFPRØV", "HOLD ØJE", "AFVENT"]
    assert set(catalog.sector_ids) == {"AUT", "DATA", "BORG", "VT", "INFRA"}
    assert set(catalog.years) >= {2021, 2022, 2023, 2024, 2025}
    assert COMBINED_AREA not in catalog.area_ids


def test_every_area_has_at_least_25_technologies_in_every_edition(
    con: duckdb.DuckDBPyConnection,
) -> None:
    per_area = store.query_frame(
        con, "SELECT edition, area, count(*) AS n FROM assessments GROUP BY ALL"
    )
    assert len(per_area) == 25
    assert per_area["n"].min() >= 25


def test_every_sector_is_used(con: duckdb.DuckDBPyConnection) -> None:
    used = store.query_frame(con, "SELECT DISTINCT sector FROM technologies")
    assert set(used["sector"]) == set(store.load_catalog(con).sector_ids)


def test_generative_ai_appears_in_2024(con: duckdb.DuckDBPyConnection) -> None:
    first = store.query_frame(
        con,
        """
        SELECT min(a.edition) AS first FROM assessments a JOIN technologies t
        ON t.id = a.technology WHERE t.name_en ILIKE '%generative ai%'
        """,
    )
    assert first["first"].iloc[0] == 2024


def test_overrides_carry_their_reason(con: duckdb.DuckDBPyConnection) -> None:
    overrides = store.query_frame(con, "SELECT * FROM assessments WHERE ring_override IS NOT NULL")
    assert not overrides.empty
    assert overrides["override_reason"].str.strip().str.len().min() > 0


def test_cases_load_for_a_technology(con: duckdb.DuckDBPyConnection) -> None:
    tech = store.query_frame(con, "SELECT technology FROM cases LIMIT 1")["technology"][0]
    cases = store.load_cases(con, tech)
    assert cases and all(c.technology == tech for c in cases)
    assert all(c.title("da") and c.title("en") for c in cases)


def test_path_comes_from_argument_then_environment_then_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(store.DB_ENV_VAR, raising=False)
    assert store.resolve_db_path() == store.DEFAULT_DB_PATH
    monkeypatch.setenv(store.DB_ENV_VAR, str(tmp_path / "env.duckdb"))
    assert store.resolve_db_path() == tmp_path / "env.duckdb"
    assert store.resolve_db_path(tmp_path / "arg.duckdb") == tmp_path / "arg.duckdb"


def test_connect_builds_the_database_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "first.duckdb"
    con = store.connect(path)
    try:
        assert store.table_counts(con)["technologies"] >= 90
    finally:
        con.close()
    assert path.exists()


def test_build_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "radar.duckdb"
    store.build_database(path)
    before = path.read_bytes()
    with pytest.raises(store.DatabaseExistsError, match="--force"):
        store.build_database(path)
    assert path.read_bytes() == before
    store.build_database(path, force=True)
    con = store.connect(path)
    try:
        assert store.table_counts(con)["technologies"] >= 90
    finally:
        con.close()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "radar.duckdb")


def test_invalid_seed_names_file_row_and_column_and_keeps_the_old_database(
    tmp_path: Path, seed_copy: Path
) -> None:
    path = tmp_path / "radar.duckdb"
    store.build_database(path)
    before = path.read_bytes()
    assessments = seed_copy / "assessments.csv"
    lines = assessments.read_text(encoding="utf-8").splitlines()
    fields = lines[2].split(",")
    fields[3] = "ti"  # maturity_trl of the second data row, spreadsheet row 3
    lines[2] = ",".join(fields)
    assessments.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        store.build_database(path, data_dir=seed_copy, force=True)
    problems = [str(p) for p in caught.value.problems]
    assert "assessments.csv, row 3, column 'maturity_trl': 'ti' is not a whole number" in problems
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == ["data"]


def test_seed_problems_are_all_reported_at_once(seed_copy: Path, tmp_path: Path) -> None:
    (seed_copy / "rings.csv").write_text(
        "id,position,min_score,name_da,name_en,description_da,description_en\n"
        "klar,1,0.7,KLAR,Ready,a,b\n"
        "afvent,2,0.1,AFVENT,Wait,a,b\n",
        encoding="utf-8",
    )
    techs = (seed_copy / "technologies.csv").read_text(encoding="utf-8").splitlines()
    fields = techs[1].split(",")
    fields[1] = "NOPE"
    techs[1] = ",".join(fields)
    techs.append(techs[2])  # a duplicate id
    (seed_copy / "technologies.csv").write_text("\n".join(techs) + "\n", encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        store.build_database(tmp_path / "x.duckdb", data_dir=seed_copy)
    text = str(caught.value)
    assert "technologies.csv, row 2, column 'sector': 'NOPE' is not an id in sectors.csv" in text
    assert f"technologies.csv, row {len(techs)}, column 'id': duplicate of row 3" in text
    assert "rings.csv, column 'min_score': the outermost ring must start at 0" in text
    assert "assessments.csv" in text  # rings now unknown to the overrides
    assert not (tmp_path / "x.duckdb").exists()


def test_missing_column_and_bad_encoding_are_reported(seed_copy: Path, tmp_path: Path) -> None:
    (seed_copy / "areas.csv").write_text("id,name_da,name_en\nx,X,X\n", encoding="utf-8")
    (seed_copy / "cases.csv").write_bytes("id,title\n\xe6\xf8\xe5\n".encode("latin-1"))
    with pytest.raises(SeedError) as caught:
        store.build_database(tmp_path / "x.duckdb", data_dir=seed_copy)
    text = str(caught.value)
    assert "areas.csv, row 1: missing column(s) position" in text
    assert "cases.csv: not UTF-8 text" in text


def test_a_build_that_fails_halfway_leaves_no_half_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "radar.duckdb"
    store.build_database(path)
    before = path.read_bytes()
    real_connect = duckdb.connect

    class Interrupted(Exception):
        pass

    def connect_then_fail(database: str, *args: object, **kwargs: object):
        con = real_connect(database, *args, **kwargs)
        real_execute = con.execute
        inserts = 0

        class Wrapped:
            def __getattr__(self, name: str) -> object:
                return getattr(con, name)

            def execute(self, sql: str, *a: object) -> object:
                nonlocal inserts
                if sql.startswith("INSERT INTO assessments"):
                    inserts += 1
                    raise Interrupted("power cut")
                return real_execute(sql, *a)

        return Wrapped()

    monkeypatch.setattr(duckdb, "connect", connect_then_fail)
    with pytest.raises(Interrupted):
        store.build_database(path, force=True)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_a_locked_database_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "radar.duckdb"
    store.build_database(path)
    with (
        held_by_another_process(path),
        pytest.raises(store.DatabaseUnavailableError, match="cannot open the radar database"),
    ):
        store.connect(path)


def test_a_file_that_is_not_a_database_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "radar.duckdb"
    path.write_text("this is not a database", encoding="utf-8")
    with pytest.raises(store.DatabaseUnavailableError, match="init --force"):
        store.connect(path)


def _rewrite_row(path: Path, row: int, changes: dict[int, str]) -> list[str]:
    """Change fields of spreadsheet row ``row`` (header = 1), writing proper CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    for index, value in changes.items():
        records[row - 1][index] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(records)
    return records[row - 1]


def test_quoted_line_breaks_survive_and_rows_count_as_in_a_spreadsheet(
    seed_copy: Path, tmp_path: Path
) -> None:
    cases = seed_copy / "cases.csv"
    text = "Første linje\nAnden linje\u2028samme afsnit"
    case_id = _rewrite_row(cases, 2, {7: text})[0]
    _rewrite_row(cases, 4, {2: "ingen-saadan-omraade"})
    with pytest.raises(SeedError) as caught:
        store.build_database(tmp_path / "x.duckdb", data_dir=seed_copy)
    # Row 4 as a spreadsheet counts it, although a line break came before it.
    assert [str(p) for p in caught.value.problems] == [
        "cases.csv, row 4, column 'area': 'ingen-saadan-omraade' is not an id in areas.csv"
    ]
    _rewrite_row(cases, 4, {2: "administration"})
    con = store.connect(store.build_database(tmp_path / "ok.duckdb", data_dir=seed_copy))
    try:
        stored = store.query_frame(con, "SELECT text_da FROM cases WHERE id = ?", [case_id])
    finally:
        con.close()
    assert stored["text_da"][0] == text


def test_the_radar_refuses_more_rings_than_it_can_draw(seed_copy: Path, tmp_path: Path) -> None:
    rings = seed_copy / "rings.csv"
    text = rings.read_text(encoding="utf-8").rstrip("\n").splitlines()
    header, rows = text[0], text[1:]
    extra = [f"ekstra-{i},{5 + i},0.0{i},E{i},E{i},d,d" for i in range(3)]
    rings.write_text("\n".join([header, *rows, *extra]) + "\n", encoding="utf-8")
    with pytest.raises(SeedError, match=r"rings\.csv: has 7 rings; the radar draws 3 to 6"):
        store.build_database(tmp_path / "x.duckdb", data_dir=seed_copy)


def test_a_seed_of_one_category_builds_a_radar_of_one_category(
    seed_copy: Path, tmp_path: Path
) -> None:
    with (seed_copy / "sectors.csv").open(encoding="utf-8", newline="") as handle:
        header, first, *_ = list(csv.reader(handle))
    with (seed_copy / "sectors.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, first])
    technologies = seed_copy / "technologies.csv"
    with technologies.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    with technologies.open("w", encoding="utf-8", newline="") as handle:
        rows = [records[0], *([r[0], first[0], *r[2:]] for r in records[1:])]
        csv.writer(handle, lineterminator="\n").writerows(rows)
    con = store.connect(store.build_database(tmp_path / "one.duckdb", data_dir=seed_copy))
    try:
        assert list(store.load_catalog(con).sector_ids) == [first[0]]
        view = store.load_view(con, ViewFilter(area=COMBINED_AREA))
    finally:
        con.close()
    assert len(view) == len(records) - 1 and view["shown"].all()


def test_an_override_needs_its_reason(seed_copy: Path, tmp_path: Path) -> None:
    path = seed_copy / "assessments.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    fields = lines[1].split(",")
    fields[-2], fields[-1] = "afvent", ""
    lines[1] = ",".join(fields)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        store.build_database(tmp_path / "x.duckdb", data_dir=seed_copy)
    assert [str(p) for p in caught.value.problems] == [
        "assessments.csv, row 2, column 'override_reason': a ring override needs its reason"
    ]
