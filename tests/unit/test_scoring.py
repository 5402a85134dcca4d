"""Scores and rings: the arithmetic behind every placement."""

from __future__ import annotations

import pandas as pd
import pytest

from radar.model import Ring
from radar.pipeline.scoring import (
    combined_score,
    maturity_score,
    ring_for_score,
    rings_for_scores,
    score_assessments,
    spread_score,
)

RINGS = (
    Ring("klar", 1, 0.70, "KLAR", "Ready", "", ""),
    Ring("afproev", 2, 0.50, "AFPRØV", "Try", "", ""),
    Ring("hold-oeje", 3, 0.30, "HOLD ØJE", "Watch", "", ""),
    Ring("afvent", 4, 0.0, "AFVENT", "Wait", "", ""),
)


def test_maturity_spans_the_trl_scale() -> None:
    assert maturity_score(1) == 0.0
    assert maturity_score(9) == 1.0
    assert maturity_score(5) == pytest.approx(0.5)


def test_spread_weights_operation_over_pilot_over_considering() -> None:
    assert spread_score(100, 0, 0, 0) == 1.0
    assert spread_score(0, 100, 0, 0) == pytest.approx(0.5)
    assert spread_score(0, 0, 100, 0) == pytest.approx(0.2)
    assert spread_score(0, 0, 0, 100) == 0.0
    assert spread_score(40, 30, 20, 10) == pytest.approx(0.4 + 0.15 + 0.04)


def test_combined_score_is_the_average() -> None:
    assert combined_score(0.9, 0.3) == pytest.approx(0.6)


@pytest.mark.parametrize(
    ("score", "ring"),
    [
        (1.0, "klar"),
        (0.70, "klar"),
        (0.6999, "afproev"),
        (0.50, "afproev"),
        (0.49, "hold-oeje"),
        (0.30, "hold-oeje"),
        (0.2999, "afvent"),
        (0.0, "afvent"),
    ],
)
def test_ring_cutoffs_are_inclusive_lower_bounds(score: float, ring: str) -> None:
    assert ring_for_score(score, RINGS) == ring
    assert rings_for_scores([score], RINGS)[0] == ring


def test_cutoffs_come_from_the_rings_not_the_code() -> None:
    strict = tuple(
        Ring(r.id, r.position, m, r.name_da, r.name_en, "", "")
        for r, m in zip(RINGS, (0.9, 0.6, 0.4, 0.0), strict=True)
    )
    assert ring_for_score(0.8, RINGS) == "klar"
    assert ring_for_score(0.8, strict) == "afproev"


def test_rings_do_not_depend_on_their_order_in_the_list() -> None:
    assert ring_for_score(0.55, tuple(reversed(RINGS))) == "afproev"
    assert list(rings_for_scores([0.1, 0.75], tuple(reversed(RINGS)))) == ["afvent", "klar"]


def _assessment(trl: int, shares: tuple[int, int, int, int], override: str | None = None) -> dict:
    op, pilot, cons, not_cons = shares
    return {
        "maturity_trl": trl,
        "share_operation": op,
        "share_pilot": pilot,
        "share_considering": cons,
        "share_not_considering": not_cons,
        "ring_override": override,
        "override_reason": "etik" if override else None,
    }


def test_score_assessments_computes_and_applies_overrides() -> None:
    frame = pd.DataFrame(
        [
            _assessment(9, (60, 30, 10, 0)),  # 1.0 and 0.77 -> 0.885
            _assessment(5, (10, 20, 30, 40)),  # 0.5 and 0.26 -> 0.38
            _assessment(9, (60, 30, 10, 0), override="hold-oeje"),
        ]
    )
    scored = score_assessments(frame, RINGS)
    assert scored["score"].round(3).tolist() == [0.885, 0.38, 0.885]
    assert scored["computed_ring"].tolist() == ["klar", "hold-oeje", "klar"]
    assert scored["ring"].tolist() == ["klar", "hold-oeje", "hold-oeje"]
