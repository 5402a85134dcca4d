"""The participants' phone page: join a workshop and answer it, as light HTML at ``/deltag``.

Built for a room of phones: a page of a few kilobytes that needs no script,
one short request per answer, and nothing held per participant on the server
but their stored answers. The facilitator's live view and the projector stay
in Streamlit (``pages/workshop.py``). The workshop's rules are
:mod:`radar.workshop`'s; this package only reads forms and writes pages.

Modules
-------
:mod:`~radar.web.participant.routes`
    The routes (joining, an answer, the prioritising round's points), the
    participant's cookie, the check against forged forms.
:mod:`~radar.web.participant.forms`
    Reading a posted form, bounded.
:mod:`~radar.web.participant.pages`
    The pages, from autoescaped templates.
"""

from __future__ import annotations

from radar.web.participant.routes import ANSWER_PATH, PATH, POINTS_PATH, routes

__all__ = ["ANSWER_PATH", "PATH", "POINTS_PATH", "routes"]
