"""Exports as tables: our own format (CSV, Excel, JSON) and Thoughtworks' BYOR CSV.

Our own format has one row per technology and welfare area and is read back
unchanged by the importer; text from the database stays text, never an Excel
formula, in CSV and Excel alike (:mod:`radar.spreadsheet`), and BYOR's
description column, which BYOR reads as HTML, is escaped.
"""

from __future__ import annotations

import html
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

import pandas as pd

from radar.exporting.content import RadarContent
from radar.formats import BYOR_COLUMNS, FOREIGN_RING_EXAMPLES, OWN_COLUMN_NAMES
from radar.model import Lang
from radar.pipeline.history import Movement
from radar.pipeline.radar_data import RadarData
from radar.pipeline.scoring import score_assessments
from radar.spreadsheet import encode_csv, write_xlsx_row

#: BYOR's ring names by our ring position (1 = innermost); rings beyond the
#: fourth are all "hold", BYOR's outermost ring.
BYOR_RINGS: Final[dict[int, str]] = {
    position: name for position, name in enumerate(FOREIGN_RING_EXAMPLES, start=1)
}
#: BYOR's ``status`` for each movement.
BYOR_STATUS: Final[dict[str, str]] = {
    Movement.NEW: "new",
    Movement.IN: "moved in",
    Movement.OUT: "moved out",
    Movement.SAME: "no change",
}
#: Excel column widths (characters) of the long text columns; the others fit their name.
_XLSX_WIDTHS: Final[dict[str, int]] = {
    "name_da": 36,
    "name_en": 36,
    "summary_da": 50,
    "summary_en": 50,
    "ring_reason": 40,
}


def _number(value: Any) -> int | None:
    """A whole score or None: DuckDB hands NULL integers to pandas as NaN floats."""
    if value is None or pd.isna(value):
        return None
    return int(value)


def _text(value: Any) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def own_rows(
    data: RadarData,
    edition: int,
    area: str | None = None,
) -> list[dict[str, Any]]:
    """Our own format's rows: one per technology and welfare area in ``edition``.

    Parameters
    ----------
    data
        The published radar: areas, rings and sectors for the order, the
        technologies' names and texts, and the assessments.
    edition
        A published edition.
    area
        One welfare area, or None for all. Never the combined radar: its
        rings are computed from the areas' and cannot be imported.

    Returns
    -------
    Dicts with exactly the keys of :data:`radar.formats.OWN_COLUMN_NAMES`, in
    area order, then as numbered on the radar (category, ring inside out,
    name). ``ring`` is the ring on the radar (the override if there is one),
    ``ring_reason`` the stored reason ("" if none); the score columns are
    None where the assessment has no scores (an imported radar).
    """
    catalog, technologies = data.catalog, data.technologies
    scored = score_assessments(data.edition_assessments(edition), catalog.rings)
    if area is not None:
        scored = scored[scored["area"] == area]
    area_order = {a: i for i, a in enumerate(catalog.area_ids)}
    sector_order = {s: i for i, s in enumerate(catalog.sector_ids)}
    ring_order = {r: i for i, r in enumerate(catalog.ring_ids)}
    rows = []
    for r in scored.itertuples(index=False):
        tech = technologies[r.technology]
        row: dict[str, Any] = {
            "area": r.area,
            "technology": tech.id,
            "sector": tech.sector,
            "name_da": tech.name_da,
            "name_en": tech.name_en,
            "summary_da": tech.summary_da,
            "summary_en": tech.summary_en,
            "description_da": tech.description_da,
            "description_en": tech.description_en,
            "maturity_trl": _number(r.maturity_trl),
            "share_operation": _number(r.share_operation),
            "share_pilot": _number(r.share_pilot),
            "share_considering": _number(r.share_considering),
            "share_not_considering": _number(r.share_not_considering),
            "ring": str(r.ring),
            "ring_reason": _text(r.override_reason),
        }
        rows.append(row)
    rows.sort(
        key=lambda row: (
            area_order.get(row["area"], len(area_order)),
            sector_order.get(row["sector"], len(sector_order)),
            ring_order.get(row["ring"], len(ring_order)),
            row["name_da"].casefold(),
            row["technology"],
        )
    )
    return rows


def encode_own(fmt: str, rows: Sequence[Mapping[str, Any]], edition: int) -> bytes:
    """Our own format's rows (:func:`own_rows`) as a ``csv``, ``json`` or ``xlsx`` file."""
    if fmt == "csv":
        # What Danish Excel opens as columns: semicolons, and a byte-order mark
        # so it reads æøå as UTF-8. The importer reads both back, and takes
        # away the apostrophe a text that looks like a formula is written after.
        return encode_csv(
            OWN_COLUMN_NAMES,
            ([row[c] for c in OWN_COLUMN_NAMES] for row in rows),
            delimiter=";",
            bom=True,
        )
    if fmt == "json":
        return (json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return _xlsx(rows, edition)


def _xlsx(rows: Sequence[Mapping[str, Any]], edition: int) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = f"Teknologiradar {edition}"
    for cell in write_xlsx_row(sheet, 1, OWN_COLUMN_NAMES):
        cell.font = Font(bold=True)
    for index, row in enumerate(rows, start=2):
        write_xlsx_row(sheet, index, [row[name] for name in OWN_COLUMN_NAMES])
    sheet.freeze_panes = "A2"
    for column, name in enumerate(OWN_COLUMN_NAMES, start=1):
        letter = sheet.cell(row=1, column=column).column_letter
        sheet.column_dimensions[letter].width = _XLSX_WIDTHS.get(name, max(12, len(name) + 2))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def byor_csv(radar: RadarContent, lang: Lang) -> bytes:
    """Thoughtworks' "Build Your Own Radar" CSV of one radar.

    Columns ``name, ring, quadrant, isNew, status, description``: the ring is
    adopt/trial/assess/hold by our ring's position (beyond the fourth: hold),
    the quadrant the category's English name, ``isNew`` TRUE for a technology
    new on this radar, ``status`` its movement since the last edition (new,
    moved in, moved out, no change). The description is the one-line summary
    and the longer text as plain text; BYOR reads this column as HTML, so
    ``<``, ``>`` and ``&`` are written as entities and show as typed there.
    """
    positions = {r.id: i for i, r in enumerate(radar.catalog.rings, start=1)}
    rows = []
    for row in radar.view.sort_values("number").itertuples():
        tech = radar.technologies.get(row.id)
        texts = (tech.summary(lang), tech.description(lang)) if tech else ()
        description = "\n\n".join(text for text in texts if text)
        rows.append(
            (
                radar.name(row.id, lang),
                BYOR_RINGS.get(positions[row.ring], "hold"),
                # BYOR's quadrants are English whatever the language: "en" falls back to Danish.
                radar.catalog.sector(row.sector).label("en"),
                "TRUE" if row.movement == Movement.NEW else "FALSE",
                BYOR_STATUS.get(row.movement, "no change"),
                html.escape(description, quote=False),
            )
        )
    return encode_csv(BYOR_COLUMNS, rows, delimiter=",")
