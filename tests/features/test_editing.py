"""The editors' write API (radar.editing): every change and its audit rows, conflicts,
validation, retiring, and draft editions.

Each test edits its own copy of the seeded database: the session's shared
database is open read-only, and DuckDB will not open one file both ways in a
process.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from radar import editing, formats, store
from radar.editing import Assessment, EditConflict, EditError
from radar.i18n import STRINGS
from radar.model import Catalog
from radar.pipeline.scoring import score_assessments
from radar.store import audit
from radar.store import editing as edit_store

EDITOR = "Mette Hansen"
OTHER = "Ole Jensen"


@pytest.fixture
def db(writable_db: Path) -> Path:
    """A copy of the seeded database that this test may change."""
    return writable_db


@pytest.fixture
def wcon(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable connection to the test's own database."""
    connection = store.connect(db, read_only=False, build_if_missing=False)
    yield connection
    connection.close()


def log_rows(con: duckdb.DuckDBPyConnection, **filters: Any) -> list[dict[str, Any]]:
    """Every audit row (drafts included), newest first, as dicts with missing values as None."""
    log = audit.load_log(con, include_drafts=True)
    rows = log.astype(object).where(log.notna(), None).to_dict("records")
    return [r for r in rows if all(r[k] == v for k, v in filters.items())]


def everything(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every row of every table, to show that a refused save wrote nothing."""
    tables = ["technologies", "assessments", "cases", "editions", "audit_log", "meta"]
    return {
        table: sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        for table in tables
    }


def assessed(con: duckdb.DuckDBPyConnection, technology: str, edition: int) -> set[str]:
    rows = con.execute(
        "SELECT area FROM assessments WHERE technology = ? AND edition = ?", [technology, edition]
    ).fetchall()
    return {r[0] for r in rows}


def a_gap(con: duckdb.DuckDBPyConnection, catalog: Catalog, edition: int) -> tuple[str, str]:
    """A (technology, area) with no assessment in ``edition``, of a technology that has one."""
    for (tech,) in con.execute(
        "SELECT DISTINCT technology FROM assessments WHERE edition = ? ORDER BY 1", [edition]
    ).fetchall():
        missing = [a for a in catalog.area_ids if a not in assessed(con, tech, edition)]
        if missing:
            return tech, missing[0]
    raise AssertionError("every technology is assessed in every area")


def latest(con: duckdb.DuckDBPyConnection) -> int:
    year = store.latest_assessed_edition(con)
    assert year is not None
    return year


def an_assessment(con: duckdb.DuckDBPyConnection, technology: str = "aula") -> Assessment:
    edition = latest(con)
    area = sorted(assessed(con, technology, edition))[0]
    found = editing.load_assessment(con, edition, area, technology)
    assert found is not None
    return found


# --- technologies ---


def test_adding_a_technology_writes_it_and_logs_who_when_what_and_why(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    before = datetime.now(UTC)
    values = {
        "name_da": "Droner til inspektion af broer",
        "name_en": "Drones for bridge inspection",
        "sector": "DATA",
        "summary_da": "Droner fotograferer broer, så inspektøren ikke skal i lift.",
    }
    added = editing.add_technology(wcon, values, editor=EDITOR, reason="Ny i kataloget")

    assert added.id == formats.slugify(values["name_da"])
    stored = store.load_technologies(wcon, include_drafts=True)[added.id]
    assert (stored.name_da, stored.name_en, stored.sector) == (
        values["name_da"],
        values["name_en"],
        "DATA",
    )
    assert stored.description_en == "" and not stored.retired
    [row] = log_rows(wcon, record_key=added.id)
    assert row["editor"] == EDITOR
    assert row["action"] == "add" and row["entity"] == "technology"
    assert row["technology"] == added.id and row["field"] is None
    assert row["old_value"] is None
    assert json.loads(row["new_value"])["summary_da"] == values["summary_da"]
    assert row["reason"] == "Ny i kataloget"
    assert before <= row["changed_at"] <= datetime.now(UTC)


def test_a_technology_id_is_never_taken_twice(wcon: duckdb.DuckDBPyConnection) -> None:
    aula = store.load_technologies(wcon, include_drafts=True)["aula"]
    state = everything(wcon)
    with pytest.raises(EditError) as refused:
        editing.add_technology(
            wcon,
            {"name_da": aula.name_da, "sector": "AUT", "summary_da": "En anden AULA"},
            editor=EDITOR,
            reason="Dublet",
        )
    assert refused.value.field == "id"
    assert "aula" in refused.value.message("da")
    assert everything(wcon) == state


def test_editing_a_technology_logs_one_row_per_changed_field(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    loaded = editing.load_technology(wcon, "aula")
    assert loaded is not None
    changes = {"summary_da": "Skole, dagtilbud og hjem på én platform.", "name_en": "AULA"}
    saved = editing.edit_technology(
        wcon, "aula", changes, expected=loaded, editor=EDITOR, reason="Kortere tekst"
    )

    assert store.load_technologies(wcon, include_drafts=True)["aula"] == saved
    assert saved.summary_da == changes["summary_da"] and saved.name_da == loaded.name_da
    rows = {r["field"]: r for r in log_rows(wcon, technology="aula")}
    assert set(rows) == set(changes)
    for field, value in changes.items():
        assert rows[field]["old_value"] == getattr(loaded, field)
        assert rows[field]["new_value"] == value
        assert (rows[field]["action"], rows[field]["editor"]) == ("change", EDITOR)
        assert rows[field]["reason"] == "Kortere tekst"


def test_the_later_of_two_editors_gets_a_conflict_and_the_first_save_stays(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    # Both open the technology before either saves.
    seen_by_mette = editing.load_technology(wcon, "aula")
    seen_by_ole = editing.load_technology(wcon, "aula")
    assert seen_by_mette is not None and seen_by_ole is not None
    editing.edit_technology(
        wcon,
        "aula",
        {"summary_da": "Mettes tekst"},
        expected=seen_by_mette,
        editor=EDITOR,
        reason="Første",
    )
    with pytest.raises(EditConflict) as conflict:
        editing.edit_technology(
            wcon,
            "aula",
            {"summary_da": "Oles tekst"},
            expected=seen_by_ole,
            editor=OTHER,
            reason="Anden",
        )

    assert conflict.value.theirs is not None and conflict.value.yours is not None
    assert conflict.value.theirs["summary_da"] == "Mettes tekst"
    assert conflict.value.yours["summary_da"] == "Oles tekst"
    assert ("summary_da", "Mettes tekst", "Oles tekst") in conflict.value.differences()
    assert store.load_technologies(wcon, include_drafts=True)["aula"].summary_da == "Mettes tekst"
    assert [r["editor"] for r in log_rows(wcon, technology="aula")] == [EDITOR]


def test_a_change_to_another_field_of_the_record_is_a_conflict_too(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    seen = editing.load_technology(wcon, "aula")
    assert seen is not None
    editing.edit_technology(
        wcon, "aula", {"name_en": "AULA platform"}, expected=seen, editor=EDITOR, reason="Navn"
    )
    with pytest.raises(EditConflict) as conflict:
        editing.edit_technology(
            wcon, "aula", {"summary_da": "Ny"}, expected=seen, editor=OTHER, reason="Tekst"
        )
    fields = {f for f, _, _ in conflict.value.differences()}
    # Ole sees Mette's new name (kept) beside his stale one, and his own summary.
    assert fields == {"name_en", "summary_da"}
    assert store.load_technologies(wcon, include_drafts=True)["aula"].summary_da == seen.summary_da


def test_duckdbs_own_write_conflict_becomes_an_edit_conflict(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    seen = editing.load_technology(wcon, "aula")
    assert seen is not None
    # Another writer (an import, say) has changed the row but not yet committed.
    other = wcon.cursor()
    other.begin()
    other.execute("UPDATE technologies SET summary_da = 'Importeret' WHERE id = 'aula'")
    with pytest.raises(EditConflict) as conflict:
        editing.edit_technology(
            wcon, "aula", {"summary_da": "Min"}, expected=seen, editor=EDITOR, reason="Samtidig"
        )
    other.commit()
    other.close()

    assert conflict.value.yours is not None and conflict.value.yours["summary_da"] == "Min"
    assert store.load_technologies(wcon, include_drafts=True)["aula"].summary_da == "Importeret"
    assert log_rows(wcon, technology="aula") == []


def test_changing_the_category_keeps_every_assessment_and_case(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    tech = "aula"
    assessments = wcon.execute(
        "SELECT * FROM assessments WHERE technology = ? ORDER BY ALL", [tech]
    ).fetchall()
    cases = wcon.execute("SELECT * FROM cases WHERE technology = ? ORDER BY ALL", [tech]).fetchall()
    assert assessments and cases
    seen = editing.load_technology(wcon, tech)
    assert seen is not None
    target = next(s for s in ("AUT", "DATA") if s != seen.sector)

    saved = editing.edit_technology(
        wcon, tech, {"sector": target}, expected=seen, editor=EDITOR, reason="Ny kategori"
    )

    assert saved.sector == target == store.load_technologies(wcon, include_drafts=True)[tech].sector
    after = "SELECT * FROM {} WHERE technology = ? ORDER BY ALL"
    assert wcon.execute(after.format("assessments"), [tech]).fetchall() == assessments
    assert wcon.execute(after.format("cases"), [tech]).fetchall() == cases
    [row] = log_rows(wcon, technology=tech)
    assert (row["field"], row["old_value"], row["new_value"]) == ("sector", seen.sector, target)


def test_a_failed_category_change_loses_nothing(
    wcon: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = everything(wcon)
    seen = editing.load_technology(wcon, "aula")
    assert seen is not None

    def log_fails(cursor: duckdb.DuckDBPyConnection, changes: list) -> None:
        raise RuntimeError("the server stopped here")

    # The change and its log entry are one transaction: no log, no change.
    monkeypatch.setattr(audit, "record", log_fails)
    with pytest.raises(RuntimeError):
        editing.edit_technology(
            wcon, "aula", {"sector": "AUT"}, expected=seen, editor=EDITOR, reason="Flyt"
        )

    assert everything(wcon) == state


def test_retiring_keeps_the_published_history_and_leaves_the_drafts(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    published = latest(wcon)
    draft = editing.start_draft(wcon, published + 1, editor=EDITOR, reason="Ny udgave")
    history_before = store.load_technology_assessments(wcon, "aula")
    in_draft = assessed(wcon, "aula", draft.year)
    assert in_draft

    seen = editing.load_technology(wcon, "aula")
    assert seen is not None
    retired = editing.retire_technology(
        wcon, "aula", expected=seen, editor=EDITOR, reason="Afløst af ny platform"
    )

    assert retired.retired and store.load_technologies(wcon, include_drafts=True)["aula"].retired
    assert assessed(wcon, "aula", draft.year) == set()
    pd.testing.assert_frame_equal(store.load_technology_assessments(wcon, "aula"), history_before)
    rows = log_rows(wcon, technology="aula")
    [retire] = [r for r in rows if r["action"] == "retire"]
    assert (retire["field"], retire["old_value"], retire["new_value"]) == (
        "retired",
        "False",
        "True",
    )
    removed = [r for r in rows if r["action"] == "remove"]
    assert {r["record_key"].split("/")[1] for r in removed} == in_draft
    assert {r["edition"] for r in removed} == {draft.year}
    # Viewers' log shows the retirement, not what happened in the draft.
    viewers = audit.load_log(wcon, technology="aula")
    assert list(viewers["action"]) == ["retire"]

    back = editing.unretire_technology(
        wcon, "aula", expected=retired, editor=OTHER, reason="Alligevel i brug"
    )
    assert (
        not back.retired and not store.load_technologies(wcon, include_drafts=True)["aula"].retired
    )
    newest = log_rows(wcon, technology="aula")[0]
    assert (newest["action"], newest["old_value"], newest["new_value"]) == (
        "change",
        "True",
        "False",
    )
    assert newest["editor"] == OTHER


def test_a_retired_technology_cannot_be_assessed_anew(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    tech, area = a_gap(wcon, catalog, latest(wcon))
    seen = editing.load_technology(wcon, tech)
    assert seen is not None
    editing.retire_technology(wcon, tech, expected=seen, editor=EDITOR, reason="Udfaset")
    state = everything(wcon)
    values = {
        "edition": latest(wcon),
        "area": area,
        "technology": tech,
        "ring_override": "klar",
        "override_reason": "Angivet",
    }
    with pytest.raises(EditError) as refused:
        editing.add_assessment(wcon, values, editor=EDITOR, reason="Ny vurdering")
    assert refused.value.field == "technology"
    assert everything(wcon) == state


# --- assessments ---


def test_adding_editing_and_removing_an_assessment_is_logged(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    edition = latest(wcon)
    tech, area = a_gap(wcon, catalog, edition)
    scores = {
        "maturity_trl": 6,
        "share_operation": 10,
        "share_pilot": 30,
        "share_considering": 40,
        "share_not_considering": 20,
    }
    added = editing.add_assessment(
        wcon,
        {"edition": edition, "area": area, "technology": tech, **scores},
        editor=EDITOR,
        reason="Ny i området",
    )
    assert editing.load_assessment(wcon, edition, area, tech) == added
    assert (added.ring_override, added.override_reason) == (None, None)
    [add] = log_rows(wcon, record_key=added.key)
    assert (add["action"], add["entity"], add["edition"], add["technology"]) == (
        "add",
        "assessment",
        edition,
        tech,
    )
    assert json.loads(add["new_value"])["maturity_trl"] == 6

    changed = editing.edit_assessment(
        wcon, {**asdict(added), "maturity_trl": 7}, expected=added, editor=OTHER, reason="Ny TRL"
    )
    assert changed.maturity_trl == 7
    [change] = log_rows(wcon, record_key=added.key, action="change")
    assert (change["field"], change["old_value"], change["new_value"]) == ("maturity_trl", "6", "7")
    assert change["editor"] == OTHER

    editing.remove_assessment(
        wcon, edition, area, tech, expected=changed, editor=EDITOR, reason="Fejl"
    )
    assert editing.load_assessment(wcon, edition, area, tech) is None
    [remove] = log_rows(wcon, record_key=added.key, action="remove")
    assert json.loads(remove["old_value"])["maturity_trl"] == 7
    assert remove["new_value"] is None and remove["reason"] == "Fejl"


def test_an_assessment_can_state_its_ring_without_scores(wcon: duckdb.DuckDBPyConnection) -> None:
    seen = an_assessment(wcon)
    stated = {
        **asdict(seen),
        **dict.fromkeys(editing.SCORE_COLUMNS),
        "ring_override": "hold-oeje",
        "override_reason": "Fra KL's radar",
    }
    saved = editing.edit_assessment(
        wcon, stated, expected=seen, editor=EDITOR, reason="Importeret ring"
    )
    row = wcon.execute(
        "SELECT maturity_trl, share_operation, share_pilot, share_considering, "
        "share_not_considering, ring_override, override_reason FROM assessments "
        "WHERE edition = ? AND area = ? AND technology = ?",
        [seen.edition, seen.area, seen.technology],
    ).fetchone()
    assert row == (None, None, None, None, None, "hold-oeje", "Fra KL's radar")
    assert not saved.has_scores
    fields = {r["field"] for r in log_rows(wcon, record_key=seen.key)}
    assert fields == {*editing.SCORE_COLUMNS, "ring_override", "override_reason"}


def test_preview_ring_gives_the_ring_the_radar_computes(
    con: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    rows = store.load_assessments(con, latest(con))
    scored = score_assessments(rows[rows["maturity_trl"].notna()], catalog.rings)
    assert len(scored) > 50
    for row in scored.to_dict("records"):
        computed, shown = editing.preview_ring(row, catalog.rings)
        assert computed == row["computed_ring"]
        assert shown == row["ring"]
    some = scored.iloc[0].to_dict()
    other_ring = next(r for r in catalog.ring_ids if r != some["computed_ring"])
    assert editing.preview_ring({**some, "ring_override": other_ring}, catalog.rings) == (
        some["computed_ring"],
        other_ring,
    )
    assert editing.preview_ring({"ring_override": "klar"}, catalog.rings) == (None, "klar")


def test_an_override_equal_to_the_computed_ring_is_no_override(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    seen = an_assessment(wcon)
    computed, _ = editing.preview_ring(asdict(seen), catalog.rings)
    other = next(r for r in catalog.ring_ids if r != computed)
    overridden = editing.edit_assessment(
        wcon,
        {**asdict(seen), "ring_override": other, "override_reason": "Lokal vurdering"},
        expected=seen,
        editor=EDITOR,
        reason="Tilsidesat",
    )
    assert (overridden.ring_override, overridden.override_reason) == (other, "Lokal vurdering")
    back = editing.edit_assessment(
        wcon,
        {**asdict(overridden), "ring_override": computed},
        expected=overridden,
        editor=EDITOR,
        reason="Som beregnet",
    )
    assert (back.ring_override, back.override_reason) == (None, None)


def test_two_editors_adding_the_same_assessment(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    edition = latest(wcon)
    tech, area = a_gap(wcon, catalog, edition)
    key = {"edition": edition, "area": area, "technology": tech}
    first = editing.add_assessment(
        wcon, {**key, "ring_override": "klar", "override_reason": "A"}, editor=EDITOR, reason="1"
    )
    with pytest.raises(EditConflict) as conflict:
        editing.add_assessment(
            wcon,
            {**key, "ring_override": "afvent", "override_reason": "B"},
            editor=OTHER,
            reason="2",
        )
    assert conflict.value.theirs == asdict(first)
    assert conflict.value.yours is not None and conflict.value.yours["ring_override"] == "afvent"
    assert editing.load_assessment(wcon, edition, area, tech) == first


def test_an_assessment_added_by_another_writer_meanwhile_is_a_conflict(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    edition = latest(wcon)
    tech, area = a_gap(wcon, catalog, edition)
    real_rings = edit_store.rings

    def another_writer_first(cursor: duckdb.DuckDBPyConnection) -> Any:
        rings = real_rings(cursor)  # this save's transaction has read: its snapshot is taken
        # An import commits the same assessment now, before this save inserts it.
        wcon.execute(
            "INSERT INTO assessments (edition, area, technology, ring_override, override_reason) "
            "VALUES (?, ?, ?, 'klar', 'Importeret')",
            [edition, area, tech],
        )
        return rings

    monkeypatch.setattr(edit_store, "rings", another_writer_first)
    values = {"edition": edition, "area": area, "technology": tech, **_scores()}
    with pytest.raises(EditConflict) as conflict:
        editing.add_assessment(wcon, values, editor=EDITOR, reason="Min vurdering")
    assert conflict.value.theirs is not None
    assert conflict.value.theirs["override_reason"] == "Importeret"
    assert conflict.value.yours is not None and conflict.value.yours["maturity_trl"] == 5
    assert log_rows(wcon) == []


def test_removing_an_assessment_someone_changed_is_a_conflict(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    seen = an_assessment(wcon)
    trl = seen.maturity_trl
    assert trl is not None
    changed = editing.edit_assessment(
        wcon,
        {**asdict(seen), "maturity_trl": trl - 1 if trl > 1 else 2},
        expected=seen,
        editor=EDITOR,
        reason="Ny TRL",
    )
    with pytest.raises(EditConflict) as conflict:
        editing.remove_assessment(
            wcon,
            seen.edition,
            seen.area,
            seen.technology,
            expected=seen,
            editor=OTHER,
            reason="Ud",
        )
    assert conflict.value.yours is None and conflict.value.theirs == asdict(changed)
    assert editing.load_assessment(wcon, seen.edition, seen.area, seen.technology) == changed


# --- validation ---


def _scores(**overrides: Any) -> dict[str, Any]:
    return {
        "maturity_trl": 5,
        "share_operation": 25,
        "share_pilot": 25,
        "share_considering": 25,
        "share_not_considering": 25,
        **overrides,
    }


INVALID: dict[str, tuple[str, Any]] = {
    # name: (the field the error names, the operation)
    "no reason": (
        "reason",
        lambda con, ctx: editing.edit_technology(
            con, "aula", {"summary_da": "x"}, expected=ctx["aula"], editor=EDITOR, reason="  "
        ),
    ),
    "no editor": (
        "editor",
        lambda con, ctx: editing.edit_technology(
            con, "aula", {"summary_da": "x"}, expected=ctx["aula"], editor="", reason="r"
        ),
    ),
    "nothing changed": (
        "changes",
        lambda con, ctx: editing.edit_technology(
            con,
            "aula",
            {"summary_da": ctx["aula"].summary_da},
            expected=ctx["aula"],
            editor=EDITOR,
            reason="r",
        ),
    ),
    "empty Danish name": (
        "name_da",
        lambda con, ctx: editing.edit_technology(
            con, "aula", {"name_da": " "}, expected=ctx["aula"], editor=EDITOR, reason="r"
        ),
    ),
    "unknown category": (
        "sector",
        lambda con, ctx: editing.add_technology(
            con,
            {"name_da": "Ny", "summary_da": "Ny", "sector": "NOPE"},
            editor=EDITOR,
            reason="r",
        ),
    ),
    "TRL 10": (
        "maturity_trl",
        lambda con, ctx: editing.add_assessment(
            con, {**ctx["gap"], **_scores(maturity_trl=10)}, editor=EDITOR, reason="r"
        ),
    ),
    "shares summing to 90": (
        "shares",
        lambda con, ctx: editing.add_assessment(
            con, {**ctx["gap"], **_scores(share_pilot=15)}, editor=EDITOR, reason="r"
        ),
    ),
    "some scores missing": (
        "share_considering",
        lambda con, ctx: editing.add_assessment(
            con, {**ctx["gap"], **_scores(share_considering=None)}, editor=EDITOR, reason="r"
        ),
    ),
    "no scores and no ring": (
        "ring_override",
        lambda con, ctx: editing.add_assessment(con, ctx["gap"], editor=EDITOR, reason="r"),
    ),
    "a stated ring without where it came from": (
        "override_reason",
        lambda con, ctx: editing.add_assessment(
            con, {**ctx["gap"], "ring_override": "klar"}, editor=EDITOR, reason="r"
        ),
    ),
    "an override without a reason": (
        "override_reason",
        lambda con, ctx: editing.edit_assessment(
            con,
            {**asdict(ctx["assessment"]), "ring_override": ctx["other_ring"]},
            expected=ctx["assessment"],
            editor=EDITOR,
            reason="r",
        ),
    ),
    "a link that is not one": (
        "source_url",
        lambda con, ctx: editing.add_case(
            con,
            {
                "technology": "aula",
                "area": "administration",
                "municipality": "Aarhus",
                "year": 2024,
                "title_da": "T",
                "text_da": "T",
                "source_url": "javascript:alert(1)",
            },
            editor=EDITOR,
            reason="r",
        ),
    ),
    "a case from 1800": (
        "year",
        lambda con, ctx: editing.add_case(
            con,
            {
                "technology": "aula",
                "area": "administration",
                "municipality": "Aarhus",
                "year": 1800,
                "title_da": "T",
                "text_da": "T",
            },
            editor=EDITOR,
            reason="r",
        ),
    ),
    "a draft for an existing year": (
        "year",
        lambda con, ctx: editing.start_draft(con, ctx["latest"], editor=EDITOR, reason="r"),
    ),
    "publishing a published edition": (
        "year",
        lambda con, ctx: editing.publish(con, ctx["latest"], editor=EDITOR, reason="r"),
    ),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_input_names_the_field_and_writes_nothing(
    case: str, wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    field, operation = INVALID[case]
    tech, area = a_gap(wcon, catalog, latest(wcon))
    assessment = an_assessment(wcon)
    computed, _ = editing.preview_ring(asdict(assessment), catalog.rings)
    context = {
        "aula": editing.load_technology(wcon, "aula"),
        "gap": {"edition": latest(wcon), "area": area, "technology": tech},
        "assessment": assessment,
        "other_ring": next(r for r in catalog.ring_ids if r != computed),
        "latest": latest(wcon),
    }
    state = everything(wcon)
    with pytest.raises(EditError) as refused:
        operation(wcon, context)
    assert refused.value.field == field
    assert isinstance(refused.value, ValueError)
    # The editor reads which field is wrong, in their language.
    for lang in ("da", "en"):
        message = refused.value.message(lang)
        assert message
        if "{field}" in STRINGS[f"editing.error.{refused.value.problem}"][lang]:
            assert editing.field_label(field, lang) in message
    assert everything(wcon) == state


# --- example cases ---


def test_cases_are_added_edited_and_removed_with_their_log(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    case = editing.add_case(
        wcon,
        {
            "technology": "aula",
            "area": "dagtilbud-og-skole",
            "municipality": "Aarhus",
            "year": 2024,
            "title_da": "Forældre får beskeder på deres sprog",
            "text_da": "Aarhus oversætter beskeder automatisk.",
        },
        editor=EDITOR,
        reason="Nyt eksempel",
    )
    assert case.id == formats.slugify("Aarhus Forældre får beskeder på deres sprog")
    assert case in store.load_cases(wcon, "aula")
    edited = editing.edit_case(
        wcon,
        case.id,
        {"source_url": "https://www.aarhus.dk", "year": 2025},
        expected=case,
        editor=OTHER,
        reason="Kilde",
    )
    assert (edited.source_url, edited.year) == ("https://www.aarhus.dk", 2025)
    changes = {r["field"]: r for r in log_rows(wcon, record_key=case.id, action="change")}
    assert set(changes) == {"source_url", "year"}
    assert (changes["year"]["old_value"], changes["year"]["new_value"]) == ("2024", "2025")
    assert changes["source_url"]["technology"] == "aula"

    with pytest.raises(EditConflict):
        editing.remove_case(wcon, case.id, expected=case, editor=EDITOR, reason="Forældet")
    editing.remove_case(wcon, case.id, expected=edited, editor=EDITOR, reason="Forældet")
    assert case.id not in {c.id for c in store.load_cases(wcon, "aula")}
    actions = sorted(r["action"] for r in log_rows(wcon, record_key=case.id))
    assert actions == ["add", "change", "change", "remove"]


def test_editing_a_case_someone_removed_says_it_is_gone(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    case = store.load_cases(wcon, "aula")[0]
    editing.remove_case(wcon, case.id, expected=case, editor=EDITOR, reason="Væk")
    with pytest.raises(EditConflict) as conflict:
        editing.edit_case(
            wcon, case.id, {"year": case.year + 1}, expected=case, editor=OTHER, reason="Rettet"
        )
    assert conflict.value.theirs is None
    assert conflict.value.yours is not None and conflict.value.yours["year"] == case.year + 1
    assert editing.load_case(wcon, case.id) is None


# --- editions ---


def _assessment_rows(con: duckdb.DuckDBPyConnection, edition: int) -> set[tuple]:
    return set(
        con.execute(
            "SELECT area, technology, maturity_trl, share_operation, share_pilot, "
            "share_considering, share_not_considering, ring_override, override_reason "
            "FROM assessments WHERE edition = ?",
            [edition],
        ).fetchall()
    )


def test_a_draft_copies_the_latest_edition_without_retired_technologies(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    source = latest(wcon)
    seen = editing.load_technology(wcon, "aula")
    assert seen is not None
    editing.retire_technology(wcon, "aula", expected=seen, editor=EDITOR, reason="Udfaset")

    draft = editing.start_draft(wcon, source + 1, editor=EDITOR, reason="Næste år")

    expected = {row for row in _assessment_rows(wcon, source) if row[1] != "aula"}
    assert len(expected) < len(_assessment_rows(wcon, source))
    assert _assessment_rows(wcon, draft.year) == expected
    assert draft.is_draft
    assert str(draft.year) in draft.title_da and str(source) not in draft.title_da
    [row] = log_rows(wcon, entity="edition")
    assert (row["action"], row["edition"], row["reason"]) == ("add", draft.year, "Næste år")
    assert json.loads(row["new_value"])["assessments"] == len(expected)


def test_viewers_never_see_a_draft_until_it_is_published(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    source = latest(wcon)
    draft = editing.start_draft(wcon, source + 1, editor=EDITOR, reason="Næste år")
    seen = editing.load_assessment(wcon, draft.year, *assessed_pair(wcon, draft.year))
    assert seen is not None
    editing.edit_assessment(
        wcon,
        {**asdict(seen), "ring_override": "afvent", "override_reason": "Kladde"},
        expected=seen,
        editor=EDITOR,
        reason="Kun i kladden",
    )

    # What viewers' pages read.
    assert draft.year not in store.load_catalog(wcon).years
    assert draft.year not in set(store.load_all_assessments(wcon)["edition"])
    assert store.latest_assessed_edition(wcon) == source
    assert store.load_assessments(wcon, draft.year).empty
    assert draft.year not in set(audit.load_log(wcon)["edition"].dropna())
    # What editors' pages read.
    assert draft.year in editing.editor_catalog(wcon).years
    assert not editing.draft_assessments(wcon, draft.year).empty
    assert draft.year in set(audit.load_log(wcon, include_drafts=True)["edition"].dropna())

    published = editing.publish(wcon, draft.year, editor=OTHER, reason="Godkendt af styregruppen")

    assert not published.is_draft
    assert draft.year in store.load_catalog(wcon).years
    assert store.latest_assessed_edition(wcon) == draft.year
    [row] = log_rows(wcon, action="publish")
    assert (row["editor"], row["edition"], row["old_value"], row["new_value"]) == (
        OTHER,
        draft.year,
        "draft",
        "published",
    )
    assert draft.year in set(audit.load_log(wcon)["edition"].dropna())


def assessed_pair(con: duckdb.DuckDBPyConnection, edition: int) -> tuple[str, str]:
    area, tech = con.execute(
        "SELECT area, technology FROM assessments WHERE edition = ? ORDER BY ALL LIMIT 1",
        [edition],
    ).fetchone()  # type: ignore[misc]
    return area, tech


def test_discarding_a_draft_removes_it_and_its_assessments(
    wcon: duckdb.DuckDBPyConnection,
) -> None:
    source = latest(wcon)
    published_before = _assessment_rows(wcon, source)
    draft = editing.start_draft(wcon, source + 1, editor=EDITOR, reason="Næste år")

    editing.discard_draft(wcon, draft.year, editor=OTHER, reason="Startet for tidligt")

    assert editing.load_edition(wcon, draft.year) is None
    assert _assessment_rows(wcon, draft.year) == set()
    assert _assessment_rows(wcon, source) == published_before
    removal = next(r for r in log_rows(wcon, entity="edition") if r["action"] == "remove")
    assert (removal["editor"], removal["reason"]) == (OTHER, "Startet for tidligt")
    assert json.loads(removal["old_value"])["assessments"] > 0
    # The year can be started again.
    again = editing.start_draft(wcon, source + 1, editor=EDITOR, reason="Nu")
    assert again.is_draft
    # Published, its own history is public; the discarded draft's stays with the editors.
    editing.publish(wcon, again.year, editor=EDITOR, reason="Klar")
    public = audit.load_log(wcon)
    reasons = set(public.loc[public["edition"] == again.year, "reason"])
    assert {"Nu", "Klar"} <= reasons
    assert not reasons & {"Næste år", "Startet for tidligt"}
    assert "Startet for tidligt" in set(audit.load_log(wcon, include_drafts=True)["reason"])


def test_a_draft_cannot_be_published_twice(wcon: duckdb.DuckDBPyConnection) -> None:
    draft = editing.start_draft(wcon, latest(wcon) + 1, editor=EDITOR, reason="Næste år")
    editing.publish(wcon, draft.year, editor=EDITOR, reason="Klar", expected=draft)
    with pytest.raises(EditConflict) as conflict:
        editing.publish(wcon, draft.year, editor=OTHER, reason="Også klar", expected=draft)
    assert conflict.value.theirs is not None and conflict.value.theirs["status"] == "published"
    assert len(log_rows(wcon, action="publish")) == 1
