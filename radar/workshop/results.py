"""The group's answers summed up: per technology the rings, phases, group ring and verdict.

No participant's name or identity is in the results: only counts, and the
text answers on their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from radar.store import workshops as stored
from radar.store.transactions import Connection, transaction
from radar.workshop.model import (
    AGREEMENT_THRESHOLD,
    MIN_ANSWERS_FOR_VERDICT,
    PHASE_IDS,
    QUESTION_IDS,
    Agreement,
    Comment,
    CommentStatus,
    TechnologyResult,
    WorkshopResults,
    WorkshopTechnology,
)
from radar.workshop.sessions import by_id

__all__ = ["distribution_frame", "group_ring", "results"]


def group_ring(
    ring_counts: Mapping[str, int], ring_ids: Sequence[str], official_ring: str | None
) -> str | None:
    """The group's ring: the one with most answers.

    A tie goes to the tied ring nearest the official ring (the official ring
    itself when it is among them), and between two equally near, to the outer
    one: a group that cannot decide does not move a technology, and when it
    must, it moves it the cautious way. Without an official ring the outermost
    tied ring wins.

    Parameters
    ----------
    ring_counts
        Answers per ring id.
    ring_ids
        Ring ids inside out.
    official_ring
        The official ring, or None.

    Returns
    -------
    A ring id, or None when there are no answers.
    """
    most = max((ring_counts.get(r, 0) for r in ring_ids), default=0)
    if most == 0:
        return None
    tied = [i for i, r in enumerate(ring_ids) if ring_counts.get(r, 0) == most]
    if official_ring is not None and official_ring in ring_ids:
        official = list(ring_ids).index(official_ring)
        return ring_ids[min(tied, key=lambda i: (abs(i - official), -i))]
    return ring_ids[max(tied)]


def _technology_result(
    item: WorkshopTechnology, rows: pd.DataFrame, ring_ids: Sequence[str]
) -> TechnologyResult:
    count = len(rows)
    ring_counts = {r: int((rows["ring"] == r).sum()) for r in ring_ids}
    phase_counts = {p: int((rows["phase"] == p).sum()) for p in PHASE_IDS}
    modal = group_ring(ring_counts, ring_ids, item.official_ring)
    agreement = ring_counts[modal] / count if modal is not None else None
    if count < MIN_ANSWERS_FOR_VERDICT or agreement is None:
        verdict = Agreement.TOO_FEW
    elif agreement >= AGREEMENT_THRESHOLD:
        verdict = Agreement.AGREES
    else:
        verdict = Agreement.SPLIT
    return TechnologyResult(
        technology=item,
        answers=count,
        ring_counts=ring_counts,
        phase_counts=phase_counts,
        phase_missing=count - sum(phase_counts.values()),
        modal_ring=modal,
        agreement=agreement,
        verdict=verdict,
    )


def results(con: Connection, workshop_id: str) -> WorkshopResults:
    """The group's answers summed up, for the facilitator's live view and the exports.

    No participant's name or identity is in the results: only counts, and the
    text answers on their own.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    """
    # One snapshot for all the reads, so the counts add up while answers arrive.
    with transaction(con, lock=False) as cur:
        workshop = by_id(cur, workshop_id)
        participants = stored.count_participants(cur, workshop_id)
        answers = stored.answers_frame(cur, workshop_id)
        reviews = stored.comment_reviews(cur, workshop_id)
    per_technology = []
    comments = []
    for item in workshop.technologies:
        rows = answers[answers["technology"] == item.id]
        per_technology.append(_technology_result(item, rows, workshop.ring_ids))
        for question in QUESTION_IDS:
            texts = rows[["participant_id", f"answer_{question}"]].dropna()
            for participant, text in texts.itertuples(index=False, name=None):
                review = reviews.get((participant, item.id, question))
                # A verdict given to other words does not count: the comment is pending.
                verdict = (
                    CommentStatus(review.status)
                    if review is not None and review.covers(str(text))
                    else CommentStatus.PENDING
                )
                # The participant's id stays here: the results name no one.
                comments.append(Comment(item.id, question, str(text), verdict))
    return WorkshopResults(
        workshop=workshop,
        participants=int(participants),
        respondents=int(answers["participant_id"].nunique()),
        technologies=tuple(per_technology),
        comments=tuple(comments),
    )


def distribution_frame(results: WorkshopResults) -> pd.DataFrame:
    """The ring distribution in long form, for a chart: one row per technology and ring.

    Columns ``technology, ring, count, share`` (of the technology's answers,
    0 without answers), ``official`` (the ring is the official one) and
    ``group`` (the ring is the group's).
    """
    rows = []
    for item in results.technologies:
        for ring, count in item.ring_counts.items():
            rows.append(
                {
                    "technology": item.technology.id,
                    "ring": ring,
                    "count": count,
                    "share": count / item.answers if item.answers else 0.0,
                    "official": ring == item.official_ring,
                    "group": ring == item.modal_ring,
                }
            )
    return pd.DataFrame(rows, columns=["technology", "ring", "count", "share", "official", "group"])
