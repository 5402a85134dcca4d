"""The A4 handout for council and committee meetings, printed to PDF by the system Chromium.

The handout is an HTML page without scripts (radar, numbered legend, ring
explanations, technologies per category) from ``templates/handout.html.j2``,
printed by Chromium in headless mode with no network.
"""

from __future__ import annotations

import base64
import io
import logging
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import Final

from radar import theme
from radar.exporting.content import RadarContent, RenderError
from radar.exporting.page import PAGE_FITS, PageFit, render_page
from radar.model import Lang

logger = logging.getLogger(__name__)

#: Seconds Chromium may take to print the handout: generous for a busy server,
#: short of a hung request.
PRINT_TIMEOUT: Final[float] = 90.0
#: Nothing runs and nothing is fetched: the page prints the same offline.
HANDOUT_POLICY: Final[str] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def handout_html(
    radar: RadarContent,
    lang: Lang,
    picture: bytes,
    printed: date,
    fit: PageFit = PAGE_FITS[0],
) -> str:
    """The A4 handout as one HTML page without scripts, ready to print.

    Parameters
    ----------
    radar
        The radar.
    lang
        Language of every text.
    picture
        The radar as SVG; shown as an ``<img>``, which never runs what an SVG
        may hold (the title beside it names the radar).
    printed
        The date of printing.
    fit
        How tightly it is set (:data:`radar.exporting.page.PAGE_FITS`).

    Returns
    -------
    A page whose every database text is escaped and whose content security
    policy forbids scripts and any fetching, so it prints the same offline.
    """
    return render_page(
        "handout.html.j2",
        radar,
        lang,
        printed,
        made="export.handout.printed",
        policy=HANDOUT_POLICY,
        fit=fit,
        picture=base64.b64encode(picture).decode("ascii"),
    )


def nearly_empty_last_page(pdf: bytes) -> bool:
    """Whether the PDF's last page holds only a few lines (of more than one page).

    "A few": less text than :data:`radar.theme.HANDOUT_LAST_PAGE_SHARE` of the
    fullest page's; the page numbers and the notice at every page's foot count
    on each page alike, so they hardly tip the balance.
    """
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(pdf)).pages
    if len(pages) < 2:
        return False
    sizes = [len("".join((page.extract_text() or "").split())) for page in pages]
    return sizes[-1] < theme.HANDOUT_LAST_PAGE_SHARE * max(sizes)


def print_handout(
    radar: RadarContent,
    lang: Lang,
    picture: bytes,
    printed: date,
    chromium: str,
    *,
    timeout: float = PRINT_TIMEOUT,
) -> bytes:
    """The handout as PDF, set no tighter than it must be to end on a page worth printing.

    It is printed as designed; if its last page would hold only a few lines
    (:func:`nearly_empty_last_page`), it is printed again a little tighter
    (:data:`radar.exporting.page.PAGE_FITS`), and the first fit that avoids such
    a page is kept, or the one with the fewest pages.
    """
    best: bytes | None = None
    best_pages = 0
    for fit in PAGE_FITS:
        pdf = print_pdf(handout_html(radar, lang, picture, printed, fit), chromium, timeout=timeout)
        if not nearly_empty_last_page(pdf):
            return pdf
        pages = _page_count(pdf)
        if best is None or pages < best_pages:
            best, best_pages = pdf, pages
    assert best is not None
    return best


def _page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def print_pdf(page: str, chromium: str, *, timeout: float = PRINT_TIMEOUT) -> bytes:
    """Print an HTML page to PDF with the system Chromium in headless mode.

    The page's own ``@page`` rule sets the paper (A4). Chromium gets a fresh
    profile and no network, so the result depends on the page alone.

    Raises
    ------
    RenderError
        Chromium failed, timed out or wrote no PDF.
    """
    with tempfile.TemporaryDirectory(prefix="radar-print-") as folder:
        source = Path(folder) / "handout.html"
        target = Path(folder) / "handout.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            # Offline: no name resolves, so nothing can be fetched.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={Path(folder) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise RenderError(f"Chromium did not print the handout within {timeout:.0f} s") from exc
        except OSError as exc:
            raise RenderError(f"cannot run Chromium ({chromium}): {exc}") from exc
        if done.returncode != 0 or not target.is_file():
            logger.error("chromium --print-to-pdf failed (%s): %s", done.returncode, done.stderr)
            raise RenderError(f"Chromium could not print the handout (exit {done.returncode})")
        data = target.read_bytes()
    if not data.startswith(b"%PDF"):
        raise RenderError("Chromium wrote something that is not a PDF")
    return data
