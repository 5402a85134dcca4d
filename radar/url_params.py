"""The URL's parameter names; in the Streamlit layer they double as widget keys.

In a plain module, because the index page's head (:mod:`radar.web`) names
some of these widgets too and must not import Streamlit's layer.
"""

from __future__ import annotations

from typing import Final

LANG: Final = "lang"
AREA: Final = "area"
EDITION: Final = "edition"
SECTOR: Final = "sector"
RING: Final = "ring"
QUERY: Final = "q"
VIEW: Final = "view"
TECH: Final = "tech"
CHANGED: Final = "changed"
COMPARE: Final = "compare"
LOCAL: Final = "local"
