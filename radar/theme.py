"""Colours and sizes: every visual constant of the radar lives here.

The palette is Okabe-Ito, chosen because it stays distinguishable under the
common forms of colour blindness; colour is never the only cue (blips carry a
number, sit in a labelled wedge and are listed in the legend by sector).
"""

from __future__ import annotations

from typing import Final

# --- Sector colours (Okabe-Ito), assigned by sector position, not by id, so
# an imported radar with other sector ids still gets distinct colours.
SECTOR_COLOURS: Final[tuple[str, ...]] = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)

# --- Ring bands: light to dark grey from the outside in, so the mature centre
# reads as "closest" even in greyscale print.
RING_FILLS: Final[tuple[str, ...]] = (
    "#DDE3EA",
    "#E6EAEF",
    "#EEF1F4",
    "#F5F7F9",
    "#FAFBFC",
    "#FFFFFF",
)
RING_LINE: Final[str] = "#9AA5B1"
SECTOR_LINE: Final[str] = "#FFFFFF"
TEXT: Final[str] = "#1F2933"
MUTED_TEXT: Final[str] = "#52606D"
BACKGROUND: Final[str] = "#FFFFFF"
BLIP_TEXT: Final[str] = "#FFFFFF"
BLIP_OUTLINE: Final[str] = "#1F2933"
SELECTED_OUTLINE: Final[str] = "#000000"
OVERFLOW_FILL: Final[str] = "#52606D"

# Opacity of blips that do not match the free-text search: dimmed, still there,
# so the radar never re-lays out while someone types.
DIMMED_OPACITY: Final[float] = 0.18

# --- Layout geometry, in radar units (outer edge of the radar = 1.0).
# Blip radius used when a cell has room; crowded cells shrink their blips
# step by step down to MIN_BLIP_RADIUS, then hide the rest behind "+N".
DEFAULT_BLIP_RADIUS: Final[float] = 0.032
MIN_BLIP_RADIUS: Final[float] = 0.012
# Clearance kept between a blip and the ring and sector borders of its cell,
# as a fraction of the blip radius.
BORDER_CLEARANCE: Final[float] = 0.35
# Smallest gap between two blips of a cell, as a fraction of the blip radius,
# so that neighbouring outlines never touch.
BLIP_GAP: Final[float] = 0.15

# --- Figure sizes in pixels.
FIGURE_HEIGHT: Final[int] = 700
FIGURE_MARGIN: Final[int] = 10
RING_LABEL_SIZE: Final[int] = 13
SECTOR_LABEL_SIZE: Final[int] = 15
BLIP_NUMBER_SIZE: Final[int] = 10
# Hover/click targets are at least this many pixels across, for fingertips.
MIN_TOUCH_TARGET: Final[int] = 14
# Phones get a shorter figure with smaller labels and no numbers in the blips.
COMPACT_FIGURE_HEIGHT: Final[int] = 560
COMPACT_SCALE: Final[float] = 0.8
