"""Who may edit the radar: the sign-in configuration and its checks, without Streamlit.

Three ways, chosen by what the operator configured, in this order:

1. **OpenID Connect** (Streamlit's ``st.login``) when the secrets have an
   ``[auth]`` section. The e-mail addresses listed in ``[radar] editors`` may
   edit; every user the identity provider lets in only with ``[radar]
   allow_all_signed_in = true``, so forgetting the list never opens editing
   to a whole tenant.
2. **A local editor password** from the secrets (``[radar] editor_password``)
   or the environment variable ``RADAR_EDITOR_PASSWORD``. It is compared in
   constant time and never logged or shown.
3. **Neither**: editing is off, and the app says how to turn it on.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

#: Environment variable holding the local editor password.
PASSWORD_ENV_VAR = "RADAR_EDITOR_PASSWORD"
#: Secrets section with the radar's own settings (``editor_password``, ``editors``).
SECRETS_SECTION = "radar"
#: A password shorter than this is refused as configuration: it is too easy to guess.
MIN_PASSWORD_LENGTH = 12
#: Failed password attempts in one browser session before it must wait.
MAX_ATTEMPTS = 5
#: How long a session waits after too many failed attempts, in seconds.
LOCKOUT_SECONDS = 60


class Role(StrEnum):
    """What a signed-in person may do; each role may do everything of the ones before it.

    Viewers are anonymous and never signed in. Workshop participants are not a
    role: they need only a workshop's code.
    """

    VIEWER = "viewer"
    FACILITATOR = "facilitator"
    EDITOR = "editor"

    def includes(self, other: Role) -> bool:
        """Whether this role may do what ``other`` may."""
        order = (Role.VIEWER, Role.FACILITATOR, Role.EDITOR)
        return order.index(self) >= order.index(other)


class SignIn(StrEnum):
    """How editors sign in."""

    OIDC = "oidc"
    PASSWORD = "password"
    OFF = "off"


@dataclass(frozen=True)
class EditorConfig:
    """The sign-in configuration of one running app.

    Attributes
    ----------
    method
        How editors sign in.
    allowed_emails
        With OpenID Connect: the e-mail addresses that may edit (lower case).
    allow_all
        With OpenID Connect: every user the identity provider lets in may edit.
    problem
        Why a configured password is not used (too short), for the operator.
    """

    method: SignIn
    allowed_emails: frozenset[str] = frozenset()
    allow_all: bool = False
    problem: str | None = None
    # Kept out of repr so it never reaches a log line or an error page.
    _password_digest: bytes = field(default=b"", repr=False)

    @property
    def enabled(self) -> bool:
        """Whether anyone can edit at all."""
        return self.method is not SignIn.OFF

    def check_password(self, given: str) -> bool:
        """Whether ``given`` is the editor password, compared in constant time."""
        if self.method is not SignIn.PASSWORD or not self._password_digest:
            return False
        return hmac.compare_digest(_digest(given), self._password_digest)

    def may_edit(self, email: str | None) -> bool:
        """Whether a user signed in with OpenID Connect as ``email`` is an editor."""
        if self.method is not SignIn.OIDC:
            return False
        if self.allow_all:
            return True
        if not email:
            return False
        return email.strip().lower() in self.allowed_emails


def _digest(text: str) -> bytes:
    # Comparing fixed-length digests keeps the comparison time independent of
    # the password's length as well as its content.
    return hashlib.sha256(text.encode("utf-8")).digest()


def editor_config(secrets: Mapping[str, Any], environ: Mapping[str, str]) -> EditorConfig:
    """Read the sign-in configuration from the app's secrets and environment.

    Parameters
    ----------
    secrets
        ``st.secrets`` (or any mapping of the same shape).
    environ
        ``os.environ``.
    """
    radar_section = secrets.get(SECRETS_SECTION) or {}
    if secrets.get("auth"):
        emails = radar_section.get("editors") or ()
        if isinstance(emails, str):
            emails = [emails]
        return EditorConfig(
            SignIn.OIDC,
            allowed_emails=frozenset(str(e).strip().lower() for e in emails),
            allow_all=radar_section.get("allow_all_signed_in") is True,
        )
    password = str(radar_section.get("editor_password") or environ.get(PASSWORD_ENV_VAR) or "")
    if not password:
        return EditorConfig(SignIn.OFF)
    if len(password) < MIN_PASSWORD_LENGTH:
        return EditorConfig(
            SignIn.OFF,
            problem=f"the editor password is shorter than {MIN_PASSWORD_LENGTH} characters",
        )
    return EditorConfig(SignIn.PASSWORD, _password_digest=_digest(password))


@dataclass(frozen=True)
class Editor:
    """A signed-in person (editor or facilitator), as the audit log names them."""

    name: str
    via: SignIn
    role: Role = Role.EDITOR

    @property
    def audit_name(self) -> str:
        """The name written to the audit log.

        With the shared password the name is typed by the editor and proven by
        nothing, and the log says so; with OpenID Connect it is the account's.
        """
        if self.via is SignIn.PASSWORD:
            return f"{self.name} (adgangskode)"
        return self.name


#: A signed-in person of any role; the name the role-aware code uses.
User = Editor
