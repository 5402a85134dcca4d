"""The web layer's configuration: its constants, and reading the operator's settings.

Every setting comes from the secrets (``[radar]`` in ``.streamlit/secrets.toml``)
first, then the environment, as the sign-in settings do (:mod:`radar.auth`).
:func:`read_settings` is pure (it is given both mappings); :func:`load` reads
this process's. A setting that is present but wrong stops the start with a
message naming it: a typo must not quietly open what it meant to close.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

__all__ = [
    "ACCESSIBILITY_URL_ENV_VAR",
    "ALLOWED_HOSTS_ENV_VAR",
    "DEFAULT_ACCESSIBILITY_URL",
    "DEFAULT_ALLOWED_HOSTS",
    "FRAME_ANCESTORS_ENV_VAR",
    "METRICS_TOKEN_ENV_VAR",
    "MIN_METRICS_TOKEN_LENGTH",
    "READY_TIMEOUT_SECONDS",
    "SECRETS_FOR_SECONDS",
    "SettingsError",
    "WebSettings",
    "accessibility_url",
    "load",
    "read_accessibility_url",
    "read_settings",
    "recent_secrets",
]

#: Secrets section with the radar's own settings.
SECRETS_SECTION: Final = "radar"
#: Host names the app answers to, comma-separated (``[radar] allowed_hosts``).
ALLOWED_HOSTS_ENV_VAR: Final = "RADAR_ALLOWED_HOSTS"
#: Who may show the app in a frame, comma-separated (``[radar] frame_ancestors``).
FRAME_ANCESTORS_ENV_VAR: Final = "RADAR_FRAME_ANCESTORS"
#: The bearer token that opens ``/_stcore/metrics`` (``[radar] metrics_token``).
METRICS_TOKEN_ENV_VAR: Final = "RADAR_METRICS_TOKEN"
#: The published accessibility statement the footer links to (``[radar] accessibility_url``).
ACCESSIBILITY_URL_ENV_VAR: Final = "RADAR_ACCESSIBILITY_URL"

#: This machine only: a name a DNS-rebinding page could point elsewhere is not on it.
DEFAULT_ALLOWED_HOSTS: Final = ("localhost", "127.0.0.1", "::1")
#: Framed only by pages of the app's own origin.
SELF: Final = "'self'"
#: Framed by nobody at all.
NONE: Final = "'none'"
#: A shorter metrics token is refused (metrics stay off): it is too easy to guess.
MIN_METRICS_TOKEN_LENGTH: Final = 24
#: How long ``/readyz`` waits for the database before it answers 503.
READY_TIMEOUT_SECONDS: Final = 2.0
#: Until the operator names their statement: Digitaliseringsstyrelsen's WAS-Tool,
#: where Danish public bodies publish their accessibility statements (each at
#: ``https://www.was.digst.dk/<domain>``), so the link always leads somewhere real.
DEFAULT_ACCESSIBILITY_URL: Final = "https://www.was.digst.dk/"

# A host name or address as the Host header carries it (without the port),
# optionally "*." in front for every subdomain of a name.
_HOST = re.compile(r"^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")
_IPV6 = re.compile(r"^[0-9a-f:.]+$")
# A statement's address: http(s) with a host, or a path on this site. No spaces,
# quotes, brackets or parentheses, so it can never end the Markdown link it is
# put in, and no other scheme (javascript:, data:) can ride in.
_STATEMENT_URL = re.compile(
    r"^(https?://[a-z0-9.-]+(:\d{1,5})?(/[\w\-./~%?=&#+]*)?|/[\w\-./~%?=&#+]*)$", re.I
)
# A CSP source for frame-ancestors: a scheme ("https:"), or an origin with an
# optional "*." and port. No spaces, quotes, commas or semicolons, so a value
# can never add a directive of its own to the header.
_SOURCE = re.compile(
    r"^(https?:|(https?://)?(\*\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:(\d{1,5}|\*))?)$"
)


class SettingsError(ValueError):
    """A web setting is present but cannot be used; the message names it."""


@dataclass(frozen=True)
class WebSettings:
    """What the web layer was configured with.

    Attributes
    ----------
    allowed_hosts
        Host names (lower case) the app answers to; ``*.name`` allows subdomains.
    frame_ancestors
        CSP ``frame-ancestors`` sources; ``('self',)`` by default.
    metrics_token
        The operators' bearer token for ``/_stcore/metrics``; empty: metrics off.
    problems
        Settings that were ignored, and why, for the start-up log.
    accessibility_url
        Where the footer's "Tilgængelighedserklæring" link leads.
    """

    allowed_hosts: tuple[str, ...] = DEFAULT_ALLOWED_HOSTS
    frame_ancestors: tuple[str, ...] = (SELF,)
    # Kept out of repr so it never reaches a log line or an error page.
    metrics_token: str = field(default="", repr=False)
    problems: tuple[str, ...] = ()
    accessibility_url: str = DEFAULT_ACCESSIBILITY_URL

    @property
    def metrics_enabled(self) -> bool:
        """Whether operators may read the metrics at all."""
        return bool(self.metrics_token)


def _listed(value: Any, name: str) -> list[str]:
    """A setting as a list: a TOML list, or a string of comma- or space-separated items."""
    if value is None:
        return []
    if isinstance(value, str):
        return [item for item in re.split(r"[,\s]+", value) if item]
    if isinstance(value, Sequence):
        return [str(item).strip() for item in value if str(item).strip()]
    raise SettingsError(f"{name} must be a list of strings, not {type(value).__name__}")


def _hosts(items: list[str], name: str) -> tuple[str, ...]:
    hosts = []
    for item in items:
        host = item.lower().rstrip(".")
        if host.startswith("[") and host.endswith("]"):
            host = host[1:-1]
        if host == "*":
            raise SettingsError(
                f"{name}: '*' would answer to any host name, which is what DNS rebinding needs; "
                "list the names the reverse proxy passes on (e.g. radar.kommune.dk)"
            )
        if not (_HOST.match(host) or (":" in host and _IPV6.match(host))):
            raise SettingsError(f"{name}: {item!r} is not a host name (no scheme, port or path)")
        hosts.append(host)
    return tuple(dict.fromkeys(hosts))


def _sources(items: list[str], name: str) -> tuple[str, ...]:
    sources = []
    for item in items:
        keyword = item.lower().strip("'")
        if keyword in ("self", "none"):
            sources.append(SELF if keyword == "self" else NONE)
        elif _SOURCE.match(item.lower()):
            sources.append(item.lower())
        else:
            raise SettingsError(
                f"{name}: {item!r} is not a frame-ancestors source "
                "(use 'self', 'none', https://host or https://*.domain)"
            )
    if NONE in sources and len(sources) > 1:
        raise SettingsError(f"{name}: 'none' cannot be combined with other sources")
    return tuple(dict.fromkeys(sources)) or (SELF,)


def read_accessibility_url(secrets: Mapping[str, Any], environ: Mapping[str, str]) -> str:
    """The accessibility statement's address (secrets first), or :data:`DEFAULT_ACCESSIBILITY_URL`.

    Raises
    ------
    SettingsError
        The setting is present but not an http(s) address or a path on this site.
    """
    section = secrets.get(SECRETS_SECTION) or {}
    if section.get("accessibility_url") is not None:
        value, name = section["accessibility_url"], f"[{SECRETS_SECTION}] accessibility_url"
    else:
        value, name = environ.get(ACCESSIBILITY_URL_ENV_VAR), ACCESSIBILITY_URL_ENV_VAR
    url = str(value or "").strip()
    if not url:
        return DEFAULT_ACCESSIBILITY_URL
    if not _STATEMENT_URL.match(url):
        raise SettingsError(
            f"{name}: {url!r} is not the address of a web page "
            "(use https://www.was.digst.dk/<your-domain> or a path such as /om)"
        )
    return url


def read_settings(secrets: Mapping[str, Any], environ: Mapping[str, str]) -> WebSettings:
    """The web settings from the app's secrets and environment (secrets first).

    Parameters
    ----------
    secrets
        ``st.secrets`` (or any mapping of the same shape).
    environ
        ``os.environ``.

    Raises
    ------
    SettingsError
        A setting is present but wrong; the message names it.
    """
    section = secrets.get(SECRETS_SECTION) or {}

    def setting(key: str, env_var: str) -> tuple[Any, str]:
        if section.get(key) is not None:
            return section[key], f"[{SECRETS_SECTION}] {key}"
        return environ.get(env_var), env_var

    hosts_value, hosts_name = setting("allowed_hosts", ALLOWED_HOSTS_ENV_VAR)
    hosts = _hosts(_listed(hosts_value, hosts_name), hosts_name) or DEFAULT_ALLOWED_HOSTS
    frames_value, frames_name = setting("frame_ancestors", FRAME_ANCESTORS_ENV_VAR)
    frames = _sources(_listed(frames_value, frames_name), frames_name)
    token_value, token_name = setting("metrics_token", METRICS_TOKEN_ENV_VAR)
    token = str(token_value or "").strip()
    problems: list[str] = []
    if token and len(token) < MIN_METRICS_TOKEN_LENGTH:
        problems.append(
            f"{token_name} is shorter than {MIN_METRICS_TOKEN_LENGTH} characters and is not "
            "used: the metrics stay off"
        )
        token = ""
    return WebSettings(
        allowed_hosts=hosts,
        frame_ancestors=frames,
        metrics_token=token,
        problems=tuple(problems),
        accessibility_url=read_accessibility_url(secrets, environ),
    )


#: How long the secrets read for a request are used before the files are read again.
SECRETS_FOR_SECONDS: Final = 5.0
# (when read, what was read): one for the process; replaced whole, so threads need no lock.
_recent: tuple[float, Mapping[str, Any]] | None = None


def _secrets() -> Mapping[str, Any]:
    # Imported here: the pure reading above needs no Streamlit.
    import streamlit as st

    # st.secrets raises when no secrets file exists; that simply means "nothing configured".
    try:
        return {key: st.secrets[key] for key in st.secrets}
    # FileNotFoundError, or Streamlit's own error type, depending on the version.
    except Exception:
        return {}


def recent_secrets() -> Mapping[str, Any]:
    """The secrets as read at most :data:`SECRETS_FOR_SECONDS` ago, for what a request needs.

    Streamlit looks its secrets files up again on every read, a few
    milliseconds each: more than a light page costs. A changed file counts
    within seconds; the environment is read on every call by the callers.
    """
    global _recent
    known, now = _recent, time.monotonic()
    if known is not None and now - known[0] < SECRETS_FOR_SECONDS:
        return known[1]
    read = _secrets()
    _recent = (now, read)
    return read


def load() -> WebSettings:
    """This process's web settings (its secrets, then its environment).

    Raises
    ------
    SettingsError
        A setting is present but wrong.
    """
    return read_settings(_secrets(), os.environ)


def accessibility_url() -> str:
    """This process's accessibility statement address, for the pages' footer.

    Read on its own: a page needs this one setting, not the whole web layer's.
    A wrong value already stopped ``serve.py`` at start; a dashboard started
    without it (``streamlit run dashboard.py``) links to the default instead.
    """
    try:
        return read_accessibility_url(recent_secrets(), os.environ)
    except SettingsError:
        return DEFAULT_ACCESSIBILITY_URL
