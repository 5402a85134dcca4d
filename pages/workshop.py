"""Workshops for a signed-in facilitator: list their own, create one, follow the group's answers
live, close, export, save, publish and delete.

``/workshop`` lists the facilitator's workshops and shows the create form;
``/workshop?id=<id>`` one workshop, for the facilitator who created it or an
editor (the id grants nothing by itself); ``/workshop?projector=<key>&present=1``
its live view on a projector, without controls.
"""

from radar.ui.screens import workshop

workshop.render()
