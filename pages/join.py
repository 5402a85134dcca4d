"""A workshop for a participant, on a phone: join with the code, then answer one technology
at a time (``/deltag?code=<code>``; ``&p=<token>`` once joined)."""

from radar.ui.screens import join

join.render()
