"""``python -m radar hash-password``: print the argon2id hash of a password, for the secrets.

The password is read without echo from the terminal (``getpass``), or from
standard input when that is not a terminal (``echo ... | python -m radar
hash-password``, for scripts). It never appears on the command line, where
other users of the machine and the shell's history could see it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from radar.auth import MIN_PASSWORD_LENGTH, PASSWORD_HASH_ENV_VAR, hash_password


def add_command(commands: Any) -> None:
    """Add the ``hash-password`` subcommand to the CLI parser (``argparse._SubParsersAction``)."""
    commands.add_parser(
        "hash-password",
        help="print the argon2id hash of a password, for the sign-in settings",
        description="Read a password (without echo, or from standard input when it is not a "
        "terminal) and print its argon2id hash, for [radar.accounts.NAME] password_hash in "
        f".streamlit/secrets.toml or ${PASSWORD_HASH_ENV_VAR}. "
        f"Passwords shorter than {MIN_PASSWORD_LENGTH} characters are refused.",
    )


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != first:
            raise ValueError("the two passwords differ")
        return first
    # One line from a pipe; its line break is not part of the password.
    return sys.stdin.readline().rstrip("\r\n")


def run_command(_args: argparse.Namespace) -> int:
    """Print the hash; exit code 1 (and why, on stderr) for a refused password."""
    try:
        password = _read_password()
    except (ValueError, EOFError) as error:
        print(f"hash-password: {error or 'no password given'}", file=sys.stderr)
        return 1
    if len(password) < MIN_PASSWORD_LENGTH:
        print(
            f"hash-password: the password is shorter than {MIN_PASSWORD_LENGTH} characters",
            file=sys.stderr,
        )
        return 1
    print(hash_password(password))
    return 0
