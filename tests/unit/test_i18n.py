"""The string table: complete in both languages, placeholders consistent."""

from __future__ import annotations

import string

import pytest

from radar.i18n import STRINGS, parse_lang, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_text_exists_in_danish_and_english_with_the_same_placeholders(key: str) -> None:
    entry = STRINGS[key]
    assert entry["da"].strip() and entry["en"].strip()
    assert _fields(entry["da"]) == _fields(entry["en"])


def test_lookup_fills_placeholders_in_the_chosen_language() -> None:
    assert t("radar.caption", "da", area="Samlet", edition=2025, count=3) == (
        "Samlet · 2025 · 3 teknologier"
    )
    assert t("radar.caption", "en", area="Combined", edition=2025, count=3) == (
        "Combined · 2025 · 3 technologies"
    )


def test_an_unknown_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        t("no.such.key", "da")


@pytest.mark.parametrize(
    ("value", "lang"), [("en", "en"), ("da", "da"), ("fr", "da"), (None, "da")]
)
def test_unknown_languages_fall_back_to_danish(value: object, lang: str) -> None:
    assert parse_lang(value) == lang
