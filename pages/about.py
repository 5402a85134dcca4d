"""About the radar: what it is, what the rings mean, how a technology is placed."""

from radar.ui.screens import about

about.render()
