"""Property tests: random and damaged files never crash an import and never half-write one.

Whatever is thrown at :func:`radar.importing.import_file`, it either imports
the file or raises :class:`radar.importing.ImportProblems`, and a refused file
leaves the database as it was. A file that is accepted imports without a
database error, and importing it again changes nothing.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from radar import formats
from radar import importing as importers
from radar.importing import ImportProblems

#: Property tests: many generated files each.
pytestmark = pytest.mark.slow

EDITIONS = st.sampled_from([2024, 2025, 2026])
FORMATS = st.sampled_from([None, *formats.IMPORT_FORMATS])
PROPERTY = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def pcon(copy_seeded_db: Callable[[], Path]) -> Iterator[Any]:
    """One writable copy of the seeded database for the whole module."""
    path = copy_seeded_db()
    connection = duckdb.connect(str(path))
    yield connection
    connection.close()


def _dump(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    names = [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        ).fetchall()
    ]
    return {n: con.execute(f"SELECT * FROM {n} ORDER BY ALL").fetchall() for n in names}


def _check(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    *,
    file_name: str,
    edition: int,
    fmt: str | None = None,
    area: str | None = "administration",
) -> None:
    """The property itself: refused and unchanged, or imported and then stable."""
    before = _dump(con)
    options = {"file_name": file_name, "edition": edition, "fmt": fmt, "area": area}
    try:
        importers.import_file(con, data, editor="hypothesis", **options)
    except ImportProblems as exc:
        event("refused")
        assert exc.problems, "refused without saying why"
        for problem in exc.problems:
            assert problem.file == file_name and problem.message
        assert _dump(con) == before
        return
    event("imported")
    again = importers.plan_import(con, data, **options)
    assert not again.has_changes


# --------------------------------------------------------------------------
# valid files to damage


OWN_ROWS = [
    {
        "area": "administration",
        "technology": "mitid",
        "sector": "INFRA",
        "name_da": "MitID",
        "maturity_trl": "9",
        "share_operation": "94",
        "share_pilot": "3",
        "share_considering": "3",
        "share_not_considering": "0",
        "ring": "KLAR",
        "ring_reason": "",
    },
    {
        "area": "administration",
        "technology": "",
        "sector": "Automation and AI",
        "name_da": "Ny assistent",
        "maturity_trl": "",
        "share_operation": "",
        "share_pilot": "",
        "share_considering": "",
        "share_not_considering": "",
        "ring": "trial",
        "ring_reason": "Afprøves i to kommuner",
    },
    {
        "area": "beskaeftigelse",
        "technology": "blockchain",
        "sector": "INFRA",
        "name_da": "Blockchain",
        "maturity_trl": "4",
        "share_operation": "0",
        "share_pilot": "4",
        "share_considering": "14",
        "share_not_considering": "82",
        "ring": "",
        "ring_reason": "",
    },
]


def _own_csv(rows: list[dict[str, str]], sep: str = ",") -> bytes:
    out = io.StringIO(newline="")
    columns = list(dict.fromkeys(k for row in rows for k in row))
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=sep, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _own_xlsx(rows: list[dict[str, str]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    columns = list(dict.fromkeys(k for row in rows for k in row))
    sheet.append(columns)
    for row in rows:
        # Cells cannot hold every control character; the file format forbids them.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", str(row.get(c, ""))) for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


BYOR_CSV = (
    b"name,ring,quadrant,isNew,status,description\n"
    b'Robot, the good parts,adopt,Automation and AI,TRUE,new,"<p>A <a href=""https://x.dk"">'
    b'robot</a>.</p>"\n'
    b"Sensorer,assess,data,FALSE,moved in,\n"
    b'"Hjemmepleje-app",hold,VT,FALSE,no change,"<script>x()</script>Tekst"\n'
)
BYOR_JSON = json.dumps(
    [
        {"name": "Robot", "ring": "Adopt", "quadrant": "AUT", "isNew": True, "description": ""},
        {"name": "Sensorer", "ring": "caution", "quadrant": "DATA", "status": "moved out"},
    ]
).encode()
ZALANDO = json.dumps(
    {
        "date": "2026.05",
        "quadrants": [{"name": "AUT"}, {"name": "DATA"}, {"name": "BORG"}, {"name": "VT"}],
        "entries": [
            {"label": "Kotlin", "quadrant": 0, "ring": 0, "moved": 0, "active": True},
            {"label": "Kafka", "quadrant": 1, "ring": 3, "moved": -1, "active": False},
        ],
    }
).encode()
#: Valid files: name, content, and the area argument they need (ours name theirs).
SAMPLES = {
    "csv": ("own.csv", _own_csv(OWN_ROWS), None),
    "csv-semicolon": ("own.csv", _own_csv(OWN_ROWS, ";"), None),
    "xlsx": ("own.xlsx", _own_xlsx(OWN_ROWS), None),
    "json": ("own.json", json.dumps(OWN_ROWS).encode(), None),
    "byor-csv": ("byor.csv", BYOR_CSV, "administration"),
    "byor-json": ("byor.json", BYOR_JSON, "administration"),
    "zalando": ("config.json", ZALANDO, "administration"),
}


def test_the_samples_are_valid_files(pcon: duckdb.DuckDBPyConnection) -> None:
    """The damage below starts from files that import."""
    for file_name, data, area in SAMPLES.values():
        plan = importers.plan_import(pcon, data, file_name=file_name, edition=2026, area=area)
        assert plan.assessments_added or plan.assessments_unchanged


@st.composite
def _damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """A few bytes replaced, inserted or deleted."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, max(len(out) - 1, 0)))
        action = draw(st.sampled_from(["replace", "insert", "delete", "truncate"]))
        byte = draw(st.sampled_from([b",", b";", b'"', b"\n", b"\x00", b"\xff", b"{", b"7"]))
        if action == "replace" and out:
            out[at : at + 1] = byte
        elif action == "insert":
            out[at:at] = byte
        elif action == "delete" and out:
            del out[at]
        elif action == "truncate":
            del out[at:]
    return bytes(out)


def _damaged_workbook(data: bytes, junk: bytes, at: int) -> bytes:
    """A valid zip whose sheet XML is damaged: openpyxl gets past the archive."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                at = at % max(len(content), 1)
                content = content[:at] + junk + content[at + len(junk) :]
            target.writestr(info, content)
    return out.getvalue()


@PROPERTY
@given(data=st.binary(max_size=3000), fmt=FORMATS, edition=EDITIONS)
def test_random_bytes_are_refused_cleanly(
    pcon: duckdb.DuckDBPyConnection, data: bytes, fmt: str | None, edition: int
) -> None:
    _check(pcon, data, file_name="random.bin", edition=edition, fmt=fmt)


@PROPERTY
@given(
    sample=st.sampled_from(sorted(SAMPLES)),
    damage=st.data(),
    edition=EDITIONS,
    declared=st.booleans(),
)
def test_damaged_valid_files_never_crash_nor_half_import(
    pcon: duckdb.DuckDBPyConnection,
    sample: str,
    damage: st.DataObject,
    edition: int,
    declared: bool,
) -> None:
    file_name, data, area = SAMPLES[sample]
    fmt = sample.removesuffix("-semicolon") if declared else None
    damaged = damage.draw(_damaged(data))
    _check(pcon, damaged, file_name=file_name, edition=edition, fmt=fmt, area=area)


@PROPERTY
@given(
    junk=st.binary(min_size=1, max_size=40) | st.sampled_from([b"<", b"</c>", b"&#0;", b'"']),
    at=st.integers(0, 10_000),
)
def test_workbooks_with_damaged_sheets_are_refused_cleanly(
    pcon: duckdb.DuckDBPyConnection, junk: bytes, at: int
) -> None:
    data = _damaged_workbook(SAMPLES["xlsx"][1], junk, at)
    _check(pcon, data, file_name="own.xlsx", edition=2026, area=None)


CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["", "0", "9", "10", "-1", "100", "50.0", "1e3", "9" * 5000, "KLAR", "adopt", "AUT"]
    ),
    st.sampled_from(["administration", "samlet", "beskaeftigelse", "mitid", "Ny teknologi"]),
)
#: A valid row with a few cells replaced, some by nonsense: often refused,
#: sometimes still a valid file, which then has to import cleanly.
OWN_ROW = st.builds(
    lambda base, cells: {**base, **cells},
    st.sampled_from(OWN_ROWS),
    st.dictionaries(st.sampled_from(formats.OWN_COLUMN_NAMES), CELL, max_size=3),
)


@PROPERTY
@given(
    rows=st.lists(OWN_ROW, min_size=1, max_size=6),
    encoding=st.sampled_from(["csv", "csv-semicolon", "xlsx", "json"]),
    edition=EDITIONS,
)
def test_random_cells_in_our_format_never_crash_nor_half_import(
    pcon: duckdb.DuckDBPyConnection,
    rows: list[dict[str, str]],
    encoding: str,
    edition: int,
) -> None:
    if encoding == "xlsx":
        data, name = _own_xlsx(rows), "cells.xlsx"
    elif encoding == "json":
        data, name = json.dumps(rows).encode(), "cells.json"
    else:
        sep = ";" if encoding == "csv-semicolon" else ","
        # The csv module cannot write a lone surrogate; nor can any editor.
        clean = [{k: v.encode("utf-8", "replace").decode() for k, v in r.items()} for r in rows]
        data, name = _own_csv(clean, sep), "cells.csv"
    _check(pcon, data, file_name=name, edition=edition, area=None)


JSON_VALUE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | st.sampled_from(["adopt", "Tools", "AUT", "hold"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)
BYOR_ENTRY = st.dictionaries(
    st.sampled_from(["name", "ring", "quadrant", "isNew", "status", "description", "extra"]),
    JSON_VALUE,
)
ZALANDO_ENTRY = st.dictionaries(
    st.sampled_from(["label", "quadrant", "ring", "moved", "active", "link"]), JSON_VALUE
)


@PROPERTY
@given(
    document=st.one_of(
        st.lists(BYOR_ENTRY, max_size=5),
        st.fixed_dictionaries(
            {"entries": st.lists(ZALANDO_ENTRY, max_size=5)},
            optional={"date": JSON_VALUE, "quadrants": JSON_VALUE},
        ),
        JSON_VALUE,
    ),
    fmt=st.sampled_from([None, "byor-json", "zalando", "json"]),
)
def test_random_json_for_foreign_formats_never_crashes_nor_half_imports(
    pcon: duckdb.DuckDBPyConnection, document: Any, fmt: str | None
) -> None:
    data = json.dumps(document).encode()
    _check(pcon, data, file_name="foreign.json", edition=2026, fmt=fmt)
