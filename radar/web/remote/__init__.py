"""The facilitator's phone remote: step the room through a workshop's technologies, at ``/styr``.

A light page like the participants' (:mod:`radar.web.participant`): plain
HTML from autoescaped templates, no script, forms that POST and reply 303.
It is reached by the workshop's remote key (:func:`radar.workshop.new_remote_key`),
shown only on the facilitator's page as a link and a QR code. The first
``GET /styr?k=<key>`` keeps the key in an HttpOnly, SameSite=Strict cookie
and sends the phone on to ``/styr``, so the key leaves the address bar (and
the browser's history of it). The key steps, opens, closes and counts down,
and shows or hides the results on the projector; it grants nothing else: no
comments, no export, no deletion.

Modules
-------
:mod:`~radar.web.remote.routes`
    The routes and the remote's cookie.
:mod:`~radar.web.remote.pages`
    The pages, from autoescaped templates.
"""

from __future__ import annotations

from radar.web.remote.routes import PATH, routes

__all__ = ["PATH", "routes"]
