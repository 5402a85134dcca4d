"""Colour contrast (WCAG 2.1): relative luminance and contrast ratios of theme colours.

Pure arithmetic on ``#RRGGBB`` colours, no Streamlit.
"""

from __future__ import annotations

from radar import theme


def luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#RRGGBB`` colour (0 black .. 1 white)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (WCAG relative luminance)."""
    return "#000000" if luminance(fill) > 0.179 else "#FFFFFF"


def needs_outline(fill: str, bands: tuple[str, ...] = theme.RING_FILLS) -> bool:
    """True when ``fill`` has less than 3:1 contrast with any ring band (WCAG 1.4.11)."""
    return min(contrast_ratio(fill, band) for band in bands) < theme.GRAPHIC_CONTRAST


def blip_outline(fill: str) -> dict[str, str | float]:
    """The line round a blip of ``fill``: dark where the fill alone is too faint on the bands."""
    if needs_outline(fill):
        return {"color": theme.BLIP_OUTLINE, "width": theme.BLIP_OUTLINE_WIDTH}
    return {"color": theme.BACKGROUND, "width": 1}
