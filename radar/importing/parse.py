"""A file in a known format, read as entries: the reader and the interpreter each format takes."""

from __future__ import annotations

from datetime import date

from radar import formats
from radar.importing.aoe import aoe_entries
from radar.importing.backstage import backstage_entries
from radar.importing.byor import byor_entries, byor_repair
from radar.importing.entries import Context, Entry
from radar.importing.own import own_entries
from radar.importing.read import (
    decode,
    header_delimiter,
    json_rows,
    parse_json,
    read_csv,
    read_xlsx,
    table_rows,
)
from radar.importing.zalando import zalando_entries

__all__ = ["read_entries"]


def read_entries(data: bytes, fmt: str, ctx: Context) -> tuple[list[Entry], date | None]:
    """The file's rows as entries, and its own date; problems go to ``ctx``."""
    file_name, lang = ctx.file_name, ctx.lang
    if fmt == "aoe":
        return aoe_entries(data, ctx)
    if fmt == "xlsx":
        records, problems = read_xlsx(data, file_name, lang)
        ctx.problems += problems
        if problems:
            return [], None
        rows, problems = table_rows(records, file_name, lang, separator=None)
        ctx.problems += problems
        return (own_entries(rows, ctx) if rows is not None else []), None
    # Only CSV may be Windows-1252: what Danish Excel writes; JSON is UTF-8 by its standard.
    legacy = ctx.notes if fmt in ("csv", "byor-csv") else None
    text, problems = decode(data, file_name, lang, notes=legacy)
    ctx.problems += problems
    if text is None:
        return [], None
    if fmt in ("csv", "byor-csv"):
        records, problems = read_csv(text, file_name, lang)
        ctx.problems += problems
        if problems:
            return [], None
        separator = header_delimiter(text.lstrip().split("\n", 1)[0])[0] or ","
        repair = byor_repair(ctx.ring_names) if fmt == "byor-csv" else None
        read = None if fmt == "csv" else {c.lower() for c in formats.BYOR_COLUMNS}
        rows, problems = table_rows(
            records, file_name, lang, repair=repair, separator=separator, read=read
        )
        ctx.problems += problems
        if rows is None:
            return [], None
        return (own_entries(rows, ctx) if fmt == "csv" else byor_entries(rows, ctx)), None
    document, problems = parse_json(text, file_name, lang)
    ctx.problems += problems
    if problems:
        return [], None
    if fmt == "zalando":
        return zalando_entries(document, ctx)
    if fmt == "backstage":
        return backstage_entries(document, ctx), None
    read = None if fmt == "json" else {c.lower() for c in formats.BYOR_COLUMNS}
    rows, problems = json_rows(document, file_name, lang, "importmsg.json_not_a_list", read)
    ctx.problems += problems
    if rows is None:
        return [], None
    return (own_entries(rows, ctx) if fmt == "json" else byor_entries(rows, ctx)), None
