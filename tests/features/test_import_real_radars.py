"""Real radars from public repositories import as they are: as many entries, rings and categories.

Small copies of each file live in ``data/real/<name>/`` with a ``SOURCE.md``
(repository, path, commit, licence, what was trimmed) and the licence. The
expected counts are the source's own, counted from the file; the ring names
are mapped the way the importer documents (by position from the centre), with
a mapping only where a radar's names have no fixed place (Explore, Invest).
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from radar import importing, store
from radar.drawing.figure import RadarOptions, radar_figure
from radar.pipeline.view import ViewFilter

REAL = Path(__file__).parent / "data" / "real"
AREA = "administration"


@dataclass(frozen=True)
class RealRadar:
    """One real file and what it holds."""

    folder: str
    file: str
    format: str
    #: Entries per ring as the source names them, and the ring each lands in.
    rings: dict[tuple[str, str], int]
    categories: int
    mapping: dict[str, str] = field(default_factory=dict)
    #: The quadrants' names, for a file that leaves them to another file.
    categories_mapping: dict[str, str] = field(default_factory=dict)

    def import_mapping(self) -> importing.ImportMapping:
        return importing.ImportMapping(rings=self.mapping, categories=self.categories_mapping)

    @property
    def entries(self) -> int:
        return sum(self.rings.values())


RADARS = [
    RealRadar(
        "oslo-origo-byor",
        "radar-2024-desember.csv",
        "byor-csv",
        {("BRUK", "klar"): 11, ("VURDER", "hold-oeje"): 12, ("AVSTÅ", "afvent"): 5},
        categories=2,
    ),
    RealRadar(
        "lamoda-byor",
        "radar.csv",
        "byor-csv",
        {
            ("adopt", "klar"): 87,
            ("trial", "afproev"): 5,
            ("assess", "hold-oeje"): 21,
            ("hold", "afvent"): 21,
        },
        categories=4,
    ),
    RealRadar(
        "kadaster-byor-csv",
        "content.csv",
        "byor-csv",
        {
            ("Adopt", "klar"): 1,
            ("Explore", "afproev"): 3,
            ("Assess", "hold-oeje"): 1,
            ("Monitor", "hold-oeje"): 1,
        },
        categories=3,
        mapping={"Explore": "afproev", "Monitor": "hold-oeje"},
    ),
    RealRadar(
        "kadaster-byor-json",
        "data.json",
        "byor-json",
        {("Adopt", "klar"): 1, ("Explore", "afproev"): 3, ("Assess", "hold-oeje"): 1},
        categories=2,
        mapping={"Explore": "afproev"},
    ),
    RealRadar(
        "byor-il-invest",
        "IL.csv",
        "byor-csv",
        {("Invest", "klar"): 3, ("Hold", "afvent"): 1},
        categories=1,
        mapping={"Invest": "klar"},
    ),
    RealRadar(
        "byor-extra-columns",
        "technology radar - complete.csv",
        "byor-csv",
        {("adopt", "klar"): 7},
        categories=1,
    ),
    RealRadar(
        "byor-spec-json",
        "data.json",
        "byor-json",
        {
            ("adopt", "klar"): 1,
            ("trial", "afproev"): 1,
            ("assess", "hold-oeje"): 1,
            ("hold", "afvent"): 1,
        },
        categories=4,
    ),
    RealRadar(
        "backstage-decathlon",
        "techradar.json",
        "backstage",
        {("USE", "klar"): 8, ("TRIAL", "afproev"): 4, ("HOLD", "afvent"): 1},
        categories=4,
    ),
    # A folder: imported as the zip file of it that AOE's users download.
    RealRadar(
        "isis-aoe",
        "radar",
        "aoe",
        {
            ("adopt", "klar"): 4,
            ("trial", "afproev"): 2,
            ("assess", "hold-oeje"): 1,
            ("BLANK", "hold-oeje"): 1,
            ("hold", "afvent"): 2,
        },
        categories=4,
        mapping={"BLANK": "hold-oeje"},
    ),
    # One radar per date, its entries alone; the quadrants' names are in its config.json.
    RealRadar(
        "zalando-neofonie-dataset",
        "dataset/2020.05.json",
        "zalando",
        {("0", "klar"): 45, ("1", "afproev"): 23, ("2", "hold-oeje"): 20, ("3", "afvent"): 19},
        categories=4,
        categories_mapping={
            "0": "A.I.",
            "1": "Frontend / Web",
            "2": "DevOps / Infrastructure",
            "3": "Platforms / Backend",
        },
    ),
    RealRadar(
        "zalando-config",
        "config.json",
        "zalando",
        {("0", "klar"): 33, ("1", "afproev"): 12, ("2", "hold-oeje"): 8, ("3", "afvent"): 20},
        categories=4,
    ),
]


def _content(radar: RealRadar) -> tuple[str, bytes]:
    """The file's name and bytes; a folder as a zip file of it."""
    path = REAL / radar.folder / radar.file
    if path.is_file():
        return radar.file, path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for item in sorted(path.rglob("*.md")):
            archive.write(item, item.relative_to(path.parent).as_posix())
    return f"{radar.folder}.zip", out.getvalue()


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A new radar database of its own, as the README tells an organisation to make."""
    connection = duckdb.connect(str(importing.create_empty_database(tmp_path / "own.duckdb")))
    yield connection
    connection.close()


def test_every_real_radar_keeps_its_source_and_licence() -> None:
    for radar in RADARS:
        folder = REAL / radar.folder
        source = (folder / "SOURCE.md").read_text("utf-8")
        assert "Repository:" in source and "Commit" in source, radar.folder
        assert "Licence (SPDX):" in source, radar.folder
        assert (folder / radar.file).exists()
        assert (folder / "LICENSE").stat().st_size > 500, radar.folder


@pytest.mark.parametrize("radar", RADARS, ids=[r.folder for r in RADARS])
def test_a_real_radar_imports_with_its_entries_rings_and_categories(
    con: duckdb.DuckDBPyConnection, radar: RealRadar
) -> None:
    file_name, data = _content(radar)
    plan = importing.plan_import(
        con,
        data,
        file_name=file_name,
        edition=1,
        area=AREA,
        mapping=radar.import_mapping(),
    )
    assert plan.format == radar.format
    importing.apply_import(con, plan, editor="test")
    rows = con.execute("SELECT ring_override FROM assessments WHERE edition = 1").fetchall()
    landed: Counter[str] = Counter()
    for (_, ring), count in radar.rings.items():
        landed[ring] += count
    assert Counter(r[0] for r in rows) == landed
    assert len(rows) == radar.entries
    assert con.execute("SELECT count(*) FROM sectors").fetchone() == (radar.categories,)
    # Importing the same file again changes nothing.
    again = importing.plan_import(
        con,
        data,
        file_name=file_name,
        edition=1,
        area=AREA,
        mapping=radar.import_mapping(),
    )
    assert not again.has_changes


@pytest.mark.parametrize("radar", RADARS, ids=[r.folder for r in RADARS])
def test_a_real_radar_is_drawn_once_imported(
    con: duckdb.DuckDBPyConnection, radar: RealRadar
) -> None:
    # One category (byor-il-invest) crashed the radar before.
    file_name, data = _content(radar)
    mapping = radar.import_mapping()
    importing.import_file(
        con, data, file_name=file_name, edition=1, area=AREA, editor="t", mapping=mapping
    )
    view = store.load_view(con, ViewFilter(area=AREA))
    figure = radar_figure(
        view,
        store.load_catalog(con),
        store.load_technologies(con),
        "da",
        RadarOptions(width=1200, height=900),
    )
    blips = next(trace for trace in figure.data if trace.name == "blips")
    overflow = [trace for trace in figure.data if trace.name == "overflow"]
    hidden = sum(int(str(t).lstrip("+")) for trace in overflow for t in trace.text or ())
    assert len(blips.x) + hidden == radar.entries
