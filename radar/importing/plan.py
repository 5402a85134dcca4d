"""Planning an import: read and validate a file, and work out what it would change.

:func:`plan_import` writes nothing: it returns an :class:`ImportPlan` for a
preview, or raises :class:`~radar.importing.problems.ImportProblems` with
every problem found.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from radar import formats, rules
from radar.i18n import format_date, t
from radar.importing.detect import detect_format
from radar.importing.entries import (
    MAX_NAME_CHARS,
    AssessmentKey,
    Context,
    Entry,
    RingNames,
    Snapshot,
)
from radar.importing.ids import same_name
from radar.importing.mapping import ForeignNames, ImportMapping
from radar.importing.parse import read_entries
from radar.importing.problems import ImportProblems, Problem, first_ten, too_large
from radar.model import DRAFT, PUBLISHED, TECHNOLOGY_TEXT_FIELDS, Lang
from radar.pipeline import scoring
from radar.store import Connection
from radar.store import importing as stored
from radar.store.importing import ImportWrites
from radar.store.seed import SECTOR_COUNT

__all__ = ["ImportPlan", "plan_import"]

#: DuckDB's INTEGER: an edition number must fit.
_MAX_EDITION = 2**31 - 1
#: A new edition's status, as the preview names it.
_STATUS_TEXTS: Mapping[str, str] = {
    DRAFT: "import.status.draft",
    PUBLISHED: "import.status.published",
}


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do: the preview shown before anything is written.

    Attributes
    ----------
    file_name, format, edition
        The file, the format it was read as, and the edition it is imported into.
    edition_is_new
        The edition does not exist yet and will be created.
    areas
        The areas whose radar (in ``edition``) the file replaces.
    sectors_added
        Ids of the categories the import creates.
    technologies_added, technologies_changed, technologies_unchanged
        The file's technologies: new ones, stored ones whose texts, category or
        retirement change, and stored ones left as they are.
    technologies_removed
        Technologies on a radar the file covers that are on none of them after
        the import (they stay in the catalogue with their history).
    assessments_added, assessments_changed, assessments_removed, assessments_unchanged
        The assessments of the covered radars, by what happens to them.
    notes
        Things the user should know that do not stop the import.
    lang
        The language of the notes (and of :func:`apply_import`'s problems).
    names
        Technology and category id -> name, for showing the lists.
    """

    file_name: str
    format: str
    edition: int
    edition_is_new: bool
    areas: tuple[str, ...]
    sectors_added: tuple[str, ...]
    technologies_added: tuple[str, ...]
    technologies_changed: tuple[str, ...]
    technologies_unchanged: tuple[str, ...]
    technologies_removed: tuple[str, ...]
    assessments_added: tuple[AssessmentKey, ...]
    assessments_changed: tuple[AssessmentKey, ...]
    assessments_removed: tuple[AssessmentKey, ...]
    assessments_unchanged: tuple[AssessmentKey, ...]
    notes: tuple[Problem, ...] = ()
    lang: Lang = field(default="da", compare=False)
    names: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    foreign: ForeignNames = field(default_factory=ForeignNames, compare=False, repr=False)
    writes: ImportWrites | None = field(default=None, compare=False, repr=False)
    fingerprint: str = field(default="", compare=False, repr=False)

    @property
    def has_changes(self) -> bool:
        """Whether applying the plan writes anything."""
        return bool(
            self.edition_is_new
            or self.sectors_added
            or self.technologies_added
            or self.technologies_changed
            or self.assessments_added
            or self.assessments_changed
            or self.assessments_removed
        )

    def counts(self) -> dict[str, int]:
        """How many technologies and assessments are added, changed, removed, unchanged."""
        return {
            f"{kind}_{what}": len(getattr(self, f"{kind}_{what}"))
            for kind in ("technologies", "assessments")
            for what in ("added", "changed", "removed", "unchanged")
        }

    def area_counts(self) -> dict[str, dict[str, int]]:
        """Per covered area: assessments ``added, changed, removed, unchanged``."""
        out = {
            area: dict.fromkeys(("added", "changed", "removed", "unchanged"), 0)
            for area in self.areas
        }
        for what in ("added", "changed", "removed", "unchanged"):
            for key in getattr(self, f"assessments_{what}"):
                out[key.area][what] += 1
        return out

    def summary_lines(self, lang: Lang = "da") -> list[str]:
        """The preview in a few lines of text, e.g. for the command line."""
        lines = []
        if self.edition_is_new and self.writes is not None and self.writes.edition is not None:
            row = self.writes.edition
            title = row["title_da"] if lang == "da" else row["title_en"]
            status = t(_STATUS_TEXTS[row["status"]], lang)
            lines.append(
                t(
                    "import.edition_new",
                    lang,
                    edition=self.edition,
                    title=title,
                    status=status,
                    published=format_date(row["published"], lang),
                )
            )
        if self.sectors_added:
            names = ", ".join(self.names.get(s, s) for s in self.sectors_added)
            lines.append(t("import.sectors_new", lang, count=len(self.sectors_added), names=names))
        for area, counts in self.area_counts().items():
            lines.append(t("import.summary", lang, edition=self.edition, area=area, **counts))
        lines.append(
            t(
                "import.technologies",
                lang,
                added=len(self.technologies_added),
                changed=len(self.technologies_changed),
                unchanged=len(self.technologies_unchanged),
                removed=len(self.technologies_removed),
            )
        )
        return lines


def _check_entries(entries: list[Entry], ctx: Context) -> list[Entry]:
    """Refuse a technology twice on one area's radar, or told two different ways."""
    first_in_area: dict[tuple[str, str], Entry] = {}
    first: dict[str, Entry] = {}
    kept = []
    for entry in entries:
        key = (entry.area, entry.technology)
        if key in first_in_area:
            ctx.problem(entry.row, entry.id_column, _duplicate(entry, first_in_area[key], ctx))
            continue
        first_in_area[key] = entry
        earlier = first.get(entry.technology)
        if earlier is None:
            first[entry.technology] = entry
        else:
            for column in ("sector", *TECHNOLOGY_TEXT_FIELDS):
                mine = entry.sector if column == "sector" else entry.texts.get(column)
                theirs = earlier.sector if column == "sector" else earlier.texts.get(column)
                if mine and theirs and mine != theirs:
                    message = ctx.text(
                        "importmsg.differs",
                        row=earlier.row,
                        technology=entry.technology,
                        column=column,
                    )
                    ctx.problem(entry.row, column, message)
            # Texts given in a later row only still count.
            for column, value in entry.texts.items():
                earlier.texts.setdefault(column, value)
        kept.append(entry)
    return kept


def _duplicate(entry: Entry, earlier: Entry, ctx: Context) -> str:
    """The problem of a technology on one area's radar twice, by its names, rows and categories."""
    name = entry.texts.get("name_da") or entry.technology
    other = earlier.texts.get("name_da") or earlier.technology
    if same_name(name) != same_name(other):
        return ctx.text(
            "importmsg.duplicate_id",
            name=name,
            technology=entry.technology,
            other=other,
            row=earlier.row,
            area=entry.area,
        )
    if entry.sector != earlier.sector:
        return ctx.text(
            "importmsg.duplicate_categories",
            name=name,
            row=earlier.row,
            other=_sector_name(earlier.sector, ctx),
            sector=_sector_name(entry.sector, ctx),
            area=entry.area,
        )
    return ctx.text("importmsg.duplicate", name=name, row=earlier.row, area=entry.area)


def _sector_name(sector_id: str, ctx: Context) -> str:
    """A category's name in the import's language, a new one's as the file wrote it."""
    for sector in ctx.snapshot.sectors:
        if sector.id == sector_id:
            return sector.name_da if ctx.lang == "da" else sector.name_en
    new = ctx.new_sectors.get(sector_id)
    if new is None:
        return sector_id
    return new.name_da if ctx.lang == "da" else new.name_en


def _assessment_rows(
    entries: list[Entry], ctx: Context, edition: int
) -> dict[AssessmentKey, dict[str, Any]]:
    """The assessment each entry becomes, checking rings against the computed ones."""
    rings = ctx.snapshot.rings
    out = {}
    for entry in entries:
        record: dict[str, Any] = dict.fromkeys(scoring.ASSESSMENT_FIELDS)
        reason = entry.ring_reason
        if entry.scores is not None:
            record.update(entry.scores)
            score = scoring.combined_score(
                float(scoring.maturity_score(entry.scores["maturity_trl"])),
                scoring.spread_score(*(entry.scores[c] for c in scoring.SHARE_COLUMNS)),
            )
            ring = scoring.ring_for_score(score, rings)
            label = ctx.ring_names.label
            if entry.ring == ring and reason:
                message = ctx.text("importmsg.reason_not_stored", ring=label(ring))
                ctx.note(entry.row, "ring_reason", message)
            if entry.ring is not None and entry.ring != ring:
                # The one rule with scores: an override needs its reason.
                if rules.placing_breaches(has_scores=True, ring_override=entry.ring, reason=reason):
                    shown = f"{score:.2f}"
                    message = ctx.text(
                        "importmsg.reason_missing",
                        ring=label(entry.ring),
                        computed=label(ring),
                        score=shown.replace(".", ",") if ctx.lang == "da" else shown,
                    )
                    ctx.problem(entry.row, "ring_reason", message)
                record.update(ring_override=entry.ring, override_reason=reason)
        elif entry.stated_ring and entry.ring is not None:
            record.update(
                ring_override=entry.ring,
                override_reason=reason or formats.STATED_RING_REASON_DA,
            )
        else:
            continue
        key = AssessmentKey(edition, entry.area, entry.technology)
        out[key] = {
            "edition": edition,
            "area": entry.area,
            "technology": entry.technology,
            **record,
        }
    return out


def _validate_options(
    file_name: str,
    edition: Any,
    fmt: str | None,
    title: str | None,
    published: Any,
    lang: Lang,
) -> list[Problem]:
    problems = []
    if (
        isinstance(edition, bool)
        or not isinstance(edition, int)
        or not 1 <= edition <= _MAX_EDITION
    ):
        message = t("importmsg.not_an_edition", lang, value=edition)
        problems.append(Problem(file_name, None, "edition", message))
    if fmt is not None and fmt not in formats.IMPORT_FORMATS:
        message = t(
            "importmsg.not_a_format", lang, value=fmt, formats=", ".join(formats.IMPORT_FORMATS)
        )
        problems.append(Problem(file_name, None, "format", message))
    if title is not None and not (0 < len(title.strip()) <= MAX_NAME_CHARS):
        message = t("importmsg.title_length", lang, limit=MAX_NAME_CHARS)
        problems.append(Problem(file_name, None, "title", message))
    if published is not None and (
        isinstance(published, datetime) or not isinstance(published, date)
    ):
        problems.append(Problem(file_name, None, "published", t("importmsg.not_a_date", lang)))
    return problems


def _mapping_problems(
    file_name: str, mapping: ImportMapping, ring_names: RingNames, lang: Lang
) -> list[Problem]:
    """A ring mapping must map onto rings of this radar."""
    problems = []
    for source, target in mapping.rings.items():
        if ring_names.ours(target) is None:
            rings = ", ".join(f"{r.id} ({r.label(lang)})" for r in ring_names.rings)
            message = t(
                "importmsg.mapping_not_a_ring", lang, source=source, value=target, rings=rings
            )
            problems.append(Problem(file_name, None, "--rings", message))
    return problems


def _unused_mapping(ctx: Context) -> None:
    """A note for every name the mapping gives that the file never used: a typo, most likely."""
    for option, pairs in (
        ("--rings", ctx.mapping().rings),
        ("--categories", ctx.mapping().categories),
    ):
        unused = [name for name in pairs if name.casefold() not in ctx.mapped_names]
        if unused:
            ctx.note(None, option, ctx.text("importmsg.mapping_unused", names=", ".join(unused)))


def plan_import(
    con: Connection,
    data: bytes,
    *,
    file_name: str,
    edition: int,
    area: str | None = None,
    fmt: str | None = None,
    title: str | None = None,
    published: date | None = None,
    draft: bool = False,
    lang: Lang = "da",
    mapping: ImportMapping | None = None,
) -> ImportPlan:
    """Read and validate a file and work out what importing it would change; write nothing.

    Parameters
    ----------
    con
        The radar database (read-only is enough).
    data
        The file's content.
    file_name
        Its name, for messages, the audit log and telling the format by extension.
    edition
        The edition to import into: a positive whole number.
    area
        The area for every row (BYOR and Zalando files have none; our format
        may leave its ``area`` column out or empty).
    fmt
        One of :data:`radar.formats.IMPORT_FORMATS`; None tells it from the file
        (:func:`detect_format`).
    title
        Title of a new edition in both languages (default "Teknologiradar N" /
        "Technology radar N"); an existing edition keeps its own.
    published
        Publication date of a new edition (default: the file's date, else today).
    draft
        Create a new edition as a draft, seen only by editors.
    lang
        The language of the problems and notes (``radar.i18n`` keys ``importmsg.*``).
    mapping
        What the file's ring and category names are here, for names the
        import does not know (:class:`~radar.importing.mapping.ImportMapping`).

    Returns
    -------
    The plan: counts and lists for a preview, and what :func:`apply_import` writes.

    Raises
    ------
    ImportProblems
        With every problem found in the file and the options.
    """
    problems = _validate_options(file_name, edition, fmt, title, published, lang)
    if len(data) > formats.MAX_IMPORT_BYTES:
        problems.append(too_large(file_name, lang))
        raise ImportProblems(problems)
    if fmt is not None and fmt not in formats.IMPORT_FORMATS:
        raise ImportProblems(problems)
    if not data.strip():
        empty = Problem(file_name, None, None, t("importmsg.file_empty", lang))
        raise ImportProblems([*problems, empty])
    # With a wrong edition the file is still checked, against no edition.
    if any(p.column == "edition" for p in problems):
        edition = 0
    snapshot = _snapshot(con, edition)
    mapping = mapping or ImportMapping()
    ring_names = RingNames(snapshot.rings, lang, mapping)
    problems += _mapping_problems(file_name, mapping, ring_names, lang)
    ctx = Context(file_name, lang, snapshot, ring_names, None, problems=problems)
    if area is not None:
        ctx.area = ctx.resolve_area(area, None, "area")
        ctx.bad_area = ctx.area is None
    fmt = fmt or detect_format(data, file_name)
    entries, file_date = read_entries(data, fmt, ctx)
    ctx.report_rings()
    _unused_mapping(ctx)
    entries = _check_entries(entries, ctx)
    assessments = _assessment_rows(entries, ctx, edition)
    plan = _plan(
        ctx,
        entries,
        assessments,
        fmt=fmt,
        edition=edition,
        title=title,
        published=published or file_date or date.today(),
        draft=draft,
    )
    if ctx.problems:
        # In the file's order: the options' problems first, then row by row.
        in_order = sorted(ctx.problems, key=lambda p: -1 if p.row is None else p.row)
        raise ImportProblems(in_order, foreign=_foreign(ctx))
    return dataclasses.replace(plan, foreign=_foreign(ctx))


def _foreign(ctx: Context) -> ForeignNames:
    return ForeignNames(
        rings=tuple(ctx.foreign_rings.items()), categories=tuple(ctx.foreign_categories.items())
    )


def _plan(
    ctx: Context,
    entries: list[Entry],
    assessments: dict[AssessmentKey, dict[str, Any]],
    *,
    fmt: str,
    edition: int,
    title: str | None,
    published: date,
    draft: bool,
) -> ImportPlan:
    snapshot = ctx.snapshot
    stored = snapshot.technologies
    names: dict[str, str] = {s.id: s.name_da for s in snapshot.sectors}
    names.update({sector_id: new.name_da for sector_id, new in ctx.new_sectors.items()})
    inserts: list[dict[str, Any]] = []
    updates: list[tuple[Mapping[str, Any], dict[str, Any]]] = []
    unchanged: list[str] = []
    kept_newer: list[str] = []
    held_for_draft: list[str] = []
    # Texts and categories are shared by every edition: a draft must not change
    # what viewers of the published radar read, so a draft import keeps them.
    into_draft = (snapshot.edition is None and draft) or (
        snapshot.edition is not None and snapshot.edition.get("status") == DRAFT
    )
    seen: set[str] = set()
    for entry in entries:
        if entry.technology in seen:
            continue
        seen.add(entry.technology)
        names[entry.technology] = entry.texts.get("name_da") or entry.technology
        old = stored.get(entry.technology)
        if old is None:
            inserts.append(
                {
                    "id": entry.technology,
                    "sector": entry.sector,
                    **{f: entry.texts.get(f, "") for f in TECHNOLOGY_TEXT_FIELDS},
                    "retired": False,
                }
            )
            continue
        names[entry.technology] = old["name_da"]
        changes: dict[str, Any] = {}
        if old["retired"]:
            changes["retired"] = False
        newest = snapshot.newest_edition.get(entry.technology)
        wanted = {f: v for f, v in entry.texts.items() if v != old[f]}
        if entry.sector != old["sector"]:
            wanted["sector"] = entry.sector
        if newest is not None and edition < newest:
            if wanted:
                kept_newer.append(entry.technology)
        elif into_draft:
            if wanted:
                held_for_draft.append(entry.technology)
        else:
            changes.update(wanted)
        if changes:
            updates.append((old, changes))
        else:
            unchanged.append(entry.technology)
    if kept_newer:
        message = ctx.text(
            "importmsg.kept_newer",
            count=len(kept_newer),
            edition=edition,
            shown=first_ten(kept_newer, ctx.lang),
        )
        ctx.note(None, None, message)
    if held_for_draft:
        message = ctx.text(
            "importmsg.kept_for_draft",
            count=len(held_for_draft),
            edition=edition,
            shown=first_ten(held_for_draft, ctx.lang),
        )
        ctx.note(None, None, message)
    # Only the categories something will be in are created.
    used = [r["sector"] for r in inserts] + [c["sector"] for _, c in updates if "sector" in c]
    positions = [s.position for s in snapshot.sectors]
    sectors: list[dict[str, Any]] = []
    for sector_id, new in ctx.new_sectors.items():
        if sector_id not in used:
            continue
        sectors.append(
            {
                "id": sector_id,
                "position": max(positions, default=0) + 1 + len(sectors),
                "name_da": new.name_da,
                "name_en": new.name_en,
                "description_da": new.description_da,
                "description_en": new.description_en,
            }
        )
    limit = SECTOR_COUNT[1]
    if len(snapshot.sectors) + len(sectors) > limit:
        message = ctx.text(
            "importmsg.too_many_categories",
            count=len(sectors),
            names=", ".join(s["name_da"] for s in sectors),
            existing=len(snapshot.sectors),
            limit=limit,
        )
        ctx.problem(None, "quadrant", message)

    covered = sorted({(edition, e.area) for e in entries})
    areas = tuple(a for _, a in covered)
    added, changed, same = [], [], []
    assessment_updates = []
    for key, record in sorted(assessments.items()):
        old = snapshot.assessments.get(key)
        if old is None:
            added.append(key)
            continue
        diff = {f: record[f] for f in scoring.ASSESSMENT_FIELDS if record[f] != old[f]}
        if diff:
            changed.append(key)
            assessment_updates.append((old, diff))
        else:
            same.append(key)
    removed = sorted(k for k in snapshot.assessments if k.area in areas and k not in assessments)
    staying = {k.technology for k in assessments}
    technologies_removed = sorted({k.technology for k in removed} - staying)
    for technology in technologies_removed:
        names[technology] = stored[technology]["name_da"]

    edition_row = None
    if snapshot.edition is None:
        edition_row = {
            "year": edition,
            "published": published,
            "title_da": title.strip() if title else f"Teknologiradar {edition}",
            "title_en": title.strip() if title else f"Technology radar {edition}",
            "status": DRAFT if draft else PUBLISHED,
        }
    writes = ImportWrites(
        edition=edition_row,
        sectors=tuple(sectors),
        technology_inserts=tuple(inserts),
        technology_updates=tuple(updates),
        assessment_deletes=tuple(snapshot.assessments[k] for k in removed),
        assessment_updates=tuple(assessment_updates),
        assessment_inserts=tuple(assessments[k] for k in added),
    )
    return ImportPlan(
        file_name=ctx.file_name,
        format=fmt,
        edition=edition,
        edition_is_new=edition_row is not None,
        areas=areas,
        sectors_added=tuple(s["id"] for s in sectors),
        technologies_added=tuple(r["id"] for r in inserts),
        technologies_changed=tuple(old["id"] for old, _ in updates),
        technologies_unchanged=tuple(unchanged),
        technologies_removed=tuple(technologies_removed),
        assessments_added=tuple(added),
        assessments_changed=tuple(changed),
        assessments_removed=tuple(removed),
        assessments_unchanged=tuple(same),
        notes=tuple(ctx.notes),
        lang=ctx.lang,
        names=names,
        writes=writes,
        fingerprint=snapshot.fingerprint,
    )


def _snapshot(con: Connection, edition: int) -> Snapshot:
    """The database as the plan sees it, with the edition's assessments by key."""
    state = stored.read_state(con, edition)
    return Snapshot(
        rings=state.rings,
        areas=state.areas,
        sectors=state.sectors,
        edition=state.edition,
        technologies=state.technologies,
        newest_edition=state.newest_edition,
        assessments={
            AssessmentKey(r["edition"], r["area"], r["technology"]): {
                k: r[k] for k in ("edition", "area", "technology", *scoring.ASSESSMENT_FIELDS)
            }
            for r in state.assessments
        },
        fingerprint=state.fingerprint,
    )
