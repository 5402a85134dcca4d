"""Importing an AOE technology radar: a zip file of its folder of releases of Markdown items.

The zip files are made here, small and inline (:mod:`foreign_radar_files`):
what a radar turns into (every item's newest state), how it is told from an
Excel workbook, the problems it names, and the limits a zip file is held to.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import pytest
from foreign_radar_files import (
    AREA,
    BAD_AOE_FILES,
    REACT,
    aoe_zip,
    assert_told_in_both_languages,
    declaring,
    dump,
    dump_file,
    item,
    refused,
    rings,
)

from radar import importing as importers
from radar import store
from radar.cli import main
from radar.importing import aoe, plan_import


@pytest.fixture
def econ(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A new, empty radar database: the seed's rings and areas only."""
    connection = duckdb.connect(str(importers.create_empty_database(tmp_path / "empty.duckdb")))
    yield connection
    connection.close()


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["area", "sector", "name_da", "ring"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("file_name", "data", "fmt"),
    [
        ("upload", aoe_zip({"radar/2023-02-23/react.md": REACT}), "aoe"),
        ("upload", aoe_zip({"techradar-main/radar/2023-02-23/react.md": REACT}), "aoe"),
        # A workbook is a zip file too, with [Content_Types].xml in it.
        ("upload", _xlsx(), "xlsx"),
        ("upload", aoe_zip({"notes.txt": "x"}), "xlsx"),
        # The name says zip: the AOE reader says what is missing.
        ("radar.zip", aoe_zip({"notes.txt": "x"}), "aoe"),
        ("radar.zip", b"not a zip", "aoe"),
    ],
)
def test_an_aoe_radar_is_told_from_a_workbook_by_its_content(
    file_name: str, data: bytes, fmt: str
) -> None:
    assert importers.detect_format(data, file_name) == fmt


#: Two releases: the later one changes React's ring and text without repeating its
#: title or quadrant, and adds Vue; Docker is only in the first.
AOE_RADAR = {
    "radar/2023-02-23/react.md": item(
        "A library for **user interfaces**.\nIts docs: [react.dev](https://react.dev).",
        title='"React"',
        ring="trial",
        quadrant="languages-and-frameworks",
        tags="[frontend, coding]",
    ),
    "radar/2023-02-23/docker.md": item(
        "Containers everywhere.",
        title="'Docker'",
        ring="adopt",
        quadrant="platforms-and-operations",
        featured="false",
    ),
    "radar/2024-03-01/react.md": item("We use it in every new project.", ring="adopt"),
    "radar/2024-03-01/vue.md": item(
        title="Vue.js", ring="assess", quadrant="languages-and-frameworks"
    ),
}


def test_an_aoe_radar_is_the_newest_state_of_every_item(econ: duckdb.DuckDBPyConnection) -> None:
    data = aoe_zip(AOE_RADAR)
    plan = plan_import(econ, data, file_name="radar.zip", edition=7, area=AREA)
    assert plan.format == "aoe"
    importers.apply_import(econ, plan, editor="t")
    # Every item of the radar, each as the newest release has it.
    assert rings(econ, 7) == {"react": "klar", "docker": "klar", "vue": "hold-oeje"}
    technologies = store.load_technologies(econ)
    react = technologies["react"]
    # Title and quadrant carried over from 2023-02-23, the text from 2024-03-01.
    assert (react.name_da, react.name_en, react.sector) == (
        "React",
        "React",
        "languages-and-frameworks",
    )
    assert react.description_da == react.summary_da == "We use it in every new project."
    assert technologies["docker"].description_en == "Containers everywhere."
    assert technologies["vue"].description_da == ""
    # Categories in the order their quadrants first appear: by release, then by file.
    assert econ.execute("SELECT id, name_da FROM sectors ORDER BY position").fetchall() == [
        ("platforms-and-operations", "Platforms and operations"),  # docker.md
        ("languages-and-frameworks", "Languages and frameworks"),  # react.md
    ]
    # A new edition is published on the newest release's date.
    assert econ.execute("SELECT published FROM editions WHERE year = 7").fetchone() == (
        date(2024, 3, 1),
    )


def test_an_aoe_radar_one_folder_down_in_the_zip_imports_the_same(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    """As GitHub's "Download ZIP" or macOS make it: techradar-main/radar/..., beside other files."""
    nested = {f"techradar-main/{path}": text for path, text in AOE_RADAR.items()}
    nested["techradar-main/README.md"] = "# Our radar"
    # What macOS adds to a zip file it makes: metadata, not items.
    nested["__MACOSX/techradar-main/radar/2023-02-23/._react.md"] = "\x00\x05\x16\x07"
    top = plan_import(econ, aoe_zip(AOE_RADAR), file_name="a.zip", edition=1, area=AREA)
    below = plan_import(econ, aoe_zip(nested), file_name="a.zip", edition=1, area=AREA)
    assert below == top
    assert below.writes == top.writes


def test_an_aoe_items_markdown_becomes_plain_text_with_its_links(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    body = (
        "## Why\n\nWe like *Akka* for `actor` systems,\nsee [the docs](https://akka.io) & "
        "<https://doc.akka.io>.\n\n- fast\n- <img src=x onerror=alert(1)>resilient\n"
    )
    files = {"radar/2017-03-01/akka.md": item(body, title="Akka", ring="trial", quadrant="tools")}
    importers.import_file(econ, aoe_zip(files), file_name="r.zip", edition=1, area=AREA, editor="t")
    akka = store.load_technologies(econ)["akka"]
    assert akka.description_da == (
        "Why\n\nWe like Akka for actor systems, see the docs (https://akka.io) & "
        "https://doc.akka.io.\n\n• fast\n• resilient"
    )
    # The summary: the first sentence, without the addresses.
    assert akka.summary_da == "Why"


def test_an_aoe_items_info_is_its_summary(econ: duckdb.DuckDBPyConnection) -> None:
    files = {
        "radar/2023-02-23/helm.md": item(
            "Helm packages Kubernetes apps. Long text follows.",
            title="Helm",
            ring="adopt",
            quadrant="tools",
            info='"The package manager for Kubernetes"',
        )
    }
    importers.import_file(econ, aoe_zip(files), file_name="r.zip", edition=1, area=AREA, editor="t")
    helm = store.load_technologies(econ)["helm"]
    assert helm.summary_da == helm.summary_en == "The package manager for Kubernetes"
    assert helm.description_da == "Helm packages Kubernetes apps. Long text follows."


def test_reimporting_an_aoe_radar_changes_nothing(econ: duckdb.DuckDBPyConnection) -> None:
    data = aoe_zip(AOE_RADAR)
    importers.import_file(econ, data, file_name="radar.zip", edition=1, area=AREA, editor="t")
    before = dump(econ)
    again = plan_import(econ, data, file_name="radar.zip", edition=1, area=AREA)
    assert not again.has_changes and len(again.assessments_unchanged) == 3
    assert importers.apply_import(econ, again, editor="t").audit_rows == 0
    assert dump(econ) == before


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ('title: "Quoted \\"text\\" \\u00e6"', 'Quoted "text" æ'),
        ("title: 'It''s'", "It's"),
        ("title: Plain text # a comment", "Plain text"),
        ("title:    Spaced   ", "Spaced"),
        ("title: https://example.org/x", "https://example.org/x"),
    ],
)
def test_aoe_front_matter_texts_are_read_as_yaml_reads_them(
    econ: duckdb.DuckDBPyConnection, line: str, value: str
) -> None:
    text = f"---\n{line}\nring: adopt\nquadrant: tools\ntags: [a, 'b c', \"d\",]\n\n# note\n---\n"
    plan = plan_import(
        econ, aoe_zip({"radar/2023-02-23/x.md": text}), file_name="r.zip", edition=1, area=AREA
    )
    assert plan.writes is not None
    assert plan.writes.technology_inserts[0]["name_da"] == value


def test_aoe_problems_name_the_file_in_the_zip_the_line_and_the_key(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    files = {
        "radar/2023-02-23/react.md": REACT,
        "radar/2023-02-23/kafka.md": item(title="Kafka", ring="maybe", quadrant="tools"),
        "radar/2023-02-23/helm.md": item(
            title="Helm", ring="adopt", quadrant="tools", tags="\n  - k8s"
        ),
        "radar/2023-02-23/akka.md": item(title="Akka: the toolkit", ring="trial", quadrant="tools"),
        "radar/2024-03-01/vue.md": item(ring="adopt"),
        "radar/2024-03-01/react.md": "---\nring: hold\n",
    }
    # A block list of tags (helm.md) is YAML too, and read.
    assert refused(econ, aoe_zip(files), file_name="radar.zip") == [
        "radar.zip: radar/2023-02-23/akka.md, line 2: cannot be read as YAML; a text holding ': ' "
        "or ' #' needs quotes, as in title: \"Akka: the toolkit\"",
        "radar.zip: radar/2024-03-01/react.md, line 1: the front matter is not closed by a line "
        "'---'",
        "radar.zip, column 'title': in radar/2024-03-01/vue.md: is missing, and no earlier release "
        "gives it; the first file of an item needs title, ring and quadrant",
        "radar.zip, column 'quadrant': in radar/2024-03-01/vue.md: is missing, and no earlier "
        "release gives it; the first file of an item needs title, ring and quadrant",
        "radar.zip, column 'ring': radar/2023-02-23/kafka.md, line 3: 'maybe' is not a ring; "
        "expected one of the rings klar, KLAR or Ready; afproev, AFPRØV or Try; hold-oeje, "
        "HOLD ØJE or Watch; afvent, AFVENT or Wait (in any case), or another radar's name such as "
        "adopt, trial, assess, hold (also in Danish, Norwegian or Swedish). Say which of the "
        'radar\'s rings it is: on the command line with --rings "maybe=klar", on the import page '
        "in the step Rings and categories",
    ]


def test_aoe_problems_are_danish_by_default(econ: duckdb.DuckDBPyConnection) -> None:
    files = {"radar/2023-02-23/kafka.md": item(title="Kafka", ring="maybe", quadrant="tools")}
    (problem,) = refused(econ, aoe_zip(files), file_name="radar.zip", lang="da")
    assert problem.startswith(
        "radar.zip, column 'ring': radar/2023-02-23/kafka.md, linje 3: 'maybe' er ikke en ring;"
    )


def test_an_aoe_item_file_outside_a_release_folder_is_named(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    files = {
        "radar/2023-02-23/react.md": REACT,
        "radar/next/vue.md": item(title="Vue", ring="adopt", quadrant="tools"),
        "radar/2023-02-23/tools/grunt.md": item(title="Grunt", ring="hold", quadrant="tools"),
        "radar/2023-02-23/methods/grunt.md": item(title="Grunt", ring="hold", quadrant="tools"),
    }
    assert refused(econ, aoe_zip(files), file_name="radar.zip") == [
        "radar.zip: radar/2023-02-23/tools/grunt.md and radar/2023-02-23/methods/grunt.md are the "
        "same item 'grunt' in one release; keep one of them",
        "radar.zip: radar/next/vue.md is not in a release folder named by its date, such as "
        "radar/2023-02-23/",
    ]


# --------------------------------------------------------------------------
# the zip file's limits


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        (
            {"radar/2023-02-23/react.md": REACT, "radar/../../etc/cron.md": REACT},
            "radar.zip: holds 'radar/../../etc/cron.md', a path that is absolute or climbs out "
            "with '..'; zip the radar folder itself",
        ),
        (
            {"/radar/2023-02-23/react.md": REACT},
            "radar.zip: holds '/radar/2023-02-23/react.md', a path that is absolute or climbs out "
            "with '..'; zip the radar folder itself",
        ),
        (
            {"notes/readme.md": "# Notes"},
            "radar.zip: holds no radar folder with release folders of .md files "
            "(radar/2023-02-23/react.md), neither at the top nor one folder below it",
        ),
    ],
)
def test_a_zip_with_an_unsafe_path_or_no_radar_is_refused(
    econ: duckdb.DuckDBPyConnection, files: dict[str, str], problem: str
) -> None:
    assert refused(econ, aoe_zip(files), file_name="radar.zip") == [problem]


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(econ: duckdb.DuckDBPyConnection) -> None:
    # Four GiB declared in a file of a few hundred bytes.
    bomb = declaring(aoe_zip({"radar/2023-02-23/react.md": REACT}), 2**32 - 1)
    assert len(bomb) < 1000
    assert refused(econ, bomb, file_name="radar.zip") == [
        "radar.zip: the zip file unpacks to more than 200 MiB"
    ]


def test_a_member_holding_more_than_it_declares_is_not_read_beyond_it(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    big = item("x" * 1_000_000, title="Big", ring="adopt", quadrant="tools")
    lying = declaring(aoe_zip({"radar/2023-02-23/big.md": big}), 100)
    assert refused(econ, lying, file_name="radar.zip") == [
        "radar.zip: in radar/2023-02-23/big.md: cannot be read from the zip file (BadZipFile); "
        "zip the radar folder again"
    ]


def test_a_member_in_a_compression_that_inflates_in_one_go_is_refused(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    data = aoe_zip({"radar/2023-02-23/react.md": REACT}, zipfile.ZIP_BZIP2)
    assert refused(econ, data, file_name="radar.zip") == [
        "radar.zip: in radar/2023-02-23/react.md: is compressed with method 12, which the import "
        "does not read; zip the radar folder again with the usual method (Deflate)"
    ]


def test_the_unpacked_size_and_the_number_of_items_have_limits(
    econ: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"radar/2023-02-23/item-{n}.md": REACT for n in range(3)}
    monkeypatch.setattr(importers.read, "MAX_ROWS", 2)
    assert refused(econ, aoe_zip(files), file_name="radar.zip") == [
        "radar.zip: has more than 2 entries"
    ]
    monkeypatch.setattr(importers.read, "MAX_UNPACKED_BYTES", 3 * len(REACT) - 1)
    assert refused(econ, aoe_zip(files), file_name="radar.zip") == [
        "radar.zip: the zip file unpacks to more than 0 MiB"
    ]


def test_release_archive_holds_the_releases_up_to_the_one_asked_for() -> None:
    data = aoe_zip(AOE_RADAR)
    assert aoe.releases(data, "radar.zip") == ["2023-02-23", "2024-03-01"]
    older = aoe.release_archive(data, "2023-02-23", "radar.zip")
    with zipfile.ZipFile(io.BytesIO(older)) as archive:
        assert sorted(archive.namelist()) == [
            "radar/2023-02-23/docker.md",
            "radar/2023-02-23/react.md",
        ]
    with pytest.raises(ValueError, match="2025-01-01"):
        aoe.release_archive(data, "2025-01-01", "radar.zip")


def test_aoe_problems_are_told_in_danish_and_in_english(econ: duckdb.DuckDBPyConnection) -> None:
    assert_told_in_both_languages(econ, BAD_AOE_FILES)


# --------------------------------------------------------------------------
# releases on the command line


def _write_radar(tmp_path: Path, files: dict[str, str]) -> Path:
    path = tmp_path / "radar.zip"
    path.write_bytes(aoe_zip(files))
    return path


def test_every_release_becomes_an_edition_in_date_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    radar = _write_radar(tmp_path, AOE_RADAR)
    db = tmp_path / "aoe.duckdb"
    args = ["import", str(radar), "--db", str(db), "--area", AREA, "--edition", "3"]
    assert main([*args, "--all-releases", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Release 2023-02-23, edition 3:" in out and "Release 2024-03-01, edition 4:" in out
    con = duckdb.connect(str(db), read_only=True)
    try:
        editions = con.execute("SELECT year, published FROM editions ORDER BY 1").fetchall()
        assert editions == [(3, date(2023, 2, 23)), (4, date(2024, 3, 1))]
        # Each edition holds the newest state of every item up to its release.
        assert rings(con, 3) == {"react": "afproev", "docker": "klar"}
        assert rings(con, 4) == {"react": "klar", "docker": "klar", "vue": "hold-oeje"}
    finally:
        con.close()
    # Again: nothing changes.
    before = dump_file(db)
    assert main([*args, "--all-releases", "--lang", "en"]) == 0
    assert capsys.readouterr().out.count("Nothing to change") == 2
    assert dump_file(db) == before


def test_one_older_release_is_imported_as_it_was_then(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    radar = _write_radar(tmp_path, AOE_RADAR)
    db = tmp_path / "aoe.duckdb"
    args = ["import", str(radar), "--db", str(db), "--area", AREA, "--edition", "1"]
    assert main([*args, "--release", "2023-02-23"]) == 0
    assert "Udgivelse 2023-02-23, udgave 1:" in capsys.readouterr().out
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert rings(con, 1) == {"react": "afproev", "docker": "klar"}
        react = store.load_technologies(con)["react"]
        assert react.description_da.startswith("A library for user interfaces.")
    finally:
        con.close()
    assert main([*args, "--release", "2023-02-24", "--lang", "en"]) == 1
    assert capsys.readouterr().err == (
        "error: 2023-02-24 is not a release in radar.zip; its releases are 2023-02-23, 2024-03-01\n"
    )


def test_a_problem_in_any_release_writes_no_edition(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], writable_db: Path
) -> None:
    files = {
        **AOE_RADAR,
        "radar/2024-03-01/kafka.md": item(title="Kafka", ring="maybe", quadrant="tools"),
    }
    radar = _write_radar(tmp_path, files)
    before = dump_file(writable_db)
    args = ["import", str(radar), "--db", str(writable_db), "--area", AREA, "--edition", "3001"]
    assert main([*args, "--all-releases", "--lang", "en"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "error: 1 problem(s) in radar.zip; nothing was imported:"
    assert err[1].startswith(
        "  radar.zip, column 'ring': radar/2024-03-01/kafka.md, line 3: 'maybe'"
    )
    assert dump_file(writable_db) == before
    # Into a new database: no file is made.
    new = tmp_path / "new.duckdb"
    assert main([*args[:3], str(new), *args[4:], "--all-releases"]) == 1
    assert not new.exists()


def test_a_release_refused_after_earlier_ones_were_written_says_which_were(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    writable_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    radar = _write_radar(tmp_path, AOE_RADAR)
    plan_import_before = importers.plan_import
    calls: list[int] = []

    def meanwhile(con: Any, data: bytes, **options: Any) -> importers.ImportPlan:
        # The second release is checked once before anything is written and again
        # after the first is written; the database changed for it in between.
        calls.append(options["edition"])
        if calls.count(3002) == 2:
            raise importers.StalePlanError(
                [importers.Problem("radar.zip", None, None, "the database changed")]
            )
        return plan_import_before(con, data, **options)

    monkeypatch.setattr(importers, "plan_import", meanwhile)
    args = ["import", str(radar), "--db", str(writable_db), "--area", AREA, "--edition", "3001"]
    assert main([*args, "--all-releases", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        "error: edition 3002 (release 2024-03-01) was refused; the editions before it (3001) are "
        "imported. Fix the problems and run the command again: the editions already imported do "
        "not change."
    )
    con = duckdb.connect(str(writable_db), read_only=True)
    try:
        years = {r[0] for r in con.execute("SELECT year FROM editions").fetchall()}
    finally:
        con.close()
    assert 3001 in years and 3002 not in years


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--release", "2023-02-23", "--format", "byor-csv"],
            "error: --release and --all-releases are for AOE radars (--format aoe); radar.zip is "
            "read as byor-csv\n",
        ),
        (
            ["--all-releases", "--title", "Radar"],
            "error: --title and --published are for one edition; with --all-releases each edition "
            "is published on its release's date, with the usual title\n",
        ),
    ],
)
def test_release_options_that_do_not_fit_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    radar = _write_radar(tmp_path, AOE_RADAR)
    db = tmp_path / "aoe.duckdb"
    args = ["import", str(radar), "--db", str(db), "--area", AREA, "--edition", "1", "--lang", "en"]
    assert main([*args, *extra]) == 1
    assert capsys.readouterr().err == message
    assert not db.exists()


def test_an_aoe_item_too_large_or_nested_too_deep_is_one_problem_not_a_crash(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    files = {
        "radar/2023-02-23/react.md": REACT,
        "radar/2023-02-23/huge.md": item(title="Huge", ring="adopt", quadrant="tools")
        + "x" * (300 * 1024),
        "radar/2023-02-23/deep.md": "---\ntitle: " + "[" * 20_000 + "]" * 20_000 + "\n---\n",
    }
    problems = refused(econ, aoe_zip(files), file_name="radar.zip")
    assert len(problems) == 2
    assert any("huge.md" in p and "256 KiB" in p for p in problems)
    assert any("deep.md, line 2: cannot be read as YAML" in p for p in problems)
