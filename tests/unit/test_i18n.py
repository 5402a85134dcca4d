"""The string table: complete in both languages, placeholders consistent."""

from __future__ import annotations

import string

import pytest

from radar.i18n import STRINGS, parse_lang, t, texts


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


def test_the_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        STRINGS["app.title"] = {"da": "x", "en": "x"}  # type: ignore[index]
    with pytest.raises(TypeError):
        STRINGS["app.title"]["da"] = "x"  # type: ignore[index]


def test_a_missing_or_empty_english_text_falls_back_to_danish(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = {"a.only_da": {"da": "kun dansk"}, "a.empty_en": {"da": "tom", "en": ""}}
    monkeypatch.setattr(texts, "STRINGS", table)
    assert t("a.only_da", "en") == "kun dansk"
    assert t("a.empty_en", "en") == "tom"


def test_key_and_lang_are_positional_only_so_they_may_be_placeholders() -> None:
    assert t("app.title", "en") == "Technology radar"
    with pytest.raises(TypeError):
        t(key="app.title")  # type: ignore[call-arg]
