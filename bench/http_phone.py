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
connections, which bounds how many requests are open at a time. The pool is
plain HTTP/1.1 over asyncio streams (:class:`ConnectionPool`), so that the load
generator on its one core costs less per request than the server on its own;
tests drive an app in their process through httpx's ASGI transport instead.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field
from html import unescape
from typing import Final, Protocol
from urllib.parse import urlencode, urljoin, urlsplit

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


@dataclass(frozen=True)
class Reply:
    """A response: its status, headers (names in lower case) and text."""

    status: int
    headers: tuple[tuple[str, str], ...]
    text: str

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k == name), None)

    def cookies(self) -> list[tuple[str, str, bool]]:
        """Each ``Set-Cookie``: its name, value, and whether it deletes the cookie."""
        found = []
        for name, value in self.headers:
            if name == "set-cookie":
                pair, _, attributes = value.partition(";")
                key, _, content = pair.strip().partition("=")
                gone = "max-age=0" in attributes.lower().replace(" ", "")
                found.append((key, content, gone))
        return found


class Sender(Protocol):
    """Sends one request and returns its response, or raises ``OSError`` / ``TimeoutError``."""

    async def send(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None
    ) -> Reply: ...

    async def aclose(self) -> None: ...


class ConnectionPool:
    """HTTP/1.1 over asyncio streams: at most ``connections`` open, kept alive between requests.

    A load generator must cost less than the server it loads, or it measures
    itself: a general client (cookies, redirects, URL models) spends more CPU
    per request than the phone page does. This one writes the request line
    and headers and reads a length-delimited or chunked body, nothing more.
    """

    def __init__(self, connections: int, timeout: float) -> None:
        self._slots = asyncio.Semaphore(connections)
        self._idle: dict[tuple[str, int], list[tuple[asyncio.StreamReader, asyncio.StreamWriter]]]
        self._idle = {}
        self._timeout = timeout

    async def send(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None
    ) -> Reply:
        parts = urlsplit(url)
        if parts.scheme != "http":
            raise ValueError(f"plain http only, not {parts.scheme!r}")
        where = (parts.hostname or "127.0.0.1", parts.port or 80)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        lines = [f"{method} {target} HTTP/1.1", f"Host: {parts.netloc}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if body is not None:
            lines.append(f"Content-Length: {len(body)}")
        request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")
        async with self._slots:
            idle = self._idle.setdefault(where, [])
            # A kept-alive connection the server closed meanwhile fails before any byte
            # of the reply comes back, so the server never read the request: then, and
            # only then, once more on a new connection (as browsers do). A reply cut off
            # after its first byte is a failure, never sent again.
            for reused in (True, False) if idle else (False,):
                if reused:
                    reader, writer = idle.pop()
                else:
                    reader, writer = await asyncio.wait_for(
                        asyncio.open_connection(*where), self._timeout
                    )
                try:
                    writer.write(request)
                    reply, keep = await asyncio.wait_for(_read_reply(reader), self._timeout)
                except _NothingBack:
                    writer.close()
                    if reused:
                        continue
                    raise ConnectionError("the server closed the connection") from None
                except BaseException:
                    writer.close()
                    raise
                if keep:
                    idle.append((reader, writer))
                else:
                    writer.close()
                return reply
        raise ConnectionError("no connection")  # pragma: no cover

    async def aclose(self) -> None:
        for idle in self._idle.values():
            for _, writer in idle:
                writer.close()
        self._idle.clear()


class _NothingBack(ConnectionError):
    """The connection ended before the first byte of a reply."""


async def _read_reply(reader: asyncio.StreamReader) -> tuple[Reply, bool]:
    try:
        first = await reader.readexactly(1)
    except (asyncio.IncompleteReadError, ConnectionResetError, BrokenPipeError) as exc:
        raise _NothingBack(str(exc)) from exc
    head = (first + await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
    status_line, *header_lines = head.split("\r\n")
    headers = tuple(
        (k.strip().lower(), v.strip())
        for k, _, v in (line.partition(":") for line in header_lines if line)
    )
    found = dict(headers)
    keep = found.get("connection", "").lower() != "close"
    if "chunked" in found.get("transfer-encoding", ""):
        chunks = []
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            chunks.append(await reader.readexactly(size))
            await reader.readexactly(2)
        # Trailers, if any, up to the blank line that ends the message.
        while (await reader.readuntil(b"\r\n")) != b"\r\n":
            pass
        content = b"".join(chunks)
    elif "content-length" in found:
        content = await reader.readexactly(int(found["content-length"]))
    else:
        # Neither: the body runs to the end of the connection, which then is not kept.
        content, keep = await reader.read(), False
    return Reply(int(status_line.split()[1]), headers, content.decode("utf-8")), keep


class AsgiSender:
    """The same requests to an app in this process (tests), through httpx's ASGI transport."""

    def __init__(self, transport: httpx2.AsyncBaseTransport, timeout: float) -> None:
        self._client = httpx2.AsyncClient(
            transport=transport, follow_redirects=False, timeout=timeout, trust_env=False
        )

    async def send(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None
    ) -> Reply:
        reply = await self._client.request(method, url, headers=headers, content=body)
        # The phone keeps its own cookies; the client must not add its own jar's.
        self._client.cookies.clear()
        pairs = tuple((k.lower(), v) for k, v in reply.headers.multi_items())
        return Reply(reply.status_code, pairs, reply.text)

    async def aclose(self) -> None:
        await self._client.aclose()


def connection_pool(connections: int, timeout: float = 600) -> ConnectionPool:
    """The connections all phones share: at most ``connections`` open at a time."""
    return ConnectionPool(connections, timeout)


class Phone:
    """One participant's phone on ``base`` (the server's URL), over the shared ``sender``.

    ``sender`` is a :class:`ConnectionPool`, or an httpx transport (an app in
    this process), which is wrapped in an :class:`AsgiSender`.
    """

    def __init__(
        self, base: str, sender: Sender | httpx2.AsyncBaseTransport, timeout: float
    ) -> None:
        self.base = base.rstrip("/")
        self.sender: Sender = (
            sender
            if isinstance(sender, ConnectionPool | AsgiSender)
            else AsgiSender(sender, timeout)  # type: ignore[arg-type]
        )
        # The phone's own cookie jar: one host, so every cookie goes with every request.
        self.cookies: dict[str, str] = {}
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.base))
        self.page = self.base + "/"

    async def _send(
        self, step: str, url: str, expect: int, headers: dict[str, str], data: dict[str, str] | None
    ) -> str:
        sent = {**HEADERS, **headers}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data).encode("ascii")
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            reply = await self.sender.send("GET" if data is None else "POST", url, sent, body)
        except (
            OSError,
            TimeoutError,
            ValueError,
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,
            httpx2.HTTPError,
        ) as exc:
            # UnicodeDecodeError is a ValueError: a reply the phone cannot read is a failed step.
            raise StepFailed(f"{step}:{type(exc).__name__}") from exc
        for name, value, gone in reply.cookies():
            if gone:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        if reply.status != expect:
            raise StepFailed(f"{step}:{reply.status}")
        if expect == 303:
            # A browser resolves the Location against the URL that answered.
            return urljoin(url, reply.header("location") or "")
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
        pool: Sender,
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
