"""Where the database lives: the seed folder, the default file and ``$RADAR_DB``."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DB_ENV_VAR", "DEFAULT_DB_PATH", "REPO_ROOT", "SEED_DIR", "resolve_db_path"]

#: Environment variable naming the database file.
DB_ENV_VAR = "RADAR_DB"
REPO_ROOT = Path(__file__).resolve().parents[2]
#: The seed CSV files the database is built from.
SEED_DIR = REPO_ROOT / "data"
DEFAULT_DB_PATH = SEED_DIR / "radar.duckdb"


def resolve_db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Where the database is: ``path`` if given, else ``$RADAR_DB``, else ``data/radar.duckdb``."""
    if path:
        return Path(path)
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return Path(from_env)
    return DEFAULT_DB_PATH
