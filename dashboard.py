"""Teknologiradar: the Streamlit entry point (``streamlit run dashboard.py``).

Runs on every page: sets up the page, draws the header with the language
toggle (not in presenter mode), and hands over to the chosen page
(:func:`radar.ui.app.run`).
"""

from radar.ui import app

app.run()
