"""The text table, read from one TOML file per language, and the lookup ``t``.

The texts live in ``da.toml`` and ``en.toml`` next to this module, so a
translator edits data, not code. Both files are read once, at import, with the
standard library's TOML reader. Danish is the reference language: every key
must have a Danish text, and an English text that is missing or empty falls
back to the Danish one, as it did when the table was a Python dict.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Final

from radar.model import DEFAULT_LANG, LANGUAGES, Lang

__all__ = ["STRINGS", "t"]


def _read(lang: Lang) -> dict[str, str]:
    """The texts of one language file, checked to be a flat table of strings."""
    source = resources.files("radar.i18n").joinpath(f"{lang}.toml").read_text("utf-8")
    table = tomllib.loads(source)
    # A nested table or a number would be a typo in the data file; say which key
    # instead of failing later inside a page.
    wrong = [key for key, text in table.items() if not isinstance(text, str)]
    if wrong:
        raise ValueError(f"{lang}.toml: not a text: {', '.join(sorted(wrong))}")
    return table


def _load() -> Mapping[str, Mapping[Lang, str]]:
    """Every key with its text in each language that has it, Danish order kept."""
    by_lang = {lang: _read(lang) for lang in LANGUAGES}
    reference = by_lang[DEFAULT_LANG]
    for lang, texts in by_lang.items():
        # A key without a Danish text would have nothing to fall back to.
        extra = texts.keys() - reference.keys()
        if extra:
            raise ValueError(f"{lang}.toml: keys not in {DEFAULT_LANG}.toml: {sorted(extra)}")
    return MappingProxyType(
        {
            key: MappingProxyType(
                {lang: by_lang[lang][key] for lang in LANGUAGES if key in by_lang[lang]}
            )
            for key in reference
        }
    )


STRINGS: Final[Mapping[str, Mapping[Lang, str]]] = _load()
"""Read-only ``{key: {lang: text}}``, the shape the table had as a Python dict."""


def t(key: str, lang: Lang = DEFAULT_LANG, /, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    ``key`` and ``lang`` are positional-only, so a placeholder may be called
    ``key`` or ``lang`` without clashing with them.

    Raises
    ------
    KeyError
        ``key`` is not in the string table.
    """
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text
