"""Alphabetical order as each language has it: Danish puts æ, ø and å after z."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Protocol

from radar.model import Lang

#: Stand-ins that sort after every word in z, in the Danish order æ, ø, å: the three
#: characters that follow "z" in Unicode. (A "z" followed by a control character, as
#: the old copies of this key had, put "Ældre" between "Zealand" and "Zoom".)
_DANISH_LAST: Final = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


class _Labelled(Protocol):
    def label(self, lang: Lang) -> str: ...


def sort_key(text: str, lang: Lang, /) -> str:
    """``text``'s place in an alphabetical list in ``lang`` (case ignored)."""
    folded = text.casefold()
    return folded.translate(_DANISH_LAST) if lang == "da" else folded


def ids_by_label(items: Mapping[str, _Labelled], lang: Lang, /) -> list[str]:
    """The ids of ``items`` in the alphabetical order of their labels in ``lang``; ties by id."""
    return sorted(items, key=lambda item_id: (sort_key(items[item_id].label(lang), lang), item_id))
