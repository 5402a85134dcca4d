"""The workshop pages' CSS: the big join code and the projector's type.

Static, built from theme constants and element keys, never from data.
"""

from __future__ import annotations

from typing import Final

from radar import theme
from radar.ui.components.workshop_keys import CODE_BOX, LIVE_SUMMARY, WALL_CARD

# Static CSS, built from theme constants, never from data.
FACILITATOR_CSS: Final = f"""<style>
.st-key-{CODE_BOX} p {{
  font-size: {theme.WORKSHOP_CODE_SIZE}px;
  white-space: nowrap;
  font-weight: 700;
  letter-spacing: 0.06em;
  line-height: 1.15;
  color: {theme.TEXT};
}}
</style>"""
# On the projector: the code, the summary line and the comments read across a room.
PROJECTOR_CSS: Final = f"""<style>
.st-key-{CODE_BOX} p {{
  font-size: {theme.WORKSHOP_PROJECTOR_CODE_SIZE}px;
}}
.st-key-{LIVE_SUMMARY} p {{
  font-size: {theme.WORKSHOP_PROJECTOR_SUMMARY_SIZE}px;
  font-weight: 600;
  line-height: 1.2;
}}
[data-testid="stCaptionContainer"],
[data-testid="stCaptionContainer"] p,
.st-key-{LIVE_SUMMARY} [data-testid="stCaptionContainer"] p {{
  font-size: {theme.WORKSHOP_PROJECTOR_CAPTION_SIZE}px;
  font-weight: 400;
}}
[class*="st-key-{WALL_CARD}"] [data-testid="stText"],
[class*="st-key-{WALL_CARD}"] p {{
  font-size: {theme.WORKSHOP_PROJECTOR_COMMENT_SIZE}px;
  line-height: 1.3;
}}
[data-testid="stMetricLabel"] p {{
  font-size: {theme.WORKSHOP_PROJECTOR_COMMENT_SIZE}px;
}}
</style>"""
