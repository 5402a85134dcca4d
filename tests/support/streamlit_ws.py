"""A small Streamlit websocket client for tests: talks to ``/_stcore/stream`` as the frontend does.

It sends ``BackMsg`` protobufs (a page run, widget values, a button click) and
reads the ``ForwardMsg`` replies until the run ends, collecting what a browser
would draw: texts (markdown, alerts, headings) and widgets (their ids, labels
and forms). Enough to replay what an attacker would send: a session id taken
from a log, or a form's back-message sent again after *Log ud*.
"""

from __future__ import annotations

import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from types import TracebackType
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.sync.client import ClientConnection, connect

#: Seconds to wait for one reply from the server (a loaded CI machine is slow).
RECV_TIMEOUT = 60


@dataclass(frozen=True)
class Widget:
    """A widget the run drew: its kind (``button``, ``text_input``, ...), id, label and form."""

    kind: str
    id: str
    label: str
    form_id: str


@dataclass
class Run:
    """What one script run drew."""

    texts: list[str] = field(default_factory=list)
    widgets: list[Widget] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)

    def widget(self, label: str, kind: str | None = None) -> Widget:
        """The widget labelled ``label`` (of ``kind``); fails the test if there is none."""
        found = [w for w in self.widgets if w.label == label and kind in (None, w.kind)]
        assert found, f"no widget {label!r}; the run drew {[w.label for w in self.widgets]}"
        return found[0]

    def has_widget(self, label: str) -> bool:
        return any(w.label == label for w in self.widgets)

    def text(self) -> str:
        return "\n".join(self.texts)


def browser_cookies(url: str) -> dict[str, str]:
    """The cookies the dashboard sets on a first page load, as a browser would keep them."""
    with urllib.request.urlopen(url, timeout=30) as reply:
        jar: SimpleCookie = SimpleCookie()
        for header in reply.headers.get_all("Set-Cookie") or []:
            jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


def _collect(msg: ForwardMsg, run: Run) -> None:
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind is None:
        return
    body: Any = getattr(element, kind)
    names = {f.name for f in body.DESCRIPTOR.fields}
    if "id" in names and "label" in names:
        form_id = body.form_id if "form_id" in names else ""
        run.widgets.append(Widget(kind, body.id, body.label, form_id))
    elif kind in ("markdown", "alert", "heading"):
        run.texts.append(body.body)
    elif kind == "exception":
        run.exceptions.append(f"{body.type}: {body.message}")


class StreamlitClient:
    """One browser tab's connection, optionally with cookies and a session id to resume.

    Parameters
    ----------
    url
        The dashboard's base URL (``http://127.0.0.1:PORT``).
    cookies
        Sent with the websocket handshake, as a browser sends its cookies.
    session_id
        A session to reconnect to, as the frontend asks after a dropped connection.
    """

    def __init__(
        self, url: str, *, cookies: dict[str, str] | None = None, session_id: str | None = None
    ) -> None:
        stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
        # The frontend sends the XSRF token and the session to resume as extra subprotocols.
        protocols = ["streamlit", "no-xsrf-token", session_id] if session_id else ["streamlit"]
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())}
        self._stack = ExitStack()
        self._ws: ClientConnection = self._stack.enter_context(
            connect(
                stream,
                subprotocols=protocols,  # type: ignore[arg-type]
                additional_headers=headers if cookies else None,
                open_timeout=30,
            )
        )
        self.session_id: str | None = None
        #: url path (``rediger``) → page script hash, from the navigation message.
        self.pages: dict[str, str] = {}
        self._page_hash = ""
        self._query = ""
        self._cache: dict[str, ForwardMsg] = {}

    def __enter__(self) -> StreamlitClient:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._stack.close()

    def open(self, page: str = "", query: str = "") -> Run:
        """Run ``page`` (its URL path, ``""`` for the main page) with ``query``, as a page load."""
        if page and page not in self.pages:
            # The page hashes arrive with the first run; a browser knows them from there too.
            self.run()
        self._page_hash = self.pages.get(page, "") if page else ""
        self._query = query
        return self.run()

    def run(self, widgets: list[WidgetState] | None = None) -> Run:
        """Rerun the current page with ``widgets``'s values and wait for the run to end."""
        msg = BackMsg()
        msg.rerun_script.query_string = self._query
        msg.rerun_script.page_script_hash = self._page_hash
        for state in widgets or []:
            msg.rerun_script.widget_states.widgets.append(state)
        return self.send(msg)

    def send(self, msg: BackMsg) -> Run:
        """Send a back-message as it is (a replay) and collect the run it starts."""
        self._ws.send(msg.SerializeToString())
        return self._read_run()

    def rerun_message(self, widgets: list[WidgetState]) -> BackMsg:
        """The back-message :meth:`run` would send, kept for a replay later."""
        msg = BackMsg()
        msg.rerun_script.query_string = self._query
        msg.rerun_script.page_script_hash = self._page_hash
        for state in widgets:
            msg.rerun_script.widget_states.widgets.append(state)
        return msg

    def _read_run(self) -> Run:
        run = Run()
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(self._ws.recv(timeout=RECV_TIMEOUT))
            if msg.WhichOneof("type") == "ref_hash":
                cached = self._cache.get(msg.ref_hash)
                if cached is None:
                    continue
                msg = cached
            elif msg.hash:
                self._cache[msg.hash] = msg
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.session_id = msg.new_session.initialize.session_id
            elif kind == "navigation":
                for app_page in msg.navigation.app_pages:
                    self.pages[app_page.url_pathname] = app_page.page_script_hash
                self._page_hash = self._page_hash or msg.navigation.page_script_hash
            elif kind == "page_not_found":
                run.texts.append("page not found")
            elif kind == "script_finished":
                # A rerun asked for by the script (st.rerun) finishes with a
                # different status and starts the next run: keep reading.
                if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    run = Run()
                    continue
                return run
            _collect(msg, run)


def text(widget: Widget, value: str) -> WidgetState:
    """A text input's value."""
    state = WidgetState()
    state.id = widget.id
    state.string_value = value
    return state


def click(widget: Widget) -> WidgetState:
    """A button's (or a form submit button's) click."""
    state = WidgetState()
    state.id = widget.id
    state.trigger_value = True
    return state
