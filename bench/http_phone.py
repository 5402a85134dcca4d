"""A participant's phone without a browser: the phone page's own forms, sent over HTTP.

The phone page is plain HTML forms (:mod:`radar.web.participant`), so a phone
is a cookie jar and a form reader. :class:`Phone` sends what a browser sends:
it opens the join link, posts the join form it was given, follows the 303 to
the first question, and posts each question's form as the page filled it in
(the hidden fields, the checked "no phase" choice, the four empty comments)
with one ring chosen, following each 303 to the next page. Its posts carry
``Origin`` and ``Sec-Fetch-Site: same-origin``, as a browser's form posts do,
which the page's check against forged forms needs.

Each phone has its own cookies (the page's browser id and the participant's
token), as each person's phone does; the phones share one pool of
connections, which bounds how many requests are open at a time.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from html import unescape
from typing import Final
from urllib.parse import urljoin, urlsplit

import httpx2

#: What every request of a phone's browser says about it.
HEADERS: Final = {
    "User-Agent": "Mozilla/5.0 (Linux; Android 14) radar-bench-phone",
    "Accept": "text/html,application/xhtml+xml",
    "Accept-Language": "da",
}
#: The confirmation the page after a saved answer shows.
SAVED_MARK: Final = 'class="saved" role="status"'


class StepFailed(Exception):
    """A step a phone could not complete; ``key`` names the step and the status (``answer:503``)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True)
class Form:
    """A page's form as the browser would send it, and the choices it offers."""

    action: str
    fields: tuple[tuple[str, str], ...]
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def filled(self, **chosen: str) -> dict[str, str]:
        """The fields to post, with ``chosen`` radio values set."""
        return {**dict(self.fields), **chosen}


_FORM: Final = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S)
_INPUT: Final = re.compile(r"<input\b([^>]*)>")
_TEXTAREA: Final = re.compile(r"<textarea\b([^>]*)>(.*?)</textarea>", re.S)
_ATTRIBUTE: Final = re.compile(r'([\w-]+)(?:="([^"]*)")?')


def _attributes(text: str) -> dict[str, str]:
    return {name.lower(): unescape(value) for name, value in _ATTRIBUTE.findall(text)}


def read_form(html: str) -> Form | None:
    """The page's post form (``None`` on a page without one, such as the thanks).

    Read with patterns fitted to the page's own templates (double-quoted
    attributes), not a general HTML parser: the load generator must stay cheap.
    """
    form = next(
        (m for m in _FORM.finditer(html) if _attributes(m[1]).get("method") == "post"), None
    )
    if form is None:
        return None
    fields: list[tuple[str, str]] = []
    choices: dict[str, tuple[str, ...]] = {}
    for found in _INPUT.finditer(form[2]):
        a = _attributes(found[1])
        if "name" not in a:
            continue
        if a.get("type") == "radio":
            choices[a["name"]] = (*choices.get(a["name"], ()), a.get("value", "on"))
            if "checked" not in a:
                continue
        fields.append((a["name"], a.get("value", "")))
    for found in _TEXTAREA.finditer(form[2]):
        # A browser sends a textarea's text without the one newline after its tag.
        fields.append((_attributes(found[1])["name"], unescape(found[2]).removeprefix("\n")))
    return Form(_attributes(form[1]).get("action", ""), tuple(fields), choices)


def connection_pool(connections: int) -> httpx2.AsyncHTTPTransport:
    """The connections all phones share: at most ``connections`` open at a time."""
    limits = httpx2.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx2.AsyncHTTPTransport(limits=limits, retries=0)


class Phone:
    """One participant's phone on ``base`` (the server's URL), over the shared ``pool``."""

    def __init__(self, base: str, pool: httpx2.AsyncBaseTransport, timeout: float) -> None:
        self.base = base.rstrip("/")
        # The phone's own cookie jar; the pool is shared, so closing it is the caller's.
        self.client = httpx2.AsyncClient(
            transport=pool,
            headers=HEADERS,
            follow_redirects=False,
            timeout=httpx2.Timeout(timeout, pool=None),
            trust_env=False,
        )
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.base))
        self.page = self.base + "/"

    async def _send(
        self, step: str, url: str, expect: int, headers: dict[str, str], data: dict[str, str] | None
    ) -> str:
        try:
            if data is None:
                reply = await self.client.get(url, headers=headers)
            else:
                reply = await self.client.post(url, data=data, headers=headers)
        except httpx2.HTTPError as exc:
            raise StepFailed(f"{step}:{type(exc).__name__}") from exc
        if reply.status_code != expect:
            raise StepFailed(f"{step}:{reply.status_code}")
        if expect == 303:
            # A browser resolves the Location against the URL that answered.
            return urljoin(url, reply.headers["location"])
        self.page = url
        return reply.text

    async def get(self, step: str, url: str, *, followed: bool = True) -> str:
        """The page at ``url`` (200); ``followed``: reached from this site, not typed or scanned."""
        headers = {"Sec-Fetch-Site": "same-origin" if followed else "none"}
        return await self._send(step, url, 200, headers, None)

    async def submit(self, step: str, form: Form, data: dict[str, str]) -> str:
        """Post ``data`` as ``form`` does, follow the 303; the page it leads to."""
        headers = {"Origin": self.origin, "Sec-Fetch-Site": "same-origin", "Referer": self.page}
        location = await self._send(step, urljoin(self.page, form.action), 303, headers, data)
        return await self.get(step + "-next", location)

    async def join(self, code: str) -> Form:
        """Open the join link, join; the first question's form."""
        page = await self.get("join-page", f"{self.base}/deltag?code={code}", followed=False)
        form = read_form(page)
        if form is None:
            raise StepFailed("join-page:no-form")
        question = read_form(await self.submit("join", form, form.filled()))
        if question is None or "ring" not in question.choices:
            raise StepFailed("join:no-question")
        return question

    async def answer(self, form: Form, choice: int) -> Form | None:
        """Answer the question with its ring number ``choice``; the next form, or ``None``."""
        rings = form.choices["ring"]
        page = await self.submit("answer", form, form.filled(ring=rings[choice % len(rings)]))
        if SAVED_MARK not in page:
            raise StepFailed("answer:not-confirmed")
        return read_form(page)

    async def health(self) -> None:
        """One request to the server's cheapest route, Streamlit's health check."""
        await self.get("health", f"{self.base}/_stcore/health", followed=False)


#: A phone and the form it shows (none on the thanks page, or for a baseline client).
State = tuple[Phone, Form | None]


class HttpPhones:
    """The load benchmark's phones, by participant number; ``code=None``: the baseline's clients.

    Phone ``n`` talks to ``bases[n % len(bases)]``. The baseline's clients
    arrive with one health request and "answer" with two, as many requests as
    an answer takes.
    """

    def __init__(
        self,
        bases: list[str],
        pool: httpx2.AsyncBaseTransport,
        timeout: float,
        code: str | None,
    ) -> None:
        self.bases, self.pool, self.timeout, self.code = bases, pool, timeout, code

    async def arrive(self, number: int) -> State:
        phone = Phone(self.bases[number % len(self.bases)], self.pool, self.timeout)
        if self.code is None:
            await phone.health()
            return phone, None
        return phone, await phone.join(self.code)

    async def answer(self, number: int, question: int, state: State) -> tuple[State, float]:
        """Answer the next question; the new state, and when the answer was sent."""
        phone, form = state
        sent = time.perf_counter()
        if self.code is None:
            await phone.health()
            await phone.health()
            return state, sent
        if form is None:
            raise StepFailed("answer:no-question")
        return (phone, await phone.answer(form, number + question)), sent
