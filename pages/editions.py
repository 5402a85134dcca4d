"""The editions (``/udgaver``): their status, a new draft copied from the latest
edition, and each draft's preview, publication and discarding. Editors only.
"""

from radar.ui import auth, state
from radar.ui import editing as ui

lang = state.current_lang()
editor = auth.require_editor(lang)
ui.editions_page(editor, lang)
