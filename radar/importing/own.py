"""Our own format: one row per technology and area, as CSV, Excel or JSON.

The columns are :data:`radar.formats.OWN_COLUMNS`. Scores are all five or
none, checked by :func:`radar.rules.score_breaches`; a row without scores
states its ring.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import cast

from radar import formats, rules
from radar.importing.entries import (
    MAX_NAME_CHARS,
    SLUG,
    Context,
    Entry,
    NewCategory,
    by_name,
    check_name,
    fallback_id,
    listing,
    whole_number,
)
from radar.importing.read import Rows
from radar.model import TECHNOLOGY_TEXT_FIELDS
from radar.pipeline import scoring
from radar.store.paths import SEED_DIR
from radar.store.seed import load_seed

__all__ = ["OWN_REQUIRED", "own_entries"]

#: The columns every file of our format has.
OWN_REQUIRED = tuple(c.name for c in formats.OWN_COLUMNS if c.required)
#: What a broken score rule is called in a message, and the column it is told of.
_BREACH_MESSAGES: Mapping[str, str] = {
    "trl_range": "importmsg.not_trl",
    "share_range": "importmsg.not_share",
    "shares_sum": "importmsg.shares_sum",
}
#: The column the shares' sum is told of: it is all four shares'.
_SHARES_COLUMN = "share_*"


@functools.cache
def kl_categories() -> Mapping[str, NewCategory]:
    """KL's categories, from the seed: recognised by id or name in a database without them."""
    return {
        str(row["id"]): NewCategory(
            str(row["name_da"]),
            str(row["name_en"]),
            str(row["description_da"]),
            str(row["description_en"]),
        )
        for row in load_seed(SEED_DIR)["sectors"]
    }


def _looks_like_an_entry(header: Sequence[str], ctx: Context) -> bool:
    """Whether a file's first row is a radar entry (a name, then a ring) and not column names."""
    return any(ctx.ring_names.resolve(cell)[0] is not None for cell in header[1:3])


def own_entries(rows: Rows, ctx: Context) -> list[Entry]:
    """Entries from our own format (CSV, Excel or JSON)."""
    expected = formats.OWN_COLUMN_NAMES
    present = {h.lower() for h in rows.header}
    unknown = [h for h in rows.header if h.lower() not in expected]
    missing = [c for c in OWN_REQUIRED if c not in present]
    known = set(expected) | {c.lower() for c in formats.BYOR_COLUMNS}
    if not present & known and _looks_like_an_entry(rows.header, ctx):
        first = ", ".join(h[:30] for h in rows.header[:3])
        # BYOR's columns as many as the row has (its files often leave out status).
        columns = [c for c in formats.BYOR_COLUMNS if len(rows.header) != 5 or c != "status"]
        message = ctx.text("importmsg.header_is_an_entry", first=first, byor=",".join(columns))
        ctx.problem(rows.header_row, None, message)
        return []
    if unknown or missing:
        detail = []
        if missing:
            detail.append(ctx.text("importmsg.missing_columns", columns=", ".join(missing)))
        if unknown:
            detail.append(ctx.text("importmsg.unknown_columns", columns=", ".join(unknown)))
        detail.append(
            ctx.text(
                "importmsg.own_columns",
                columns=", ".join(expected),
                required=", ".join(OWN_REQUIRED),
            )
        )
        ctx.problem(rows.header_row, None, "; ".join(detail))
        return []
    default_area = ctx.default_area()
    if "area" not in present and default_area is None:
        ctx.missing_area()
        return []
    sectors = ctx.snapshot.sectors
    entries = []
    for row, cells in rows.rows:
        area_cell = cells.get("area", "")
        area: str | None
        if area_cell:
            area = ctx.resolve_area(area_cell, row, "area")
            if area is not None and ctx.area is not None and area != ctx.area:
                message = ctx.text("importmsg.area_mismatch", area=area, chosen=ctx.area)
                ctx.problem(row, "area", message)
        elif default_area is not None or ctx.bad_area:
            area = default_area
        else:
            message = ctx.text("importmsg.area_empty", areas=listing(ctx.snapshot.areas))
            ctx.problem(row, "area", message)
            area = None
        name = check_name(ctx, row, "name_da", cells.get("name_da", ""))
        given_id = cells.get("technology", "")
        id_column = "technology" if given_id else "name_da"
        if given_id:
            technology = given_id
            if given_id not in ctx.snapshot.technologies and not SLUG.fullmatch(given_id):
                message = ctx.text(
                    "importmsg.not_an_id",
                    value=given_id,
                    example=formats.slugify(given_id) or "teknologi",
                )
                ctx.problem(row, "technology", message)
        elif name is not None:
            technology = formats.slugify(name) or fallback_id("technology", name)
        else:
            technology = ""
        sector_cell = cells.get("sector", "")
        sector = None
        if not sector_cell:
            ctx.problem(row, "sector", ctx.text("importmsg.sector_empty", sectors=listing(sectors)))
        elif len(sector_cell) > MAX_NAME_CHARS:
            message = ctx.text("importmsg.quadrant_too_long", limit=MAX_NAME_CHARS)
            ctx.problem(row, "sector", message)
        elif sectors and ctx.mapping().category_for(sector_cell) is None:
            # A radar with categories: a name that is none of them is most
            # likely a typo; a mapping says what it is, or that it is new.
            sector = by_name(sector_cell, sectors)
            if sector is None:
                ctx.count_foreign_category(sector_cell)
                message = ctx.text(
                    "importmsg.not_a_category", value=sector_cell, sectors=listing(sectors)
                )
                ctx.problem(row, "sector", message)
        else:
            # A new radar's categories are created (KL's with all their texts),
            # and so are the ones a mapping names.
            sector = ctx.foreign_sector(sector_cell, known=kl_categories())
        texts = {f: cells[f] for f in TECHNOLOGY_TEXT_FIELDS if cells.get(f)}
        if "name_en" in texts:
            check_name(ctx, row, "name_en", texts["name_en"])
        scores = _own_scores(ctx, row, cells)
        ring_cell = cells.get("ring", "")
        ring = ctx.ring(ring_cell, row, "ring") if ring_cell else None
        stated = not any(cells.get(c) for c in scoring.SCORE_COLUMNS)
        if stated and not ring_cell:
            message = ctx.text("importmsg.ring_required", expected=ctx.ring_names.expected())
            ctx.problem(row, "ring", message)
        if area is None or name is None or not technology or sector is None:
            continue
        entries.append(
            Entry(
                row=row,
                id_column=id_column,
                area=area,
                technology=technology,
                sector=sector,
                texts=texts,
                scores=scores,
                ring=ring,
                ring_reason=cells.get("ring_reason", ""),
                stated_ring=stated,
            )
        )
    return entries


def _own_scores(ctx: Context, row: int, cells: Mapping[str, str]) -> dict[str, int] | None:
    """A row's five scores, or None when it has none or they break a rule (told to ``ctx``)."""
    given = {c: cells.get(c, "") for c in scoring.SCORE_COLUMNS}
    if not any(given.values()):
        return None
    numbers = {c: whole_number(v) if v else None for c, v in given.items()}
    # A cell that is no whole number is a problem of its own; it stands in as
    # the lowest valid value, so the rules still tell what is wrong elsewhere.
    lowest = {c: rules.SHARE_MIN for c in scoring.SHARE_COLUMNS} | {"maturity_trl": scoring.TRL_MIN}
    checked = {
        c: (lowest[c] if numbers[c] is None else numbers[c]) if given[c] else None
        for c in scoring.SCORE_COLUMNS
    }
    breaches = rules.score_breaches(checked)
    partial = next((b for b in breaches if b.code == "scores_partial"), None)
    if partial is not None:
        message = ctx.text(
            "importmsg.scores_partial",
            columns=", ".join(scoring.SCORE_COLUMNS),
            missing=", ".join(cast("tuple[str, ...]", partial.values["missing"])),
        )
        ctx.problem(row, partial.field, message)
        return None
    unreadable = [c for c in scoring.SCORE_COLUMNS if numbers[c] is None]
    # Told in column order, as a reader goes through the row.
    problems: dict[str, str] = {
        c: ctx.text("importmsg.not_whole", value=given[c]) for c in unreadable
    }
    for breach in breaches:
        if breach.code == "shares_sum":
            # The sum of shares that are not all readable says nothing.
            if not unreadable:
                problems[_SHARES_COLUMN] = ctx.text(
                    _BREACH_MESSAGES[breach.code], total=breach.values["total"]
                )
        else:
            problems[breach.field] = ctx.text(
                _BREACH_MESSAGES[breach.code], value=breach.values["value"]
            )
    order = [*scoring.SCORE_COLUMNS, _SHARES_COLUMN]
    for column in sorted(problems, key=order.index):
        ctx.problem(row, column, problems[column])
    if problems:
        return None
    return {c: n for c, n in numbers.items() if n is not None}
