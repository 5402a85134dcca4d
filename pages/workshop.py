"""Workshops for a facilitator: create one, follow the group's answers live, close and save them.

``/workshop`` shows the create form; ``/workshop?id=<id>`` one workshop (the id
is the facilitator's key); ``&present=1`` its live view on a projector.
"""

from radar.ui.screens import workshop

workshop.render()
