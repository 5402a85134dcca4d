"""The phone remote's HTML: the remote itself and a page that only says something.

Autoescaped Jinja2 templates: a workshop's title and its technologies' names
are what a facilitator typed, and go in as text. One static style sheet,
inline and named by its hash in the Content-Security-Policy; no script.
Buttons are large (at least :data:`radar.theme.WORKSHOP_TOUCH_TARGET` pixels
high), for a thumb on a 390 px wide phone held while presenting.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime
from typing import Final
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup

from radar import theme
from radar.i18n import t
from radar.model import Lang
from radar.web.settings import accessibility_url
from radar.workshop import Workshop, limits
from radar.workshop.pacing_texts import gate_text

__all__ = ["CONTENT_SECURITY_POLICY", "PAGE", "message_page", "page_url", "remote_page"]

#: The remote's own path, relative to where it is served (a proxy's prefix holds).
PAGE: Final = "styr"

# Static, from the theme's constants only. Two columns of big buttons: the
# thumb reaches them, and "Forrige" and "Næste" sit side by side as on a clicker.
_CSS: Final = f"""
*{{box-sizing:border-box}}
body{{margin:0;
font:{theme.WORKSHOP_PHONE_TEXT_SIZE}px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:{theme.TEXT};background:{theme.BACKGROUND}}}
.top{{display:flex;justify-content:space-between;align-items:center;padding:.5rem 1rem;
border-bottom:1px solid {theme.LEGEND_BORDER}}}
.brand{{font-weight:600}}
main{{max-width:{theme.WORKSHOP_PHONE_MAX_WIDTH}px;margin:0 auto;padding:1rem}}
h1{{font-size:1.25rem;line-height:1.2;margin:.25rem 0}}
h2{{font-size:1.5rem;line-height:1.2;margin:.25rem 0}}
.small{{color:{theme.CAPTION_TEXT};font-size:.9375rem}}
a{{color:{theme.FOCUS_RING}}}
.top a,.links a,footer a{{display:inline-flex;align-items:center;
min-height:{theme.WORKSHOP_TOUCH_TARGET}px;padding:0 .25rem}}
:focus-visible{{outline:{theme.FOCUS_RING_WIDTH_PX}px solid {theme.FOCUS_RING};
outline-offset:{theme.FOCUS_RING_OFFSET_PX}px}}
.state{{font-weight:600;padding:.5rem .75rem;border-left:4px solid {theme.FOCUS_RING};
background:{theme.LEGEND_HOT_FILL}}}
.problem{{padding:.5rem .75rem;border-left:4px solid {theme.TEXT};
background:{theme.WORKSHOP_PHONE_PROBLEM_FILL}}}
.pad{{display:grid;grid-template-columns:1fr 1fr;gap:.75rem;margin:1rem 0}}
.wide{{grid-column:1 / -1}}
button{{width:100%;min-height:{theme.WORKSHOP_TOUCH_TARGET + 16}px;font:inherit;font-weight:600;
color:{theme.LEGEND_PRESSED_TEXT};background:{theme.FOCUS_RING};border:0;border-radius:.5rem}}
button.quiet{{color:{theme.FOCUS_RING};background:{theme.BACKGROUND};
border:2px solid {theme.FOCUS_RING}}}
button:disabled{{opacity:.45}}
footer{{max-width:{theme.WORKSHOP_PHONE_MAX_WIDTH}px;margin:0 auto;padding:0 1rem 1rem}}
"""
_CSS_HASH: Final = base64.b64encode(hashlib.sha256(_CSS.encode("utf-8")).digest()).decode("ascii")

#: Only this page's own style and forms: no script, no other origin, no frame.
CONTENT_SECURITY_POLICY: Final = (
    f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

_TEMPLATES: Final = jinja2.Environment(
    loader=jinja2.PackageLoader("radar.web.remote", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def page_url(lang: Lang) -> str:
    """The remote's relative URL, ``styr`` (``styr?lang=en`` in English); never with the key."""
    return f"{PAGE}?{urlencode({'lang': lang})}" if lang != "da" else PAGE


def _frame(lang: Lang) -> dict[str, object]:
    other: Lang = "en" if lang == "da" else "da"
    return {
        "lang": lang,
        "other_lang": other,
        "css": Markup(_CSS),  # static, this module's own
        "page_title": t("remote.title", lang),
        "switch_text": t("phone.language", lang),
        "switch_name": t("phone.language.name", lang),
        "switch_href": page_url(other),
        "brand": t("app.title", lang),
        "statement_text": t("access.footer.statement", lang),
        "statement_href": accessibility_url(),
    }


def message_page(
    lang: Lang, message: str, *, retry: bool = False, heading: str | None = None
) -> str:
    """A page that only says something: an unknown or missing key, a closed workshop."""
    return _TEMPLATES.get_template("message.html.j2").render(
        **_frame(lang),
        heading=heading or t("remote.heading", lang),
        message=message,
        retry_text=t("remote.retry", lang) if retry else None,
        retry_href=page_url(lang),
    )


def remote_page(
    ws: Workshop, answers: int | None, lang: Lang, now: datetime, *, problem: str | None = None
) -> str:
    """The remote: where the room is, and the buttons that step it.

    Parameters
    ----------
    ws
        The workshop, open.
    answers
        How many answered the current technology (None at the participants' own pace).
    now
        The moment the states are written for.
    problem
        Why the last button did nothing.
    """
    current = ws.current_technology
    position = ws.technology_ids.index(current.id) + 1 if current is not None else None
    open_now = current is not None and ws.answerable(current.id, now)
    return _TEMPLATES.get_template("remote.html.j2").render(
        **_frame(lang),
        problem=problem,
        title=ws.title,
        about=t("remote.about", lang),
        action=PAGE,
        led=current is not None,
        own_pace=t("pacing.own_pace", lang),
        lead=t("remote.lead", lang),
        position_text=(
            t("remote.position", lang, position=position, count=len(ws.technologies))
            if position is not None
            else None
        ),
        name=current.label(lang) if current is not None else None,
        state=gate_text(ws, current.id, lang, now=now) if current is not None else None,
        answers_text=(t("remote.answers", lang, answers=answers) if answers is not None else None),
        previous=t("pacing.previous", lang),
        first=position == 1,
        next=t("pacing.next", lang),
        last=position == len(ws.technologies),
        toggle=t("remote.close_question", lang) if open_now else t("remote.open_question", lang),
        toggle_action="close" if open_now else "open",
        countdown=t("remote.countdown", lang, minutes=limits.REMOTE_COUNTDOWN_SECONDS // 60),
        results_state=(
            t("remote.results.shown", lang)
            if ws.results_visible
            else t("remote.results.hidden", lang)
        ),
        results_button=(
            t("facilitator.results.hide", lang)
            if ws.results_visible
            else t("facilitator.results.show", lang)
        ),
        results_action="results_hide" if ws.results_visible else "results_show",
        refresh=t("remote.refresh", lang),
        refresh_href=page_url(lang),
    )
