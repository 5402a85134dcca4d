"""AppTest: the editor's sign-in page, with editing off, a wrong password, and a right one."""

from __future__ import annotations

from pathlib import Path

import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from streamlit.testing.v1 import AppTest

from radar import store
from radar.auth import MAX_ATTEMPTS, PASSWORD_ENV_VAR
from radar.i18n import t

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
