"""AppTest: the editor's sign-in page, with editing off, a wrong password, and a right one."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from streamlit.testing.v1 import AppTest

from radar import store
from radar.auth import MAX_ATTEMPTS, PASSWORD_ENV_VAR
from radar.i18n import t
from radar.ui import auth

SIGN_IN = "pages/sign_in.py"
PASSWORD = "en-lang-nok-redaktoerkode"


def _texts(at: AppTest) -> str:
    return " ".join(
        str(e.value)
        for e in (*at.markdown, *at.info, *at.success, *at.error, *at.warning, *at.caption)
    )


@pytest.fixture
def editable_db(writable_db: Path) -> Path:
    # Editing opens the database for writing: never the session's shared read-only file.
    return writable_db


def _open(db: Path, monkeypatch: pytest.MonkeyPatch, password: str | None) -> AppTest:
    monkeypatch.setenv(store.DB_ENV_VAR, str(db))
    if password is None:
        monkeypatch.delenv(PASSWORD_ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(PASSWORD_ENV_VAR, password)
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.switch_page(SIGN_IN)
    return at.run()


def _sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    at.button[0].click()
    return at.run()


def test_with_nothing_configured_the_page_says_how_to_turn_editing_on(
    seeded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(seeded_db, monkeypatch, None)
    assert_clean(at)
    assert t("auth.off", "da") in _texts(at)
    assert "editor_password" in at.code[0].value
    assert not at.text_input, "no password field when there is no password"


def test_a_short_password_is_not_used_and_the_page_says_why(
    seeded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(seeded_db, monkeypatch, "kort")
    assert t("auth.password_too_short", "da") in _texts(at)
    assert not at.text_input


def test_a_wrong_password_is_refused_and_repeated_tries_lock_out_also_after_a_reload(
    editable_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(editable_db, monkeypatch, PASSWORD)
    assert_clean(at)
    at = _sign_in(at, "Mette", "forkert-forkert-forkert")
    assert [e.value for e in at.error] == [t("auth.wrong_password", "da")]
    for _ in range(MAX_ATTEMPTS - 1):
        at = _sign_in(at, "Mette", "forkert-forkert-forkert")
    assert t("auth.locked", "da", seconds=60) in _texts(at)
    # Locked: the form is gone, also after a reload (a new browser session).
    at.run()
    assert not at.text_input
    assert t("auth.signed_in", "da") not in _texts(at)
    reloaded = _open(editable_db, monkeypatch, PASSWORD)
    assert not reloaded.text_input
    assert t("auth.locked", "da", seconds=60) in _texts(reloaded)


def test_an_editor_signs_in_takes_a_backup_and_signs_out(
    editable_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(editable_db, monkeypatch, PASSWORD)
    at = _sign_in(at, "", PASSWORD)
    assert [e.value for e in at.error] == [t("auth.name_missing", "da")]
    at = _sign_in(at, "Mette Redaktør", PASSWORD)
    assert_clean(at)
    texts = _texts(at)
    assert t("auth.signed_in", "da") in texts
    assert t("auth.signed_in_as", "da", name="Mette Redaktør") in texts
    next(b for b in at.button if b.label == t("backup.make", "da")).click()
    at.run()
    assert_clean(at)
    assert at.get("download_button"), "the backup is offered for download"
    next(b for b in at.button if b.label == t("auth.sign_out", "da")).click()
    at.run()
    assert t("auth.signed_in", "da") not in _texts(at)
    assert at.text_input, "signed out: the sign-in form is back"


#: A client address for the log lines (AppTest has none of its own).
CLIENT = "192.0.2.7"


def _lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name.startswith("radar.")]


def test_sign_ins_failures_backups_and_sign_outs_are_logged_but_never_the_password(
    editable_db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="radar")
    monkeypatch.setattr(auth, "_client", lambda: CLIENT)
    at = _open(editable_db, monkeypatch, PASSWORD)
    at = _sign_in(at, "Mette Redaktør", "forkert-forkert-forkert")
    at = _sign_in(at, "Mette Redaktør", PASSWORD)
    next(b for b in at.button if b.label == t("backup.make", "da")).click()
    at.run()
    at.get("download_button")[0].click()
    at.run()
    assert_clean(at)
    next(b for b in at.button if b.label == t("auth.sign_out", "da")).click()
    at.run()
    assert _lines(caplog) == [
        f"sign-in failed for 'Mette Redaktør' from {CLIENT}",
        f"editor signed in: 'Mette Redaktør' from {CLIENT}",
        f"backup downloaded by 'Mette Redaktør' from {CLIENT}",
        f"editor signed out: 'Mette Redaktør' from {CLIENT}",
    ]
    assert "forkert" not in caplog.text
    assert PASSWORD not in caplog.text


def test_a_sign_in_through_the_identity_provider_is_logged_once_per_session(
    editable_db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="radar")
    monkeypatch.setattr(auth, "_client", lambda: CLIENT)
    monkeypatch.setenv(store.DB_ENV_VAR, str(editable_db))
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback"}
    at.secrets["radar"] = {"editors": ["anna@kommune.dk"]}
    at.user = {"is_logged_in": True, "email": "anna@kommune.dk", "name": "Anna Berg"}
    at.switch_page(SIGN_IN)
    at.run()
    at.run()
    assert t("auth.signed_in", "da") in _texts(at)
    assert _lines(caplog) == [f"editor signed in: 'Anna Berg' from {CLIENT}"]


def test_a_name_with_a_line_break_cannot_forge_a_log_line(
    editable_db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="radar")
    monkeypatch.setattr(auth, "_client", lambda: CLIENT)
    at = _open(editable_db, monkeypatch, PASSWORD)
    _sign_in(at, "x\nINFO radar.ui.auth: editor signed in: 'admin'", "forkert-forkert-forkert")
    assert _lines(caplog) == [
        f"sign-in failed for \"x\\nINFO radar.ui.auth: editor signed in: 'admin'\" from {CLIENT}"
    ]


def test_the_projects_log_lines_carry_their_time(
    seeded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(store.DB_ENV_VAR, str(seeded_db))
    monkeypatch.delenv(PASSWORD_ENV_VAR, raising=False)
    assert_clean(AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run())
    # What the dashboard's process prints for the project's own loggers, which
    # Streamlit's logging setup leaves alone.
    handlers = logging.getLogger("radar").handlers
    assert handlers, "the project's loggers print through a handler of their own"
    record = logging.LogRecord("radar.ui.auth", logging.INFO, __file__, 1, "signed in", None, None)
    line = handlers[0].format(record)
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO +radar.ui.auth: signed in$", line)
    assert logging.getLogger("radar.ui.auth").isEnabledFor(logging.INFO)
