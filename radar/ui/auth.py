"""Signing people in and out, and keeping everyone else out of the pages their role needs.

A password sign-in is bound to the browser, not to the Streamlit session: it
lives in the server-side store (:func:`radar.shared_signins.sign_ins`: this
process's memory, or the database shared by several processes) under the id in
the browser's signed cookie (:mod:`radar.web.browser`), and every check asks the
store again. Presenting a session id from another browser, or replaying a form
after *Log ud*, therefore finds nobody signed in. An identity-provider sign-in
is Streamlit's own (``st.user``), bound to its signed cookie the same way.
"""

from __future__ import annotations

import logging
import os
from typing import Any, Final

import streamlit as st

from radar import shared_signins, signins, store
from radar.auth import HASH_COMMAND, AuthConfig, Editor, Problem, Role, SignIn, User, auth_config
from radar.i18n import t
from radar.model import Lang
from radar.ui.components.text import plain
from radar.web import backup, browser

#: Session-state key holding the identity-provider user this session has logged.
_OIDC_LOGGED_KEY: Final = "_oidc_editor_logged"

logger = logging.getLogger(__name__)

#: Configuration problems already logged by this process (each is logged once).
_LOGGED_PROBLEMS: set[Problem] = set()


def _client() -> str:
    """The client's address: the web layer's, behind the trusted proxies."""
    try:
        address = st.context.headers.get(browser.CLIENT_HEADER) or st.context.ip_address
    except Exception:  # not every Streamlit runtime (AppTest) knows the client
        address = None
    return address if isinstance(address, str) and address else signins.UNKNOWN_CLIENT


def _browser_id() -> str | None:
    """This browser's id from its signed cookie (sent with the websocket), or ``None``.

    The one place the cookie is read; tests that sign in without a browser
    replace this function.
    """
    try:
        value = st.context.cookies.get(browser.COOKIE_NAME)
    except Exception:  # no client context (AppTest)
        value = None
    return browser.browser_id(value if isinstance(value, str) else None)


def _secrets() -> dict[str, Any]:
    # st.secrets raises when no secrets file exists; that simply means "nothing configured".
    try:
        return {key: st.secrets[key] for key in st.secrets}
    # FileNotFoundError, or Streamlit's own error type, depending on the version.
    except Exception:
        return {}


def config() -> AuthConfig:
    """This app's sign-in configuration (secrets first, then the environment)."""
    cfg = auth_config(_secrets(), os.environ)
    for problem in cfg.problems - _LOGGED_PROBLEMS:
        _LOGGED_PROBLEMS.add(problem)
        logger.warning("sign-in setting not used: %s (make a hash with %r)", problem, HASH_COMMAND)
    return cfg


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


def _oidc_user(cfg: AuthConfig) -> User | None:
    user = st.user
    if not user.is_logged_in:
        return None
    claims = {key: user.get(key) for key in ("email", "name", cfg.group_claim) if key}
    role = cfg.oidc_role(claims)
    if role is Role.VIEWER:
        return None
    email = claims.get("email")
    # The e-mail address (or the subject) tells namesakes apart; the name is for show.
    subject = user.get("sub")
    account = str(email).strip().lower() if email else str(subject or "")
    signed_in = User(
        name=str(claims.get("name") or email), via=SignIn.OIDC, role=role, account=account
    )
    # The identity provider signs people in, out of the app's sight: the
    # first run of a browser session that sees them logs it, once.
    if st.session_state.get(_OIDC_LOGGED_KEY) != signed_in.name:
        st.session_state[_OIDC_LOGGED_KEY] = signed_in.name
        logger.info("%s signed in: %r from %s", role, signed_in.name, _client())
    return signed_in


def current_user() -> User | None:
    """The signed-in person of this browser (any role), or ``None`` for a viewer.

    Asks the sign-in store on every call: a sign-out or an expiry counts at once,
    also for a form sent again afterwards.
    """
    cfg = config()
    if cfg.method is SignIn.OIDC:
        return _oidc_user(cfg)
    # Only the password form puts anyone in the store, so with sign-in off it is empty.
    return shared_signins.sign_ins().current(_browser_id())


def current_editor() -> Editor | None:
    """The signed-in editor of this browser, or ``None`` (viewers and facilitators)."""
    user = current_user()
    return user if user is not None and user.role.includes(Role.EDITOR) else None


def _off(cfg: AuthConfig, lang: Lang) -> None:
    st.info(t("auth.off", lang), icon=":material/lock:")
    st.code(t("auth.off_how", lang), language="toml")
    if Problem.PLAIN_TEXT in cfg.problems or Problem.BAD_HASH in cfg.problems:
        st.warning(t("auth.plain_text_password", lang))
        st.code(HASH_COMMAND, language="bash")


def _password_form(cfg: AuthConfig, lang: Lang) -> None:
    client = _client()
    wait = shared_signins.lockout().wait(client)
    if wait:
        st.error(t("auth.locked", lang, seconds=wait))
        return
    with st.form("editor_sign_in"):
        name = st.text_input(
            t("auth.account" if cfg.has_accounts else "auth.name", lang),
            max_chars=80,
            help=t("auth.account_help" if cfg.has_accounts else "auth.name_help", lang),
        )
        password = st.text_input(t("auth.password", lang), type="password")
        submitted = st.form_submit_button(t("auth.sign_in", lang), type="primary")
    if not submitted:
        return
    name = name.strip()
    if not name:
        st.error(t("auth.name_missing", lang))
        return
    browser_id = _browser_id()
    if browser_id is None:
        # Without the web layer's cookie a sign-in could only live in the Streamlit
        # session, whose id is no secret: refused, and the operator is told how to start.
        logger.warning(
            "password sign-in refused for %r from %s: no browser cookie; "
            "start the dashboard with 'streamlit run serve.py'",
            name,
            client,
        )
        st.error(t("auth.no_browser_cookie", lang))
        return
    wait = shared_signins.lockout().wait(client, name)
    if wait:
        logger.warning("sign-in refused for %r from %s: locked out", name, client)
        st.error(t("auth.locked", lang, seconds=wait))
        return
    user = cfg.check_password(name, password)
    if user is not None:
        shared_signins.lockout().succeeded(client, name)
        shared_signins.sign_ins().sign_in(browser_id, user)
        # The name as repr: a line break typed into it cannot forge a log line.
        logger.info("%s signed in: %r from %s", user.role, user.name, client)
        st.rerun()
    # Never the password itself: only who tried, and from where.
    logger.warning("sign-in failed for %r from %s", name, client)
    wait = shared_signins.lockout().failed(client, name)
    if wait:
        logger.warning("sign-in locked for %r from %s for %d s", name, client, wait)
        st.error(t("auth.locked", lang, seconds=wait))
    else:
        st.error(t("auth.wrong_password", lang))


def sign_in(lang: Lang) -> None:
    """The sign-in form, or how to turn editing on when it is off."""
    cfg = config()
    if cfg.method is SignIn.OFF:
        _off(cfg, lang)
        return
    if database_read_only():
        st.warning(t("auth.read_only_database", lang), icon=":material/lock:")
        return
    if cfg.method is SignIn.OIDC:
        if st.user.is_logged_in:
            # Signed in with the identity provider, but without a role here.
            st.warning(t("auth.not_an_editor", lang))
            if st.button(t("auth.sign_out", lang)):
                st.logout()
            return
        if st.button(t("auth.sign_in_oidc", lang), type="primary", icon=":material/login:"):
            st.login()
        return
    _password_form(cfg, lang)


def sign_out_button(lang: Lang) -> None:
    """A button that ends the sign-in of this browser (every tab of it)."""
    user = current_user()
    if user is None:
        return
    st.caption(t("auth.signed_in_as", lang, name=plain(user.name)))
    if st.button(t("auth.sign_out", lang), icon=":material/logout:", key="editor_sign_out"):
        logger.info("%s signed out: %r from %s", user.role, user.name, _client())
        if user.via is SignIn.OIDC:
            st.logout()
        shared_signins.sign_ins().sign_out(_browser_id())
        st.rerun()


def backup_link(lang: Lang) -> None:
    """A link to the editors' backup route (``GET /api/backup``); the route checks the sign-in."""
    # Relative: it then also holds under a reverse proxy's path prefix.
    st.link_button(t("backup.download", lang), backup.PATH.lstrip("/"), icon=":material/download:")


def require_editor(lang: Lang) -> Editor:
    """The signed-in editor; anyone else gets the refusal and sign-in form, and the page stops.

    Call it first on every edit page: it refuses viewers even when they open
    the page's address directly.
    """
    return require_role(Role.EDITOR, lang)


def require_role(role: Role, lang: Lang) -> User:
    """The signed-in person if their role includes ``role``; anyone else is refused and stopped.

    Call it first on every page (or part of a page) that needs more than a viewer.
    """
    user = current_user()
    if user is not None and user.role.includes(role):
        # Editors write the radar's database; a file that may only be read stops them here.
        if role is Role.EDITOR and database_read_only():
            st.warning(t("auth.read_only_database", lang), icon=":material/lock:")
            st.stop()
        return user
    refusal = (
        t("auth.editors_only", lang) if role is Role.EDITOR else t("auth.facilitators_only", lang)
    )
    st.warning(refusal, icon=":material/lock:")
    sign_in(lang)
    st.stop()
    raise AssertionError("st.stop() returned")  # pragma: no cover - st.stop raises
