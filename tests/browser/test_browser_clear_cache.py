"""Any client may ask Streamlit to clear the caches: the radar must stay up when one does.

Streamlit accepts a ``clear_cache`` back-message from any browser connected to
``/_stcore/stream``, signed in or not, and clears every session's caches. With
editing on, the dashboard holds the database file open for writing, and an
editor's open page keeps that connection alive in its buttons' callbacks; if
clearing the cache made the dashboard open the file again, DuckDB would
refuse (the process has it open already) and every visitor would get an error
instead of the radar until the editor's session ended.

The attacker here is a small websocket client that talks to the server as the
browser's frontend does: it connects with the ``streamlit`` subprotocol, asks
for a run of the main page (``rerun_script``), waits for the run to end and
then sends ``clear_cache``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser_support import PLOT, READY, require_chromium, running_dashboard
from signed_in import PASSWORD, PASSWORD_HASH
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

from radar import store
from radar.auth import PASSWORD_HASH_ENV_VAR
from radar.i18n import t

pytestmark = pytest.mark.browser

TECH = "aula"

require_chromium()

from playwright.sync_api import Browser, Page  # noqa: E402


@pytest.fixture(scope="module")
def server(copy_seeded_db: Callable[[], Path], browser: Browser) -> Iterator[str]:
    """The dashboard on its own copy of the database, with editing on (opened for writing)."""
    env = {store.DB_ENV_VAR: str(copy_seeded_db()), PASSWORD_HASH_ENV_VAR: PASSWORD_HASH}
    with running_dashboard(browser, env) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def send_clear_cache(url: str) -> None:
    """Connect as a browser's frontend does, run the main page once, then clear the caches."""
    stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
    with connect(stream, subprotocols=["streamlit"], open_timeout=30) as ws:  # type: ignore[list-item]
        rerun = BackMsg()
        rerun.rerun_script.query_string = ""
        rerun.rerun_script.page_script_hash = ""
        ws.send(rerun.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(ws.recv(timeout=60))
            if reply.WhichOneof("type") == "script_finished":
                break
        clear = BackMsg()
        clear.clear_cache = True
        ws.send(clear.SerializeToString())
        # A heartbeat is answered only after the messages before it were handled,
        # so once its answer is here the caches are cleared.
        beat = BackMsg()
        beat.app_heartbeat = True
        ws.send(beat.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(ws.recv(timeout=60))
            if reply.WhichOneof("type") == "heartbeat_ack":
                break


def sign_in_on_the_edit_page(page: Page, server: str) -> None:
    page.goto(f"{server}/rediger?tech={TECH}")
    page.wait_for_selector(READY, timeout=30_000)
    page.get_by_text(t("auth.editors_only")).wait_for(state="visible", timeout=15_000)
    page.get_by_role("textbox", name=t("auth.name")).fill("Mette Hansen")
    page.get_by_role("textbox", name=t("auth.password")).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.sign_in")).click()
    page.locator(f".st-key-texts-{TECH}-reason input").wait_for(timeout=30_000)


def test_clearing_the_cache_while_an_editor_works_leaves_the_radar_up(
    browser: Browser, page: Page, server: str
) -> None:
    sign_in_on_the_edit_page(page, server)

    # Twice: the message can be sent again at will.
    send_clear_cache(server)
    send_clear_cache(server)

    viewer = browser.new_page()
    try:
        viewer.goto(server)
        viewer.wait_for_selector(READY, timeout=60_000)
        viewer.locator(PLOT).first.wait_for(timeout=30_000)
        body = viewer.inner_text("body")
        assert t("error.database") not in body
        assert "kan ikke åbnes" not in body
        assert "Exception" not in body
    finally:
        viewer.close()

    # The editor's page still works on the same connection: the form is drawn again.
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    assert "Exception" not in page.inner_text("body")
