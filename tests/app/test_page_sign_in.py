"""AppTest: the editor's sign-in page, with editing off, a wrong password, and a right one."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from apptest_support import DASHBOARD, TIMEOUT, assert_clean
from signed_in import PASSWORD, PASSWORD_HASH, TEST_BROWSER, with_browser_cookie
from streamlit.testing.v1 import AppTest

from radar import shared_signins, signins, store, workshop
from radar.auth import PASSWORD_ENV_VAR, PASSWORD_HASH_ENV_VAR, Role, SignIn, User
from radar.i18n import t
from radar.signins import MAX_ATTEMPTS
from radar.ui import auth

SIGN_IN = "pages/sign_in.py"


def _texts(at: AppTest) -> str:
    return " ".join(
        str(e.value)
        for e in (*at.markdown, *at.info, *at.success, *at.error, *at.warning, *at.caption)
    )


@pytest.fixture(autouse=True, params=["memory", "database"])
def sign_in_store(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Every test twice: sign-ins in the process's memory, and in the shared database.

    The database is what several dashboard processes use (issue 15); the page
    must behave the same on it.
    """
    if request.param == "database":
        monkeypatch.setenv(shared_signins.SHARED_ENV_VAR, "1")
        monkeypatch.setenv(workshop.WORKSHOP_DB_ENV_VAR, str(tmp_path / "workshops.duckdb"))
    else:
        monkeypatch.delenv(shared_signins.SHARED_ENV_VAR, raising=False)
    return str(request.param)


@pytest.fixture
def editable_db(writable_db: Path) -> Path:
    # Editing opens the database for writing: never the session's shared read-only file.
    return writable_db


def _open(
    db: Path, monkeypatch: pytest.MonkeyPatch, password_hash: str | None, *, cookie: bool = True
) -> AppTest:
    """The sign-in page; with ``cookie``, from a browser that has the web layer's cookie."""
    monkeypatch.setenv(store.DB_ENV_VAR, str(db))
    monkeypatch.delenv(PASSWORD_ENV_VAR, raising=False)
    if password_hash is None:
        monkeypatch.delenv(PASSWORD_HASH_ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(PASSWORD_HASH_ENV_VAR, password_hash)
    if cookie:
        with_browser_cookie(monkeypatch)
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
    assert "password_hash" in at.code[0].value
    assert not at.text_input, "no password field when there is no password"


@pytest.mark.parametrize(
    "setting",
    [
        {"env": {PASSWORD_ENV_VAR: PASSWORD}},
        {"secrets": {"radar": {"editor_password": PASSWORD}}},
        {"secrets": {"radar": {"accounts": {"mette": {"role": "editor", "password": PASSWORD}}}}},
        {"env": {PASSWORD_HASH_ENV_VAR: PASSWORD}},
    ],
    ids=["plain-env", "plain-secrets", "plain-account", "not-a-hash"],
)
def test_a_password_in_plain_text_is_not_used_and_the_page_says_how_to_hash_it(
    seeded_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    setting: dict[str, dict[str, object]],
) -> None:
    caplog.set_level(logging.WARNING, logger="radar")
    monkeypatch.setattr(auth, "_LOGGED_PROBLEMS", set())
    at = _open(seeded_db, monkeypatch, None)
    for name, value in setting.get("env", {}).items():
        monkeypatch.setenv(name, str(value))
    for name, value in setting.get("secrets", {}).items():
        at.secrets[name] = value
    at.run()
    at.run()
    assert t("auth.plain_text_password", "da") in _texts(at)
    assert "python -m radar hash-password" in [c.value for c in at.code]
    assert not at.text_input, "a plain-text password opens nothing"
    # Logged once, however many runs see it, and without the password.
    problems = [r.getMessage() for r in caplog.records if "not used" in r.getMessage()]
    assert len(problems) == 1 and "hash-password" in problems[0]
    assert PASSWORD not in caplog.text


def test_a_wrong_password_is_refused_and_repeated_tries_lock_out_also_after_a_reload(
    editable_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A clock that stands still: the wait shown is the lockout's whole length.
    monkeypatch.setattr(signins, "LOCKOUT", signins.Lockout(clock=lambda: 1000.0))
    at = _open(editable_db, monkeypatch, PASSWORD_HASH)
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
    reloaded = _open(editable_db, monkeypatch, PASSWORD_HASH)
    assert not reloaded.text_input
    assert t("auth.locked", "da", seconds=60) in _texts(reloaded)


def test_an_editor_signs_in_is_offered_the_backup_route_and_signs_out(
    editable_db: Path, monkeypatch: pytest.MonkeyPatch, sign_in_store: str
) -> None:
    at = _open(editable_db, monkeypatch, PASSWORD_HASH)
    at = _sign_in(at, "", PASSWORD)
    assert [e.value for e in at.error] == [t("auth.name_missing", "da")]
    at = _sign_in(at, "Mette Redaktør", PASSWORD)
    assert_clean(at)
    texts = _texts(at)
    assert t("auth.signed_in", "da") in texts
    assert t("auth.signed_in_as", "da", name="Mette Redaktør") in texts
    # The sign-in is in the server-side store, for this browser.
    mette = User("Mette Redaktør", SignIn.PASSWORD)
    assert shared_signins.sign_ins().current(TEST_BROWSER) == mette
    # Shared: another dashboard process on the same database finds it too.
    assert (signins.SIGN_INS.current(TEST_BROWSER) is None) == (sign_in_store == "database")
    if sign_in_store == "database":
        other = shared_signins.SharedSignIns(workshop.connect_workshops)
        assert other.current(TEST_BROWSER) == mette
    # A link to the route that checks the sign-in, not a Streamlit download with a /media URL.
    links = at.get("link_button")
    assert [link.proto.url for link in links] == ["api/backup"]
    assert not at.get("download_button")
    next(b for b in at.button if b.label == t("auth.sign_out", "da")).click()
    at.run()
    assert t("auth.signed_in", "da") not in _texts(at)
    assert at.text_input, "signed out: the sign-in form is back"
    assert shared_signins.sign_ins().current(TEST_BROWSER) is None


def test_without_the_web_layers_cookie_a_password_sign_in_is_refused_and_says_how_to_start(
    editable_db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="radar")
    at = _open(editable_db, monkeypatch, PASSWORD_HASH, cookie=False)
    at = _sign_in(at, "Mette Redaktør", PASSWORD)
    assert [e.value for e in at.error] == [t("auth.no_browser_cookie", "da")]
    assert t("auth.signed_in", "da") not in _texts(at)
    assert "streamlit run serve.py" in caplog.text


def test_a_named_account_signs_in_with_its_own_password_and_role(
    editable_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(editable_db, monkeypatch, None)
    at.secrets["radar"] = {
        "accounts": {
            "mette": {"role": "editor", "password_hash": PASSWORD_HASH, "name": "Mette Hansen"},
            "frede": {"role": "facilitator", "password_hash": PASSWORD_HASH},
        }
    }
    at.run()
    assert [ti.label for ti in at.text_input] == [t("auth.account", "da"), t("auth.password", "da")]
    # The shared password's way in is not open: a typed name that is no account gets nothing.
    at = _sign_in(at, "Anna", PASSWORD)
    assert [e.value for e in at.error] == [t("auth.wrong_password", "da")]
    at = _sign_in(at, "Frede", PASSWORD)
    assert t("auth.signed_in_facilitator", "da") in _texts(at)
    assert shared_signins.sign_ins().current(TEST_BROWSER) == User(
        "frede", SignIn.ACCOUNT, Role.FACILITATOR, account="frede"
    )
    assert not at.get("link_button"), "the backup is for editors only"
    next(b for b in at.button if b.label == t("auth.sign_out", "da")).click()
    at.run()
    at = _sign_in(at, "mette", PASSWORD)
    assert t("auth.signed_in", "da") in _texts(at)
    user = shared_signins.sign_ins().current(TEST_BROWSER)
    assert user == User("Mette Hansen", SignIn.ACCOUNT, Role.EDITOR, account="mette")
    assert user.audit_name == "Mette Hansen", "an account's name is proven: not marked as typed"


def test_five_wrong_passwords_from_one_client_do_not_lock_out_another(
    editable_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(signins, "LOCKOUT", signins.Lockout(clock=lambda: 1000.0))
    monkeypatch.setattr(auth, "_client", lambda: "203.0.113.9")
    stranger = _open(editable_db, monkeypatch, PASSWORD_HASH)
    for _ in range(MAX_ATTEMPTS):
        stranger = _sign_in(stranger, "Mette Redaktør", "forkert-forkert-forkert")
    assert t("auth.locked", "da", seconds=60) in _texts(stranger)

    monkeypatch.setattr(auth, "_client", lambda: "192.0.2.44")
    editor = _open(editable_db, monkeypatch, PASSWORD_HASH)
    assert editor.text_input, "the other client gets the form"
    editor = _sign_in(editor, "Mette Redaktør", PASSWORD)
    assert t("auth.signed_in", "da") in _texts(editor)


#: A client address for the log lines (AppTest has none of its own).
CLIENT = "192.0.2.7"


def _lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name.startswith("radar.")]


def test_sign_ins_failures_backups_and_sign_outs_are_logged_but_never_the_password(
    editable_db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="radar")
    monkeypatch.setattr(auth, "_client", lambda: CLIENT)
    at = _open(editable_db, monkeypatch, PASSWORD_HASH)
    at = _sign_in(at, "Mette Redaktør", "forkert-forkert-forkert")
    at = _sign_in(at, "Mette Redaktør", PASSWORD)
    assert_clean(at)
    next(b for b in at.button if b.label == t("auth.sign_out", "da")).click()
    at.run()
    # Backup downloads are logged by their route (tests/features/test_web_sign_in.py).
    assert _lines(caplog) == [
        f"sign-in failed for 'Mette Redaktør' from {CLIENT}",
        f"editor signed in: 'Mette Redaktør' from {CLIENT}",
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
    at = _open(editable_db, monkeypatch, PASSWORD_HASH)
    _sign_in(at, "x\nINFO radar.ui.auth: editor signed in: 'admin'", "forkert-forkert-forkert")
    assert _lines(caplog) == [
        f"sign-in failed for \"x\\nINFO radar.ui.auth: editor signed in: 'admin'\" from {CLIENT}"
    ]


def test_the_projects_log_lines_carry_their_time(
    seeded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(store.DB_ENV_VAR, str(seeded_db))
    monkeypatch.delenv(PASSWORD_HASH_ENV_VAR, raising=False)
    assert_clean(AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run())
    # What the dashboard's process prints for the project's own loggers, which
    # Streamlit's logging setup leaves alone.
    handlers = logging.getLogger("radar").handlers
    assert handlers, "the project's loggers print through a handler of their own"
    record = logging.LogRecord("radar.ui.auth", logging.INFO, __file__, 1, "signed in", None, None)
    line = handlers[0].format(record)
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO +radar.ui.auth: signed in$", line)
    assert logging.getLogger("radar.ui.auth").isEnabledFor(logging.INFO)
