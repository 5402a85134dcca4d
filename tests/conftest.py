"""Shared fixtures: a database built once per test session from the real seed data."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from radar import store

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from data/, shared read-only by the tests of a session."""
    path = tmp_path_factory.mktemp("db") / "radar.duckdb"
    store.build_database(path)
    return path


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
