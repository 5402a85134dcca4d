"""Reading what a participant's phone sends: a small form, checked before anything is stored.

The phone page posts ``application/x-www-form-urlencoded`` forms. The body is
read up to :data:`MAX_FORM_BYTES` (four full comments in any script fit, with
room to spare), decoded as UTF-8 and split into fields; each field is taken
once (a repeated field is a tampered form). Nothing here touches the store:
the workshop's own rules (:func:`radar.workshop.submit_answer`) check what
the fields mean.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Final
from urllib.parse import parse_qsl

from radar.workshop import COMMENT_LIMIT, QUESTION_IDS

__all__ = ["MAX_FORM_BYTES", "FormError", "read_form"]

#: Four comments of COMMENT_LIMIT characters, each up to 4 bytes in UTF-8 and
#: percent-encoded (3 characters a byte), plus the other fields.
MAX_FORM_BYTES: Final = len(QUESTION_IDS) * COMMENT_LIMIT * 4 * 3 + 4096
#: More fields than any form of the page has is not a phone's answer.
_MAX_FIELDS: Final = 32


@dataclass(frozen=True)
class FormError(Exception):
    """A form the page cannot read; ``key`` and ``details`` are its i18n message."""

    key: str
    details: Mapping[str, object] = field(default_factory=dict)
    status: int = 400


async def read_form(chunks: AsyncIterator[bytes], content_type: str | None) -> dict[str, str]:
    """The fields of a posted form, each once.

    Parameters
    ----------
    chunks
        The request body as it arrives (Starlette's ``request.stream()``).
    content_type
        The request's ``Content-Type``.

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
            max_num_fields=_MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise FormError("phone.bad_form") from exc
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name in fields:
            raise FormError("phone.bad_form")
        fields[name] = value
    return fields
