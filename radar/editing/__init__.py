"""Editors' writes: technologies, assessments, example cases and editions.

Every write is one transaction (:func:`radar.store.transactions.transaction`)
and writes its audit rows (:mod:`radar.store.audit`) in that same transaction,
so a change and its log entry exist together or not at all. Every write names
its ``editor`` and a ``reason``; both are required. Invalid input raises
:class:`EditError`, naming the field and what is expected, before anything is
written; another editor's save in between raises :class:`EditConflict` with
both versions, and nothing is written (:mod:`radar.editing.conflicts`).

No Streamlit and no SQL here: the edit screens (:mod:`radar.ui.screens.edit`,
:mod:`radar.ui.screens.editions`), the tests and any script use the same
functions, and the rows are read and written by :mod:`radar.store.editing`.

Public API
----------
Errors (:mod:`~radar.editing.errors`)
    EditError, EditConflict, field_label
Values and checks (:mod:`~radar.editing.values`, :mod:`~radar.editing.checks`)
    Assessment, assessment_key, same_value, preview_ring, normalise_assessment,
    MAX_LENGTH, YEAR_MIN, YEAR_MAX, SCORE_COLUMNS, ASSESSMENT_FIELDS
Technologies (:mod:`~radar.editing.technologies`)
    TECHNOLOGY_FIELDS, TECHNOLOGY_TEXT_FIELDS, load_technology, add_technology,
    edit_technology, retire_technology, unretire_technology
Assessments (:mod:`~radar.editing.assessments`)
    load_assessment, technology_assessments, add_assessment, edit_assessment,
    remove_assessment
Example cases (:mod:`~radar.editing.cases`)
    CASE_FIELDS, load_case, add_case, edit_case, remove_case
Editions (:mod:`~radar.editing.editions`)
    DraftDefaults, load_edition, next_edition_year, edition_summary,
    draft_defaults, start_draft, publish, discard_draft, set_illustrative
Drafts as editors see them (:mod:`~radar.editing.preview`)
    editor_catalog, draft_assessments, draft_view
"""

from radar.editing.assessments import (
    add_assessment,
    edit_assessment,
    load_assessment,
    remove_assessment,
    technology_assessments,
)
from radar.editing.cases import CASE_FIELDS, add_case, edit_case, load_case, remove_case
from radar.editing.checks import MAX_LENGTH, YEAR_MAX, YEAR_MIN, normalise_assessment
from radar.editing.editions import (
    DraftDefaults,
    discard_draft,
    draft_defaults,
    edition_summary,
    load_edition,
    next_edition_year,
    publish,
    set_illustrative,
    start_draft,
)
from radar.editing.errors import EditConflict, EditError, field_label
from radar.editing.preview import draft_assessments, draft_view, editor_catalog
from radar.editing.technologies import (
    TECHNOLOGY_FIELDS,
    add_technology,
    edit_technology,
    load_technology,
    retire_technology,
    unretire_technology,
)
from radar.editing.values import Assessment, assessment_key, preview_ring, same_value
from radar.model import TECHNOLOGY_TEXT_FIELDS
from radar.pipeline.scoring import ASSESSMENT_FIELDS, SCORE_COLUMNS

__all__ = [
    "ASSESSMENT_FIELDS",
    "CASE_FIELDS",
    "MAX_LENGTH",
    "SCORE_COLUMNS",
    "TECHNOLOGY_FIELDS",
    "TECHNOLOGY_TEXT_FIELDS",
    "YEAR_MAX",
    "YEAR_MIN",
    "Assessment",
    "DraftDefaults",
    "EditConflict",
    "EditError",
    "add_assessment",
    "add_case",
    "add_technology",
    "assessment_key",
    "discard_draft",
    "draft_assessments",
    "draft_defaults",
    "draft_view",
    "edit_assessment",
    "edit_case",
    "edit_technology",
    "edition_summary",
    "editor_catalog",
    "field_label",
    "load_assessment",
    "load_case",
    "load_edition",
    "load_technology",
    "next_edition_year",
    "normalise_assessment",
    "preview_ring",
    "publish",
    "remove_assessment",
    "remove_case",
    "retire_technology",
    "same_value",
    "set_illustrative",
    "start_draft",
    "technology_assessments",
    "unretire_technology",
]
