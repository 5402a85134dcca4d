"""Where the radar's labels go: ring names in their band, sector names beside the disc.

Ring names sit in the band the layout keeps free of blips along one sector
border (:func:`radar.pipeline.geometry.label_border`), each within its own
ring's stretch of the border, so no blip can cover one. When the names do not
fit their rings at the wanted size they alternate between the two halves of
the band, each then free to use its neighbours' stretch too; only a name that
does not fit even so is cut short (its full text in the hover).

Sector names sit in columns left and right of the disc, at the height of
their wedge's middle, so they cost the disc no height; on phones they go in a
key under the disc.

Pure data, no Streamlit, no Plotly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from radar import theme
from radar.drawing.sizing import LINE_EM, Frame, text_width_em
from radar.pipeline.geometry import label_border, ring_edges, sector_edges

ELLIPSIS = "…"


@dataclass(frozen=True)
class RingLabel:
    """One ring name: its box's centre, reading direction and size, in radar units."""

    ring: str
    text: str
    full_text: str
    x: float
    y: float
    #: Plotly's text angle: degrees clockwise from reading left to right.
    angle: float
    font: float
    #: Half the box's length along the reading direction and half its height.
    half_length: float
    half_height: float


@dataclass(frozen=True)
class RingLabels:
    labels: tuple[RingLabel, ...]
    #: The band's half-width the labels need (radar units), at least the theme's.
    band: float


def reading_direction(n_sectors: int) -> tuple[float, float, float]:
    """The label border's angle and the unit vector the ring names read along.

    Names read left to right: along the border when it points right, against
    it when it points left; a vertical border reads bottom to top.
    """
    angle = float(sector_edges(n_sectors)[label_border(n_sectors)])
    dx, dy = math.cos(angle), math.sin(angle)
    if dx < -1e-9 or (abs(dx) <= 1e-9 and dy < 0):
        dx, dy = -dx, -dy
    return angle, dx, dy


def box_corners(label: RingLabel) -> list[tuple[float, float]]:
    """The four corners of a ring label's box, in radar units."""
    theta = math.radians(-label.angle)
    ux, uy = math.cos(theta), math.sin(theta)
    nx, ny = -uy, ux
    return [
        (
            label.x + s * label.half_length * ux + t * label.half_height * nx,
            label.y + s * label.half_length * uy + t * label.half_height * ny,
        )
        for s, t in ((-1, -1), (1, -1), (1, 1), (-1, 1))
    ]


def _shorten(text: str, room_em: float) -> str:
    """``text`` cut to at most ``room_em`` wide, with an ellipsis when cut."""
    if text_width_em(text) <= room_em:
        return text
    while text and text_width_em(text + ELLIPSIS) > room_em:
        text = text[:-1]
    return (text.rstrip() + ELLIPSIS) if text else ""


def ring_labels(
    names: list[tuple[str, str]],
    n_sectors: int,
    frame: Frame,
    max_band: float = theme.MAX_LABEL_BAND,
) -> RingLabels:
    """Ring names placed in the label band, sized to their rings' depth at the frame's size.

    Parameters
    ----------
    names
        ``(ring id, label text)`` inside out.
    n_sectors
        Number of sectors (which border carries the band).
    frame
        The figure's pixel frame (its scale and the wanted ring-label size).
    max_band
        The widest band the layout can give (narrow wedges beside it need room).
    """
    n = len(names)
    edges = ring_edges(n)
    px = frame.pixels
    pad = theme.RING_LABEL_PAD / px
    lows = [float(edges[0]) + theme.RING_LABEL_START * float(edges[1])]
    lows += [float(e) + pad for e in edges[1:-1]]
    highs = [float(e) - pad for e in edges[1:]]
    middles = [(lo + hi) / 2.0 for lo, hi in zip(lows, highs, strict=True)]
    # Alternating halves: a name may reach from its inner neighbour's middle
    # to its outer neighbour's; the names beside it sit on the other half.
    alt_lows = [lows[0], *middles[:-1]]
    alt_highs = [*middles[1:], highs[-1]]
    # The outermost name's far corners stay inside the disc: its box ends
    # short of the rim by what its height (at the wanted size, the largest)
    # reaches out sideways.
    line_wanted = LINE_EM * frame.ring_font / px
    rim = highs[-1]
    highs[-1] = math.sqrt(max(rim * rim - (line_wanted / 2.0) ** 2, 0.0))
    alt_highs[-1] = math.sqrt(max(rim * rim - (line_wanted + pad / 2.0) ** 2, 0.0))
    ems = [text_width_em(text) for _, text in names]
    border = 2.0 / px  # Plotly's border padding round the text, each side

    def fit(los: list[float], his: list[float]) -> float:
        return min(((hi - lo) - border) * px / em for lo, hi, em in zip(los, his, ems, strict=True))

    wanted = frame.ring_font
    centred = min(wanted, fit(lows, highs))
    alternate = min(wanted, fit(alt_lows, alt_highs))
    if centred >= theme.MIN_FONT and centred >= 0.75 * alternate:
        font, halves, los, his = centred, False, lows, highs
    else:
        font, halves, los, his = max(alternate, theme.MIN_FONT), True, alt_lows, alt_highs
    line = LINE_EM * font / px
    band = (line if halves else line / 2.0) + pad
    if band > max_band:
        # A tiny figure or narrow wedges: smaller names rather than a band
        # that leaves a cell no room for a blip.
        font *= (max_band - pad) / (band - pad)
        line = LINE_EM * font / px
        band = max_band
    band = max(band, theme.LABEL_BAND_HALF_WIDTH)
    _, dx, dy = reading_direction(n_sectors)
    angle = -math.degrees(math.atan2(dy, dx))
    # The border ray itself, which the reading direction may run against.
    border_angle = float(sector_edges(n_sectors)[label_border(n_sectors)])
    bx, by = math.cos(border_angle), math.sin(border_angle)
    nx, ny = -dy, dx
    labels = []
    for index, ((ring, text), lo, hi, middle) in enumerate(
        zip(names, los, his, middles, strict=True)
    ):
        room_em = ((hi - lo) - border) * px / font
        shown = _shorten(text, room_em)
        half = (text_width_em(shown) * font / px + border) / 2.0
        along = min(max(middle, lo + half), hi - half)
        offset = 0.0
        if halves:
            offset = (line / 2.0 + pad / 2.0) * (1 if index % 2 == 0 else -1)
        labels.append(
            RingLabel(
                ring=ring,
                text=shown,
                full_text=text,
                x=along * bx + offset * nx,
                y=along * by + offset * ny,
                angle=angle,
                font=font,
                half_length=half,
                half_height=line / 2.0,
            )
        )
    return RingLabels(tuple(labels), band)


@dataclass(frozen=True)
class SectorLabel:
    """A sector name beside the disc (or in the key), in radar units."""

    position: int
    lines: tuple[str, ...]
    x: float
    y: float
    xanchor: str
    yanchor: str


def _wrap(text: str, room_em: float) -> tuple[str, ...]:
    """``text`` in lines at most ``room_em`` wide; a longer word gets a line of its own."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width_em(f"{lines[-1]} {word}") <= room_em:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return tuple(lines) or (text,)


def sector_labels(names: list[str], frame: Frame) -> tuple[SectorLabel, ...]:
    """Sector names in a column each side of the disc, beside their wedges' middles.

    Names on one side are kept apart top to bottom and inside the figure's height.
    """
    px, font = frame.pixels, frame.sector_font
    angles = sector_edges(len(names))
    edge = 1.0 + theme.DISC_RIM + theme.SECTOR_LABEL_GAP / px
    room = max((frame.x_range[1] - edge) * px, font * 4)
    # The marker square and its space come before the name.
    room_em = room / font - 1.6
    line = LINE_EM * font / px
    sides: dict[int, list[tuple[float, int, tuple[str, ...]]]] = {1: [], -1: []}
    for index, name in enumerate(names):
        middle = float(angles[index] + angles[index + 1]) / 2.0
        cos = math.cos(middle)
        side = 1 if cos > 1e-9 or (abs(cos) <= 1e-9 and math.sin(middle) < 0) else -1
        sides[side].append((math.sin(middle), index, _wrap(name, room_em)))
    top, bottom = frame.y_range[1], frame.y_range[0]
    placed: list[SectorLabel] = []
    for side, entries in sides.items():
        entries.sort(key=lambda e: -e[0])
        heights = [len(lines) * line for _, _, lines in entries]
        centres: list[float] = []
        limit = top
        for (target, _, _), height in zip(entries, heights, strict=True):
            centre = min(target * 0.95, limit - height / 2.0)
            centres.append(centre)
            limit = centre - height / 2.0 - line * 0.4
        overshoot = bottom - (centres[-1] - heights[-1] / 2.0) if centres else 0.0
        if overshoot > 0:
            centres = [c + overshoot for c in centres]
        for (_, index, lines), centre in zip(entries, centres, strict=True):
            placed.append(
                SectorLabel(
                    position=index,
                    lines=lines,
                    x=edge * side,
                    y=centre,
                    xanchor="left" if side > 0 else "right",
                    yanchor="middle",
                )
            )
    return tuple(sorted(placed, key=lambda label: label.position))


def sector_key(names: list[str], frame: Frame) -> tuple[SectorLabel, ...]:
    """Sector names in a key under a compact disc, one line each."""
    px, font = frame.pixels, frame.sector_font
    top = frame.key_top if frame.key_top is not None else -1.1
    step = theme.KEY_LINE_EM * font / px
    room_em = (frame.x_range[1] - frame.x_range[0]) * px / font - 1.6
    key = []
    for index, name in enumerate(names):
        lines = _wrap(name, room_em)
        key.append(
            SectorLabel(
                position=index,
                lines=lines,
                x=frame.x_range[0] + 2.0 / px,
                y=top,
                xanchor="left",
                yanchor="top",
            )
        )
        top -= step * len(lines)
    return tuple(key)
