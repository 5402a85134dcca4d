"""Alphabetical order per language: Danish puts æ, ø and å after z, English does not."""

from __future__ import annotations

from dataclasses import dataclass

from radar.i18n import ids_by_label, sort_key
from radar.model import Lang


@dataclass(frozen=True)
class _Named:
    da: str
    en: str

    def label(self, lang: Lang) -> str:
        return self.da if lang == "da" else self.en


def test_danish_sorts_ae_oe_aa_after_z_in_that_order() -> None:
    names = ["Åbne data", "Zoom", "Ældrepleje", "Øko", "Aula", "aftaler"]
    assert sorted(names, key=lambda n: sort_key(n, "da")) == [
        "aftaler",
        "Aula",
        "Zoom",
        "Ældrepleje",
        "Øko",
        "Åbne data",
    ]


def test_english_keeps_the_letters_where_unicode_has_them() -> None:
    assert sort_key("Øko", "en") > sort_key("Zoom", "en")
    assert sort_key("Åbne", "en") < sort_key("Øko", "en")


def test_ids_follow_their_labels_in_the_chosen_language_with_ties_by_id() -> None:
    items = {
        "b": _Named("Ønske", "Wish"),
        "a": _Named("Aula", "Aula"),
        "c": _Named("Zoom", "Zoom"),
        "d": _Named("Zoom", "Zoom"),
    }
    assert ids_by_label(items, "da") == ["a", "c", "d", "b"]
    assert ids_by_label(items, "en") == ["a", "b", "c", "d"]
