"""Transitional: the old home of presenter mode, kept only for callers not yet moved.

Presenter mode now lives in :mod:`radar.ui.components.presenter` and the large
type for projectors in :mod:`radar.ui.components.projector`. This module
re-exports the names the workshop screens still take from here, and goes once
they import the components.
"""

from radar.ui.components.presenter import PRESENT, presenting
from radar.ui.components.projector import CAPTION_KEY, apply_chrome, caption_block

__all__ = ["CAPTION_KEY", "PRESENT", "apply_chrome", "caption_block", "presenting"]
