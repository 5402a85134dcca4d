"""Small Backstage and AOE radar files for the import tests, written inline, and their checks.

The builders make valid files; :data:`BAD_FOREIGN_FILES` holds one file for
each problem the two formats can have, for the test that every import message
exists in both languages.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
from pathlib import Path
from typing import Any

import duckdb
import pytest

from radar import importing
from radar.i18n import STRINGS

AREA = "administration"


def dump(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every row of every table: the database's whole content."""
    names = [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "ORDER BY 1"
        ).fetchall()
    ]
    return {n: con.execute(f"SELECT * FROM {n} ORDER BY ALL").fetchall() for n in names}


def dump_file(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return dump(con)
    finally:
        con.close()


def refused(con: duckdb.DuckDBPyConnection, data: bytes, **options: Any) -> list[str]:
    """The problems of a refused file, as the command line prints them; nothing is written."""
    before = dump(con)
    options = {"file_name": "radar.json", "edition": 1, "area": AREA, "lang": "en", **options}
    with pytest.raises(importing.ImportProblems) as exc:
        importing.import_file(con, data, editor="t", **options)
    assert dump(con) == before
    return [str(p) for p in exc.value.problems]


def rings(con: duckdb.DuckDBPyConnection, edition: int) -> dict[str, str]:
    """Each technology's ring in an edition."""
    sql = "SELECT technology, ring_override FROM assessments WHERE edition = ?"
    return dict(con.execute(sql, [edition]).fetchall())


def _words(text: str) -> set[str]:
    """A message's own words: what it quotes (names, values) and paths left out."""
    own = re.sub(r"'[^']*'|\S*/\S*|\{\w*\}", " ", text)
    return {w.lower() for w in re.findall(r"[A-Za-zÆØÅæøå]{2,}", own)}


def assert_told_in_both_languages(
    con: duckdb.DuckDBPyConnection, files: list[tuple[bytes, dict[str, Any]]]
) -> None:
    """Each file's problems are the same in Danish and English, and the Danish has no English."""
    keys = [k for k in STRINGS if k.startswith("importmsg.")]
    english_only = set().union(*(_words(STRINGS[k]["en"]) for k in keys)) - set().union(
        *(_words(STRINGS[k]["da"]) for k in keys)
    )
    for data, options in files:
        told = {}
        for lang in ("da", "en"):
            with pytest.raises(importing.ImportProblems) as exc:
                importing.plan_import(con, data, edition=1, lang=lang, **options)
            told[lang] = exc.value.problems
        # The same problems, in the same places.
        assert [(p.file, p.row, p.column) for p in told["da"]] == [
            (p.file, p.row, p.column) for p in told["en"]
        ]
        for problem in told["da"]:
            assert not _words(problem.message) & english_only, problem.message


QUADRANTS = [
    {"id": "languages", "name": "Languages & Frameworks"},
    {"id": "infrastructure", "name": "Infrastructure"},
]
RINGS = [
    {"id": "adopt", "name": "ADOPT", "color": "#5ba300"},
    {"id": "trial", "name": "TRIAL", "color": "#009eb0"},
    {"id": "assess", "name": "ASSESS", "color": "#c7ba00"},
    {"id": "hold", "name": "HOLD", "color": "#e09b96"},
]


def snapshot(ring: str, day: str, description: str | None = None) -> dict[str, Any]:
    """One timeline item of a Backstage entry."""
    item: dict[str, Any] = {"moved": 0, "ringId": ring, "date": day}
    if description is not None:
        item["description"] = description
    return item


def backstage_entry(title: str, quadrant: str, *timeline: dict[str, Any], **more: Any) -> dict:
    return {"id": title.lower(), "title": title, "quadrant": quadrant, **more, "timeline": timeline}


def backstage(*entries: dict[str, Any], **replaced: Any) -> bytes:
    """A Backstage tech-radar JSON file with :data:`QUADRANTS`, :data:`RINGS` and ``entries``."""
    document = {"quadrants": QUADRANTS, "rings": RINGS, "entries": list(entries), **replaced}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def item(body: str = "", **front: str) -> str:
    """An AOE item file: ``key: value`` front matter as given, then the body."""
    lines = "".join(f"{key}: {value}\n" for key, value in front.items())
    return f"---\n{lines}---\n{body}"


def aoe_zip(files: dict[str, str | bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip file of the given paths and contents."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def declaring(data: bytes, size: int) -> bytes:
    """A zip file whose (last) member declares ``size`` bytes unpacked, whatever it holds.

    The size in the central directory, which zip readers go by: a "zip bomb"
    declares gigabytes, and a member that declares fewer bytes than it holds
    must not be read beyond them.
    """
    patched = bytearray(data)
    central = patched.rfind(b"PK\x01\x02")
    struct.pack_into("<I", patched, central + 24, size)
    return bytes(patched)


REACT = item("A library for user interfaces.", title="React", ring="trial", quadrant="tools")
_ENTRY = backstage_entry("Kotlin", "languages", snapshot("adopt", "2024-01-01"))
_AOE = {"file_name": "radar.zip", "area": AREA}
_BACKSTAGE = {"file_name": "radar.json", "area": AREA}

#: (content, options) of files the Backstage reader refuses: every problem it names.
BAD_BACKSTAGE_FILES: list[tuple[bytes, dict[str, Any]]] = [
    (b"[]", {**_BACKSTAGE, "fmt": "backstage"}),
    (backstage(_ENTRY, quadrants=[], rings=[{"id": "a"}, {"name": "B"}]), _BACKSTAGE),
    (backstage(_ENTRY, quadrants=[QUADRANTS[0], QUADRANTS[0]]), _BACKSTAGE),
    (
        backstage(
            backstage_entry("No timeline", "languages"),
            backstage_entry("Odd item", "languages", "x"),
            backstage_entry("Bad date", "nowhere", snapshot("adopt", "soon")),
            backstage_entry("Bad ring", "languages", snapshot("maybe", "2024-01-01")),
            backstage_entry(
                "Bad text", "languages", {**snapshot("adopt", "2024-01-01"), "description": 5}
            ),
        ),
        _BACKSTAGE,
    ),
]
#: (content, options) of files the AOE reader refuses: every problem it names.
BAD_AOE_FILES: list[tuple[bytes, dict[str, Any]]] = [
    (b"not a zip", {**_AOE, "fmt": "aoe"}),
    (declaring(aoe_zip({"radar/2023-02-23/react.md": REACT}), 2**32 - 1), _AOE),
    (aoe_zip({"radar/../x.md": REACT}), _AOE),
    (aoe_zip({"README.md": "# A radar"}), _AOE),
    (aoe_zip({"a/radar/2023-02-23/x.md": REACT, "b/radar/2023-02-23/y.md": REACT}), _AOE),
    (
        aoe_zip(
            {
                "radar/drafts/react.md": REACT,
                "radar/2023-02-23/tools/react.md": REACT,
                "radar/2023-02-23/languages/react.md": REACT,
                "radar/2023-02-23/Vue.md": item(title="Vue", ring="adopt", quadrant="tools"),
                "radar/2023-02-23/vue.md": item(title="vue", ring="adopt", quadrant="tools"),
                "radar/2023-02-23/latin1.md": "---\ntitle: Caf\xe9\n---\n".encode("latin-1"),
                "radar/2023-02-23/none.md": "No front matter",
                "radar/2023-02-23/open.md": "---\ntitle: Open\n",
                "radar/2023-02-23/block.md": item(title="Block", tags="\n  - a"),
                "radar/2023-02-23/twice.md": "---\ntitle: A\ntitle: B\n---\n",
                "radar/2023-02-23/list.md": item(title="[A, B]", ring="hold", quadrant="tools"),
                "radar/2023-02-23/missing.md": item(ring="adopt"),
            }
        ),
        _AOE,
    ),
    (aoe_zip({"radar/2023-02-23/react.md": REACT}, zipfile.ZIP_BZIP2), _AOE),
    (declaring(aoe_zip({"radar/2023-02-23/react.md": REACT}), 10), _AOE),
]
#: (content, options) of more refused files: YAML that is not, a file too large,
#: one unknown ring in two files, a Zalando object without entries, and a BYOR
#: file without its header row.
BAD_OTHER_FILES: list[tuple[bytes, dict[str, Any]]] = [
    (
        aoe_zip(
            {
                "radar/2023-02-23/akka.md": item(title="Akka: x", ring="trial", quadrant="tools"),
                "radar/2023-02-23/big.md": REACT + "x" * (300 * 1024),
                "radar/2023-02-23/a.md": item(title="A", ring="maybe", quadrant="tools"),
                "radar/2023-02-23/b.md": item(title="B", ring="maybe", quadrant="tools"),
            }
        ),
        _AOE,
    ),
    (b'{"date": "2026.05"}', {"file_name": "config.json", "area": AREA, "fmt": "zalando"}),
    (b"X,adopt,Tools,TRUE,Fine.\nY,hold,Tools,FALSE,No.\n", {"file_name": "x.csv", "area": AREA}),
]
BAD_FOREIGN_FILES = [*BAD_BACKSTAGE_FILES, *BAD_AOE_FILES, *BAD_OTHER_FILES]
