"""Signing editors in and out, and keeping everyone else out of the edit pages."""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import Any, Final

import streamlit as st

from radar import store
from radar.auth import (
    LOCKOUT_SECONDS,
    MAX_ATTEMPTS,
    Editor,
    EditorConfig,
    Role,
    SignIn,
    User,
    editor_config,
)
from radar.i18n import t
from radar.model import Lang
from radar.ui.components.text import plain

#: Session-state key holding a password editor's name while signed in.
_EDITOR_KEY: Final = "_editor"
#: Session-state key holding the identity-provider editor this session has logged.
_OIDC_LOGGED_KEY: Final = "_oidc_editor_logged"

logger = logging.getLogger(__name__)


class _Attempts:
    """Failed password attempts per client address, shared by every session of the process.

    Per process, not per browser session: a reload starts a new session, and
    must not start a new count. Behind a reverse proxy every client may have
    the proxy's address; then the lock is simply shared, the safe side.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failures: dict[str, int] = {}
        self._locked_until: dict[str, float] = {}

    def locked(self, client: str) -> bool:
        with self._lock:
            return time.monotonic() < self._locked_until.get(client, 0.0)

    def failed(self, client: str) -> bool:
        """Count a failure; whether the client is now locked out."""
        with self._lock:
            failures = self._failures.get(client, 0) + 1
            if failures >= MAX_ATTEMPTS:
                self._locked_until[client] = time.monotonic() + LOCKOUT_SECONDS
                failures = 0
            self._failures[client] = failures
            return failures == 0

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)

    def clear(self) -> None:
        with self._lock:
            self._failures.clear()
            self._locked_until.clear()


ATTEMPTS = _Attempts()


def log_backup_downloaded(editor: Editor) -> None:
    """Note in the log that ``editor`` took the whole database home."""
    logger.info("backup downloaded by %r from %s", editor.name, _client())


def _client() -> str:
    try:
        address = st.context.ip_address
    except Exception:  # not every Streamlit runtime (AppTest) knows the client
        address = None
    return address if isinstance(address, str) and address else "unknown"


def _secrets() -> dict[str, Any]:
    # st.secrets raises when no secrets file exists; that simply means "nothing configured".
    try:
        return {key: st.secrets[key] for key in st.secrets}
    # FileNotFoundError, or Streamlit's own error type, depending on the version.
    except Exception:
        return {}


def config() -> EditorConfig:
    """This app's sign-in configuration (secrets first, then the environment)."""
    return editor_config(_secrets(), os.environ)


def editing_enabled() -> bool:
    """Whether the app offers editing at all; decides if the database is opened for writing.

    Here, not in a page's module, so the cache (which opens the database) and
    the navigation can both ask without importing each other.
    """
    return config().enabled


def database_read_only() -> bool:
    """Whether editing is configured but the database file may only be read (permissions, mount).

    Asks the store's registry for the process's writable connection, which the
    cache then shares (or has opened already): a read-only file is then
    opened for reading only, so viewers keep reading. A file that cannot be
    opened at all is not this question: every page says so.
    """
    if not editing_enabled():
        return False
    try:
        store.shared_connection(store.resolve_db_path(), read_only=False)
    except store.DatabaseReadOnlyError:
        return True
    except store.DatabaseUnavailableError:
        return False
    return False


def current_editor() -> Editor | None:
    """The signed-in editor of this browser session, or ``None`` for a viewer."""
    cfg = config()
    if cfg.method is SignIn.OIDC:
        user = st.user
        if not user.is_logged_in:
            return None
        email = user.get("email")
        # The identity provider's claims are untyped; an e-mail is a string or absent.
        if not cfg.may_edit(email if isinstance(email, str) else None):
            return None
        editor = Editor(name=str(user.get("name") or email), via=SignIn.OIDC)
        # The identity provider signs editors in, out of the app's sight: the
        # first run of a browser session that sees the editor logs it, once.
        if st.session_state.get(_OIDC_LOGGED_KEY) != editor.name:
            st.session_state[_OIDC_LOGGED_KEY] = editor.name
            logger.info("editor signed in: %r from %s", editor.name, _client())
        return editor
    if cfg.method is SignIn.PASSWORD:
        name = st.session_state.get(_EDITOR_KEY)
        return Editor(name=name, via=SignIn.PASSWORD) if name else None
    return None


def _password_form(cfg: EditorConfig, lang: Lang) -> None:
    client = _client()
    if ATTEMPTS.locked(client):
        st.error(t("auth.locked", lang, seconds=LOCKOUT_SECONDS))
        return
    with st.form("editor_sign_in"):
        name = st.text_input(t("auth.name", lang), max_chars=80, help=t("auth.name_help", lang))
        password = st.text_input(t("auth.password", lang), type="password")
        submitted = st.form_submit_button(t("auth.sign_in", lang), type="primary")
    if not submitted:
        return
    if not name.strip():
        st.error(t("auth.name_missing", lang))
        return
    if cfg.check_password(password):
        ATTEMPTS.succeeded(client)
        st.session_state[_EDITOR_KEY] = name.strip()
        # The name as repr: a line break typed into it cannot forge a log line.
        logger.info("editor signed in: %r from %s", name.strip(), client)
        st.rerun()
    # Never the password itself: only who tried, and from where.
    logger.warning("sign-in failed for %r from %s", name.strip(), client)
    if ATTEMPTS.failed(client):
        st.error(t("auth.locked", lang, seconds=LOCKOUT_SECONDS))
    else:
        st.error(t("auth.wrong_password", lang))


def sign_in(lang: Lang) -> None:
    """The sign-in form, or how to turn editing on when it is off."""
    cfg = config()
    if cfg.method is SignIn.OFF:
        st.info(t("auth.off", lang), icon=":material/lock:")
        st.code(t("auth.off_how", lang), language="toml")
        if cfg.problem:
            st.warning(t("auth.password_too_short", lang))
        return
    if database_read_only():
        st.warning(t("auth.read_only_database", lang), icon=":material/lock:")
        return
    if cfg.method is SignIn.OIDC:
        if st.user.is_logged_in:
            # Signed in with the identity provider, but not on the editors' list.
            st.warning(t("auth.not_an_editor", lang))
            if st.button(t("auth.sign_out", lang)):
                st.logout()
            return
        if st.button(t("auth.sign_in_oidc", lang), type="primary", icon=":material/login:"):
            st.login()
        return
    _password_form(cfg, lang)


def sign_out_button(lang: Lang) -> None:
    """A button that ends the editor's session."""
    editor = current_editor()
    if editor is None:
        return
    st.caption(t("auth.signed_in_as", lang, name=plain(editor.name)))
    if st.button(t("auth.sign_out", lang), icon=":material/logout:", key="editor_sign_out"):
        logger.info("editor signed out: %r from %s", editor.name, _client())
        if editor.via is SignIn.OIDC:
            st.logout()
        st.session_state.pop(_EDITOR_KEY, None)
        st.rerun()


def require_editor(lang: Lang) -> Editor:
    """The signed-in editor; anyone else gets the refusal and sign-in form, and the page stops.

    Call it first on every edit page: it refuses viewers even when they open
    the page's address directly.
    """
    editor = current_editor()
    if editor is not None and not database_read_only():
        return editor
    if editor is not None:
        st.warning(t("auth.read_only_database", lang), icon=":material/lock:")
        st.stop()
    st.warning(t("auth.editors_only", lang), icon=":material/lock:")
    sign_in(lang)
    st.stop()
    raise AssertionError("st.stop() returned")  # pragma: no cover - st.stop raises


def current_user() -> User | None:
    """The signed-in person of this browser session (any role), or ``None`` for a viewer."""
    return current_editor()


def require_role(role: Role, lang: Lang) -> User:
    """The signed-in person if their role includes ``role``; anyone else is refused and stopped.

    Call it first on every page (or part of a page) that needs more than a viewer.
    """
    user = current_user()
    if user is not None and user.role.includes(role):
        return user
    st.warning(t("auth.editors_only", lang), icon=":material/lock:")
    sign_in(lang)
    st.stop()
    raise AssertionError("st.stop() returned")  # pragma: no cover - st.stop raises
