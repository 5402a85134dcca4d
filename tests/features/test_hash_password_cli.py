"""``python -m radar hash-password``: the hash to configure, with the password never echoed."""

from __future__ import annotations

import io

import pytest
from argon2 import PasswordHasher

from radar import cli
from radar.auth import PASSWORD_HASH_ENV_VAR, auth_config

PASSWORD = "korrekt-hest-batteri-haefteklamme"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_piped_password_is_hashed_and_the_hash_signs_in(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["hash-password"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("$argon2id$") and PASSWORD not in out
    assert PasswordHasher().verify(out, PASSWORD)
    config = auth_config({}, {PASSWORD_HASH_ENV_VAR: out})
    assert config.check_password("Mette", PASSWORD) is not None


def test_at_a_terminal_the_password_is_asked_twice_without_echo(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal())
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert cli.main(["hash-password"]) == 1
    captured = capsys.readouterr()
    assert "differ" in captured.err and "$argon2id$" not in captured.out
    answers = iter([PASSWORD, PASSWORD])
    assert cli.main(["hash-password"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("$argon2id$")
    assert PASSWORD not in captured.out + captured.err


def test_a_short_password_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("kort\n"))
    assert cli.main(["hash-password"]) == 1
    assert "shorter than 12" in capsys.readouterr().err
