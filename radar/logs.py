"""The service's log lines: every one with its time, level and source, in one format.

Streamlit gives its format (``logger.messageFormat``) and level only to its
own loggers. The project's (``radar.*``) would otherwise reach Python's
last-resort handler, which prints warnings alone and no time; and the ASGI
server's (``uvicorn``, ``uvicorn.error``, ``uvicorn.access``) print
``INFO: ...`` without a time. :func:`configure` gives all of them the one
format, once per process, from whichever entry point starts first (the web
layer's start-up, the first page run, the command line).

Lines that carry a value from outside (a file name, a person's name) pass it
with ``%r``, so a crafted value cannot forge a line of its own.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from typing import TextIO

__all__ = ["LOG_FORMAT", "configure"]

#: The format of every line (the same as ``logger.messageFormat`` in .streamlit/config.toml).
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: The name of the handler that prints the project's log lines.
HANDLER_NAME = "radar-console"
#: The ASGI server's loggers, whose handlers uvicorn sets up without a time.
SERVER_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access")

#: Query parameters that carry a secret key: the phone remote's (``/styr?k=``), which
#: arrives once in the URL from its QR code, and a co-facilitator's invitation.
_SECRET_PARAMETERS = re.compile(r"([?&](?:k|join_as)=)[^&#\s]*")

_lock = threading.Lock()


class _KeysOutOfLine(logging.Filter):
    """Blanks the secret keys in a server's request line: an operator's log is no place for them.

    uvicorn's access line carries the path with its query as the third argument.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) > 2 and isinstance(args[2], str):
            record.args = (*args[:2], _SECRET_PARAMETERS.sub(r"\1…", args[2]), *args[3:])
        return True


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever ``sys.stderr`` is when a line is written.

    A handler that kept the stream it was made with would go on writing to a
    replaced (or closed) stream: a test's captured output, a redirected one.
    """

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        # StreamHandler assigns the stream in __init__ and setStream; it is always sys.stderr.
        pass


def _formatter(message_format: str) -> logging.Formatter:
    formatter = logging.Formatter(message_format)
    formatter.default_msec_format = "%s.%03d"
    return formatter


def configure(message_format: str = LOG_FORMAT, level: str = "info") -> None:
    """Print the project's lines, and the ASGI server's, with the time; idempotent.

    Parameters
    ----------
    message_format
        A :mod:`logging` format; Streamlit's ``logger.messageFormat`` in the app.
    level
        The project's level (``logger.level``): ``debug``, ``info``, ``warning``...
    """
    with _lock:
        project = logging.getLogger("radar")
        if not any(h.get_name() == HANDLER_NAME for h in project.handlers):
            handler = _StderrHandler()
            handler.set_name(HANDLER_NAME)
            handler.setFormatter(_formatter(message_format))
            project.addHandler(handler)
            project.setLevel(level.upper())
        timed_server_lines(message_format)


def timed_server_lines(
    message_format: str = LOG_FORMAT, names: tuple[str, ...] = SERVER_LOGGERS
) -> None:
    """Give the ASGI server's handlers the project's format, time included, and one each.

    uvicorn sets its handlers up when its configuration is made, which may be
    before or after Streamlit adds its own timed one to the same loggers; with
    both, every line would be printed twice. So Streamlit's is kept where it is
    there, and any other handler gets the format. The access logger's lines lose
    the secret keys of their URLs (the phone remote's, an invitation's).
    """
    for name in names:
        server_logger = logging.getLogger(name)
        if name.endswith(".access") and not any(
            isinstance(f, _KeysOutOfLine) for f in server_logger.filters
        ):
            server_logger.addFilter(_KeysOutOfLine())
        streamlit_handler = getattr(server_logger, "streamlit_console_handler", None)
        if streamlit_handler in server_logger.handlers:
            for handler in list(server_logger.handlers):
                if handler is not streamlit_handler:
                    server_logger.removeHandler(handler)
        for handler in server_logger.handlers:
            current = handler.formatter
            if current is None or "asctime" not in (current._fmt or ""):
                handler.setFormatter(_formatter(message_format))
