"""Placeholder: being written (issue 5). See radar/formats.py for the formats."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def add_command(commands: Any, db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``import`` subcommand to the CLI parser."""


def run_command(args: argparse.Namespace) -> int:
    """Run the subcommand; returns the exit code."""
    raise NotImplementedError
