"""The keys of the edit screen's widgets, shared with the tests that drive them."""

from __future__ import annotations

from typing import Final

#: The technology picker's choice for adding a technology (a slug never starts with "_").
NEW_TECH: Final = "_ny"
#: The edit page's own area choice (the radar's ``area`` includes the combined radar).
ASSESS_AREA: Final = "ed-assess-area"


def text_key(technology_id: str, field: str) -> str:
    """The key of a technology's text or category widget."""
    return f"ed-{technology_id}-{field}"


def new_key(field: str) -> str:
    """The key of a widget of the form for a new technology."""
    return f"ed-new-{field}"


def assessment_prefix(technology_id: str, edition: int, area: str) -> str:
    """The prefix of the keys of one assessment's widgets."""
    return f"ed-{technology_id}-{edition}-{area}"


def case_prefix(case_id: str) -> str:
    """The prefix of the keys of one example case's widgets."""
    return f"ed-case-{case_id}"


def new_case_prefix(technology_id: str) -> str:
    """The prefix of the keys of the form for a technology's new example case."""
    return f"ed-case-new-{technology_id}"
