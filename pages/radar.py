"""The radar page: filters, the interactive radar (or table), legend and details."""

from radar.ui.screens import radar

radar.render()
