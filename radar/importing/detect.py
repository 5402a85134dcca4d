"""Which format a file is in, told from its content and its name."""

from __future__ import annotations

import csv
from pathlib import Path

from radar.importing.aoe import looks_like_aoe
from radar.importing.backstage import looks_like_backstage
from radar.importing.byor import BYOR_REQUIRED
from radar.importing.read import header_delimiter, parse_json, windows_1252
from radar.model import DEFAULT_LANG

__all__ = ["detect_format"]


def detect_format(data: bytes, file_name: str = "") -> str:
    """Which import format a file is in, from its content and extension.

    A zip archive with ``.md`` files under a ``radar`` folder (and no
    ``[Content_Types].xml``, which every workbook has), or a ``.zip`` name, is
    ``aoe``; any other zip archive, an old Excel file or an ``.xlsx`` name is
    ``xlsx``; JSON (text starting with ``{`` or ``[``, or a ``.json`` name) is
    ``backstage`` when it is an object whose entries have ``timeline`` lists (or
    whose rings or quadrants have ids, and no entry a ``label``), ``zalando``
    when it is any other object, ``byor-json`` when its objects have ``name``,
    ``ring`` and ``quadrant``, ``zalando`` when they have ``label``, ``quadrant``
    and ``ring`` (a fork's entries alone), else ``json``; anything else is CSV: ``byor-csv``
    when the header has ``name``, ``ring`` and ``quadrant``, else ``csv``. A
    file that is none of them is given the format whose reader explains best
    what is wrong.
    """
    suffix = Path(file_name).suffix.lower()
    if (data.startswith(b"PK\x03\x04") and looks_like_aoe(data)) or suffix == ".zip":
        return "aoe"
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) or suffix in (
        ".xlsx",
        ".xlsm",
        ".xls",
    ):
        return "xlsx"
    unmarked = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = unmarked.decode("utf-8")
    except UnicodeDecodeError:
        # Danish Excel's CSV is read as Windows-1252 (:func:`~radar.importing.read.decode`);
        # other bytes are told as well as they can be, for the reader to explain.
        text = windows_1252(data) or unmarked.decode("utf-8", errors="replace")
    text = text.lstrip()
    if text.startswith(("{", "[")) or suffix == ".json":
        value, _ = parse_json(text, file_name, DEFAULT_LANG)
        if isinstance(value, dict):
            return "backstage" if looks_like_backstage(value) else "zalando"
        if isinstance(value, list):
            keys = {
                str(k).strip().lower() for item in value if isinstance(item, dict) for k in item
            }
            if set(BYOR_REQUIRED) <= keys:
                return "byor-json"
            # Zalando forks that keep a radar per date write its entries alone.
            return "zalando" if {"label", "quadrant", "ring"} <= keys else "json"
        return "zalando" if text.startswith("{") else "json"
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = header_delimiter(header)[0] or ","
    names = {h.strip().lower() for h in next(csv.reader([header], delimiter=delimiter), [])}
    return "byor-csv" if set(BYOR_REQUIRED) <= names else "csv"
