"""A workshop's session report as an A4 page: what was asked, who answered, what the group found.

The same tables as the Excel workbook (:mod:`radar.workshop.exports`): the
workshop itself, the group's ring and agreement per technology, the answers
per ring and per phase, the prioritising round's ranking and the consequence
ratings, and the comments the room may see (a moderated workshop's approved
ones), without names (there are none).
Rendered from an autoescaped template (every title, name and comment is
untrusted text) and printed to PDF by the system Chromium, offline, as the
radar's handout is (:func:`radar.exporting.print_pdf`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

import jinja2
import pandas as pd

from radar import theme
from radar.i18n import format_datetime, t
from radar.model import DEFAULT_LANG, Lang
from radar.workshop import limits
from radar.workshop.exports import about_frame, comments_frame, export_frame
from radar.workshop.model import PHASES, WorkshopResults
from radar.workshop.moderation import pending_count
from radar.workshop.priorities import Priorities, consequences_frame, ranking_frame

__all__ = ["report_html", "report_pdf"]

_TEMPLATES: Final = jinja2.Environment(
    loader=jinja2.PackageLoader("radar.workshop", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
#: The summary's first columns: id, name, category, official ring, group ring,
#: answers, agreement, verdict; then one per ring and one per phase.
_MAIN_COLUMNS: Final = 8


def _table(frame: pd.DataFrame) -> dict[str, object]:
    rows = [
        ["" if pd.isna(value) else str(value) for value in row]
        for row in frame.astype(object).itertuples(index=False, name=None)
    ]
    return {"header": [str(c) for c in frame.columns], "rows": rows}


def _priorities(result: Priorities, lang: Lang) -> dict[str, object]:
    """The prioritising and consequence sections' headings, lines and tables."""
    return {
        "heading": t("workshop.report.priorities", lang),
        "summary": t(
            "workshop.report.priorities.summary",
            lang,
            points=result.points,
            voters=result.voters,
            budget=limits.VOTE_POINTS,
        ),
        "ranking": _table(ranking_frame(result, lang)) if result.voters else None,
        "no_votes": t("workshop.report.no_votes", lang),
        "consequences_heading": t("workshop.report.consequences", lang),
        "scale": t("workshop.report.consequences.scale", lang, raters=result.raters),
        "consequences": _table(consequences_frame(result, lang)) if result.raters else None,
        "no_ratings": t("workshop.report.no_ratings", lang),
    }


def report_html(
    results: WorkshopResults,
    lang: Lang = DEFAULT_LANG,
    *,
    printed: datetime | None = None,
    priorities: Priorities | None = None,
) -> str:
    """The report as one self-contained HTML page for A4 on its side.

    Parameters
    ----------
    results
        From :func:`radar.workshop.results`.
    lang
        The report's language.
    printed
        When it was made (default: now), written in its foot.
    priorities
        The points ranked and the consequence ratings
        (:func:`radar.workshop.priorities`); without them the report leaves
        both sections out.
    """
    made = printed or datetime.now(UTC)
    summary = export_frame(results, lang)
    rings = len(results.workshop.rings)
    main = summary.iloc[:, 1:_MAIN_COLUMNS]
    by_ring = summary.iloc[:, [1, *range(_MAIN_COLUMNS, _MAIN_COLUMNS + rings)]]
    by_phase = summary.iloc[
        :, [1, *range(_MAIN_COLUMNS + rings, _MAIN_COLUMNS + rings + len(PHASES))]
    ]
    comments = comments_frame(results, lang).iloc[:, 1:]
    # Moderated: only the approved ones are in it, and the reader is told how many were not yet.
    comments_note = (
        t("workshop.report.moderated", lang, pending=pending_count(results))
        if results.workshop.moderated
        else None
    )
    return _TEMPLATES.get_template("report.html.j2").render(
        lang=lang,
        heading=t("workshop.report.heading", lang),
        title=results.workshop.title,
        about=_table(about_frame(results, lang)),
        summary_heading=t("workshop.report.summary", lang),
        summary=_table(main),
        rings_heading=t("workshop.report.rings", lang),
        by_ring=_table(by_ring),
        phases_heading=t("workshop.report.phases", lang),
        by_phase=_table(by_phase),
        priorities=_priorities(priorities, lang) if priorities is not None else None,
        comments_heading=t("workshop.report.comments", lang),
        comments=_table(comments),
        comments_note=comments_note,
        no_comments=t(
            "workshop.report.no_shown_comments"
            if results.comments
            else "workshop.report.no_comments",
            lang,
        ),
        anonymous=t("workshop.report.anonymous", lang),
        printed=t(
            "workshop.report.printed",
            lang,
            when=format_datetime(made, lang),
        ),
        text=theme.TEXT,
        muted=theme.CAPTION_TEXT,
        line=theme.LEGEND_BORDER,
        band=theme.TIMELINE_BAND_FILL,
        margin=theme.PRINT_PAGE_MARGIN_MM,
    )


def report_pdf(
    results: WorkshopResults,
    chromium: str,
    lang: Lang = DEFAULT_LANG,
    *,
    printed: datetime | None = None,
    priorities: Priorities | None = None,
) -> bytes:
    """The report printed to PDF by ``chromium`` (offline, a fresh profile).

    Raises
    ------
    radar.exporting.RenderError
        Chromium failed, timed out or wrote no PDF.
    """
    from radar.exporting import print_pdf

    return print_pdf(report_html(results, lang, printed=printed, priorities=priorities), chromium)
