"""Pixel sizes of a radar figure: where the disc goes, and how big its type can be.

Every font size and the view's ranges come from the figure's real pixel size,
so a phone, a laptop and a projector each get a disc that fills the height and
type that stays readable. Text widths are estimated from Arial's (Liberation
Sans's) advance widths, the widest of the fonts the figure names, so an
estimate that fits fits on screen and in the exports alike.

Pure arithmetic, no Streamlit, no Plotly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from radar import theme

# Advance widths in em of the figure's widest font (Arial metrics), rounded up.
_UPPER_EM = 0.72
_LOWER_EM = 0.56
_DIGIT_EM = 0.556
_SPACE_EM = 0.28
_OTHER_EM = 0.6
#: Height of one line of text in em (Plotly's line box), and of a digit's ink.
LINE_EM = 1.3
DIGIT_HEIGHT_EM = 0.72


def text_width_em(text: str) -> float:
    """Estimated advance width of ``text`` in em (bold or not: Arial's bold is as wide)."""
    width = 0.0
    for char in text:
        if char.isdigit():
            width += _DIGIT_EM
        elif char.isspace():
            width += _SPACE_EM
        elif char.isupper():
            width += _UPPER_EM
        elif char.islower():
            width += _LOWER_EM
        else:
            width += _OTHER_EM
    return width


def number_half_diagonal_em(digits: int) -> float:
    """Half the diagonal of a number's ink box in em: it fits a circle of that radius."""
    return math.hypot(digits * _DIGIT_EM / 2.0, DIGIT_HEIGHT_EM / 2.0)


def number_font(radius_px: float, shrink: float, digits: int) -> float:
    """The largest font at which a ``digits``-digit number fits a blip of ``radius_px``.

    ``shrink`` is the blip shape's inner circle in blip radii
    (:data:`radar.theme.SHAPE_NUMBER_SCALE`). The number's box, centred on the
    blip, then lies inside that circle; short numbers are capped so a single
    digit does not dwarf its blip.
    """
    fit = radius_px * shrink * theme.NUMBER_FIT / number_half_diagonal_em(digits)
    return min(fit, radius_px * shrink * theme.NUMBER_MAX_EM_PER_RADIUS)


def number_radius_px(font: float, shrink: float, digits: int) -> float:
    """The smallest blip radius (pixels) whose number of ``digits`` fits at ``font``."""
    by_fit = font * number_half_diagonal_em(digits) / (shrink * theme.NUMBER_FIT)
    by_cap = font / (shrink * theme.NUMBER_MAX_EM_PER_RADIUS)
    # A hair more, so the font computed back from this radius is not a
    # rounding error short of ``font``.
    return max(by_fit, by_cap) * (1.0 + 1e-9)


@dataclass(frozen=True)
class Frame:
    """Where the disc sits in a figure of a given pixel size.

    Attributes
    ----------
    width, height
        The figure's size in pixels (``width`` estimated when the caller did not know it).
    disc
        The disc's diameter in pixels.
    pixels
        Pixels per radar unit (the disc's radius is one unit).
    x_range, y_range
        The axes' ranges in radar units, filling the plot area at that scale.
    sector_font, ring_font
        The wanted sizes of the sector and ring labels, in pixels.
    key_top
        With a key under the disc (``compact``): the y of its first line.
    """

    width: int
    height: int
    disc: float
    pixels: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    sector_font: float
    ring_font: float
    key_top: float | None = None


def _grow(disc: float) -> float:
    """How much larger than the base sizes labels are on a disc of ``disc`` pixels."""
    low, high = theme.LABEL_GROWTH
    return min(max(disc / theme.LABEL_BASE_DISC, low), high)


def key_height(n_sectors: int, font: float) -> float:
    """Pixels the sector key under a compact disc takes."""
    return n_sectors * font * theme.KEY_LINE_EM + theme.KEY_GAP


def frame(
    *,
    height: int,
    width: int | None,
    scale: float,
    compact: bool,
    n_sectors: int,
    top_margin: int = theme.FIGURE_MARGIN,
    column_em: float = theme.SECTOR_COLUMN_EM,
    min_label: float = theme.MIN_FONT,
) -> Frame:
    """The disc's size and the view's ranges for a figure of ``width`` × ``height`` pixels.

    The disc fills the plot area's height. Beside it the sector labels need a
    column on each side of at least :data:`radar.theme.SECTOR_COLUMN_EM` em;
    or ``column_em`` (the longest word of a sector name, which cannot wrap);
    a figure too narrow for that gets smaller sector names, down to 11 px,
    (or ``min_label``, a projector's 24 px), and only then a smaller disc. With ``compact`` the
    labels go in a key under the disc instead, and the disc fills the width.
    Without a ``width`` the figure is taken to be
    :data:`radar.theme.FIGURE_ASPECT` times as wide as high (compact: as wide
    as the disc).
    """
    margin = theme.FIGURE_MARGIN
    plot_h = max(height - margin - top_margin, 1)
    rim = 1.0 + theme.DISC_RIM
    if compact:
        key_font = max(theme.SECTOR_LABEL_SIZE * theme.COMPACT_SCALE * scale, theme.MIN_FONT)
        key = key_height(n_sectors, key_font)
        disc = max(plot_h - key, 1.0)
        if width is not None:
            disc = max(min(disc, width - 2 * margin), 1.0)
        plot_w = disc if width is None else max(width - 2 * margin, 1)
        pixels = disc / 2.0 / rim
        top = rim
        bottom = top - plot_h / pixels
        half = plot_w / 2.0 / pixels
        ring_font = max(theme.RING_LABEL_SIZE * scale * _grow(disc), theme.MIN_FONT)
        return Frame(
            width=round(plot_w + 2 * margin),
            height=height,
            disc=disc,
            pixels=pixels,
            x_range=(-half, half),
            y_range=(bottom, top),
            sector_font=key_font,
            ring_font=ring_font,
            key_top=-rim - theme.KEY_GAP / pixels,
        )
    if width is None:
        width = round(height * theme.FIGURE_ASPECT)
    plot_w = max(width - 2 * margin, 1)
    column_em = max(column_em, theme.SECTOR_COLUMN_EM)
    wanted = max(theme.SECTOR_LABEL_SIZE * scale * _grow(plot_h), min_label)
    # The disc fills the height if the columns beside it can take the names
    # at 11 px (min_label) or more; the names shrink first, the disc after them.
    gap = theme.SECTOR_LABEL_GAP
    fits = (plot_w - plot_h - 2 * gap) / (2 * column_em)
    sector_font = min(wanted, max(fits, min_label))
    disc = min(float(plot_h), plot_w - 2 * (column_em * sector_font + gap))
    disc = max(disc, plot_h * theme.MIN_DISC_SHARE)
    sector_font = min(sector_font, max(theme.SECTOR_LABEL_SIZE * scale * _grow(disc), min_label))
    # Too narrow even for the smallest disc: the names shrink below min_label
    # (never below 11 px) rather than run out of the figure.
    room = ((plot_w - disc) / 2.0 - gap) / column_em
    sector_font = min(sector_font, max(room, theme.MIN_FONT))
    ring_font = max(theme.RING_LABEL_SIZE * scale * _grow(disc), min_label)
    pixels = disc / 2.0 / rim
    half_w, half_h = plot_w / 2.0 / pixels, plot_h / 2.0 / pixels
    return Frame(
        width=width,
        height=height,
        disc=disc,
        pixels=pixels,
        x_range=(-half_w, half_w),
        y_range=(-half_h, half_h),
        sector_font=sector_font,
        ring_font=ring_font,
    )


def figure_height(disc: int, n_sectors: int, *, compact: bool, scale: float = 1.0) -> int:
    """The figure height (pixels) whose disc is ``disc`` pixels across: for the page's sizing.

    The inverse of :func:`frame`'s height rule: the disc plus the margins,
    and under a compact disc the sector key.
    """
    extra = 2 * theme.FIGURE_MARGIN
    if compact:
        key_font = max(theme.SECTOR_LABEL_SIZE * theme.COMPACT_SCALE * scale, theme.MIN_FONT)
        extra += math.ceil(key_height(n_sectors, key_font))
    return int(disc) + extra


def digits_of(numbers: Iterable[object]) -> int:
    """The most digits of any of ``numbers`` (at least 1)."""
    return max((len(str(n)) for n in numbers), default=1)
