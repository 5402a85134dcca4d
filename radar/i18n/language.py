"""Which language a request asks for."""

from __future__ import annotations

from radar.model import DEFAULT_LANG, LANGUAGES, Lang

__all__ = ["parse_lang"]


def parse_lang(value: object) -> Lang:
    """A supported language code from a URL value; anything else means Danish."""
    # A loop rather than ``value in LANGUAGES`` so the result is typed as a Lang
    # without a cast.
    for lang in LANGUAGES:
        if value == lang:
            return lang
    return DEFAULT_LANG
