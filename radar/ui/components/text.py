"""Data shown as typed: escaping text for ``st.markdown``, never letting it become markup."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=])")


def plain(text: str) -> str:
    """Escape ``text`` for ``st.markdown``: data is shown as typed, never as markup.

    Colons and dollar signs are escaped too, so Streamlit's ``:red[...]``,
    ``:material/...:`` and LaTeX directives cannot be smuggled in.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def plain_lines(text: str) -> str:
    """Plain text for ``st.markdown``, its line breaks kept."""
    return "  \n".join(plain(line) for line in text.splitlines())
