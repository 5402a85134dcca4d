"""Transitional: the old home of the shared widgets, kept only for callers not yet moved.

Everything now lives in :mod:`radar.ui.components`; import it from there. This
module re-exports the few names that the editing, import, export and workshop
screens still take from here, and goes once they import the components.
"""

from radar.ui.components.filters import url_selectbox
from radar.ui.components.labels import area_label
from radar.ui.components.text import plain

__all__ = ["area_label", "plain", "url_selectbox"]
