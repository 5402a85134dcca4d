"""Overview across areas: every technology's ring in every area, the largest gaps, the counts."""

from radar.ui.screens import overview

overview.render()
