"""The page's language on ``<html>`` and Streamlit's own English labels, kept right on every run.

The web layer writes the request's language into the first HTML
(:mod:`radar.web.language`); this tiny component keeps it right when the toggle
switches the language without a reload, so a screen reader reads Danish as
Danish (WCAG 3.1.1), and puts Streamlit's own English labels that the page can
reach (the skip link, the menu's names for screen readers) in the page's
language. The readable greys and the focus ring are in the first HTML too
(:mod:`radar.web.base_style`).
"""

from __future__ import annotations

from typing import Final

from streamlit.components.v2 import component

from radar.i18n import t
from radar.model import Lang
from radar.web.base_style import LANG_KEY

# Static code: the language arrives in ``data`` and is checked against the two
# codes before it touches the document; Streamlit's own labels are replaced
# with the page's texts through setAttribute and textContent only. Streamlit may
# mount its menu after this runs, so it looks again a little later.
_JS: Final = """
export default function ({ data }) {
  if (!data || (data.lang !== "da" && data.lang !== "en")) return;
  const apply = () => {
    document.documentElement.lang = data.lang;
    const skip = document.querySelector('[data-testid="stSkipToContent"]');
    if (skip && skip.textContent !== data.skip) skip.textContent = data.skip;
    const nav = document.querySelector('[data-testid="stTopNav"]');
    if (nav) nav.setAttribute("aria-label", data.pages);
    const menu = document.querySelector('[data-testid="stMainMenuButton"]');
    if (menu) menu.setAttribute("aria-label", data.menu);
  };
  apply();
  const later = setTimeout(apply, 800);
  return () => clearTimeout(later);
}
"""

_document_lang = component("radar_access_lang", js=_JS)


def apply(lang: Lang) -> None:
    """Give the document the page's language, and Streamlit's labels the page's texts."""
    _document_lang(
        data={
            "lang": lang,
            "skip": t("access.skip_to_content", lang),
            "pages": t("access.pages", lang),
            "menu": t("access.main_menu", lang),
        },
        key=LANG_KEY,
    )
