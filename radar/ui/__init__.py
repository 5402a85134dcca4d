"""The Streamlit app: the frame, the screens, their components, the URL state and the cache.

The only part of the ``radar`` package that imports Streamlit. It re-exports
nothing: pages import the module they need, and importing one (the sign-in's
:mod:`radar.ui.auth`) must not load the cache and the database behind the others.

Modules
-------
app
    ``run``: page setup, header, language toggle and menu (the entry point's work).
screens
    One module per page, each with ``render()``.
components
    The parts screens are built from (filters, legend, details, presenter, ...).
state
    View state kept in the URL, and the session-state keys shared by pages.
auth
    Signing editors in and out; ``editing_enabled``.
cache
    The one place that caches: the database connection and what is read from it.
"""
