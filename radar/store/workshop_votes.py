"""The workshop database's dot votes and consequence ratings, and the prioritising round.

A participant's votes are their points per technology (a technology given no
points has no row); saving replaces them all. A participant's ratings of one
technology are a score per dimension rated; they are saved, and replaced, with
the participant's answer about it (:func:`radar.store.workshops.insert_answer`).
Like the answers, they carry only the participant's random id.

Every function takes a cursor that the caller's transaction runs on.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

import pandas as pd

from radar.store.transactions import Connection
from radar.store.workshop_schema import to_db

__all__ = [
    "participant_ratings",
    "participant_votes",
    "ratings_frame",
    "replace_ratings",
    "replace_votes",
    "set_voting_open",
    "votes_frame",
]


def set_voting_open(cur: Connection, workshop_id: str, voting_open: bool) -> None:
    """Open the workshop's prioritising round, or close it."""
    cur.execute(
        "UPDATE workshops SET voting_open = ? WHERE id = ?", [bool(voting_open), workshop_id]
    )


def replace_votes(
    cur: Connection,
    workshop_id: str,
    participant_id: str,
    points: Mapping[str, int],
    updated_at: datetime,
) -> None:
    """Store a participant's points per technology instead of their earlier ones.

    A technology with 0 points gets no row.
    """
    cur.execute(
        "DELETE FROM votes WHERE workshop_id = ? AND participant_id = ?",
        [workshop_id, participant_id],
    )
    given = [
        (workshop_id, participant_id, technology, count, to_db(updated_at))
        for technology, count in points.items()
        if count > 0
    ]
    if given:
        cur.executemany("INSERT INTO votes VALUES (?, ?, ?, ?, ?)", given)


def replace_ratings(
    cur: Connection,
    workshop_id: str,
    participant_id: str,
    technology: str,
    scores: Mapping[str, int],
    updated_at: datetime,
) -> None:
    """Store a participant's scores of one technology per dimension instead of the earlier ones.

    No scores: the technology is no longer rated by them.
    """
    cur.execute(
        "DELETE FROM ratings WHERE workshop_id = ? AND participant_id = ? AND technology = ?",
        [workshop_id, participant_id, technology],
    )
    if scores:
        cur.executemany(
            "INSERT INTO ratings VALUES (?, ?, ?, ?, ?, ?)",
            [
                (workshop_id, participant_id, technology, dimension, score, to_db(updated_at))
                for dimension, score in scores.items()
            ],
        )


def participant_votes(cur: Connection, workshop_id: str, participant_id: str) -> dict[str, int]:
    """A participant's points by technology (only technologies they gave points)."""
    found = cur.execute(
        "SELECT technology, points FROM votes WHERE workshop_id = ? AND participant_id = ?",
        [workshop_id, participant_id],
    ).fetchall()
    return {str(row[0]): int(row[1]) for row in found}


def participant_ratings(
    cur: Connection, workshop_id: str, participant_id: str
) -> dict[str, dict[str, int]]:
    """A participant's scores: technology to dimension to score (only what they rated)."""
    found = cur.execute(
        "SELECT technology, dimension, score FROM ratings "
        "WHERE workshop_id = ? AND participant_id = ?",
        [workshop_id, participant_id],
    ).fetchall()
    scores: dict[str, dict[str, int]] = {}
    for technology, dimension, score in found:
        scores.setdefault(str(technology), {})[str(dimension)] = int(score)
    return scores


def votes_frame(cur: Connection, workshop_id: str) -> pd.DataFrame:
    """Every vote of a workshop: columns ``participant_id, technology, points``."""
    return cur.execute(
        "SELECT participant_id, technology, points FROM votes WHERE workshop_id = ? "
        "ORDER BY technology, participant_id",
        [workshop_id],
    ).df()


def ratings_frame(cur: Connection, workshop_id: str) -> pd.DataFrame:
    """Every rating of a workshop: columns ``participant_id, technology, dimension, score``."""
    return cur.execute(
        "SELECT participant_id, technology, dimension, score FROM ratings WHERE workshop_id = ? "
        "ORDER BY technology, dimension, participant_id",
        [workshop_id],
    ).df()
