"""Join codes, join links and their QR codes.

A code is what participants type or scan; it must survive being read aloud or
off a projector, so it avoids characters that look alike.
"""

from __future__ import annotations

import io
import os
import re
import secrets

import segno

__all__ = [
    "BASE_URL_ENV_VAR",
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "DEFAULT_BASE_URL",
    "JOIN_PAGE",
    "format_code",
    "is_well_formed",
    "join_link",
    "new_code",
    "normalize_code",
    "qr_png",
    "qr_svg",
    "resolve_base_url",
]

#: Join codes: no 0/O, 1/I/L, so a code read aloud or off a projector is typed right.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#: 31**10 is about 8e14 codes: not guessable by trying, short enough to type.
CODE_LENGTH = 10
#: The participant page's url_path; :func:`join_link` points there.
JOIN_PAGE = "deltag"
#: Environment variable: where participants reach the dashboard, for join links.
BASE_URL_ENV_VAR = "RADAR_BASE_URL"
DEFAULT_BASE_URL = "http://localhost:8501"


def new_code() -> str:
    """A fresh random code (the caller retries when it is taken already)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(code: object) -> str:
    """A typed code as stored: upper case, without spaces and dashes ("abcde-fghjk" ->
    "ABCDEFGHJK"). Anything that is not text gives ""."""
    if not isinstance(code, str):
        return ""
    return re.sub(r"[\s\-‐‑‒–—]+", "", code).upper()


def is_well_formed(code: str) -> bool:
    """Whether a normalised code could be a code at all (length and alphabet)."""
    return len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)


def format_code(code: str) -> str:
    """A code in two groups for reading aloud: ``ABCDE-FGHJK``."""
    # Two groups of five are read and typed without losing one's place.
    middle = (len(code) + 1) // 2
    return f"{code[:middle]}-{code[middle:]}" if len(code) >= 8 else code


def resolve_base_url(base_url: str | None = None) -> str:
    """Where participants reach the dashboard: ``base_url`` if given, else
    ``$RADAR_BASE_URL``, else ``http://localhost:8501``."""
    return base_url or os.environ.get(BASE_URL_ENV_VAR) or DEFAULT_BASE_URL


def join_link(base_url: str, code: str) -> str:
    """The participant's link: ``{base_url}/deltag?code={code}``.

    Parameters
    ----------
    base_url
        Where the dashboard is reached, e.g. ``https://radar.kommune.dk``.
    code
        The workshop's code.
    """
    return f"{base_url.rstrip('/')}/{JOIN_PAGE}?code={normalize_code(code)}"


def _qr(link: str) -> segno.QRCode:
    # Error level M: a projected or printed code survives a little glare.
    return segno.make_qr(link, error="m")


def qr_svg(link: str, *, scale: int = 4) -> str:
    """The QR code of ``link`` as SVG markup (no XML declaration, for embedding).

    Drawn locally with segno; no web service sees the link.
    """
    buffer = io.BytesIO()
    _qr(link).save(buffer, kind="svg", scale=scale, border=4, xmldecl=False)
    return buffer.getvalue().decode("utf-8")


def qr_png(link: str, scale: int = 8) -> bytes:
    """The QR code of ``link`` as a PNG image, ``scale`` pixels per module."""
    buffer = io.BytesIO()
    _qr(link).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
