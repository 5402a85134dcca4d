"""The web layer around the dashboard: the project's own HTTP routes and middleware.

Streamlit's ``st.App`` (``serve.py``) serves the dashboard as an ASGI app; this
package gives it what a municipal deployment needs in front of every page:
security headers, allowed hosts, the browser's sign-in cookie, a health route
and the operators' endpoints. It imports no page code: Streamlit runs the pages
(``dashboard.py``) in its own script threads.

The public API is :func:`routes` and :func:`middleware`; ``serve.py`` passes
both to ``st.App``.
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.routing import BaseRoute

from radar.web import browser, headers, health

__all__ = ["middleware", "routes"]


def routes() -> list[BaseRoute]:
    """The project's own routes, checked before Streamlit's."""
    return [*health.routes(), *browser.routes()]


def middleware() -> list[Middleware]:
    """The project's middleware, outermost first; it wraps Streamlit's own."""
    return [*headers.middleware(), *browser.middleware()]
