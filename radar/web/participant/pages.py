"""The phone page's HTML: a few small pages, rendered from autoescaped Jinja2 templates.

Every text a facilitator or participant typed (a workshop's title, a
technology's name, a comment) is untrusted: the template engine escapes it,
and only this module's own static style goes in as :class:`Markup`. The page
needs no JavaScript; its one style sheet is inline, named in the response's
Content-Security-Policy by its hash (:data:`CONTENT_SECURITY_POLICY`), so
nothing else can style or script the page.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup

from radar import theme
from radar.i18n import t
from radar.model import Lang
from radar.web.participant import paced
from radar.web.participant.forms import POINTS_PREFIX, RATING_PREFIX
from radar.web.settings import accessibility_url
from radar.workshop import (
    COMMENT_LIMIT,
    PHASES,
    QUESTIONS,
    RATING_SCORES,
    RATINGS,
    Answer,
    Workshop,
    clock,
    format_code,
    limits,
    score_label,
)
from radar.workshop.pacing_texts import gate_text
from radar.workshop.texts import about_text

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "Draft",
    "code_page",
    "join_page",
    "message_page",
    "page_url",
    "question_page",
    "votes_page",
]

#: The page's own path, relative to where it is served (a proxy's prefix holds).
PAGE: Final = "deltag"
#: Where an answer is posted, relative to the page.
ANSWER: Final = "deltag/svar"
#: Where a participant's points are posted, relative to the page.
POINTS: Final = "deltag/point"
#: The page's query parameter that shows the prioritising screen; its value
#: :data:`POINTS_SAVED` confirms that the points were just saved.
POINTS_VIEW: Final = "point"
POINTS_SAVED: Final = "gemt"
#: Before every relative URL of a page served by a posting route (a refused
#: answer or points, shown again at ``deltag/svar`` or ``deltag/point``): from
#: there, the page's own links resolve one folder up.
UP: Final = "../"

# Static, built from the theme's constants only. Targets are finger-sized
# (WCAG 2.5.5), text and borders meet 4.5:1 and 3:1 on white.
_CSS: Final = f"""
*{{box-sizing:border-box}}
body{{margin:0;
font:{theme.WORKSHOP_PHONE_TEXT_SIZE}px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:{theme.TEXT};background:{theme.BACKGROUND}}}
.top{{display:flex;justify-content:space-between;align-items:center;padding:.5rem 1rem;
border-bottom:1px solid {theme.LEGEND_BORDER}}}
.brand{{font-weight:600}}
main{{max-width:{theme.WORKSHOP_PHONE_MAX_WIDTH}px;margin:0 auto;padding:1rem}}
h1{{font-size:1.5rem;line-height:1.2;margin:.25rem 0 .25rem}}
h2{{font-size:1.25rem;line-height:1.25;margin:1rem 0 .5rem}}
.about,.hint,.privacy,.small{{color:{theme.CAPTION_TEXT};font-size:.9375rem}}
a{{color:{theme.FOCUS_RING}}}
.top a,.steps a,.all a,footer a{{display:inline-flex;align-items:center;
min-height:{theme.WORKSHOP_TOUCH_TARGET}px;padding:0 .25rem}}
:focus-visible{{outline:{theme.FOCUS_RING_WIDTH_PX}px solid {theme.FOCUS_RING};
outline-offset:{theme.FOCUS_RING_OFFSET_PX}px}}
fieldset{{border:0;margin:0 0 1rem;padding:0}}
legend{{font-weight:600;margin-bottom:.5rem;padding:0}}
.tech{{display:block;font-size:1.375rem;line-height:1.25}}
.choice{{display:flex;gap:.75rem;align-items:flex-start;
min-height:{theme.WORKSHOP_TOUCH_TARGET}px;margin:.375rem 0;
padding:.625rem .75rem;border:1px solid {theme.LEGEND_BORDER};border-radius:.5rem}}
.choice input{{width:1.375rem;height:1.375rem;margin:.125rem 0 0;flex:none}}
.choice:has(input:checked){{border:2px solid {theme.FOCUS_RING};
background:{theme.LEGEND_HOT_FILL}}}
.line{{display:block;color:{theme.CAPTION_TEXT};font-size:.9375rem}}
details{{margin:0 0 1rem}}
/* A list item keeps the disclosure triangle that says the part opens. */
summary{{min-height:{theme.WORKSHOP_TOUCH_TARGET}px;display:list-item;
padding:.625rem 0;cursor:pointer;font-weight:600}}
label.text{{display:block;font-weight:600;margin:.75rem 0 .25rem}}
textarea,input[type=text]{{width:100%;font:inherit;padding:.5rem;
border:1px solid {theme.LEGEND_BORDER};
border-radius:.375rem}}
button{{width:100%;min-height:{theme.WORKSHOP_TOUCH_TARGET}px;font:inherit;font-weight:600;color:{theme.LEGEND_PRESSED_TEXT};
background:{theme.FOCUS_RING};border:0;border-radius:.5rem;margin:.5rem 0}}
.steps{{display:flex;justify-content:space-between}}
.saved{{padding:.5rem .75rem;border-left:4px solid {theme.FOCUS_RING};
background:{theme.LEGEND_HOT_FILL}}}
.problem{{padding:.5rem .75rem;border-left:4px solid {theme.TEXT};
background:{theme.WORKSHOP_PHONE_PROBLEM_FILL}}}
progress{{width:100%;height:.75rem}}
footer{{max-width:{theme.WORKSHOP_PHONE_MAX_WIDTH}px;margin:0 auto;padding:0 1rem 1rem}}
.points{{display:flex;justify-content:space-between;align-items:center;gap:.75rem;
min-height:{theme.WORKSHOP_TOUCH_TARGET}px;margin:.375rem 0;padding:.25rem 0;
border-bottom:1px solid {theme.LEGEND_BORDER}}}
select{{font:inherit;min-height:{theme.WORKSHOP_TOUCH_TARGET}px;min-width:4.5rem;
padding:.25rem .5rem;color:{theme.TEXT};background:{theme.BACKGROUND};
border:1px solid {theme.LEGEND_BORDER};border-radius:.375rem;flex:none}}
a.next{{display:flex;align-items:center;justify-content:center;
min-height:{theme.WORKSHOP_TOUCH_TARGET}px;font-weight:600;
border:2px solid {theme.FOCUS_RING};border-radius:.5rem;margin:.5rem 0}}
.sr{{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}}
"""
_CSS_HASH: Final = base64.b64encode(hashlib.sha256(_CSS.encode("utf-8")).digest()).decode("ascii")

#: Only this page's own style and forms: no script, no other origin, no frame.
CONTENT_SECURITY_POLICY: Final = (
    f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

#: The waiting page's one script, static (the page's values are in data attributes). It asks
#: the page's own address now and then and moves on only once that is no longer a waiting
#: page: no timed reload (WCAG 2.2.1), no screen reader thrown back to the top meanwhile.
#: Without script, the page's "Opdatér" link does the same by hand.
WAIT_SCRIPT: Final = (
    "(function(){var w=document.querySelector('[data-wait-url]');if(!w||!window.fetch)return;"
    "var u=w.getAttribute('data-wait-url'),n=+w.getAttribute('data-wait-seconds')||5;"
    "function ask(){fetch(u,{credentials:'same-origin',cache:'no-store'})"
    ".then(function(r){return r.ok?r.text():''})"
    ".then(function(t){if(t&&t.indexOf('data-wait-url=')<0){location.replace(u)}"
    "else{setTimeout(ask,n*1000)}},function(){setTimeout(ask,n*1000)})}"
    "setTimeout(ask,n*1000)})();"
)
_WAIT_SCRIPT_HASH: Final = base64.b64encode(
    hashlib.sha256(WAIT_SCRIPT.encode("utf-8")).digest()
).decode("ascii")
#: What marks a page that runs :data:`WAIT_SCRIPT`.
WAIT_MARK: Final = "data-wait-url="
#: The waiting page's policy: the strict one, its script by hash, and asking its own origin.
WAITING_SECURITY_POLICY: Final = (
    f"{CONTENT_SECURITY_POLICY}; script-src 'sha256-{_WAIT_SCRIPT_HASH}'; connect-src 'self'"
)


def security_policy(body: str) -> str:
    """The policy a page is sent with: the waiting page's allows its one script."""
    return WAITING_SECURITY_POLICY if WAIT_MARK in body else CONTENT_SECURITY_POLICY


#: What each of KL's rings means, in a line a participant reads before choosing.
_RING_LINES: Final[dict[str, str]] = {
    "klar": "phone.ring_line.klar",
    "afproev": "phone.ring_line.afproev",
    "hold-oeje": "phone.ring_line.hold-oeje",
    "afvent": "phone.ring_line.afvent",
}

_TEMPLATES: Final = jinja2.Environment(
    loader=jinja2.PackageLoader("radar.web.participant", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class Draft:
    """What the participant sent for one technology, shown again when it could not be saved."""

    ring: str | None = None
    phase: str | None = None
    texts: Mapping[str, str] = field(default_factory=dict)
    #: The consequence rating as sent: dimension to the score's field ("" not rated).
    ratings: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, answer: Answer | None) -> Draft:
        """The form filled with a stored answer (empty without one)."""
        if answer is None:
            return cls()
        texts = {q.id: getattr(answer, q.id) or "" for q in QUESTIONS}
        ratings = {dimension: str(score) for dimension, score in answer.ratings.items()}
        return cls(answer.ring, answer.phase, texts, ratings)


def page_url(code: str, lang: Lang, **more: object) -> str:
    """The page's relative URL for a workshop: ``deltag?code=…`` (and ``lang``, ``i``, …)."""
    query: dict[str, object] = {"code": code}
    if lang != "da":
        query["lang"] = lang
    query.update({k: v for k, v in more.items() if v is not None})
    return f"{PAGE}?{urlencode(query)}"


def _frame(lang: Lang, switch: str, *, title: str | None = None) -> dict[str, object]:
    """What every page has: its language, its title, the style, and the link to the other language.

    ``title`` names the page itself (a workshop, a technology), before the app's
    name: a screen reader and a browser's tabs tell the pages apart by it.
    """
    other: Lang = "en" if lang == "da" else "da"
    return {
        "lang": lang,
        "other_lang": other,
        "css": Markup(_CSS),  # static, this module's own
        "page_title": t("phone.page_title", lang, page=title) if title else t("phone.title", lang),
        "switch_text": t("phone.language", lang),
        "switch_name": t("phone.language.name", lang),
        "switch_href": switch,
        "brand": t("app.title", lang),
        "statement_text": t("access.footer.statement", lang),
        "statement_href": accessibility_url(),
    }


def _action(path: str, lang: Lang) -> str:
    # The language in the address too: a form the server cannot read is answered in it.
    return path if lang == "da" else f"{path}?{urlencode({'lang': lang})}"


def _switch(code: str, lang: Lang, **more: object) -> str:
    other: Lang = "en" if lang == "da" else "da"
    return page_url(code, other, **more) if code else f"{PAGE}?{urlencode({'lang': other})}"


def _privacy(lang: Lang) -> dict[str, str]:
    try:
        days = limits.retention_days()
    except ValueError:
        # Misconfigured: the purge refuses to run on it and logs it; say the default here.
        days = limits.DEFAULT_RETENTION_DAYS
    return {
        "privacy_heading": t("participant.privacy", lang),
        "privacy_text": t("participant.privacy.text", lang, days=days),
        "cookie_text": t("phone.cookie", lang),
    }


def code_page(lang: Lang, *, code: str = "", problem: str | None = None, up: bool = False) -> str:
    """The first page without a code: type the code off the projector.

    ``up``: served by a posting route (``deltag/svar``), so its links go one folder up.
    """
    root = UP if up else ""
    return _TEMPLATES.get_template("code.html.j2").render(
        **_frame(lang, root + _switch("", lang)),
        heading=t("participant.heading", lang),
        label=t("participant.code", lang),
        placeholder=t("participant.code.placeholder", lang),
        help=t("participant.code.help", lang),
        go=t("participant.code.go", lang),
        action=root + PAGE,
        code=format_code(code) if code else "",
        problem=problem,
        size=2 * len(format_code("X" * 10)),
        **_privacy(lang),
    )


def join_page(ws: Workshop, lang: Lang, *, problem: str | None = None, up: bool = False) -> str:
    """A workshop's page before joining: what it is, the privacy notice, one button.

    ``up``: served by a posting route, so its links go one folder up.
    """
    root = UP if up else ""
    return _TEMPLATES.get_template("join.html.j2").render(
        **_frame(lang, root + _switch(ws.code, lang), title=ws.title),
        title=ws.title,
        about=about_text(ws, lang),
        intro=t("participant.intro", lang),
        anonymous=t("participant.joined_anonymous", lang),
        join=t("participant.join", lang),
        action=root + _action(PAGE, lang),
        code=ws.code,
        problem=problem,
        **_privacy(lang),
    )


def message_page(
    lang: Lang, heading: str, message: str, *, code: str = "", up: bool = False
) -> str:
    """A page that only says something: a closed workshop, a refused form.

    ``up``: served by a posting route, so its link goes one folder up.
    """
    root = UP if up else ""
    return _TEMPLATES.get_template("message.html.j2").render(
        **_frame(lang, root + _switch(code, lang), title=heading),
        heading=heading,
        message=message,
    )


def _ring_line(ring_id: str, lang: Lang) -> str:
    # KL's four rings have a line each; another organisation's rings have their names only.
    key = _RING_LINES.get(ring_id)
    return t(key, lang) if key else ""


def question_page(
    ws: Workshop,
    answers: Mapping[str, Answer],
    index: int | None,
    lang: Lang,
    *,
    draft: Draft | None = None,
    saved: str | None = None,
    problem: str | None = None,
    up: bool = False,
    now: datetime | None = None,
    auto: bool = True,
) -> str:
    """One technology of the workshop, or the thanks once every one is answered.

    A technology that takes no answers now (closed, or its countdown ended)
    shows as closed; with nothing open to answer the phone waits
    (:mod:`radar.web.participant.paced`).

    Parameters
    ----------
    ws, answers
        The workshop and the participant's answers so far, by technology id.
    index
        Which technology to show; ``None``: the first not answered yet, or the
        thanks when all are.
    draft
        What the participant sent and could not be saved; else their stored answer.
    saved
        The technology whose answer was just saved, to confirm it.
    problem
        Why the last answer was not saved.
    up
        Served by the posting route (the answer refused): every link one folder up.
    now
        The moment to ask about (default: now).
    auto
        Whether the waiting page moves on by itself when a question opens (the
        participant may stop it).
    """
    root = UP if up else ""
    items = ws.technologies
    count = len(items)
    moment = now or clock.now()
    # Which screen: the pacing's rules (the room's technology in led mode, closed ones).
    picked = paced.pick(ws, answers.keys(), index, moment)
    position = picked.index
    shown = items[position] if position is not None else None
    listed = [
        {
            "name": item.label(lang),
            "href": root + page_url(ws.code, lang, i=i),
            "answered": item.id in answers,
            "current": i == position,
            # Said in words, never by colour alone: "Lukket", "Lukker kl. 14.05".
            "state": (
                gate_text(ws, item.id, lang, now=moment)
                if not ws.answerable(item.id, moment) or ws.gate(item.id).closes_at
                else None
            ),
        }
        for i, item in enumerate(items)
    ]
    # Confirmed only for a stored answer: a made-up ?saved= confirms nothing.
    just_saved = next((item for item in items if item.id == saved and saved in answers), None)
    context: dict[str, object] = {
        **_frame(
            lang,
            root + _switch(ws.code, lang, i=position),
            title=(
                t("phone.page_title.question", lang, technology=shown.label(lang), title=ws.title)
                if shown is not None
                else t("phone.page_title.done", lang, title=ws.title)
            ),
        ),
        "title": ws.title,
        "about": about_text(ws, lang),
        "count": count,
        "answered": len(answers),
        "progress_text": t("participant.progress", lang, answered=len(answers), count=count),
        "status": (
            t("participant.saved", lang, technology=just_saved.label(lang)) if just_saved else None
        ),
        "problem": problem,
        "list_heading": t("phone.list", lang),
        "answered_text": t("phone.answered", lang),
        "items": listed,
        **_votes_link(ws, lang, root),
        **_privacy(lang),
    }
    if picked.screen is paced.Screen.WAITING:
        return _waiting_screen(ws, lang, context, auto=auto, root=root)
    if shown is None or position is None:
        return _TEMPLATES.get_template("done.html.j2").render(
            **context,
            heading=t("phone.done.heading", lang),
            done=t("participant.done", lang, count=count),
        )
    if picked.screen is paced.Screen.CLOSED:
        return _closed_screen(ws, answers, position, lang, context, draft=draft, root=root)
    filled = draft or Draft.of(answers.get(shown.id))
    return _TEMPLATES.get_template("question.html.j2").render(
        **context,
        action=root + _action(ANSWER, lang),
        code=ws.code,
        technology=shown.id,
        name=shown.label(lang),
        closes_text=(
            gate_text(ws, shown.id, lang, now=moment) if ws.gate(shown.id).closes_at else None
        ),
        position_text=t("participant.position", lang, position=position + 1, count=count),
        answered_before=t("participant.answered_before", lang) if shown.id in answers else None,
        ring_question=t("participant.ring", lang),
        ring_help=t("participant.ring.help", lang),
        rings=[
            {
                "id": ring.id,
                "name": ring.label(lang),
                "line": _ring_line(ring.id, lang),
                "checked": ring.id == filled.ring,
            }
            for ring in ws.rings
        ],
        more=t("phone.more", lang),
        more_open=bool(filled.phase or any(filled.texts.values())),
        phase_question=t("participant.phase", lang),
        phases=[
            {
                "id": "",
                "name": t("participant.phase.none", lang),
                "help": "",
                "checked": not filled.phase,
            },
            *(
                {
                    "id": p.id,
                    "name": p.label(lang),
                    "help": p.help(lang),
                    "checked": p.id == filled.phase,
                }
                for p in PHASES
            ),
        ],
        questions=[
            {
                "id": q.id,
                "label": t(
                    "participant.question", lang, theme=q.label(lang), question=q.text(lang)
                ),
                "value": filled.texts.get(q.id, ""),
            }
            for q in QUESTIONS
        ],
        limit=COMMENT_LIMIT,
        # Said before they write: what they type waits for the facilitator.
        moderation_note=t("phone.moderated", lang) if ws.moderated else None,
        **_rating_fields(filled, lang),
        save=t("phone.save_next", lang) if position < count - 1 else t("phone.save_last", lang),
        previous=t("participant.previous", lang),
        previous_href=root + page_url(ws.code, lang, i=position - 1) if position > 0 else None,
        skip=t("phone.skip", lang),
        skip_href=(
            root + page_url(ws.code, lang, i=position + 1) if position < count - 1 else None
        ),
    )


def _votes_link(ws: Workshop, lang: Lang, root: str) -> dict[str, str | None]:
    """The link to the prioritising screen, while its round is open."""
    href = root + page_url(ws.code, lang, **{POINTS_VIEW: "1"})
    return {
        "votes_href": href if ws.voting_open else None,
        "votes_text": t("phone.votes.link", lang, budget=limits.VOTE_POINTS),
    }


def _rating_fields(filled: Draft, lang: Lang) -> dict[str, object]:
    """The consequence rating's part of the question form, filled as ``filled`` has it."""
    return {
        "rating_heading": t("phone.rating.heading", lang),
        "rating_scale": t("phone.rating.scale", lang),
        "rating_open": any(filled.ratings.values()),
        "dimensions": [
            {
                "id": dimension.id,
                "field": RATING_PREFIX + dimension.id,
                "legend": dimension.question(lang),
                "choices": [
                    {
                        "value": "",
                        "label": t("phone.rating.none", lang),
                        "checked": not filled.ratings.get(dimension.id),
                    },
                    *(
                        {
                            "value": str(score),
                            "label": f"{score} · {score_label(score, lang)}",
                            "checked": filled.ratings.get(dimension.id) == str(score),
                        }
                        for score in RATING_SCORES
                    ),
                ],
            }
            for dimension in RATINGS
        ],
    }


def votes_page(
    ws: Workshop,
    votes: Mapping[str, int],
    lang: Lang,
    *,
    draft: Mapping[str, str] | None = None,
    saved: bool = False,
    problem: str | None = None,
    up: bool = False,
) -> str:
    """The prioritising screen: a number of points, 0 to the budget, for every technology.

    Parameters
    ----------
    ws, votes
        The workshop and the participant's stored points by technology id.
    draft
        The points as sent (technology id to the field's value) when they
        could not be saved: shown again as sent. Else the stored points.
    saved
        The points were just saved: say so (only when some are stored).
    problem
        Why the last points were not saved.
    up
        Served by the posting route (the points refused): every link one folder up.
    """
    root = UP if up else ""
    budget = limits.VOTE_POINTS
    given = sum(votes.values())

    def chosen(technology: str) -> str:
        if draft is not None:
            return draft.get(technology, "0") or "0"
        return str(votes.get(technology, 0))

    return _TEMPLATES.get_template("votes.html.j2").render(
        **_frame(
            lang,
            root + _switch(ws.code, lang, **{POINTS_VIEW: "1"}),
            title=t(
                "phone.page_title.question",
                lang,
                technology=t("phone.votes.heading", lang, budget=limits.VOTE_POINTS),
                title=ws.title,
            ),
        ),
        title=ws.title,
        about=about_text(ws, lang),
        status=t("phone.votes.saved", lang) if saved and votes else None,
        problem=problem,
        heading=t("phone.votes.heading", lang, budget=budget),
        intro=t("phone.votes.intro", lang, budget=budget),
        budget_text=t(
            "phone.votes.budget", lang, given=given, budget=budget, left=max(budget - given, 0)
        ),
        legend=t("phone.votes.legend", lang),
        action=root + _action(POINTS, lang),
        code=ws.code,
        items=[
            {
                "field": POINTS_PREFIX + item.id,
                "name": item.label(lang),
                "options": [
                    {"value": str(n), "selected": chosen(item.id) == str(n)}
                    for n in range(budget + 1)
                ],
            }
            for item in ws.technologies
        ],
        save=t("phone.votes.save", lang),
        back=t("phone.votes.back", lang),
        back_href=root + page_url(ws.code, lang),
        **_privacy(lang),
    )


def _waiting_screen(
    ws: Workshop, lang: Lang, context: dict[str, object], *, auto: bool, root: str = ""
) -> str:
    """Nothing to answer now: wait for the facilitator; the page moves on by itself.

    Its one script (:data:`WAIT_SCRIPT`) asks the page's address every few
    seconds and goes there once it is no longer a waiting page; a link turns
    that off (``auto=0``) and back on; *Opdatér* does it by hand, also without
    script. It goes to the plain page, so a "saved" line is not read out again.
    """
    seconds = limits.WAITING_REFRESH_SECONDS
    plain_url = root + page_url(ws.code, lang)
    current = ws.current_technology
    return _TEMPLATES.get_template("waiting.html.j2").render(
        **context,
        heading=t("phone.waiting.heading", lang),
        wait_seconds=seconds if auto else None,
        wait_url=plain_url,
        wait_script=Markup(WAIT_SCRIPT),  # static, this module's own
        auto_text=(t("phone.waiting.auto", lang) if auto else t("phone.waiting.stopped", lang)),
        refresh_text=t("phone.waiting.refresh", lang),
        refresh_href=plain_url if auto else root + page_url(ws.code, lang, auto=0),
        switch_auto_text=t("phone.waiting.stop", lang) if auto else t("phone.waiting.start", lang),
        switch_auto_href=root + page_url(ws.code, lang, auto=0) if auto else plain_url,
        current_text=t("phone.go_current", lang) if current is not None else None,
        current_href=(
            root + page_url(ws.code, lang, i=ws.technology_ids.index(current.id))
            if current is not None
            else None
        ),
    )


def _closed_screen(
    ws: Workshop,
    answers: Mapping[str, Answer],
    position: int,
    lang: Lang,
    context: dict[str, object],
    *,
    draft: Draft | None,
    root: str = "",
) -> str:
    """A technology that takes no answers now: closed, with the participant's answer if any.

    A draft the closing refused is shown read-only, so nothing typed is lost.
    """
    items = ws.technologies
    shown = items[position]
    stored = answers.get(shown.id)
    kept = draft
    current = ws.current_technology
    go_current = current is not None and current.id != shown.id
    return _TEMPLATES.get_template("closed.html.j2").render(
        **context,
        name=shown.label(lang),
        position_text=t("participant.position", lang, position=position + 1, count=len(items)),
        closed_text=t("workshop.error.question_closed", lang, technology=shown.label(lang)),
        show_closed_text=not context.get("problem"),
        answer_text=(
            t("phone.closed.answer", lang, ring=ws.ring(stored.ring).label(lang))
            if stored is not None and stored.ring in ws.ring_ids
            else t("phone.closed.none", lang)
        ),
        draft_heading=t("phone.closed.draft", lang) if kept and any(kept.texts.values()) else None,
        draft_texts=[
            {
                "id": q.id,
                "label": t(
                    "participant.question", lang, theme=q.label(lang), question=q.text(lang)
                ),
                "value": kept.texts.get(q.id, ""),
            }
            for q in QUESTIONS
            if kept is not None and kept.texts.get(q.id)
        ],
        current_text=t("phone.go_current", lang) if go_current else None,
        current_href=(
            root + page_url(ws.code, lang, i=ws.technology_ids.index(current.id))
            if go_current and current is not None
            else None
        ),
        previous=t("participant.previous", lang),
        previous_href=root + page_url(ws.code, lang, i=position - 1) if position > 0 else None,
        skip=t("pacing.next", lang),
        skip_href=root + page_url(ws.code, lang, i=position + 1)
        if position < len(items) - 1
        else None,
    )
