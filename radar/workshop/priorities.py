"""The group's priorities: the points per technology ranked, and the consequence ratings summed up.

No participant's identity is in them: only sums, counts and means.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from radar.i18n import format_number, t
from radar.model import DEFAULT_LANG, Lang
from radar.store import workshops as stored
from radar.store.transactions import Connection, transaction
from radar.workshop.model import Workshop, WorkshopTechnology
from radar.workshop.ratings import RATING_SCORES, RATINGS
from radar.workshop.sessions import by_id

__all__ = [
    "DimensionRating",
    "Priorities",
    "TechnologyPoints",
    "TechnologyRatings",
    "consequences_frame",
    "mean_text",
    "priorities",
    "rank",
    "ranking_frame",
    "summarise_ratings",
]


@dataclass(frozen=True)
class TechnologyPoints:
    """One technology's place in the ranking.

    ``rank`` is shared by technologies with equal points (1, 2, 2, 4, …).
    """

    technology: WorkshopTechnology
    points: int
    voters: int
    rank: int


@dataclass(frozen=True)
class DimensionRating:
    """How the group rated one technology on one dimension.

    Attributes
    ----------
    dimension
        The dimension's id (:data:`RATING_DIMENSIONS`).
    n
        How many rated it.
    mean
        Their mean score, 1 to 5 (None when nobody rated it).
    distribution
        How many gave each score, 1 to 5 (zeros included).
    """

    dimension: str
    n: int
    mean: float | None
    distribution: Mapping[int, int]


@dataclass(frozen=True)
class TechnologyRatings:
    """The group's consequence rating of one technology, one entry per dimension."""

    technology: WorkshopTechnology
    dimensions: tuple[DimensionRating, ...]

    def dimension(self, dimension_id: str) -> DimensionRating:
        """The rating on one dimension; KeyError for an unknown id."""
        for item in self.dimensions:
            if item.dimension == dimension_id:
                return item
        raise KeyError(f"unknown dimension: {dimension_id}")

    @property
    def rated(self) -> bool:
        """Whether anyone rated the technology on any dimension."""
        return any(item.n for item in self.dimensions)


@dataclass(frozen=True)
class Priorities:
    """The prioritising round's and the consequence ratings' results of a workshop.

    Attributes
    ----------
    participants
        How many joined the workshop.
    voters
        How many participants gave at least one point.
    ranking
        Every technology, most points first; equal points in the workshop's order.
    raters
        How many participants rated at least one technology.
    ratings
        One entry per technology, in the workshop's order.
    """

    workshop: Workshop
    participants: int
    voters: int
    ranking: tuple[TechnologyPoints, ...]
    raters: int
    ratings: tuple[TechnologyRatings, ...]

    @property
    def points(self) -> int:
        """Every point given, in all."""
        return sum(item.points for item in self.ranking)


def rank(
    technologies: tuple[WorkshopTechnology, ...],
    points: Mapping[str, int],
    voters: Mapping[str, int],
) -> tuple[TechnologyPoints, ...]:
    """The technologies ranked by their points.

    Most points first; equal points keep the workshop's order and share a
    rank (the next rank skips as many as shared it: 1, 2, 2, 4), so a tie is
    never decided by anything but the points.
    """
    order = sorted(range(len(technologies)), key=lambda i: (-points.get(technologies[i].id, 0), i))
    ranked: list[TechnologyPoints] = []
    for place, index in enumerate(order, start=1):
        item = technologies[index]
        count = points.get(item.id, 0)
        shared = ranked[-1].rank if ranked and ranked[-1].points == count else place
        ranked.append(TechnologyPoints(item, count, voters.get(item.id, 0), shared))
    return tuple(ranked)


def summarise_ratings(
    technologies: tuple[WorkshopTechnology, ...], rows: pd.DataFrame
) -> tuple[TechnologyRatings, ...]:
    """The ratings per technology and dimension: n, mean and distribution.

    ``rows`` has the columns ``technology, dimension, score`` (one row per
    participant, technology and dimension rated).
    """
    summaries = []
    for item in technologies:
        mine = rows[rows["technology"] == item.id]
        dimensions = []
        for dimension in RATINGS:
            scores = [int(s) for s in mine.loc[mine["dimension"] == dimension.id, "score"]]
            dimensions.append(
                DimensionRating(
                    dimension=dimension.id,
                    n=len(scores),
                    mean=sum(scores) / len(scores) if scores else None,
                    distribution={score: scores.count(score) for score in RATING_SCORES},
                )
            )
        summaries.append(TechnologyRatings(item, tuple(dimensions)))
    return tuple(summaries)


def priorities(con: Connection, workshop_id: str) -> Priorities:
    """The workshop's points ranked and its consequence ratings summed up.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    """
    # One snapshot for both, so the numbers add up while participants save.
    with transaction(con, lock=False) as cur:
        workshop = by_id(cur, workshop_id)
        participants = stored.count_participants(cur, workshop_id)
        votes = stored.votes_frame(cur, workshop_id)
        ratings = stored.ratings_frame(cur, workshop_id)
    by_technology = votes.groupby("technology")
    points = {str(k): int(v) for k, v in by_technology["points"].sum().items()}
    voters = {str(k): int(v) for k, v in by_technology["participant_id"].nunique().items()}
    return Priorities(
        workshop=workshop,
        participants=participants,
        voters=int(votes["participant_id"].nunique()),
        ranking=rank(workshop.technologies, points, voters),
        raters=int(ratings["participant_id"].nunique()),
        ratings=summarise_ratings(workshop.technologies, ratings),
    )


def ranking_frame(result: Priorities, lang: Lang = DEFAULT_LANG) -> pd.DataFrame:
    """The ranking as a table in ``lang``: rank, technology, points, voters."""
    columns = [
        t("workshop.priorities.rank", lang),
        t("workshop.export.technology", lang),
        t("workshop.priorities.points", lang),
        t("workshop.priorities.voters", lang),
    ]
    rows = [
        [item.rank, item.technology.label(lang), item.points, item.voters]
        for item in result.ranking
    ]
    return pd.DataFrame(rows, columns=columns)


def mean_text(rating: DimensionRating, lang: Lang = DEFAULT_LANG) -> str:
    """A dimension's mean with its n, e.g. "3,8 (n = 5)"; "–" when nobody rated it."""
    if rating.mean is None:
        return t("workshop.priorities.not_rated", lang)
    return t(
        "workshop.priorities.mean",
        lang,
        mean=format_number(rating.mean, lang, decimals=1),
        n=rating.n,
    )


def consequences_frame(
    result: Priorities, lang: Lang = DEFAULT_LANG, *, numbers: bool = False
) -> pd.DataFrame:
    """The consequence ratings as a table in ``lang``: a row per technology.

    Parameters
    ----------
    numbers
        False: one column per dimension, its mean with n as text ("3,8 (n = 5)").
        True (a spreadsheet's): two per dimension, the mean rounded to two
        decimals (empty when nobody rated it) and n.
    """
    rows = []
    for item in result.ratings:
        name = t("workshop.export.technology", lang)
        row: dict[str, object] = {name: item.technology.label(lang)}
        for dimension in RATINGS:
            rating = item.dimension(dimension.id)
            if numbers:
                mean = t("workshop.priorities.mean_column", lang, dimension=dimension.label(lang))
                count = t("workshop.priorities.n_column", lang, dimension=dimension.label(lang))
                row[mean] = round(rating.mean, 2) if rating.mean is not None else None
                row[count] = rating.n
            else:
                row[dimension.label(lang)] = mean_text(rating, lang)
        rows.append(row)
    return pd.DataFrame(rows)
