"""From two scores to a ring.

A technology's ring in an area follows from two scores, each normalised to 0..1:

* technical maturity, from the Technology Readiness Level: ``(trl - 1) / 8``;
* spread, from the survey shares: in operation counts fully, piloting half,
  considering a fifth, not considering nothing (``SPREAD_WEIGHTS``).

The combined score is their average. The ring is the innermost ring whose
``min_score`` (stored in the rings table, not here) the score reaches. An editor
may override the computed ring, but only with a stated reason.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from radar.model import Ring

TRL_MIN = 1
TRL_MAX = 9

#: Weight of each survey share in the spread score. Piloting counts half of
#: operation because a pilot is a commitment but not yet daily use.
SPREAD_WEIGHTS: dict[str, float] = {
    "share_operation": 1.0,
    "share_pilot": 0.5,
    "share_considering": 0.2,
    "share_not_considering": 0.0,
}
SHARE_COLUMNS: tuple[str, ...] = tuple(SPREAD_WEIGHTS)
#: An assessment's scores: all five given, or none (a ring stated by an imported radar).
SCORE_COLUMNS: tuple[str, ...] = ("maturity_trl", *SHARE_COLUMNS)
#: What places a technology in one area: its scores and an override with its reason.
ASSESSMENT_FIELDS: tuple[str, ...] = (*SCORE_COLUMNS, "ring_override", "override_reason")


def maturity_score(trl: float | np.ndarray | pd.Series) -> float | np.ndarray | pd.Series:
    """Normalise a Technology Readiness Level (1..9) to 0..1.

    Parameters
    ----------
    trl
        One level or an array of levels.

    Returns
    -------
    The normalised maturity, 0 for TRL 1 and 1 for TRL 9.
    """
    return (trl - TRL_MIN) / (TRL_MAX - TRL_MIN)


def spread_score(
    operation: float, pilot: float, considering: float, not_considering: float = 0.0
) -> float:
    """Normalise the survey shares (percent, summing to 100) to a 0..1 spread score."""
    weights = SPREAD_WEIGHTS
    total = (
        weights["share_operation"] * operation
        + weights["share_pilot"] * pilot
        + weights["share_considering"] * considering
        + weights["share_not_considering"] * not_considering
    )
    return total / 100.0


def combined_score(maturity: float, spread: float) -> float:
    """The score that places a technology: the average of maturity and spread."""
    return (maturity + spread) / 2.0


def ring_for_score(score: float, rings: Sequence[Ring]) -> str:
    """The id of the innermost ring whose cut-off ``score`` reaches.

    Parameters
    ----------
    score
        A combined score in 0..1.
    rings
        The rings, inside out, each with its ``min_score``.
    """
    for ring in sorted(rings, key=lambda r: r.position):
        if score >= ring.min_score:
            return ring.id
    return max(rings, key=lambda r: r.position).id


def rings_for_scores(scores: pd.Series | np.ndarray, rings: Sequence[Ring]) -> np.ndarray:
    """Vectorised :func:`ring_for_score`: one ring id per score."""
    inside_out = sorted(rings, key=lambda r: r.position)
    # Ascending cut-offs for searchsorted: the outermost ring has the lowest.
    cutoffs = np.array([r.min_score for r in reversed(inside_out)])
    ids = np.array([r.id for r in reversed(inside_out)], dtype=object)
    index = np.searchsorted(cutoffs, np.asarray(scores, dtype=float), side="right") - 1
    return ids[np.clip(index, 0, len(ids) - 1)]


def score_assessments(assessments: pd.DataFrame, rings: Sequence[Ring]) -> pd.DataFrame:
    """Add ``maturity``, ``spread``, ``score``, ``computed_ring`` and ``ring`` columns.

    ``ring`` is the editor's override where one is given, else the computed ring.

    Parameters
    ----------
    assessments
        Rows with ``maturity_trl``, the four share columns and ``ring_override``.
    rings
        The rings with their cut-offs.
    """
    out = assessments.copy()
    out["maturity"] = maturity_score(out["maturity_trl"].astype(float))
    spread = sum(out[col].astype(float) * w for col, w in SPREAD_WEIGHTS.items())
    out["spread"] = spread / 100.0
    out["score"] = (out["maturity"] + out["spread"]) / 2.0
    out["computed_ring"] = rings_for_scores(out["score"], rings)
    override = out.get("ring_override")
    if override is None:
        out["ring"] = out["computed_ring"]
    else:
        has_override = override.notna() & (override.astype("string").str.len() > 0)
        out["ring"] = out["computed_ring"].where(~has_override, override)
        # A radar imported from another tool states its rings and has no
        # scores: there is nothing to compute, so the stated ring is both.
        unscored = out["score"].isna() & has_override
        out["computed_ring"] = out["computed_ring"].where(~unscored, override)
    return out


def stated_ring_mean(ring_ids: Sequence[str], rings: Sequence[Ring]) -> str:
    """One ring for several stated rings: the median position, rounded outwards.

    Used for the combined radar of technologies that have rings but no scores
    (imported radars); rounding outwards keeps the combined radar cautious.
    """
    position = {r.id: r.position for r in rings}
    by_position = {r.position: r.id for r in rings}
    ordered = sorted(position[r] for r in ring_ids)
    return by_position[ordered[len(ordered) // 2]]
