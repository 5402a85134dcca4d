"""Who may do what: the sign-in configuration read from secrets and the environment."""

from __future__ import annotations

import pytest
from signed_in import PASSWORD, PASSWORD_HASH

from radar.auth import (
    PASSWORD_ENV_VAR,
    PASSWORD_HASH_ENV_VAR,
    Problem,
    Role,
    SignIn,
    User,
    auth_config,
    hash_password,
)

OIDC = {"client_id": "x", "server_metadata_url": "https://idp.example/.well-known"}


def test_nothing_configured_turns_editing_off() -> None:
    config = auth_config({}, {})
    assert config.method is SignIn.OFF
    assert not config.enabled
    assert config.check_password("Mette", "") is None


def test_the_shared_password_hash_from_the_environment() -> None:
    config = auth_config({}, {PASSWORD_HASH_ENV_VAR: PASSWORD_HASH})
    assert config.method is SignIn.PASSWORD
    assert config.check_password("Mette", PASSWORD) == User("Mette", SignIn.PASSWORD, Role.EDITOR)
    assert config.check_password("Mette", PASSWORD + " ") is None
    assert config.check_password("Mette", PASSWORD.upper()) is None
    assert config.check_password("Mette", "") is None


def test_hashes_are_argon2id_and_salted() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.startswith("$argon2id$") and first != second
    assert PASSWORD not in first


@pytest.mark.parametrize(
    ("secrets", "environ"),
    [
        ({}, {PASSWORD_ENV_VAR: PASSWORD}),
        ({"radar": {"editor_password": PASSWORD}}, {}),
        ({"radar": {"accounts": {"mette": {"role": "editor", "password": PASSWORD}}}}, {}),
    ],
    ids=["environment", "secrets", "account"],
)
def test_a_password_in_plain_text_is_refused_and_says_why(
    secrets: dict[str, object], environ: dict[str, str]
) -> None:
    config = auth_config(secrets, environ)
    assert config.method is SignIn.OFF
    assert Problem.PLAIN_TEXT in config.problems
    assert config.check_password("mette", PASSWORD) is None


def test_a_hash_that_is_not_argon2id_is_refused() -> None:
    config = auth_config({}, {PASSWORD_HASH_ENV_VAR: "5f4dcc3b5aa765d61d8327deb882cf99"})
    assert config.method is SignIn.OFF
    assert Problem.BAD_HASH in config.problems


def test_the_hash_never_appears_in_the_configuration_repr() -> None:
    secrets = {"radar": {"accounts": {"mette": {"role": "editor", "password_hash": PASSWORD_HASH}}}}
    for config in (
        auth_config({}, {PASSWORD_HASH_ENV_VAR: PASSWORD_HASH}),
        auth_config(secrets, {}),
    ):
        assert PASSWORD_HASH not in repr(config)
        assert PASSWORD_HASH not in str(config)


FREDE_HASH = hash_password("frede-" + PASSWORD)


def test_named_accounts_have_their_role_and_a_proven_name() -> None:
    secrets = {
        "radar": {
            "accounts": {
                "Mette": {"role": "editor", "password_hash": PASSWORD_HASH, "name": "Mette Hansen"},
                "frede": {"role": "facilitator", "password_hash": FREDE_HASH},
                "ole": {"role": "admin", "password_hash": PASSWORD_HASH},
            }
        }
    }
    config = auth_config(secrets, {})
    mette = config.check_password("mette ", PASSWORD)
    assert mette == User("Mette Hansen", SignIn.ACCOUNT, Role.EDITOR, account="Mette")
    assert mette.audit_name == "Mette Hansen"
    assert config.check_password("frede", PASSWORD) is None, "each account has its own password"
    frede = config.check_password("frede", "frede-" + PASSWORD)
    assert frede == User("frede", SignIn.ACCOUNT, Role.FACILITATOR, account="frede")
    # An unknown role is not guessed at: the account is not used, and the operator is told.
    assert config.check_password("ole", PASSWORD) is None
    assert Problem.BAD_ROLE in config.problems
    # No shared password configured: a name that is no account gets nothing.
    assert config.check_password("anna", PASSWORD) is None


def test_openid_connect_wins_when_configured() -> None:
    secrets = {"auth": OIDC, "radar": {"editor_password": PASSWORD}}
    config = auth_config(secrets, {PASSWORD_HASH_ENV_VAR: PASSWORD_HASH})
    assert config.method is SignIn.OIDC
    # The local password is not a back door once the organisation's sign-in is set up.
    assert config.check_password("Mette", PASSWORD) is None
    # Without a list of editors nobody edits: a forgotten list must not open it to all.
    assert not config.may_edit("anyone@kommune.dk")
    everyone = auth_config({**secrets, "radar": {"allow_all_signed_in": True}}, {})
    assert everyone.may_edit("anyone@kommune.dk")
    # Only the boolean true opens it, not a string that looks like it.
    assert not auth_config({**secrets, "radar": {"allow_all_signed_in": "true"}}, {}).may_edit(
        "anyone@kommune.dk"
    )


@pytest.mark.parametrize(
    ("email", "allowed"),
    [("Redaktoer@Kommune.dk", True), ("redaktoer@kommune.dk ", True), ("borger@gmail.com", False)],
)
def test_openid_connect_editor_list(email: str, allowed: bool) -> None:
    config = auth_config({"auth": OIDC, "radar": {"editors": ["redaktoer@kommune.dk"]}}, {})
    assert config.may_edit(email) is allowed
    assert not config.may_edit(None)


def test_openid_connect_roles_from_lists_and_group_claims() -> None:
    radar = {
        "editors": ["anna@kommune.dk"],
        "facilitators": ["bo@kommune.dk"],
        "group_claim": "groups",
        "editor_groups": ["radar-redaktoerer"],
        "facilitator_groups": ["radar-facilitatorer"],
    }
    config = auth_config({"auth": OIDC, "radar": radar}, {})
    assert config.oidc_role({"email": "anna@kommune.dk"}) is Role.EDITOR
    assert config.oidc_role({"email": "bo@kommune.dk"}) is Role.FACILITATOR
    editor_group = {"email": "c@kommune.dk", "groups": ["radar-redaktoerer"]}
    assert config.oidc_role(editor_group) is Role.EDITOR
    assert (
        config.oidc_role({"email": "d@kommune.dk", "groups": "radar-facilitatorer"})
        is Role.FACILITATOR
    )
    assert config.oidc_role({"email": "e@kommune.dk", "groups": ["alle-ansatte"]}) is Role.VIEWER
    # A facilitator in an editor group is an editor: the higher role counts.
    both = {"email": "bo@kommune.dk", "groups": ["radar-redaktoerer"]}
    assert config.oidc_role(both) is Role.EDITOR
    # Without a configured claim, a claim of that name gives nothing.
    no_claim = auth_config({"auth": OIDC, "radar": {"editor_groups": ["radar-redaktoerer"]}}, {})
    assert no_claim.oidc_role({"email": "c@k.dk", "groups": ["radar-redaktoerer"]}) is Role.VIEWER


def test_the_audit_log_marks_a_shared_password_editors_name_as_typed() -> None:
    assert User("Mette", SignIn.PASSWORD).audit_name == "Mette (adgangskode)"
    assert User("mette@kommune.dk", SignIn.OIDC).audit_name == "mette@kommune.dk"
    assert User("Mette Hansen", SignIn.ACCOUNT).audit_name == "Mette Hansen"
