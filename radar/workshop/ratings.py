"""The consequence rating (*konsekvensvurdering*): four dimensions, each scored 1 to 5.

A participant may rate each technology, with their answer about it, on how it
affects the benefit for the core task, the cost (*økonomi*), the employees'
working environment and the citizens. Every dimension asks the same question,
"Hvordan påvirker teknologien …?", in the same direction: 1 is very negative,
5 very positive (for the cost, 5 saves money). Rating is optional, dimension by
dimension.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from radar.i18n import t
from radar.model import DEFAULT_LANG, Lang
from radar.store.workshops import RATING_DIMENSIONS, RATING_SCORES
from radar.workshop.model import AnswerRejectedError

__all__ = [
    "RATINGS",
    "RATING_DIMENSIONS",
    "RATING_SCORES",
    "RatingDimension",
    "RatingRejectedError",
    "clean_ratings",
    "score_label",
]

#: The i18n keys of each dimension: its short name and its question.
_DIMENSION_KEYS: Mapping[str, tuple[str, str]] = {
    "benefit": ("workshop.rating.benefit", "workshop.rating.benefit.question"),
    "cost": ("workshop.rating.cost", "workshop.rating.cost.question"),
    "work_environment": (
        "workshop.rating.work_environment",
        "workshop.rating.work_environment.question",
    ),
    "citizens": ("workshop.rating.citizens", "workshop.rating.citizens.question"),
}
#: The i18n key of each score's words, "Meget negativt" to "Meget positivt".
_SCORE_KEYS: Mapping[int, str] = {
    1: "workshop.rating.score.1",
    2: "workshop.rating.score.2",
    3: "workshop.rating.score.3",
    4: "workshop.rating.score.4",
    5: "workshop.rating.score.5",
}


@dataclass(frozen=True)
class RatingDimension:
    """One thing a consequence rating rates, e.g. the employees' working environment."""

    id: str

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """Its short name in ``lang``, e.g. "Medarbejdernes arbejdsmiljø"."""
        return t(_DIMENSION_KEYS[self.id][0], lang)

    def question(self, lang: Lang = DEFAULT_LANG) -> str:
        """Its question in ``lang``, e.g. "Hvordan påvirker teknologien borgerne?"."""
        return t(_DIMENSION_KEYS[self.id][1], lang)


#: The four dimensions, in the order the phone page asks them.
RATINGS: tuple[RatingDimension, ...] = tuple(RatingDimension(i) for i in RATING_DIMENSIONS)


def score_label(score: int, lang: Lang = DEFAULT_LANG) -> str:
    """A score's words in ``lang``: 1 "Meget negativt" … 5 "Meget positivt"."""
    return t(_SCORE_KEYS[score], lang)


class RatingRejectedError(AnswerRejectedError):
    """A consequence rating is invalid: an unknown dimension, or a score not 1 to 5."""

    def message(self, lang: Lang = DEFAULT_LANG) -> str:
        """The message for a user, in ``lang``, with the dimension's name in it."""
        details = dict(self.details)
        dimension = details.get("dimension")
        if dimension in RATING_DIMENSIONS:
            details["dimension"] = RatingDimension(str(dimension)).label(lang)
        if "dimensions" in details:
            details["dimensions"] = ", ".join(d.label(lang) for d in RATINGS)
        return t(self.key, lang, **details)


def clean_ratings(ratings: Mapping[str, object] | None) -> dict[str, int]:
    """A consequence rating checked: dimension to score, in dimension order.

    A dimension given None is not rated.

    Raises
    ------
    RatingRejectedError
        A dimension not in :data:`RATING_DIMENSIONS`, or a score that is not a
        whole number from 1 to 5.
    """
    given = dict(ratings or {})
    for dimension in given:
        if dimension not in RATING_DIMENSIONS:
            raise RatingRejectedError(
                "workshop.error.rating_dimension_unknown",
                dimension=str(dimension)[:40],
                dimensions=RATING_DIMENSIONS,
            )
    scores: dict[str, int] = {}
    for dimension in RATING_DIMENSIONS:
        value = given.get(dimension)
        if value is None:
            continue
        # bool is an int to Python, but True is no score.
        if isinstance(value, bool) or not isinstance(value, int) or value not in RATING_SCORES:
            raise RatingRejectedError(
                "workshop.error.rating_score_invalid",
                dimension=dimension,
                score=str(value)[:20],
                lowest=RATING_SCORES[0],
                highest=RATING_SCORES[-1],
            )
        scores[dimension] = value
    return scores
