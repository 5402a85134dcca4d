"""Importing the JSON of Backstage's tech-radar plugin.

The files are written here, small and inline (:mod:`foreign_radar_files`):
what a Backstage radar turns into, how it is told from a Zalando config, and
the problems it names.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from foreign_radar_files import (
    AREA,
    BAD_BACKSTAGE_FILES,
    QUADRANTS,
    assert_told_in_both_languages,
    backstage,
    backstage_entry,
    dump,
    refused,
    rings,
    snapshot,
)

from radar import importing as importers
from radar import store
from radar.importing import plan_import


@pytest.fixture
def econ(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A new, empty radar database: the seed's rings and areas only."""
    connection = duckdb.connect(str(importers.create_empty_database(tmp_path / "empty.duckdb")))
    yield connection
    connection.close()


ZALANDO_CONFIG = json.dumps(
    {
        "date": "2024.03",
        "quadrants": [{"name": "Languages"}, {"name": "Infrastructure"}],
        "rings": [{"name": "ADOPT", "color": "#5ba300"}, {"name": "TRIAL", "color": "#009eb0"}],
        "entries": [{"label": "Kotlin", "quadrant": 0, "ring": 0, "moved": 0, "active": True}],
    }
)
KOTLIN = backstage_entry("Kotlin", "languages", snapshot("adopt", "2024-01-01"))


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (backstage(KOTLIN), "backstage"),
        # Backstage without entries yet: its rings carry ids.
        (backstage(), "backstage"),
        (ZALANDO_CONFIG, "zalando"),
        ('{"date": "2026.05", "entries": []}', "zalando"),
        # A Zalando entry has a label, whatever the rest of the file looks like.
        (json.dumps({"rings": [{"id": "a"}], "entries": [{"label": "K"}]}), "zalando"),
    ],
)
def test_a_backstage_radar_is_told_from_a_zalando_config_by_its_content(
    data: bytes | str, fmt: str
) -> None:
    content = data.encode() if isinstance(data, str) else data
    assert importers.detect_format(content, "radar.json") == fmt
    assert importers.detect_format(content, "upload") == fmt


def test_a_backstage_radar_becomes_categories_technologies_and_the_newest_rings(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    data = backstage(
        backstage_entry(
            "TypeScript",
            "languages",
            # Not in date order: the newest by date decides, not the last in the list.
            snapshot("adopt", "2023-06-01T09:30:00.000Z"),
            snapshot("assess", "2021-01-15"),
            description="**Typed** JavaScript. See [the handbook](https://www.typescriptlang.org/docs/).",
        ),
        backstage_entry(
            "Kubernetes",
            "infrastructure",
            snapshot("trial", "2022-05-01", "Trial in two teams."),
            # The same date: the last of them counts.
            snapshot("hold", "2022-05-01", "On hold: <script>alert(1)</script>too costly for us."),
        ),
    )
    plan = plan_import(econ, data, file_name="tech-radar.json", edition=1, area=AREA)
    assert plan.format == "backstage"
    importers.apply_import(econ, plan, editor="t")
    # The quadrants' names, in the file's order.
    assert econ.execute("SELECT id, name_da FROM sectors ORDER BY position").fetchall() == [
        ("languages-frameworks", "Languages & Frameworks"),
        ("infrastructure", "Infrastructure"),
    ]
    assert rings(econ, 1) == {"typescript": "klar", "kubernetes": "afvent"}
    technologies = store.load_technologies(econ)
    typescript, kubernetes = technologies["typescript"], technologies["kubernetes"]
    assert typescript.name_da == typescript.name_en == "TypeScript"
    assert typescript.sector == "languages-frameworks"
    assert typescript.description_da == (
        "Typed JavaScript. See the handbook (https://www.typescriptlang.org/docs/)."
    )
    assert typescript.summary_da == typescript.summary_en == "Typed JavaScript."
    # No description of its own: the newest timeline item's, as inert text.
    assert kubernetes.description_da == kubernetes.description_en == "On hold: too costly for us."
    assert kubernetes.summary_da == "On hold: too costly for us."


def test_reimporting_a_backstage_radar_changes_nothing(econ: duckdb.DuckDBPyConnection) -> None:
    data = backstage(
        KOTLIN, backstage_entry("Docker", "infrastructure", snapshot("trial", "2024-02-01"))
    )
    importers.import_file(econ, data, file_name="radar.json", edition=1, area=AREA, editor="t")
    before = dump(econ)
    again = plan_import(econ, data, file_name="radar.json", edition=1, area=AREA)
    assert not again.has_changes
    assert len(again.assessments_unchanged) == 2
    assert importers.apply_import(econ, again, editor="t").audit_rows == 0
    assert dump(econ) == before


def test_backstage_problems_name_the_entry_its_title_and_the_field(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    data = backstage(
        KOTLIN,
        backstage_entry("Rust", "languages"),
        backstage_entry("Terraform", "platforms", snapshot("adopt", "2024-01-01")),
        backstage_entry(
            "Docker",
            "infrastructure",
            snapshot("adopt", "2024-01-01"),
            snapshot("retired", "2024-06-01"),
        ),
        backstage_entry("Go", "languages", snapshot("trial", "last year")),
    )
    assert refused(econ, data) == [
        "radar.json, row 2, column 'timeline': entry 'Rust': is missing, empty or not a list; "
        "expected a list of at least one object with 'ringId' and 'date'",
        "radar.json, row 3, column 'quadrant': entry 'Terraform': 'platforms' is not the id of a "
        "quadrant; expected one of languages, infrastructure",
        "radar.json, row 4, column 'ringId': entry 'Docker': timeline item 2: 'retired' is not the "
        "id of a ring; expected one of adopt, trial, assess, hold",
        "radar.json, row 5, column 'date': entry 'Go': timeline item 1: 'last year' is not a date "
        "like 2024-03-01",
    ]


def test_a_backstage_ring_that_is_no_ring_of_ours_gets_the_usual_ring_problem(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    rings = [{"id": "retire", "name": "RETIRE", "color": "#5ba300"}]
    data = backstage(
        backstage_entry("Kotlin", "languages", snapshot("retire", "2024-01-01")), rings=rings
    )
    (problem,) = refused(econ, data)
    assert problem.startswith(
        "radar.json, row 1, column 'ringId': 'RETIRE' is not a ring; expected one of "
        "the rings klar, KLAR or Ready;"
    )
    assert '--rings "RETIRE=klar"' in problem
    # And in Danish, the importer's default.
    (danish,) = refused(econ, data, lang="da")
    assert danish.startswith("radar.json, row 1, column 'ringId': 'RETIRE' er ikke en ring")


def test_backstage_s_use_ring_is_the_innermost(econ: duckdb.DuckDBPyConnection) -> None:
    rings = [{"id": "use", "name": "USE", "color": "#5ba300"}]
    data = backstage(
        backstage_entry("Kotlin", "languages", snapshot("use", "2024-01-01")), rings=rings
    )
    importers.import_file(econ, data, file_name="radar.json", edition=1, area=AREA, editor="t")
    assert econ.execute("SELECT ring_override FROM assessments").fetchall() == [("klar",)]


def test_a_backstage_file_with_broken_quadrants_and_rings_says_which(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    data = backstage(
        KOTLIN, quadrants=[QUADRANTS[0], {"id": "languages", "name": "Sprog"}], rings=[]
    )
    assert refused(econ, data) == [
        "radar.json, column 'quadrants': items 1 and 2 have the same id 'languages'; give each "
        "its own",
        "radar.json, column 'rings': expected a list of at least one object with 'id' and 'name'",
    ]


def test_backstage_problems_are_told_in_danish_and_in_english(
    econ: duckdb.DuckDBPyConnection,
) -> None:
    assert_told_in_both_languages(econ, BAD_BACKSTAGE_FILES)
