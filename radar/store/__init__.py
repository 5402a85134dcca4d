"""The DuckDB store: where the database lives, how it is built and migrated, and the queries.

Only this package knows the database engine. Every read and every write runs
on a cursor of its own of the process's one connection (a DuckDB connection
refuses concurrent use from several threads, and every Streamlit session runs
in a thread of its own); the layers above pass a :data:`Connection` through
without looking inside and catch only the engine-neutral errors below.

Public API
----------
Connection
    The handle callers pass around.
connect, build_database, DatabaseUnavailableError, DatabaseReadOnlyError,
DatabaseExistsError
    Open the database (building it from the seed when missing, migrating an
    old one), and build it.
shared_connection, write_refused
    The process's one connection per database file and mode, which outlives
    any cache; whether writing the file was refused (it is read-only).
resolve_db_path, DB_ENV_VAR, SEED_DIR, DEFAULT_DB_PATH, REPO_ROOT
    Where the database and the seed are.
new_database_file
    A new database file that replaces the old one only when complete.
SCHEMA_VERSION, schema_version, migrate
    The schema's version (the last named step of :mod:`radar.store.migrations`)
    and bringing an old file up to it.
load_radar_data, load_view, load_area_history
    The one read model (:class:`radar.pipeline.radar_data.RadarData`), read
    once; a view or an area's history read for one-off use.
load_catalog, load_technologies, load_assessments, load_all_assessments,
load_technology_assessments, load_cases, load_all_cases, latest_assessed_edition,
is_illustrative, ILLUSTRATIVE_KEY, table_counts, query_frame
    The catalogue queries.
content_version
    A value that changes with every change to the radar's content, from any
    process: how a dashboard sees another one's saves.
transaction, retrying, read, records, rows, frame, WRITE_LOCK
    The one way to read and write (:mod:`radar.store.transactions`).
StoreError, WriteConflict, DuplicateKey, ConstraintViolation, Busy, WriteFailed,
StorageFull
    Writes the store refused, without naming the engine.

The modules :mod:`~radar.store.seed`, :mod:`~radar.store.audit` and
:mod:`~radar.store.backup` are imported as submodules.
"""

from __future__ import annotations

from radar.store import seed
from radar.store.audit import content_version
from radar.store.connection import (
    DatabaseExistsError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    build_database,
    connect,
    shared_connection,
    write_refused,
)
from radar.store.files import new_database_file
from radar.store.migrations import SCHEMA_VERSION, migrate, schema_version
from radar.store.paths import DB_ENV_VAR, DEFAULT_DB_PATH, REPO_ROOT, SEED_DIR, resolve_db_path
from radar.store.queries import (
    ILLUSTRATIVE_KEY,
    is_illustrative,
    latest_assessed_edition,
    load_all_assessments,
    load_all_cases,
    load_assessments,
    load_cases,
    load_catalog,
    load_technologies,
    load_technology_assessments,
    query_frame,
    table_counts,
)
from radar.store.read_model import load_area_history, load_radar_data, load_view
from radar.store.transactions import (
    WRITE_LOCK,
    Busy,
    Connection,
    ConstraintViolation,
    DuplicateKey,
    StorageFull,
    StoreError,
    WriteConflict,
    WriteFailed,
    frame,
    read,
    records,
    retrying,
    rows,
    transaction,
)

__all__ = [
    "DB_ENV_VAR",
    "DEFAULT_DB_PATH",
    "ILLUSTRATIVE_KEY",
    "REPO_ROOT",
    "SCHEMA_VERSION",
    "SEED_DIR",
    "WRITE_LOCK",
    "Busy",
    "Connection",
    "ConstraintViolation",
    "DatabaseExistsError",
    "DatabaseReadOnlyError",
    "DatabaseUnavailableError",
    "DuplicateKey",
    "StorageFull",
    "StoreError",
    "WriteConflict",
    "WriteFailed",
    "build_database",
    "connect",
    "content_version",
    "frame",
    "is_illustrative",
    "latest_assessed_edition",
    "load_all_assessments",
    "load_all_cases",
    "load_area_history",
    "load_assessments",
    "load_cases",
    "load_catalog",
    "load_radar_data",
    "load_technologies",
    "load_technology_assessments",
    "load_view",
    "migrate",
    "new_database_file",
    "query_frame",
    "read",
    "records",
    "resolve_db_path",
    "retrying",
    "rows",
    "schema_version",
    "seed",
    "shared_connection",
    "table_counts",
    "transaction",
    "write_refused",
]
