"""Small Backstage radar files for the import tests, written inline, and their checks.

The builders make valid files; :data:`BAD_FOREIGN_FILES` holds one file for
each problem the formats can have, for the test that every import message
exists in both languages.
"""

from __future__ import annotations

import json
import re
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


_ENTRY = backstage_entry("Kotlin", "languages", snapshot("adopt", "2024-01-01"))
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
BAD_FOREIGN_FILES = [*BAD_BACKSTAGE_FILES]
