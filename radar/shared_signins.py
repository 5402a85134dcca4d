"""Sign-ins and the lockout kept in the database, for several dashboard processes on one.

Behind a load balancer a browser's requests may reach any replica: after a
replica restarts, or for the plain routes (the backup download) that no
websocket pins. :class:`SharedSignIns` and :class:`SharedLockout` have the
methods, and follow the rules, of the in-memory :class:`radar.signins.SignIns`
and :class:`radar.signins.Lockout`, with the state in the database every
replica shares: an editor stays signed in wherever the next request lands,
and a password guesser counts as one client on all of them together, not as
a fresh one on each.

They live in the workshop database, which every dashboard process writes
(editing on or off). Each call is one short transaction of its own. The browser's id is stored
only as a hash, so the table does not hold what the cookie carries. Times are
wall-clock seconds (:func:`time.time`): monotonic clocks are per process.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable
from typing import Final

from radar import signins, store
from radar.auth import Role, SignIn, User
from radar.signins import (
    ABSOLUTE_SECONDS,
    ACCOUNT_WINDOW_SECONDS,
    ADDRESS_MEMORY_SECONDS,
    IDLE_SECONDS,
    Clock,
    LockoutStore,
    SignInStore,
    account_wait,
    after_failure,
    expired,
    whole_seconds,
)
from radar.store import signins as rows
from radar.store import workshop_schema as workshop_store

#: Environment variable: ``1`` keeps sign-ins and the lockout in the database
#: (needed by several dashboard processes on one database; on one machine it
#: also keeps editors signed in across a restart).
SHARED_ENV_VAR: Final = "RADAR_SHARED_SIGN_INS"

#: A page run records that its browser was seen at most this often, so a
#: signed-in editor costs one write a minute, not one per click. The idle
#: expiry (:data:`radar.signins.IDLE_SECONDS`) may come this much early.
TOUCH_SECONDS: Final = 60.0

Connect = Callable[[], store.Connection]


def browser_key(browser_id: str) -> str:
    """What is stored for a browser: a hash of its id, never the id itself."""
    return hashlib.sha256(browser_id.encode("utf-8")).hexdigest()


def _as_json(user: User) -> str:
    return json.dumps(
        {"name": user.name, "via": user.via.value, "role": user.role.value, "account": user.account}
    )


def _from_json(text: str) -> User | None:
    try:
        data = json.loads(text)
        return User(
            name=str(data["name"]),
            via=SignIn(data["via"]),
            role=Role(data["role"]),
            account=str(data.get("account", "")),
        )
    except (ValueError, KeyError, TypeError):
        # A row this version cannot read (written by another version): signed out.
        return None


def _forget_expired(cur: store.Connection, now: float) -> None:
    """Forget what the rules no longer need, so the tables do not grow with old browsers."""
    rows.forget_before(
        cur,
        idle_since=now - IDLE_SECONDS,
        created_since=now - ABSOLUTE_SECONDS,
        window=now - ACCOUNT_WINDOW_SECONDS,
        quiet_since=now - ADDRESS_MEMORY_SECONDS,
    )


class SharedSignIns:
    """Browser id → signed-in person, in the database; the methods of :class:`SignIns`.

    Parameters
    ----------
    connect
        The process's connection to the shared database.
    clock
        Wall-clock seconds; tests pass their own.
    """

    def __init__(self, connect: Connect, clock: Clock = time.time) -> None:
        self._connect = connect
        self._clock = clock

    def sign_in(self, browser_id: str, user: User) -> None:
        """Bind ``user`` to ``browser_id``, replacing any earlier sign-in of that browser."""
        now = self._clock()
        key = browser_key(browser_id)

        def write(cur: store.Connection) -> None:
            _forget_expired(cur, now)
            rows.save_sign_in(cur, key, rows.SignInRow(_as_json(user), now, now))

        store.retrying(self._connect(), write)

    def current(self, browser_id: str | None) -> User | None:
        """Who is signed in on ``browser_id`` now (an expired sign-in is removed), or ``None``."""
        if not browser_id:
            return None
        now = self._clock()
        key = browser_key(browser_id)
        con = self._connect()
        found = store.read(con, lambda cur: rows.sign_in_row(cur, key))
        if found is None:
            return None
        if expired(found.created, found.last_seen, now):
            store.retrying(con, lambda cur: rows.delete_sign_in(cur, key))
            return None
        user = _from_json(found.user_json)
        if user is not None and now - found.last_seen >= TOUCH_SECONDS:
            store.retrying(con, lambda cur: rows.touch_sign_in(cur, key, now))
        return user

    def sign_out(self, browser_id: str | None) -> User | None:
        """End the sign-in of ``browser_id``; who was signed in, if anyone."""
        if not browser_id:
            return None
        key = browser_key(browser_id)

        def remove(cur: store.Connection) -> User | None:
            found = rows.sign_in_row(cur, key)
            rows.delete_sign_in(cur, key)
            return None if found is None else _from_json(found.user_json)

        return store.retrying(self._connect(), remove)

    def clear(self) -> None:
        """Forget every sign-in and failure (tests)."""
        store.retrying(self._connect(), rows.clear)


class SharedLockout:
    """Wrong passwords per client address and per account, in the database; see :class:`Lockout`.

    Parameters
    ----------
    connect
        The process's connection to the shared database.
    clock
        Wall-clock seconds; tests pass their own.
    """

    def __init__(self, connect: Connect, clock: Clock = time.time) -> None:
        self._connect = connect
        self._clock = clock

    def _wait(self, cur: store.Connection, address: str, account: str | None, now: float) -> int:
        found = rows.address_row(cur, address)
        seconds = (found.locked_until if found else 0.0) - now
        if account:
            recent = rows.account_failures(cur, account.lower(), now - ACCOUNT_WINDOW_SECONDS)
            seconds = max(seconds, account_wait(recent, address, now))
        return whole_seconds(seconds)

    def wait(self, address: str, account: str | None = None) -> int:
        """Seconds ``address`` must wait before trying (``account``); 0 when it may try now."""
        now = self._clock()
        return store.read(self._connect(), lambda cur: self._wait(cur, address, account, now))

    def failed(self, address: str, account: str) -> int:
        """Count a wrong password; the seconds ``address`` must now wait (0: it may try again)."""
        now = self._clock()

        def count(cur: store.Connection) -> int:
            _forget_expired(cur, now)
            counted = rows.count_failure(cur, address, now)
            # The rule decides from the count before this failure, as in memory.
            _, strikes, until = after_failure(counted.failures - 1, counted.strikes, now)
            if until is not None:
                rows.lock_address(cur, address, rows.AddressRow(0, strikes, until))
            rows.add_failure(cur, account.lower(), address, now)
            return self._wait(cur, address, account, now)

        # The count is added in the database (two replicas counting one address
        # both count); a transaction that collides is counted again from the start.
        return store.retrying(self._connect(), count)

    def succeeded(self, address: str, account: str) -> None:
        """A right password: forget this address's failures."""

        def forget(cur: store.Connection) -> None:
            rows.delete_address(cur, address)
            rows.delete_failures(cur, account.lower(), address)

        store.retrying(self._connect(), forget)

    def clear(self) -> None:
        """Forget every failure and sign-in (tests)."""
        store.retrying(self._connect(), rows.clear)


def shared() -> bool:
    """Whether this process keeps sign-ins in the database (:data:`SHARED_ENV_VAR`)."""
    return os.environ.get(SHARED_ENV_VAR, "").strip().lower() in ("1", "true", "yes", "on")


# One pair per database for the process, like the connection they use.
_SHARED: dict[str, tuple[SharedSignIns, SharedLockout]] = {}
_SHARED_LOCK = threading.Lock()


def _shared_pair() -> tuple[SharedSignIns, SharedLockout]:
    db = workshop_store.resolve_workshop_db_path()
    with _SHARED_LOCK:
        if str(db) not in _SHARED:
            # The process's one connection to the workshop database, which every
            # dashboard holds for writing (its participants answer there).
            def connect() -> store.Connection:
                return store.shared_connection(
                    db, read_only=False, open_file=lambda: workshop_store.connect_workshops(db)
                )

            _SHARED[str(db)] = (SharedSignIns(connect), SharedLockout(connect))
        return _SHARED[str(db)]


def sign_ins() -> SignInStore:
    """This process's sign-ins: in the database when :func:`shared`, else in its memory."""
    return _shared_pair()[0] if shared() else signins.SIGN_INS


def lockout() -> LockoutStore:
    """This process's lockout: in the database when :func:`shared`, else in its memory."""
    return _shared_pair()[1] if shared() else signins.LOCKOUT
