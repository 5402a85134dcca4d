"""The phone page's routes: ``GET /deltag``, ``POST /deltag`` (join), ``POST /deltag/svar``
(an answer) and ``POST /deltag/point`` (a participant's points in the prioritising round).

One short request per step: the page is a form, an answer is one POST whose
reply (303) sends the phone on to the next technology. The participant's
token lives only in an HttpOnly cookie of their own phone, one per workshop
(``radar_deltag_<code>``), never in a URL. A post from another site is
refused: the browser says where a form came from (``Origin``,
``Sec-Fetch-Site``), and the cookie is ``SameSite=Lax`` besides.

The store's calls block, so they run in the thread pool, each on the process's
one workshop connection (:func:`radar.store.shared_connection`, the same the
facilitator's pages use). Answers, and the pages of phones that have joined,
are served a batch at a time (:mod:`radar.web.participant.batches`): a room
answering at once costs a few transactions, not one per phone.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from typing import Final, TypeVar
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from radar import store, workshop
from radar.i18n import parse_lang, t
from radar.model import Lang
from radar.web import browser
from radar.web.participant import pages
from radar.web.participant.batches import Batches, Overloaded
from radar.web.participant.forms import (
    MAX_POINTS_FIELDS,
    POINTS_PREFIX,
    RATING_PREFIX,
    FormError,
    prefixed,
    read_form,
    whole_numbers,
)
from radar.web.same_origin import from_elsewhere
from radar.workshop import (
    QUESTION_IDS,
    AnswerRejectedError,
    AnswerSaved,
    Participant,
    ParticipantView,
    QuestionClosedError,
    Workshop,
    WorkshopClosedError,
    WorkshopError,
    WorkshopFullError,
    WorkshopNotFoundError,
    limits,
)

__all__ = [
    "ANSWER_PATH",
    "COOKIE_MAX_AGE_SECONDS",
    "COOKIE_PREFIX",
    "PATH",
    "POINTS_PATH",
    "routes",
]

#: Where the page answers (the join link's page, :data:`radar.workshop.JOIN_PAGE`).
PATH: Final = "/" + workshop.JOIN_PAGE
#: Where an answer is posted.
ANSWER_PATH: Final = PATH + "/svar"
#: Where a participant's points are posted.
POINTS_PATH: Final = PATH + "/point"
#: The participant's cookie is this and the workshop's code.
COOKIE_PREFIX: Final = "radar_deltag_"
#: A day: longer than any workshop session, short enough not to linger on a shared phone.
COOKIE_MAX_AGE_SECONDS: Final = 24 * 60 * 60
#: Browsers remembered by the join limit; the oldest is forgotten beyond this.
_REMEMBERED_BROWSERS: Final = 10_000

logger = logging.getLogger(__name__)

Q = TypeVar("Q")
R = TypeVar("R")


class _JoinLimit:
    """Joins per browser (its signed id cookie) within :data:`limits.JOIN_WINDOW_SECONDS`.

    In memory, per process, and bounded: a courtesy against a phone that joins
    over and over. The real bound is the workshop's participant cap, checked in
    the store's transaction.
    """

    def __init__(self) -> None:
        self._times: OrderedDict[str, tuple[float, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, browser_id: str | None) -> bool:
        if browser_id is None:
            return True
        now = time.monotonic()
        with self._lock:
            recent = limits.recent_joins(self._times.pop(browser_id, ()), now)
            allowed = limits.join_allowed(recent, now)
            self._times[browser_id] = (*recent, now) if allowed else recent
            while len(self._times) > _REMEMBERED_BROWSERS:
                self._times.popitem(last=False)
            return allowed


_JOINS: Final = _JoinLimit()


def _connection() -> store.Connection:
    path = str(workshop.resolve_workshop_db_path())
    return store.shared_connection(
        path, read_only=False, open_file=lambda: workshop.connect_workshops(path)
    )


def _html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        body,
        status_code=status,
        headers={
            # The page's own policy, beside the app-wide one: its style by hash, no script
            # but the waiting page's own.
            "Content-Security-Policy": pages.security_policy(body),
            # Answers and tokens are a participant's own: no shared cache keeps them.
            "Cache-Control": "no-store",
        },
    )


def _cookie_name(code: str) -> str:
    return COOKIE_PREFIX + code


def _index(value: str | None, count: int) -> int | None:
    # ASCII digits only, and short: "²" is a digit to isdigit() but not to int().
    if value is None or not (value.isascii() and value.isdigit()) or len(value) > 6:
        return None
    return min(int(value), count - 1)


def _store_answers(requests: list[workshop.AnswerRequest]) -> list[AnswerSaved | WorkshopError]:
    return workshop.submit_answers(_connection(), requests)


def _read_views(asked: list[tuple[str, str]]) -> list[ParticipantView | WorkshopError]:
    return workshop.participant_views(_connection(), asked)


#: The room's answers, stored a batch at a time (:mod:`radar.web.participant.batches`).
_ANSWERS: Final = Batches(_store_answers)
#: The room's pages, read a batch at a time.
_VIEWS: Final = Batches(_read_views)


async def _served(batches: Batches[Q, R], request: Q) -> R:
    """``request`` served in its batch; too many waiting is the store's "busy"."""
    try:
        return await batches.serve(request)
    except Overloaded as exc:
        raise WorkshopError("workshop.error.busy") from exc


async def _load(code: str, token: str | None) -> tuple[Workshop, dict[str, workshop.Answer] | None]:
    """The workshop and, for a known participant, their answers (``None`` for a stranger)."""
    if token:
        view = await _served(_VIEWS, (code, token))
        if isinstance(view, ParticipantView):
            return view.workshop, view.answers
        if not isinstance(view, AnswerRejectedError):
            raise view
    con = await run_in_threadpool(_connection)
    return await run_in_threadpool(workshop.find_workshop, con, code), None


def _closed_page(exc: WorkshopError, lang: Lang, code: str, *, up: bool = False) -> HTMLResponse:
    heading = t("participant.heading", lang)
    return _html(pages.message_page(lang, heading, exc.message(lang), code=code, up=up), 410)


def _busy_page(exc: Exception, lang: Lang, *, up: bool = False) -> HTMLResponse:
    logger.warning("phone page: %s", exc)
    text = exc.message(lang) if isinstance(exc, WorkshopError) else t("workshop.error.busy", lang)
    return _html(pages.message_page(lang, t("participant.heading", lang), text, up=up), 503)


def _refusal(exc: Exception, lang: Lang, code: str, *, up: bool = False) -> HTMLResponse:
    """The page for a workshop that cannot be reached: a wrong code, closed, or busy.

    ``up``: served by a posting route (a folder below the page).
    """
    if isinstance(exc, WorkshopNotFoundError):
        return _html(pages.code_page(lang, code=code, problem=exc.message(lang), up=up), 404)
    if isinstance(exc, WorkshopClosedError):
        return _closed_page(exc, lang, code, up=up)
    return _busy_page(exc, lang, up=up)


def _below(request: Request) -> bool:
    """Whether the request was posted to a route one folder below the page (its pages' links
    then go one folder up)."""
    return request.url.path.endswith((ANSWER_PATH, POINTS_PATH))


async def _page(request: Request) -> Response:
    lang = parse_lang(request.query_params.get("lang"))
    code = workshop.normalize_code(request.query_params.get("code", ""))
    if not code:
        return _html(pages.code_page(lang))
    token = request.cookies.get(_cookie_name(code))
    try:
        found, answers = await _load(code, token)
    except (WorkshopError, store.DatabaseUnavailableError) as exc:
        return _refusal(exc, lang, code)
    if answers is None:
        response = _html(pages.join_page(found, lang))
        if token:
            # A stale key: forgotten, so the phone joins afresh (no path, as it was set).
            response.set_cookie(_cookie_name(code), "", max_age=0, path=None, httponly=True)
        return response
    view = request.query_params.get(pages.POINTS_VIEW)
    if view is not None:
        return await _votes(code, token or "", lang, saved=view == pages.POINTS_SAVED)
    index = _index(request.query_params.get("i"), len(found.technologies))
    saved = request.query_params.get("saved")
    auto = request.query_params.get("auto") != "0"  # the waiting page's reload, unless stopped
    return _html(pages.question_page(found, answers, index, lang, saved=saved, auto=auto))


def _refused(request: Request, lang: Lang) -> HTMLResponse:
    # Where it came from, never who: the log keeps no participant's address.
    logger.warning(
        "phone page: a form from another site refused (Origin %s, Sec-Fetch-Site %s)",
        urlsplit(request.headers.get("origin", "")).netloc[:80] or "-",
        request.headers.get("sec-fetch-site", "-")[:20],
    )
    heading, text = t("participant.heading", lang), t("phone.other_site", lang)
    return _html(pages.message_page(lang, heading, text, up=_below(request)), 403)


async def _form(request: Request, max_fields: int | None = None) -> dict[str, str] | HTMLResponse:
    lang = parse_lang(request.query_params.get("lang"))
    if from_elsewhere(request):
        return _refused(request, lang)
    bound = {} if max_fields is None else {"max_fields": max_fields}
    try:
        return await read_form(request.stream(), request.headers.get("content-type"), **bound)
    except FormError as exc:
        text = t(exc.key, lang, **exc.details)
        page = pages.message_page(lang, t("participant.heading", lang), text, up=_below(request))
        return _html(page, exc.status)


async def _join(request: Request) -> Response:
    form = await _form(request)
    if isinstance(form, Response):
        return form
    lang = parse_lang(form.get("lang"))
    code = workshop.normalize_code(form.get("code", ""))
    if not code:
        return _html(pages.code_page(lang, problem=t("workshop.error.no_code", lang)), 400)
    token = request.cookies.get(_cookie_name(code))
    if token:
        # Joined already (a double tap, the back button): the same participant goes on.
        try:
            _, answers = await _load(code, token)
        except (WorkshopError, store.DatabaseUnavailableError) as exc:
            return _refusal(exc, lang, code)
        if answers is not None:
            return RedirectResponse(pages.page_url(code, lang), status_code=303)
    if not _JOINS.allow(browser.browser_id(request.cookies.get(browser.COOKIE_NAME))):
        text = t("participant.too_many_joins", lang, seconds=int(limits.JOIN_WINDOW_SECONDS))
        return _html(pages.message_page(lang, t("participant.heading", lang), text), 429)
    try:
        con = await run_in_threadpool(_connection)
        participant: Participant = await run_in_threadpool(workshop.join, con, code)
    except WorkshopFullError as exc:
        text = exc.message(lang)
        return _html(pages.message_page(lang, t("participant.heading", lang), text), 409)
    except (WorkshopError, store.DatabaseUnavailableError) as exc:
        return _refusal(exc, lang, code)
    response = RedirectResponse(pages.page_url(code, lang), status_code=303)
    response.set_cookie(
        _cookie_name(code),
        participant.token,
        max_age=COOKIE_MAX_AGE_SECONDS,
        # No path: the browser scopes it to the page's folder, so a proxy's prefix holds.
        path=None,
        secure=browser.is_https(request.scope, browser.trusted_proxies()),
        httponly=True,
        samesite="lax",
    )
    return response


async def _answer(request: Request) -> Response:
    form = await _form(request)
    if isinstance(form, Response):
        return form
    lang = parse_lang(form.get("lang"))
    code = workshop.normalize_code(form.get("code", ""))
    token = request.cookies.get(_cookie_name(code)) if code else None
    technology = form.get("technology", "")
    texts = {q: form.get(q) or None for q in QUESTION_IDS}
    ratings = prefixed(form, RATING_PREFIX)
    draft = pages.Draft(
        form.get("ring") or None,
        form.get("phase") or None,
        {q: form.get(q, "") for q in QUESTION_IDS},
        ratings,
    )
    try:
        if draft.ring is None:
            raise AnswerRejectedError("participant.pick_ring")
        outcome = await _served(
            _ANSWERS,
            workshop.AnswerRequest(
                code,
                token or "",
                technology,
                draft.ring,
                draft.phase,
                texts,
                whole_numbers(ratings),
            ),
        )
        if isinstance(outcome, WorkshopError):
            raise outcome
    except (WorkshopNotFoundError, WorkshopClosedError, store.DatabaseUnavailableError) as exc:
        return _refusal(exc, lang, code, up=True)
    except QuestionClosedError as exc:
        # Closed (or led past) before it was sent: the closed screen keeps what was typed.
        return await _answer_again(code, token, technology, lang, draft, exc, status=409)
    except AnswerRejectedError as exc:
        return await _answer_again(code, token, technology, lang, draft, exc)
    except WorkshopError as exc:
        # Busy: nothing was stored; the same form again, as it was filled in.
        return await _answer_again(code, token, technology, lang, draft, exc, status=503)
    # The workshop as the answer's transaction read it: where the phone goes next.
    after = outcome.view.workshop
    ids = after.technology_ids
    index = ids.index(technology) + 1 if technology in ids else len(ids)
    more = index if index < len(ids) else None
    if more is not None and (after.led or not after.answerable(ids[more])):
        # Paced: the page picks what is open (the room's technology), or the phone waits.
        more = None
    return RedirectResponse(
        "../" + pages.page_url(code, lang, i=more, saved=technology), status_code=303
    )


async def _answer_again(
    code: str,
    token: str | None,
    technology: str,
    lang: Lang,
    draft: pages.Draft,
    exc: WorkshopError,
    *,
    status: int = 422,
) -> Response:
    """The form again, filled in as sent, with why it was not saved; nothing is lost."""
    try:
        found, answers = await _load(code, token)
    except (WorkshopError, store.DatabaseUnavailableError) as again:
        return _refusal(again, lang, code, up=True)
    if answers is None:
        return _html(pages.join_page(found, lang, problem=exc.message(lang), up=True), 403)
    ids = found.technology_ids
    index = ids.index(technology) if technology in ids else None
    shown = draft if index is not None else None
    return _html(
        pages.question_page(
            found, answers, index, lang, draft=shown, problem=exc.message(lang), up=True
        ),
        status,
    )


async def _back_to_page(request: Request) -> Response:
    """A GET of the answer's or the points' address (a reload after a refused form, a link):
    back to the page, not on to Streamlit's index."""
    lang = parse_lang(request.query_params.get("lang"))
    code = workshop.normalize_code(request.query_params.get("code", ""))
    target = (
        pages.page_url(code, lang) if code else pages.PAGE + ("" if lang == "da" else "?lang=en")
    )
    return RedirectResponse("../" + target, status_code=303)


async def _votes(
    code: str,
    token: str,
    lang: Lang,
    *,
    saved: bool = False,
    draft: dict[str, str] | None = None,
    problem: str | None = None,
    status: int = 200,
) -> Response:
    """The prioritising screen, while its round is open; else the closed page (410).

    With ``draft`` it is the screen again after refused points, served by the
    posting route, so its links go one folder up.
    """
    up = draft is not None
    try:
        con = await run_in_threadpool(_connection)
        try:
            found, votes = await run_in_threadpool(workshop.participant_votes, con, code, token)
        except AnswerRejectedError as exc:
            # A phone that has not joined (or whose key is stale): join first.
            found = await run_in_threadpool(workshop.find_workshop, con, code)
            return _html(pages.join_page(found, lang, problem=exc.message(lang), up=up), 403)
    except (WorkshopError, store.DatabaseUnavailableError) as exc:
        return _refusal(exc, lang, code, up=up)
    if not found.voting_open:
        closed = WorkshopClosedError("workshop.error.voting_closed", title=found.title)
        return _closed_page(closed, lang, code, up=up)
    page = pages.votes_page(found, votes, lang, draft=draft, saved=saved, problem=problem, up=up)
    return _html(page, status)


async def _points(request: Request) -> Response:
    form = await _form(request, MAX_POINTS_FIELDS)
    if isinstance(form, Response):
        return form
    lang = parse_lang(form.get("lang"))
    code = workshop.normalize_code(form.get("code", ""))
    token = (request.cookies.get(_cookie_name(code)) if code else None) or ""
    sent = prefixed(form, POINTS_PREFIX)
    try:
        con = await run_in_threadpool(_connection)
        await run_in_threadpool(workshop.submit_votes, con, code, token, whole_numbers(sent))
    except (WorkshopNotFoundError, WorkshopClosedError, store.DatabaseUnavailableError) as exc:
        return _refusal(exc, lang, code, up=True)
    except WorkshopError as exc:
        # Over the budget, a tampered number, a stranger, or busy: nothing was
        # stored; the screen again, as it was filled in, with why.
        status = 422 if isinstance(exc, workshop.WorkshopInputError) else 503
        return await _votes(code, token, lang, draft=sent, problem=exc.message(lang), status=status)
    return RedirectResponse(
        "../" + pages.page_url(code, lang, **{pages.POINTS_VIEW: pages.POINTS_SAVED}),
        status_code=303,
    )


def routes() -> list[BaseRoute]:
    """The phone page's routes."""
    return [
        Route(PATH, _page, methods=["GET", "HEAD"]),
        Route(PATH, _join, methods=["POST"]),
        Route(ANSWER_PATH, _answer, methods=["POST"]),
        Route(ANSWER_PATH, _back_to_page, methods=["GET", "HEAD"]),
        Route(POINTS_PATH, _points, methods=["POST"]),
        Route(POINTS_PATH, _back_to_page, methods=["GET", "HEAD"]),
    ]
