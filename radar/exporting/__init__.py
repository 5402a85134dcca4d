"""Exports of one radar: our own format, Thoughtworks' BYOR CSV, pictures, a handout, a web page.

Every format is made by :func:`export_radar` from the database, for one
published edition and one area (or the combined radar), and returned as bytes:

- ``csv``, ``xlsx``, ``json``: our own format (:data:`radar.formats.OWN_COLUMNS`),
  one row per technology and welfare area, which the importer reads back
  unchanged;
- ``byor-csv``: Thoughtworks' "Build Your Own Radar" CSV of one area's radar;
- ``png``, ``svg``: the radar as a picture for slides and print, drawn by
  kaleido through the system Chromium;
- ``pdf``: an A4 handout for council and committee meetings (radar, numbered
  legend, ring explanations, technologies per category), written as an HTML
  page without scripts and printed by the system Chromium in headless mode;
- ``html``: the interactive radar as one offline file (plotly.js embedded).

Text from the database is untrusted: it is escaped wherever it goes into
HTML (autoescaped templates) or into Plotly's label markup, and stored as text
(never a formula) in Excel and in the CSV files (:mod:`radar.spreadsheet`).

Pure data and files, no Streamlit: the export page, the command line
(``python -m radar export``, :mod:`radar.cli.export_command`) and the tests all use it.

Modules
-------
content
    Formats, :class:`ExportTarget`, :func:`resolve_target`, :class:`RadarContent`,
    the errors, and :func:`load_radar`, the one place a radar is read.
tables
    Our own format (:func:`own_rows`, CSV/Excel/JSON) and :func:`byor_csv`.
pictures
    :func:`export_figure`, :func:`render_picture` through one kaleido per process,
    :func:`warm_up`, :func:`find_chromium`, :func:`require_chromium`.
handout
    The A4 PDF: :func:`handout_html`, :func:`print_pdf` and :func:`print_handout`,
    which prints it tighter when its last page would be nearly empty.
interactive
    The offline web page: :func:`interactive_html`.
page
    The page the handout and the web page share (templates in ``templates/``).
formatting
    :func:`format_date` and :func:`format_number`, through Babel.
export
    :func:`export_radar`, one export from start to finish.

Public API
----------
export_radar, render_export, export_file_name, resolve_target, load_radar
    Making a file and naming it.
ExportTarget, RadarContent, Progress
    What an export covers.
ExportError, UnknownAreaError, UnknownEditionError, NothingToExportError,
ChromiumMissingError, RenderError
    Why an export cannot be made.
OWN_FORMATS, CHROMIUM_FORMATS, SLOW_FORMATS, EXPORT_MEDIA_TYPES, EXPORT_SUFFIXES,
ALL_AREAS_NAME, CHROMIUM_HINT, BYOR_RINGS, BYOR_STATUS
    The formats and their names.
own_rows, encode_own, byor_csv
    Tables.
export_figure, render_picture, warm_up, close_painter, find_chromium, require_chromium,
CHROMIUM_SLOTS, START_TIMEOUT, RENDER_TIMEOUT, CLOSE_TIMEOUT
    Pictures.
handout_html, print_pdf, print_handout, PRINT_TIMEOUT, interactive_html
    The handout and the web page.
format_date, format_number
    Dates and numbers as each language writes them.
"""

from radar.exporting.content import (
    ALL_AREAS_NAME,
    CHROMIUM_FORMATS,
    CHROMIUM_HINT,
    EXPORT_MEDIA_TYPES,
    EXPORT_SUFFIXES,
    OWN_FORMATS,
    SLOW_FORMATS,
    ChromiumMissingError,
    ExportError,
    ExportTarget,
    NothingToExportError,
    Progress,
    RadarContent,
    RenderError,
    UnknownAreaError,
    UnknownEditionError,
    export_file_name,
    load_radar,
    resolve_target,
)
from radar.exporting.export import export_radar, render_export
from radar.exporting.handout import PRINT_TIMEOUT, handout_html, print_handout, print_pdf
from radar.exporting.interactive import interactive_html
from radar.exporting.pictures import (
    CHROMIUM_SLOTS,
    CLOSE_TIMEOUT,
    RENDER_TIMEOUT,
    START_TIMEOUT,
    close_painter,
    export_figure,
    find_chromium,
    render_picture,
    require_chromium,
    warm_up,
)

# The process's one drawing browser: the benchmark closes and starts it to time a cold start.
from radar.exporting.pictures import _painter as _painter
from radar.exporting.tables import BYOR_RINGS, BYOR_STATUS, byor_csv, encode_own, own_rows
from radar.i18n import format_date, format_number

__all__ = [
    "ALL_AREAS_NAME",
    "BYOR_RINGS",
    "BYOR_STATUS",
    "CHROMIUM_FORMATS",
    "CHROMIUM_HINT",
    "CHROMIUM_SLOTS",
    "CLOSE_TIMEOUT",
    "EXPORT_MEDIA_TYPES",
    "EXPORT_SUFFIXES",
    "OWN_FORMATS",
    "PRINT_TIMEOUT",
    "RENDER_TIMEOUT",
    "SLOW_FORMATS",
    "START_TIMEOUT",
    "ChromiumMissingError",
    "ExportError",
    "ExportTarget",
    "NothingToExportError",
    "Progress",
    "RadarContent",
    "RenderError",
    "UnknownAreaError",
    "UnknownEditionError",
    "byor_csv",
    "close_painter",
    "encode_own",
    "export_figure",
    "export_file_name",
    "export_radar",
    "find_chromium",
    "format_date",
    "format_number",
    "handout_html",
    "interactive_html",
    "load_radar",
    "own_rows",
    "print_handout",
    "print_pdf",
    "render_export",
    "render_picture",
    "require_chromium",
    "resolve_target",
    "warm_up",
]
