"""Reading what a participant's phone sends: a small form, checked before anything is stored.

The phone page posts ``application/x-www-form-urlencoded`` forms. The body is
read up to :data:`MAX_FORM_BYTES` (four full comments in any script fit, with
room to spare), decoded as UTF-8 and split into fields; each field is taken
once (a repeated field is a tampered form). Nothing here touches the store:
the workshop's own rules (:func:`radar.workshop.submit_answer`,
:func:`radar.workshop.submit_votes`) check what the fields mean.

The numbers a form sends (a consequence rating's score, a technology's
points) are read by :func:`whole_numbers`: short ASCII digits become a whole
number, anything else is passed on, cut short, for the workshop's rules to
refuse with their own message.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Final
from urllib.parse import parse_qsl

from radar.workshop import COMMENT_LIMIT, QUESTION_IDS

__all__ = [
    "MAX_FORM_BYTES",
    "MAX_POINTS_FIELDS",
    "POINTS_PREFIX",
    "RATING_PREFIX",
    "FormError",
    "prefixed",
    "read_form",
    "whole_numbers",
]

#: Four comments of COMMENT_LIMIT characters, each up to 4 bytes in UTF-8 and
#: percent-encoded (3 characters a byte), plus the other fields.
MAX_FORM_BYTES: Final = len(QUESTION_IDS) * COMMENT_LIMIT * 4 * 3 + 4096
#: More fields than any form of the page has is not a phone's answer.
_MAX_FIELDS: Final = 32
#: The prioritising form has a field per technology: the whole radar (about
#: 110) fits, with the hidden fields and room to spare.
MAX_POINTS_FIELDS: Final = 256
#: A consequence rating's field on the question form: this and the dimension, ``rating-cost``.
RATING_PREFIX: Final = "rating-"
#: A technology's field on the prioritising form: this and its id, ``points-droner``.
POINTS_PREFIX: Final = "points-"
#: The longest number the page's forms send (0 to 5); longer is no number of theirs.
_NUMBER_CHARS: Final = 2
#: How much of anything else is passed on, to be named in the refusal.
_SHOWN_CHARS: Final = 20


@dataclass(frozen=True)
class FormError(Exception):
    """A form the page cannot read; ``key`` and ``details`` are its i18n message."""

    key: str
    details: Mapping[str, object] = field(default_factory=dict)
    status: int = 400


async def read_form(
    chunks: AsyncIterator[bytes], content_type: str | None, *, max_fields: int = _MAX_FIELDS
) -> dict[str, str]:
    """The fields of a posted form, each once.

    Parameters
    ----------
    chunks
        The request body as it arrives (Starlette's ``request.stream()``).
    content_type
        The request's ``Content-Type``.
    max_fields
        The most fields the form may have (the prioritising form's is
        :data:`MAX_POINTS_FIELDS`).

    Raises
    ------
    FormError
        The body is not a URL-encoded form, is larger than :data:`MAX_FORM_BYTES`
        (status 413), is not UTF-8, has too many fields, or repeats a field.
    """
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise FormError("phone.bad_form")
    body = bytearray()
    async for chunk in chunks:
        body.extend(chunk)
        if len(body) > MAX_FORM_BYTES:
            # Stop reading: a phone's answer is never this large.
            raise FormError(
                "phone.too_large",
                {"size": len(body) // 1024, "limit": MAX_FORM_BYTES // 1024},
                status=413,
            )
    try:
        text = body.decode("utf-8")
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            strict_parsing=False,
            encoding="utf-8",
            errors="strict",
            max_num_fields=max_fields,
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise FormError("phone.bad_form") from exc
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name in fields:
            raise FormError("phone.bad_form")
        fields[name] = value
    return fields


def prefixed(fields: Mapping[str, str], prefix: str) -> dict[str, str]:
    """The fields whose names start with ``prefix``, by the rest of their names, as sent."""
    return {name[len(prefix) :]: value for name, value in fields.items() if name.startswith(prefix)}


def whole_numbers(sent: Mapping[str, str]) -> dict[str, object]:
    """Each field's number, for the workshop's rules to check.

    An empty field is left out (not rated, no points); one or two ASCII digits
    become a whole number; anything else stays text, cut to a few characters,
    so that the rules refuse it and name it.
    """
    numbers: dict[str, object] = {}
    for name, value in sent.items():
        if not value:
            continue
        # ASCII only: "²" is a digit to isdigit() but not to int().
        if value.isascii() and value.isdigit() and len(value) <= _NUMBER_CHARS:
            numbers[name] = int(value)
        else:
            numbers[name] = value[:_SHOWN_CHARS]
    return numbers
