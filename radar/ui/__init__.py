"""Streamlit helpers shared by the pages: caching, URL state and widgets.

The only part of the ``radar`` package that imports Streamlit.
"""
