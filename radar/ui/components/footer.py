"""The footer under every page: the link to the accessibility statement.

Danish public-sector sites must link their accessibility statement from every
page (webtilgængelighedsloven). Its address is the operator's setting
(:func:`radar.web.settings.accessibility_url`); presenter and embed modes draw
no footer, since the radar there stands alone on a projector or in a frame.
"""

from __future__ import annotations

from typing import Final

import streamlit as st

from radar.i18n import t
from radar.model import Lang
from radar.web.settings import accessibility_url

#: The footer's container key, for its style and for tests.
FOOTER_KEY: Final = "radar_access_footer"


def footer(lang: Lang) -> None:
    """Draw the footer with the statement link."""
    # The address was checked when the settings were read: it holds no spaces,
    # brackets or parentheses, so it cannot end the Markdown link early.
    url = accessibility_url()
    with st.container(key=FOOTER_KEY):
        st.divider()
        st.markdown(f"[{t('access.footer.statement', lang)}]({url})")
