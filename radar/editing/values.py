"""Values as the editor compares and stores them, the assessment record, and the ring preview.

Values reach the editor from forms, from DataFrames and from the database:
:func:`clean` makes them plain Python, so ``5`` and ``5.0``, ``None`` and NaN
compare alike.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, is_dataclass
from typing import Any

import pandas as pd

from radar.model import Ring
from radar.pipeline.scoring import (
    SCORE_COLUMNS,
    TRL_MAX,
    TRL_MIN,
    combined_score,
    maturity_score,
    ring_for_score,
    spread_score,
)
from radar.store import audit


def clean(value: Any) -> Any:
    """A stored or typed value in plain Python: missing is None, whole floats are ints."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # numpy scalars, from DataFrames
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return int(value)
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def same_value(a: Any, b: Any) -> bool:
    """Whether two values are equal as stored (``None``/NaN, ``5``/``5.0`` alike)."""
    return audit.as_text(clean(a)) == audit.as_text(clean(b))


def as_record(value: Any) -> dict[str, Any] | None:
    """A record given as a dataclass or a mapping, as a plain dict of clean values."""
    if value is None:
        return None
    if is_dataclass(value) and not isinstance(value, type):
        return {k: clean(v) for k, v in asdict(value).items()}
    if isinstance(value, Mapping):
        return {str(k): clean(v) for k, v in value.items()}
    raise TypeError(f"expected a record (dataclass or mapping), got {type(value).__name__}")


@dataclass(frozen=True)
class Assessment:
    """One technology in one area in one edition, as stored.

    Either all five scores are given (TRL 1-9 and four shares summing to 100)
    or none, and then ``ring_override`` states the ring and
    ``override_reason`` where it came from.
    """

    edition: int
    area: str
    technology: str
    maturity_trl: int | None = None
    share_operation: int | None = None
    share_pilot: int | None = None
    share_considering: int | None = None
    share_not_considering: int | None = None
    ring_override: str | None = None
    override_reason: str | None = None

    @property
    def key(self) -> str:
        """The key the audit log uses: ``edition/area/technology``."""
        return assessment_key(self.edition, self.area, self.technology)

    @property
    def has_scores(self) -> bool:
        """Whether the ring follows from scores (not only stated)."""
        return self.maturity_trl is not None


def assessment_key(edition: int, area: str, technology: str) -> str:
    """An assessment's key in the audit log."""
    return f"{edition}/{area}/{technology}"


def preview_ring(values: Mapping[str, Any], rings: Sequence[Ring]) -> tuple[str | None, str | None]:
    """The ring the scores give, and the ring after the editor's override.

    For the form's live preview, so it is lenient: incomplete scores give no
    computed ring rather than an error (saving checks them).

    Parameters
    ----------
    values
        ``maturity_trl``, the four shares and ``ring_override`` (any may be missing).
    rings
        The rings with their cut-offs.

    Returns
    -------
    ``(computed, shown)``: the computed ring id (``None`` without complete
    scores) and the ring the radar will show (the override when one is
    given, else the computed ring).
    """
    scores = [clean(values.get(name)) for name in SCORE_COLUMNS]
    computed = None
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in scores):
        trl, operation, pilot, considering, not_considering = (float(v) for v in scores)
        if TRL_MIN <= trl <= TRL_MAX:
            score = combined_score(
                float(maturity_score(trl)),
                spread_score(operation, pilot, considering, not_considering),
            )
            computed = ring_for_score(score, rings)
    override = clean(values.get("ring_override")) or None
    return computed, override or computed
