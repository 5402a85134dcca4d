"""Importing a radar from a file: round trips, every kind of bad file, replace semantics,
rings, the audit log, foreign formats and the command line."""

from __future__ import annotations

import csv
import getpass
import importlib
import io
import json
import pkgutil
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import pandas as pd
import pytest
from foreign_radar_files import BAD_FOREIGN_FILES, dump, dump_file

from radar import formats, store
from radar import importing as importers
from radar.cli import main
from radar.i18n import STRINGS, t
from radar.importing import ImportProblems, html_to_text, plan_import
from radar.importing.mapping import ImportMapping
from radar.importing.read import JSON_REASONS
from radar.model import TECHNOLOGY_TEXT_FIELDS
from radar.pipeline import scoring
from radar.store import audit
from radar.store.seed import SECTOR_COUNT, load_seed

DATA = Path(__file__).parent / "data" / "import"
#: A foreign radar of eight quadrants: with the seed's five, more than the radar draws.
EIGHT_NAMES = ", ".join(f"Quadrant {n}" for n in range(1, 9))
EIGHT_QUADRANTS = (
    "name,ring,quadrant\n" + "".join(f"T{n},adopt,Quadrant {n}\n" for n in range(1, 9))
).encode()
AREA = "administration"
SCORES = scoring.SCORE_COLUMNS


# --------------------------------------------------------------------------
# helpers


@pytest.fixture
def db(writable_db: Path) -> Path:
    """A writable copy of the seeded database."""
    return writable_db


@pytest.fixture
def rcon(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(db))
    yield connection
    connection.close()


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    return importers.create_empty_database(tmp_path / "empty.duckdb")


@pytest.fixture
def econ(empty_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(empty_db))
    yield connection
    connection.close()


def _own_rows(
    con: duckdb.DuckDBPyConnection, edition: int, area: str, *, ring_as: str = "id"
) -> list[dict[str, str]]:
    """One area's radar in our own format, as an export would write it."""
    catalog = store.load_catalog(con, include_drafts=True)
    frame = store.load_assessments(con, edition, include_drafts=True)
    frame = scoring.score_assessments(frame[frame["area"] == area], catalog.rings)
    technologies = store.load_technologies(con)
    rows = []
    for record in frame.sort_values("technology").to_dict("records"):
        tech = technologies[record["technology"]]
        ring = catalog.ring(record["ring"])
        row = {
            "area": area,
            "technology": tech.id,
            "sector": tech.sector,
            **{f: getattr(tech, f) for f in TECHNOLOGY_TEXT_FIELDS},
            **{c: str(int(record[c])) for c in SCORES},
            "ring": getattr(ring, ring_as),
            "ring_reason": "" if pd.isna(record["override_reason"]) else record["override_reason"],
        }
        rows.append(row)
    return rows


def _csv(rows: list[dict[str, Any]], *, sep: str = ",", bom: bool = False) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(
        out, fieldnames=list(rows[0]), delimiter=sep, lineterminator="\r\n" if bom else "\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")


def _xlsx(rows: list[dict[str, Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    for row in rows:
        # Numbers as numbers, as a spreadsheet holds them.
        sheet.append([int(v) if isinstance(v, str) and v.isdigit() else v for v in row.values()])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _json(rows: list[dict[str, Any]]) -> bytes:
    data = [{k: (int(v) if v.isdigit() else (v or None)) for k, v in row.items()} for row in rows]
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


ENCODERS = {
    "csv-comma": ("radar.csv", lambda rows: _csv(rows), "id"),
    "csv-semicolon": ("radar.csv", lambda rows: _csv(rows, sep=";", bom=True), "name_da"),
    "xlsx": ("radar.xlsx", _xlsx, "name_en"),
    "json": ("radar.json", _json, "id"),
}


def _problems(exc: pytest.ExceptionInfo[ImportProblems]) -> list[str]:
    return [str(p) for p in exc.value.problems]


def _audit(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    result = con.execute("SELECT * FROM audit_log ORDER BY record_key, field NULLS FIRST")
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


# --------------------------------------------------------------------------
# our own format: round trips


@pytest.mark.parametrize("encoding", ENCODERS)
def test_reimporting_an_areas_own_radar_changes_nothing_and_logs_nothing(
    rcon: duckdb.DuckDBPyConnection, encoding: str
) -> None:
    file_name, encode, ring_as = ENCODERS[encoding]
    rows = _own_rows(rcon, 2025, AREA, ring_as=ring_as)
    before = dump(rcon)
    plan = plan_import(rcon, encode(rows), file_name=file_name, edition=2025)
    assert plan.format == Path(file_name).suffix[1:]
    assert not plan.has_changes
    assert len(plan.assessments_unchanged) == len(rows) == 37
    assert plan.assessments_added == plan.assessments_changed == plan.assessments_removed == ()
    assert len(plan.technologies_unchanged) == len(rows)
    result = importers.apply_import(rcon, plan, editor="test")
    assert result.audit_rows == 0
    assert dump(rcon) == before


@pytest.mark.parametrize("encoding", ENCODERS)
def test_an_areas_radar_imports_into_a_new_edition_exactly(
    rcon: duckdb.DuckDBPyConnection, encoding: str
) -> None:
    file_name, encode, ring_as = ENCODERS[encoding]
    rows = _own_rows(rcon, 2025, AREA, ring_as=ring_as)
    data = encode(rows)
    plan = plan_import(
        rcon,
        data,
        file_name=file_name,
        edition=2031,
        title="Radar 2031",
        published=date(2031, 6, 1),
    )
    assert plan.edition_is_new and plan.areas == (AREA,)
    assert len(plan.assessments_added) == len(rows)
    assert plan.technologies_added == plan.technologies_changed == ()
    importers.apply_import(rcon, plan, editor="test")
    sql = "SELECT * EXCLUDE (edition) FROM assessments WHERE edition = ? AND area = ? ORDER BY ALL"
    assert rcon.execute(sql, [2031, AREA]).fetchall() == rcon.execute(sql, [2025, AREA]).fetchall()
    assert rcon.execute("SELECT * FROM editions WHERE year = 2031").fetchall() == [
        (2031, date(2031, 6, 1), "Radar 2031", "Radar 2031", "published")
    ]
    logged = _audit(rcon)
    assert len(logged) == len(rows) + 1
    # Again: nothing changes, nothing more is logged.
    before = dump(rcon)
    again = plan_import(rcon, data, file_name=file_name, edition=2031)
    assert not again.has_changes and len(again.assessments_unchanged) == len(rows)
    assert importers.apply_import(rcon, again, editor="test").audit_rows == 0
    assert dump(rcon) == before


def test_a_danish_excel_csv_with_semicolons_names_and_line_breaks(
    rcon: duckdb.DuckDBPyConnection,
) -> None:
    data = (DATA / "own_semicolon.csv").read_bytes()
    plan = importers.import_file(
        rcon, data, file_name="own_semicolon.csv", edition=2026, editor="test"
    ).plan
    assert plan.technologies_added == ("sprogmodel-til-journalnotater", "sensorer-i-skraldespande")
    assert plan.technologies_unchanged == ("mitid",)
    new = store.load_technologies(rcon)["sprogmodel-til-journalnotater"]
    assert new.sector == "AUT"  # given by its Danish name
    assert new.description_da == "Skriver udkast; sagsbehandleren retter.\nTo linjer."
    stored = {
        r[0]: r[1:]
        for r in rcon.execute(
            "SELECT technology, maturity_trl, ring_override, override_reason FROM assessments "
            "WHERE edition = 2026"
        ).fetchall()
    }
    assert stored == {
        # TRL 5 and 2/20/40/38 score 0.35: HOLD ØJE, computed, so no override.
        "sprogmodel-til-journalnotater": (5, None, None),
        "sensorer-i-skraldespande": (None, "hold-oeje", formats.STATED_RING_REASON_DA),
        "mitid": (None, "klar", "Alle kommuner bruger den"),
    }


# --------------------------------------------------------------------------
# bad files: the precise problem, and nothing written

HEADER = "area,technology,sector,name_da,maturity_trl,share_operation,share_pilot,"
HEADER += "share_considering,share_not_considering,ring,ring_reason\n"
GOOD_ROW = "administration,,AUT,Ny teknologi,9,90,10,0,0,,\n"


def _zip_without_workbook() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    return out.getvalue()


#: Excel's "Unicode text" (UTF-16): neither UTF-8 nor Windows-1252 text.
UTF16 = "area,sector,name_da,ring\nadministration,AUT,Æbleskiver,AFVENT\n".encode("utf-16")


BAD_FILES: list[tuple[str, str, bytes, dict[str, Any], list[str]]] = [
    (
        "UTF-16",
        "unicode.txt",
        UTF16,
        {},
        ["unicode.txt: not UTF-8 text (byte 0); save it as 'CSV UTF-8'"],
    ),
    (
        "tabs",
        "own_tabs.csv",
        (DATA / "own_tabs.csv").read_bytes(),
        {},
        ["own_tabs.csv, row 1: the columns are separated by tabs; save the file as CSV with "],
    ),
    (
        "pipes",
        "x.csv",
        b"area|sector|name_da|ring\nadministration|AUT|X|klar\n",
        {},
        ["x.csv, row 1: the columns are separated by '|'"],
    ),
    (
        "one column",
        "x.csv",
        b"name_da\nX\n",
        {},
        ["x.csv, row 1: the header has one single column ('name_da'); expected columns separated "],
    ),
    ("not a workbook", "x.xlsx", b"area,sector\n", {}, ["x.xlsx: not an Excel workbook (.xlsx)"]),
    (
        "another zip",
        "x.xlsx",
        _zip_without_workbook(),
        {},
        ["x.xlsx: not an Excel workbook (.xlsx)"],
    ),
    (
        "old excel",
        "x.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
        {},
        ["x.xls: an old Excel file (.xls); save it as an Excel workbook (.xlsx)"],
    ),
    (
        "broken json",
        "x.json",
        b'[\n  {"name_da": "A"}\n  {"name_da": "B"}\n]',
        {},
        ["x.json: not valid JSON: Expecting ',' delimiter at line 3, column 3"],
    ),
    ("empty", "x.csv", b"", {}, ["x.csv: the file is empty"]),
    ("only a header", "x.csv", HEADER.encode(), {}, ["x.csv: has a header but no rows under it"]),
    (
        "unknown and missing columns",
        "x.csv",
        b"area,name_da,colour\nadministration,X,red\n",
        {},
        [
            "x.csv, row 1: missing column(s) sector; unknown column(s) colour; the columns are "
            "area, technology, sector, name_da, name_en,"
        ],
    ),
    (
        "unknown ring",
        "x.csv",
        b"area,sector,name_da,ring\nadministration,AUT,X,Maybe\n",
        {},
        [
            "x.csv, row 2, column 'ring': 'Maybe' is not a ring; expected one of the rings klar, "
            "KLAR or Ready; afproev, AFPRØV or Try; hold-oeje, HOLD ØJE or Watch; afvent, "
            "AFVENT or Wait (in any case), or another radar's name such as adopt, trial, assess, "
            "hold (also in Danish, Norwegian or Swedish). Say which of the radar's rings it is: "
            'on the command line with --rings "Maybe=klar"'
        ],
    ),
    (
        "unknown category",
        "x.csv",
        b"area,sector,name_da,ring\nadministration,Robots,X,klar\n",
        {},
        [
            "x.csv, row 2, column 'sector': 'Robots' is not a category; expected an id or name: "
            "AUT (Automatisering og kunstig intelligens), DATA"
        ],
    ),
    (
        "unknown area",
        "x.csv",
        b"area,sector,name_da,ring\nskole,AUT,X,klar\n",
        {},
        [
            "x.csv, row 2, column 'area': 'skole' is not an area; expected one of "
            "dagtilbud-og-skole (Dagtilbud og skole), social-og-sundhed"
        ],
    ),
    (
        "the combined radar",
        "x.csv",
        b"area,sector,name_da,ring\nsamlet,AUT,X,klar\n",
        {},
        ["x.csv, row 2, column 'area': 'samlet' is the combined radar, which is computed"],
    ),
    (
        "the combined radar as argument",
        "x.csv",
        b"sector,name_da,ring\nAUT,X,klar\n",
        {"area": "samlet"},
        ["x.csv, column 'area': 'samlet' is the combined radar"],
    ),
    (
        "an area in the file and another as argument",
        "x.csv",
        b"area,sector,name_da,ring\nbeskaeftigelse,AUT,X,klar\n",
        {"area": AREA},
        [
            "x.csv, row 2, column 'area': is 'beskaeftigelse', but the import is into the area "
            "'administration'"
        ],
    ),
    (
        "some scores",
        "x.csv",
        (HEADER + "administration,,AUT,X,9,90,,,0,,\n").encode(),
        {},
        [
            "x.csv, row 2, column 'share_pilot': is empty; give all five scores (maturity_trl, "
            "share_operation, share_pilot, share_considering, share_not_considering) or none "
            "(missing: share_pilot, share_considering)"
        ],
    ),
    (
        "TRL 10",
        "x.csv",
        (HEADER + "administration,,AUT,X,10,90,10,0,0,,\n").encode(),
        {},
        ["x.csv, row 2, column 'maturity_trl': 10 is not a TRL from 1 to 9"],
    ),
    (
        "shares not 100",
        "x.csv",
        (HEADER + "administration,,AUT,X,9,80,10,0,0,,\n").encode(),
        {},
        ["x.csv, row 2, column 'share_*': the four shares add up to 90, not 100"],
    ),
    (
        "a share that is no number",
        "x.csv",
        (HEADER + "administration,,AUT,X,9,mange,10,0,0,,\n").encode(),
        {},
        ["x.csv, row 2, column 'share_operation': 'mange' is not a whole number"],
    ),
    (
        "a ring against the scores without a reason",
        "x.csv",
        (HEADER + "administration,,AUT,X,9,90,10,0,0,AFVENT,\n").encode(),
        {},
        [
            "x.csv, row 2, column 'ring_reason': is empty, but the ring afvent differs from the "
            "computed ring klar (score 0.97); say why, or leave the ring empty"
        ],
    ),
    (
        "no scores and no ring",
        "x.csv",
        (HEADER + "administration,,AUT,X,,,,,,,\n").encode(),
        {},
        ["x.csv, row 2, column 'ring': is empty; without scores the ring is required"],
    ),
    (
        "a technology twice in one area",
        "x.csv",
        (HEADER + GOOD_ROW + "administration,ny-teknologi,AUT,Andet navn,,,,,,klar,\n").encode(),
        {},
        [
            "x.csv, row 3, column 'technology': 'Andet navn' has the id 'ny-teknologi', as 'Ny "
            "teknologi' in row 2 has: a technology can be on the radar of administration once"
        ],
    ),
    (
        "a comma too many",
        "x.csv",
        b"area,sector,name_da,ring\nadministration,AUT,Robotter, nye,klar\n",
        {},
        [
            "x.csv, row 2: has 5 fields, the header has 4 (a ',' inside a text needs the text in "
            "double quotes)"
        ],
    ),
    (
        "a number of thousands of digits",
        "x.csv",
        (HEADER + "administration,,AUT,X," + "9" * 5000 + ",90,10,0,0,,\n").encode(),
        {},
        ["x.csv, row 2, column 'maturity_trl': '99999"],
    ),
    (
        "Excel's sep line",
        "x.csv",
        b"sep=;\narea;sector;name_da;ring\nadministration;AUT;X;Bogus\n",
        {},
        # Excel hides the sep line: the header is its row 1, the data row 2.
        ["x.csv, row 2, column 'ring': 'Bogus' is not a ring"],
    ),
    (
        "a control character",
        "x.csv",
        b"area,sector,name_da,ring\nadministration,AUT,Bell\x07,klar\n",
        {},
        ["x.csv, row 2, column 'name_da': contains a control character (U+0007)"],
    ),
    (
        "a BYOR file without an area",
        "b.csv",
        b"name,ring,quadrant,isNew,description\nX,adopt,Techniques,TRUE,\n",
        {},
        ["b.csv, column 'area': the file names no area; give one with --area (the area argument)"],
    ),
    (
        "more categories than the radar draws",
        "byor_small.csv",
        EIGHT_QUADRANTS,
        {"area": AREA},
        [
            f"byor_small.csv, column 'quadrant': the import needs 8 new categories ({EIGHT_NAMES}) "
            f"besides the 5 the database has; the radar draws at most {SECTOR_COUNT[1]}. Import "
            "such a radar into a database of its own with --db"
        ],
    ),
    (
        "too large",
        "x.csv",
        b"x" * (formats.MAX_IMPORT_BYTES + 1),
        {},
        ["x.csv: the file is larger than 10 MiB"],
    ),
    (
        "a Zalando entry out of range",
        "z.json",
        b'{"entries": [{"label": "X", "quadrant": 7, "ring": 4, "moved": 0}]}',
        {"area": AREA},
        [
            "z.json, row 1, column 'quadrant': '7' is not a quadrant; expected 0 to 3 (Languages, "
            "Infrastructure, Datastores, Data Management)",
            "z.json, row 1, column 'ring': '4' is not a ring; expected 0 (the innermost) to 3",
        ],
    ),
    (
        "a JSON entry that is no object",
        "x.json",
        b'[{"area": "administration", "sector": "AUT", "name_da": "X", "ring": "klar"}, 5]',
        {},
        ["x.json, row 2: is a number; expected an object"],
    ),
    (
        "edition 0 and an unknown area",
        "x.csv",
        b"sector,name_da,ring\nAUT,X,klar\n",
        {"edition": 0, "area": "skole"},
        [
            "x.csv, column 'edition': '0' is not an edition; expected a positive whole number",
            "x.csv, column 'area': 'skole' is not an area",
        ],
    ),
    (
        "an unknown format",
        "x.csv",
        b"sector,name_da,ring\nAUT,X,klar\n",
        {"fmt": "yaml"},
        ["x.csv, column 'format': 'yaml' is not a format; expected one of csv, xlsx, json,"],
    ),
]


@pytest.mark.parametrize(
    ("file_name", "data", "options", "expected"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_a_bad_file_is_refused_with_the_precise_problem_and_nothing_is_written(
    rcon: duckdb.DuckDBPyConnection,
    file_name: str,
    data: bytes,
    options: dict[str, Any],
    expected: list[str],
) -> None:
    before = dump(rcon)
    options = {"edition": 2026, "lang": "en", **options}
    with pytest.raises(ImportProblems) as exc:
        importers.import_file(rcon, data, file_name=file_name, editor="test", **options)
    found = _problems(exc)
    for text in expected:
        assert any(p.startswith(text) for p in found), f"{text!r} not in {found}"
    assert dump(rcon) == before


def test_every_problem_in_a_file_is_reported_not_just_the_first(
    rcon: duckdb.DuckDBPyConnection,
) -> None:
    data = (
        HEADER
        + GOOD_ROW
        + "administration,,Robots,To,9,90,10,0,0,,\n"
        + "administration,,AUT,Tre,12,90,10,0,0,,\n"
        + "beskaeftigelse,,AUT,Fire,,,,,,Måske,\n"
        + "administration,,AUT,Ny teknologi,,,,,,klar,\n"
    ).encode()
    with pytest.raises(ImportProblems) as exc:
        plan_import(rcon, data, file_name="x.csv", edition=2026, lang="en")
    assert [(p.row, p.column) for p in exc.value.problems] == [
        (3, "sector"),
        (4, "maturity_trl"),
        (5, "ring"),
        (6, "name_da"),
    ]
    assert "'Robots' is not a category" in str(exc.value)
    assert "is also in row 2" in exc.value.problems[-1].message


def test_a_different_text_for_the_same_technology_in_two_areas_is_refused(
    rcon: duckdb.DuckDBPyConnection,
) -> None:
    data = (
        b"area,technology,sector,name_da,ring\n"
        b"administration,mitid,INFRA,MitID,klar\n"
        b"beskaeftigelse,mitid,INFRA,Mit ID,klar\n"
    )
    with pytest.raises(ImportProblems) as exc:
        plan_import(rcon, data, file_name="x.csv", edition=2026, lang="en")
    assert _problems(exc) == [
        "x.csv, row 3, column 'name_da': differs from row 2 for the same technology 'mitid'; a "
        "technology has one name_da in every area"
    ]


# --------------------------------------------------------------------------
# replace semantics, rings, technologies, audit


def test_a_file_replaces_the_whole_radar_of_its_edition_and_area(
    rcon: duckdb.DuckDBPyConnection,
) -> None:
    rows = _own_rows(rcon, 2025, AREA)
    dropped = [r["technology"] for r in rows[:3]]
    kept = rows[3:]
    kept[0] = {**kept[0], "maturity_trl": "5", "ring": "", "ring_reason": ""}
    new = {k: "" for k in rows[0]} | {
        "area": AREA,
        "sector": "VT",
        "name_da": "Robotplæneklipper",
        "ring": "Try",
    }
    others_sql = "SELECT * FROM assessments WHERE NOT (edition = 2025 AND area = ?) ORDER BY ALL"
    others = rcon.execute(others_sql, [AREA]).fetchall()
    plan = plan_import(rcon, _csv([*kept, new]), file_name="x.csv", edition=2025)
    key = importers.AssessmentKey
    assert plan.assessments_removed == tuple(key(2025, AREA, t) for t in dropped)
    assert plan.assessments_changed == (key(2025, AREA, kept[0]["technology"]),)
    assert plan.assessments_added == (key(2025, AREA, "robotplaeneklipper"),)
    assert len(plan.assessments_unchanged) == len(rows) - 4
    assert plan.technologies_removed == tuple(dropped)
    assert plan.area_counts() == {AREA: {"added": 1, "changed": 1, "removed": 3, "unchanged": 33}}
    importers.apply_import(rcon, plan, editor="test")
    on_radar = {
        r[0]
        for r in rcon.execute(
            "SELECT technology FROM assessments WHERE edition = 2025 AND area = ?", [AREA]
        ).fetchall()
    }
    assert on_radar == {r["technology"] for r in kept} | {"robotplaeneklipper"}
    assert rcon.execute(others_sql, [AREA]).fetchall() == others
    # The dropped technologies stay in the catalogue with their history.
    assert set(dropped) <= set(store.load_technologies(rcon))


KLAR_SCORES = {"maturity_trl": "9", "share_operation": "90", "share_pilot": "10"}
KLAR_SCORES |= {"share_considering": "0", "share_not_considering": "0"}


@pytest.mark.parametrize(
    ("scores", "ring", "reason", "stored"),
    [
        (True, "", "", (None, None)),
        (True, "KLAR", "", (None, None)),
        (True, "ready", "", (None, None)),
        (True, "afvent", "Lovkrav", ("afvent", "Lovkrav")),
        (False, "adopt", "", ("klar", formats.STATED_RING_REASON_DA)),
        (False, "Trial", "", ("afproev", formats.STATED_RING_REASON_DA)),
        (False, "assess", "", ("hold-oeje", formats.STATED_RING_REASON_DA)),
        (False, "HOLD", "", ("afvent", formats.STATED_RING_REASON_DA)),
        (False, "caution", "", ("afvent", formats.STATED_RING_REASON_DA)),
        (False, "Watch", "", ("hold-oeje", formats.STATED_RING_REASON_DA)),
        (False, "afproev", "Pilot i tre kommuner", ("afproev", "Pilot i tre kommuner")),
    ],
)
def test_rings_become_overrides_only_when_they_differ_from_the_scores(
    rcon: duckdb.DuckDBPyConnection,
    scores: bool,
    ring: str,
    reason: str,
    stored: tuple[str | None, str | None],
) -> None:
    row = {"area": AREA, "sector": "AUT", "name_da": "Prøve", "ring": ring, "ring_reason": reason}
    row |= KLAR_SCORES if scores else dict.fromkeys(KLAR_SCORES, "")
    importers.import_file(rcon, _csv([row]), file_name="x.csv", edition=2026, editor="t")
    assert rcon.execute(
        "SELECT ring_override, override_reason FROM assessments WHERE technology = 'proeve'"
    ).fetchall() == [stored]
    # The radar places it in the ring the file said.
    entries = scoring.score_assessments(
        store.load_technology_assessments(rcon, "proeve", include_drafts=True),
        store.load_catalog(rcon).rings,
    )
    assert entries["ring"].tolist() == [stored[0] or "klar"]


def test_the_audit_log_records_every_change_with_the_files_name_and_reason(
    rcon: duckdb.DuckDBPyConnection,
) -> None:
    rows = _own_rows(rcon, 2025, AREA)
    changed = rows[1]["technology"]
    rows[1] = {**rows[1], "summary_da": "Ny kort tekst", "maturity_trl": "3", "ring": ""}
    removed = rows.pop(0)["technology"]
    plan = plan_import(rcon, _csv(rows), file_name="admin.csv", edition=2025)
    result = importers.apply_import(rcon, plan, editor="anna", reason="  Rettet efter møde ")
    logged = _audit(rcon)
    assert result.audit_rows == len(logged) == 3
    assert {r["editor"] for r in logged} == {"anna"}
    assert {r["reason"] for r in logged} == {"Import af admin.csv: Rettet efter møde"}
    by_key = {(r["action"], r["entity"], r["record_key"], r["field"]): r for r in logged}
    summary = by_key[("change", "technology", changed, "summary_da")]
    assert summary["new_value"] == "Ny kort tekst" and summary["technology"] == changed
    trl = by_key[("change", "assessment", f"2025/{AREA}/{changed}", "maturity_trl")]
    assert int(trl["new_value"]) == 3 and trl["old_value"] != "3" and trl["edition"] == 2025
    gone = by_key[("remove", "assessment", f"2025/{AREA}/{removed}", None)]
    assert json.loads(gone["old_value"])["technology"] == removed
    # The log is the one the technology page reads.
    assert len(audit.load_log(rcon, technology=changed)) == 2


def test_a_new_edition_and_a_new_technology_are_logged_as_added(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    data = (DATA / "zalando_small.json").read_bytes()
    importers.import_file(
        econ, data, file_name="z.json", edition=7, area=AREA, editor="bo", draft=True
    )
    logged = _audit(econ)
    adds = [(r["entity"], r["record_key"]) for r in logged if r["action"] == "add"]
    assert ("edition", "7") in adds
    assert sum(1 for e, _ in adds if e == "technology") == 4
    assert sum(1 for e, _ in adds if e == "assessment") == 4
    edition = json.loads(next(r for r in logged if r["entity"] == "edition")["new_value"])
    assert edition["status"] == "draft" and edition["published"] == "2024-03-01"
    # The new category is told with the first technology in it.
    kotlin = json.loads(next(r for r in logged if r["record_key"] == "kotlin")["new_value"])
    assert kotlin["new_sector"]["name_da"] == "Languages"


def test_an_older_edition_does_not_overwrite_newer_texts(rcon: duckdb.DuckDBPyConnection) -> None:
    rows = [r for r in _own_rows(rcon, 2022, AREA) if r["technology"] == "mitid"]
    rows[0]["summary_da"] = "Gammel tekst"
    plan = plan_import(rcon, _csv(rows), file_name="x.csv", edition=2022, area=AREA, lang="en")
    assert plan.technologies_unchanged == ("mitid",)
    assert any("kept the texts and categories of 1 technologies" in str(n) for n in plan.notes)
    importers.apply_import(rcon, plan, editor="t")
    assert store.load_technologies(rcon)["mitid"].summary_da != "Gammel tekst"
    # A newer edition does update them, and only the field that differs.
    plan = plan_import(rcon, _csv(rows), file_name="x.csv", edition=2026, area=AREA)
    assert plan.technologies_changed == ("mitid",)
    importers.apply_import(rcon, plan, editor="t")
    assert store.load_technologies(rcon)["mitid"].summary_da == "Gammel tekst"
    fields = [r["field"] for r in _audit(rcon) if r["entity"] == "technology"]
    assert fields == ["summary_da"]


def test_a_retired_technology_imported_again_is_unretired(rcon: duckdb.DuckDBPyConnection) -> None:
    rcon.execute("UPDATE technologies SET retired = true WHERE id = 'mitid'")
    rows = [r for r in _own_rows(rcon, 2025, AREA) if r["technology"] == "mitid"]
    plan = plan_import(rcon, _csv(rows), file_name="x.csv", edition=2026)
    assert plan.technologies_changed == ("mitid",)
    importers.apply_import(rcon, plan, editor="t")
    assert store.load_technologies(rcon)["mitid"].retired is False
    (row,) = [r for r in _audit(rcon) if r["entity"] == "technology"]
    assert (row["field"], row["old_value"], row["new_value"]) == ("retired", "True", "False")


def test_a_category_change_is_written_also_for_a_technology_with_assessments(
    rcon: duckdb.DuckDBPyConnection,
) -> None:
    rcon.execute(
        "INSERT INTO technologies VALUES ('katalog', 'AUT', 'Katalog', '', '', '', '', '', false)"
    )
    data = (
        b"area,technology,sector,name_da,ring\n"
        b"administration,katalog,DATA,Katalog,klar\n"
        b"administration,mitid,AUT,MitID,klar\n"
    )
    history_before = store.load_technology_assessments(rcon, "mitid")
    plan = plan_import(rcon, data, file_name="x.csv", edition=2026)
    assert not plan.notes
    assert set(plan.technologies_changed) == {"katalog", "mitid"}
    importers.apply_import(rcon, plan, editor="t")
    technologies = store.load_technologies(rcon)
    assert (technologies["katalog"].sector, technologies["mitid"].sector) == ("DATA", "AUT")
    # Its earlier assessments are all still there.
    after = store.load_technology_assessments(rcon, "mitid")
    assert len(after) == len(history_before) + 1


def test_a_plan_made_before_the_database_changed_is_refused(
    rcon: duckdb.DuckDBPyConnection,
) -> None:
    rows = _own_rows(rcon, 2025, AREA)[:5]
    plan = plan_import(rcon, _csv(rows), file_name="x.csv", edition=2025, lang="en")
    rcon.execute("UPDATE technologies SET name_en = 'Changed meanwhile' WHERE id = 'mitid'")
    before = dump(rcon)
    with pytest.raises(importers.StalePlanError, match="changed after the file was checked"):
        importers.apply_import(rcon, plan, editor="t")
    assert dump(rcon) == before


def test_a_failure_while_writing_rolls_everything_back(
    rcon: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_import(rcon, _csv(_own_rows(rcon, 2025, AREA)), file_name="x.csv", edition=2030)
    before = dump(rcon)

    def broken(*_: Any) -> None:
        raise RuntimeError("disk full")

    # The audit rows are the last thing written: everything before them goes too.
    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        importers.apply_import(rcon, plan, editor="t")
    assert dump(rcon) == before


# --------------------------------------------------------------------------
# foreign formats


def test_a_byor_csv_becomes_categories_technologies_and_stated_rings(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    data = (DATA / "byor_small.csv").read_bytes()
    plan = plan_import(econ, data, file_name="byor_small.csv", edition=30, area=AREA)
    assert plan.format == "byor-csv"
    importers.apply_import(econ, plan, editor="t")
    sectors = econ.execute("SELECT id, position, name_da, name_en FROM sectors").fetchall()
    assert sorted(sectors, key=lambda s: s[1]) == [
        ("techniques", 1, "Techniques", "Techniques"),
        ("platforms", 2, "Platforms", "Platforms"),
        ("languages-and-frameworks", 3, "Languages and frameworks", "Languages and frameworks"),
        ("tools", 4, "Tools", "Tools"),
    ]
    tech = store.load_technologies(econ)["context-engineering"]
    assert tech.name_da == tech.name_en == "Context engineering"
    assert (
        tech.description_da
        == tech.description_en
        == (
            "Context engineering (https://example.org/context) has evolved into a foundational "
            "concern. Teams now design it deliberately.\n\nSecond paragraph & more."
        )
    )
    assert tech.summary_da == "Context engineering has evolved into a foundational concern."
    rings = dict(econ.execute("SELECT technology, ring_override FROM assessments").fetchall())
    assert rings == {
        "context-engineering": "klar",
        "docker": "afproev",
        "scala-the-good-parts": "hold-oeje",
        "spec-driven-development": "afvent",
    }
    # isNew and status are read, not stored: the radar derives movement.
    columns = {r[0] for r in econ.execute("DESCRIBE assessments").fetchall()}
    assert not {"isNew", "status", "moved"} & columns


def test_a_byor_json_matches_quadrants_to_existing_categories(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    importers.import_file(
        econ,
        (DATA / "byor_small.csv").read_bytes(),
        file_name="a.csv",
        edition=1,
        area=AREA,
        editor="t",
    )
    plan = plan_import(
        econ, (DATA / "byor_small.json").read_bytes(), file_name="b.json", edition=2, area=AREA
    )
    assert plan.format == "byor-json"
    # "Techniques" and "Platforms" are the categories made from the CSV's quadrants.
    assert plan.sectors_added == ()
    assert plan.technologies_added == ("old-tool",)
    assert plan.technologies_changed == ("context-engineering",)  # a newer description
    importers.apply_import(econ, plan, editor="t")
    tech = store.load_technologies(econ)["old-tool"]
    assert (tech.sector, tech.description_da, tech.summary_da) == (
        "tools",
        "Avoid it.",
        "Avoid it.",
    )
    ring = econ.execute(
        "SELECT ring_override FROM assessments WHERE edition = 2 AND technology = 'old-tool'"
    ).fetchone()
    assert ring == ("afvent",)  # caution, the outermost of Thoughtworks' rings


def test_html_in_a_byor_file_is_stored_as_inert_plain_text(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    data = (DATA / "byor_xss.csv").read_bytes()
    importers.import_file(econ, data, file_name="x.csv", edition=1, area=AREA, editor="t")
    technologies = store.load_technologies(econ).values()
    names = {t.name_da for t in technologies}
    # Names are plain text and stored as given: pages show them as text.
    assert names == {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "Framed"}
    texts = {t.name_da: (t.description_da, t.summary_da) for t in technologies}
    assert texts["<script>alert(1)</script>"] == ("Safe text follows.", "Safe text follows.")
    assert texts["<img src=x onerror=alert(1)>"][0] == "An image was here.\n\nclick"
    assert texts["Framed"][0] == "Before after. End"
    for tech in technologies:
        for text in (tech.description_da, tech.description_en, tech.summary_da):
            assert "<" not in text and ">" not in text
            assert "alert" not in text and "javascript" not in text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>One &amp; two</p><p>Three<br>four</p>", "One & two\n\nThree\nfour"),
        ("Write &lt;dialog&gt; as text", "Write <dialog> as text"),
        (
            '<a href="https://x.dk/a">Link</a> and <a href="https://x.dk/b">https://x.dk/b</a>',
            "Link (https://x.dk/a) and https://x.dk/b",
        ),
        ('<a href="/relative">here</a> <a href="javascript:alert(1)">bad</a>', "here bad"),
        ("<ul><li>a</li><li>b</li></ul>", "• a\n• b"),
        ("  lots \t of\u00a0 space  ", "lots of space"),
        ("<script>document.write('<p>x</p>')</script>kept", "kept"),
        ("cut <img src=x onerror=alert(1)", "cut"),
    ],
)
def test_html_becomes_tidy_plain_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_a_summary_is_the_first_sentence_at_most_200_characters() -> None:
    assert importers.first_sentence("First one. Second.") == "First one."
    assert importers.first_sentence("Version 1.2 is out! Yes") == "Version 1.2 is out!"
    long = "word " * 100
    summary = importers.first_sentence(long)
    assert len(summary) <= 200 and summary.endswith("word…")


def test_unquoted_commas_in_byor_names_are_read_back_into_the_name(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    data = (DATA / "byor_unquoted_comma.csv").read_bytes()
    plan = plan_import(econ, data, file_name="u.csv", edition=1, area=AREA, lang="en")
    assert plan.technologies_added == (
        "sass-scss-less-and-stylus",
        "scala-the-good-parts",
        "clojure",
    )
    assert [(n.row, n.message.split(";")[0]) for n in plan.notes] == [
        (1, "columns not imported: relatedBlips (the radar has no place for them)"),
        (2, "had 10 fields for 7 columns"),
        (3, "had 8 fields for 7 columns"),
    ]


def test_a_zalando_config_becomes_four_categories_in_its_order(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    data = (DATA / "zalando_small.json").read_bytes()
    plan = importers.import_file(
        econ, data, file_name="config.json", edition=3, area=AREA, editor="t"
    ).plan
    assert plan.format == "zalando"
    assert econ.execute("SELECT id FROM sectors ORDER BY position").fetchall() == [
        ("languages",),
        ("infrastructure",),
        ("datastores",),
        ("data-management",),
    ]
    assert dict(econ.execute("SELECT technology, ring_override FROM assessments").fetchall()) == {
        "kotlin": "klar",
        "kubernetes": "afproev",
        "cassandra": "afvent",
        "apache-airflow": "hold-oeje",
    }
    assert econ.execute("SELECT published FROM editions").fetchone() == (date(2024, 3, 1),)


def test_a_foreign_radar_needs_no_area_in_a_database_with_one(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    econ.execute("DELETE FROM areas WHERE id <> 'administration'")
    plan = plan_import(
        econ, (DATA / "zalando_small.json").read_bytes(), file_name="z.json", edition=1
    )
    assert plan.areas == (AREA,)


@pytest.mark.parametrize(
    ("file_name", "data", "fmt"),
    [
        ("x.csv", b"area,sector,name_da,ring\n", "csv"),
        ("x.txt", b"area;sector;name_da;ring\n", "csv"),
        ("x.csv", b"\xef\xbb\xbfname,ring,quadrant,isNew,description\n", "byor-csv"),
        ("x.csv", b"Name;Ring;Quadrant\n", "byor-csv"),
        ("x.json", b'[{"name_da": "X", "sector": "AUT"}]', "json"),
        ("data", b' [{"name": "X", "ring": "adopt", "quadrant": "Tools"}]', "byor-json"),
        ("config.json", b'{"date": "2026.05", "entries": []}', "zalando"),
        (
            "upload",
            (DATA.parent.parent / "data" / "import" / "zalando_small.json").read_bytes(),
            "zalando",
        ),
        ("upload", _xlsx([{"name_da": "x"}]), "xlsx"),
        ("x.xlsx", b"not a zip", "xlsx"),
    ],
)
def test_the_format_is_told_from_extension_and_content(
    file_name: str, data: bytes, fmt: str
) -> None:
    assert importers.detect_format(data, file_name) == fmt


# --------------------------------------------------------------------------
# a new, empty database


def test_an_empty_database_has_the_seeds_rings_and_areas_only(tmp_path: Path) -> None:
    path = importers.create_empty_database(tmp_path / "new.duckdb")
    seed = load_seed(store.SEED_DIR)
    con = store.connect(path, read_only=True, build_if_missing=False)
    try:
        catalog = store.load_catalog(con, include_drafts=True)
        assert catalog.ring_ids == tuple(r["id"] for r in seed["rings"])
        assert catalog.area_ids == tuple(a["id"] for a in seed["areas"])
        assert catalog.sectors == catalog.editions == ()
        assert store.load_technologies(con) == {}
        assert store.schema_version(con) == store.SCHEMA_VERSION
    finally:
        con.close()
    with pytest.raises(store.DatabaseExistsError):
        importers.create_empty_database(path)


# --------------------------------------------------------------------------
# the command line


def test_the_command_imports_and_prints_a_summary(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["import", str(DATA / "own_semicolon.csv"), "--edition", "2026", "--db", str(db)]
    assert main([*args, "--reason", "Forsøg"]) == 0
    out = capsys.readouterr().out
    assert "Ny udgave 2026: Teknologiradar 2026 (udgivet," in out
    assert "Udgave 2026, administration: 3 tilføjet, 0 ændret, 0 fjernet, 0 uændret" in out
    con = duckdb.connect(str(db), read_only=True)
    try:
        editors = {r[0] for r in con.execute("SELECT editor FROM audit_log").fetchall()}
        reasons = {r[0] for r in con.execute("SELECT reason FROM audit_log").fetchall()}
    finally:
        con.close()
    assert editors == {"cli:" + getpass.getuser()}
    assert reasons == {"Import af own_semicolon.csv: Forsøg"}
    # Again, in English: nothing left to change.
    assert main([*args, "--lang", "en", "--editor", "eva"]) == 0
    out = capsys.readouterr().out
    assert "Edition 2026, administration: 0 added, 0 changed, 0 removed, 3 unchanged" in out
    assert "Nothing to change" in out


def test_the_command_lists_every_problem_and_writes_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        b"area,sector,name_da,ring\nadministration,Robots,X,klar\nadministration,AUT,Y,Maybe\n"
    )
    before = dump_file(db)
    assert main(["import", str(bad), "--edition", "2026", "--db", str(db)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "fejl: 2 problem(er) i bad.csv; intet er importeret:"
    assert err[1].startswith("  bad.csv, række 2, kolonne 'sector': 'Robots' er ikke en kategori")
    assert err[2].startswith("  bad.csv, række 3, kolonne 'ring': 'Maybe' er ikke en ring")
    assert main(["import", str(bad), "--edition", "2026", "--db", str(db), "--lang", "en"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "error: 2 problem(s) in bad.csv; nothing was imported:"
    assert err[1].startswith("  bad.csv, row 2, column 'sector': 'Robots' is not a category")
    assert err[2].startswith("  bad.csv, row 3, column 'ring': 'Maybe' is not a ring")
    assert dump_file(db) == before
    assert main(["import", str(tmp_path / "missing.csv"), "--edition", "1", "--db", str(db)]) == 1
    assert "missing.csv findes ikke" in capsys.readouterr().err


def test_the_command_creates_a_new_database_only_for_a_good_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "zalando.duckdb"
    byor = str(DATA / "byor_small.csv")
    # A BYOR file needs an area: refused, and no database appears.
    assert main(["import", byor, "--edition", "1", "--db", str(target)]) == 1
    assert not target.exists()
    assert "--area" in capsys.readouterr().err
    assert (
        main(["import", byor, "--edition", "1", "--db", str(target), "--dry-run", "--area", AREA])
        == 0
    )
    assert "Prøvekørsel: intet er skrevet." in capsys.readouterr().out
    assert not target.exists()
    assert main(["import", byor, "--edition", "1", "--db", str(target), "--area", AREA]) == 0
    assert "Ny, tom radardatabase oprettet" in capsys.readouterr().out
    dump = dump_file(target)
    assert len(dump["assessments"]) == 4 and len(dump["sectors"]) == 4
    assert ("schema_version", store.SCHEMA_VERSION) in dump["meta"]


def test_without_db_the_usual_database_is_built_from_the_seed_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "usual.duckdb"
    monkeypatch.setenv(store.DB_ENV_VAR, str(target))
    assert main(["import", str(DATA / "own_semicolon.csv"), "--edition", "2026"]) == 0
    assert "Udgave 2026, administration: 3 tilføjet" in capsys.readouterr().out
    technologies = dump_file(target)["technologies"]
    seed = load_seed(store.SEED_DIR)["technologies"]
    assert len(technologies) == len(seed) + 2


def test_a_dry_run_writes_nothing(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = dump_file(db)
    args = ["import", str(DATA / "own_semicolon.csv"), "--edition", "2026", "--db", str(db)]
    assert main([*args, "--dry-run", "--draft"]) == 0
    out = capsys.readouterr().out
    assert "Ny udgave 2026: Teknologiradar 2026 (kladde," in out
    assert out.rstrip().endswith("Prøvekørsel: intet er skrevet.")
    assert dump_file(db) == before


def test_a_database_held_by_another_program_gives_a_message_not_a_traceback(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', "
            "flush=True); time.sleep(60)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        args = ["import", str(DATA / "own_semicolon.csv"), "--edition", "2026", "--db", str(db)]
        assert main(args) == 1
        assert "error: cannot open the radar database" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()


def test_a_bad_publication_date_is_refused_by_the_parser(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["import", "x.csv", "--edition", "1", "--published", "1. maj", "--db", str(db)])
    assert exc.value.code == 2
    assert "'1. maj' is not a date like 2026-05-31" in capsys.readouterr().err


# --------------------------------------------------------------------------
# messages in Danish (by default) and English


def _words(text: str) -> set[str]:
    """The words of a text (two letters or more), in lower case, placeholders left out."""
    return {w.lower() for w in re.findall(r"[A-Za-zÆØÅæøå]{2,}", re.sub(r"\{\w*\}", " ", text))}


IMPORT_KEYS = sorted(k for k in STRINGS if k.startswith("importmsg."))
#: Words of the English messages that no Danish message uses: English phrasing.
ENGLISH_ONLY = set().union(*(_words(STRINGS[k]["en"]) for k in IMPORT_KEYS)) - set().union(
    *(_words(STRINGS[k]["da"]) for k in IMPORT_KEYS)
)
RINGS_DA = (
    "KLAR, klar eller Ready; AFPRØV, afproev eller Try; HOLD ØJE, hold-oeje eller Watch; AFVENT, "
    "afvent eller Wait (store eller små bogstaver) eller en anden radars navn som adopt, trial, "
    "assess, hold (også på dansk, norsk eller svensk)"
)
RINGS_EN = (
    "klar, KLAR or Ready; afproev, AFPRØV or Try; hold-oeje, HOLD ØJE or Watch; afvent, AFVENT "
    "or Wait (in any case), or another radar's name such as adopt, trial, assess, hold (also in "
    "Danish, Norwegian or Swedish)"
)
NEW_CATEGORIES = "Techniques, Platforms, Languages and frameworks, Tools"

# (id, file name, content, options, (row, column), Danish, English)
LANGUAGE_CASES: list[tuple[str, str, bytes, dict[str, Any], tuple[Any, Any], str, str]] = [
    (
        "not UTF-8",
        "unicode.txt",
        UTF16,
        {},
        (None, None),
        "er ikke UTF-8-tekst (byte 0); gem filen som 'CSV UTF-8'",
        "not UTF-8 text (byte 0); save it as 'CSV UTF-8'",
    ),
    (
        "tab separated",
        "own_tabs.csv",
        (DATA / "own_tabs.csv").read_bytes(),
        {},
        (1, None),
        "kolonnerne er adskilt af tabulatorer; gem filen som CSV med komma eller semikolon "
        "(i Excel: 'CSV UTF-8')",
        "the columns are separated by tabs; save the file as CSV with commas or semicolons "
        "(in Excel: 'CSV UTF-8')",
    ),
    (
        "unknown ring",
        "x.csv",
        b"area,sector,name_da,ring\nadministration,AUT,X,INDERST\n",
        {},
        (2, "ring"),
        f"'INDERST' er ikke en ring; brug en af ringene {RINGS_DA}. Sig hvilken af radarens "
        'ringe den svarer til: på kommandolinjen med --rings "INDERST=klar", på importsiden i '
        "trinnet Ringe og kategorier",
        f"'INDERST' is not a ring; expected one of the rings {RINGS_EN}. Say which of the radar's "
        'rings it is: on the command line with --rings "INDERST=klar", on the import page in the '
        "step Rings and categories",
    ),
    (
        "missing name",
        "x.csv",
        b"area,sector,name_da,ring\nadministration,AUT,,klar\n",
        {},
        (2, "name_da"),
        "er tom; hver teknologi skal have et navn",
        "is empty; every technology needs a name",
    ),
    (
        "duplicate technology",
        "x.csv",
        (HEADER + GOOD_ROW + "administration,ny-teknologi,AUT,Andet navn,,,,,,klar,\n").encode(),
        {},
        (3, "technology"),
        "'Andet navn' har id'et 'ny-teknologi' ligesom 'Ny teknologi' i række 2: en teknologi kan "
        "kun stå én gang på radaren for administration; giv den ene et andet id i kolonnen "
        "'technology'",
        "'Andet navn' has the id 'ny-teknologi', as 'Ny teknologi' in row 2 has: a technology can "
        "be on the radar of administration once; give one of them another id in the column "
        "'technology'",
    ),
    (
        "too many categories",
        "byor_small.csv",
        EIGHT_QUADRANTS,
        {"area": AREA},
        (None, "quadrant"),
        f"importen kræver 8 nye kategorier ({EIGHT_NAMES}) ud over de 5, databasen har; "
        f"radaren kan højst vise {SECTOR_COUNT[1]}. Importér sådan en radar i en database for "
        "sig (python -m radar import --db …)",
        f"the import needs 8 new categories ({EIGHT_NAMES}) besides the 5 the database has; "
        f"the radar draws at most {SECTOR_COUNT[1]}. Import such a radar into a database of its "
        "own with --db",
    ),
    (
        "not a workbook",
        "x.xlsx",
        b"area,sector\n",
        {},
        (None, None),
        "er ikke en Excel-projektmappe (.xlsx); importen læser CSV, Excel-projektmapper (.xlsx), "
        "JSON (vores format, BYOR, Zalando, Backstage) og zip-filer med en AOE-radar",
        "not an Excel workbook (.xlsx); the import reads CSV, Excel workbooks (.xlsx), JSON (our "
        "format, BYOR, Zalando, Backstage) and zip files of an AOE radar",
    ),
    (
        "invalid JSON",
        "x.json",
        b'[\n  {"name_da": "A"}\n  {"name_da": "B"}\n]',
        {},
        (None, None),
        "er ikke gyldig JSON i linje 3, kolonne 3: her mangler et komma",
        "not valid JSON: Expecting ',' delimiter at line 3, column 3",
    ),
]


def _refusal(
    con: duckdb.DuckDBPyConnection, file_name: str, data: bytes, **options: Any
) -> list[importers.Problem]:
    with pytest.raises(ImportProblems) as exc:
        plan_import(con, data, file_name=file_name, **{"edition": 2026, **options})
    return list(exc.value.problems)


@pytest.mark.parametrize(
    ("file_name", "data", "options", "where", "danish", "english"),
    [case[1:] for case in LANGUAGE_CASES],
    ids=[case[0] for case in LANGUAGE_CASES],
)
def test_problems_are_danish_by_default_and_english_when_asked(
    rcon: duckdb.DuckDBPyConnection,
    file_name: str,
    data: bytes,
    options: dict[str, Any],
    where: tuple[Any, Any],
    danish: str,
    english: str,
) -> None:
    by_default = _refusal(rcon, file_name, data, **options)
    in_danish = _refusal(rcon, file_name, data, lang="da", **options)
    in_english = _refusal(rcon, file_name, data, lang="en", **options)
    assert by_default == in_danish
    assert [(p.file, p.row, p.column) for p in in_danish] == [
        (p.file, p.row, p.column) for p in in_english
    ]
    problem = next(p for p in in_danish if (p.row, p.column) == where)
    assert problem.message == danish
    assert next(p for p in in_english if (p.row, p.column) == where).message == english
    # No English phrasing left in the Danish: the words the English messages use and
    # the Danish ones do not (names from the file and the database aside).
    for message in (p.message for p in in_danish):
        own_words = message.replace(NEW_CATEGORIES, "")
        assert not _words(own_words) & ENGLISH_ONLY, message
    assert _words(english) & ENGLISH_ONLY, "the check finds English"


def test_the_plans_notes_are_in_its_language(econ: duckdb.DuckDBPyConnection) -> None:
    data = (DATA / "byor_unquoted_comma.csv").read_bytes()
    danish = plan_import(econ, data, file_name="u.csv", edition=1, area=AREA)
    english = plan_import(econ, data, file_name="u.csv", edition=1, area=AREA, lang="en")
    assert (danish.lang, english.lang) == ("da", "en")
    assert danish.notes[1].message == (
        "havde 10 felter til 7 kolonner; ',' uden anførselstegn er læst som en del af navnet "
        "'SASS, SCSS, LESS, and Stylus'"
    )
    assert english.notes[1].message == (
        "had 10 fields for 7 columns; read the unquoted ',' as part of the name "
        "'SASS, SCSS, LESS, and Stylus'"
    )
    # The same plan, told in two languages.
    assert danish.counts() == english.counts() and len(danish.notes) == len(english.notes)
    assert [(n.row, n.column) for n in danish.notes] == [(n.row, n.column) for n in english.notes]


def test_a_stale_plan_is_refused_in_the_plans_language(rcon: duckdb.DuckDBPyConnection) -> None:
    data = _csv(_own_rows(rcon, 2025, AREA)[:3])
    plans = {
        lang: plan_import(rcon, data, file_name="x.csv", edition=2025, lang=lang)
        for lang in ("da", "en")
    }
    rcon.execute("UPDATE technologies SET name_en = 'Changed meanwhile' WHERE id = 'mitid'")
    messages = {}
    for lang, plan in plans.items():
        with pytest.raises(importers.StalePlanError) as exc:
            importers.apply_import(rcon, plan, editor="t")
        messages[lang] = exc.value.problems[0].message
    assert messages == {
        "da": "databasen er ændret, efter filen blev tjekket; tjek filen igen",
        "en": "the database changed after the file was checked; check the file again",
    }


def test_no_import_message_is_the_same_in_danish_and_english() -> None:
    same = [k for k in IMPORT_KEYS if STRINGS[k]["da"] == STRINGS[k]["en"]]
    assert same == []


def test_every_json_reason_has_a_danish_text() -> None:
    for reason, key in JSON_REASONS.items():
        assert t(key, "en") == reason
        assert not _words(t(key, "da")) & ENGLISH_ONLY, key


def _messages(con: duckdb.DuckDBPyConnection, data: bytes, lang: str, **options: Any) -> list[str]:
    """The problems of a refused file, else the notes of its plan."""
    options = {"file_name": "x.csv", "edition": 2026, **options}
    try:
        plan = plan_import(con, data, lang=lang, **options)
    except ImportProblems as exc:
        return [p.message for p in exc.problems]
    return [n.message for n in plan.notes]


def _workbook(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _far_workbook(address: str) -> bytes:
    """A radar's header, and a cell far beyond it: right of it, or far below it."""
    book = openpyxl.Workbook()
    book.active.append(["area", "sector", "name_da", "ring"])
    book.active[address] = "x"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def _empty_db(tmp_path: Path, name: str, *sql: str) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(importers.create_empty_database(tmp_path / name)))
    for statement in sql:
        connection.execute(statement)
    return connection


class _NoSheets:
    """A workbook without a single sheet, as openpyxl would load one."""

    def __init__(self) -> None:
        self.worksheets: list[Any] = []

    def close(self) -> None:
        pass


ZALANDO_ENTRY = '{"label": "K", "quadrant": 0, "ring": 0}'
BYOR_HEADER = "name,ring,quadrant,isNew,status\n"

# (content, options) for the seeded database: with BAD_FILES and LANGUAGE_CASES,
# every problem a file can have.
MORE_BAD_FILES: list[tuple[bytes, dict[str, Any]]] = [
    (b"\xef\xbb\xbf\n \n", {}),
    (b",,,\n", {}),
    (b"sep=|\narea|sector\n", {}),
    (b'area,sector,name_da,ring\n"' + b"x" * 200_000 + b'",AUT,X,klar\n', {}),
    (b'{"entries": []}', {"file_name": "x.xlsx", "fmt": "xlsx"}),
    (_zip({"xl/workbook.xml": "<not a workbook"}), {"file_name": "x.xlsx"}),
    (b"area,,name_da,ring\nadministration,x,X,klar\n", {}),
    (b"area,Area,name_da,ring\nadministration,x,X,klar\n", {}),
    (
        _workbook([["area", "sector", "name_da", "ring"], [AREA, "AUT", "X", "klar", "extra"]]),
        {"file_name": "x.xlsx"},
    ),
    (_far_workbook("XFD1"), {"file_name": "x.xlsx"}),
    (_far_workbook("A1048576"), {"file_name": "x.xlsx"}),
    (b'[{"maturity_trl": ' + b"9" * 5000 + b"}]", {"file_name": "x.json"}),
    (b"[" * 100_000, {"file_name": "x.json"}),
    (b'{"a": 1}', {"file_name": "x.json", "fmt": "json"}),
    (b'{"entries": 5}', {"file_name": "x.json", "area": AREA}),
    (b"[]", {"file_name": "x.json"}),
    (b'[5, "x", null, true, [1], {"name_da": {"a": 1}}]', {"file_name": "x.json", "fmt": "json"}),
    (b"[1,]", {"file_name": "x.json"}),
    (b'{"a": 1,}', {"file_name": "x.json"}),
    (b'{"a" 1}', {"file_name": "x.json"}),
    (b'"abc', {"file_name": "x.json"}),
    (b'"\\x"', {"file_name": "x.json"}),
    (b'"\\u12"', {"file_name": "x.json"}),
    (b'"a\x01"', {"file_name": "x.json"}),
    (b"[1] x", {"file_name": "x.json"}),
    (b"area,sector,name_da,ring\n,AUT,X,klar\n", {}),
    (b"area,sector,name_da,ring\nadministration,AUT," + b"x" * 201 + b",klar\n", {}),
    (b"name,ring\nX,adopt\n", {"fmt": "byor-csv", "area": AREA}),
    (b"area,technology,sector,name_da,ring\nadministration,Not An Id!,AUT,X,klar\n", {}),
    (b"area,sector,name_da,ring\nadministration,,X,klar\n", {}),
    ((HEADER + "administration,,AUT,X,9,150,10,0,0,,\n").encode(), {}),
    (b'{"date": "snart", "entries": [' + ZALANDO_ENTRY.encode() + b"]}", {"area": AREA}),
    (b"[1]", {"file_name": "x.json", "fmt": "zalando"}),
    (b'{"quadrants": [1], "entries": [' + ZALANDO_ENTRY.encode() + b"]}", {"area": AREA}),
    (
        b"area,technology,sector,name_da,ring\nadministration,mitid,INFRA,MitID,klar\n",
        {"title": ""},
    ),
    (b"area,sector,name_da,ring\nadministration,AUT,X,klar\n", {"published": "2026-01-01"}),
    (
        b"area,technology,sector,name_da,ring\n"
        b"administration,mitid,INFRA,MitID,klar\n"
        b"beskaeftigelse,mitid,INFRA,Mit ID,klar\n",
        {},
    ),
    # A note: the computed ring needs no reason.
    ((HEADER + "administration,,AUT,X,9,90,10,0,0,klar,Fordi\n").encode(), {}),
    (b'area,sector,name_da,ring\nadministration,AUT, "Robot, ny",klar\n', {}),
    # A note: Danish Excel's CSV, read as Windows-1252.
    ((DATA / "own_latin1.csv").read_bytes(), {}),
]
# The same for a new, empty database: no categories, and new ones from quadrants.
EMPTY_DB_FILES: list[tuple[bytes, dict[str, Any]]] = [
    ((DATA / "byor_unquoted_comma.csv").read_bytes(), {"area": AREA}),
    (
        (BYOR_HEADER + "".join(f"X{n},adopt,Tools,maybe,odd\n" for n in range(12))).encode(),
        {"area": AREA},
    ),
    (
        b'{"entries": [{"label": "K", "quadrant": 0, "ring": 0, "moved": 7, "active": "maybe"}]}',
        {"area": AREA, "file_name": "z.json"},
    ),
    (b"area,sector,name_da,ring\nadministration,AUT,X,klar\n", {}),
    (b"name,ring,quadrant\nX,,Tools\nY,adopt,\nZ,adopt," + b"q" * 201 + b"\n", {"area": AREA}),
    # One name twice, in one quadrant and in two.
    (
        b"name,ring,quadrant\nX,adopt,Tools\nX,trial,Tools\nY,adopt,Tools\nY,hold,Platforms\n",
        {"area": AREA},
    ),
    # A note: two names with one slug, the second numbered.
    (b"name,ring,quadrant\nA-B,adopt,Tools\nA/B,adopt,Tools\n", {"area": AREA}),
]


@pytest.mark.slow
def test_every_import_message_is_made_in_both_languages(
    rcon: duckdb.DuckDBPyConnection,
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every message key the importer can use is used here, so each one is known to exist."""
    used: dict[str, set[str]] = {"da": set(), "en": set()}

    def recording_t(key: str, lang: str = "da", **values: Any) -> str:
        used[lang].add(key)
        return t(key, lang, **values)  # type: ignore[arg-type]

    # Every module of the importer that makes messages.
    for info in pkgutil.iter_modules(importers.__path__):
        module = importlib.import_module(f"{importers.__name__}.{info.name}")
        if hasattr(module, "t"):
            monkeypatch.setattr(module, "t", recording_t)
    econ = _empty_db(tmp_path, "empty.duckdb")
    three_rings = _empty_db(tmp_path, "rings.duckdb", "DELETE FROM rings WHERE id = 'afvent'")
    no_areas = _empty_db(tmp_path, "areas.duckdb", "DELETE FROM areas")
    mitid_2022 = [r for r in _own_rows(rcon, 2022, AREA) if r["technology"] == "mitid"]
    mitid_2022[0]["summary_da"] = "Gammel tekst"
    byor = (DATA / "byor_small.csv").read_bytes()
    for lang in ("da", "en"):
        found = []
        for case in BAD_FILES:
            found += _messages(rcon, case[2], lang, file_name=case[1], **case[3])
        for case in LANGUAGE_CASES:
            found += _messages(rcon, case[2], lang, file_name=case[1], **case[3])
        for data, options in MORE_BAD_FILES:
            found += _messages(rcon, data, lang, **options)
        for data, options in [*EMPTY_DB_FILES, *BAD_FOREIGN_FILES]:
            found += _messages(econ, data, lang, **options)
        found += _messages(three_rings, byor, lang, area=AREA)
        # Mappings: onto no ring; a name the file does not use; a ring in several rows.
        unknown = BYOR_HEADER.encode() + b"X,Explore,Tools,,\nY,Explore,Tools,,\n"
        found += _messages(econ, unknown, lang, area=AREA, mapping=ImportMapping(rings={"A": "b"}))
        typo = ImportMapping(rings={"Exploer": "klar"}, categories={"Tols": "AUT"})
        found += _messages(econ, byor, lang, area=AREA, mapping=typo)
        found += _messages(no_areas, byor, lang)
        # Notes on texts that are kept: a newer edition has them, or a draft is imported.
        found += _messages(rcon, _csv(mitid_2022), lang, edition=2022)
        found += _messages(rcon, _csv(mitid_2022), lang, edition=2031, draft=True)
        with monkeypatch.context() as limits:
            limits.setattr(importers.read, "MAX_ROWS", 2)
            limits.setattr(importers.read, "MAX_UNPACKED_BYTES", 10)
            rows = [
                {"area": AREA, "sector": "AUT", "name_da": f"X{n}", "ring": "klar"}
                for n in range(4)
            ]
            found += _messages(rcon, _csv(rows), lang)
            found += _messages(rcon, _json(rows), lang, file_name="x.json")
            found += _messages(rcon, _xlsx(rows), lang, file_name="x.xlsx")
        with monkeypatch.context() as limits:
            limits.setattr(openpyxl, "load_workbook", lambda *_, **__: _NoSheets())
            found += _messages(rcon, _xlsx(rows), lang, file_name="x.xlsx")
        plan = plan_import(rcon, _csv(mitid_2022), file_name="x.csv", edition=2030, lang=lang)
        rcon.execute("UPDATE technologies SET name_en = ? WHERE id = 'mitid'", [f"Ny {lang}"])
        with pytest.raises(importers.StalePlanError):
            importers.apply_import(rcon, plan, editor="t")
        with monkeypatch.context() as limits:
            limits.setattr(formats, "MAX_IMPORT_BYTES", 1024 * 1024)
            big = tmp_path / "big.csv"
            big.write_bytes(b"x" * (1024 * 1024 + 1))
            assert (
                main(["import", str(big), "--edition", "1", "--db", str(db), "--lang", lang]) == 1
            )
        # The command line tells the row and column of a problem in the language asked for.
        ring = tmp_path / "ring.csv"
        ring.write_bytes(b"area,sector,name_da,ring\nadministration,AUT,X,Maybe\n")
        new_db = str(tmp_path / f"new-{lang}.duckdb")
        assert main(["import", str(ring), "--edition", "1", "--db", new_db, "--lang", lang]) == 1
        for key in JSON_REASONS.values():
            recording_t(key, lang)
        assert all(found)
    for connection in (econ, three_rings, no_areas):
        connection.close()
    used = {lang: {k for k in keys if k.startswith("importmsg.")} for lang, keys in used.items()}
    assert used["da"] == used["en"] == set(IMPORT_KEYS)
