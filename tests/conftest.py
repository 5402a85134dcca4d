"""Shared fixtures: a database built once per test session from the real seed data.

The tests are sorted by kind: ``unit`` (the pure library and the store),
``features`` (editing, importing, exporting, workshops, backups and the command
line on a database), ``app`` (pages under Streamlit's AppTest) and ``browser``
(the running dashboard in Chromium). Helpers they import by name live in
``tests/support``.

The suite runs on several pytest-xdist workers. Each worker is its own process
with its own temporary folder, so every fixture here (the seeded database, its
copies, the environment variables set through ``monkeypatch``) is private to a
worker; streamlit servers take a free port each.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from apptest_support import DASHBOARD, TIMEOUT
from streamlit.testing.v1 import AppTest

from radar import store, workshop
from radar.model import Catalog, Technology
from radar.pipeline import history

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the browser tests; on xdist workers, hand out the slowest test files first.

    Every test in tests/browser drives Chromium and takes seconds. xdist gives
    each worker one test file at a time in collection order
    (``--no-loadscope-reorder``); starting with the files that take longest
    (browser files, then those with the most slow tests) keeps one long file
    from running alone at the end while the other core idles.
    """
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
    if not hasattr(config, "workerinput"):
        return
    weight: dict[Path, tuple[int, int]] = {}
    for item in items:
        browser, slow = weight.get(item.path, (0, 0))
        weight[item.path] = (
            browser or item.get_closest_marker("browser") is not None,
            slow + (item.get_closest_marker("slow") is not None),
        )
    # A stable sort: tests keep their order within a file.
    items.sort(key=lambda item: tuple(-w for w in weight[item.path]))


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from data/, shared read-only by the tests of a session."""
    path = tmp_path_factory.mktemp("db") / "radar.duckdb"
    store.build_database(path)
    return path


@pytest.fixture(scope="session")
def copy_seeded_db(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    """Make a writable copy of the seeded database, in a folder of its own, and return its path.

    For fixtures wider than one test (a module's dashboard, a prepared database);
    a single test takes :func:`writable_db`.
    """

    def copy() -> Path:
        path = tmp_path_factory.mktemp("radar-copy") / "radar.duckdb"
        shutil.copy(seeded_db, path)
        return path

    return copy


@pytest.fixture
def writable_db(copy_seeded_db: Callable[[], Path]) -> Path:
    """A copy of the seeded database that this test may change; the shared one stays as built."""
    return copy_seeded_db()


@pytest.fixture(scope="session")
def con(seeded_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = store.connect(seeded_db, read_only=True)
    yield connection
    connection.close()


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed folder, for tests that break it on purpose."""
    target = tmp_path / "data"
    shutil.copytree(store.SEED_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*"))
    return target


@pytest.fixture
def app(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The dashboard under AppTest, on the seeded database."""
    monkeypatch.setenv(store.DB_ENV_VAR, str(seeded_db))
    return AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)


@pytest.fixture(scope="session")
def catalog(con: duckdb.DuckDBPyConnection) -> Catalog:
    """Areas, rings, sectors and editions of the seeded database."""
    return store.load_catalog(con)


@pytest.fixture(scope="session")
def technologies(con: duckdb.DuckDBPyConnection) -> dict[str, Technology]:
    """The seeded technology catalogue by id."""
    return store.load_technologies(con)


@pytest.fixture(scope="session")
def entries(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> pd.DataFrame:
    """Every radar of every edition of the seeded database (:func:`history.all_entries`)."""
    return history.all_entries(store.load_all_assessments(con), catalog.rings)


@pytest.fixture
def db_with_empty_edition(seed_copy: Path, tmp_path: Path) -> Path:
    """A database whose newest edition, 2026, has no assessments yet (added ahead of time)."""
    seed = seed_copy
    with (seed / "editions.csv").open("a", encoding="utf-8") as editions:
        editions.write("2026,2026-06-15,Teknologiradar 2026 (kladde),Technology radar 2026\n")
    db = tmp_path / "ahead.duckdb"
    store.build_database(db, data_dir=seed)
    return db


@pytest.fixture
def wdb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh workshop database for the app (RADAR_WORKSHOP_DB)."""
    path = tmp_path / "workshops.duckdb"
    monkeypatch.setenv(workshop.WORKSHOP_DB_ENV_VAR, str(path))
    return path


@pytest.fixture
def wcon(wdb: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The test's own connection to the app's workshop database.

    In one process DuckDB shares one database instance between connections to
    the same file, so this sees what the app writes and the app what this writes.
    """
    connection = workshop.connect_workshops(wdb)
    yield connection
    connection.close()


@pytest.fixture(autouse=True)
def _forget_sign_ins() -> Iterator[None]:
    """Sign-ins and failed sign-ins are kept per process: one test's must not leak into the next."""
    from radar import signins

    yield
    signins.SIGN_INS.clear()
    signins.LOCKOUT.clear()
