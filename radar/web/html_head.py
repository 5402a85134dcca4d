"""Adding a fixed snippet to the end of an HTML page's head, once."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["append_to_head"]

_HEAD_END: Final = re.compile(rb"</head\s*>", re.IGNORECASE)


def append_to_head(html: bytes, snippet: bytes) -> bytes:
    """``html`` with ``snippet`` just before ``</head>``, unless it has it or has no head."""
    if snippet in html:
        return html
    return _HEAD_END.sub(lambda match: snippet + match.group(0), html, count=1)
