"""Teknologiradar as a web application: ``streamlit run serve.py`` (or ``uvicorn serve:app``).

``dashboard.py`` holds the pages; this file wraps them in Streamlit's ASGI app
with the project's own routes, middleware and start-up (:mod:`radar.web`).
Start the dashboard through this file in production: the security headers,
allowed hosts, the readiness route, the metrics guard and the sign-in cookie
live here, not in ``dashboard.py``. A wrong web setting stops the start here,
with a message naming it.
"""

from streamlit.starlette import App

from radar import web

web.leave_forwarded_addresses_to_the_web_layer()
web.configure_logging()
settings = web.load_settings()
app = App(
    "dashboard.py",
    routes=web.routes(settings),
    middleware=web.middleware(settings),
    lifespan=web.lifespan(settings),
)
