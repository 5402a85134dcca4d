"""Who may do what: roles, accounts and the sign-in configuration, without Streamlit.

Three ways, chosen by what the operator configured, in this order:

1. **OpenID Connect** (Streamlit's ``st.login``) when the secrets have an
   ``[auth]`` section. The role comes from lists of e-mail addresses
   (``[radar] editors``, ``facilitators``) or from a group claim
   (``group_claim``, ``editor_groups``, ``facilitator_groups``). Every user the
   identity provider lets in is an editor only with ``[radar]
   allow_all_signed_in = true`` (the boolean), so a forgotten list never opens
   editing to a whole tenant.
2. **Local accounts** for small installations: ``[radar.accounts.NAME]`` with a
   ``role`` and an argon2id ``password_hash``, and/or one shared editor password
   whose hash is in the environment variable ``RADAR_EDITOR_PASSWORD_HASH``
   (the editor then types a name, which the audit log marks as unproven).
3. **Neither**: editing is off, and the app says how to turn it on.

Passwords in plain text (``editor_password``, ``RADAR_EDITOR_PASSWORD``) are
refused: ``python -m radar hash-password`` prints the hash to configure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

#: Environment variable with the argon2id hash of the one shared editor password.
PASSWORD_HASH_ENV_VAR: Final = "RADAR_EDITOR_PASSWORD_HASH"
#: The old environment variable with the password in plain text: refused, with how to hash it.
PASSWORD_ENV_VAR: Final = "RADAR_EDITOR_PASSWORD"
#: Secrets section with the radar's own settings (``accounts``, ``editors``, ...).
SECRETS_SECTION: Final = "radar"
#: The old plain-text password setting in that section: refused.
PLAIN_PASSWORD_KEY: Final = "editor_password"
#: The command that prints a password's hash, for the operator's messages.
HASH_COMMAND: Final = "python -m radar hash-password"
#: A password shorter than this is refused by ``hash-password``: it is too easy to guess.
MIN_PASSWORD_LENGTH: Final = 12
#: What every configured hash must start with: argon2id, the variant for passwords.
HASH_PREFIX: Final = "$argon2id$"

#: argon2-cffi's defaults (RFC 9106's low-memory profile); one hasher for the process.
_HASHER: Final = PasswordHasher()
#: Verified when the name matches no account, so a wrong name costs the same time as a
#: wrong password and the answer's timing does not tell which account names exist.
_DUMMY_HASH: Final = _HASHER.hash("not a password of anyone")


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
    """How people sign in (the configuration), and how a person signed in (``User.via``)."""

    OIDC = "oidc"
    #: The configuration: local passwords. As ``via``: the shared password with a typed name.
    PASSWORD = "password"
    #: As ``via`` only: a named local account, whose name is proven by its password.
    ACCOUNT = "account"
    OFF = "off"


class Problem(StrEnum):
    """Why configured sign-in settings are not used, for the operator."""

    PLAIN_TEXT = "a password is configured in plain text; configure its argon2id hash instead"
    BAD_HASH = "a configured password hash is not an argon2id hash"
    BAD_ROLE = "an account's role is neither 'editor' nor 'facilitator'"


def hash_password(password: str) -> str:
    """The argon2id hash of ``password``, as the configuration wants it."""
    return _HASHER.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class Account:
    """A named local account: who it is, its role, and its password's hash (never shown)."""

    name: str
    role: Role
    display_name: str = ""
    password_hash: str = field(default="", repr=False)


@dataclass(frozen=True)
class User:
    """A signed-in person, as the pages and the audit log see them.

    Attributes
    ----------
    name
        Shown on the page and written to the logs: the typed name (shared
        password), the account's name, or the identity provider's.
    via
        How the person signed in.
    role
        What they may do.
    account
        Who they are, unchanging and unique among people who sign in the same
        way: a local account's key, the identity provider's e-mail address or
        subject. Empty for the shared password, whose typed name is all there is.
        Owning a workshop goes by this, never by the shown name, which two
        people may share.
    """

    name: str
    via: SignIn
    role: Role = Role.EDITOR
    account: str = ""

    @property
    def identity(self) -> str:
        """What tells this person apart from others who signed in the same way."""
        return self.account or self.name

    @property
    def audit_name(self) -> str:
        """The name written to the audit log.

        With the shared password the name is typed by the editor and proven by
        nothing, and the log says so; an account's or the identity provider's
        name is proven by the sign-in.
        """
        if self.via is SignIn.PASSWORD:
            return f"{self.name} (adgangskode)"
        return self.name


#: The name the editing code has used for a signed-in person since before roles.
Editor = User


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    return ()


def _lower(value: Any) -> frozenset[str]:
    return frozenset(v.strip().lower() for v in _strings(value))


@dataclass(frozen=True)
class AuthConfig:
    """The sign-in configuration of one running app.

    Attributes
    ----------
    method
        How people sign in.
    editor_emails, facilitator_emails
        With OpenID Connect: the e-mail addresses with that role (lower case).
    allow_all
        With OpenID Connect: every user the identity provider lets in is an editor.
    group_claim, editor_groups, facilitator_groups
        With OpenID Connect: the claim holding the user's groups, and the groups
        that give each role.
    accounts
        The named local accounts, by lower-case name.
    problems
        Settings that are not used, and why, for the operator.
    """

    method: SignIn
    editor_emails: frozenset[str] = frozenset()
    facilitator_emails: frozenset[str] = frozenset()
    allow_all: bool = False
    group_claim: str = ""
    editor_groups: frozenset[str] = frozenset()
    facilitator_groups: frozenset[str] = frozenset()
    accounts: Mapping[str, Account] = field(default_factory=dict)
    problems: frozenset[Problem] = frozenset()
    # Kept out of repr so it never reaches a log line or an error page.
    _shared_hash: str = field(default="", repr=False)

    @property
    def enabled(self) -> bool:
        """Whether anyone can sign in (and so edit) at all."""
        return self.method is not SignIn.OFF

    @property
    def has_accounts(self) -> bool:
        """Whether named local accounts are configured (the form then asks for the account)."""
        return bool(self.accounts)

    def check_password(self, name: str, password: str) -> User | None:
        """The person ``name`` signs in as with ``password``, or ``None`` when it is wrong.

        ``name`` is an account's name, or (with the shared password) the name the
        editor types. Both are compared through argon2, whose check takes the
        same time whatever the password; a name that matches nothing is checked
        against a dummy hash for the same reason.
        """
        if self.method is not SignIn.PASSWORD:
            return None
        account = self.accounts.get(name.strip().lower())
        if account is not None:
            if not _verify(account.password_hash, password):
                return None
            return User(
                account.display_name or account.name,
                SignIn.ACCOUNT,
                account.role,
                account=account.name,
            )
        if self._shared_hash and name.strip():
            if not _verify(self._shared_hash, password):
                return None
            return User(name.strip(), SignIn.PASSWORD, Role.EDITOR)
        _verify(_DUMMY_HASH, password)
        return None

    def oidc_role(self, claims: Mapping[str, Any]) -> Role:
        """The role of a person the identity provider signed in, from their claims."""
        if self.method is not SignIn.OIDC:
            return Role.VIEWER
        email = claims.get("email")
        address = email.strip().lower() if isinstance(email, str) else ""
        groups = (
            frozenset(_strings(claims.get(self.group_claim))) if self.group_claim else frozenset()
        )
        if self.allow_all or (address and address in self.editor_emails):
            return Role.EDITOR
        if groups & self.editor_groups:
            return Role.EDITOR
        if (address and address in self.facilitator_emails) or groups & self.facilitator_groups:
            return Role.FACILITATOR
        return Role.VIEWER

    def may_edit(self, email: str | None) -> bool:
        """Whether a user signed in with OpenID Connect as ``email`` is an editor."""
        return self.oidc_role({"email": email}) is Role.EDITOR


#: The configuration's older name.
EditorConfig = AuthConfig


def _accounts(section: Any) -> tuple[dict[str, Account], set[Problem]]:
    accounts: dict[str, Account] = {}
    problems: set[Problem] = set()
    if not isinstance(section, Mapping):
        return accounts, problems
    for name, settings in section.items():
        if not isinstance(settings, Mapping):
            continue
        if settings.get("password"):
            problems.add(Problem.PLAIN_TEXT)
        password_hash = str(settings.get("password_hash") or "")
        if not password_hash.startswith(HASH_PREFIX):
            problems.add(Problem.BAD_HASH if password_hash else Problem.PLAIN_TEXT)
            continue
        try:
            role = Role(str(settings.get("role") or Role.EDITOR))
        except ValueError:
            role = Role.VIEWER
        if role is Role.VIEWER:
            problems.add(Problem.BAD_ROLE)
            continue
        display = str(settings.get("name") or "").strip()
        key = str(name).strip().lower()
        accounts[key] = Account(str(name).strip(), role, display, password_hash)
    return accounts, problems


def auth_config(secrets: Mapping[str, Any], environ: Mapping[str, str]) -> AuthConfig:
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
        return AuthConfig(
            SignIn.OIDC,
            editor_emails=_lower(radar_section.get("editors")),
            facilitator_emails=_lower(radar_section.get("facilitators")),
            # Only the boolean true opens it, not a string that looks like it.
            allow_all=radar_section.get("allow_all_signed_in") is True,
            group_claim=str(radar_section.get("group_claim") or ""),
            editor_groups=frozenset(_strings(radar_section.get("editor_groups"))),
            facilitator_groups=frozenset(_strings(radar_section.get("facilitator_groups"))),
        )
    accounts, problems = _accounts(radar_section.get("accounts"))
    if radar_section.get(PLAIN_PASSWORD_KEY) or environ.get(PASSWORD_ENV_VAR):
        problems.add(Problem.PLAIN_TEXT)
    shared = str(environ.get(PASSWORD_HASH_ENV_VAR) or "").strip()
    if shared and not shared.startswith(HASH_PREFIX):
        problems.add(Problem.BAD_HASH)
        shared = ""
    if not accounts and not shared:
        return AuthConfig(SignIn.OFF, problems=frozenset(problems))
    return AuthConfig(
        SignIn.PASSWORD, accounts=accounts, problems=frozenset(problems), _shared_hash=shared
    )


#: The reader's older name.
editor_config = auth_config
