"""A technology's own page: its rings over the editions, scores, cases, related technologies.

URL: ``/teknologi?tech=<id>``; the screen is :mod:`radar.ui.screens.technology`.
"""

from radar.ui.screens import technology

technology.render()
