"""The text keys the export uses: one for every format, language and movement."""

from __future__ import annotations

from radar.exporting.page import MOVEMENT_LABEL_KEYS
from radar.formats import EXPORT_FORMATS
from radar.i18n import STRINGS
from radar.model import LANGUAGES
from radar.pipeline.history import Movement
from radar.ui.screens.export import FORMAT_KEYS, FORMATS, LANGUAGE_KEYS


def test_every_format_language_and_movement_has_its_text() -> None:
    assert set(FORMATS) == set(FORMAT_KEYS) == set(EXPORT_FORMATS)
    assert set(LANGUAGE_KEYS) == set(LANGUAGES)
    assert set(MOVEMENT_LABEL_KEYS) == set(Movement)
    keys = [*LANGUAGE_KEYS.values(), *MOVEMENT_LABEL_KEYS.values()]
    keys += [key for pair in FORMAT_KEYS.values() for key in pair]
    assert [key for key in keys if key not in STRINGS] == []
