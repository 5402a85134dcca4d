"""Attacks 4 and 5 over a real websocket, against ``streamlit run serve.py``.

4. A Streamlit session id is no secret (upload URLs, proxy logs, the server's
   reconnect warning). A second client that presents an editor's session id,
   without the editor's browser cookie, must get a viewer's rights only.
5. After *Log ud*, sending the edit form's back-message again in the same
   session must save nothing, and nothing may be logged under the editor.

The clients are :mod:`streamlit_ws` connections speaking the frontend's
protocol; the editor's one carries the cookie the dashboard set on its first
page load, as a browser's does. What was saved is read from the database
file once the server has stopped (while it runs, it holds the file).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from browser_support import DASHBOARD
from signed_in import PASSWORD, PASSWORD_HASH
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit_server import streamlit_server
from streamlit_ws import Run, StreamlitClient, browser_cookies, click, text

from radar import store
from radar.auth import PASSWORD_HASH_ENV_VAR
from radar.i18n import t

pytestmark = pytest.mark.browser

TECH = "aula"
EDITOR = "Mette Hansen"
FORGED = "Skrevet af en, der ikke er logget ind"
FORM = f"texts-{TECH}"


def _signed_in_editor(url: str) -> tuple[StreamlitClient, dict[str, str], Run]:
    """An editor's tab: the browser's cookie, signed in on the edit page, the form drawn."""
    cookies = browser_cookies(url)
    editor = StreamlitClient(url, cookies=cookies)
    run = editor.open("rediger", f"tech={TECH}")
    run = editor.run(
        [
            text(run.widget(t("auth.name")), EDITOR),
            text(run.widget(t("auth.password")), PASSWORD),
            click(run.widget(t("auth.sign_in"))),
        ]
    )
    assert t("auth.signed_in_as", name=EDITOR) in run.text(), run.texts
    return editor, cookies, run


def _save_form(client: StreamlitClient, run: Run) -> BackMsg:
    """The back-message that saves a new one-line summary of the technology, with a reason."""
    fields = [w for w in run.widgets if w.form_id == FORM]
    assert fields, "the editor's run drew the texts form"
    summary = run.widget(t("editing.field.summary_da"), "text_input")
    reason = next(w for w in fields if w.label == t("editing.reason"))
    save = next(w for w in fields if w.label == t("editing.save"))
    return client.rerun_message([text(summary, FORGED), text(reason, "replay"), click(save)])


def _saved(db: Path) -> tuple[str, list[tuple[str, str]]]:
    """The technology's summary and the change log's (editor, new value) rows for it."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        summary = con.execute("SELECT summary_da FROM technologies WHERE id = ?", [TECH]).fetchone()
        log = con.execute("SELECT editor, new_value FROM audit_log WHERE new_value = ?", [FORGED])
        return str(summary[0]), [(str(e), str(v)) for e, v in log.fetchall()]
    finally:
        con.close()


@pytest.fixture
def db(copy_seeded_db: Callable[[], Path]) -> Path:
    return copy_seeded_db()


def _server(db: Path):  # type: ignore[no-untyped-def]
    return streamlit_server(
        DASHBOARD, env={store.DB_ENV_VAR: str(db), PASSWORD_HASH_ENV_VAR: PASSWORD_HASH}
    )


def test_a_stranger_presenting_an_editors_session_id_gets_no_edit_rights(db: Path) -> None:
    with _server(db) as url:
        editor, _, run = _signed_in_editor(url)
        replay = _save_form(editor, run)
        session_id = editor.session_id
        assert session_id
        editor.close()

        # Another browser: no cookie of the editor's, only the session id.
        with StreamlitClient(url, session_id=session_id) as stranger:
            seen = stranger.open("rediger", f"tech={TECH}")
            assert stranger.session_id == session_id, "the session was resumed"
            assert t("auth.editors_only") in seen.text()
            assert not [w for w in seen.widgets if w.form_id == FORM]
            # The editor's form, sent by the stranger into the resumed session.
            after = stranger.send(replay)
            assert t("editing.saved") not in after.text()
            assert t("auth.editors_only") in after.text()
    summary, log = _saved(db)
    assert summary != FORGED
    assert log == []


def test_after_signing_out_a_replayed_edit_form_saves_nothing(db: Path) -> None:
    with _server(db) as url:
        editor, _, run = _signed_in_editor(url)
        replay = _save_form(editor, run)
        signed_out = editor.run([click(run.widget(t("auth.sign_out"), "button"))])
        assert t("auth.editors_only") in signed_out.text()
        after = editor.send(replay)
        assert t("editing.saved") not in after.text()
        editor.close()
    summary, log = _saved(db)
    assert summary != FORGED
    assert log == [], "nothing logged under the signed-out editor"


def test_the_same_browser_keeps_its_sign_in_after_a_reconnect(db: Path) -> None:
    """The other side of attack 4: the editor's own reconnect (same cookie) stays signed in."""
    with _server(db) as url:
        editor, cookies, _ = _signed_in_editor(url)
        session_id = editor.session_id
        editor.close()
        with StreamlitClient(url, cookies=cookies, session_id=session_id) as again:
            seen = again.open("rediger", f"tech={TECH}")
            assert t("auth.signed_in_as", name=EDITOR) in seen.text()
            assert [w for w in seen.widgets if w.form_id == FORM]
