"""A workshop's results as files: CSV for Danish Excel, and an Excel workbook.

Headers and labels are in the language asked for; no participant's name is in them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import datetime
from typing import Literal

import pandas as pd

from radar.i18n import t
from radar.model import DEFAULT_LANG, Lang
from radar.workshop.model import PHASES, Question, Workshop, WorkshopResults

__all__ = ["comments_frame", "export_csv", "export_frame", "export_xlsx"]


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
    """The text answers: technology id, technology name, question, text; no names."""
    names = {x.id: x.label(lang) for x in results.workshop.technologies}
    columns = [
        t("workshop.export.technology_id", lang),
        t("workshop.export.technology", lang),
        t("workshop.export.question", lang),
        t("workshop.export.comment", lang),
    ]
    rows = [
        [c.technology, names[c.technology], Question(c.question).label(lang), c.text]
        for c in results.comments
    ]
    return pd.DataFrame(rows, columns=columns)


def _about_frame(results: WorkshopResults, lang: Lang) -> pd.DataFrame:
    workshop = results.workshop

    def when(moment: datetime | None) -> str:
        return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else ""

    pairs: Iterable[tuple[str, object]] = (
        ("workshop.export.title", workshop.title),
        ("workshop.export.area", workshop.area_label(lang)),
        ("workshop.export.edition", workshop.edition),
        ("workshop.export.code", workshop.display_code),
        ("workshop.export.created", when(workshop.created_at)),
        ("workshop.export.closes", when(workshop.closes_at)),
        ("workshop.export.closed", when(workshop.closed_at)),
        ("workshop.export.participants", results.participants),
        ("workshop.export.respondents", results.respondents),
    )
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
    return frame.to_csv(index=False, sep=sep, lineterminator="\r\n").encode("utf-8-sig")


def export_xlsx(results: WorkshopResults, lang: Lang = DEFAULT_LANG) -> bytes:
    """The results as an Excel workbook.

    Sheets: the summary per technology, the comments, and the workshop
    itself (title, area, edition, times, participants), named in ``lang``.
    """
    buffer = io.BytesIO()
    sheets = (
        ("workshop.export.sheet.summary", export_frame(results, lang)),
        ("workshop.export.sheet.comments", comments_frame(results, lang)),
        ("workshop.export.sheet.workshop", _about_frame(results, lang)),
    )
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for key, frame in sheets:
            frame.to_excel(writer, sheet_name=t(key, lang), index=False)
    return buffer.getvalue()
