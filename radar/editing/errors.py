"""What goes wrong with a save: invalid input, or another editor's save in between.

Both carry what an editor needs to read: :class:`EditError` names the field and
the problem, in either language; :class:`EditConflict` holds both versions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from radar.editing.values import same_value
from radar.i18n import t
from radar.model import Lang

# Literal keys, so every text key the code uses can be found in it.
#: The text key of each field's label.
FIELD_LABELS: Final[Mapping[str, str]] = {
    "id": "editing.field.id",
    "sector": "editing.field.sector",
    "name_da": "editing.field.name_da",
    "name_en": "editing.field.name_en",
    "summary_da": "editing.field.summary_da",
    "summary_en": "editing.field.summary_en",
    "description_da": "editing.field.description_da",
    "description_en": "editing.field.description_en",
    "retired": "editing.field.retired",
    "edition": "editing.field.edition",
    "area": "editing.field.area",
    "technology": "editing.field.technology",
    "maturity_trl": "editing.field.maturity_trl",
    "share_operation": "editing.field.share_operation",
    "share_pilot": "editing.field.share_pilot",
    "share_considering": "editing.field.share_considering",
    "share_not_considering": "editing.field.share_not_considering",
    "shares": "editing.field.shares",
    "ring_override": "editing.field.ring_override",
    "override_reason": "editing.field.override_reason",
    "municipality": "editing.field.municipality",
    "year": "editing.field.year",
    "title_da": "editing.field.title_da",
    "title_en": "editing.field.title_en",
    "text_da": "editing.field.text_da",
    "text_en": "editing.field.text_en",
    "source_url": "editing.field.source_url",
    "published": "editing.field.published",
    "status": "editing.field.status",
    "reason": "editing.field.reason",
    "editor": "editing.field.editor",
    "changes": "editing.field.changes",
}
#: The text key of each problem's message.
ERROR_TEXTS: Final[Mapping[str, str]] = {
    "required": "editing.error.required",
    "not_text": "editing.error.not_text",
    "too_long": "editing.error.too_long",
    "not_integer": "editing.error.not_integer",
    "not_editable": "editing.error.not_editable",
    "not_slug": "editing.error.not_slug",
    "no_id": "editing.error.no_id",
    "exists": "editing.error.exists",
    "unknown": "editing.error.unknown",
    "no_changes": "editing.error.no_changes",
    "already_retired": "editing.error.already_retired",
    "not_retired": "editing.error.not_retired",
    "retired": "editing.error.retired",
    "scores_partial": "editing.error.scores_partial",
    "trl_range": "editing.error.trl_range",
    "share_range": "editing.error.share_range",
    "shares_sum": "editing.error.shares_sum",
    "override_reason": "editing.error.override_reason",
    "ring_required": "editing.error.ring_required",
    "stated_reason": "editing.error.stated_reason",
    "year_range": "editing.error.year_range",
    "url": "editing.error.url",
    "not_date": "editing.error.not_date",
    "edition_order": "editing.error.edition_order",
    "no_source": "editing.error.no_source",
    "not_draft": "editing.error.not_draft",
    "empty_draft": "editing.error.empty_draft",
}


def field_label(field: str, lang: Lang) -> str:
    """A field's name as an editor reads it (the column name when it has none)."""
    key = FIELD_LABELS.get(field)
    return t(key, lang) if key is not None else field


class EditError(ValueError):
    """Invalid input: ``field`` names the field, ``problem`` what is wrong with it.

    ``str()`` is English, for logs and scripts; :meth:`message` gives the text
    for an editor in either language.
    """

    def __init__(self, field: str, problem: str, **values: Any) -> None:
        self.field = field
        self.problem = problem
        self.values = values
        super().__init__(f"{field}: {self.message('en')}")

    def message(self, lang: Lang) -> str:
        """What is wrong and what is expected, in ``lang``."""
        return t(
            ERROR_TEXTS[self.problem], lang, field=field_label(self.field, lang), **self.values
        )


class EditConflict(Exception):
    """The record changed since the editor loaded it; nothing was written.

    Attributes
    ----------
    entity
        ``technology``, ``assessment``, ``case`` or ``edition``.
    key
        The record's key, as the audit log writes it.
    theirs
        The record as it is in the database now (``None``: it was removed).
    yours
        What this editor tried to save (``None``: a removal).
    """

    def __init__(
        self,
        entity: str,
        key: str,
        theirs: Mapping[str, Any] | None,
        yours: Mapping[str, Any] | None,
    ) -> None:
        self.entity = entity
        self.key = key
        self.theirs = dict(theirs) if theirs is not None else None
        self.yours = dict(yours) if yours is not None else None
        super().__init__(f"{entity} {key} was changed by someone else; nothing was saved")

    def differences(self) -> list[tuple[str, Any, Any]]:
        """``(field, theirs, yours)`` for each field where the two versions differ."""
        theirs, yours = self.theirs or {}, self.yours or {}
        names = list(dict.fromkeys([*theirs, *yours]))
        return [
            (name, theirs.get(name), yours.get(name))
            for name in names
            if not same_value(theirs.get(name), yours.get(name))
        ]
