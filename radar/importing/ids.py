"""Technology ids for the names of a foreign radar (BYOR, Zalando): readable, distinct, stable.

A name's id is its slug with ``#`` and ``+`` spelt out (:func:`name_id`:
``C#`` -> ``c-sharp``, ``C++`` -> ``c-plus-plus``), so that names which differ
in such symbols only are different technologies. Names are the same when they
differ in case and spacing only (``ZAP`` and ``Zap``). :func:`distinct_ids`
then gives every name of a file its id:

1. A name the database already has (Danish or English name) under its id, or
   under the id an earlier import gave it (the plain slug, from before the
   symbols were spelt out, or a numbered one), keeps that id.
2. Any other name gets :func:`name_id`; a stored technology with that id is
   that technology, whatever its name, as it always was.
3. A name whose id another name of the file already has is numbered, in file
   order (``name``, ``name-2``, ...), skipping ids that are taken, and the plan
   notes it, naming both technologies and their rows.

So the same file gives the same ids every time, and a numbered id stays with
its name in later files, whatever their order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from radar import formats
from radar.importing.entries import Context, Entry, fallback_id

__all__ = ["distinct_ids", "name_id", "same_name"]

# A "#" after a letter or digit is a sharp (C#, F#); elsewhere (#NoEstimates) it
# is dropped as any other symbol is. Every "+" is a plus (C++, TLA+, Google+).
_SHARP = re.compile(r"(?<=[^\W_])#")


def name_id(name: str) -> str:
    """The id of a foreign radar's name: its slug, ``#`` and ``+`` spelt out.

    >>> name_id("C#"), name_id("C++"), name_id("Node.js")
    ('c-sharp', 'c-plus-plus', 'node-js')
    """
    spelt = _SHARP.sub(" sharp ", name).replace("+", " plus ")
    return formats.slugify(spelt) or fallback_id("technology", name)


def same_name(name: str) -> str:
    """A name as names are compared: in any case, with any spacing."""
    return " ".join(name.casefold().split())


def _legacy_id(name: str) -> str:
    """The id imports gave a name before ``#`` and ``+`` were spelt out."""
    return formats.slugify(name) or fallback_id("technology", name)


def _stored_ids(stored: Mapping[str, Mapping[str, object]]) -> dict[str, list[str]]:
    """The stored technologies' ids by their names (Danish and English), compared as names are."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for tech_id, row in stored.items():
        for column in ("name_da", "name_en"):
            name = same_name(str(row[column] or ""))
            if name and tech_id not in by_name[name]:
                by_name[name].append(tech_id)
    return by_name


def _kept_id(name: str, stored_by_name: Mapping[str, list[str]]) -> str | None:
    """The id the database has for ``name`` from an import, if any (rule 1)."""
    base, legacy = name_id(name), _legacy_id(name)
    family = re.compile(rf"(?:{re.escape(base)}|{re.escape(legacy)})(?:-\d+)?")
    found = [i for i in stored_by_name.get(same_name(name), ()) if family.fullmatch(i)]
    # The id the name gets today first, then the older one, then the lowest number.
    found.sort(key=lambda i: (i != base, i != legacy, len(i), i))
    return found[0] if found else None


def distinct_ids(entries: list[Entry], ctx: Context) -> None:
    """Set each entry's ``technology``: one id per name, distinct names distinct ids.

    The entries' names are their ``name_da`` texts; see the module's rules.
    Numbered names are noted in ``ctx``.
    """
    first: dict[str, Entry] = {}
    for entry in entries:
        first.setdefault(same_name(entry.texts["name_da"]), entry)
    stored_by_name = _stored_ids(ctx.snapshot.technologies)
    ids: dict[str, str] = {}
    owner: dict[str, str] = {}
    for name, entry in first.items():
        kept = _kept_id(entry.texts["name_da"], stored_by_name)
        if kept is not None and kept not in owner:
            ids[name] = kept
            owner[kept] = name
    bases = {name: name_id(entry.texts["name_da"]) for name, entry in first.items()}
    # A number must not give a name an id that is another's, now or in the database.
    taken = set(bases.values()) | set(ctx.snapshot.technologies)
    for name, entry in first.items():
        if name in ids:
            continue
        base = bases[name]
        if base not in owner:
            ids[name] = base
            owner[base] = name
            continue
        number = 2
        while f"{base}-{number}" in owner or f"{base}-{number}" in taken:
            number += 1
        ids[name] = f"{base}-{number}"
        owner[ids[name]] = name
        other = first[owner[base]]
        message = ctx.text(
            "importmsg.numbered_id",
            name=entry.texts["name_da"],
            id=ids[name],
            other=other.texts["name_da"],
            row=other.row,
            other_id=base,
        )
        ctx.note(entry.row, entry.id_column, message)
    for entry in entries:
        entry.technology = ids[same_name(entry.texts["name_da"])]
