"""Clearing Streamlit's caches (any client may ask for it) keeps the process's connections.

While an editor's page is open, its buttons' callbacks hold the connection
the cache gave out; asking the cache again after it was cleared must give that
same, working connection, not open the file a second time (which DuckDB
refuses while the first is open).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from signed_in import editing_on as turn_editing_on

from radar import store, workshop
from radar.ui import cache


@pytest.fixture
def editing_on(monkeypatch: pytest.MonkeyPatch) -> None:
    turn_editing_on(monkeypatch)


@pytest.mark.usefixtures("editing_on")
def test_after_the_cache_is_cleared_the_same_writable_connection_comes_back(
    writable_db: Path,
) -> None:
    held = cache.connection(str(writable_db))  # as an editor's save button holds it
    st.cache_resource.clear()
    st.cache_data.clear()

    again = cache.connection(str(writable_db))

    assert again is held
    assert store.load_catalog(again).years
    with store.transaction(again) as cur:
        cur.execute("UPDATE technologies SET name_en = name_en WHERE id = 'aula'")


@pytest.mark.usefixtures("editing_on")
def test_after_the_cache_is_cleared_the_radar_is_read_again(writable_db: Path) -> None:
    db = str(writable_db)
    before = cache.catalog(db)
    held = cache.connection(db)
    st.cache_resource.clear()
    st.cache_data.clear()
    assert cache.catalog(db) == before
    assert cache.connection(db) is held


def test_after_the_cache_is_cleared_the_same_workshop_connection_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(workshop.WORKSHOP_DB_ENV_VAR, str(tmp_path / "workshops.duckdb"))
    held = cache.workshop_connection()
    st.cache_resource.clear()

    again = cache.optional_workshop_connection()

    assert again is held
    assert workshop.list_workshops(again) == ()
