"""Compare two editions: the later radar with trails, the changes, the counts per ring."""

from radar.ui.screens import compare

compare.render()
