"""Dot voting ("fordel 5 point") and the consequence rating: the workshop's rules.

Driven through the core (:mod:`radar.workshop`) against a fresh workshop
database: what is stored, what is refused (and that a refusal stores nothing),
the ranking and the means, the exports, deletion and the migration of older files.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import duckdb
import openpyxl
import pytest
from browser_support import CHROMIUM, require_chromium
from pypdf import PdfReader

from radar import workshop
from radar.model import Catalog
from radar.store.workshop_schema import WORKSHOP_SCHEMA
from radar.workshop import (
    AnswerRejectedError,
    RatingRejectedError,
    VoteRejectedError,
    WorkshopClosedError,
    WorkshopTechnology,
    limits,
)
from radar.workshop.priorities import rank

AREA = "teknik-og-miljoe"
EDITION = 2025
V3_SCHEMA = Path(__file__).parent / "data" / "workshops_v3_schema.sql"
HOSTILE = '=HYPERLINK("http://x","<b>klik</b>")'
TECHNOLOGIES = (
    WorkshopTechnology("alfa", "AUT", "Alfa på dansk: æøå", "Alpha", "klar"),
    WorkshopTechnology("beta", "DATA", "Beta", "Beta", "afvent"),
    WorkshopTechnology("gamma", "VT", HOSTILE, HOSTILE, None),
)


@pytest.fixture
def wcon(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh workshop database, one read-write connection as the dashboard holds it."""
    connection = workshop.connect_workshops(tmp_path / "workshops.duckdb")
    yield connection
    connection.close()


@pytest.fixture
def ws(wcon: duckdb.DuckDBPyConnection, catalog: Catalog) -> workshop.Workshop:
    """An open workshop with its prioritising round open."""
    created = workshop.create_workshop(
        wcon,
        title="Temadag",
        catalog=catalog,
        area=AREA,
        edition=EDITION,
        technologies=TECHNOLOGIES,
    )
    return workshop.set_voting_open(wcon, created.id, True)


def _votes(wcon: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    return (
        wcon.cursor().execute("SELECT technology, points FROM votes ORDER BY technology").fetchall()
    )


def _ratings(wcon: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    return (
        wcon.cursor()
        .execute("SELECT technology, dimension, score FROM ratings ORDER BY 1, 2")
        .fetchall()
    )


# --- the prioritising round ------------------------------------------------------------


def test_a_new_workshop_has_its_round_closed_and_the_facilitator_opens_and_closes_it(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    created = workshop.create_workshop(
        wcon, title="T", catalog=catalog, area=AREA, edition=EDITION, technologies=TECHNOLOGIES
    )
    assert not created.voting_open
    person = workshop.join(wcon, created.code)
    with pytest.raises(WorkshopClosedError) as caught:
        workshop.submit_votes(wcon, created.code, person.token, {"alfa": 1})
    assert caught.value.key == "workshop.error.voting_closed"
    assert "er ikke åben" in caught.value.message("da")
    assert workshop.set_voting_open(wcon, created.id, True).voting_open
    assert workshop.submit_votes(wcon, created.code, person.token, {"alfa": 1}) == {"alfa": 1}
    # Closing the round keeps the points, and takes no more.
    assert not workshop.set_voting_open(wcon, created.id, False).voting_open
    with pytest.raises(WorkshopClosedError):
        workshop.submit_votes(wcon, created.code, person.token, {"beta": 2})
    assert _votes(wcon) == [("alfa", 1)]


def test_the_budget_is_five_points_and_more_is_refused_with_nothing_stored(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    assert limits.VOTE_POINTS == 5
    person = workshop.join(wcon, ws.code)
    # All five on one technology is allowed.
    assert workshop.submit_votes(wcon, ws.code, person.token, {"alfa": 5}) == {"alfa": 5}
    with pytest.raises(VoteRejectedError) as caught:
        workshop.submit_votes(wcon, ws.code, person.token, {"alfa": 3, "beta": 4})
    assert caught.value.message("da") == "Du har fordelt 7 point; du har 5."
    assert caught.value.message("en") == "You have given 7 points; you have 5."
    # The earlier points stay as they were: a refusal stores nothing.
    assert _votes(wcon) == [("alfa", 5)]


def test_saving_again_replaces_the_earlier_points_and_zero_means_no_row(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    person = workshop.join(wcon, ws.code)
    workshop.submit_votes(wcon, ws.code, person.token, {"alfa": 2, "beta": 3})
    stored = workshop.submit_votes(wcon, ws.code, person.token, {"alfa": 0, "gamma": 1})
    assert stored == {"gamma": 1}
    assert _votes(wcon) == [("gamma", 1)]
    _, mine = workshop.participant_votes(wcon, ws.code, person.token)
    assert mine == {"gamma": 1}
    # Nothing at all: no points any more.
    assert workshop.submit_votes(wcon, ws.code, person.token, {}) == {}
    assert _votes(wcon) == []


@pytest.mark.parametrize(
    ("points", "key"),
    [
        ({"omega": 1}, "workshop.error.technology_unknown"),
        ({"alfa": 6}, "workshop.error.points_invalid"),
        ({"alfa": -1}, "workshop.error.points_invalid"),
        ({"alfa": "2"}, "workshop.error.points_invalid"),
        ({"alfa": True}, "workshop.error.points_invalid"),
        ({"alfa": 2.5}, "workshop.error.points_invalid"),
    ],
)
def test_an_unknown_technology_or_a_number_out_of_range_is_refused(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, points: dict[str, object], key: str
) -> None:
    person = workshop.join(wcon, ws.code)
    with pytest.raises(VoteRejectedError) as caught:
        workshop.submit_votes(wcon, ws.code, person.token, points)
    assert caught.value.key == key
    assert _votes(wcon) == []


def test_a_closed_workshop_or_a_stranger_gives_no_points(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    person = workshop.join(wcon, ws.code)
    with pytest.raises(AnswerRejectedError) as caught:
        workshop.submit_votes(wcon, ws.code, "someone-elses-token", {"alfa": 1})
    assert caught.value.key == "workshop.error.participant_unknown"
    workshop.submit_votes(wcon, ws.code, person.token, {"alfa": 1})
    closed = workshop.close_workshop(wcon, ws.id)
    with pytest.raises(WorkshopClosedError):
        workshop.submit_votes(wcon, ws.code, person.token, {"alfa": 2})
    # Closing keeps the points (they are anonymous, as the answers are). The round
    # left open can be closed; a closed workshop's round is not opened again.
    assert closed.voting_open
    assert not workshop.set_voting_open(wcon, ws.id, False).voting_open
    with pytest.raises(WorkshopClosedError):
        workshop.set_voting_open(wcon, ws.id, True)
    assert _votes(wcon) == [("alfa", 1)]


# --- the consequence rating ----------------------------------------------------------


def test_a_rating_is_stored_with_the_answer_and_replaced_by_the_next_answer(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    person = workshop.join(wcon, ws.code)
    answer = workshop.submit_answer(
        wcon, ws.code, person.token, "alfa", "klar", ratings={"benefit": 5, "cost": 1}
    )
    assert answer.ratings == {"benefit": 5, "cost": 1}
    assert _ratings(wcon) == [("alfa", "benefit", 5), ("alfa", "cost", 1)]
    # Answering again replaces the rating: a dimension left out is no longer rated.
    workshop.submit_answer(
        wcon, ws.code, person.token, "alfa", "afproev", ratings={"citizens": 4, "cost": None}
    )
    assert _ratings(wcon) == [("alfa", "citizens", 4)]
    assert workshop.participant_answers(wcon, ws.code, person.token)["alfa"].ratings == {
        "citizens": 4
    }
    # Another technology's rating is its own.
    workshop.submit_answer(wcon, ws.code, person.token, "beta", "klar", ratings={"benefit": 2})
    workshop.submit_answer(wcon, ws.code, person.token, "alfa", "klar")
    assert _ratings(wcon) == [("beta", "benefit", 2)]


@pytest.mark.parametrize(
    ("ratings", "key", "words"),
    [
        ({"benefit": 6}, "workshop.error.rating_score_invalid", "«Gevinst for kerneopgaven»"),
        ({"cost": 0}, "workshop.error.rating_score_invalid", "fra 1 til 5"),
        ({"citizens": "4"}, "workshop.error.rating_score_invalid", "«4»"),
        ({"citizens": True}, "workshop.error.rating_score_invalid", "«True»"),
        ({"happiness": 3}, "workshop.error.rating_dimension_unknown", "«happiness»"),
    ],
)
def test_a_rating_outside_1_to_5_or_of_an_unknown_dimension_stores_nothing(
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    ratings: dict[str, object],
    key: str,
    words: str,
) -> None:
    person = workshop.join(wcon, ws.code)
    workshop.submit_answer(wcon, ws.code, person.token, "alfa", "klar", ratings={"benefit": 3})
    with pytest.raises(RatingRejectedError) as caught:
        workshop.submit_answer(wcon, ws.code, person.token, "alfa", "afvent", ratings=ratings)
    assert caught.value.key == key and words in caught.value.message("da")
    # Neither the answer nor the rating changed.
    assert _ratings(wcon) == [("alfa", "benefit", 3)]
    assert workshop.participant_answers(wcon, ws.code, person.token)["alfa"].ring == "klar"


def test_the_schema_itself_refuses_a_score_or_dimension_that_slips_past() -> None:
    con = duckdb.connect()
    con.execute(WORKSHOP_SCHEMA.sql())
    now = datetime(2026, 1, 1)
    for row in (("w", "p", "t", "cost", 6, now), ("w", "p", "t", "mood", 3, now)):
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO ratings VALUES (?, ?, ?, ?, ?, ?)", list(row))
    for points in (0, 6):
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO votes VALUES ('w', 'p', 't', ?, ?)", [points, now])


# --- results ------------------------------------------------------------------------


def _vote(wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, points: dict[str, int]) -> None:
    person = workshop.join(wcon, ws.code)
    workshop.submit_votes(wcon, ws.code, person.token, points)


def test_the_ranking_puts_most_points_first_and_ties_share_a_rank(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    _vote(wcon, ws, {"gamma": 3, "beta": 2})
    _vote(wcon, ws, {"beta": 1, "gamma": 2})
    _vote(wcon, ws, {"alfa": 5})
    workshop.join(wcon, ws.code)  # joined, gave nothing
    result = workshop.priorities(wcon, ws.id)
    assert (result.participants, result.voters, result.points) == (4, 3, 13)
    # Alfa and gamma both have 5: one rank, in the workshop's order; beta third.
    ranked = [(p.technology.id, p.points, p.voters, p.rank) for p in result.ranking]
    assert ranked == [("alfa", 5, 1, 1), ("gamma", 5, 2, 1), ("beta", 3, 2, 3)]


def test_the_ranking_of_nobody_s_points_keeps_the_workshop_s_order() -> None:
    ranked = rank(TECHNOLOGIES, {}, {})
    assert [(p.technology.id, p.rank) for p in ranked] == [("alfa", 1), ("beta", 1), ("gamma", 1)]
    ranked = rank(TECHNOLOGIES, {"gamma": 2, "beta": 1}, {})
    assert [(p.technology.id, p.rank) for p in ranked] == [("gamma", 1), ("beta", 2), ("alfa", 3)]


def test_the_ratings_give_a_mean_n_and_distribution_per_technology_and_dimension(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    for scores in ({"benefit": 5, "cost": 2}, {"benefit": 4}, {"benefit": 4, "citizens": 1}):
        person = workshop.join(wcon, ws.code)
        workshop.submit_answer(wcon, ws.code, person.token, "alfa", "klar", ratings=scores)
    result = workshop.priorities(wcon, ws.id)
    alfa = result.ratings[0]
    assert alfa.technology.id == "alfa" and result.raters == 3
    benefit = alfa.dimension("benefit")
    assert (benefit.n, benefit.mean) == (3, pytest.approx(13 / 3))
    assert benefit.distribution == {1: 0, 2: 0, 3: 0, 4: 2, 5: 1}
    assert (alfa.dimension("cost").n, alfa.dimension("cost").mean) == (1, 2.0)
    assert alfa.dimension("work_environment").mean is None
    assert not result.ratings[1].rated
    frame = workshop.consequences_frame(result, "da")
    assert frame.iloc[0].tolist() == [
        "Alfa på dansk: æøå",
        "4,3 (n = 3)",
        "2,0 (n = 1)",
        "Ingen vurderinger",
        "1,0 (n = 1)",
    ]
    assert list(frame.columns)[1:] == [
        "Gevinst for kerneopgaven",
        "Økonomi",
        "Medarbejdernes arbejdsmiljø",
        "Borgerne",
    ]


# --- the exports -------------------------------------------------------------------


def test_the_workbook_and_the_report_hold_the_ranking_and_the_ratings(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    _vote(wcon, ws, {"gamma": 4, "alfa": 1})
    person = workshop.join(wcon, ws.code)
    workshop.submit_answer(
        wcon, ws.code, person.token, "gamma", "klar", ratings={"work_environment": 2}
    )
    results, prioritised = workshop.results(wcon, ws.id), workshop.priorities(wcon, ws.id)
    book = openpyxl.load_workbook(
        io.BytesIO(workshop.export_xlsx(results, "da", priorities=prioritised))
    )
    assert book.sheetnames == [
        "Oversigt",
        "Kommentarer",
        "Prioritering",
        "Konsekvensvurdering",
        "Workshop",
    ]
    ranking = [[c.value for c in row] for row in book["Prioritering"].iter_rows()]
    assert ranking[0] == ["Plads", "Teknologi", "Point", "Deltagere, der gav point"]
    assert ranking[1] == [1, HOSTILE, 4, 1]
    # A name Excel would run as a formula stays text.
    assert book["Prioritering"]["B2"].data_type == "s"
    consequences = [[c.value for c in row] for row in book["Konsekvensvurdering"].iter_rows()]
    assert consequences[0][:3] == [
        "Teknologi",
        "Gevinst for kerneopgaven: gennemsnit",
        "Gevinst for kerneopgaven: antal",
    ]
    gamma = next(row for row in consequences if row[0] == HOSTILE)
    assert gamma[5:7] == [2, 1] and gamma[1:3] == [None, 0]
    # Without priorities, the workbook is as it was.
    assert len(openpyxl.load_workbook(io.BytesIO(workshop.export_xlsx(results))).sheetnames) == 3

    page = workshop.report_html(results, "da", priorities=prioritised)
    assert "Prioritering: point pr. teknologi" in page
    assert "5 point fra 1 deltagere" in page
    assert "Konsekvensvurdering: gennemsnit pr. dimension" in page
    assert "2,0 (n = 1)" in page
    assert "<b>klik</b>" not in page and "&lt;b&gt;klik&lt;/b&gt;" in page
    english = workshop.report_html(results, "en", priorities=prioritised)
    assert "Prioritising: points per technology" in english
    # Without priorities, the report is as it was.
    assert "Prioritering" not in workshop.report_html(results, "da")


def test_a_report_without_points_or_ratings_says_so(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    page = workshop.report_html(
        workshop.results(wcon, ws.id), "da", priorities=workshop.priorities(wcon, ws.id)
    )
    assert "Ingen fordelte point." in page and "Ingen vurderede konsekvenserne." in page


# --- deletion and the migration ----------------------------------------------------


def test_deleting_a_workshop_deletes_its_votes_and_ratings_and_counts_them(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, catalog: Catalog
) -> None:
    other = workshop.set_voting_open(
        wcon,
        workshop.create_workshop(
            wcon,
            title="Anden",
            catalog=catalog,
            area=AREA,
            edition=EDITION,
            technologies=TECHNOLOGIES,
        ).id,
        True,
    )
    for target in (ws, other):
        _vote(wcon, target, {"alfa": 2, "beta": 3})
        person = workshop.join(wcon, target.code)
        workshop.submit_answer(
            wcon, target.code, person.token, "alfa", "klar", ratings={"benefit": 4, "cost": 3}
        )
    assert workshop.preview(wcon, ws.id).votes == 2
    deleted = workshop.delete_workshop(wcon, ws.id, actor="facilitator")
    assert (deleted.votes, deleted.ratings) == (2, 2)
    counts = workshop.table_counts(wcon)
    assert (counts["votes"], counts["ratings"]) == (2, 2)
    left = (
        wcon.cursor()
        .execute("SELECT workshop_id FROM votes UNION SELECT workshop_id FROM ratings")
        .fetchall()
    )
    assert left == [(other.id,)]


def test_a_workshop_file_of_the_third_schema_gets_the_round_closed_and_empty_tables(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "workshops.duckdb"
    old = duckdb.connect(str(path))
    old.execute(V3_SCHEMA.read_text("utf-8"))
    old.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    old.execute(
        "INSERT INTO workshops VALUES (?, 'ABCDEFGHJK', 'Temadag', ?, 'Teknik', 'Technical', "
        "2025, ?, NULL, NULL, ?, 'Fie Facilitator', 'password', false)",
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
        assert version == [(workshop.WORKSHOP_SCHEMA_VERSION,)]
        migrated = workshop.get_workshop(wcon, "a" * 32)
        # Kept as it was (its results hidden), its round closed; the new tables empty.
        assert not migrated.results_visible and not migrated.voting_open
        counts = workshop.table_counts(wcon)
        assert (counts["votes"], counts["ratings"]) == (0, 0)
        opened = workshop.set_voting_open(wcon, migrated.id, True)
        person = workshop.join(wcon, opened.code)
        assert workshop.submit_votes(wcon, opened.code, person.token, {"droner": 5})
    finally:
        wcon.close()


def test_the_pdf_report_prints_the_ranking_and_the_ratings(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    require_chromium()
    _vote(wcon, ws, {"beta": 5})
    person = workshop.join(wcon, ws.code)
    workshop.submit_answer(wcon, ws.code, person.token, "beta", "klar", ratings={"citizens": 5})
    pdf = workshop.report_pdf(
        workshop.results(wcon, ws.id), CHROMIUM, "da", priorities=workshop.priorities(wcon, ws.id)
    )
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Prioritering: point pr. teknologi" in text
    assert "Konsekvensvurdering: gennemsnit pr. dimension" in text
    assert "5,0 (n = 1)" in text
