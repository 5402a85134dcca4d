"""Export a radar: a handout for meetings, pictures, a web page, files for other tools."""

from radar.ui.screens import export

export.render()
