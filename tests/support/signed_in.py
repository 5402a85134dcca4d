"""Sign a test's AppTest sessions in with a role through the real sign-in store.

AppTest cannot send cookies, so the one function that reads the browser's
cookie (``radar.ui.auth._browser_id``) is replaced to name a fixed browser;
the person is put in the server-side store (:data:`radar.signins.SIGN_INS`)
for that browser, as the sign-in form does. Every check the pages make then
runs as in production: a sign-out or an expiry in the store counts at once.

Tests of the sign-in itself fill the form (tests/app/test_page_sign_in.py)
after :func:`with_browser_cookie`, or drive a browser.
"""

from __future__ import annotations

from typing import Final

import pytest

from radar import signins
from radar.auth import PASSWORD_HASH_ENV_VAR, Role, SignIn, User, hash_password

#: The browser id every AppTest run of a test sees (the cookie's content).
TEST_BROWSER: Final = "test-browser-id"
#: A shared editor password for tests, and its hash as the configuration holds it.
PASSWORD: Final = "korrekt-hest-batteri-klip"
PASSWORD_HASH: Final = hash_password(PASSWORD)


def with_browser_cookie(monkeypatch: pytest.MonkeyPatch, browser_id: str = TEST_BROWSER) -> str:
    """Every AppTest run in this test comes from a browser with the web layer's cookie."""
    from radar.ui import auth

    monkeypatch.setattr(auth, "_browser_id", lambda: browser_id)
    return browser_id


def editing_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn password sign-in (and so editing) on, with :data:`PASSWORD` as the shared password."""
    monkeypatch.setenv(PASSWORD_HASH_ENV_VAR, PASSWORD_HASH)


def sign_in_as(monkeypatch: pytest.MonkeyPatch, role: Role, name: str = "Test Person") -> User:
    """Every AppTest run in this test sees ``name`` signed in with ``role``."""
    user = User(name=name, via=SignIn.PASSWORD, role=role)
    signins.SIGN_INS.sign_in(with_browser_cookie(monkeypatch), user)
    return user
