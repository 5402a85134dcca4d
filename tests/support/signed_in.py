"""Sign a test's AppTest sessions in with a role, without going through a form.

Tests of what a role may do use this; tests of the sign-in itself fill the
form (tests/app/test_page_sign_in.py) or drive a browser.
"""

from __future__ import annotations

import pytest

from radar.auth import Role, SignIn, User


def sign_in_as(monkeypatch: pytest.MonkeyPatch, role: Role, name: str = "Test Person") -> User:
    """Every AppTest run in this test sees ``name`` signed in with ``role``."""
    from radar.ui import auth

    user = User(name=name, via=SignIn.PASSWORD, role=role)
    monkeypatch.setattr(auth, "current_user", lambda: user)
    return user
