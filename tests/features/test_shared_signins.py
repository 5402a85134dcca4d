"""Sign-ins and the lockout in the database, shared by several dashboard processes.

Two :class:`SharedSignIns` (and :class:`SharedLockout`) objects on one database
stand for two replicas behind a load balancer: what one writes, the other
reads. The lockout must follow exactly the in-memory rules, so the same
sequence of attempts is played against both and must give the same waits.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from radar import shared_signins, signins, store, workshop
from radar.auth import Role, SignIn, User
from radar.shared_signins import SharedLockout, SharedSignIns, browser_key
from radar.signins import (
    ACCOUNT_ALARM,
    ADDRESS_MEMORY_SECONDS,
    IDLE_SECONDS,
    LOCKOUT_SECONDS,
    MAX_ATTEMPTS,
    Lockout,
    LockoutStore,
)

EDITOR = User(name="Mette Hansen", via=SignIn.ACCOUNT, role=Role.EDITOR, account="mette")


class Clock:
    """Seconds that a test moves on by hand, shared by both replicas."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def con(tmp_path: Path) -> Iterator[store.Connection]:
    """The workshop database, where every dashboard process keeps the shared sign-ins."""
    connection = workshop.connect_workshops(tmp_path / "workshops.duckdb")
    yield connection
    connection.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _replicas(con: store.Connection, clock: Clock) -> tuple[SharedSignIns, SharedSignIns]:
    return SharedSignIns(lambda: con, clock), SharedSignIns(lambda: con, clock)


def test_a_sign_in_on_one_replica_holds_on_the_other_and_so_does_the_sign_out(
    con: store.Connection, clock: Clock
) -> None:
    first, second = _replicas(con, clock)
    first.sign_in("browser-1", EDITOR)
    assert second.current("browser-1") == EDITOR
    assert second.current("browser-2") is None
    assert second.sign_out("browser-1") == EDITOR
    assert first.current("browser-1") is None


def test_an_idle_sign_in_ends_on_every_replica(con: store.Connection, clock: Clock) -> None:
    first, second = _replicas(con, clock)
    first.sign_in("browser-1", EDITOR)
    clock.now += IDLE_SECONDS - 10
    # Used on the second replica: the idle time starts again for both.
    assert second.current("browser-1") == EDITOR
    clock.now += IDLE_SECONDS - 10
    assert first.current("browser-1") == EDITOR
    clock.now += IDLE_SECONDS + 1
    assert second.current("browser-1") is None
    assert store.rows(con, "SELECT count(*) FROM sign_ins") == [(0,)]


def test_the_browser_id_is_not_what_is_stored(con: store.Connection, clock: Clock) -> None:
    first, _ = _replicas(con, clock)
    first.sign_in("the-cookie-s-secret-id", EDITOR)
    stored = store.rows(con, "SELECT browser_key, user_json FROM sign_ins")
    assert stored == [(browser_key("the-cookie-s-secret-id"), stored[0][1])]
    assert "the-cookie-s-secret-id" not in repr(stored)


def test_a_row_another_version_wrote_signs_nobody_in(con: store.Connection, clock: Clock) -> None:
    first, _ = _replicas(con, clock)
    first.sign_in("browser-1", EDITOR)
    con.execute('UPDATE sign_ins SET user_json = \'{"name": "x", "role": "admin"}\'')
    assert first.current("browser-1") is None


def _attempts(lock: LockoutStore, clock: Clock) -> list[int]:
    """The same story told to a lockout: the waits it answers, step by step."""
    waits: list[int] = []
    for _ in range(MAX_ATTEMPTS):  # locked after the fifth
        waits.append(lock.failed("10.0.0.1", "Mette"))
    waits.append(lock.wait("10.0.0.1"))
    clock.now += LOCKOUT_SECONDS + 1
    waits.append(lock.wait("10.0.0.1"))
    for _ in range(MAX_ATTEMPTS):  # the second lock lasts twice as long
        waits.append(lock.failed("10.0.0.1", "mette"))
    clock.now += LOCKOUT_SECONDS + 1
    waits.append(lock.wait("10.0.0.1"))
    lock.succeeded("10.0.0.2", "mette")  # another address's success changes nothing here
    waits.append(lock.wait("10.0.0.1"))
    # A guessing attack on one account from many addresses.
    for n in range(ACCOUNT_ALARM):
        waits.append(lock.failed(f"192.0.2.{n}", "Ole"))
    waits.append(lock.wait("192.0.2.3", "ole"))
    waits.append(lock.wait("192.0.2.250", "ole"))  # never failed for it: may try
    lock.succeeded("192.0.2.3", "ole")
    waits.append(lock.wait("192.0.2.3", "ole"))
    # A day without a wrong password: the address is forgotten, its next lock is the first's.
    for _ in range(MAX_ATTEMPTS):
        waits.append(lock.failed("10.0.0.1", "mette"))
    clock.now += ADDRESS_MEMORY_SECONDS + 1
    waits.append(lock.failed("10.0.0.9", "someone"))  # any failure tidies up
    for _ in range(MAX_ATTEMPTS):
        waits.append(lock.failed("10.0.0.1", "mette"))
    return waits


def test_the_shared_lockout_follows_the_in_memory_rules_exactly(
    con: store.Connection, clock: Clock
) -> None:
    memory_clock, shared_clock = Clock(), clock
    expected = _attempts(Lockout(memory_clock), memory_clock)
    got = _attempts(SharedLockout(lambda: con, shared_clock), shared_clock)
    assert got == expected
    # The story does lock: a wrong rule on both sides would not pass unseen.
    assert expected[MAX_ATTEMPTS - 1] == LOCKOUT_SECONDS
    assert max(expected) > LOCKOUT_SECONDS
    assert expected[-1] == LOCKOUT_SECONDS  # forgotten after a quiet day: the first lock again


def test_a_quiet_address_leaves_the_database(con: store.Connection, clock: Clock) -> None:
    lock = SharedLockout(lambda: con, clock)
    lock.failed("198.51.100.4", "mette")
    clock.now += ADDRESS_MEMORY_SECONDS + 1
    lock.failed("198.51.100.5", "ole")
    assert store.rows(con, "SELECT address FROM sign_in_addresses") == [("198.51.100.5",)]
    assert store.rows(con, "SELECT address FROM sign_in_failures") == [("198.51.100.5",)]


def test_failures_spread_over_two_replicas_lock_the_address_on_both(
    con: store.Connection, clock: Clock
) -> None:
    first, second = SharedLockout(lambda: con, clock), SharedLockout(lambda: con, clock)
    for attempt in range(MAX_ATTEMPTS - 1):
        replica = first if attempt % 2 else second
        assert replica.failed("203.0.113.7", "mette") == 0
    assert first.failed("203.0.113.7", "mette") == LOCKOUT_SECONDS
    assert second.wait("203.0.113.7") == LOCKOUT_SECONDS


def test_failures_counted_at_the_same_moment_are_all_counted(
    con: store.Connection, clock: Clock
) -> None:
    replicas = [SharedLockout(lambda: con, clock) for _ in range(2)]
    failures = 2 * MAX_ATTEMPTS  # exactly two locks' worth
    start = threading.Barrier(failures)

    def fail(n: int) -> None:
        start.wait()
        replicas[n % 2].failed("203.0.113.9", f"account-{n}")

    threads = [threading.Thread(target=fail, args=(n,)) for n in range(failures)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.rows(
        con, "SELECT failures, strikes FROM sign_in_addresses WHERE address = '203.0.113.9'"
    ) == [(0, 2)]
    assert store.rows(con, "SELECT count(*) FROM sign_in_failures") == [(failures,)]


def test_the_process_uses_the_database_only_when_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "workshops.duckdb"
    monkeypatch.setenv(workshop.WORKSHOP_DB_ENV_VAR, str(path))
    monkeypatch.delenv(shared_signins.SHARED_ENV_VAR, raising=False)
    assert shared_signins.sign_ins() is signins.SIGN_INS
    assert shared_signins.lockout() is signins.LOCKOUT
    monkeypatch.setenv(shared_signins.SHARED_ENV_VAR, "1")
    assert isinstance(shared_signins.sign_ins(), SharedSignIns)
    assert isinstance(shared_signins.lockout(), SharedLockout)
    shared_signins.sign_ins().sign_in("browser-9", EDITOR)
    try:
        # It is in the workshop file, where another process finds it.
        con = store.shared_connection(
            path, read_only=False, open_file=lambda: workshop.connect_workshops(path)
        )
        assert store.rows(con, "SELECT count(*) FROM sign_ins") == [(1,)]
    finally:
        shared_signins.sign_ins().clear()
