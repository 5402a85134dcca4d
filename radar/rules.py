"""What an assessment may hold: the one statement of the rules.

The seed loader, the editor and the importer each report a broken rule in
their own words (a seed file's line, a form field, an imported row and column),
but they all ask this module whether a rule is broken, so the three can never
disagree. The database schema repeats the range checks as a last line of
defence.

Scores are all or nothing: the TRL and the four survey shares together, or
none of them (a ring stated by an imported radar). With scores, the ring
follows from them and an override needs its reason; without scores, the
ring must be stated, with its reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from radar.pipeline.scoring import SCORE_COLUMNS, SHARE_COLUMNS, TRL_MAX, TRL_MIN

#: The four survey shares are percentages that add up to this.
SHARE_TOTAL = 100
SHARE_MIN = 0
SHARE_MAX = 100


@dataclass(frozen=True)
class Breach:
    """One broken rule: the field it concerns, a code, and the values its message needs.

    Codes: ``scores_partial`` (``missing``), ``trl_range`` (``value``, ``min``,
    ``max``), ``share_range`` (``value``), ``shares_sum`` (``total``),
    ``override_reason``, ``stated_reason``, ``ring_required``.
    """

    field: str
    code: str
    values: Mapping[str, object] = dataclasses.field(default_factory=dict)


def _given(value: object) -> bool:
    return value is not None and value != ""


def score_breaches(scores: Mapping[str, int | float | None]) -> list[Breach]:
    """Every broken score rule of one assessment, in this order; empty when none.

    1. ``scores_partial`` on the first missing score, when some are given and
       some not;
    2. ``trl_range`` when a given TRL is out of range;
    3. ``share_range`` for each share out of range, in column order, and
    4. ``shares_sum`` when they do not add up to :data:`SHARE_TOTAL`, whether
       or not one of them is out of range: the shares are checked together,
       once all four are given.

    A caller that reports one problem per assessment reports the first; one
    that reports every problem picks those its readers need (a range breach
    explains a wrong sum, so the importer reports the sum only without one).

    ``scores`` maps :data:`SCORE_COLUMNS` to whole numbers, or to ``None`` for
    a score not given. Numbers must already be numbers: reading text is the
    caller's job, since each reads its own kind of input.
    """
    given = [name for name in SCORE_COLUMNS if _given(scores.get(name))]
    if not given:
        return []
    breaches = []
    if len(given) < len(SCORE_COLUMNS):
        missing = [name for name in SCORE_COLUMNS if name not in given]
        breaches.append(Breach(missing[0], "scores_partial", {"missing": tuple(missing)}))
    trl = scores.get("maturity_trl")
    if _given(trl) and not TRL_MIN <= trl <= TRL_MAX:  # type: ignore[operator]
        breaches.append(
            Breach("maturity_trl", "trl_range", {"value": trl, "min": TRL_MIN, "max": TRL_MAX})
        )
    shares = {name: scores.get(name) for name in SHARE_COLUMNS}
    if all(_given(share) for share in shares.values()):
        for name, share in shares.items():
            if not SHARE_MIN <= share <= SHARE_MAX:  # type: ignore[operator]
                breaches.append(Breach(name, "share_range", {"value": share}))
        total = sum(shares.values())  # type: ignore[arg-type]
        if total != SHARE_TOTAL:
            breaches.append(Breach("shares", "shares_sum", {"total": total}))
    return breaches


def placing_breaches(
    *, has_scores: bool, ring_override: str | None, reason: str | None
) -> list[Breach]:
    """The broken placing rules: a ring needs scores or a stated ring, an override its reason.

    ``ring_override`` should already be compared with the computed ring: an
    override equal to it is no override.
    """
    if has_scores:
        if ring_override and not reason:
            return [Breach("override_reason", "override_reason")]
        return []
    if not ring_override:
        return [Breach("ring_override", "ring_required")]
    if not reason:
        return [Breach("override_reason", "stated_reason")]
    return []
