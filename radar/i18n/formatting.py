"""Dates, numbers and percentages written the way each language writes them.

Danish writes ``2. december 2026``, ``1.234,5`` and ``26 %``; English (British,
as the radar's English texts are) writes ``2 December 2026``, ``1,234.5`` and
``26%``. Babel holds those conventions (CLDR data), so the radar does not spell
them out itself. Rounding is Babel's: half to even, as Python's own ``format``.
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from typing import Final
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.dates import format_time as _babel_format_time
from babel.numbers import NumberPattern

from radar.model import Lang

__all__ = [
    "LOCAL_ZONE",
    "format_clock",
    "format_date",
    "format_datetime",
    "format_number",
    "format_percent",
]

#: Where the radar's readers are: a time with no viewer's zone to go by (a message,
#: a spreadsheet, the change log) is written in Danish time, not the server's zone,
#: which in a container is often UTC.
LOCAL_ZONE: Final = ZoneInfo("Europe/Copenhagen")

# British English: day before month, as a Danish reader expects, and the
# spelling the English texts use.
_LOCALES: Final[dict[Lang, Locale]] = {
    "da": Locale.parse("da_DK"),
    "en": Locale.parse("en_GB"),
}


def format_date(day: dt.date, lang: Lang, /) -> str:
    """``day`` written out in full: ``2. december 2026`` or ``2 December 2026``."""
    return _babel_format_date(day, format="long", locale=_LOCALES[lang])


def format_datetime(moment: dt.datetime, lang: Lang, zone: dt.tzinfo | None = None, /) -> str:
    """``moment`` as its day in full and the time to the minute, in ``zone``.

    ``2. december 2026 14.05`` or ``2 December 2026, 14:05``; the language's own
    way of joining the two (CLDR's) and of writing the time. ``zone`` None
    keeps an aware moment's own zone and takes a naive one as it is.
    """
    if zone is not None and moment.tzinfo is not None:
        moment = moment.astimezone(zone)
    locale = _LOCALES[lang]
    pattern = str(locale.datetime_formats["long"])
    day = _babel_format_date(moment, format="long", locale=locale)
    # Naive: Babel would otherwise read it as UTC and shift it to nothing in particular.
    clock = _babel_format_time(moment.replace(tzinfo=None), format="short", locale=locale)
    return pattern.replace("{1}", day).replace("{0}", clock)


def format_clock(moment: dt.datetime, lang: Lang, zone: dt.tzinfo | None = None, /) -> str:
    """The time of day of ``moment`` to the minute, in ``zone``: ``14.05`` or ``14:05``.

    ``zone`` None keeps an aware moment's own zone and takes a naive one as it is.
    """
    if zone is not None and moment.tzinfo is not None:
        moment = moment.astimezone(zone)
    return _babel_format_time(moment.replace(tzinfo=None), format="short", locale=_LOCALES[lang])


def format_number(value: float, lang: Lang, /, *, decimals: int | None = None) -> str:
    """``value`` with the language's decimal sign and thousands separator.

    Parameters
    ----------
    value
        The number.
    lang
        ``"da"`` gives ``1.234,5``; ``"en"`` gives ``1,234.5``.
    decimals
        Exactly this many digits after the decimal sign; ``None`` (the
        default) shows up to three and drops trailing zeros.
    """
    locale = _LOCALES[lang]
    # A copy: the locale's own pattern is shared by every caller.
    pattern: NumberPattern = copy(locale.decimal_formats[None])
    if decimals is not None:
        pattern.frac_prec = (decimals, decimals)
    # Babel leaves apply() unannotated; it returns the text.
    return str(pattern.apply(value, locale))


def format_percent(share: float, lang: Lang, /, *, decimals: int = 0) -> str:
    """``share`` (0.25 for a quarter) as a percentage: ``25 %`` or ``25%``.

    Danish puts a no-break space before the sign, so the number and the sign
    never land on separate lines.
    """
    locale = _LOCALES[lang]
    pattern: NumberPattern = copy(locale.percent_formats[None])
    pattern.frac_prec = (decimals, decimals)
    return str(pattern.apply(share, locale))
