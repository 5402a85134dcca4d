"""The phone remote's routes: ``GET /styr`` (the page, and the key's first visit) and
``POST /styr`` (a button).

The remote key arrives once in the URL, from the facilitator's link or QR
code: ``GET /styr?k=<key>`` keeps it in the HttpOnly, SameSite=Strict cookie
``radar_styr`` and sends the phone on to ``/styr`` (303), so the key is in no
address bar, history or shared screen after that. A button is a form post
that replies 303 to the page again. A post from another site is refused, as
the phone page refuses one (``Origin``, ``Sec-Fetch-Site``), and the cookie is
not sent with one anyway (SameSite=Strict).

What the key allows is what these buttons do: step, open, close, count down,
and show or hide the results on the projector. Nothing else of the workshop
is reachable with it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Final

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from radar import store, workshop
from radar.i18n import parse_lang, t
from radar.model import Lang
from radar.web import browser
from radar.web.participant.forms import FormError, read_form
from radar.web.remote import pages

# The phone page's check against forged forms: one rule for both pages.
from radar.web.same_origin import from_elsewhere
from radar.workshop import Workshop, WorkshopError, WorkshopNotFoundError, clock, limits

__all__ = ["COOKIE_MAX_AGE_SECONDS", "COOKIE_NAME", "PATH", "routes"]

#: The remote's page (:data:`radar.workshop.REMOTE_PAGE`).
PATH: Final = "/" + workshop.REMOTE_PAGE
#: The cookie that keeps the remote key on the facilitator's phone.
COOKIE_NAME: Final = "radar_styr"
#: A day: longer than any workshop session, short enough not to linger on a phone.
COOKIE_MAX_AGE_SECONDS: Final = 24 * 60 * 60
#: Remote keys are 32 hex digits; anything else is unknown without asking the database.
_KEY_PATTERN: Final = re.compile(r"[0-9a-f]{32}")

logger = logging.getLogger(__name__)


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
            "Content-Security-Policy": pages.CONTENT_SECURITY_POLICY,
            "Cache-Control": "no-store",
        },
    )


def _forget(response: Response) -> Response:
    response.set_cookie(COOKIE_NAME, "", max_age=0, path=None, httponly=True, samesite="strict")
    return response


def _unknown(lang: Lang) -> Response:
    return _forget(_html(pages.message_page(lang, t("remote.unknown", lang)), 404))


def _find(key: str) -> Workshop:
    if not _KEY_PATTERN.fullmatch(key):
        raise WorkshopNotFoundError("workshop.error.no_such_workshop")
    return workshop.find_remote(_connection(), key)


def _answers(ws: Workshop) -> int | None:
    current = ws.current_technology
    if current is None:
        return None
    return workshop.results(_connection(), ws.id).technology(current.id).answers


def _closed(ws: Workshop, lang: Lang) -> Response:
    text = t("workshop.error.closed", lang, title=ws.title)
    return _html(pages.message_page(lang, text), 410)


async def _show(
    ws: Workshop, lang: Lang, *, problem: str | None = None, status: int = 200
) -> Response:
    answers = await run_in_threadpool(_answers, ws)
    return _html(pages.remote_page(ws, answers, lang, clock.now(), problem=problem), status)


async def _page(request: Request) -> Response:
    lang = parse_lang(request.query_params.get("lang"))
    arriving = request.query_params.get("k")
    key = arriving if arriving is not None else request.cookies.get(COOKIE_NAME, "")
    if not key:
        # Also a phone whose browser withheld the Strict cookie on a redirect from
        # another app's link: a tap on "Prøv igen" comes from this site and sends it.
        return _html(pages.message_page(lang, t("remote.no_key", lang), retry=True), 404)
    try:
        ws = await run_in_threadpool(_find, key)
    except WorkshopNotFoundError:
        return _unknown(lang)
    except (WorkshopError, store.DatabaseUnavailableError) as exc:
        return _busy(exc, lang)
    if arriving is not None:
        response = RedirectResponse(pages.page_url(lang), status_code=303)
        response.set_cookie(
            COOKIE_NAME,
            key,
            max_age=COOKIE_MAX_AGE_SECONDS,
            path=None,
            secure=browser.is_https(request.scope, browser.trusted_proxies()),
            httponly=True,
            samesite="strict",
        )
        return response
    if not ws.is_open():
        return _closed(ws, lang)
    return await _show(ws, lang)


def _busy(exc: Exception, lang: Lang) -> Response:
    logger.warning("phone remote: %s", exc)
    text = exc.message(lang) if isinstance(exc, WorkshopError) else t("workshop.error.busy", lang)
    return _html(pages.message_page(lang, text), 503)


def _current(ws: Workshop) -> str:
    current = ws.current_technology
    if current is None:
        raise workshop.WorkshopInputError("workshop.error.not_led")
    return current.id


#: What each button does to the workshop, on the process's one connection.
_ACTIONS: Final[dict[str, Callable[[store.Connection, Workshop], Workshop]]] = {
    "lead": lambda con, ws: workshop.lead(con, ws.id, True),
    "previous": lambda con, ws: workshop.step(con, ws.id, -1),
    "next": lambda con, ws: workshop.step(con, ws.id, 1),
    "close": lambda con, ws: workshop.set_answers_open(con, ws.id, _current(ws), False),
    "open": lambda con, ws: workshop.set_answers_open(con, ws.id, _current(ws), True),
    "countdown": lambda con, ws: workshop.start_countdown(
        con, ws.id, _current(ws), limits.REMOTE_COUNTDOWN_SECONDS
    ),
    "results_show": lambda con, ws: workshop.set_results_visible(con, ws.id, True),
    "results_hide": lambda con, ws: workshop.set_results_visible(con, ws.id, False),
}


def _act(key: str, action: str) -> Workshop:
    ws = _find(key)
    if not ws.is_open():
        raise workshop.WorkshopClosedError("workshop.error.closed", title=ws.title)
    return _ACTIONS[action](_connection(), ws)


async def _press(request: Request) -> Response:
    lang = parse_lang(request.query_params.get("lang"))
    if from_elsewhere(request):
        client = request.headers.get(browser.CLIENT_HEADER) or "?"
        logger.warning("phone remote: a form from another site refused, from %s", client)
        return _html(pages.message_page(lang, t("remote.other_site", lang)), 403)
    try:
        form = await read_form(request.stream(), request.headers.get("content-type"))
    except FormError as exc:
        return _html(pages.message_page(lang, t(exc.key, lang, **exc.details)), exc.status)
    lang = parse_lang(form.get("lang"))
    action = form.get("action", "")
    key = request.cookies.get(COOKIE_NAME, "")
    if not key:
        return _html(pages.message_page(lang, t("remote.no_key", lang), retry=True), 404)
    if action not in _ACTIONS:
        return _html(pages.message_page(lang, t("remote.bad_form", lang)), 400)
    try:
        await run_in_threadpool(_act, key, action)
    except WorkshopNotFoundError:
        return _unknown(lang)
    except workshop.WorkshopClosedError as exc:
        return _html(pages.message_page(lang, exc.message(lang)), 410)
    except workshop.WorkshopInputError as exc:
        # Nothing changed (a step before leading): the remote again, saying why.
        try:
            ws = await run_in_threadpool(_find, key)
        except (WorkshopError, store.DatabaseUnavailableError) as again:
            return _busy(again, lang)
        return await _show(ws, lang, problem=exc.message(lang), status=409)
    except (WorkshopError, store.DatabaseUnavailableError) as exc:
        return _busy(exc, lang)
    return RedirectResponse(pages.page_url(lang), status_code=303)


def routes() -> list[BaseRoute]:
    """The remote's two routes."""
    return [
        Route(PATH, _page, methods=["GET", "HEAD"]),
        Route(PATH, _press, methods=["POST"]),
    ]
