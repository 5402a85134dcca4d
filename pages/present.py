"""Presenter mode: the radar fills a projector, one technology at a time in large type."""

from radar.ui.screens import present

present.render()
