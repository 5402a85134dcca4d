"""The rows behind shared sign-ins and the lockout (:mod:`radar.shared_signins`).

They live in the workshop database (:mod:`radar.store.workshop_schema`), which
every dashboard process writes, whether editing is on or not.

Plain SQL on a cursor the caller holds inside its transaction; the rules
(expiry, when an address is locked) live with the callers, not here. Times are
seconds since 1970, so several processes compare them.
"""

from __future__ import annotations

from dataclasses import dataclass

from radar.store.transactions import Connection

__all__ = [
    "AddressRow",
    "SignInRow",
    "account_failures",
    "add_failure",
    "address_row",
    "clear",
    "count_failure",
    "delete_address",
    "delete_failures",
    "delete_sign_in",
    "forget_before",
    "lock_address",
    "save_sign_in",
    "sign_in_row",
    "touch_sign_in",
]


@dataclass(frozen=True)
class SignInRow:
    """One browser's sign-in as stored: who (JSON), when it began and was last used."""

    user_json: str
    created: float
    last_seen: float


@dataclass(frozen=True)
class AddressRow:
    """One client address's wrong passwords since its last lock, its locks, and until when."""

    failures: int
    strikes: int
    locked_until: float


def sign_in_row(cur: Connection, browser_key: str) -> SignInRow | None:
    """The sign-in stored for ``browser_key``, if any."""
    row = cur.execute(
        "SELECT user_json, created, last_seen FROM sign_ins WHERE browser_key = ?", [browser_key]
    ).fetchone()
    return None if row is None else SignInRow(str(row[0]), float(row[1]), float(row[2]))


def save_sign_in(cur: Connection, browser_key: str, row: SignInRow) -> None:
    """Store ``row`` for ``browser_key``, replacing the browser's earlier sign-in."""
    cur.execute(
        "INSERT INTO sign_ins (browser_key, user_json, created, last_seen) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (browser_key) DO UPDATE SET user_json = excluded.user_json, "
        "created = excluded.created, last_seen = excluded.last_seen",
        [browser_key, row.user_json, row.created, row.last_seen],
    )


def touch_sign_in(cur: Connection, browser_key: str, last_seen: float) -> None:
    """Record that the browser was seen at ``last_seen``."""
    cur.execute("UPDATE sign_ins SET last_seen = ? WHERE browser_key = ?", [last_seen, browser_key])


def delete_sign_in(cur: Connection, browser_key: str) -> None:
    """Forget the browser's sign-in."""
    cur.execute("DELETE FROM sign_ins WHERE browser_key = ?", [browser_key])


def forget_before(
    cur: Connection, *, idle_since: float, created_since: float, window: float, quiet_since: float
) -> None:
    """Forget what has expired, so the tables keep nothing longer than it is needed.

    Sign-ins last used before ``idle_since`` or begun before ``created_since``,
    an account's wrong passwords older than ``window``, and the counts of
    addresses that have not failed since ``quiet_since``.
    """
    cur.execute(
        "DELETE FROM sign_ins WHERE last_seen < ? OR created < ?", [idle_since, created_since]
    )
    cur.execute("DELETE FROM sign_in_failures WHERE failed_at < ?", [window])
    cur.execute("DELETE FROM sign_in_addresses WHERE last_failed < ?", [quiet_since])


def address_row(cur: Connection, address: str) -> AddressRow | None:
    """The address's count and lock, if it has failed since its last success."""
    row = cur.execute(
        "SELECT failures, strikes, locked_until FROM sign_in_addresses WHERE address = ?",
        [address],
    ).fetchone()
    return None if row is None else AddressRow(int(row[0]), int(row[1]), float(row[2]))


def lock_address(cur: Connection, address: str, row: AddressRow) -> None:
    """Set the counted address's count, locks and lock end (after :func:`count_failure`)."""
    cur.execute(
        "UPDATE sign_in_addresses SET failures = ?, strikes = ?, locked_until = ? "
        "WHERE address = ?",
        [row.failures, row.strikes, row.locked_until, address],
    )


def count_failure(cur: Connection, address: str, failed_at: float) -> AddressRow:
    """One more wrong password from ``address`` at ``failed_at``: its row after counting it.

    Counted in the database, not read and written back, so two processes
    counting the same address at once each add theirs.
    """
    row = cur.execute(
        "INSERT INTO sign_in_addresses (address, failures, strikes, locked_until, last_failed) "
        "VALUES (?, 1, 0, 0, ?) ON CONFLICT (address) DO UPDATE SET "
        "failures = sign_in_addresses.failures + 1, last_failed = excluded.last_failed "
        "RETURNING failures, strikes, locked_until",
        [address, failed_at],
    ).fetchone()
    assert row is not None  # an upsert with RETURNING always returns its row
    return AddressRow(int(row[0]), int(row[1]), float(row[2]))


def delete_address(cur: Connection, address: str) -> None:
    """Forget the address's count and lock."""
    cur.execute("DELETE FROM sign_in_addresses WHERE address = ?", [address])


def add_failure(cur: Connection, account: str, address: str, failed_at: float) -> None:
    """Count one wrong password for ``account`` from ``address``."""
    cur.execute(
        "INSERT INTO sign_in_failures (account, address, failed_at) VALUES (?, ?, ?)",
        [account, address, failed_at],
    )


def account_failures(cur: Connection, account: str, since: float) -> list[tuple[float, str]]:
    """(time, address) of each wrong password for ``account`` since ``since``."""
    found = cur.execute(
        "SELECT failed_at, address FROM sign_in_failures WHERE account = ? AND failed_at >= ?",
        [account, since],
    ).fetchall()
    return [(float(at), str(address)) for at, address in found]


def delete_failures(cur: Connection, account: str, address: str) -> None:
    """Forget the account's failures from ``address`` (its right password came from there)."""
    cur.execute(
        "DELETE FROM sign_in_failures WHERE account = ? AND address = ?", [account, address]
    )


def clear(cur: Connection) -> None:
    """Forget every sign-in and failure (tests)."""
    for table in ("sign_ins", "sign_in_addresses", "sign_in_failures"):
        cur.execute(f"DELETE FROM {table}")
