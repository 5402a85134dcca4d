"""What a workshop is made of: its discussion frame, its snapshot of the radar, its
participants, answers and results, and its errors.

Pure data, no storage and no Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from radar.i18n import LOCAL_ZONE, format_datetime, t
from radar.model import DEFAULT_LANG, Lang
from radar.store.workshops import PHASE_IDS, WorkshopStoreBusyError, WorkshopStoreError
from radar.workshop import clock
from radar.workshop.codes import format_code

__all__ = [
    "AGREEMENT_THRESHOLD",
    "MIN_ANSWERS_FOR_VERDICT",
    "PHASES",
    "PHASE_IDS",
    "QUESTIONS",
    "QUESTION_IDS",
    "Agreement",
    "Answer",
    "AnswerRejectedError",
    "CoFacilitator",
    "Comment",
    "CommentStatus",
    "Gate",
    "LocalEdition",
    "LocalEditionNotFoundError",
    "Participant",
    "Phase",
    "Question",
    "QuestionClosedError",
    "TechnologyResult",
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
]

#: A group "agrees" on a technology when at least this share of its answers
#: are in the modal ring; below it the group is "split".
AGREEMENT_THRESHOLD = 0.6
#: Fewer answers than this give no verdict: one person cannot agree or disagree.
MIN_ANSWERS_FOR_VERDICT = 2


# --- the discussion frame: four phases and four questions -----------------


#: The i18n keys of each phase: its name and its one-line explanation.
_PHASE_KEYS: Mapping[str, tuple[str, str]] = {
    "ideas": ("workshop.phase.ideas", "workshop.phase.ideas.help"),
    "impact": ("workshop.phase.impact", "workshop.phase.impact.help"),
    "procurement": ("workshop.phase.procurement", "workshop.phase.procurement.help"),
    "operation": ("workshop.phase.operation", "workshop.phase.operation.help"),
}
#: The i18n keys of each question: its theme and the question itself.
_QUESTION_KEYS: Mapping[str, tuple[str, str]] = {
    "core": ("workshop.question.core", "workshop.question.core.text"),
    "work": ("workshop.question.work", "workshop.question.work.text"),
    "skills": ("workshop.question.skills", "workshop.question.skills.text"),
    "involvement": ("workshop.question.involvement", "workshop.question.involvement.text"),
}


@dataclass(frozen=True)
class Phase:
    """A phase of a technology process ("Sammen om ny teknologi", Fremfærd 2022)."""

    id: str

    @property
    def label_key(self) -> str:
        """The i18n key of the phase's name."""
        return _PHASE_KEYS[self.id][0]

    @property
    def help_key(self) -> str:
        """The i18n key of the phase's one-line explanation."""
        return _PHASE_KEYS[self.id][1]

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The phase's name in ``lang``, e.g. "Idéudvikling"."""
        return t(self.label_key, lang)

    def help(self, lang: Lang = DEFAULT_LANG) -> str:
        """What the phase is about, in ``lang``."""
        return t(self.help_key, lang)


@dataclass(frozen=True)
class Question:
    """One of the four basic questions, one per theme."""

    id: str

    @property
    def label_key(self) -> str:
        """The i18n key of the theme's name."""
        return _QUESTION_KEYS[self.id][0]

    @property
    def text_key(self) -> str:
        """The i18n key of the question itself."""
        return _QUESTION_KEYS[self.id][1]

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The theme in ``lang``, e.g. "Kerneopgave"."""
        return t(self.label_key, lang)

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The question in ``lang``."""
        return t(self.text_key, lang)


#: The four phases, in the order a technology goes through them (the order the
#: workshop database checks, :data:`radar.store.workshops.PHASE_IDS`).
PHASES: tuple[Phase, ...] = tuple(Phase(i) for i in PHASE_IDS)
#: The four questions, in the order the publication asks them.
QUESTIONS: tuple[Question, ...] = (
    Question("core"),
    Question("work"),
    Question("skills"),
    Question("involvement"),
)
QUESTION_IDS: tuple[str, ...] = tuple(q.id for q in QUESTIONS)


# --- errors ---------------------------------------------------------------


class WorkshopError(Exception):
    """A rejected workshop action; nothing was stored.

    Attributes
    ----------
    key
        The i18n key of the message (see :mod:`radar.i18n`).
    details
        The values the message is filled with (ids, lengths, limits).
    """

    def __init__(self, key: str, **details: object) -> None:
        self.key = key
        self.details: dict[str, object] = details
        super().__init__(self.message("en"))

    def message(self, lang: Lang = DEFAULT_LANG) -> str:
        """The message for a user, in ``lang``."""
        return t(self.key, lang, **_localised(self.details, lang))


class WorkshopNotFoundError(WorkshopError):
    """No workshop has this code (or id)."""


class WorkshopClosedError(WorkshopError):
    """The workshop is closed, or its closing time has passed."""


class WorkshopInputError(WorkshopError):
    """Input to create a workshop, join one or save a consensus is invalid."""


class AnswerRejectedError(WorkshopInputError):
    """An answer is invalid: unknown participant, technology, ring, phase or question, or a
    text over :data:`COMMENT_LIMIT`."""


class QuestionClosedError(AnswerRejectedError):
    """The technology takes no answers now: the facilitator closed it, led the room past
    it, or its countdown ended. The workshop itself may still be open.

    ``details`` hold the technology's names, ``name_da`` and ``name_en``; the
    message names it in the reader's language (as every error's does).
    """


class WorkshopFullError(WorkshopError):
    """The workshop has as many participants as it takes (:data:`MAX_PARTICIPANTS`)."""


class LocalEditionNotFoundError(WorkshopError):
    """No local radar edition has this id."""


# WorkshopStoreError and WorkshopStoreBusyError (the workshop database cannot be
# opened) are the store's own errors, re-exported here with the others.


def _localised(details: Mapping[str, object], lang: Lang) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, value in details.items():
        if name == "question" and value in QUESTION_IDS:
            value = Question(str(value)).label(lang)
        elif isinstance(value, datetime):
            value = format_datetime(value, lang, LOCAL_ZONE)
        elif isinstance(value, tuple | list):
            value = ", ".join(str(v) for v in value)
        out[name] = value
    if "name_da" in details:
        # A technology named in both languages: the message names it in the reader's.
        out["technology"] = _pick(str(details["name_da"]), str(details.get("name_en", "")), lang)
    return out


# --- domain values --------------------------------------------------------


def _pick(da: str, en: str, lang: Lang) -> str:
    # As in radar.model: English falls back to Danish.
    return en if lang == "en" and en else da


@dataclass(frozen=True)
class WorkshopRing:
    """A ring of the radar as the workshop saw it when it was created."""

    id: str
    position: int
    name_da: str
    name_en: str

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The ring's name in ``lang``, e.g. "KLAR"."""
        return _pick(self.name_da, self.name_en, lang)


@dataclass(frozen=True)
class WorkshopTechnology:
    """A technology on a workshop's list, with its official ring in the area.

    ``official_ring`` is None for a technology that is not on the area's radar
    in the workshop's edition (a facilitator may still put it on the list).
    """

    id: str
    sector: str
    name_da: str
    name_en: str
    official_ring: str | None

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The technology's name in ``lang``."""
        return _pick(self.name_da, self.name_en, lang)


@dataclass(frozen=True)
class Gate:
    """Whether one technology of a workshop takes answers, and until when.

    Attributes
    ----------
    technology
        The technology's id.
    open
        False once the facilitator closed it (or led the room past it).
    closes_at
        When its countdown ends (aware UTC), or None without one.
    """

    technology: str
    open: bool = True
    closes_at: datetime | None = None

    def is_open(self, now: datetime | None = None) -> bool:
        """Whether it takes answers at ``now`` (default: now): open, and its countdown not over."""
        moment = now or clock.now()
        return self.open and (self.closes_at is None or moment < self.closes_at)


@dataclass(frozen=True)
class CoFacilitator:
    """Someone who runs a workshop besides its creator: their sign-in identity and how."""

    identity: str
    via: str


@dataclass(frozen=True)
class Workshop:
    """A workshop, with the snapshot of the radar it discusses.

    Attributes
    ----------
    id
        Names the workshop for its facilitator's page; random, never shown to
        participants. It grants nothing by itself (:mod:`radar.workshop.access`).
    code
        What participants type or scan (:data:`CODE_LENGTH` characters of
        :data:`CODE_ALPHABET`); :func:`format_code` groups it for reading.
    created_at, closes_at, closed_at
        Aware UTC datetimes; ``closes_at`` is the planned closing time (or
        None), ``closed_at`` when the facilitator closed it (or None).
    technologies
        The technologies to discuss, in the order they are asked.
    rings
        The radar's rings, inside out.
    projector_key
        What the projector's link holds: it shows the code and the live view,
        and grants nothing else. Not the id.
    created_by, created_via
        Who created it (their sign-in name, and how they signed in); None for
        a workshop made on the command line or before workshops had owners.
    results_visible
        Whether the projector shows the group's answers (the chart, the phases,
        the comments) or only how many joined and answered, until the
        facilitator reveals them. The facilitator's own view shows them either way.
    moderated
        Whether a comment waits for the facilitator's approval before the
        projector shows it (:mod:`~radar.workshop.moderation`); when not, every
        comment is shown but those the facilitator hid.
    voting_open
        Whether the prioritising round is open: participants distribute their
        points (:mod:`radar.workshop.voting`).
    gates
        Per technology, in the same order, whether it takes answers
        (:class:`Gate`); empty means every one does.
    current_position
        The technology the facilitator leads the room to (1 = the first), or
        None: participants go at their own pace.
    remote_key, invite_key
        What the facilitator's phone remote and the co-facilitator invitation
        link hold (None: none made, or the workshop is closed). Never shown
        but to those who run it.
    co_facilitators
        Who runs it besides its creator.
    """

    id: str
    code: str
    title: str
    area: str
    area_name_da: str
    area_name_en: str
    edition: int
    created_at: datetime
    closes_at: datetime | None
    closed_at: datetime | None
    technologies: tuple[WorkshopTechnology, ...]
    rings: tuple[WorkshopRing, ...]
    projector_key: str = ""
    created_by: str | None = None
    created_via: str | None = None
    results_visible: bool = True
    moderated: bool = False
    voting_open: bool = False
    gates: tuple[Gate, ...] = ()
    current_position: int | None = None
    remote_key: str | None = None
    invite_key: str | None = None
    co_facilitators: tuple[CoFacilitator, ...] = ()

    @property
    def led(self) -> bool:
        """Whether the facilitator leads the room from technology to technology."""
        return self.current_position is not None

    @property
    def current_technology(self) -> WorkshopTechnology | None:
        """The technology the room is led to; None at the participants' own pace."""
        if self.current_position is None or not self.technologies:
            return None
        index = min(max(self.current_position, 1), len(self.technologies)) - 1
        return self.technologies[index]

    def gate(self, technology_id: str) -> Gate:
        """Whether a technology takes answers (open, without a countdown, when not recorded)."""
        for gate in self.gates:
            if gate.technology == technology_id:
                return gate
        return Gate(technology_id)

    def answerable(self, technology_id: str, now: datetime | None = None) -> bool:
        """Whether an answer about this technology is taken at ``now``: the workshop is
        open and so is the technology, its countdown not over."""
        moment = now or clock.now()
        return self.is_open(moment) and self.gate(technology_id).is_open(moment)

    def is_open(self, now: datetime | None = None) -> bool:
        """Whether answers are taken: not closed, and before ``closes_at``.

        Parameters
        ----------
        now
            The moment to ask about (aware; default: now).
        """
        moment = now or clock.now()
        if self.closed_at is not None:
            return False
        return self.closes_at is None or moment < self.closes_at

    def area_label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The welfare area's name in ``lang``."""
        return _pick(self.area_name_da, self.area_name_en, lang)

    @property
    def display_code(self) -> str:
        """The code grouped for reading aloud, e.g. ``ABCDE-FGHJK``."""
        return format_code(self.code)

    @property
    def ring_ids(self) -> tuple[str, ...]:
        """Ring ids, inside out."""
        return tuple(r.id for r in self.rings)

    @property
    def technology_ids(self) -> tuple[str, ...]:
        """Technology ids in the order they are asked."""
        return tuple(x.id for x in self.technologies)

    def technology(self, technology_id: str) -> WorkshopTechnology:
        """One technology of the workshop; KeyError if it is not on the list."""
        for item in self.technologies:
            if item.id == technology_id:
                return item
        raise KeyError(f"not in the workshop: {technology_id}")

    def ring(self, ring_id: str) -> WorkshopRing:
        """One ring; KeyError for an unknown id."""
        for item in self.rings:
            if item.id == ring_id:
                return item
        raise KeyError(f"unknown ring: {ring_id}")


@dataclass(frozen=True)
class Participant:
    """Someone who joined a workshop.

    Anonymous: no name is asked or stored. ``token`` identifies the
    participant's browser session while the workshop is open: keep it secret
    (it is what :func:`submit_answer` checks); closing the workshop drops it.
    """

    id: str
    workshop_id: str
    token: str
    joined_at: datetime


@dataclass(frozen=True)
class Answer:
    """One participant's answer about one technology (the latest one given).

    ``core``, ``work``, ``skills`` and ``involvement`` are the texts answering
    the four questions (None when not answered). ``ratings``: the participant's
    consequence rating of the technology, dimension to score 1–5 (only the
    dimensions rated; :mod:`radar.workshop.ratings`).
    """

    workshop_id: str
    participant_id: str
    technology: str
    ring: str
    phase: str | None
    core: str | None
    work: str | None
    skills: str | None
    involvement: str | None
    updated_at: datetime
    ratings: Mapping[str, int] = field(default_factory=dict)

    def texts(self) -> dict[str, str]:
        """The answered questions: question id to text, in question order."""
        values = {q: getattr(self, q) for q in QUESTION_IDS}
        return {q: text for q, text in values.items() if text}


class Agreement(StrEnum):
    """How united a group is about one technology's ring; see :data:`AGREEMENT_THRESHOLD`."""

    AGREES = "agrees"
    SPLIT = "split"
    TOO_FEW = "too_few"

    @property
    def label_key(self) -> str:
        """The i18n key of its label."""
        return _AGREEMENT_KEYS[self]


#: The i18n key of each verdict's label.
_AGREEMENT_KEYS: Mapping[Agreement, str] = {
    Agreement.AGREES: "workshop.agreement.agrees",
    Agreement.SPLIT: "workshop.agreement.split",
    Agreement.TOO_FEW: "workshop.agreement.too_few",
}


class CommentStatus(StrEnum):
    """What the facilitator decided about a comment: nothing yet, shown, or hidden."""

    PENDING = "pending"
    APPROVED = "approved"
    HIDDEN = "hidden"


@dataclass(frozen=True)
class Comment:
    """One text answer, without who wrote it, and what the facilitator decided about it."""

    technology: str
    question: str
    text: str
    status: CommentStatus = CommentStatus.PENDING


@dataclass(frozen=True)
class TechnologyResult:
    """The group's view of one technology.

    Attributes
    ----------
    answers
        How many participants answered it.
    ring_counts
        Answers per ring, every ring inside out (zeros included).
    phase_counts
        Answers per phase, in :data:`PHASE_IDS` order (zeros included); answers
        without a phase are not counted here (see ``phase_missing``).
    modal_ring
        The group's ring: the ring with most answers, ties broken as in
        :func:`group_ring` (None without answers).
    agreement
        The share of answers in ``modal_ring`` (None without answers).
    verdict
        :class:`Agreement`: ``agrees`` when ``agreement`` is at least
        :data:`AGREEMENT_THRESHOLD` with at least two answers, ``split``
        below it, ``too_few`` with fewer than two answers.
    """

    technology: WorkshopTechnology
    answers: int
    ring_counts: dict[str, int]
    phase_counts: dict[str, int]
    phase_missing: int
    modal_ring: str | None
    agreement: float | None
    verdict: Agreement

    @property
    def official_ring(self) -> str | None:
        """The technology's ring on the official radar (None if it is not on it)."""
        return self.technology.official_ring


@dataclass(frozen=True)
class WorkshopResults:
    """Everything the facilitator's live view and the exports show.

    Attributes
    ----------
    participants
        How many joined.
    respondents
        How many of them answered at least one technology.
    technologies
        One result per technology, in the workshop's order.
    comments
        Every text answer, in technology then question order, with no names,
        each with its :class:`CommentStatus`. What the projector and the report
        may show of them: :func:`radar.workshop.shown_comments`.
    """

    workshop: Workshop
    participants: int
    respondents: int
    technologies: tuple[TechnologyResult, ...]
    comments: tuple[Comment, ...]

    def technology(self, technology_id: str) -> TechnologyResult:
        """The result of one technology; KeyError if it is not in the workshop."""
        for item in self.technologies:
            if item.technology.id == technology_id:
                return item
        raise KeyError(f"not in the workshop: {technology_id}")


@dataclass(frozen=True)
class LocalEdition:
    """A group's consensus saved as a local radar edition, e.g. "Vores radar 2026".

    ``published``: an editor has shown it to every viewer (the radar page's
    "Vis ved siden af"); until then only its workshop's facilitator view has it.
    """

    id: str
    title: str
    area: str
    edition: int
    workshop_id: str
    created_at: datetime
    published: bool = False
    published_at: datetime | None = None
