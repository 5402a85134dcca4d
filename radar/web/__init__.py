"""The web layer around the dashboard: the project's own HTTP routes and middleware.

Streamlit's ``st.App`` (``serve.py``) serves the dashboard as an ASGI app; this
package gives it what a municipal deployment needs in front of every page:
security headers, allowed hosts, the browser's sign-in cookie, health and
readiness routes, the operators' metrics, the participants' phone page
(:mod:`radar.web.participant`) and the facilitator's phone remote
(:mod:`radar.web.remote`). It imports no page code: Streamlit runs the
pages (``dashboard.py``) in its own script threads.

The public API is :func:`routes`, :func:`middleware` and :func:`lifespan`;
``serve.py`` passes them to ``st.App``. Each takes the :class:`WebSettings`
(:func:`load_settings` reads them from the secrets and the environment).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from starlette.middleware import Middleware
from starlette.routing import BaseRoute

from radar import logs
from radar.web import browser, headers, health, hosts, language, metrics, participant, remote
from radar.web.settings import SettingsError, WebSettings
from radar.web.settings import load as load_settings

__all__ = [
    "SettingsError",
    "WebSettings",
    "configure_logging",
    "leave_forwarded_addresses_to_the_web_layer",
    "lifespan",
    "load_settings",
    "middleware",
    "routes",
]

logger = logging.getLogger(__name__)


def routes(settings: WebSettings | None = None) -> list[BaseRoute]:
    """The project's own routes, checked before Streamlit's."""
    del settings  # the routes need none yet; the parameter keeps the three calls alike
    return [*health.routes(), *browser.routes(), *participant.routes(), *remote.routes()]


def middleware(settings: WebSettings | None = None) -> list[Middleware]:
    """The project's middleware, outermost first; it wraps Streamlit's own.

    Headers outermost, so even a refusal carries them; then the host check,
    before anything else looks at the request; then the metrics guard. The
    page's language innermost, right on Streamlit's own HTML.
    """
    chosen = settings or load_settings()
    return [
        *headers.middleware(chosen),
        *hosts.middleware(chosen),
        *metrics.middleware(chosen),
        *browser.middleware(),
        *language.middleware(),
    ]


class _ConnectionAddressAsIs:
    """Stands in for uvicorn's ``ProxyHeadersMiddleware``: the client stays the connection's peer.

    The web layer reads ``X-Forwarded-For`` and ``X-Forwarded-Proto`` itself,
    from the configured trusted proxies only (:mod:`radar.signins`,
    :mod:`radar.web.browser`).
    """

    def __init__(self, app: Any, trusted_hosts: Any = None) -> None:
        del trusted_hosts  # uvicorn's list; the web layer has its own
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)


def leave_forwarded_addresses_to_the_web_layer() -> None:
    """Stop uvicorn from rewriting the client's address from ``X-Forwarded-For``.

    uvicorn believes the header from 127.0.0.1 by default, before any of our
    code runs: anyone connecting on this machine (a tunnel, a sidecar, a proxy
    passing the header through) would then choose the address that the sign-in
    lockout counts and the logs name. The trusted proxies (``[radar]
    trusted_proxies``) must be the one place that decides.

    uvicorn reads its ``FORWARDED_ALLOW_IPS`` setting before it imports
    serve.py, too early to change, but wraps the app in its proxy middleware
    only after: so the middleware is replaced, whichever way uvicorn was
    started (``streamlit run``, ``uvicorn serve:app``, ``App.run``). Call it
    when serve.py is imported.
    """
    import uvicorn.config

    # uvicorn looks the class up in its module when it wraps the app.
    setattr(uvicorn.config, "ProxyHeadersMiddleware", _ConnectionAddressAsIs)  # noqa: B010


def configure_logging() -> None:
    """Timed lines for the project's loggers and the ASGI server's (:func:`radar.logs.configure`).

    In Streamlit's format and level (``[logger]`` in .streamlit/config.toml).
    ``uvicorn serve:app`` sets its handlers up before it imports serve.py,
    ``streamlit run serve.py`` after: so serve.py calls this, and the start-up again.
    """
    from streamlit import config

    logs.configure(
        str(config.get_option("logger.messageFormat")), str(config.get_option("logger.level"))
    )


def lifespan(
    settings: WebSettings,
) -> Callable[[Any], AbstractAsyncContextManager[dict[str, Any] | None]]:
    """What the app does once at start: timed log lines, and say what it answers to."""

    @contextlib.asynccontextmanager
    async def started(_app: Any) -> AsyncIterator[dict[str, Any] | None]:
        # Under streamlit run, uvicorn set its handlers up after serve.py was imported.
        configure_logging()
        log_settings(settings)
        yield None

    return started


def log_settings(settings: WebSettings) -> None:
    """One start-up line per setting, so the journal says what was allowed (never the token)."""
    logger.info("allowed hosts: %s", ", ".join(settings.allowed_hosts))
    logger.info("frame ancestors: %s", " ".join(settings.frame_ancestors))
    logger.info(
        "metrics at /_stcore/metrics: %s",
        "for operators with the bearer token" if settings.metrics_enabled else "off (404)",
    )
    logger.info("accessibility statement: %s", settings.accessibility_url)
    for problem in settings.problems:
        logger.warning("%s", problem)
