"""The one statement of what an assessment may hold, and the seed loader's words for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from radar import rules, store
from radar.store.seed import SeedError

SCORES = (
    "maturity_trl",
    "share_operation",
    "share_pilot",
    "share_considering",
    "share_not_considering",
)


def _scores(*values: int | None) -> dict[str, int | None]:
    return dict(zip(SCORES, values, strict=True))


def test_scores_in_range_that_add_up_break_no_rule() -> None:
    assert rules.score_breaches(_scores(5, 40, 30, 20, 10)) == []
    assert rules.score_breaches(_scores(None, None, None, None, None)) == []


def test_every_breach_is_listed_in_order() -> None:
    breaches = rules.score_breaches(_scores(10, 150, 0, 0, 0))
    assert [(b.field, b.code) for b in breaches] == [
        ("maturity_trl", "trl_range"),
        ("share_operation", "share_range"),
        ("shares", "shares_sum"),
    ]
    assert breaches[0].values == {"value": 10, "min": 1, "max": 9}
    assert breaches[-1].values == {"total": 150}


def test_partial_scores_come_first_and_the_shares_wait_for_all_four() -> None:
    breaches = rules.score_breaches(_scores(12, 150, None, 0, 0))
    assert [(b.field, b.code) for b in breaches] == [
        ("share_pilot", "scores_partial"),
        ("maturity_trl", "trl_range"),
    ]
    assert breaches[0].values == {"missing": ("share_pilot",)}


def test_placing_rules() -> None:
    assert rules.placing_breaches(has_scores=True, ring_override=None, reason=None) == []
    assert [
        b.code for b in rules.placing_breaches(has_scores=True, ring_override="klar", reason="")
    ] == ["override_reason"]
    assert [
        b.code for b in rules.placing_breaches(has_scores=False, ring_override=None, reason=None)
    ] == ["ring_required"]
    assert [
        b.code for b in rules.placing_breaches(has_scores=False, ring_override="klar", reason=None)
    ] == ["stated_reason"]


def test_the_seed_reports_every_score_breach_in_its_own_words(
    seed_copy: Path, tmp_path: Path
) -> None:
    path = seed_copy / "assessments.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    fields = lines[1].split(",")
    fields[header.index("maturity_trl")] = "10"
    fields[header.index("share_operation")] = "150"
    for name in ("share_pilot", "share_considering", "share_not_considering"):
        fields[header.index(name)] = "0"
    lines[1] = ",".join(fields)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        store.build_database(tmp_path / "x.duckdb", data_dir=seed_copy)
    assert [str(p) for p in caught.value.problems] == [
        "assessments.csv, row 2, column 'maturity_trl': 10 is not a TRL from 1 to 9",
        "assessments.csv, row 2, column 'share_operation': must be 0 to 100 percent",
        "assessments.csv, row 2, column 'share_*': the four shares add up to 150, not 100",
    ]
