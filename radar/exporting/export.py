"""One export from start to finish: check the target, read the radar, make the file."""

from __future__ import annotations

from datetime import date

from radar import store
from radar.exporting.content import (
    CHROMIUM_FORMATS,
    OWN_FORMATS,
    Progress,
    load_radar,
    resolve_target,
)
from radar.exporting.handout import print_handout
from radar.exporting.interactive import interactive_html
from radar.exporting.pictures import (
    CHROMIUM_SLOTS,
    export_figure,
    render_picture,
    require_chromium,
)
from radar.exporting.tables import byor_csv, encode_own, own_rows
from radar.i18n import t
from radar.model import Lang
from radar.pipeline.radar_data import RadarData
from radar.store import Connection


def export_radar(
    con: Connection,
    fmt: str,
    *,
    area: str | None = None,
    edition: int | None = None,
    lang: Lang = "da",
    progress: Progress | None = None,
    printed: date | None = None,
) -> bytes:
    """Export one radar from the database: :func:`render_export` on what it reads, once."""
    return render_export(
        store.load_radar_data(con),
        fmt,
        area=area,
        edition=edition,
        lang=lang,
        progress=progress,
        printed=printed,
    )


def render_export(
    published: RadarData,
    fmt: str,
    *,
    area: str | None = None,
    edition: int | None = None,
    lang: Lang = "da",
    progress: Progress | None = None,
    printed: date | None = None,
) -> bytes:
    """Export one radar (or, for our own format, one edition's areas) as a file.

    Parameters
    ----------
    published
        The published radar (:func:`radar.store.load_radar_data`): drafts are
        never exported.
    fmt
        One of :data:`radar.formats.EXPORT_FORMATS`.
    area
        See :func:`resolve_target`: default the combined radar, or every
        welfare area for our own format.
    edition
        A published edition; default the newest with assessments.
    lang
        Language of names, labels and texts. Our own format carries both
        languages whatever ``lang`` is.
    progress
        Called as ``progress(fraction, message)`` (message in ``lang``) as the
        export goes; the slow formats (:data:`SLOW_FORMATS`) report each step.
    printed
        The date of printing shown on the handout and the web page (default today).

    Returns
    -------
    The file's bytes: UTF-8 text for csv, json, byor-csv, svg and html.

    Raises
    ------
    ExportError
        Unknown format, area or edition (:func:`resolve_target`), no Chromium
        for png, svg or pdf (:class:`ChromiumMissingError`), or Chromium failed
        (:class:`RenderError`).
    """

    def report(fraction: float, key: str) -> None:
        if progress is not None:
            progress(fraction, t(key, lang))

    report(0.0, "export.progress.reading")
    target = resolve_target(published, fmt, area, edition)
    chromium = require_chromium() if fmt in CHROMIUM_FORMATS else ""
    if fmt in OWN_FORMATS:
        rows = own_rows(published, target.edition, target.area)
        report(0.5, "export.progress.writing")
        data = encode_own(fmt, rows, target.edition)
        report(1.0, "export.progress.done")
        return data
    radar = load_radar(published, target)
    if fmt == "byor-csv":
        data = byor_csv(radar, lang)
    elif fmt in ("png", "svg"):
        report(0.2, "export.progress.drawing")
        with CHROMIUM_SLOTS:
            data = render_picture(export_figure(radar, lang, title=True, names=True), fmt, chromium)
    elif fmt == "pdf":
        report(0.15, "export.progress.drawing")
        with CHROMIUM_SLOTS:
            svg = render_picture(export_figure(radar, lang, title=False), "svg", chromium)
            report(0.45, "export.progress.printing")
            data = print_handout(radar, lang, svg, printed or date.today(), chromium)
    else:
        report(0.3, "export.progress.drawing")
        data = interactive_html(radar, lang, printed or date.today()).encode("utf-8")
    report(1.0, "export.progress.done")
    return data
