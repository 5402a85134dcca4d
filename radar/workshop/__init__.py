"""Live workshops: a facilitator asks a group to place the radar's technologies.

A facilitator creates a workshop for one welfare area and edition; it gets an
unguessable join code, a join link and a QR code. Participants join with the
code, anonymously (no name is asked), and for each technology place it in a ring (their
own view), say which of the four implementation phases their workplace is in,
and may answer the four questions of "Sammen om ny teknologi" in a short text.
One answer per participant per technology: answering again replaces the
earlier answer. The facilitator follows the group's answers live, may hide
them from the projector until the group has answered, approves or hides the
comments before the room sees them (a moderated workshop), closes the workshop,
exports the results and can save the group's consensus as a local radar
edition, which an editor may publish for every viewer. With each answer a
participant may rate the technology's consequences (benefit, cost, working
environment, citizens, 1 to 5), and in a prioritising round the facilitator
opens, distribute 5 points over the technologies. Creating and
running a workshop needs a signed-in facilitator or editor
(:mod:`~radar.workshop.access`); the projector has a link of its own that
controls nothing. A workshop's data is deleted on request and, by
:func:`purge`, after a retention period (:mod:`~radar.workshop.retention`).

Storage
-------
Workshops live in a DuckDB file of their own (:mod:`radar.store.workshops`,
:func:`resolve_workshop_db_path`), because the dashboard opens the radar
database read-only. A workshop keeps a snapshot of what it needs from the
radar database (the area's name, the rings, the technologies with their names
and official ring), so it never needs the radar database again. One process
holds one read-write connection (:func:`connect_workshops`); every function
here runs on its own ``con.cursor()``, so threads can share that connection.

Errors
------
Every rejection is a :class:`WorkshopError` with an i18n key and details:
``exc.message(lang)`` is the text for a user, ``str(exc)`` the English one.
A rejected call stores nothing.

Modules
-------
:mod:`~radar.workshop.model`
    Phases, questions, the workshop and its results as values; the errors.
:mod:`~radar.workshop.codes`
    Join codes, join links and QR codes.
:mod:`~radar.workshop.validation`
    Cleaning and checking titles, names, answers and a new workshop.
:mod:`~radar.workshop.catalogue`
    The technologies and official rings a workshop takes from the radar database.
:mod:`~radar.workshop.sessions`
    Creating, finding, joining, showing the results on the projector, closing.
:mod:`~radar.workshop.answering`
    Answering, and a participant's answers read back: one, or a room's at once.
:mod:`~radar.workshop.results`
    The answers summed up: group ring, agreement, verdict.
:mod:`~radar.workshop.moderation`
    Comments held for approval: the facilitator's queue, approving, hiding.
:mod:`~radar.workshop.ratings`
    The consequence rating's four dimensions and scores, and checking a rating.
:mod:`~radar.workshop.voting`
    The prioritising round: opening it, distributing the points.
:mod:`~radar.workshop.priorities`
    The points ranked and the ratings summed up.
:mod:`~radar.workshop.exports`
    The results as CSV and Excel.
:mod:`~radar.workshop.report`
    The session report as a PDF page.
:mod:`~radar.workshop.local_radars`
    A consensus saved as a local radar edition.
:mod:`~radar.workshop.access`
    Who may run a workshop, manage it, and publish its local radars.
:mod:`~radar.workshop.pacing`, :mod:`~radar.workshop.pacing_texts`
    Each technology open or closed, countdowns, the room led step by step,
    the facilitator's phone remote; and those states in words.
:mod:`~radar.workshop.cofacilitators`
    Inviting colleagues to run a workshop, and removing them.
:mod:`~radar.workshop.limits`
    Participants per workshop, joins per session, retention period.
:mod:`~radar.workshop.retention`
    Deleting a workshop, and purging those past the retention period.
:mod:`~radar.workshop.clock`, :mod:`~radar.workshop.writes`
    The one clock, and the one retrying write.

Public API
----------
Every name in ``__all__``: the constants (limits, code alphabet, environment
variables), the values and errors of :mod:`~radar.workshop.model`, and the
functions :func:`area_technologies`, :func:`official_rings`,
:func:`validate_workshop`, :func:`create_workshop`, :func:`close_workshop`,
:func:`set_results_visible`, :func:`find_workshop`, :func:`get_workshop`,
:func:`list_workshops`, :func:`join`, :func:`find_participant`,
:func:`participant_answers`, :func:`submit_answer`, :func:`results`, :func:`group_ring`,
:func:`distribution_frame`, :func:`export_frame`, :func:`comments_frame`,
:func:`export_csv`, :func:`export_xlsx`, :func:`report_html`, :func:`report_pdf`,
:func:`save_consensus`, :func:`set_voting_open`, :func:`submit_votes`,
:func:`participant_votes`, :func:`priorities`, :func:`ranking_frame`,
:func:`consequences_frame`,
:func:`list_local_editions`, :func:`local_placements`,
:func:`publish_local_edition`, :func:`delete_local_edition`,
:func:`delete_workshop`, :func:`purge`, :func:`find_projector`,
:func:`workshops_of`, :func:`may_run`, :func:`may_publish`, :func:`format_code`,
:func:`normalize_code`, :func:`join_link`, :func:`resolve_base_url`,
:func:`qr_png`, :func:`qr_svg`, :func:`comments_for_review`,
:func:`approve_comment`, :func:`hide_comment`, :func:`set_moderated`,
:func:`shown_comments`, :func:`pending_count`, :func:`connect_workshops`,
:func:`resolve_workshop_db_path`, :func:`table_counts`; pacing's :func:`lead`,
:func:`step`, :func:`go_to`, :func:`set_answers_open`, :func:`start_countdown`,
:func:`new_remote_key`, :func:`find_remote`, :func:`remote_link`; and the
co-facilitators' :func:`new_invitation`, :func:`accept_invitation`,
:func:`remove_co_facilitator`, :func:`may_manage`, :func:`is_owner`.

Pure data, no Streamlit.
"""

from __future__ import annotations

from radar.store.workshops import (
    COMMENT_LIMIT,
    TITLE_LIMIT,
    WORKSHOP_DB_ENV_VAR,
    WORKSHOP_DB_NAME,
    WORKSHOP_SCHEMA_VERSION,
    connect_workshops,
    resolve_workshop_db_path,
    table_counts,
)

# The modules tests patch: the clock, the code generator, the limits checked and the retries.
from radar.workshop import clock, codes, limits, validation, writes
from radar.workshop.access import is_owner, may_manage, may_publish, may_run
from radar.workshop.answering import (
    AnswerRequest,
    AnswerSaved,
    ParticipantView,
    participant_answers,
    participant_views,
    submit_answer,
    submit_answers,
)
from radar.workshop.catalogue import area_technologies, official_rings
from radar.workshop.codes import (
    BASE_URL_ENV_VAR,
    CODE_ALPHABET,
    CODE_LENGTH,
    DEFAULT_BASE_URL,
    JOIN_PAGE,
    format_code,
    join_link,
    normalize_code,
    qr_png,
    qr_svg,
    resolve_base_url,
)
from radar.workshop.cofacilitators import (
    accept_invitation,
    new_invitation,
    remove_co_facilitator,
)
from radar.workshop.exports import comments_frame, export_csv, export_frame, export_xlsx
from radar.workshop.local_radars import (
    delete_local_edition,
    list_local_editions,
    local_placements,
    publish_local_edition,
    save_consensus,
)
from radar.workshop.model import (
    AGREEMENT_THRESHOLD,
    MIN_ANSWERS_FOR_VERDICT,
    PHASE_IDS,
    PHASES,
    QUESTION_IDS,
    QUESTIONS,
    Agreement,
    Answer,
    AnswerRejectedError,
    CoFacilitator,
    Comment,
    CommentStatus,
    Gate,
    LocalEdition,
    LocalEditionNotFoundError,
    Participant,
    Phase,
    Question,
    QuestionClosedError,
    TechnologyResult,
    Workshop,
    WorkshopClosedError,
    WorkshopError,
    WorkshopFullError,
    WorkshopInputError,
    WorkshopNotFoundError,
    WorkshopResults,
    WorkshopRing,
    WorkshopStoreBusyError,
    WorkshopStoreError,
    WorkshopTechnology,
)
from radar.workshop.moderation import (
    CommentForReview,
    CommentReviewError,
    approve_comment,
    comments_for_review,
    hide_comment,
    pending_count,
    set_moderated,
    shown_comments,
)
from radar.workshop.pacing import (
    REMOTE_PAGE,
    find_remote,
    go_to,
    lead,
    new_remote_key,
    remote_link,
    set_answers_open,
    start_countdown,
    step,
)
from radar.workshop.priorities import (
    DimensionRating,
    Priorities,
    TechnologyPoints,
    TechnologyRatings,
    consequences_frame,
    priorities,
    ranking_frame,
)
from radar.workshop.ratings import (
    RATING_DIMENSIONS,
    RATING_SCORES,
    RATINGS,
    RatingDimension,
    RatingRejectedError,
    score_label,
)
from radar.workshop.report import report_html, report_pdf
from radar.workshop.results import distribution_frame, group_ring, results
from radar.workshop.retention import (
    Deleted,
    delete_workshop,
    forget_last_purge,
    preview,
    purge,
    purge_when_due,
)
from radar.workshop.sessions import (
    close_workshop,
    create_workshop,
    find_participant,
    find_projector,
    find_workshop,
    get_workshop,
    join,
    list_workshops,
    set_results_visible,
    workshops_of,
)
from radar.workshop.validation import validate_workshop
from radar.workshop.voting import (
    VoteRejectedError,
    participant_votes,
    set_voting_open,
    submit_votes,
)
from radar.workshop.writes import WRITE_ATTEMPTS

__all__ = [
    "AGREEMENT_THRESHOLD",
    "BASE_URL_ENV_VAR",
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "COMMENT_LIMIT",
    "DEFAULT_BASE_URL",
    "JOIN_PAGE",
    "MIN_ANSWERS_FOR_VERDICT",
    "PHASES",
    "PHASE_IDS",
    "QUESTIONS",
    "QUESTION_IDS",
    "RATINGS",
    "RATING_DIMENSIONS",
    "RATING_SCORES",
    "REMOTE_PAGE",
    "TITLE_LIMIT",
    "WORKSHOP_DB_ENV_VAR",
    "WORKSHOP_DB_NAME",
    "WORKSHOP_SCHEMA_VERSION",
    "WRITE_ATTEMPTS",
    "Agreement",
    "Answer",
    "AnswerRejectedError",
    "AnswerRequest",
    "AnswerSaved",
    "CoFacilitator",
    "Comment",
    "CommentForReview",
    "CommentReviewError",
    "CommentStatus",
    "Deleted",
    "DimensionRating",
    "Gate",
    "LocalEdition",
    "LocalEditionNotFoundError",
    "Participant",
    "ParticipantView",
    "Phase",
    "Priorities",
    "Question",
    "QuestionClosedError",
    "RatingDimension",
    "RatingRejectedError",
    "TechnologyPoints",
    "TechnologyRatings",
    "TechnologyResult",
    "VoteRejectedError",
    "Workshop",
    "WorkshopClosedError",
    "WorkshopError",
    "WorkshopFullError",
    "WorkshopInputError",
    "WorkshopNotFoundError",
    "WorkshopResults",
    "WorkshopRing",
    "WorkshopStoreBusyError",
    "WorkshopStoreError",
    "WorkshopTechnology",
    "accept_invitation",
    "approve_comment",
    "area_technologies",
    "clock",
    "close_workshop",
    "codes",
    "comments_for_review",
    "comments_frame",
    "connect_workshops",
    "consequences_frame",
    "create_workshop",
    "delete_local_edition",
    "delete_workshop",
    "distribution_frame",
    "export_csv",
    "export_frame",
    "export_xlsx",
    "find_participant",
    "find_projector",
    "find_remote",
    "find_workshop",
    "forget_last_purge",
    "format_code",
    "get_workshop",
    "go_to",
    "group_ring",
    "hide_comment",
    "is_owner",
    "join",
    "join_link",
    "lead",
    "limits",
    "list_local_editions",
    "list_workshops",
    "local_placements",
    "may_manage",
    "may_publish",
    "may_run",
    "new_invitation",
    "new_remote_key",
    "normalize_code",
    "official_rings",
    "participant_answers",
    "participant_views",
    "participant_votes",
    "pending_count",
    "preview",
    "priorities",
    "publish_local_edition",
    "purge",
    "purge_when_due",
    "qr_png",
    "qr_svg",
    "ranking_frame",
    "remote_link",
    "remove_co_facilitator",
    "report_html",
    "report_pdf",
    "resolve_base_url",
    "resolve_workshop_db_path",
    "results",
    "save_consensus",
    "score_label",
    "set_answers_open",
    "set_moderated",
    "set_results_visible",
    "set_voting_open",
    "shown_comments",
    "start_countdown",
    "step",
    "submit_answer",
    "submit_answers",
    "submit_votes",
    "table_counts",
    "validate_workshop",
    "validation",
    "workshops_of",
    "writes",
]
