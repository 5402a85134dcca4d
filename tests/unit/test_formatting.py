"""Dates, numbers and percentages written the Danish and the English way."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from radar.i18n import format_date, format_datetime, format_number, format_percent
from radar.model import Lang

NBSP = "\N{NO-BREAK SPACE}"


@pytest.mark.parametrize(
    ("day", "lang", "text"),
    [
        (dt.date(2026, 12, 2), "da", "2. december 2026"),
        (dt.date(2026, 12, 2), "en", "2 December 2026"),
        (dt.date(2025, 5, 17), "da", "17. maj 2025"),
        (dt.date(2025, 5, 17), "en", "17 May 2025"),
    ],
)
def test_a_date_is_written_out_day_first(day: dt.date, lang: Lang, text: str) -> None:
    assert format_date(day, lang) == text


def test_a_datetime_is_written_as_its_day() -> None:
    assert format_date(dt.datetime(2026, 1, 9, 23, 59), "da") == "9. januar 2026"


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (1234.5, "da", "1.234,5"),
        (1234.5, "en", "1,234.5"),
        (1234567, "da", "1.234.567"),
        (0.125, "da", "0,125"),
        (-3.25, "da", "-3,25"),
        (42, "en", "42"),
    ],
)
def test_a_number_uses_the_languages_decimal_sign(value: float, lang: Lang, text: str) -> None:
    assert format_number(value, lang) == text


def test_a_number_may_have_a_fixed_count_of_decimals() -> None:
    assert format_number(1234.5, "da", decimals=2) == "1.234,50"
    assert format_number(1234.5, "en", decimals=2) == "1,234.50"
    assert format_number(2.75, "da", decimals=0) == "3"


@pytest.mark.parametrize(
    ("share", "lang", "decimals", "text"),
    [
        (0.25, "da", 0, f"25{NBSP}%"),
        (0.25, "en", 0, "25%"),
        (0.256, "da", 1, f"25,6{NBSP}%"),
        (0.256, "en", 1, "25.6%"),
        (1, "da", 0, f"100{NBSP}%"),
        (0.0, "da", 0, f"0{NBSP}%"),
    ],
)
def test_a_share_is_written_as_a_percentage(
    share: float, lang: Lang, decimals: int, text: str
) -> None:
    assert format_percent(share, lang, decimals=decimals) == text


def test_language_comes_positionally_and_decimals_by_name() -> None:
    with pytest.raises(TypeError):
        format_number(1.5, lang="da")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        format_percent(0.5, "da", 1)  # type: ignore[call-arg]


def test_fixed_decimals_do_not_stick_to_the_language() -> None:
    assert format_number(1.5, "da", decimals=3) == "1,500"
    assert format_number(1.5, "da") == "1,5"
    assert format_percent(0.5, "da", decimals=2) == f"50,00{NBSP}%"
    assert format_percent(0.5, "da") == f"50{NBSP}%"


@pytest.mark.parametrize(
    ("lang", "text"),
    [("da", "2. december 2026 14.05"), ("en", "2 December 2026, 14:05")],
)
def test_a_moment_is_written_out_with_its_time_of_day(lang: Lang, text: str) -> None:
    assert format_datetime(dt.datetime(2026, 12, 2, 14, 5, 59), lang) == text


def test_a_moment_is_shown_in_the_zone_asked_for() -> None:
    utc = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)
    copenhagen = ZoneInfo("Europe/Copenhagen")
    # Half past midnight in Copenhagen: the next day, and the next year.
    assert format_datetime(utc, "da", copenhagen) == "1. januar 2027 00.30"
