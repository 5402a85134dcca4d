"""Other radars' ring and category names: synonyms, ``--rings``, ``--categories``, new categories.

Files of other organisations name their rings in their own words (Norwegian,
Swedish, Danish, "Verbreiten (Adopt)", numbers) and their categories as they
like; the import maps what it knows, asks once per unknown name, and takes a
mapping for the rest.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from radar import importing as importers
from radar import store, theme
from radar.cli import main
from radar.importing import ImportProblems, plan_import
from radar.importing.mapping import ImportMapping, MappingSyntaxError, parse_pairs

AREA = "administration"


@pytest.fixture
def econ(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A new, empty radar database: KL's rings and areas, no categories."""
    connection = duckdb.connect(str(importers.create_empty_database(tmp_path / "new.duckdb")))
    yield connection
    connection.close()


def _byor(rings: list[str], quadrant: str = "Verktøy") -> bytes:
    lines = ["name,ring,quadrant,isNew,description"]
    lines += [f"Teknologi {i},{ring},{quadrant},TRUE,Om {i}." for i, ring in enumerate(rings, 1)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _rings(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = con.execute("SELECT technology, ring_override FROM assessments").fetchall()
    return dict(rows)


@pytest.mark.parametrize(
    ("names", "language"),
    [
        (["Ta i bruk", "Prøv ut", "Vurder", "Avvent"], "Norwegian"),
        (["BRUK", "PRØV", "VURDER", "AVSTÅ"], "Norwegian, in capitals"),
        (["Använd", "Testa", "Utvärdera", "Avvakta"], "Swedish"),
        (["Tag i brug", "Afprøv", "Vurdér", "Undgå"], "Danish"),
        (["Use", "Try", "Evaluate", "Avoid"], "English variants"),
        (["Verbreiten (Adopt)", "Testen (Trial)", "Bewerten (Assess)", "Stoppen (Hold)"], "German"),
    ],
)
def test_other_radars_ring_names_map_without_help(
    econ: duckdb.DuckDBPyConnection, names: list[str], language: str
) -> None:
    importers.import_file(
        econ, _byor(names), file_name="radar.csv", edition=1, area=AREA, editor="t"
    )
    assert _rings(econ) == {
        "teknologi-1": "klar",
        "teknologi-2": "afproev",
        "teknologi-3": "hold-oeje",
        "teknologi-4": "afvent",
    }, language


def test_an_unknown_ring_is_reported_once_with_its_rows_and_the_option_that_fixes_it(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    # A Dutch radar: 84 lines for one file before, one per row.
    rings = ["Explore", "Monitor"] * 20 + ["Adopt"]
    with pytest.raises(ImportProblems) as refused:
        plan_import(econ, _byor(rings), file_name="nl.csv", edition=1, area=AREA, lang="en")
    problems = refused.value.problems
    assert len(problems) == 2
    explore = next(p for p in problems if "'Explore'" in p.message)
    assert (explore.file, explore.row, explore.column) == ("nl.csv", 2, "ring")
    assert "20 rows" in explore.message and "2, 4, 6" in explore.message
    assert '--rings "Explore=klar"' in explore.message
    assert "Rings and categories" in explore.message
    assert econ.execute("SELECT count(*) FROM assessments").fetchone() == (0,)


def test_a_ring_mapping_names_the_rest_in_any_case(econ: duckdb.DuckDBPyConnection) -> None:
    mapping = ImportMapping(rings={"explore": "AFPRØV", "Monitor": "hold-oeje"})
    plan = plan_import(
        econ,
        _byor(["Explore", "Monitor", "Adopt"]),
        file_name="nl.csv",
        edition=1,
        area=AREA,
        mapping=mapping,
    )
    importers.apply_import(econ, plan, editor="t")
    assert _rings(econ) == {
        "teknologi-1": "afproev",
        "teknologi-2": "hold-oeje",
        "teknologi-3": "klar",
    }


def test_a_mapping_onto_no_ring_is_refused_and_an_unused_name_is_pointed_out(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    with pytest.raises(ImportProblems) as refused:
        plan_import(
            econ,
            _byor(["Adopt"]),
            file_name="x.csv",
            edition=1,
            area=AREA,
            mapping=ImportMapping(rings={"Explore": "maybe"}),
            lang="en",
        )
    (problem,) = refused.value.problems
    assert problem.column == "--rings"
    assert "'maybe' is not one of the radar's rings" in problem.message
    assert "klar (Ready)" in problem.message
    plan = plan_import(
        econ,
        _byor(["Adopt"]),
        file_name="x.csv",
        edition=1,
        area=AREA,
        mapping=ImportMapping(rings={"Exploer": "klar"}),
        lang="en",
    )
    assert any(n.column == "--rings" and "Exploer" in n.message for n in plan.notes)


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("1=klar,2=afproev", {"1": "klar", "2": "afproev"}),
        (" Ta i bruk = klar , ", {"Ta i bruk": "klar"}),
        ("", {}),
    ],
)
def test_mapping_pairs_are_read_from_the_command_line_text(
    text: str, pairs: dict[str, str]
) -> None:
    assert parse_pairs(text) == pairs


@pytest.mark.parametrize("text", ["1klar", "=klar", "1=", "1=klar,1=afvent"])
def test_a_mapping_text_that_is_not_pairs_names_the_wrong_part(text: str) -> None:
    with pytest.raises(MappingSyntaxError):
        parse_pairs(text)


def test_numbered_rings_import_with_rings_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "radar.csv"
    source.write_bytes(_byor(["1", "2", "3", "4", "4"]))
    db = tmp_path / "new.duckdb"
    args = ["import", str(source), "--db", str(db), "--edition", "1", "--area", AREA]
    assert main(args) == 1
    assert '--rings "1=klar"' in capsys.readouterr().err
    mapped = [*args, "--rings", "1=klar,2=afproev,3=hold-oeje,4=afvent"]
    assert main(mapped) == 0
    con = store.connect(db, read_only=True)
    try:
        assert sorted(_rings(con).values()) == ["afproev", "afvent", "afvent", "hold-oeje", "klar"]
    finally:
        con.close()


def test_a_bad_rings_option_is_a_clear_command_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "radar.csv"
    source.write_bytes(_byor(["1"]))
    assert main(["import", str(source), "--edition", "1", "--rings", "1klar"]) == 2
    assert "--rings: '1klar' er ikke FRA=TIL" in capsys.readouterr().err
    args = ["import", str(source), "--edition", "1", "--categories", "x", "--lang", "en"]
    assert main(args) == 2
    assert "--categories: 'x' is not FROM=TO" in capsys.readouterr().err


def _zalando(with_quadrants: bool) -> bytes:
    document: dict[str, object] = {
        "date": "2025.03",
        "entries": [
            {"label": "Kotlin", "quadrant": 0, "ring": 0, "moved": 0, "active": True},
            {"label": "Kafka", "quadrant": 1, "ring": 1, "moved": 0, "active": True},
            {"label": "Postgres", "quadrant": 2, "ring": 2, "moved": 1, "active": True},
            {"label": "Airflow", "quadrant": 3, "ring": 3, "moved": 0, "active": True},
        ],
    }
    if with_quadrants:
        document["quadrants"] = [{"name": n} for n in ("Sprog", "Drift", "Data", "Værktøj")]
    return json.dumps(document).encode("utf-8")


def test_a_zalando_fork_without_quadrants_gets_a_note_and_takes_their_names(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    plan = plan_import(econ, _zalando(False), file_name="config.json", edition=1, area=AREA)
    (note,) = [n for n in plan.notes if n.column == "quadrants"]
    assert "0 = Languages" in note.message and "--categories" in note.message
    named = ImportMapping(categories={"0": "Sprog", "1": "Drift", "2": "Data", "3": "Værktøj"})
    plan = plan_import(
        econ, _zalando(False), file_name="config.json", edition=1, area=AREA, mapping=named
    )
    assert not [n for n in plan.notes if n.column in ("quadrants", "--categories")]
    importers.apply_import(econ, plan, editor="t")
    sectors = econ.execute("SELECT name_da FROM sectors ORDER BY position").fetchall()
    assert [s[0] for s in sectors] == ["Sprog", "Drift", "Data", "Værktøj"]
    # With its own list there is nothing to note.
    plan = plan_import(econ, _zalando(True), file_name="config.json", edition=2, area=AREA)
    assert not [n for n in plan.notes if n.column == "quadrants"]


def test_a_foreign_category_can_be_merged_into_one_of_ours(writable_db: Path) -> None:
    con = duckdb.connect(str(writable_db))
    try:
        before = con.execute("SELECT count(*) FROM sectors").fetchone()
        mapping = ImportMapping(categories={"Verktøy": "Automatisering og kunstig intelligens"})
        importers.import_file(
            con,
            _byor(["Adopt"]),
            file_name="no.csv",
            edition=1,
            area=AREA,
            editor="t",
            mapping=mapping,
        )
        assert con.execute("SELECT count(*) FROM sectors").fetchone() == before
        sector = con.execute("SELECT sector FROM technologies WHERE id = 'teknologi-1'")
        assert sector.fetchone() == ("AUT",)
    finally:
        con.close()


def test_our_own_csv_creates_its_categories_in_a_new_database(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    # A municipality's own radar, hand-converted: KL's categories by name, and one of its own.
    data = (
        "area;sector;name_da;ring\n"
        "administration;Velfærdsteknologi og robotter;Spiserobot;AFPRØV\n"
        "administration;AUT;Chatbot;KLAR\n"
        "administration;Kommunens egne systemer;Sagssystem;KLAR\n"
    ).encode()
    plan = importers.import_file(econ, data, file_name="vejle.csv", edition=2026, editor="t").plan
    assert set(plan.sectors_added) == {"VT", "AUT", "kommunens-egne-systemer"}
    rows = econ.execute("SELECT id, name_da, name_en, description_da FROM sectors").fetchall()
    by_id = {r[0]: r[1:] for r in rows}
    assert by_id["VT"][:2] == ("Velfærdsteknologi og robotter", "Welfare technology and robots")
    assert by_id["VT"][2]  # KL's description comes with it
    assert by_id["kommunens-egne-systemer"][:2] == ("Kommunens egne systemer",) * 2
    assert econ.execute("SELECT count(*) FROM assessments").fetchone() == (3,)
    # Importing it again changes nothing.
    again = plan_import(econ, data, file_name="vejle.csv", edition=2026)
    assert not again.has_changes


def test_a_bare_list_of_zalando_entries_imports_as_zalando(econ: duckdb.DuckDBPyConnection) -> None:
    # Forks that keep one radar per date (dataset/2020.05.json) write the entries alone.
    entries = json.loads(_zalando(False))["entries"]
    data = json.dumps(entries).encode()
    plan = plan_import(econ, data, file_name="2020.05.json", edition=1, area=AREA)
    assert plan.format == "zalando"
    assert any(n.column == "quadrants" for n in plan.notes)
    importers.apply_import(econ, plan, editor="t")
    assert econ.execute("SELECT count(*) FROM assessments").fetchone() == (4,)


def test_a_byor_file_without_its_header_row_is_told_so_once(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    data = _byor(["Adopt", "Trial", "Hold"]).split(b"\n", 1)[1]
    with pytest.raises(ImportProblems) as refused:
        plan_import(econ, data, file_name="old.csv", edition=1, area=AREA, lang="en")
    (problem,) = refused.value.problems
    assert problem.row == 1
    assert "looks like a radar entry" in problem.message
    assert "name,ring,quadrant,isNew,description" in problem.message
    assert len(problem.message) < 400


def test_a_radar_of_twelve_categories_imports_and_each_has_a_colour_of_its_own(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    lines = ["name,ring,quadrant,isNew,description"]
    lines += [f"T{i},adopt,Q{i % 12:02d},TRUE,x" for i in range(24)]
    plan = plan_import(
        econ, ("\n".join(lines) + "\n").encode(), file_name="x.csv", edition=1, area=AREA
    )
    assert len(plan.sectors_added) == 12
    importers.apply_import(econ, plan, editor="t")
    assert len(set(theme.SECTOR_COLOURS[:12])) == 12
