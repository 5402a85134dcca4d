"""Who may edit: the sign-in configuration read from secrets and the environment."""

from __future__ import annotations

import pytest

from radar.auth import MIN_PASSWORD_LENGTH, PASSWORD_ENV_VAR, SignIn, editor_config

PASSWORD = "korrekt-hest-batteri-haefteklamme"


def test_nothing_configured_turns_editing_off() -> None:
    config = editor_config({}, {})
    assert config.method is SignIn.OFF
    assert not config.enabled
    assert not config.check_password("")


def test_password_from_the_environment() -> None:
    config = editor_config({}, {PASSWORD_ENV_VAR: PASSWORD})
    assert config.method is SignIn.PASSWORD
    assert config.check_password(PASSWORD)
    assert not config.check_password(PASSWORD + " ")
    assert not config.check_password(PASSWORD.upper())
    assert not config.check_password("")


def test_password_in_the_secrets_wins_over_the_environment() -> None:
    config = editor_config(
        {"radar": {"editor_password": PASSWORD}}, {PASSWORD_ENV_VAR: "en-anden-lang-kode-her"}
    )
    assert config.check_password(PASSWORD)
    assert not config.check_password("en-anden-lang-kode-her")


def test_a_short_password_is_refused_and_says_why() -> None:
    config = editor_config({}, {PASSWORD_ENV_VAR: "x" * (MIN_PASSWORD_LENGTH - 1)})
    assert config.method is SignIn.OFF
    assert "shorter" in (config.problem or "")
    assert not config.check_password("x" * (MIN_PASSWORD_LENGTH - 1))


def test_the_password_never_appears_in_the_configuration_repr() -> None:
    config = editor_config({}, {PASSWORD_ENV_VAR: PASSWORD})
    assert PASSWORD not in repr(config)
    assert PASSWORD not in str(config)


def test_openid_connect_wins_when_configured() -> None:
    secrets = {
        "auth": {"client_id": "x", "server_metadata_url": "https://idp.example/.well-known"},
        "radar": {"editor_password": PASSWORD},
    }
    config = editor_config(secrets, {})
    assert config.method is SignIn.OIDC
    # The local password is not a back door once the organisation's sign-in is set up.
    assert not config.check_password(PASSWORD)
    # Without a list of editors nobody edits: a forgotten list must not open it to all.
    assert not config.may_edit("anyone@kommune.dk")
    everyone = editor_config({**secrets, "radar": {"allow_all_signed_in": True}}, {})
    assert everyone.may_edit("anyone@kommune.dk")
    # Only the boolean true opens it, not a string that looks like it.
    assert not editor_config({**secrets, "radar": {"allow_all_signed_in": "true"}}, {}).may_edit(
        "anyone@kommune.dk"
    )


@pytest.mark.parametrize(
    ("email", "allowed"),
    [("Redaktoer@Kommune.dk", True), ("redaktoer@kommune.dk ", True), ("borger@gmail.com", False)],
)
def test_openid_connect_editor_list(email: str, allowed: bool) -> None:
    config = editor_config(
        {"auth": {"client_id": "x"}, "radar": {"editors": ["redaktoer@kommune.dk"]}}, {}
    )
    assert config.may_edit(email) is allowed
    assert not config.may_edit(None)


def test_the_audit_log_marks_a_password_editors_name_as_typed() -> None:
    from radar.auth import Editor

    assert Editor("Mette", SignIn.PASSWORD).audit_name == "Mette (adgangskode)"
    assert Editor("mette@kommune.dk", SignIn.OIDC).audit_name == "mette@kommune.dk"
