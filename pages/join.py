"""A workshop for a participant, on a phone: join with the code, then answer one technology
at a time (``/deltag?code=<code>``; ``&p=<token>`` once joined)."""

from radar.ui import state
from radar.ui import workshop as ui_workshop

ui_workshop.participant_page(state.current_lang())
