"""Moved to :mod:`radar.ui.components.local_radar`; this name stays until the radar page imports
it from there."""

from radar.ui.components.local_radar import SIDE_BY_SIDE_HEIGHT, local_chart, picker

__all__ = ["SIDE_BY_SIDE_HEIGHT", "local_chart", "picker"]
