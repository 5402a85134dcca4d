"""Dates and numbers as each language writes them, and the text keys the export uses."""

from __future__ import annotations

from datetime import date

import pytest

from radar.exporting import format_date, format_number
from radar.exporting.page import MOVEMENT_LABEL_KEYS
from radar.formats import EXPORT_FORMATS
from radar.i18n import STRINGS
from radar.model import LANGUAGES, Lang
from radar.pipeline.history import Movement
from radar.ui.screens.export import FORMAT_KEYS, FORMATS, LANGUAGE_KEYS


@pytest.mark.parametrize(
    ("day", "lang", "text"),
    [
        (date(2026, 12, 2), "da", "2. december 2026"),
        (date(2026, 12, 2), "en", "2 December 2026"),
        (date(2025, 5, 27), "da", "27. maj 2025"),
        (date(2025, 5, 27), "en", "27 May 2025"),
    ],
)
def test_dates_are_written_day_first_with_the_month_in_words(
    day: date, lang: Lang, text: str
) -> None:
    assert format_date(day, lang) == text


def test_numbers_use_each_languages_separators() -> None:
    assert format_number(12345.5, "da", decimals=1) == "12.345,5"
    assert format_number(12345.5, "en", decimals=1) == "12,345.5"
    assert format_number(1234567, "da") == "1.234.567"


def test_every_format_language_and_movement_has_its_text() -> None:
    assert set(FORMATS) == set(FORMAT_KEYS) == set(EXPORT_FORMATS)
    assert set(LANGUAGE_KEYS) == set(LANGUAGES)
    assert set(MOVEMENT_LABEL_KEYS) == set(Movement)
    keys = [*LANGUAGE_KEYS.values(), *MOVEMENT_LABEL_KEYS.values()]
    keys += [key for pair in FORMAT_KEYS.values() for key in pair]
    assert [key for key in keys if key not in STRINGS] == []
