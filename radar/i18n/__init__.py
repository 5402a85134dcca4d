"""Every text the user sees, in Danish and English, and how each language writes numbers.

The texts are data: ``da.toml`` and ``en.toml`` in this folder, one quoted,
dotted key per text. ``t("key", lang)`` looks a text up; ``{name}``
placeholders are filled from keyword arguments. A missing key raises, so a
forgotten text fails the tests instead of showing a key to a user. Keys are
always written out in full where they are used (never built at run time), so
``tests/unit/test_text_keys.py`` can prove every key used exists and every key
defined is used.

Public API
----------
t
    The text for a key in a language, placeholders filled.
STRINGS
    The read-only table, ``{key: {lang: text}}``.
parse_lang
    A supported language code from a URL value, Danish otherwise.
format_date
    A date written out in full: ``2. december 2026`` / ``2 December 2026``.
LOCAL_ZONE
    Danish time, for times with no viewer's zone to go by.
format_clock
    The time of day to the minute: ``14.05`` / ``14:05``.
format_datetime
    A moment to the minute: ``2. december 2026 14.05`` / ``2 December 2026, 14:05``.
format_number
    A number with the language's decimal sign: ``1.234,5`` / ``1,234.5``.
format_percent
    A share as a percentage: ``25 %`` / ``25%``.
sort_key, ids_by_label
    Alphabetical order in a language (Danish: æ, ø, å after z).
"""

from __future__ import annotations

from radar.i18n.collation import ids_by_label, sort_key
from radar.i18n.formatting import (
    LOCAL_ZONE,
    format_clock,
    format_date,
    format_datetime,
    format_number,
    format_percent,
)
from radar.i18n.language import parse_lang
from radar.i18n.texts import STRINGS, t

__all__ = [
    "LOCAL_ZONE",
    "STRINGS",
    "format_clock",
    "format_date",
    "format_datetime",
    "format_number",
    "format_percent",
    "ids_by_label",
    "parse_lang",
    "sort_key",
    "t",
]
