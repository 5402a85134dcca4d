"""The A4 handout for council and committee meetings, printed to PDF by the system Chromium.

The handout is an HTML page without scripts (radar, numbered legend, ring
explanations, technologies per category) from ``templates/handout.html.j2``,
printed by Chromium in headless mode with no network.
"""

from __future__ import annotations

import base64
import logging
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import Final

from radar.exporting.content import RadarContent, RenderError
from radar.exporting.page import render_page
from radar.model import Lang

logger = logging.getLogger(__name__)

#: Seconds Chromium may take to print the handout: generous for a busy server,
#: short of a hung request.
PRINT_TIMEOUT: Final[float] = 90.0
#: Nothing runs and nothing is fetched: the page prints the same offline.
HANDOUT_POLICY: Final[str] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def handout_html(radar: RadarContent, lang: Lang, picture: bytes, printed: date) -> str:
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
        picture=base64.b64encode(picture).decode("ascii"),
    )


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
