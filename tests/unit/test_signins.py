"""The server-side sign-in store, the lockout and the client's address behind proxies."""

from __future__ import annotations

from radar.auth import Role, SignIn, User
from radar.signins import (
    ABSOLUTE_SECONDS,
    ACCOUNT_ALARM,
    IDLE_SECONDS,
    LOCKOUT_SECONDS,
    MAX_ATTEMPTS,
    Lockout,
    SignIns,
    client_address,
    trusted_from,
    trusted_networks,
)

METTE = User("Mette", SignIn.ACCOUNT, Role.EDITOR)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_sign_in_belongs_to_its_browser_and_sign_out_ends_it() -> None:
    store = SignIns()
    store.sign_in("browser-a", METTE)
    assert store.current("browser-a") == METTE
    assert store.current("browser-b") is None
    assert store.current(None) is None
    assert store.sign_out("browser-a") == METTE
    assert store.current("browser-a") is None
    assert store.sign_out("browser-a") is None


def test_a_sign_in_expires_when_idle_and_after_its_absolute_lifetime() -> None:
    clock = Clock()
    store = SignIns(clock)
    store.sign_in("idle", METTE)
    clock.now += IDLE_SECONDS + 1
    assert store.current("idle") is None

    store.sign_in("busy", METTE)
    started = clock.now
    # Used every few minutes, it stays ... until its absolute end.
    while clock.now - started < ABSOLUTE_SECONDS - 600:
        clock.now += 600
        assert store.current("busy") == METTE
    clock.now = started + ABSOLUTE_SECONDS + 1
    assert store.current("busy") is None


def test_five_wrong_passwords_lock_that_address_only_and_the_wait_grows() -> None:
    clock = Clock()
    lockout = Lockout(clock)
    for _ in range(MAX_ATTEMPTS - 1):
        assert lockout.failed("203.0.113.9", "mette") == 0
    assert lockout.failed("203.0.113.9", "mette") == LOCKOUT_SECONDS
    assert lockout.wait("203.0.113.9") == LOCKOUT_SECONDS
    assert lockout.wait("203.0.113.9", "anna") == LOCKOUT_SECONDS
    # Another client, also for the same account, may try.
    assert lockout.wait("192.0.2.44", "mette") == 0
    clock.now += LOCKOUT_SECONDS
    assert lockout.wait("203.0.113.9") == 0
    for _ in range(MAX_ATTEMPTS):
        lockout.failed("203.0.113.9", "mette")
    assert lockout.wait("203.0.113.9") == 2 * LOCKOUT_SECONDS


def test_a_guessing_attack_on_one_account_from_many_addresses_spares_clean_addresses() -> None:
    lockout = Lockout(Clock())
    attackers = [f"198.51.100.{n}" for n in range(ACCOUNT_ALARM)]
    for address in attackers:
        lockout.failed(address, "mette")
    # Every address that failed for the account is refused for it now ...
    assert all(lockout.wait(a, "mette") > 0 for a in attackers)
    # ... but not for other accounts, and a clean address signs in as before.
    assert lockout.wait(attackers[0], "anna") == 0
    assert lockout.wait("192.0.2.44", "mette") == 0


def test_a_right_password_clears_the_addresses_count() -> None:
    lockout = Lockout(Clock())
    for _ in range(MAX_ATTEMPTS - 1):
        lockout.failed("192.0.2.44", "mette")
    lockout.succeeded("192.0.2.44", "mette")
    assert lockout.failed("192.0.2.44", "mette") == 0


TRUSTED = trusted_networks(["10.0.0.5", "10.1.0.0/24", "not an address"])


def test_without_trusted_proxies_the_peer_is_the_client_whatever_it_forwards() -> None:
    assert client_address("203.0.113.9", ["192.0.2.1"], ()) == "203.0.113.9"
    # A spoofed header from a peer that is not a trusted proxy is ignored.
    assert client_address("203.0.113.9", ["192.0.2.1"], TRUSTED) == "203.0.113.9"
    assert client_address(None, [], TRUSTED) == "unknown"


def test_behind_trusted_proxies_the_right_most_untrusted_forwarded_address_is_the_client() -> None:
    assert client_address("10.0.0.5", ["192.0.2.44"], TRUSTED) == "192.0.2.44"
    # The client wrote the left entry itself; the proxies appended the real one.
    assert client_address("10.0.0.5", ["6.6.6.6, 192.0.2.44"], TRUSTED) == "192.0.2.44"
    assert client_address("10.0.0.5", ["6.6.6.6", "192.0.2.44, 10.1.0.7"], TRUSTED) == "192.0.2.44"
    # Nothing forwarded, or only proxies: the proxy itself.
    assert client_address("10.0.0.5", [], TRUSTED) == "10.0.0.5"
    assert client_address("10.0.0.5", ["10.1.0.7"], TRUSTED) == "10.0.0.5"
    # Garbage where the nearest address belongs: not believed.
    assert client_address("10.0.0.5", ["192.0.2.44, evil"], TRUSTED) == "10.0.0.5"


def test_trusted_proxies_from_the_secrets_and_the_environment() -> None:
    networks = trusted_from(
        {"trusted_proxies": ["10.0.0.5"]}, {"RADAR_TRUSTED_PROXIES": "10.1.0.0/24, ::1"}
    )
    assert [str(n) for n in networks] == ["10.0.0.5/32", "10.1.0.0/24", "::1/128"]
    assert trusted_from({"trusted_proxies": "127.0.0.1"}, {})[0].num_addresses == 1
