"""The checks of an editor's input, before anything is written.

Each check raises :class:`~radar.editing.errors.EditError` naming the field
and the problem. What an assessment may hold is not stated here but in
:mod:`radar.rules`, shared with the seed loader and the importer; this module
only reads the form's values and words a broken rule as an edit error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from radar import rules
from radar.editing.errors import EditError
from radar.editing.values import Assessment, clean, preview_ring
from radar.model import Ring
from radar.pipeline.scoring import SCORE_COLUMNS

#: Texts that may not be left empty.
REQUIRED_TEXTS: Final[frozenset[str]] = frozenset(
    {"name_da", "summary_da", "municipality", "title_da", "text_da"}
)
#: Longest text accepted per field: generous for real texts, a bound for a
#: pasted document or a script gone wrong.
MAX_LENGTH: Final[dict[str, int]] = {
    "name_da": 200,
    "name_en": 200,
    "summary_da": 500,
    "summary_en": 500,
    "description_da": 10_000,
    "description_en": 10_000,
    "municipality": 100,
    "title_da": 300,
    "title_en": 300,
    "text_da": 10_000,
    "text_en": 10_000,
    "source_url": 500,
    "override_reason": 1_000,
    "reason": 1_000,
    "editor": 200,
}
#: The years a case or an edition may have.
YEAR_MIN: Final = 1990
YEAR_MAX: Final = 2100


def text(field: str, value: Any, *, required: bool | None = None) -> str:
    """A text field, stripped; ``required`` defaults to whether the field must be filled in."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise EditError(field, "not_text")
    value = value.strip()
    if (field in REQUIRED_TEXTS if required is None else required) and not value:
        raise EditError(field, "required")
    limit = MAX_LENGTH.get(field)
    if limit is not None and len(value) > limit:
        raise EditError(field, "too_long", max=limit)
    return value


def who(editor: str, reason: str) -> tuple[str, str]:
    """The editor's name and the reason, both required for every write."""
    return text("editor", editor, required=True), text("reason", reason, required=True)


def integer(field: str, value: Any) -> int:
    """A whole number, given as a number or as digits."""
    value = clean(value)
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value.strip())
        raise EditError(field, "not_integer")
    return value


def year(field: str, value: Any) -> int:
    """A year of a case or an edition (:data:`YEAR_MIN` to :data:`YEAR_MAX`)."""
    number = integer(field, value)
    if not YEAR_MIN <= number <= YEAR_MAX:
        raise EditError(field, "year_range", min=YEAR_MIN, max=YEAR_MAX)
    return number


def known_fields(given: Mapping[str, Any], allowed: Sequence[str]) -> None:
    """Refuse a field the editor may not change."""
    for name in given:
        if name not in allowed:
            raise EditError(name, "not_editable")


def _breach_error(breach: rules.Breach) -> EditError:
    # The same fields, problems and values as before the rules were shared;
    # the editor's messages name the range, not the value typed.
    if breach.code == "trl_range":
        return EditError(
            breach.field, breach.code, min=breach.values["min"], max=breach.values["max"]
        )
    if breach.code == "shares_sum":
        return EditError(breach.field, breach.code, total=breach.values["total"])
    return EditError(breach.field, breach.code)


def normalise_assessment(values: Mapping[str, Any], rings: Sequence[Ring]) -> Assessment:
    """Check an assessment and put it in its stored form.

    An override equal to the computed ring is no override and is dropped
    with its reason, as is a reason without an override.

    Raises
    ------
    EditError
        Scores partly given, out of range or not summing to 100; no ring
        without scores; an override without a reason; an unknown ring.
    """
    edition = integer("edition", values.get("edition"))
    area = text("area", values.get("area"), required=True)
    technology = text("technology", values.get("technology"), required=True)
    scores = {name: clean(values.get(name)) for name in SCORE_COLUMNS}
    given = [name for name, v in scores.items() if v is not None and v != ""]
    if given and len(given) < len(SCORE_COLUMNS):
        # Partly given scores are refused before the numbers are read.
        raise _breach_error(rules.score_breaches(scores)[0])
    ring_ids = [r.id for r in rings]
    override = clean(values.get("ring_override")) or None
    if override is not None and override not in ring_ids:
        raise EditError("ring_override", "unknown", value=override)
    override_reason = text("override_reason", values.get("override_reason"), required=False)
    if given:
        numbers = {name: integer(name, scores[name]) for name in SCORE_COLUMNS}
        breaches = rules.score_breaches(numbers)
        if breaches:
            raise _breach_error(breaches[0])
        computed, _ = preview_ring(numbers, rings)
        if override == computed:
            override = None
    placing = rules.placing_breaches(
        has_scores=bool(given), ring_override=override, reason=override_reason
    )
    if placing:
        raise _breach_error(placing[0])
    if given:
        return Assessment(
            edition,
            area,
            technology,
            maturity_trl=numbers["maturity_trl"],
            share_operation=numbers["share_operation"],
            share_pilot=numbers["share_pilot"],
            share_considering=numbers["share_considering"],
            share_not_considering=numbers["share_not_considering"],
            ring_override=override,
            override_reason=override_reason if override else None,
        )
    return Assessment(
        edition, area, technology, ring_override=override, override_reason=override_reason
    )
