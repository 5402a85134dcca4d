"""A workshop's results as files: CSV for Danish Excel, and an Excel workbook.

Headers and labels are in the language asked for; no participant's name is in them.
A participant's text that Excel would run as a formula stays text in both
(:mod:`radar.spreadsheet`).
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Literal

import pandas as pd

from radar.i18n import LOCAL_ZONE, format_datetime, t
from radar.model import DEFAULT_LANG, Lang
from radar.spreadsheet import encode_csv, write_xlsx_row
from radar.workshop.model import PHASES, Question, Workshop, WorkshopResults
from radar.workshop.moderation import pending_count, shown_comments
from radar.workshop.priorities import Priorities, consequences_frame, ranking_frame

__all__ = ["about_frame", "comments_frame", "export_csv", "export_frame", "export_xlsx"]


def _ring_label(workshop: Workshop, ring: str | None, lang: Lang) -> str:
    if ring is None:
        return ""
    try:
        return workshop.ring(ring).label(lang)
    except KeyError:
        return ring


def export_frame(results: WorkshopResults, lang: Lang = DEFAULT_LANG) -> pd.DataFrame:
    """The summary per technology, with headers and labels in ``lang``.

    One row per technology in the workshop's order: id, name, category,
    official ring ("not on the radar" if none), the group's ring, the number
    of answers, the agreement in whole percent, the verdict, the answers per
    ring (inside out) and per phase.
    """
    workshop = results.workshop
    rows = []
    for item in results.technologies:
        tech = item.technology
        official = _ring_label(workshop, tech.official_ring, lang) or t(
            "workshop.not_on_radar", lang
        )
        row: dict[str, object] = {
            t("workshop.export.technology_id", lang): tech.id,
            t("workshop.export.technology", lang): tech.label(lang),
            t("workshop.export.sector", lang): tech.sector,
            t("workshop.export.official_ring", lang): official,
            t("workshop.export.group_ring", lang): _ring_label(workshop, item.modal_ring, lang),
            t("workshop.export.answers", lang): item.answers,
            t("workshop.export.agreement", lang): (
                round(item.agreement * 100) if item.agreement is not None else None
            ),
            t("workshop.export.verdict", lang): t(item.verdict.label_key, lang),
        }
        for ring in workshop.rings:
            row[t("workshop.export.ring_count", lang, ring=ring.label(lang))] = item.ring_counts[
                ring.id
            ]
        for phase in PHASES:
            row[t("workshop.export.phase_count", lang, phase=phase.label(lang))] = (
                item.phase_counts[phase.id]
            )
        rows.append(row)
    frame = pd.DataFrame(rows)
    agreement = t("workshop.export.agreement", lang)
    frame[agreement] = frame[agreement].astype("Int64")
    return frame


def comments_frame(results: WorkshopResults, lang: Lang = DEFAULT_LANG) -> pd.DataFrame:
    """The text answers the room may see: technology id, technology name, question, text.

    No names. A moderated workshop's approved comments; else all but the hidden
    ones (:func:`radar.workshop.shown_comments`): a pending or hidden comment is
    never in a file.
    """
    names = {x.id: x.label(lang) for x in results.workshop.technologies}
    columns = [
        t("workshop.export.technology_id", lang),
        t("workshop.export.technology", lang),
        t("workshop.export.question", lang),
        t("workshop.export.comment", lang),
    ]
    rows = [
        [c.technology, names[c.technology], Question(c.question).label(lang), c.text]
        for c in shown_comments(results)
    ]
    return pd.DataFrame(rows, columns=columns)


def about_frame(results: WorkshopResults, lang: Lang = DEFAULT_LANG) -> pd.DataFrame:
    """The workshop itself: title, area, edition, code, times, participants and respondents.

    And whether its comments were moderated; if so, how many were still pending
    (and so are left out of the comments).
    """
    workshop = results.workshop

    def when(moment: datetime | None) -> str:
        # A reader's time, as everywhere else; a workbook has no viewer's zone, so Danish time.
        return format_datetime(moment, lang, LOCAL_ZONE) if moment else ""

    pairs: tuple[tuple[str, object], ...] = (
        ("workshop.export.title", workshop.title),
        ("workshop.export.area", workshop.area_label(lang)),
        ("workshop.export.edition", workshop.edition),
        ("workshop.export.code", workshop.display_code),
        ("workshop.export.created", when(workshop.created_at)),
        ("workshop.export.closes", when(workshop.closes_at)),
        ("workshop.export.closed", when(workshop.closed_at)),
        ("workshop.export.participants", results.participants),
        ("workshop.export.respondents", results.respondents),
        (
            "workshop.export.moderated",
            t("editing.value.yes" if workshop.moderated else "editing.value.no", lang),
        ),
    )
    if workshop.moderated:
        pairs = (*pairs, ("workshop.export.pending", pending_count(results)))
    return pd.DataFrame(
        [(t(key, lang), str(value)) for key, value in pairs],
        columns=[t("workshop.export.field", lang), t("workshop.export.value", lang)],
    )


def export_csv(
    results: WorkshopResults,
    lang: Lang = DEFAULT_LANG,
    *,
    part: Literal["summary", "comments"] = "summary",
    sep: str = ";",
) -> bytes:
    """One table of the results as CSV: UTF-8 with a byte-order mark.

    The mark makes Excel read æøå right; the default separator ``;`` is the
    one Danish Excel expects. Every number is whole (agreement in percent), so
    no decimal separator can be misread.

    Parameters
    ----------
    results
        From :func:`results`.
    lang
        Language of headers and labels.
    part
        ``summary`` (:func:`export_frame`) or ``comments`` (:func:`comments_frame`).
    sep
        The field separator.
    """
    if part not in ("summary", "comments"):
        raise ValueError(f"part must be 'summary' or 'comments', not {part!r}")
    frame = export_frame(results, lang) if part == "summary" else comments_frame(results, lang)
    # Through the shared writer: a comment such as =HYPERLINK(...) stays text in Excel.
    return encode_csv(*_table(frame), delimiter=sep, bom=True)


def export_xlsx(
    results: WorkshopResults,
    lang: Lang = DEFAULT_LANG,
    *,
    priorities: Priorities | None = None,
) -> bytes:
    """The results as an Excel workbook.

    Sheets: the summary per technology, the comments, and the workshop
    itself (title, area, edition, times, participants), named in ``lang``;
    with ``priorities`` (:func:`radar.workshop.priorities`) also the
    ranking by points and the consequence ratings (mean and n per dimension).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    sheets: list[tuple[str, pd.DataFrame]] = [
        (t("workshop.export.sheet.summary", lang), export_frame(results, lang)),
        (t("workshop.export.sheet.comments", lang), comments_frame(results, lang)),
    ]
    if priorities is not None:
        sheets += [
            (t("workshop.export.sheet.priorities", lang), ranking_frame(priorities, lang)),
            (
                t("workshop.export.sheet.consequences", lang),
                consequences_frame(priorities, lang, numbers=True),
            ),
        ]
    sheets.append((t("workshop.export.sheet.workshop", lang), about_frame(results, lang)))
    book = Workbook()
    book.remove(book.active)
    for title, frame in sheets:
        sheet = book.create_sheet(title)
        header, rows = _table(frame)
        # Written cell by cell, not by pandas: a participant's "=..." would be a live formula.
        for cell in write_xlsx_row(sheet, 1, header):
            cell.font = Font(bold=True)
        for index, row in enumerate(rows, start=2):
            write_xlsx_row(sheet, index, row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table(frame: pd.DataFrame) -> tuple[list[str], list[list[object]]]:
    """A frame's header and rows, with None for a missing value (an empty cell)."""
    rows = [
        [None if pd.isna(value) else value for value in row]
        for row in frame.astype(object).itertuples(index=False, name=None)
    ]
    return [str(c) for c in frame.columns], rows
