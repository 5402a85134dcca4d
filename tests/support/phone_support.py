"""What the tests of the app's own light pages (/deltag, /styr) share: a phone, and a page's words.

A phone is Starlette's test client on the project's own routes and its whole
middleware, as the dashboard serves them, with cookies of its own and without
following redirects, so a test sees each 303.
"""

from __future__ import annotations

import contextlib
import html as htmllib
import re
from collections.abc import Iterator

from starlette.applications import Starlette
from starlette.testclient import TestClient

from radar import web
from radar.web.settings import WebSettings

__all__ = ["BASE_URL", "HOST", "page_text", "phone_app", "phone_client"]

HOST = "radar.test"
BASE_URL = f"http://{HOST}"


def phone_app(*hosts: str) -> Starlette:
    """The app's own routes and whole middleware, answering to ``hosts`` (default :data:`HOST`)."""
    settings = WebSettings(allowed_hosts=hosts or (HOST,))
    return Starlette(routes=web.routes(settings), middleware=web.middleware(settings))


@contextlib.contextmanager
def phone_client(
    *hosts: str, client: tuple[str, int] = ("testclient", 50000)
) -> Iterator[TestClient]:
    """A phone's browser on the app's own routes; ``hosts`` allowed besides :data:`HOST`."""
    with TestClient(
        phone_app(HOST, *hosts), base_url=BASE_URL, follow_redirects=False, client=client
    ) as phone:
        yield phone


def page_text(html: str) -> str:
    """The page's words, without its tags, as a screen reader would read them."""
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", html)))
