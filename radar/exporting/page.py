"""The page the handout and the web page share, rendered from autoescaped Jinja2 templates.

The templates live in ``radar/exporting/templates``. Every text from the
database is untrusted and is escaped by the template engine; only markup
this program makes itself (Plotly's figure) goes in as :class:`Markup`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

import jinja2
from markupsafe import Markup

from radar import theme
from radar.drawing.figure import sector_colour
from radar.exporting.content import RadarContent
from radar.i18n import format_date, t
from radar.model import LANGUAGES, Lang
from radar.pipeline.history import Movement
from radar.pipeline.view import movement_text
from radar.theme import MOVEMENT_MARKS

#: The short word for each movement the legend shows as it is ("Ny", "Uændret").
MOVEMENT_LABEL_KEYS: Final[dict[str, str]] = {
    Movement.NEW: "movement.label.new",
    Movement.IN: "movement.label.in",
    Movement.OUT: "movement.label.out",
    Movement.SAME: "movement.label.same",
    Movement.DROPPED: "movement.label.dropped",
    Movement.RETURNED: "movement.label.returned",
}


@jinja2.pass_eval_context
def _escape(context: jinja2.nodes.EvalContext, value: Any) -> Any:
    """Escape every value as :func:`html.escape` does, in templates that autoescape.

    Jinja's own escaping writes a quote as ``&#39;``; :func:`html.escape`, used
    everywhere else in the radar and by its tests, writes ``&#x27;``. Both are
    safe; this keeps the files exactly as they were before the templates.
    """
    if not context.autoescape or isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


_TEMPLATES: Final = jinja2.Environment(
    loader=jinja2.PackageLoader("radar.exporting", "templates"),
    # The pages are HTML (escaped); the style sheet takes only the theme's values, which
    # are CSS and must not become HTML entities.
    autoescape=jinja2.select_autoescape(
        enabled_extensions=("html.j2",), disabled_extensions=("css.j2",), default=True
    ),
    finalize=_escape,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class PageFit:
    """How tightly the handout is set: type sizes, the radar's width and the page margin."""

    body_pt: float
    list_pt: float
    radar_mm: int
    margin_mm: int


#: The handout as designed, then tighter, for a last page that would hold only a few lines.
PAGE_FITS: Final[tuple[PageFit, ...]] = tuple(PageFit(*fit) for fit in theme.HANDOUT_FITS)

#: Stand-ins for the page counters while the text is split around them.
_PAGE, _PAGES = "\ue000", "\ue001"


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end the string, the rule or the style sheet.

    Everything but letters, digits and spaces is written as a CSS escape, so a
    quote, a backslash or ``</style>`` stays text.
    """
    escaped = "".join(
        c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):x} " for c in text
    )
    return f'"{escaped}"'


def page_counter(lang: Lang) -> str:
    """CSS ``content`` for "Side 2 af 3": the text's words around Chromium's page counters."""
    text = t("export.handout.page", lang, page=_PAGE, pages=_PAGES)
    parts: list[str] = []
    for piece in text.replace(_PAGES, f"\0{_PAGES}\0").replace(_PAGE, f"\0{_PAGE}\0").split("\0"):
        if piece == _PAGE:
            parts.append("counter(page)")
        elif piece == _PAGES:
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


@dataclass(frozen=True)
class Entry:
    """One blip as the legend and the category lists show it."""

    number: int
    name: str
    ring: str
    mark: str
    moved: str
    summary: str


@dataclass(frozen=True)
class SectorPart:
    """A category with its blips in radar order (only categories with blips are listed)."""

    label: str
    description: str
    colour: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class RingPart:
    """A ring and what it means."""

    label: str
    description: str


def _moved(row: Any, radar: RadarContent, lang: Lang) -> str:
    # "Uændret siden 2024" on most rows would drown the few that moved.
    if row.movement in (Movement.IN, Movement.OUT):
        return movement_text(row, radar.catalog, lang)
    return t(MOVEMENT_LABEL_KEYS[row.movement], lang)


def sector_parts(radar: RadarContent, lang: Lang) -> list[SectorPart]:
    """The categories with blips, each with its blips in radar order (numbered as drawn)."""
    return _sectors(radar, lang)


def _sectors(radar: RadarContent, lang: Lang) -> list[SectorPart]:
    view = radar.view.sort_values("number")
    parts = []
    for position, sector in enumerate(radar.catalog.sectors):
        rows = view[view["sector"] == sector.id]
        if rows.empty:
            continue
        entries = tuple(
            Entry(
                number=int(row.number),
                name=radar.name(row.id, lang),
                ring=radar.catalog.ring(row.ring).label(lang),
                mark=MOVEMENT_MARKS.get(str(row.movement), ""),
                moved=_moved(row, radar, lang),
                summary=radar.summary(row.id, lang),
            )
            for row in rows.itertuples()
        )
        parts.append(
            SectorPart(
                label=sector.label(lang),
                description=sector.description(lang),
                colour=sector_colour(position),
                entries=entries,
            )
        )
    return parts


def render_page(
    template: str,
    radar: RadarContent,
    lang: Lang,
    printed: date,
    *,
    made: str,
    policy: str,
    fit: PageFit = PAGE_FITS[0],
    **values: Any,
) -> str:
    """One radar's page from ``template`` (a file in ``templates/``).

    Parameters
    ----------
    template
        The template's file name, e.g. ``"handout.html.j2"``.
    radar
        The radar.
    lang
        Language of every text.
    printed
        The date the file is made, shown under the title.
    made
        The text key that says when the file was made ("Udskrevet {date}").
    policy
        The page's content security policy.
    fit
        How tightly the page is set (:data:`PAGE_FITS`).
    **values
        What the template needs besides (its picture).
    """
    edition = radar.edition
    meta = t(
        "export.handout.edition",
        lang,
        title=edition.label(lang),
        published=format_date(edition.published, lang),
    )
    return _TEMPLATES.get_template(template).render(
        theme=theme,
        lang=lang if lang in LANGUAGES else "da",
        # Ours, not the database's; its quotes stay quotes (an attribute reads both alike).
        policy=Markup(policy),
        title=radar.title(lang),
        meta=meta,
        when=t(made, lang, date=format_date(printed, lang)),
        notice=radar.notice(lang),
        fit=fit,
        page_label=page_counter(lang),
        page_notice=css_string(radar.notice(lang)),
        headings={
            "legend": t("export.handout.legend", lang),
            "legend_hint": t("export.handout.legend_hint", lang),
            "rings": t("export.handout.rings", lang),
            "sectors": t("export.handout.sectors", lang),
        },
        sectors=_sectors(radar, lang),
        rings=[RingPart(ring.label(lang), ring.description(lang)) for ring in radar.catalog.rings],
        **values,
    )
