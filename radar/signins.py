"""Server-side sign-ins bound to a browser, the lockout after wrong passwords, and client addresses.

No Streamlit here: the pages (:mod:`radar.ui.auth`) and the web layer
(:mod:`radar.web.browser`) share these, keyed by the browser id that the web
layer's signed cookie carries.

:class:`SignIns` and :class:`Lockout` keep them in this process's memory,
guarded by a lock: a sign-in holds only on the process that made it. Several
dashboard processes on one database keep them there instead
(:mod:`radar.shared_signins`), by the same rules, which are the pure functions
here.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Final, Protocol

from radar.auth import User

#: A sign-in ends after this many seconds without a page run of the browser.
IDLE_SECONDS: Final = 30 * 60
#: ... and after this many seconds in any case.
ABSOLUTE_SECONDS: Final = 8 * 60 * 60

#: Wrong passwords from one client address before it must wait.
MAX_ATTEMPTS: Final = 5
#: The first wait, in seconds; each further lockout of the same address doubles it ...
LOCKOUT_SECONDS: Final = 60
#: ... up to this.
MAX_LOCKOUT_SECONDS: Final = 60 * 60
#: An address's count and locks are forgotten this long after its last wrong
#: password: a client address is personal data, kept no longer than it guards.
ADDRESS_MEMORY_SECONDS: Final = 24 * 60 * 60
#: Wrong passwords for one account, from all addresses, within the window, that mark
#: it as under attack: every address that has failed for it is then refused for it.
ACCOUNT_ALARM: Final = 20
#: The window of the account count, in seconds.
ACCOUNT_WINDOW_SECONDS: Final = 60 * 60

#: Environment variable with the trusted proxies, comma-separated addresses or networks.
TRUSTED_PROXIES_ENV_VAR: Final = "RADAR_TRUSTED_PROXIES"
#: What the logs say when the client's address is not known.
UNKNOWN_CLIENT: Final = "unknown"

Clock = Callable[[], float]


def expired(created: float, last_seen: float, now: float) -> bool:
    """Whether a sign-in begun at ``created``, last used at ``last_seen``, has ended by ``now``."""
    return now - last_seen > IDLE_SECONDS or now - created > ABSOLUTE_SECONDS


def after_failure(failures: int, strikes: int, now: float) -> tuple[int, int, float | None]:
    """An address's count and locks after one more wrong password, and the end of a new lock.

    The lock's end is ``None`` when this failure does not lock the address.
    """
    failures += 1
    if failures < MAX_ATTEMPTS:
        return failures, strikes, None
    seconds = min(LOCKOUT_SECONDS * 2**strikes, MAX_LOCKOUT_SECONDS)
    return 0, strikes + 1, now + seconds


def account_wait(failures: Iterable[tuple[float, str]], address: str, now: float) -> float:
    """Seconds ``address`` must wait for an account under attack, from its recent failures.

    ``failures`` are the account's (time, address) within the window; 0 when
    the account is not under attack, or ``address`` has not failed for it.
    """
    recent = list(failures)
    mine = [at for at, by in recent if by == address]
    if len(recent) >= ACCOUNT_ALARM and mine:
        return ACCOUNT_WINDOW_SECONDS - (now - max(mine))
    return 0.0


def whole_seconds(seconds: float) -> int:
    """A wait as whole seconds, rounded up (0 when there is none)."""
    return int(max(0.0, seconds) + 0.999)


class SignInStore(Protocol):
    """Where a process keeps who is signed in on which browser (memory, or the database)."""

    def sign_in(self, browser_id: str, user: User) -> None: ...
    def current(self, browser_id: str | None) -> User | None: ...
    def sign_out(self, browser_id: str | None) -> User | None: ...
    def clear(self) -> None: ...


class LockoutStore(Protocol):
    """Where a process counts wrong passwords: :class:`Lockout` or the database's."""

    def wait(self, address: str, account: str | None = None) -> int: ...
    def failed(self, address: str, account: str) -> int: ...
    def succeeded(self, address: str, account: str) -> None: ...
    def clear(self) -> None: ...


@dataclass(frozen=True)
class SignedIn:
    """One browser's sign-in: who, and when it began and was last used (monotonic seconds)."""

    user: User
    created: float
    last_seen: float


class SignIns:
    """Browser id → signed-in person, with idle and absolute expiry; safe across threads.

    Parameters
    ----------
    clock
        Monotonic seconds; tests pass their own.
    """

    def __init__(self, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._by_browser: dict[str, SignedIn] = {}

    def _expired(self, entry: SignedIn, now: float) -> bool:
        return expired(entry.created, entry.last_seen, now)

    def sign_in(self, browser_id: str, user: User) -> None:
        """Bind ``user`` to ``browser_id``, replacing any earlier sign-in of that browser."""
        now = self._clock()
        with self._lock:
            # Forget what has expired, so the store does not grow with old browsers.
            for key in [k for k, e in self._by_browser.items() if self._expired(e, now)]:
                del self._by_browser[key]
            self._by_browser[browser_id] = SignedIn(user, now, now)

    def current(self, browser_id: str | None) -> User | None:
        """Who is signed in on ``browser_id`` now (an expired sign-in is removed), or ``None``."""
        if not browser_id:
            return None
        now = self._clock()
        with self._lock:
            entry = self._by_browser.get(browser_id)
            if entry is None:
                return None
            if self._expired(entry, now):
                del self._by_browser[browser_id]
                return None
            self._by_browser[browser_id] = replace(entry, last_seen=now)
            return entry.user

    def sign_out(self, browser_id: str | None) -> User | None:
        """End the sign-in of ``browser_id``; who was signed in, if anyone."""
        if not browser_id:
            return None
        with self._lock:
            entry = self._by_browser.pop(browser_id, None)
        return entry.user if entry else None

    def clear(self) -> None:
        """Forget every sign-in (tests)."""
        with self._lock:
            self._by_browser.clear()


@dataclass
class _Address:
    failures: int = 0
    strikes: int = 0
    locked_until: float = 0.0
    last_failed: float = 0.0


@dataclass
class _Account:
    # (time, address) of each failure within the window.
    failures: list[tuple[float, str]] = field(default_factory=list)


class Lockout:
    """Wrong passwords per client address and per account; strangers cannot lock editors out.

    * An address that gave :data:`MAX_ATTEMPTS` wrong passwords (for any
      account) waits :data:`LOCKOUT_SECONDS`, doubled for each further lockout.
    * An account that got :data:`ACCOUNT_ALARM` wrong passwords within
      :data:`ACCOUNT_WINDOW_SECONDS` refuses every address that gave one of
      them, for the rest of the window; an address that has not failed for it
      still signs in with the right password, so a guessing attack spread over
      many addresses slows to one try per address, and locks out nobody else.

    A success from an address clears that address's count and its failures for
    the account.
    """

    def __init__(self, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._addresses: dict[str, _Address] = {}
        self._accounts: dict[str, _Account] = {}

    def _account(self, account: str, now: float) -> _Account:
        entry = self._accounts.setdefault(account, _Account())
        entry.failures = [(t, a) for t, a in entry.failures if now - t < ACCOUNT_WINDOW_SECONDS]
        return entry

    def wait(self, address: str, account: str | None = None) -> int:
        """Seconds ``address`` must wait before trying (``account``); 0 when it may try now."""
        now = self._clock()
        with self._lock:
            seconds = self._addresses.get(address, _Address()).locked_until - now
            if account:
                entry = self._account(account.lower(), now)
                seconds = max(seconds, account_wait(entry.failures, address, now))
        return whole_seconds(seconds)

    def failed(self, address: str, account: str) -> int:
        """Count a wrong password; the seconds ``address`` must now wait (0: it may try again)."""
        now = self._clock()
        with self._lock:
            quiet = now - ADDRESS_MEMORY_SECONDS
            for stale in [a for a, e in self._addresses.items() if e.last_failed < quiet]:
                del self._addresses[stale]
            entry = self._addresses.setdefault(address, _Address())
            entry.last_failed = now
            entry.failures, entry.strikes, until = after_failure(entry.failures, entry.strikes, now)
            if until is not None:
                entry.locked_until = until
            self._account(account.lower(), now).failures.append((now, address))
        return self.wait(address, account)

    def succeeded(self, address: str, account: str) -> None:
        """A right password: forget this address's failures."""
        with self._lock:
            self._addresses.pop(address, None)
            entry = self._accounts.get(account.lower())
            if entry is not None:
                entry.failures = [(t, a) for t, a in entry.failures if a != address]

    def clear(self) -> None:
        """Forget every failure (tests)."""
        with self._lock:
            self._addresses.clear()
            self._accounts.clear()


#: The process's sign-ins and lockout, shared by every page run and the web routes.
SIGN_INS: Final = SignIns()
LOCKOUT: Final = Lockout()


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """Parse trusted proxies (``"10.0.0.5"``, ``"10.0.0.0/24"``); what does not parse is ignored.

    Ignored, not fatal: a typo then trusts fewer proxies, the safe side (the
    proxy's own address is used, and its clients share one lock).
    """
    networks: list[Network] = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(str(value).strip(), strict=False))
        except ValueError:
            continue
    return tuple(networks)


def trusted_from(
    radar_section: Mapping[str, object], environ: Mapping[str, str]
) -> tuple[Network, ...]:
    """The trusted proxies from ``[radar] trusted_proxies`` and ``$RADAR_TRUSTED_PROXIES``."""
    configured = radar_section.get("trusted_proxies") or ()
    values = [configured] if isinstance(configured, str) else list(configured)  # type: ignore[call-overload]
    values += [v for v in environ.get(TRUSTED_PROXIES_ENV_VAR, "").split(",") if v.strip()]
    return trusted_networks(str(v) for v in values)


def is_trusted(address: str, trusted: tuple[Network, ...]) -> bool:
    """Whether ``address`` is one of the trusted proxies."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def client_address(
    peer: str | None, forwarded_for: Iterable[str], trusted: tuple[Network, ...]
) -> str:
    """The client's address: the connection's peer, or behind trusted proxies the forwarded one.

    Only when the peer is a trusted proxy is ``X-Forwarded-For`` read, from the
    right (the entry the nearest proxy added) leftwards, skipping trusted
    proxies; the first entry that is not one is the client. Entries further
    left were written by the client itself and are never believed.

    Parameters
    ----------
    peer
        The connection's remote address.
    forwarded_for
        Every ``X-Forwarded-For`` header value, in order.
    trusted
        The trusted proxies (:func:`trusted_networks`).
    """
    if not peer:
        return UNKNOWN_CLIENT
    if not is_trusted(peer, trusted):
        return peer
    hops = [hop.strip() for value in forwarded_for for hop in value.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop, trusted):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                # Garbage where an address belongs: the proxy chain is broken here; stop at it.
                return peer
    return peer
