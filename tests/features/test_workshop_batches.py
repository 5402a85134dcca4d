"""A room's answers stored as one batch: each answer judged alone, stored once, read back.

:func:`radar.workshop.submit_answers` is what the phone page's answers go
through when a room answers at once; these are its rules against a fresh
workshop database (the single answer's are tests/features/test_workshop.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from radar import workshop
from radar.auth import Role, SignIn, User
from radar.model import Catalog
from radar.store.transactions import StorageFull
from radar.workshop import (
    AnswerRejectedError,
    AnswerRequest,
    AnswerSaved,
    QuestionClosedError,
    WorkshopClosedError,
    WorkshopError,
    WorkshopNotFoundError,
    WorkshopTechnology,
    answering,
)

OWNER = User("Fie Facilitator", SignIn.PASSWORD, Role.FACILITATOR)
TECHNOLOGIES = (
    WorkshopTechnology("alfa", "AUT", "Alfa", "Alpha", "klar"),
    WorkshopTechnology("beta", "DATA", "Beta", "Beta", "afvent"),
)


@pytest.fixture
def wcon(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = workshop.connect_workshops(tmp_path / "workshops.duckdb")
    yield connection
    connection.close()


def _create(wcon: duckdb.DuckDBPyConnection, catalog: Catalog, title: str) -> workshop.Workshop:
    return workshop.create_workshop(
        wcon,
        title=title,
        catalog=catalog,
        area="teknik-og-miljoe",
        edition=2025,
        technologies=TECHNOLOGIES,
        created_by=OWNER,
        moderated=True,
    )


def _stored(wcon: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, str | None]]:
    return sorted(
        wcon.cursor()
        .execute("SELECT participant_id, technology, ring, answer_core FROM answers")
        .fetchall()
    )


def test_a_rooms_answers_are_each_stored_once_and_each_phone_gets_its_own_page(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, catalog, "Temadag")
    people = [workshop.join(wcon, ws.code) for _ in range(5)]
    workshop.submit_answer(wcon, ws.code, people[0].token, "alfa", "afvent")

    outcomes = workshop.submit_answers(
        wcon, [AnswerRequest(ws.code, p.token, "beta", "klar") for p in people]
    )

    assert all(isinstance(o, AnswerSaved) for o in outcomes)
    assert _stored(wcon) == sorted(
        [(people[0].id, "alfa", "afvent", None)] + [(p.id, "beta", "klar", None) for p in people]
    )
    saved = [o for o in outcomes if isinstance(o, AnswerSaved)]
    # Each page is its own participant's, in the workshop's order.
    assert [list(o.view.answers) for o in saved] == [["alfa", "beta"]] + [["beta"]] * 4
    assert {o.answer.participant_id for o in saved} == {p.id for p in people}


def test_a_refused_answer_is_refused_alone_and_the_rest_of_the_room_is_stored(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, catalog, "Temadag")
    closed = _create(wcon, catalog, "Lukket")
    one, two = workshop.join(wcon, ws.code), workshop.join(wcon, ws.code)
    elsewhere = workshop.join(wcon, closed.code)
    workshop.close_workshop(wcon, closed.id)
    workshop.set_answers_open(wcon, ws.id, "beta", False)

    outcomes = workshop.submit_answers(
        wcon,
        [
            AnswerRequest(ws.code, one.token, "alfa", "klar", texts={"core": "Færre kørsler"}),
            AnswerRequest(ws.code, "not-a-token", "alfa", "klar"),
            AnswerRequest(ws.code, two.token, "alfa", "no-such-ring"),
            AnswerRequest(ws.code, two.token, "beta", "klar"),
            AnswerRequest(ws.code, two.token, "alfa", "klar", phase="no-such-phase"),
            AnswerRequest(closed.code, elsewhere.token, "alfa", "klar"),
            AnswerRequest("ZZZZZZZZZZ", one.token, "alfa", "klar"),
            AnswerRequest(ws.code, two.token, "alfa", "afproev", texts={"work": "x" * 10_000}),
            AnswerRequest(ws.code, two.token, "alfa", "hold-oeje"),
        ],
    )

    kinds = [type(o) for o in outcomes]
    assert kinds == [
        AnswerSaved,
        AnswerRejectedError,
        AnswerRejectedError,
        QuestionClosedError,
        AnswerRejectedError,
        WorkshopClosedError,
        WorkshopNotFoundError,
        AnswerRejectedError,
        AnswerSaved,
    ]
    refused = [o for o in outcomes if not isinstance(o, AnswerSaved)]
    assert [o.key for o in refused] == [
        "workshop.error.participant_unknown",
        "workshop.error.ring_unknown",
        "workshop.error.question_closed",
        "workshop.error.phase_unknown",
        "workshop.error.closed",
        "workshop.error.not_found",
        "workshop.error.comment_too_long",
    ]
    assert _stored(wcon) == sorted(
        [(one.id, "alfa", "klar", "Færre kørsler"), (two.id, "alfa", "hold-oeje", None)]
    )


def test_a_double_tap_in_one_batch_stores_the_later_answer_once(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, catalog, "Temadag")
    one = workshop.join(wcon, ws.code)

    first, second = workshop.submit_answers(
        wcon,
        [
            AnswerRequest(ws.code, one.token, "alfa", "klar", ratings={"benefit": 2}),
            AnswerRequest(ws.code, one.token, "alfa", "afvent", ratings={"cost": 5}),
        ],
    )

    assert isinstance(first, AnswerSaved) and isinstance(second, AnswerSaved)
    assert _stored(wcon) == [(one.id, "alfa", "afvent", None)]
    assert second.view.answers["alfa"].ring == "afvent"
    assert second.view.answers["alfa"].ratings == {"cost": 5}


def test_ratings_in_a_batch_replace_only_their_own_technologys(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, catalog, "Temadag")
    one, two = workshop.join(wcon, ws.code), workshop.join(wcon, ws.code)
    workshop.submit_answer(wcon, ws.code, one.token, "alfa", "klar", ratings={"benefit": 4})
    workshop.submit_answer(wcon, ws.code, two.token, "beta", "klar", ratings={"cost": 1})

    # One rates beta (and not alfa again), two answers alfa without a rating.
    workshop.submit_answers(
        wcon,
        [
            AnswerRequest(ws.code, one.token, "beta", "klar", ratings={"citizens": 3}),
            AnswerRequest(ws.code, two.token, "alfa", "klar"),
        ],
    )

    assert workshop.participant_answers(wcon, ws.code, one.token)["alfa"].ratings == {"benefit": 4}
    assert workshop.participant_answers(wcon, ws.code, one.token)["beta"].ratings == {"citizens": 3}
    assert workshop.participant_answers(wcon, ws.code, two.token)["beta"].ratings == {"cost": 1}
    assert workshop.participant_answers(wcon, ws.code, two.token)["alfa"].ratings == {}


def test_a_text_changed_in_a_batch_goes_back_to_the_queue_and_an_unchanged_one_stays_approved(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, catalog, "Temadag")
    one, two = workshop.join(wcon, ws.code), workshop.join(wcon, ws.code)
    for person, text in ((one, "Færre kørsler"), (two, "Mere tid")):
        workshop.submit_answer(wcon, ws.code, person.token, "alfa", "klar", answers={"core": text})
    for comment in workshop.comments_for_review(wcon, ws.id, OWNER):
        workshop.approve_comment(wcon, comment, OWNER)

    workshop.submit_answers(
        wcon,
        [
            AnswerRequest(ws.code, one.token, "alfa", "afvent", texts={"core": "Færre kørsler"}),
            AnswerRequest(ws.code, two.token, "alfa", "klar", texts={"core": "Mere tid <b>"}),
        ],
    )

    status = {c.text: c.status for c in workshop.comments_for_review(wcon, ws.id, OWNER)}
    assert status == {
        "Færre kørsler": workshop.CommentStatus.APPROVED,
        "Mere tid <b>": workshop.CommentStatus.PENDING,
    }


def test_many_phones_pages_are_read_at_once_each_its_own(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    ws = _create(wcon, catalog, "Temadag")
    one, two = workshop.join(wcon, ws.code), workshop.join(wcon, ws.code)
    workshop.submit_answer(wcon, ws.code, two.token, "beta", "afvent")

    views = workshop.participant_views(
        wcon, [(ws.code, one.token), (ws.code, "stale"), (ws.code, two.token), ("ZZZZ", "x")]
    )

    first, stale, second, wrong = views
    assert isinstance(first, workshop.ParticipantView) and first.answers == {}
    assert isinstance(stale, AnswerRejectedError)
    assert isinstance(second, workshop.ParticipantView)
    assert {k: a.ring for k, a in second.answers.items()} == {"beta": "afvent"}
    assert isinstance(wrong, WorkshopNotFoundError)
    assert first.workshop.id == second.workshop.id == ws.id


def test_a_batch_that_keeps_colliding_is_written_answer_by_answer_and_keeps_each_ones_reason(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = _create(wcon, catalog, "Temadag")
    one, two = workshop.join(wcon, ws.code), workshop.join(wcon, ws.code)
    real_write = answering.write
    sizes: list[int] = []

    def colliding(con: object, work: Any) -> Any:
        # A facilitator's write collides with any transaction of more than one answer.
        def counted(cur: Any) -> Any:
            outcomes = work(cur)
            sizes.append(len(outcomes))
            if len(outcomes) > 1:
                raise WorkshopError("workshop.error.busy")
            return outcomes

        return real_write(con, counted)  # type: ignore[arg-type]

    monkeypatch.setattr(answering, "write", colliding)
    outcomes = workshop.submit_answers(
        wcon,
        [
            AnswerRequest(ws.code, one.token, "alfa", "klar"),
            AnswerRequest(ws.code, two.token, "alfa", "klar", texts={"core": "x" * 10_000}),
            AnswerRequest(ws.code, two.token, "beta", "afvent"),
        ],
    )

    assert [type(o) for o in outcomes] == [AnswerSaved, AnswerRejectedError, AnswerSaved]
    assert isinstance(outcomes[1], AnswerRejectedError)
    assert outcomes[1].key == "workshop.error.comment_too_long"
    assert _stored(wcon) == sorted(
        [(one.id, "alfa", "klar", None), (two.id, "beta", "afvent", None)]
    )


def test_when_even_one_answer_cannot_be_written_it_alone_is_busy(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = _create(wcon, catalog, "Temadag")
    one = workshop.join(wcon, ws.code)

    def refused(con: object, work: Any) -> Any:
        raise StorageFull("no space left on device")

    monkeypatch.setattr(answering, "write", refused)
    outcomes = workshop.submit_answers(
        wcon,
        [
            AnswerRequest(ws.code, one.token, "alfa", "klar", phase="no-such-phase"),
            AnswerRequest(ws.code, one.token, "beta", "klar"),
        ],
    )

    assert [o.key for o in outcomes if isinstance(o, WorkshopError)] == [
        "workshop.error.phase_unknown",
        "workshop.error.busy",
    ]
    assert _stored(wcon) == []
