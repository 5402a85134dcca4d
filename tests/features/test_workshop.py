"""Live workshops: codes, joining, answers, closing, results, exports, local editions."""

from __future__ import annotations

import io
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
from file_lock import held_by_another_process

from radar import store, workshop
from radar.model import Catalog
from radar.workshop import (
    Agreement,
    AnswerRejectedError,
    WorkshopClosedError,
    WorkshopInputError,
    WorkshopNotFoundError,
    WorkshopTechnology,
)

AREA = "teknik-og-miljoe"
EDITION = 2025
RINGS = ("klar", "afproev", "hold-oeje", "afvent")
#: The workshop database's schema as the previous version (2) made its files.
V2_SCHEMA = Path(__file__).parent / "data" / "workshops_v2_schema.sql"

#: A small hand-made list: one official ring inside, one outside, one not on the radar.
HAND_MADE = (
    WorkshopTechnology("alfa", "AUT", "Alfa på dansk: æøå", "Alpha", "klar"),
    WorkshopTechnology("beta", "DATA", "Beta", "Beta", "afvent"),
    WorkshopTechnology("gamma", "VT", "Gamma", "Gamma", None),
)


@pytest.fixture
def wcon(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh workshop database, one read-write connection as the dashboard holds it."""
    connection = workshop.connect_workshops(tmp_path / "workshops.duckdb")
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def area_list(con: duckdb.DuckDBPyConnection) -> tuple[WorkshopTechnology, ...]:
    return workshop.area_technologies(con, AREA, EDITION)


def _create(
    wcon: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    technologies: tuple[WorkshopTechnology, ...] = HAND_MADE,
    **changes: object,
) -> workshop.Workshop:
    details: dict[str, object] = {
        "title": "Temadag i Teknik og miljø",
        "catalog": catalog,
        "area": AREA,
        "edition": EDITION,
        "technologies": technologies,
    }
    details.update(changes)
    return workshop.create_workshop(wcon, **details)  # type: ignore[arg-type]


def _counts(wcon: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return workshop.table_counts(wcon)


def _stored_answers(wcon: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return wcon.cursor().execute("SELECT * FROM answers ORDER BY participant_id").df()


# --- codes and lookup ------------------------------------------------------


def test_codes_are_long_random_unambiguous_and_unique(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    codes = [_create(wcon, catalog, HAND_MADE[:1]).code for _ in range(150)]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert len(code) >= 8
        assert set(code) <= set(workshop.CODE_ALPHABET)
    assert not set("0O1IL") & set(workshop.CODE_ALPHABET)
    # Random, not sequential: the codes use most of the alphabet in most places.
    assert len({c[0] for c in codes}) > 15


def test_a_code_collision_is_retried_with_a_new_code(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    upcoming = iter(["AAAAABBBBB", "AAAAABBBBB", "CCCCCDDDDD"])
    monkeypatch.setattr(workshop.codes, "new_code", lambda: next(upcoming))
    first = _create(wcon, catalog)
    second = _create(wcon, catalog)
    assert (first.code, second.code) == ("AAAAABBBBB", "CCCCCDDDDD")
    assert _counts(wcon)["workshops"] == 2


def test_lookup_ignores_case_spaces_and_dashes(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = _create(wcon, catalog)
    code = created.code
    typed = [code.lower(), created.display_code, f" {code[:3]} {code[3:6]}-{code[6:]} ", code]
    for variant in typed:
        assert workshop.find_workshop(wcon, variant).id == created.id
    assert created.display_code == f"{code[:5]}-{code[5:]}"


def test_a_wrong_code_is_rejected_and_stores_nothing(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = _create(wcon, catalog)
    before = _counts(wcon)
    wrong = "".join(reversed(created.code))
    for code in (wrong, created.code[:-1], "drop table workshops;", "0O1IL0O1IL"):
        with pytest.raises(WorkshopNotFoundError) as caught:
            workshop.join(wcon, code)
        assert caught.value.key == "workshop.error.not_found"
    with pytest.raises(WorkshopNotFoundError) as caught:
        workshop.join(wcon, "  ")
    assert caught.value.key == "workshop.error.no_code"
    assert caught.value.message("da") == "Skriv koden, du har fået af facilitatoren."
    with pytest.raises(WorkshopNotFoundError):
        workshop.submit_answer(wcon, wrong, "token", "alfa", "klar")
    assert _counts(wcon) == before


# --- closing ---------------------------------------------------------------


def test_a_closed_workshop_takes_no_one_and_no_answers(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = _create(wcon, catalog)
    ida = workshop.join(wcon, created.code)
    workshop.submit_answer(wcon, created.code, ida.token, "alfa", "klar")
    closed = workshop.close_workshop(wcon, created.id)
    assert closed.closed_at is not None and not closed.is_open()
    before = _counts(wcon)
    answers_before = _stored_answers(wcon)
    with pytest.raises(WorkshopClosedError) as caught:
        workshop.join(wcon, created.code)
    assert "lukket" in caught.value.message("da")
    with pytest.raises(WorkshopClosedError):
        workshop.submit_answer(wcon, created.code, ida.token, "alfa", "afvent")
    with pytest.raises(WorkshopClosedError):
        workshop.find_workshop(wcon, created.code)
    assert _counts(wcon) == before
    pd.testing.assert_frame_equal(_stored_answers(wcon), answers_before)
    # The facilitator still reaches it; closing again keeps the first closing time.
    assert workshop.find_workshop(wcon, created.code, must_be_open=False).id == created.id
    assert workshop.close_workshop(wcon, created.id).closed_at == closed.closed_at


def test_a_workshop_past_its_closing_time_is_closed(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = datetime.now(UTC)
    created = _create(wcon, catalog, closes_at=start + timedelta(hours=1))
    ida = workshop.join(wcon, created.code)
    assert created.is_open(start + timedelta(minutes=59))
    assert not created.is_open(start + timedelta(hours=1))
    monkeypatch.setattr(workshop.clock, "now", lambda: start + timedelta(hours=2))
    before = _counts(wcon)
    with pytest.raises(WorkshopClosedError):
        workshop.join(wcon, created.code)
    with pytest.raises(WorkshopClosedError):
        workshop.submit_answer(wcon, created.code, ida.token, "alfa", "klar")
    assert _counts(wcon) == before
    assert workshop.get_workshop(wcon, created.id).closed_at is None


def test_a_closing_time_is_read_as_local_time_when_naive(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    local = (datetime.now() + timedelta(days=1)).replace(microsecond=0)
    created = _create(wcon, catalog, closes_at=local)
    assert created.closes_at == local.astimezone(UTC)
    assert created.closes_at is not None and created.closes_at.tzinfo is UTC


# --- results on the projector --------------------------------------------------


def test_the_facilitator_hides_the_results_from_the_projector_and_reveals_them(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = _create(wcon, catalog)
    # Shown until the facilitator hides them: what a workshop always did.
    assert created.results_visible
    hidden = workshop.set_results_visible(wcon, created.id, False)
    assert not hidden.results_visible
    # Stored with the workshop, so the projector's own link sees it, as the results do.
    assert not workshop.find_projector(wcon, created.projector_key).results_visible
    assert not workshop.results(wcon, created.id).workshop.results_visible
    # Hiding again changes nothing; nothing else about the workshop changes.
    assert workshop.set_results_visible(wcon, created.id, False) == hidden
    assert hidden == replace(created, results_visible=False)
    # A closed workshop's results are revealed too: once answering has stopped.
    workshop.close_workshop(wcon, created.id)
    shown = workshop.set_results_visible(wcon, created.id, True)
    assert shown.results_visible and not shown.is_open()
    assert workshop.find_projector(wcon, created.projector_key).results_visible


def test_showing_the_results_of_a_workshop_that_does_not_exist_is_refused(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = _create(wcon, catalog)
    for unknown in ("0" * 32, created.projector_key, created.code, ""):
        with pytest.raises(WorkshopNotFoundError):
            workshop.set_results_visible(wcon, unknown, False)
    assert workshop.get_workshop(wcon, created.id).results_visible


# --- creating ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"title": "   "}, "workshop.error.title_empty"),
        ({"title": "x" * (workshop.TITLE_LIMIT + 1)}, "workshop.error.title_too_long"),
        ({"area": "skole"}, "workshop.error.area_unknown"),
        ({"edition": 1999}, "workshop.error.edition_unknown"),
        ({"technologies": ()}, "workshop.error.no_technologies"),
        ({"technologies": (HAND_MADE[0], HAND_MADE[0])}, "workshop.error.technology_duplicate"),
        (
            {"technologies": (WorkshopTechnology("x", "NOPE", "X", "X", None),)},
            "workshop.error.sector_unknown",
        ),
        (
            {"technologies": (WorkshopTechnology("x", "AUT", "X", "X", "inderst"),)},
            "workshop.error.official_ring_unknown",
        ),
        (
            {"closes_at": datetime.now(UTC) - timedelta(minutes=1)},
            "workshop.error.closes_in_past",
        ),
        ({"technologies": ("alfa",)}, "workshop.error.technology_invalid"),
    ],
)
def test_invalid_workshop_details_are_refused_and_store_nothing(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, changes: dict[str, object], key: str
) -> None:
    details: dict[str, object] = {
        "title": "Temadag",
        "catalog": catalog,
        "area": AREA,
        "edition": EDITION,
        "technologies": HAND_MADE,
        **changes,
    }
    with pytest.raises(WorkshopInputError) as caught:
        workshop.validate_workshop(**details)  # type: ignore[arg-type]
    assert caught.value.key == key
    with pytest.raises(WorkshopInputError) as caught:
        workshop.create_workshop(wcon, **details)  # type: ignore[arg-type]
    assert caught.value.key == key
    assert caught.value.message("da") != caught.value.message("en")
    assert set(_counts(wcon).values()) == {0}


def test_an_unknown_area_names_the_known_ones(catalog: Catalog) -> None:
    with pytest.raises(WorkshopInputError) as caught:
        workshop.validate_workshop(
            title="T", catalog=catalog, area="skole", edition=EDITION, technologies=HAND_MADE
        )
    assert caught.value.message("da").startswith("Fagområdet «skole» findes ikke; fagområderne er")
    assert "teknik-og-miljoe" in str(caught.value)


def test_the_workshop_keeps_a_snapshot_of_the_radar(
    wcon: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    area_list: tuple[WorkshopTechnology, ...],
    entries: pd.DataFrame,
) -> None:
    created = _create(wcon, catalog, area_list, title="  Temadag\n2026  ")
    assert created.title == "Temadag 2026"
    assert created.area_label("da") == "Teknik og miljø"
    assert created.ring_ids == RINGS
    assert created.rings[0].label("da") == "KLAR"
    official = entries[(entries["area"] == AREA) & (entries["edition"] == EDITION)]
    assert set(created.technology_ids) == set(official["id"])
    assert {x.id: x.official_ring for x in created.technologies} == dict(
        zip(official["id"], official["ring"], strict=True)
    )
    assert created.technologies == area_list
    assert workshop.list_workshops(wcon) == (created,)


def test_official_rings_and_the_area_list_come_from_the_radar(
    con: duckdb.DuckDBPyConnection, entries: pd.DataFrame, catalog: Catalog
) -> None:
    rings = workshop.official_rings(con, AREA, EDITION)
    rows = entries[(entries["area"] == AREA) & (entries["edition"] == EDITION)]
    assert rings == dict(zip(rows["id"], rows["ring"], strict=True))
    listed = workshop.area_technologies(con, AREA, EDITION)
    # Ordered as the radar's numbered list: category, then ring inside out.
    sectors = [catalog.sector_ids.index(x.sector) for x in listed]
    assert sectors == sorted(sectors)
    off_radar = next(i for i in store.load_technologies(con) if i not in rings)
    chosen = workshop.area_technologies(con, AREA, EDITION, [off_radar, listed[0].id, off_radar])
    assert [x.id for x in chosen] == [off_radar, listed[0].id]
    assert chosen[0].official_ring is None and chosen[1].official_ring == listed[0].official_ring
    with pytest.raises(WorkshopInputError) as caught:
        workshop.area_technologies(con, AREA, EDITION, ["ingen-saadan", listed[0].id])
    assert caught.value.key == "workshop.error.technologies_unknown"
    assert "ingen-saadan" in caught.value.message("da")
    combined = workshop.area_technologies(con, "samlet", EDITION)
    assert len(combined) > len(listed)


# --- joining -----------------------------------------------------------------


def test_joining_is_anonymous_and_stores_no_name_address_or_browser(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    """Attack 8: names were stored though nothing used them. Now none is asked or kept."""
    created = _create(wcon, catalog)
    first = workshop.join(wcon, created.code)
    second = workshop.join(wcon, created.code)
    assert first.token != second.token and all(len(p.token) >= 20 for p in (first, second))
    assert workshop.find_participant(wcon, created.code, first.token) == first
    assert not hasattr(first, "name")
    columns = {
        row[0]
        for row in wcon.cursor()
        .execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name IN "
            "('participants', 'answers', 'workshops', 'local_editions')"
        )
        .fetchall()
    }
    assert not columns & {"name", "ip", "ip_address", "user_agent", "address", "browser"}


# --- answers -----------------------------------------------------------------


def test_one_answer_per_participant_and_technology_and_answering_again_replaces_it(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = _create(wcon, catalog)
    ida = workshop.join(wcon, created.code)
    first = workshop.submit_answer(
        wcon,
        created.code,
        ida.token,
        "alfa",
        "afproev",
        "impact",
        {"core": "Sparer kørsel", "skills": "Kræver oplæring"},
    )
    assert first.texts() == {"core": "Sparer kørsel", "skills": "Kræver oplæring"}
    again = workshop.submit_answer(
        wcon, created.code, ida.token, "alfa", "klar", "operation", {"work": "Nye rutiner"}
    )
    stored = _stored_answers(wcon)
    assert len(stored) == 1
    row = stored.iloc[0]
    assert (row["ring"], row["phase"], row["answer_work"]) == ("klar", "operation", "Nye rutiner")
    # The whole answer is replaced: texts not given again are gone.
    assert pd.isna(row["answer_core"]) and pd.isna(row["answer_skills"])
    assert workshop.participant_answers(wcon, created.code, ida.token) == {"alfa": again}
    workshop.submit_answer(wcon, created.code, ida.token, "beta", "afvent")
    assert list(workshop.participant_answers(wcon, created.code, ida.token)) == ["alfa", "beta"]
    assert _counts(wcon)["answers"] == 2


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"ring": "inderst"}, "workshop.error.ring_unknown"),
        ({"ring": "KLAR"}, "workshop.error.ring_unknown"),
        ({"technology": "delta"}, "workshop.error.technology_unknown"),
        ({"phase": "evaluering"}, "workshop.error.phase_unknown"),
        (
            {"answers": {"core": "x" * (workshop.COMMENT_LIMIT + 1)}},
            "workshop.error.comment_too_long",
        ),
        ({"answers": {"økonomi": "dyrt"}}, "workshop.error.question_unknown"),
        ({"answers": {"work": 42}}, "workshop.error.answer_not_text"),
        ({"participant_token": "foreign"}, "workshop.error.participant_unknown"),
        ({"participant_token": "made-up"}, "workshop.error.participant_unknown"),
        ({"participant_token": ""}, "workshop.error.participant_unknown"),
    ],
)
def test_a_rejected_answer_stores_nothing(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, change: dict[str, object], key: str
) -> None:
    created = _create(wcon, catalog)
    other = _create(wcon, catalog, title="En anden workshop")
    ida = workshop.join(wcon, created.code)
    outsider = workshop.join(wcon, other.code)
    workshop.submit_answer(
        wcon, created.code, ida.token, "alfa", "afproev", "ideas", {"core": "Ok"}
    )
    before = _counts(wcon)
    answers_before = _stored_answers(wcon)
    call: dict[str, object] = {
        "code": created.code,
        "participant_token": ida.token,
        "technology": "alfa",
        "ring": "klar",
        "phase": "impact",
        "answers": {"work": "Ny tekst"},
    }
    call.update(change)
    if call["participant_token"] == "foreign":
        call["participant_token"] = outsider.token
    with pytest.raises(AnswerRejectedError) as caught:
        workshop.submit_answer(wcon, **call)  # type: ignore[arg-type]
    assert caught.value.key == key
    assert caught.value.message("da") and caught.value.message("en")
    assert _counts(wcon) == before
    pd.testing.assert_frame_equal(_stored_answers(wcon), answers_before)


def test_an_overlong_comment_is_named_in_the_message(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = _create(wcon, catalog)
    ida = workshop.join(wcon, created.code)
    with pytest.raises(AnswerRejectedError) as caught:
        workshop.submit_answer(
            wcon, created.code, ida.token, "alfa", "klar", answers={"skills": "æ" * 501}
        )
    assert caught.value.message("da") == (
        "Svaret på «Kompetenceudvikling» er 501 tegn langt; der er plads til højst 500 tegn."
    )
    assert str(caught.value) == (
        "The answer to “Skills” is 501 characters long; at most 500 characters fit."
    )


def test_texts_are_cleaned_and_the_limit_itself_is_allowed(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = _create(wcon, catalog)
    ida = workshop.join(wcon, created.code)
    at_limit = "ø" * workshop.COMMENT_LIMIT
    answer = workshop.submit_answer(
        wcon,
        created.code,
        ida.token,
        "alfa",
        "klar",
        answers={
            "core": at_limit,
            "work": "  Første linje\r\nAnden\x00 linje\u202e\x1b[31m  ",
            "skills": " \n ",
            "involvement": None,
        },
    )
    assert answer.core == at_limit
    assert answer.work == "Første linje\nAnden linje[31m"
    assert answer.skills is None and answer.involvement is None
    # A decomposed "å" (a + combining ring) counts as one character, as a reader sees it.
    decomposed = "a\u030a" * workshop.COMMENT_LIMIT
    stored = workshop.submit_answer(
        wcon, created.code, ida.token, "beta", "klar", answers={"core": decomposed}
    )
    assert stored.core == "å" * workshop.COMMENT_LIMIT


# --- results -----------------------------------------------------------------


@pytest.fixture
def answered(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> tuple[workshop.Workshop, dict[str, workshop.Participant]]:
    """The hand-made workshop answered by five of six participants.

    alfa (official klar): klar ×3, afproev, hold-oeje -> klar, 3/5 = 0.6, agrees.
    beta (official afvent): afproev, hold-oeje -> tie; hold-oeje is nearer afvent; split.
    gamma (not on the radar): afproev once -> too few answers.
    """
    created = _create(wcon, catalog)
    people = {n: workshop.join(wcon, created.code) for n in ("P1", "P2", "P3", "P4", "P5")}
    workshop.join(wcon, created.code)  # joined, never answered

    def answer(who: str, tech: str, ring: str, phase: str | None = None, **texts: str) -> None:
        workshop.submit_answer(wcon, created.code, people[who].token, tech, ring, phase, texts)

    answer("P1", "alfa", "afvent", "ideas")  # replaced below
    answer("P1", "alfa", "klar", "ideas", core="Sparer kørsel; på tværs")
    answer("P2", "alfa", "klar", "impact", work="Ændrer\nrutinerne")
    answer("P3", "alfa", "klar", "ideas")
    answer("P4", "alfa", "afproev")
    answer("P5", "alfa", "hold-oeje", "operation", core="Allerede i drift hos os")
    answer("P1", "beta", "afproev", involvement="Tag MED-udvalget med")
    answer("P2", "beta", "hold-oeje")
    answer("P3", "gamma", "afproev", "procurement")
    return created, people


def test_results_count_rings_phases_and_agreement(
    wcon: duckdb.DuckDBPyConnection,
    answered: tuple[workshop.Workshop, dict[str, workshop.Participant]],
) -> None:
    created, _ = answered
    summary = workshop.results(wcon, created.id)
    assert (summary.participants, summary.respondents) == (6, 5)
    alfa, beta, gamma = summary.technologies
    assert alfa.ring_counts == {"klar": 3, "afproev": 1, "hold-oeje": 1, "afvent": 0}
    assert list(alfa.ring_counts) == list(RINGS)
    assert (alfa.answers, alfa.modal_ring, alfa.official_ring) == (5, "klar", "klar")
    assert alfa.agreement == pytest.approx(0.6)
    assert alfa.verdict is Agreement.AGREES
    assert alfa.phase_counts == {"ideas": 2, "impact": 1, "procurement": 0, "operation": 1}
    assert alfa.phase_missing == 1
    assert beta.ring_counts == {"klar": 0, "afproev": 1, "hold-oeje": 1, "afvent": 0}
    assert (beta.modal_ring, beta.agreement, beta.verdict) == ("hold-oeje", 0.5, Agreement.SPLIT)
    assert (gamma.answers, gamma.modal_ring, gamma.official_ring) == (1, "afproev", None)
    assert gamma.verdict is Agreement.TOO_FEW
    assert summary.technology("gamma") is gamma
    assert [(c.technology, c.question, c.text) for c in summary.comments] == [
        ("alfa", "core", "Sparer kørsel; på tværs"),
        ("alfa", "core", "Allerede i drift hos os"),
        ("alfa", "work", "Ændrer\nrutinerne"),
        ("beta", "involvement", "Tag MED-udvalget med"),
    ]
    long = workshop.distribution_frame(summary)
    assert len(long) == 3 * len(RINGS)
    klar = long[(long["technology"] == "alfa") & (long["ring"] == "klar")].iloc[0]
    assert (klar["count"], klar["share"], klar["official"], klar["group"]) == (3, 0.6, True, True)


def test_results_never_carry_names(
    wcon: duckdb.DuckDBPyConnection,
    answered: tuple[workshop.Workshop, dict[str, workshop.Participant]],
) -> None:
    created, people = answered
    summary = workshop.results(wcon, created.id)
    exported = [
        repr(summary),
        workshop.export_csv(summary).decode("utf-8-sig"),
        workshop.export_csv(summary, part="comments").decode("utf-8-sig"),
    ]
    book = openpyxl.load_workbook(io.BytesIO(workshop.export_xlsx(summary)))
    exported += [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row]
    for person in people.values():
        for text in exported:
            assert person.token not in text and person.id not in text


def test_an_empty_workshop_has_no_group_ring(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = _create(wcon, catalog)
    summary = workshop.results(wcon, created.id)
    assert (summary.participants, summary.respondents, summary.comments) == (0, 0, ())
    for item in summary.technologies:
        assert (item.answers, item.modal_ring, item.agreement) == (0, None, None)
        assert item.verdict is Agreement.TOO_FEW
    assert workshop.export_frame(summary)["Enighed (%)"].isna().all()
    with pytest.raises(WorkshopNotFoundError):
        workshop.results(wcon, "no-such-id")


@pytest.mark.parametrize(
    ("counts", "official", "expected"),
    [
        ({"afproev": 2, "klar": 1}, "klar", "afproev"),  # a clear majority wins
        ({"klar": 2, "afproev": 2}, "afproev", "afproev"),  # the official ring among the tied
        ({"klar": 1, "afvent": 1}, "afproev", "klar"),  # the tied ring nearest the official
        ({"klar": 1, "hold-oeje": 1}, "afproev", "hold-oeje"),  # equally near: the outer
        ({"klar": 1, "afproev": 1}, None, "afproev"),  # no official ring: the outer
        ({"klar": 1, "afproev": 1, "hold-oeje": 1, "afvent": 1}, "afproev", "afproev"),
        ({}, "klar", None),
    ],
)
def test_group_ring_breaks_ties_towards_the_official_ring_then_outwards(
    counts: dict[str, int], official: str | None, expected: str | None
) -> None:
    assert workshop.group_ring(counts, RINGS, official) == expected


# --- exports -----------------------------------------------------------------


def test_csv_export_round_trips_with_danish_letters(
    wcon: duckdb.DuckDBPyConnection,
    answered: tuple[workshop.Workshop, dict[str, workshop.Participant]],
) -> None:
    created, _ = answered
    summary = workshop.results(wcon, created.id)
    data = workshop.export_csv(summary)
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig")
    pd.testing.assert_frame_equal(
        frame, workshop.export_frame(summary), check_dtype=False, check_like=False
    )
    assert list(frame["Teknologi"]) == ["Alfa på dansk: æøå", "Beta", "Gamma"]
    assert list(frame["Officiel ring"]) == ["KLAR", "AFVENT", "Ikke på radaren"]
    assert list(frame["Gruppens ring"]) == ["KLAR", "HOLD ØJE", "AFPRØV"]
    assert list(frame["Enighed (%)"]) == [60, 50, 100]
    assert list(frame["Vurdering"]) == ["Enige", "Delte meninger", "For få svar"]
    assert list(frame["Svar KLAR"]) == [3, 0, 0]
    assert list(frame["Fase: Idéudvikling"]) == [2, 0, 0]
    comments = pd.read_csv(
        io.BytesIO(workshop.export_csv(summary, part="comments")), sep=";", encoding="utf-8-sig"
    )
    assert list(comments["Kommentar"])[:3] == [
        "Sparer kørsel; på tværs",
        "Allerede i drift hos os",
        "Ændrer\nrutinerne",
    ]
    assert list(comments["Spørgsmål"]) == [
        "Kerneopgave",
        "Kerneopgave",
        "Opgaveløsning",
        "Inddragelse",
    ]
    english = pd.read_csv(
        io.BytesIO(workshop.export_csv(summary, "en", sep=",")), encoding="utf-8-sig"
    )
    assert list(english["Verdict"]) == ["Agree", "Split", "Too few answers"]
    assert list(english["Official ring"]) == ["Ready", "Wait", "Not on the radar"]


def test_xlsx_export_has_the_summary_comments_and_workshop_sheets(
    wcon: duckdb.DuckDBPyConnection,
    answered: tuple[workshop.Workshop, dict[str, workshop.Participant]],
) -> None:
    created, _ = answered
    summary = workshop.results(wcon, created.id)
    book = openpyxl.load_workbook(io.BytesIO(workshop.export_xlsx(summary)))
    assert book.sheetnames == ["Oversigt", "Kommentarer", "Workshop"]
    rows = list(book["Oversigt"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Id", "Teknologi", "Kategori")
    assert [r[1] for r in rows[1:]] == ["Alfa på dansk: æøå", "Beta", "Gamma"]
    assert len(list(book["Kommentarer"].iter_rows())) == 1 + len(summary.comments)
    about = dict(book["Workshop"].iter_rows(values_only=True))
    assert about["Titel"] == "Temadag i Teknik og miljø"
    assert about["Deltagere"] == "6"
    english = openpyxl.load_workbook(io.BytesIO(workshop.export_xlsx(summary, "en")))
    assert english.sheetnames == ["Summary", "Comments", "Workshop"]


#: What a participant may type that Excel would run: a link, sums and a command.
FORMULAS = {
    "core": '=HYPERLINK("http://x","y")',
    "work": "+1",
    "skills": "-x",
    "involvement": "@SUM(A1)",
}


@pytest.fixture
def hostile(wcon: duckdb.DuckDBPyConnection, catalog: Catalog) -> workshop.WorkshopResults:
    """A workshop whose title, technology names and every comment are formulas."""
    technologies = (
        WorkshopTechnology("link", "AUT", FORMULAS["core"], FORMULAS["core"], "klar"),
        WorkshopTechnology("sum", "DATA", FORMULAS["involvement"], FORMULAS["work"], None),
    )
    created = _create(wcon, catalog, technologies, title="=cmd|' /C calc'!A0")
    person = workshop.join(wcon, created.code)
    workshop.submit_answer(wcon, created.code, person.token, "link", "klar", answers=FORMULAS)
    return workshop.results(wcon, created.id)


def test_csv_exports_write_every_formula_after_an_apostrophe(
    hostile: workshop.WorkshopResults,
) -> None:
    comments = pd.read_csv(
        io.BytesIO(workshop.export_csv(hostile, part="comments")), sep=";", encoding="utf-8-sig"
    )
    assert list(comments["Kommentar"]) == ["'" + text for text in FORMULAS.values()]
    assert set(comments["Teknologi"]) == {"'" + FORMULAS["core"]}
    summary = pd.read_csv(io.BytesIO(workshop.export_csv(hostile)), sep=";", encoding="utf-8-sig")
    assert list(summary["Teknologi"]) == ["'" + FORMULAS["core"], "'" + FORMULAS["involvement"]]
    # Numbers stay numbers.
    assert list(summary["Svar KLAR"]) == [1, 0]
    english = pd.read_csv(io.BytesIO(workshop.export_csv(hostile, "en", sep=",")))
    assert list(english["Technology"]) == ["'" + FORMULAS["core"], "'" + FORMULAS["work"]]


def test_the_workbook_holds_no_formula_and_every_text_as_typed(
    hostile: workshop.WorkshopResults,
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workshop.export_xlsx(hostile)))
    formulas = [
        f"{sheet.title}!{c.coordinate}"
        for sheet in book
        for row in sheet.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert formulas == []
    comments = list(book["Kommentarer"].iter_rows(min_row=2, values_only=True))
    assert [r[3] for r in comments] == list(FORMULAS.values())
    summary = list(book["Oversigt"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in summary] == [FORMULAS["core"], FORMULAS["involvement"]]
    assert [r[5] for r in summary] == [1, 0]
    about = dict(book["Workshop"].iter_rows(values_only=True))
    assert about["Titel"] == "=cmd|' /C calc'!A0"


# --- local editions ----------------------------------------------------------


def test_save_consensus_places_the_group_ring_with_its_agreement(
    wcon: duckdb.DuckDBPyConnection,
    answered: tuple[workshop.Workshop, dict[str, workshop.Participant]],
) -> None:
    created, _ = answered
    saved = workshop.save_consensus(wcon, created.id, " Vores radar 2026, Teknik og miljø ")
    assert (saved.title, saved.area, saved.edition) == (
        "Vores radar 2026, Teknik og miljø",
        AREA,
        EDITION,
    )
    assert saved.workshop_id == created.id
    frame = workshop.local_placements(wcon, saved.id)
    assert list(frame.columns[:4]) == ["id", "sector", "ring", "agreement"]
    assert list(frame["id"]) == ["alfa", "beta", "gamma"]
    assert list(frame["sector"]) == ["AUT", "DATA", "VT"]
    assert list(frame["ring"]) == ["klar", "hold-oeje", "afproev"]
    assert list(frame["agreement"]) == pytest.approx([0.6, 0.5, 1.0])
    assert list(frame["answers"]) == [5, 2, 1]
    assert workshop.list_local_editions(wcon, AREA) == (saved,)
    assert workshop.list_local_editions(wcon, "administration") == ()
    before = _counts(wcon)
    with pytest.raises(WorkshopInputError) as caught:
        workshop.save_consensus(wcon, created.id, "vores radar 2026, teknik og miljø")
    assert caught.value.key == "workshop.error.local_title_taken"
    with pytest.raises(WorkshopInputError) as caught:
        workshop.save_consensus(wcon, created.id, "")
    assert caught.value.key == "workshop.error.local_title_empty"
    assert _counts(wcon) == before
    with pytest.raises(workshop.LocalEditionNotFoundError):
        workshop.local_placements(wcon, "no-such-id")


def test_a_workshop_without_answers_has_no_consensus_to_save(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = _create(wcon, catalog)
    workshop.join(wcon, created.code)
    with pytest.raises(WorkshopInputError) as caught:
        workshop.save_consensus(wcon, created.id, "Vores radar")
    assert caught.value.key == "workshop.error.nothing_to_save"
    assert _counts(wcon)["local_editions"] == 0


# --- concurrency -------------------------------------------------------------


@pytest.mark.slow
def test_many_participants_answering_at_once_are_each_stored_once(
    wcon: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    area_list: tuple[WorkshopTechnology, ...],
) -> None:
    created = _create(wcon, catalog, area_list[:8])
    threads_count = 48
    techs = created.technology_ids
    start = threading.Barrier(threads_count)
    errors: list[BaseException] = []
    expected: dict[tuple[str, str], tuple[str, str | None]] = {}
    lock = threading.Lock()

    def participate(number: int) -> None:
        try:
            start.wait()
            me = workshop.join(wcon, created.code)
            mine: dict[str, tuple[str, str | None]] = {}
            for step, tech in enumerate(techs[:6]):
                ring = RINGS[(number + step) % 4]
                text = f"{number}-{step} æøå"
                workshop.submit_answer(
                    wcon, created.code, me.token, tech, ring, answers={"core": text}
                )
                mine[tech] = (ring, text)
            # Every third participant changes their mind about two technologies.
            if number % 3 == 0:
                for tech in techs[:2]:
                    workshop.submit_answer(wcon, created.code, me.token, tech, "afvent")
                    mine[tech] = ("afvent", None)
            with lock:
                expected.update({(me.id, t): v for t, v in mine.items()})
        except BaseException as exc:  # reported below, with the thread's own traceback
            errors.append(exc)

    threads = [threading.Thread(target=participate, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    stored = _stored_answers(wcon)
    assert len(stored) == threads_count * 6 == len(expected)
    assert not stored.duplicated(["participant_id", "technology"]).any()
    got = {
        (row.participant_id, row.technology): (
            row.ring,
            None if pd.isna(row.answer_core) else row.answer_core,
        )
        for row in stored.itertuples()
    }
    assert got == expected
    summary = workshop.results(wcon, created.id)
    assert (summary.participants, summary.respondents) == (threads_count, threads_count)
    assert sum(r.answers for r in summary.technologies) == threads_count * 6


def test_the_same_answer_sent_from_several_tabs_at_once_is_stored_once(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = _create(wcon, catalog)
    ida = workshop.join(wcon, created.code)
    tabs = 6
    start = threading.Barrier(tabs)
    errors: list[BaseException] = []
    returned: list[str] = []

    def send(number: int) -> None:
        try:
            start.wait()
            answer = workshop.submit_answer(
                wcon,
                created.code,
                ida.token,
                "alfa",
                RINGS[number % 4],
                answers={"core": str(number)},
            )
            returned.append(answer.core or "")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(tabs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(returned) == tabs
    stored = _stored_answers(wcon)
    assert len(stored) == 1
    assert stored.iloc[0]["answer_core"] in returned
    assert stored.iloc[0]["ring"] == RINGS[int(stored.iloc[0]["answer_core"]) % 4]


def test_a_write_that_keeps_conflicting_gives_up_with_a_clear_message_and_stores_nothing(
    wcon: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workshop.writes, "WRITE_ATTEMPTS", 3)
    tries = []

    def conflicting(cur: duckdb.DuckDBPyConnection) -> None:
        tries.append(1)
        cur.execute("INSERT INTO meta VALUES (?, 'x')", [f"try-{len(tries)}"])
        raise duckdb.TransactionException("TransactionContext Error: Conflict on update!")

    with pytest.raises(workshop.WorkshopError) as caught:
        workshop.writes.write(wcon, conflicting)
    assert caught.value.key == "workshop.error.busy"
    assert "Prøv igen" in caught.value.message("da")
    assert len(tries) == 3
    assert wcon.execute("SELECT count(*) FROM meta").fetchall() == [(1,)]


# --- the store ---------------------------------------------------------------


def test_the_workshop_database_path_comes_from_argument_then_environment_then_radar_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(workshop.WORKSHOP_DB_ENV_VAR, raising=False)
    monkeypatch.setenv(store.DB_ENV_VAR, str(tmp_path / "radar" / "radar.duckdb"))
    assert workshop.resolve_workshop_db_path() == tmp_path / "radar" / "workshops.duckdb"
    monkeypatch.setenv(workshop.WORKSHOP_DB_ENV_VAR, str(tmp_path / "env.duckdb"))
    assert workshop.resolve_workshop_db_path() == tmp_path / "env.duckdb"
    assert workshop.resolve_workshop_db_path(tmp_path / "arg.duckdb") == tmp_path / "arg.duckdb"


def test_connecting_creates_the_schema_once_and_checks_its_version(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "sub" / "workshops.duckdb"
    first = workshop.connect_workshops(path)
    created = _create(first, catalog)
    first.close()
    again = workshop.connect_workshops(path)
    try:
        assert workshop.get_workshop(again, created.id) == created
        version = again.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        assert version == [(workshop.WORKSHOP_SCHEMA_VERSION,)]
        again.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    finally:
        again.close()
    with pytest.raises(workshop.WorkshopStoreError, match="schema version 99"):
        workshop.connect_workshops(path)
    with pytest.raises(workshop.WorkshopStoreError, match="no workshop database"):
        workshop.connect_workshops(tmp_path / "missing.duckdb", read_only=True)
    not_a_database = tmp_path / "notes.duckdb"
    not_a_database.write_text("not a database", encoding="utf-8")
    with pytest.raises(workshop.WorkshopStoreError, match="cannot open the workshop database"):
        workshop.connect_workshops(not_a_database)


def test_a_workshop_database_held_by_another_process_is_reported_as_busy(tmp_path: Path) -> None:
    path = tmp_path / "workshops.duckdb"
    workshop.connect_workshops(path).close()
    with held_by_another_process(path):
        with pytest.raises(workshop.WorkshopStoreBusyError) as caught:
            workshop.connect_workshops(path)
        assert str(path) in str(caught.value)
        assert "dashboard" in str(caught.value)
        assert isinstance(caught.value, store.DatabaseUnavailableError)


def test_a_workshop_file_of_the_previous_schema_opens_with_its_results_shown(
    tmp_path: Path, catalog: Catalog
) -> None:
    """A file the previous version made gets the new column; its workshops show their results."""
    path = tmp_path / "workshops.duckdb"
    old = duckdb.connect(str(path))
    old.execute(V2_SCHEMA.read_text("utf-8"))
    old.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    old.execute(
        "INSERT INTO workshops VALUES (?, 'ABCDEFGHJK', 'Temadag', ?, 'Teknik', 'Technical', "
        "2025, ?, NULL, NULL, ?, 'Fie Facilitator', 'password')",
        ["a" * 32, AREA, datetime(2026, 1, 5, 9, 0), "b" * 32],
    )
    old.execute("INSERT INTO workshop_rings VALUES (?, 'klar', 1, 'KLAR', 'READY')", ["a" * 32])
    old.execute(
        "INSERT INTO workshop_technologies VALUES (?, 'droner', 1, 'Droner', 'Drones', 'AUT', "
        "'klar')",
        ["a" * 32],
    )
    old.close()
    wcon = workshop.connect_workshops(path)
    try:
        version = wcon.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        assert version == [(workshop.WORKSHOP_SCHEMA_VERSION,)] == [("7",)]
        migrated = workshop.get_workshop(wcon, "a" * 32)
        # Everything kept, the projector key too; the results shown, as before.
        assert (migrated.code, migrated.projector_key, migrated.created_by) == (
            "ABCDEFGHJK",
            "b" * 32,
            "Fie Facilitator",
        )
        assert migrated.technology_ids == ("droner",) and migrated.results_visible
        assert not workshop.set_results_visible(wcon, migrated.id, False).results_visible
        # A new workshop in the migrated file has the column too.
        assert _create(wcon, catalog).results_visible
    finally:
        wcon.close()
    again = workshop.connect_workshops(path, read_only=True)
    try:
        assert not workshop.get_workshop(again, "a" * 32).results_visible
    finally:
        again.close()


# --- links, QR codes and the discussion frame --------------------------------


def test_join_link_and_qr_codes_are_made_locally() -> None:
    link = workshop.join_link("https://radar.kommune.dk/", "abcde-fghjk")
    assert link == "https://radar.kommune.dk/deltag?code=ABCDEFGHJK"
    svg = workshop.qr_svg(link)
    assert ET.fromstring(svg).tag.endswith("svg")
    png = workshop.qr_png(link, scale=4)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(workshop.qr_png(link, scale=8)) > len(png)


def test_the_four_phases_and_questions_follow_the_publication() -> None:
    assert workshop.PHASE_IDS == ("ideas", "impact", "procurement", "operation")
    assert [p.label("da") for p in workshop.PHASES] == [
        "Idéudvikling",
        "Konsekvensvurdering",
        "Udvikling/anskaffelse",
        "Implementering og drift",
    ]
    assert workshop.QUESTION_IDS == ("core", "work", "skills", "involvement")
    assert [q.label("da") for q in workshop.QUESTIONS] == [
        "Kerneopgave",
        "Opgaveløsning",
        "Kompetenceudvikling",
        "Inddragelse",
    ]
    for item in (*workshop.PHASES, *workshop.QUESTIONS):
        assert item.label("en") and item.label("en") != item.label("da")
    for question in workshop.QUESTIONS:
        assert question.text("da").endswith("?") and question.text("en").endswith("?")
