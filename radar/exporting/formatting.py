"""Dates and numbers the way each language writes them, through Babel (CLDR data).

Kept beside the exports, which are its only users so far; it knows nothing
about exports and can move to :mod:`radar.i18n` as it is.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal as _babel_decimal

from radar.model import Lang

#: The Babel locale of each language. British, not American, English: its dates put the
#: day first ("2 December 2026"), as Danish ones do ("2. december 2026").
LOCALES: Final[dict[str, str]] = {"da": "da_DK", "en": "en_GB"}
_DEFAULT: Final[str] = "da"


def format_date(day: date, lang: Lang) -> str:
    """A date as people write it: "27. november 2025", "27 November 2025" (CLDR's long form)."""
    return _babel_date(day, format="long", locale=LOCALES.get(lang, LOCALES[_DEFAULT]))


def format_number(value: float, lang: Lang, *, decimals: int = 0) -> str:
    """A number with the language's separators: "12.345,5" in Danish, "12,345.5" in English."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return _babel_decimal(value, format=pattern, locale=LOCALES.get(lang, LOCALES[_DEFAULT]))
