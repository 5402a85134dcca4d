"""Editors' writes: technologies, assessments, example cases and editions.

Every write is one transaction on a cursor of its own, and writes its audit
rows (:mod:`radar.store.audit`) in that same transaction, so a change and its log
entry exist together or not at all. Every write names its ``editor`` and a
``reason``; both are required.

Conflicts are detected optimistically. Every edit and removal takes
``expected``, the record as the editor loaded it. Inside the transaction the
current row is read; if it differs from ``expected`` (someone else saved in
between) the save raises :class:`EditConflict` with both versions and writes
nothing. DuckDB's own write-write conflict (two transactions changing one row
at once) becomes an :class:`EditConflict` too. Invalid input raises
:class:`EditError`, naming the field and what is expected, before anything is
written.

Discarding a draft takes two transactions, because DuckDB checks a foreign key
against the committed state of the referencing table: the edition row cannot
be deleted in the transaction that deletes its assessments. If the second step
is interrupted, an empty draft is left, and discarding it again completes the
job.

Only one process writes a DuckDB file, and all editors' sessions are threads
of it, so the writes here also take a process-wide lock: a two-step
operation is never interleaved with another editor's save.

No Streamlit here: the edit pages (:mod:`radar.ui.editing`), the tests and any
script use the same functions.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date
from typing import Any, Final, TypeVar

import duckdb
import pandas as pd

from radar import store
from radar.formats import slugify
from radar.i18n import STRINGS, t
from radar.model import (
    DRAFT,
    PUBLISHED,
    TECHNOLOGY_TEXT_FIELDS,
    Case,
    Catalog,
    Edition,
    Lang,
    Ring,
    Technology,
)
from radar.pipeline import history
from radar.pipeline.scoring import (
    ASSESSMENT_FIELDS,
    SCORE_COLUMNS,
    SHARE_COLUMNS,
    TRL_MAX,
    TRL_MIN,
    combined_score,
    maturity_score,
    ring_for_score,
    spread_score,
)
from radar.pipeline.view import ViewFilter, build_view, edition_rows
from radar.store import audit
from radar.store.audit import Change

T = TypeVar("T")

#: What :func:`edit_technology` may change.
TECHNOLOGY_FIELDS: Final[tuple[str, ...]] = ("sector", *TECHNOLOGY_TEXT_FIELDS)
#: What :func:`edit_case` may change (a case stays with its technology).
CASE_FIELDS: Final[tuple[str, ...]] = (
    "area",
    "municipality",
    "year",
    "title_da",
    "title_en",
    "text_da",
    "text_en",
    "source_url",
)
_CASE_TEXT_FIELDS: Final[tuple[str, ...]] = (
    "municipality",
    "title_da",
    "title_en",
    "text_da",
    "text_en",
    "source_url",
)
_REQUIRED_TEXTS: Final[frozenset[str]] = frozenset(
    {"name_da", "summary_da", "municipality", "title_da", "text_da"}
)
#: Longest text accepted per field: generous for real texts, a bound for a
#: pasted document or a script gone wrong.
MAX_LENGTH: Final[dict[str, int]] = {
    "name_da": 200,
    "name_en": 200,
    "summary_da": 500,
    "summary_en": 500,
    "description_da": 10_000,
    "description_en": 10_000,
    "municipality": 100,
    "title_da": 300,
    "title_en": 300,
    "text_da": 10_000,
    "text_en": 10_000,
    "source_url": 500,
    "override_reason": 1_000,
    "reason": 1_000,
    "editor": 200,
}
#: The years a case or an edition may have.
YEAR_MIN: Final = 1990
YEAR_MAX: Final = 2100
_ASSESSMENT_COLUMNS: Final[tuple[str, ...]] = ("edition", "area", "technology", *ASSESSMENT_FIELDS)
_CASE_COLUMNS: Final[tuple[str, ...]] = ("id", "technology", *CASE_FIELDS)

# Serialises the writes of all sessions of this process, imports included.
_WRITE_LOCK = store.WRITE_LOCK


# --- errors ---


def field_label(field: str, lang: Lang) -> str:
    """A field's name as an editor reads it (the column name when it has none)."""
    key = f"editing.field.{field}"
    return t(key, lang) if key in STRINGS else field


class EditError(ValueError):
    """Invalid input: ``field`` names the field, ``problem`` what is wrong with it.

    ``str()`` is English, for logs and scripts; :meth:`message` gives the text
    for an editor in either language.
    """

    def __init__(self, field: str, problem: str, **values: Any) -> None:
        self.field = field
        self.problem = problem
        self.values = values
        super().__init__(f"{field}: {self.message('en')}")

    def message(self, lang: Lang) -> str:
        """What is wrong and what is expected, in ``lang``."""
        return t(
            f"editing.error.{self.problem}",
            lang,
            field=field_label(self.field, lang),
            **self.values,
        )


class EditConflict(Exception):
    """The record changed since the editor loaded it; nothing was written.

    Attributes
    ----------
    entity
        ``technology``, ``assessment``, ``case`` or ``edition``.
    key
        The record's key, as the audit log writes it.
    theirs
        The record as it is in the database now (``None``: it was removed).
    yours
        What this editor tried to save (``None``: a removal).
    """

    def __init__(
        self,
        entity: str,
        key: str,
        theirs: Mapping[str, Any] | None,
        yours: Mapping[str, Any] | None,
    ) -> None:
        self.entity = entity
        self.key = key
        self.theirs = dict(theirs) if theirs is not None else None
        self.yours = dict(yours) if yours is not None else None
        super().__init__(f"{entity} {key} was changed by someone else; nothing was saved")

    def differences(self) -> list[tuple[str, Any, Any]]:
        """``(field, theirs, yours)`` for each field where the two versions differ."""
        theirs, yours = self.theirs or {}, self.yours or {}
        names = list(dict.fromkeys([*theirs, *yours]))
        return [
            (name, theirs.get(name), yours.get(name))
            for name in names
            if not same_value(theirs.get(name), yours.get(name))
        ]


# --- the assessment record ---


@dataclass(frozen=True)
class Assessment:
    """One technology in one area in one edition, as stored.

    Either all five scores are given (TRL 1-9 and four shares summing to 100)
    or none, and then ``ring_override`` states the ring and
    ``override_reason`` where it came from.
    """

    edition: int
    area: str
    technology: str
    maturity_trl: int | None = None
    share_operation: int | None = None
    share_pilot: int | None = None
    share_considering: int | None = None
    share_not_considering: int | None = None
    ring_override: str | None = None
    override_reason: str | None = None

    @property
    def key(self) -> str:
        """The key the audit log uses: ``edition/area/technology``."""
        return assessment_key(self.edition, self.area, self.technology)

    @property
    def has_scores(self) -> bool:
        """Whether the ring follows from scores (not only stated)."""
        return self.maturity_trl is not None


def assessment_key(edition: int, area: str, technology: str) -> str:
    """An assessment's key in the audit log."""
    return f"{edition}/{area}/{technology}"


def preview_ring(values: Mapping[str, Any], rings: Sequence[Ring]) -> tuple[str | None, str | None]:
    """The ring the scores give, and the ring after the editor's override.

    For the form's live preview, so it is lenient: incomplete scores give no
    computed ring rather than an error (saving checks them).

    Parameters
    ----------
    values
        ``maturity_trl``, the four shares and ``ring_override`` (any may be missing).
    rings
        The rings with their cut-offs.

    Returns
    -------
    ``(computed, shown)``: the computed ring id (``None`` without complete
    scores) and the ring the radar will show (the override when one is
    given, else the computed ring).
    """
    scores = [_clean(values.get(name)) for name in SCORE_COLUMNS]
    computed = None
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in scores):
        trl, operation, pilot, considering, not_considering = (float(v) for v in scores)
        if TRL_MIN <= trl <= TRL_MAX:
            score = combined_score(
                float(maturity_score(trl)),
                spread_score(operation, pilot, considering, not_considering),
            )
            computed = ring_for_score(score, rings)
    override = _clean(values.get("ring_override")) or None
    return computed, override or computed


# --- value checks ---


def _clean(value: Any) -> Any:
    """A stored or typed value in plain Python: missing is None, whole floats are ints."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # numpy scalars, from DataFrames
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return int(value)
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def same_value(a: Any, b: Any) -> bool:
    """Whether two values are equal as stored (``None``/NaN, ``5``/``5.0`` alike)."""
    return audit.as_text(_clean(a)) == audit.as_text(_clean(b))


def _record(value: Any) -> dict[str, Any] | None:
    """A record given as a dataclass or a mapping, as a plain dict."""
    if value is None:
        return None
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _clean(v) for k, v in asdict(value).items()}
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    raise TypeError(f"expected a record (dataclass or mapping), got {type(value).__name__}")


def _text(field: str, value: Any, *, required: bool | None = None) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise EditError(field, "not_text")
    value = value.strip()
    if (field in _REQUIRED_TEXTS if required is None else required) and not value:
        raise EditError(field, "required")
    limit = MAX_LENGTH.get(field)
    if limit is not None and len(value) > limit:
        raise EditError(field, "too_long", max=limit)
    return value


def _who(editor: str, reason: str) -> tuple[str, str]:
    return _text("editor", editor, required=True), _text("reason", reason, required=True)


def _integer(field: str, value: Any) -> int:
    value = _clean(value)
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value.strip())
        raise EditError(field, "not_integer")
    return value


def _unknown_fields(given: Mapping[str, Any], allowed: Sequence[str]) -> None:
    for name in given:
        if name not in allowed:
            raise EditError(name, "not_editable")


# --- reading rows inside a transaction ---


def _rows(cursor: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    result = cursor.execute(sql, params)
    names = [d[0] for d in result.description]
    return [{n: _clean(v) for n, v in zip(names, row, strict=True)} for row in result.fetchall()]


def _one(cursor: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> dict[str, Any] | None:
    rows = _rows(cursor, sql, params)
    return rows[0] if rows else None


def _technology_row(cursor: duckdb.DuckDBPyConnection, technology_id: str) -> dict | None:
    return _one(cursor, "SELECT * FROM technologies WHERE id = ?", [technology_id])


def _assessment_row(
    cursor: duckdb.DuckDBPyConnection, edition: int, area: str, technology: str
) -> dict | None:
    return _one(
        cursor,
        f"SELECT {', '.join(_ASSESSMENT_COLUMNS)} FROM assessments "
        "WHERE edition = ? AND area = ? AND technology = ?",
        [edition, area, technology],
    )


def _case_row(cursor: duckdb.DuckDBPyConnection, case_id: str) -> dict | None:
    row = _one(cursor, f"SELECT {', '.join(_CASE_COLUMNS)} FROM cases WHERE id = ?", [case_id])
    if row is not None:
        # The model (and so every editor's form) has "" for no link.
        row["source_url"] = row["source_url"] or ""
    return row


def _edition_row(cursor: duckdb.DuckDBPyConnection, year: int) -> dict | None:
    return _one(
        cursor,
        "SELECT year, published, title_da, title_en, status FROM editions WHERE year = ?",
        [year],
    )


def _exists(cursor: duckdb.DuckDBPyConnection, table: str, column: str, value: Any) -> bool:
    return bool(cursor.execute(f"SELECT 1 FROM {table} WHERE {column} = ?", [value]).fetchone())


def _check_expected(
    entity: str,
    key: str,
    current: dict[str, Any] | None,
    expected: dict[str, Any] | None,
    yours: dict[str, Any] | None,
) -> None:
    """Raise :class:`EditConflict` unless the database still holds ``expected``.

    ``expected`` None means the record did not exist when the editor started
    (an addition); otherwise only the fields ``expected`` names are compared.
    """
    if expected is None:
        if current is not None:
            raise EditConflict(entity, key, current, yours)
        return
    if current is None or any(
        name in current and not same_value(current[name], value) for name, value in expected.items()
    ):
        raise EditConflict(entity, key, current, yours)


# --- transactions ---


def _read(con: duckdb.DuckDBPyConnection, read: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    """Run ``read`` on a cursor of its own (sessions share the connection)."""
    cursor = con.cursor()
    try:
        return read(cursor)
    finally:
        cursor.close()


@contextlib.contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    cursor = con.cursor()
    try:
        cursor.begin()
        try:
            yield cursor
            cursor.commit()
        except BaseException:
            # After a failed commit DuckDB has already ended the transaction.
            with contextlib.suppress(duckdb.Error):
                cursor.rollback()
            raise
    finally:
        cursor.close()


def _write(
    con: duckdb.DuckDBPyConnection,
    body: Callable[[duckdb.DuckDBPyConnection], T],
    conflict: Callable[[duckdb.DuckDBPyConnection], EditConflict],
    *,
    adding: bool = False,
) -> T:
    """Run ``body`` in one transaction; another writer's conflicting write becomes ``conflict``.

    DuckDB reports two transactions writing one row as a TransactionException.
    With ``adding``, a duplicate key (another writer added the same record
    after this transaction began) is a conflict too, when that record is
    there now.
    """
    with _WRITE_LOCK:
        try:
            with _transaction(con) as cursor:
                return body(cursor)
        except duckdb.TransactionException as exc:
            raise _read_conflict(con, conflict) from exc
        except duckdb.ConstraintException as exc:
            found = _read_conflict(con, conflict) if adding else None
            if found is None or found.theirs is None:
                raise
            raise found from exc


def _read_conflict(
    con: duckdb.DuckDBPyConnection, conflict: Callable[[duckdb.DuckDBPyConnection], EditConflict]
) -> EditConflict:
    # What the other writer saved, read afresh now that it is committed.
    reader = con.cursor()
    try:
        return conflict(reader)
    finally:
        reader.close()


# --- technologies ---


def load_technology(con: duckdb.DuckDBPyConnection, technology_id: str) -> Technology | None:
    """One technology as stored now (retired ones included)."""
    row = _read(con, lambda cursor: _technology_row(cursor, technology_id))
    return Technology(**row) if row else None


def _technology_values(values: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    out = {**current}
    for name in TECHNOLOGY_TEXT_FIELDS:
        if name in values or name not in out:
            out[name] = _text(name, values.get(name))
    if "sector" in values or "sector" not in out:
        out["sector"] = _text("sector", values.get("sector"), required=True)
    return out


def add_technology(
    con: duckdb.DuckDBPyConnection,
    values: Mapping[str, Any],
    *,
    editor: str,
    reason: str,
    technology_id: str | None = None,
) -> Technology:
    """Add a technology to the catalogue.

    Parameters
    ----------
    values
        ``sector`` and the texts (:data:`TECHNOLOGY_TEXT_FIELDS`); ``name_da``
        and ``summary_da`` are required, the rest may be left out.
    technology_id
        Its id; made from ``name_da`` (:func:`radar.formats.slugify`) when not given.

    Raises
    ------
    EditError
        Invalid input, or the id is taken (``field`` ``id``).
    """
    editor, reason = _who(editor, reason)
    _unknown_fields(values, TECHNOLOGY_FIELDS)
    record = _technology_values(values, {})
    if technology_id:
        tech_id = technology_id.strip()
        if slugify(tech_id) != tech_id:
            raise EditError("id", "not_slug", suggestion=slugify(tech_id))
    else:
        tech_id = slugify(record["name_da"])
        if not tech_id:
            raise EditError("name_da", "no_id")
    record = {"id": tech_id, **record, "retired": False}

    def body(cur: duckdb.DuckDBPyConnection) -> Technology:
        if _exists(cur, "technologies", "id", tech_id):
            raise EditError("id", "exists", value=tech_id)
        if not _exists(cur, "sectors", "id", record["sector"]):
            raise EditError("sector", "unknown", value=record["sector"])
        columns = list(record)
        cur.execute(
            f"INSERT INTO technologies ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            [record[c] for c in columns],
        )
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="add",
                    entity="technology",
                    record_key=tech_id,
                    technology=tech_id,
                    new_value=record,
                    reason=reason,
                )
            ],
        )
        return Technology(**record)

    return _write(
        con,
        body,
        lambda r: EditConflict("technology", tech_id, _technology_row(r, tech_id), record),
        adding=True,
    )


def edit_technology(
    con: duckdb.DuckDBPyConnection,
    technology_id: str,
    changes: Mapping[str, Any],
    *,
    expected: Technology | Mapping[str, Any],
    editor: str,
    reason: str,
) -> Technology:
    """Change a technology's texts or category (:data:`TECHNOLOGY_FIELDS`).

    Parameters
    ----------
    changes
        The fields to change and their new values.
    expected
        The technology as the editor loaded it.

    Returns
    -------
    The technology as saved.

    Raises
    ------
    EditConflict
        It changed since ``expected`` was loaded; nothing was written.
    EditError
        Invalid input, or nothing to change.
    """
    editor, reason = _who(editor, reason)
    _unknown_fields(changes, TECHNOLOGY_FIELDS)
    base = _record(expected) or {}
    yours = _technology_values(changes, base)

    def prepare(cur: duckdb.DuckDBPyConnection) -> tuple[dict, dict, list[Change]]:
        current = _technology_row(cur, technology_id)
        _check_expected("technology", technology_id, current, base, yours)
        assert current is not None  # _check_expected refuses a missing row
        new = _technology_values(changes, current)
        if new["sector"] != current["sector"] and not _exists(cur, "sectors", "id", new["sector"]):
            raise EditError("sector", "unknown", value=new["sector"])
        diffs = audit.field_changes(
            current,
            {name: new[name] for name in TECHNOLOGY_FIELDS},
            editor=editor,
            entity="technology",
            record_key=technology_id,
            technology=technology_id,
            reason=reason,
        )
        if not diffs:
            raise EditError("changes", "no_changes")
        return current, new, diffs

    def update(cur: duckdb.DuckDBPyConnection, new: dict, diffs: list[Change]) -> Technology:
        names = [c.field for c in diffs if c.field]
        cur.execute(
            f"UPDATE technologies SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
            [*(new[n] for n in names), technology_id],
        )
        audit.record(cur, diffs)
        return Technology(**new)

    def conflict(reader: duckdb.DuckDBPyConnection) -> EditConflict:
        return EditConflict(
            "technology", technology_id, _technology_row(reader, technology_id), yours
        )

    def body(cur: duckdb.DuckDBPyConnection) -> Technology:
        _, new, diffs = prepare(cur)
        return update(cur, new, diffs)

    return _write(con, body, conflict)


def _set_retired(
    con: duckdb.DuckDBPyConnection,
    technology_id: str,
    retired: bool,
    *,
    expected: Technology | Mapping[str, Any],
    editor: str,
    reason: str,
) -> Technology:
    editor, reason = _who(editor, reason)
    base = _record(expected) or {}
    yours = {**base, "retired": retired}

    def body(cur: duckdb.DuckDBPyConnection) -> Technology:
        current = _technology_row(cur, technology_id)
        _check_expected("technology", technology_id, current, base, yours)
        assert current is not None
        if current["retired"] == retired:
            raise EditError("retired", "already_retired" if retired else "not_retired")
        changes: list[Change] = []
        if retired:
            # A draft is not yet history: a retired technology leaves it.
            drafts = _rows(
                cur,
                f"SELECT {', '.join(_ASSESSMENT_COLUMNS)} FROM assessments WHERE technology = ? "
                f"AND edition IN (SELECT year FROM editions WHERE status = '{DRAFT}')",
                [technology_id],
            )
            cur.execute(
                "DELETE FROM assessments WHERE technology = ? "
                f"AND edition IN (SELECT year FROM editions WHERE status = '{DRAFT}')",
                [technology_id],
            )
            changes += [
                Change(
                    editor=editor,
                    action="remove",
                    entity="assessment",
                    record_key=assessment_key(r["edition"], r["area"], r["technology"]),
                    technology=technology_id,
                    edition=r["edition"],
                    old_value=r,
                    reason=reason,
                )
                for r in drafts
            ]
        cur.execute("UPDATE technologies SET retired = ? WHERE id = ?", [retired, technology_id])
        changes.append(
            Change(
                editor=editor,
                action="retire" if retired else "change",
                entity="technology",
                record_key=technology_id,
                technology=technology_id,
                field="retired",
                old_value=current["retired"],
                new_value=retired,
                reason=reason,
            )
        )
        audit.record(cur, changes)
        return Technology(**{**current, "retired": retired})

    return _write(
        con,
        body,
        lambda r: EditConflict(
            "technology", technology_id, _technology_row(r, technology_id), yours
        ),
    )


def retire_technology(
    con: duckdb.DuckDBPyConnection,
    technology_id: str,
    *,
    expected: Technology | Mapping[str, Any],
    editor: str,
    reason: str,
) -> Technology:
    """Retire a technology: it keeps its published history but leaves the drafts.

    Its assessments in draft editions are removed (each logged), and
    :func:`start_draft` no longer carries it into new editions.

    Raises
    ------
    EditConflict
        It changed since ``expected`` was loaded.
    EditError
        It is retired already, or the editor or reason is missing.
    """
    return _set_retired(con, technology_id, True, expected=expected, editor=editor, reason=reason)


def unretire_technology(
    con: duckdb.DuckDBPyConnection,
    technology_id: str,
    *,
    expected: Technology | Mapping[str, Any],
    editor: str,
    reason: str,
) -> Technology:
    """Bring a retired technology back; it can then be assessed in drafts again."""
    return _set_retired(con, technology_id, False, expected=expected, editor=editor, reason=reason)


# --- assessments ---


def load_assessment(
    con: duckdb.DuckDBPyConnection, edition: int, area: str, technology: str
) -> Assessment | None:
    """One assessment as stored now, drafts included."""
    row = _read(con, lambda cursor: _assessment_row(cursor, edition, area, technology))
    return Assessment(**row) if row else None


def technology_assessments(
    con: duckdb.DuckDBPyConnection, technology: str
) -> dict[tuple[int, str], Assessment]:
    """Every assessment of one technology, drafts included, by ``(edition, area)``."""
    cursor = con.cursor()
    try:
        rows = _rows(
            cursor,
            f"SELECT {', '.join(_ASSESSMENT_COLUMNS)} FROM assessments WHERE technology = ? "
            "ORDER BY edition, area",
            [technology],
        )
    finally:
        cursor.close()
    return {(r["edition"], r["area"]): Assessment(**r) for r in rows}


def _rings(cursor: duckdb.DuckDBPyConnection) -> tuple[Ring, ...]:
    return tuple(Ring(**r) for r in _rows(cursor, "SELECT * FROM rings ORDER BY position", []))


def normalise_assessment(values: Mapping[str, Any], rings: Sequence[Ring]) -> Assessment:
    """Check an assessment and put it in its stored form.

    An override equal to the computed ring is no override and is dropped
    with its reason, as is a reason without an override.

    Raises
    ------
    EditError
        Scores partly given, out of range or not summing to 100; no ring
        without scores; an override without a reason; an unknown ring.
    """
    edition = _integer("edition", values.get("edition"))
    area = _text("area", values.get("area"), required=True)
    technology = _text("technology", values.get("technology"), required=True)
    scores = {name: _clean(values.get(name)) for name in SCORE_COLUMNS}
    given = [name for name, v in scores.items() if v is not None and v != ""]
    if given and len(given) < len(SCORE_COLUMNS):
        missing = next(name for name in SCORE_COLUMNS if name not in given)
        raise EditError(missing, "scores_partial")
    ring_ids = [r.id for r in rings]
    override = _clean(values.get("ring_override")) or None
    if override is not None and override not in ring_ids:
        raise EditError("ring_override", "unknown", value=override)
    override_reason = _text("override_reason", values.get("override_reason"), required=False)
    if given:
        trl = _integer("maturity_trl", scores["maturity_trl"])
        if not TRL_MIN <= trl <= TRL_MAX:
            raise EditError("maturity_trl", "trl_range", min=TRL_MIN, max=TRL_MAX)
        shares = {name: _integer(name, scores[name]) for name in SHARE_COLUMNS}
        for name, share in shares.items():
            if not 0 <= share <= 100:
                raise EditError(name, "share_range")
        if sum(shares.values()) != 100:
            raise EditError("shares", "shares_sum", total=sum(shares.values()))
        computed, _ = preview_ring({"maturity_trl": trl, **shares}, rings)
        if override == computed:
            override = None
        if override is not None and not override_reason:
            raise EditError("override_reason", "override_reason")
        return Assessment(
            edition,
            area,
            technology,
            trl,
            *shares.values(),
            ring_override=override,
            override_reason=override_reason if override else None,
        )
    if override is None:
        raise EditError("ring_override", "ring_required")
    if not override_reason:
        raise EditError("override_reason", "stated_reason")
    return Assessment(
        edition, area, technology, ring_override=override, override_reason=override_reason
    )


def _assessment_changes(
    old: Assessment | None, new: Assessment | None, editor: str, reason: str
) -> list[Change]:
    some = new or old
    assert some is not None
    common = dict(
        editor=editor,
        entity="assessment",
        record_key=some.key,
        technology=some.technology,
        edition=some.edition,
        reason=reason,
    )
    if old is None:
        return [Change(action="add", new_value=asdict(new), **common)]  # type: ignore[arg-type]
    if new is None:
        return [Change(action="remove", old_value=asdict(old), **common)]
    fields = {name: getattr(new, name) for name in ASSESSMENT_FIELDS}
    return audit.field_changes(asdict(old), fields, **common)


def _check_references(cur: duckdb.DuckDBPyConnection, assessment: Assessment) -> None:
    if not _exists(cur, "editions", "year", assessment.edition):
        raise EditError("edition", "unknown", value=assessment.edition)
    if not _exists(cur, "areas", "id", assessment.area):
        raise EditError("area", "unknown", value=assessment.area)
    if not _exists(cur, "technologies", "id", assessment.technology):
        raise EditError("technology", "unknown", value=assessment.technology)


def add_assessment(
    con: duckdb.DuckDBPyConnection,
    values: Assessment | Mapping[str, Any],
    *,
    editor: str,
    reason: str,
) -> Assessment:
    """Put a technology on an area's radar in an edition.

    Raises
    ------
    EditConflict
        Someone else assessed it there meanwhile (``theirs`` is their assessment).
    EditError
        Invalid input (see :func:`normalise_assessment`), or the technology is retired.
    """
    editor, reason = _who(editor, reason)
    raw = _record(values) or {}

    def body(cur: duckdb.DuckDBPyConnection) -> Assessment:
        new = normalise_assessment(raw, _rings(cur))
        _check_references(cur, new)
        if _technology_row(cur, new.technology)["retired"]:  # type: ignore[index]
            raise EditError("technology", "retired")
        current = _assessment_row(cur, new.edition, new.area, new.technology)
        _check_expected("assessment", new.key, current, None, asdict(new))
        cur.execute(
            f"INSERT INTO assessments ({', '.join(_ASSESSMENT_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_ASSESSMENT_COLUMNS))})",
            [getattr(new, c) for c in _ASSESSMENT_COLUMNS],
        )
        audit.record(cur, _assessment_changes(None, new, editor, reason))
        return new

    return _write(con, body, lambda r: _assessment_conflict(r, raw, raw), adding=True)


def _assessment_conflict(
    reader: duckdb.DuckDBPyConnection, key_values: Mapping[str, Any], yours: Mapping | None
) -> EditConflict:
    edition, area, technology = (key_values.get(k) for k in ("edition", "area", "technology"))
    return EditConflict(
        "assessment",
        assessment_key(edition, area, technology),  # type: ignore[arg-type]
        _assessment_row(reader, edition, area, technology),  # type: ignore[arg-type]
        yours,
    )


def edit_assessment(
    con: duckdb.DuckDBPyConnection,
    values: Assessment | Mapping[str, Any],
    *,
    expected: Assessment | Mapping[str, Any],
    editor: str,
    reason: str,
) -> Assessment:
    """Change an assessment's scores or ring.

    Parameters
    ----------
    values
        ``edition``, ``area`` and ``technology`` name the assessment; any of
        :data:`ASSESSMENT_FIELDS` given replace the stored values. To switch to
        a stated ring without scores, give the five scores as ``None``.
    expected
        The assessment as the editor loaded it.

    Raises
    ------
    EditConflict
        It changed or was removed since ``expected`` was loaded.
    EditError
        Invalid input, or nothing to change.
    """
    editor, reason = _who(editor, reason)
    raw = _record(values) or {}
    _unknown_fields(
        {k: v for k, v in raw.items() if k not in ("edition", "area", "technology")},
        ASSESSMENT_FIELDS,
    )
    base = _record(expected) or {}
    yours = {**base, **raw}

    def body(cur: duckdb.DuckDBPyConnection) -> Assessment:
        key = {k: raw.get(k) for k in ("edition", "area", "technology")}
        key["edition"] = _integer("edition", key["edition"])
        current = _assessment_row(cur, key["edition"], str(key["area"]), str(key["technology"]))
        _check_expected(
            "assessment",
            assessment_key(key["edition"], str(key["area"]), str(key["technology"])),
            current,
            base,
            yours,
        )
        assert current is not None
        new = normalise_assessment({**current, **raw}, _rings(cur))
        diffs = _assessment_changes(Assessment(**current), new, editor, reason)
        if not diffs:
            raise EditError("changes", "no_changes")
        cur.execute(
            f"UPDATE assessments SET {', '.join(f'{n} = ?' for n in ASSESSMENT_FIELDS)} "
            "WHERE edition = ? AND area = ? AND technology = ?",
            [*(getattr(new, n) for n in ASSESSMENT_FIELDS), new.edition, new.area, new.technology],
        )
        audit.record(cur, diffs)
        return new

    return _write(con, body, lambda r: _assessment_conflict(r, raw, yours))


def remove_assessment(
    con: duckdb.DuckDBPyConnection,
    edition: int,
    area: str,
    technology: str,
    *,
    expected: Assessment | Mapping[str, Any],
    editor: str,
    reason: str,
) -> None:
    """Take a technology off an area's radar in an edition.

    Raises
    ------
    EditConflict
        It changed or was removed since ``expected`` was loaded.
    """
    editor, reason = _who(editor, reason)
    base = _record(expected) or {}
    key = {"edition": edition, "area": area, "technology": technology}

    def body(cur: duckdb.DuckDBPyConnection) -> None:
        current = _assessment_row(cur, edition, area, technology)
        _check_expected("assessment", assessment_key(**key), current, base, None)
        assert current is not None
        cur.execute(
            "DELETE FROM assessments WHERE edition = ? AND area = ? AND technology = ?",
            [edition, area, technology],
        )
        audit.record(cur, _assessment_changes(Assessment(**current), None, editor, reason))

    _write(con, body, lambda r: _assessment_conflict(r, key, None))


# --- example cases ---


def load_case(con: duckdb.DuckDBPyConnection, case_id: str) -> Case | None:
    """One example case as stored now."""
    row = _read(con, lambda cursor: _case_row(cursor, case_id))
    return Case(**row) if row else None


def _case_values(values: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    out = {**current}
    for name in _CASE_TEXT_FIELDS:
        if name in values or name not in out:
            out[name] = _text(name, values.get(name))
    if "area" in values or "area" not in out:
        out["area"] = _text("area", values.get("area"), required=True)
    if "year" in values or "year" not in out:
        year = _integer("year", values.get("year"))
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise EditError("year", "year_range", min=YEAR_MIN, max=YEAR_MAX)
        out["year"] = year
    url = out["source_url"]
    if url and (not url.startswith(("https://", "http://")) or any(c.isspace() for c in url)):
        raise EditError("source_url", "url")
    return out


def _stored_case(record: Mapping[str, Any]) -> list[Any]:
    return [record[c] if c != "source_url" else (record[c] or None) for c in _CASE_COLUMNS]


def add_case(
    con: duckdb.DuckDBPyConnection,
    values: Mapping[str, Any],
    *,
    editor: str,
    reason: str,
    case_id: str | None = None,
) -> Case:
    """Add an example case to a technology.

    Parameters
    ----------
    values
        ``technology`` and :data:`CASE_FIELDS`; ``area``, ``municipality``,
        ``year``, ``title_da`` and ``text_da`` are required.
    case_id
        Its id; made from the municipality and Danish title when not given
        (with ``-2``, ``-3``, ... if that is taken).

    Raises
    ------
    EditError
        Invalid input, or ``case_id`` is taken.
    """
    editor, reason = _who(editor, reason)
    _unknown_fields(values, ("technology", *CASE_FIELDS))
    technology = _text("technology", values.get("technology"), required=True)
    record = {"technology": technology, **_case_values(values, {})}
    if case_id is not None and slugify(case_id) != case_id:
        raise EditError("id", "not_slug", suggestion=slugify(case_id))

    def body(cur: duckdb.DuckDBPyConnection) -> Case:
        if not _exists(cur, "technologies", "id", technology):
            raise EditError("technology", "unknown", value=technology)
        if not _exists(cur, "areas", "id", record["area"]):
            raise EditError("area", "unknown", value=record["area"])
        if case_id is not None:
            new_id = case_id
            if _exists(cur, "cases", "id", new_id):
                raise EditError("id", "exists", value=new_id)
        else:
            stem = slugify(f"{record['municipality']} {record['title_da']}")[:80].strip("-")
            new_id, n = stem, 1
            while _exists(cur, "cases", "id", new_id):
                n += 1
                new_id = f"{stem}-{n}"
        saved = {"id": new_id, **record}
        cur.execute(
            f"INSERT INTO cases ({', '.join(_CASE_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_CASE_COLUMNS))})",
            _stored_case(saved),
        )
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="add",
                    entity="case",
                    record_key=new_id,
                    technology=technology,
                    new_value=saved,
                    reason=reason,
                )
            ],
        )
        return Case(**saved)

    key = case_id or ""
    return _write(
        con, body, lambda r: EditConflict("case", key, _case_row(r, key), record), adding=True
    )


def edit_case(
    con: duckdb.DuckDBPyConnection,
    case_id: str,
    changes: Mapping[str, Any],
    *,
    expected: Case | Mapping[str, Any],
    editor: str,
    reason: str,
) -> Case:
    """Change an example case (:data:`CASE_FIELDS`).

    Raises
    ------
    EditConflict
        It changed or was removed since ``expected`` was loaded.
    EditError
        Invalid input, or nothing to change.
    """
    editor, reason = _who(editor, reason)
    _unknown_fields(changes, CASE_FIELDS)
    base = _record(expected) or {}
    yours = _case_values(changes, base) if base else dict(changes)

    def body(cur: duckdb.DuckDBPyConnection) -> Case:
        current = _case_row(cur, case_id)
        _check_expected("case", case_id, current, base, yours)
        assert current is not None
        new = _case_values(changes, current)
        if new["area"] != current["area"] and not _exists(cur, "areas", "id", new["area"]):
            raise EditError("area", "unknown", value=new["area"])
        diffs = audit.field_changes(
            current,
            {name: new[name] for name in CASE_FIELDS},
            editor=editor,
            entity="case",
            record_key=case_id,
            technology=current["technology"],
            reason=reason,
        )
        if not diffs:
            raise EditError("changes", "no_changes")
        names = [c.field for c in diffs if c.field]
        cur.execute(
            f"UPDATE cases SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
            [*((new[n] or None) if n == "source_url" else new[n] for n in names), case_id],
        )
        audit.record(cur, diffs)
        return Case(**new)

    return _write(con, body, lambda r: EditConflict("case", case_id, _case_row(r, case_id), yours))


def remove_case(
    con: duckdb.DuckDBPyConnection,
    case_id: str,
    *,
    expected: Case | Mapping[str, Any],
    editor: str,
    reason: str,
) -> None:
    """Remove an example case.

    Raises
    ------
    EditConflict
        It changed or was removed since ``expected`` was loaded.
    """
    editor, reason = _who(editor, reason)
    base = _record(expected) or {}

    def body(cur: duckdb.DuckDBPyConnection) -> None:
        current = _case_row(cur, case_id)
        _check_expected("case", case_id, current, base, None)
        assert current is not None
        cur.execute("DELETE FROM cases WHERE id = ?", [case_id])
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="remove",
                    entity="case",
                    record_key=case_id,
                    technology=current["technology"],
                    old_value=current,
                    reason=reason,
                )
            ],
        )

    _write(con, body, lambda r: EditConflict("case", case_id, _case_row(r, case_id), None))


# --- editions ---


def load_edition(con: duckdb.DuckDBPyConnection, year: int) -> Edition | None:
    """One edition as stored now, draft or published."""
    row = _read(con, lambda cursor: _edition_row(cursor, year))
    return Edition(**row) if row else None


def next_edition_year(con: duckdb.DuckDBPyConnection) -> int:
    """The year a new draft gets: the year after the newest edition (or this year)."""
    cursor = con.cursor()
    try:
        (latest,) = cursor.execute("SELECT max(year) FROM editions").fetchone()  # type: ignore[misc]
    finally:
        cursor.close()
    return int(latest) + 1 if latest is not None else date.today().year


def edition_summary(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every edition, drafts included, newest first, with its count of assessments.

    Columns ``year, title_da, title_en, published, status, assessments,
    technologies``. For editors only.
    """
    return store.query_frame(
        con,
        "SELECT e.year, e.title_da, e.title_en, e.published, e.status, "
        "count(a.technology) AS assessments, count(DISTINCT a.technology) AS technologies "
        "FROM editions e LEFT JOIN assessments a ON a.edition = e.year "
        "GROUP BY ALL ORDER BY e.year DESC",
    )


def _next_year_of(value: date, year: int) -> date:
    try:
        return value.replace(year=year)
    except ValueError:  # 29 February in a year without it
        return value.replace(year=year, day=28)


@dataclass(frozen=True)
class DraftDefaults:
    """What a new draft gets unless the editor says otherwise."""

    year: int
    #: The latest published edition with assessments, which the draft copies.
    source: int
    title_da: str
    title_en: str
    published: date


def _draft_defaults(cur: duckdb.DuckDBPyConnection, year: int) -> DraftDefaults:
    (source_year,) = cur.execute(  # type: ignore[misc]
        "SELECT max(edition) FROM assessments WHERE edition IN "
        f"(SELECT year FROM editions WHERE status = '{PUBLISHED}')"
    ).fetchone()
    if source_year is None:
        raise EditError("year", "no_source")
    source = _edition_row(cur, source_year)
    assert source is not None

    def title(old: str, fallback: str) -> str:
        return old.replace(str(source_year), str(year)) if str(source_year) in old else fallback

    return DraftDefaults(
        year=year,
        source=source_year,
        title_da=title(source["title_da"], f"Teknologiradar {year}"),
        title_en=title(source["title_en"], f"Technology radar {year}"),
        published=_next_year_of(source["published"], year),
    )


def draft_defaults(con: duckdb.DuckDBPyConnection, year: int | None = None) -> DraftDefaults:
    """The edition a draft for ``year`` (default: :func:`next_edition_year`) copies, its titles
    (the copied edition's, with the year replaced) and planned publication date (a year on).

    Raises
    ------
    EditError
        No published edition has assessments to copy.
    """
    year = next_edition_year(con) if year is None else year
    return _read(con, lambda cursor: _draft_defaults(cursor, year))


def start_draft(
    con: duckdb.DuckDBPyConnection,
    year: int,
    *,
    editor: str,
    reason: str,
    title_da: str | None = None,
    title_en: str | None = None,
    published: date | str | None = None,
) -> Edition:
    """Start a new edition as a draft, copied from the latest published edition.

    Every assessment of the latest published edition is copied, except those
    of retired technologies. The draft is shown to editors only until
    :func:`publish`.

    Parameters
    ----------
    year
        The new edition's year; it must be later than every existing edition.
    title_da, title_en
        Its titles; by default the latest edition's with the year replaced.
    published
        Its planned publication date; by default the latest edition's a year on.

    Raises
    ------
    EditError
        The year exists or is not later than the newest edition, or there is
        no published edition with assessments to copy.
    """
    editor, reason = _who(editor, reason)
    year = _integer("year", year)
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise EditError("year", "year_range", min=YEAR_MIN, max=YEAR_MAX)
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published.strip())
        except ValueError as exc:
            raise EditError("published", "not_date") from exc
    if title_da is not None:
        title_da = _text("title_da", title_da, required=True)
    if title_en is not None:
        title_en = _text("title_en", title_en, required=False)

    def body(cur: duckdb.DuckDBPyConnection) -> Edition:
        if _exists(cur, "editions", "year", year):
            raise EditError("year", "exists", value=year)
        (newest,) = cur.execute("SELECT max(year) FROM editions").fetchone()  # type: ignore[misc]
        if newest is not None and year < newest:
            raise EditError("year", "edition_order", latest=newest)
        defaults = _draft_defaults(cur, year)
        edition = {
            "year": year,
            "published": published or defaults.published,
            "title_da": title_da or defaults.title_da,
            "title_en": title_en or defaults.title_en,
            "status": DRAFT,
        }
        cur.execute(
            "INSERT INTO editions (year, published, title_da, title_en, status) "
            "VALUES (?, ?, ?, ?, ?)",
            list(edition.values()),
        )
        columns = ", ".join(_ASSESSMENT_COLUMNS[1:])
        cur.execute(
            f"INSERT INTO assessments ({', '.join(_ASSESSMENT_COLUMNS)}) "
            f"SELECT ?, {columns} FROM assessments "
            "WHERE edition = ? AND technology NOT IN (SELECT id FROM technologies WHERE retired)",
            [year, defaults.source],
        )
        (copied,) = cur.execute(  # type: ignore[misc]
            "SELECT count(*) FROM assessments WHERE edition = ?", [year]
        ).fetchone()
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="add",
                    entity="edition",
                    record_key=str(year),
                    edition=year,
                    new_value={**edition, "copied_from": defaults.source, "assessments": copied},
                    reason=reason,
                )
            ],
        )
        return Edition(**edition)

    return _write(
        con,
        body,
        lambda r: EditConflict("edition", str(year), _edition_row(r, year), None),
        adding=True,
    )


def _check_draft(
    cur: duckdb.DuckDBPyConnection,
    year: int,
    expected: Edition | Mapping[str, Any] | None,
    yours: Mapping[str, Any] | None,
) -> dict[str, Any]:
    current = _edition_row(cur, year)
    base = _record(expected)
    if base is not None:
        _check_expected("edition", str(year), current, base, yours)
    if current is None:
        raise EditError("year", "unknown", value=year)
    if current["status"] != DRAFT:
        raise EditError("year", "not_draft", value=year)
    return current


def publish(
    con: duckdb.DuckDBPyConnection,
    year: int,
    *,
    editor: str,
    reason: str,
    expected: Edition | Mapping[str, Any] | None = None,
) -> Edition:
    """Publish a draft edition: from now on everyone sees it (audit action ``publish``).

    Raises
    ------
    EditConflict
        ``expected`` is given and the edition changed since (published or
        discarded by someone else).
    EditError
        No such edition, it is not a draft, or it has no assessments.
    """
    editor, reason = _who(editor, reason)
    yours = {**(_record(expected) or {}), "status": PUBLISHED}

    def body(cur: duckdb.DuckDBPyConnection) -> Edition:
        current = _check_draft(cur, year, expected, yours)
        (count,) = cur.execute(  # type: ignore[misc]
            "SELECT count(*) FROM assessments WHERE edition = ?", [year]
        ).fetchone()
        if not count:
            raise EditError("year", "empty_draft", value=year)
        cur.execute("UPDATE editions SET status = ? WHERE year = ?", [PUBLISHED, year])
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="publish",
                    entity="edition",
                    record_key=str(year),
                    edition=year,
                    field="status",
                    old_value=DRAFT,
                    new_value=PUBLISHED,
                    reason=reason,
                )
            ],
        )
        return Edition(**{**current, "status": PUBLISHED})

    return _write(
        con, body, lambda r: EditConflict("edition", str(year), _edition_row(r, year), yours)
    )


def set_illustrative(
    con: duckdb.DuckDBPyConnection, illustrative: bool, *, editor: str, reason: str
) -> bool:
    """Say on every radar, export and handout that the data is illustrative, or stop saying it.

    Logged as a change to the editions as a whole (record key ``*``).

    Returns
    -------
    Whether anything changed.
    """
    editor, reason = _who(editor, reason)
    value = "true" if illustrative else "false"

    def body(cur: duckdb.DuckDBPyConnection) -> bool:
        before = store.is_illustrative(cur)
        if before == illustrative:
            return False
        cur.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [store.ILLUSTRATIVE_KEY, value])
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="change",
                    entity="edition",
                    record_key="*",
                    field=store.ILLUSTRATIVE_KEY,
                    old_value=str(before).lower(),
                    new_value=value,
                    reason=reason,
                )
            ],
        )
        return True

    return _write(con, body, lambda r: EditConflict("edition", "*", None, {"illustrative": value}))


def discard_draft(
    con: duckdb.DuckDBPyConnection,
    year: int,
    *,
    editor: str,
    reason: str,
    expected: Edition | Mapping[str, Any] | None = None,
) -> None:
    """Remove a draft edition and its assessments (logged with the reason).

    Two transactions (see the module docstring): the assessments and the log
    entry first, then the edition row.

    Raises
    ------
    EditConflict
        ``expected`` is given and the edition changed since.
    EditError
        No such edition, or it is not a draft.
    """
    editor, reason = _who(editor, reason)

    def body(cur: duckdb.DuckDBPyConnection) -> None:
        current = _check_draft(cur, year, expected, None)
        (count,) = cur.execute(  # type: ignore[misc]
            "SELECT count(*) FROM assessments WHERE edition = ?", [year]
        ).fetchone()
        cur.execute("DELETE FROM assessments WHERE edition = ?", [year])
        audit.record(
            cur,
            [
                Change(
                    editor=editor,
                    action="remove",
                    entity="edition",
                    record_key=str(year),
                    edition=year,
                    old_value={**current, "assessments": count},
                    reason=reason,
                )
            ],
        )

    def conflict(reader: duckdb.DuckDBPyConnection) -> EditConflict:
        return EditConflict("edition", str(year), _edition_row(reader, year), None)

    with _WRITE_LOCK:
        _write(con, body, conflict)

        def drop(cur: duckdb.DuckDBPyConnection) -> None:
            cur.execute("DELETE FROM editions WHERE year = ? AND status = ?", [year, DRAFT])

        _write(con, drop, conflict)


# --- what editors see of drafts ---


def editor_catalog(con: duckdb.DuckDBPyConnection) -> Catalog:
    """The catalogue with draft editions: for editors' pages only."""
    return store.load_catalog(con, include_drafts=True)


def draft_assessments(con: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """Every assessment of an edition, draft or not (:func:`radar.store.load_assessments`)."""
    return store.load_assessments(con, year, include_drafts=True)


def draft_view(con: duckdb.DuckDBPyConnection, year: int, area: str) -> pd.DataFrame:
    """One area's radar in ``year`` (a draft included), placed and numbered, for a preview.

    Movement and positions follow from the published editions before it, as
    they will once the draft is published.
    """
    catalog = editor_catalog(con)
    entries = history.all_entries(
        store.load_all_assessments(con, include_drafts=True), catalog.rings
    )
    placed = edition_rows(history.area_history(entries, area, catalog), year)
    return build_view(
        placed,
        catalog,
        store.load_technologies(con, include_drafts=True),
        ViewFilter(area=area, edition=year),
    )
