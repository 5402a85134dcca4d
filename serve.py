"""Teknologiradar as a web application: ``streamlit run serve.py`` (or ``uvicorn serve:app``).

``dashboard.py`` holds the pages; this file wraps them in Streamlit's ASGI app
with the project's own routes and middleware (:mod:`radar.web`). Start the
dashboard through this file in production: the security headers, allowed
hosts and the sign-in cookie live here, not in ``dashboard.py``.
"""

from streamlit.starlette import App

from radar import web

app = App("dashboard.py", routes=web.routes(), middleware=web.middleware())
