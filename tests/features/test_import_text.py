"""Importing text as people write it: Danish Excel's encoding, names that slug alike,
columns the radar has no place for, and messages that say where and what in the user's language.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from radar import importing as importers
from radar import store
from radar.cli import main
from radar.importing import ImportProblems, plan_import
from radar.model import Lang

AREA = "administration"
#: Our format's columns for a row without scores, as Danish Excel writes them.
OWN_HEADER = "area;sector;name_da;ring\n"


@pytest.fixture
def rcon(writable_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable copy of the seeded database."""
    connection = duckdb.connect(str(writable_db))
    yield connection
    connection.close()


@pytest.fixture
def econ(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A new, empty database: the seed's rings and areas, no categories, no technologies."""
    connection = duckdb.connect(str(importers.create_empty_database(tmp_path / "empty.duckdb")))
    yield connection
    connection.close()


def _refused(con: duckdb.DuckDBPyConnection, data: bytes, **options: Any) -> list[str]:
    """The problems of a file that must be refused, as the command line prints them."""
    with pytest.raises(ImportProblems) as exc:
        plan_import(con, data, **{"file_name": "x.csv", "edition": 2026, **options})
    return [str(p) for p in exc.value.problems]


# --------------------------------------------------------------------------
# encodings: Danish Excel's "CSV (semikolonsepareret)" is Windows-1252

CP1252_NOTE = {
    "da": "er ikke UTF-8-tekst og er læst som Windows-1252, sådan som dansk Excel gemmer "
    "'CSV (semikolonsepareret)'; tjek æ, ø og å i navnene, og gem filen som 'CSV UTF-8' "
    "næste gang",
    "en": "not UTF-8 text, read as Windows-1252, which Danish Excel writes as "
    "'CSV (semikolonsepareret)'; check æ, ø and å in the names, and save the file as "
    "'CSV UTF-8' next time",
}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_danish_excel_csv_in_windows_1252_is_read_with_a_note(
    rcon: duckdb.DuckDBPyConnection, lang: Lang
) -> None:
    data = (OWN_HEADER + f"{AREA};AUT;Æbleskiver på plejecentre;AFVENT\n").encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    plan = plan_import(rcon, data, file_name="radar.csv", edition=2026, lang=lang)
    assert plan.technologies_added == ("aebleskiver-paa-plejecentre",)
    assert [(n.file, n.row, n.column, n.message) for n in plan.notes] == [
        ("radar.csv", None, None, CP1252_NOTE[lang])
    ]
    importers.apply_import(rcon, plan, editor="test")
    tech = store.load_technologies(rcon)["aebleskiver-paa-plejecentre"]
    assert tech.name_da == "Æbleskiver på plejecentre"
    # The same file again changes nothing.
    again = plan_import(rcon, data, file_name="radar.csv", edition=2026, lang=lang)
    assert not again.has_changes


def test_a_byor_csv_in_windows_1252_is_told_and_read_as_byor(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    data = "name;ring;quadrant;description\nSmørrebrød-API;adopt;Tools;Godt.\n".encode("cp1252")
    assert importers.detect_format(data, "upload") == "byor-csv"
    own = (OWN_HEADER + f"{AREA};AUT;Ø;klar\n").encode("cp1252")
    assert importers.detect_format(own, "upload") == "csv"
    plan = plan_import(econ, data, file_name="tw.csv", edition=1, area=AREA, lang="en")
    assert plan.format == "byor-csv"
    assert plan.names["smoerrebroed-api"] == "Smørrebrød-API"


NOT_TEXT = [
    # Excel's "Unicode text": UTF-16, which reads as Windows-1252 full of NUL characters.
    ("UTF-16", "area,sector,name_da,ring\n".encode("utf-16"), 0),
    # 0x81 is no character in Windows-1252.
    ("an undefined byte", b"area,sector,name_da,ring\nadministration,AUT,X\x81,klar\n", 45),
    # UTF-8 and Windows-1252 in one file: either reading garbles some of the letters.
    (
        "two encodings mixed",
        "area,sector,name_da,ring\nadministration,AUT,Æble,klar\n".encode()
        + "administration,AUT,Ø,klar\n".encode("cp1252"),
        74,
    ),
    # No letter beyond ASCII: nothing says it is Danish text rather than another encoding.
    ("no letter", b"area,sector,name_da,ring\nadministration,AUT,2020\x962025,klar\n", 48),
]


@pytest.mark.parametrize(("data", "byte"), [c[1:] for c in NOT_TEXT], ids=[c[0] for c in NOT_TEXT])
def test_a_file_that_is_neither_utf8_nor_windows_1252_text_is_refused_naming_the_byte(
    rcon: duckdb.DuckDBPyConnection, data: bytes, byte: int
) -> None:
    assert _refused(rcon, data, lang="en") == [
        f"x.csv: not UTF-8 text (byte {byte}); save it as 'CSV UTF-8'"
    ]
    assert _refused(rcon, data) == [
        f"x.csv: er ikke UTF-8-tekst (byte {byte}); gem filen som 'CSV UTF-8'"
    ]


def test_json_is_read_as_utf8_only(rcon: duckdb.DuckDBPyConnection) -> None:
    # JSON is UTF-8 by its standard (RFC 8259): no program writes it otherwise.
    data = '[{"area": "administration", "sector": "AUT", "name_da": "Æble", "ring": "klar"}]'
    assert _refused(rcon, data.encode("cp1252"), file_name="x.json", lang="en") == [
        "x.json: not UTF-8 text (byte 57); save it as 'CSV UTF-8'"
    ]


# --------------------------------------------------------------------------
# technology ids: distinct names get distinct ids, and keep them

BYOR_HEADER = "name,ring,quadrant\n"


def _byor(*names: str, quadrant: str = "Languages") -> bytes:
    return (BYOR_HEADER + "".join(f'"{n}",adopt,{quadrant}\n' for n in names)).encode()


def test_symbols_are_spelt_out_so_c_sharp_and_c_plus_plus_are_two_technologies(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    data = _byor("C#", "C++", "C", "F#", "TLA+", "Node.js")
    plan = importers.import_file(
        econ, data, file_name="tw.csv", edition=1, area=AREA, editor="test"
    ).plan
    assert plan.technologies_added == (
        "c-sharp",
        "c-plus-plus",
        "c",
        "f-sharp",
        "tla-plus",
        "node-js",
    )
    assert plan.notes == ()
    names = {t.id: t.name_da for t in store.load_technologies(econ).values()}
    assert names["c-sharp"] == "C#" and names["c-plus-plus"] == "C++" and names["c"] == "C"


def test_zalando_labels_get_the_same_ids(econ: duckdb.DuckDBPyConnection) -> None:
    entries = ", ".join(
        f'{{"label": "{label}", "quadrant": 0, "ring": 0}}' for label in ("C#", "C++")
    )
    data = ('{"entries": [' + entries + "]}").encode()
    plan = plan_import(econ, data, file_name="config.json", edition=1, area=AREA)
    assert plan.technologies_added == ("c-sharp", "c-plus-plus")


SCALA = ("Scala, the good parts", "Scala: the good parts")


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        (
            "en",
            "'Scala: the good parts' gets the id 'scala-the-good-parts-2', as 'Scala, the good "
            "parts' in row 2 has the id 'scala-the-good-parts'",
        ),
        (
            "da",
            "'Scala: the good parts' får id'et 'scala-the-good-parts-2', fordi 'Scala, the good "
            "parts' i række 2 har id'et 'scala-the-good-parts'",
        ),
    ],
)
def test_names_that_still_slug_alike_are_numbered_in_file_order_with_a_note(
    econ: duckdb.DuckDBPyConnection, lang: Lang, note: str
) -> None:
    data = _byor(*SCALA)
    plan = plan_import(econ, data, file_name="tw.csv", edition=1, area=AREA, lang=lang)
    assert plan.technologies_added == ("scala-the-good-parts", "scala-the-good-parts-2")
    assert [(n.row, n.column, n.message) for n in plan.notes] == [(3, "name", note)]


def test_numbered_ids_stay_with_their_names_when_imported_again(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    importers.import_file(econ, _byor(*SCALA), file_name="a.csv", edition=1, area=AREA, editor="t")
    before = econ.execute("SELECT id, name_da FROM technologies ORDER BY id").fetchall()
    assert before == [("scala-the-good-parts", SCALA[0]), ("scala-the-good-parts-2", SCALA[1])]
    again = plan_import(econ, _byor(*SCALA), file_name="a.csv", edition=1, area=AREA)
    assert not again.has_changes and again.notes == ()
    # The next volume lists them the other way round: each name keeps its id.
    swapped = plan_import(econ, _byor(*reversed(SCALA)), file_name="b.csv", edition=2, area=AREA)
    assert swapped.technologies_added == ()
    assert sorted(swapped.technologies_unchanged) == [
        "scala-the-good-parts",
        "scala-the-good-parts-2",
    ]
    assert swapped.notes == ()
    importers.apply_import(econ, swapped, editor="t")
    assert econ.execute("SELECT id, name_da FROM technologies ORDER BY id").fetchall() == before


def test_an_id_in_the_database_for_the_same_name_is_kept(econ: duckdb.DuckDBPyConnection) -> None:
    # An earlier import gave "C#" the id "c", when # was not yet spelt out.
    importers.import_file(econ, _byor("C"), file_name="a.csv", edition=1, area=AREA, editor="t")
    econ.execute("UPDATE technologies SET name_da = 'C#', name_en = 'C#' WHERE id = 'c'")
    plan = plan_import(econ, _byor("C#", "C++"), file_name="b.csv", edition=2, area=AREA)
    assert plan.technologies_unchanged == ("c",)
    assert plan.technologies_added == ("c-plus-plus",)
    # A new "C" finds its slug taken by "C#" in this file: it is numbered.
    plan = plan_import(econ, _byor("C", "C#"), file_name="c.csv", edition=2, area=AREA, lang="en")
    assert plan.technologies_added == ("c-2",)
    assert [n.message for n in plan.notes] == [
        "'C' gets the id 'c-2', as 'C#' in row 3 has the id 'c'"
    ]


# --------------------------------------------------------------------------
# the same technology twice on one radar: the problem names it and both rows

DUPLICATES = [
    (
        "in one quadrant",
        "tw.csv",
        b"name,ring,quadrant\nDocker,adopt,Tools\nKafka,trial,Tools\nDocker,trial,Tools\n",
        (4, "name"),
        "'Docker' står også i række 2: en teknologi kan kun stå én gang på radaren for "
        "administration; slet den ene af de to rækker",
        "'Docker' is also in row 2: a technology can be on the radar of administration once; "
        "delete one of the two rows",
    ),
    (
        "in two quadrants",
        "tw.csv",
        b"name,ring,quadrant\nDocker,adopt,Tools\nDocker,trial,Platforms\n",
        (3, "name"),
        "'Docker' står også i række 2, der i kategorien 'Tools' og her i 'Platforms': en "
        "teknologi kan kun stå én gang på radaren for administration, i én kategori; slet den "
        "ene af de to rækker",
        "'Docker' is also in row 2, there in the category 'Tools' and here in 'Platforms': a "
        "technology can be on the radar of administration once, in one category; delete one of "
        "the two rows",
    ),
    (
        "in other letters",
        "config.json",
        b'{"entries": [{"label": "ZAP", "quadrant": 0, "ring": 0},'
        b' {"label": "Zap", "quadrant": 0, "ring": 1}]}',
        (2, "label"),
        "'Zap' står også i række 1: en teknologi kan kun stå én gang på radaren for "
        "administration; slet den ene af de to rækker",
        "'Zap' is also in row 1: a technology can be on the radar of administration once; "
        "delete one of the two rows",
    ),
    (
        "two names with one id",
        "own.csv",
        (
            "area,technology,sector,name_da,ring\nadministration,robot,AUT,Robot,klar\n"
            "administration,robot,AUT,Robotplæner,afvent\n"
        ).encode(),
        (3, "technology"),
        "'Robotplæner' har id'et 'robot' ligesom 'Robot' i række 2: en teknologi kan kun stå én "
        "gang på radaren for administration; giv den ene et andet id i kolonnen 'technology'",
        "'Robotplæner' has the id 'robot', as 'Robot' in row 2 has: a technology can be on the "
        "radar of administration once; give one of them another id in the column 'technology'",
    ),
]


@pytest.mark.parametrize(
    ("file_name", "data", "where", "danish", "english"),
    [c[1:] for c in DUPLICATES],
    ids=[c[0] for c in DUPLICATES],
)
def test_a_technology_twice_on_one_radar_is_refused_naming_it_and_both_rows(
    econ: duckdb.DuckDBPyConnection,
    file_name: str,
    data: bytes,
    where: tuple[int, str],
    danish: str,
    english: str,
) -> None:
    if file_name == "own.csv":
        econ.execute(
            "INSERT INTO sectors VALUES ('AUT', 1, 'Automatisering', 'Automation', '', '')"
        )
    messages: dict[Lang, str] = {"da": danish, "en": english}
    for lang, message in messages.items():
        with pytest.raises(ImportProblems) as exc:
            plan_import(econ, data, file_name=file_name, edition=1, area=AREA, lang=lang)
        assert [(p.row, p.column, p.message) for p in exc.value.problems] == [(*where, message)]


# --------------------------------------------------------------------------
# columns the radar has no place for: one note lists them

UNREAD = {
    "da": "kolonner, der ikke importeres: pros, cons, usedBy (radaren har ingen plads til dem)",
    "en": "columns not imported: pros, cons, usedBy (the radar has no place for them)",
}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_byor_columns_that_are_not_imported_are_listed_in_one_note(
    econ: duckdb.DuckDBPyConnection, lang: Lang
) -> None:
    data = (
        b"name,ring,quadrant,pros,cons,usedBy,description\n"
        b"Docker,adopt,Tools,fast,big,us,Containers.\n"
        b"Kafka,trial,Tools,,slow,,Streams.\n"
    )
    plan = plan_import(econ, data, file_name="tw.csv", edition=1, area=AREA, lang=lang)
    assert [(n.row, n.column, n.message) for n in plan.notes] == [(1, None, UNREAD[lang])]


def test_a_byor_json_lists_its_keys_that_are_not_imported(econ: duckdb.DuckDBPyConnection) -> None:
    data = (
        b'[{"name": "Docker", "ring": "adopt", "quadrant": "Tools", "pros": ["fast"]},'
        b' {"name": "Kafka", "ring": "trial", "quadrant": "Tools", "cons": "slow", '
        b'"usedBy": [], "isNew": true}]'
    )
    plan = plan_import(econ, data, file_name="tw.json", edition=1, area=AREA, lang="en")
    assert [(n.row, n.column, n.message) for n in plan.notes] == [(None, None, UNREAD["en"])]


def test_a_zalando_link_is_listed_as_not_imported(econ: duckdb.DuckDBPyConnection) -> None:
    data = b'{"entries": [{"label": "K", "quadrant": 0, "ring": 0, "link": "https://k.dk"}]}'
    plan = plan_import(econ, data, file_name="config.json", edition=1, area=AREA, lang="en")
    assert "columns not imported: link (the radar has no place for them)" in [
        n.message for n in plan.notes
    ]


def test_a_byor_file_of_the_columns_read_has_no_note(econ: duckdb.DuckDBPyConnection) -> None:
    data = b"name,ring,quadrant,isNew,status,description\nDocker,adopt,Tools,TRUE,new,Fine.\n"
    assert plan_import(econ, data, file_name="tw.csv", edition=1, area=AREA).notes == ()


# --------------------------------------------------------------------------
# a space before a quoted CSV field


def test_pythons_csv_reader_takes_a_quote_after_a_space_as_text() -> None:
    """The cause: a quote opens a quoted field only as the field's first character."""
    assert next(csv.reader(['a, "x, y",b'])) == ["a", ' "x', ' y"', "b"]
    assert next(csv.reader(['a,"x, y",b'])) == ["a", "x, y", "b"]


SPACE_BEFORE_QUOTE = [
    (
        "a comma in the quoted text",
        'area,sector,name_da,ring\nadministration,AUT, "Robot, ny",klar\n',
        ",",
    ),
    (
        "semicolons, as Danish Excel",
        'area;sector;name_da;ring\nadministration;AUT; "Robot; ny";klar\n',
        ";",
    ),
    # With as many fields as columns the quotes would end up in the name.
    ("nothing split", 'area,sector,name_da,ring\nadministration,AUT, "Robot",klar\n', ","),
]


@pytest.mark.parametrize(
    ("text", "separator"),
    [c[1:] for c in SPACE_BEFORE_QUOTE],
    ids=[c[0] for c in SPACE_BEFORE_QUOTE],
)
def test_a_space_before_a_quoted_field_is_refused_saying_so_and_where(
    rcon: duckdb.DuckDBPyConnection, text: str, separator: str
) -> None:
    assert _refused(rcon, text.encode(), lang="en") == [
        "x.csv, row 2, column 'name_da': has a space before the double quote that should begin "
        f"the quoted text, so the quote does not enclose it; delete the space after the "
        f"'{separator}'"
    ]
    assert _refused(rcon, text.encode()) == [
        "x.csv, row 2, column 'name_da': har et mellemrum foran det dobbelte anførselstegn, som "
        "skal begynde teksten i anførselstegn, så anførselstegnet omslutter den ikke; slet "
        f"mellemrummet efter '{separator}'"
    ]


# --------------------------------------------------------------------------
# code in a BYOR description: an inline <pre> is part of its sentence


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        (
            "<p>Run <pre>npm ci</pre> in every build. It is faster.</p>",
            "Run npm ci in every build. It is faster.",
        ),
        ("<pre>make</pre> builds it. Then", "make builds it. Then"),
        ("Pipe it: <pre>a |\n b</pre> works.", "Pipe it: a | b works."),
        # A <pre> standing apart is a block and keeps its lines.
        (
            "<p>Intro.</p><pre>line 1\nline 2</pre><p>After.</p>",
            "Intro.\n\nline 1\nline 2\n\nAfter.",
        ),
        ("Intro.\n<pre>x = 1</pre>\nAfter.", "Intro.\n\nx = 1\n\nAfter."),
    ],
)
def test_an_inline_pre_stays_in_its_sentence_and_a_block_keeps_its_lines(
    markup: str, text: str
) -> None:
    assert importers.html_to_text(markup) == text


def test_a_byor_summary_is_the_whole_first_sentence_around_an_inline_pre(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    description = '"<p>Pin versions with <pre>npm ci</pre> in CI. It reads the lock file.</p>"'
    data = f"name,ring,quadrant,description\nnpm ci,adopt,Tools,{description}\n".encode()
    importers.import_file(econ, data, file_name="tw.csv", edition=1, area=AREA, editor="t")
    tech = store.load_technologies(econ)["npm-ci"]
    assert tech.summary_da == tech.summary_en == "Pin versions with npm ci in CI."


# --------------------------------------------------------------------------
# the command line tells where in the language asked for


def test_the_command_tells_row_and_column_in_danish_with_lang_da(
    writable_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"area,sector,name_da,ring\nadministration,AUT,Y,Maybe\n")
    args = ["import", str(bad), "--edition", "2026", "--db", str(writable_db)]
    assert main([*args, "--lang", "da"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[1].startswith("  bad.csv, række 2, kolonne 'ring': 'Maybe' er ikke en ring")
    assert main([*args, "--lang", "en"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[1].startswith("  bad.csv, row 2, column 'ring': 'Maybe' is not a ring")


def test_the_commands_notes_tell_row_and_column_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    radar = tmp_path / "tw.csv"
    radar.write_bytes(b"name,ring,quadrant,pros\nDocker,adopt,Tools,fast\nDocker!,trial,Tools,\n")
    args = ["import", str(radar), "--edition", "1", "--area", AREA, "--dry-run"]
    assert main([*args, "--db", str(tmp_path / "da.duckdb"), "--lang", "da"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Bemærk: tw.csv, række 1: kolonner, der ikke importeres: pros" in out[-3]
    assert out[-2].startswith("Bemærk: tw.csv, række 3, kolonne 'name': 'Docker!' får id'et")
    assert main([*args, "--db", str(tmp_path / "en.duckdb"), "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2].startswith("Note: tw.csv, row 3, column 'name': 'Docker!' gets the id")
