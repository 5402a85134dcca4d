"""A radar in words: the text alternative of a radar figure (WCAG 1.1.1).

For ``st.plotly_chart(alt=...)`` and anything else that needs to say what a
radar shows without showing it: which radar, how many technologies, and how
many in each ring and each category. Plain text, no markup. No Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from radar.i18n import t
from radar.model import COMBINED_AREA, Catalog, Lang, Technology


def alt_text(
    view: pd.DataFrame,
    catalog: Catalog,
    technologies: Mapping[str, Technology],
    lang: Lang,
    *,
    area: str | None = None,
    edition: int | str | None = None,
) -> str:
    """What the radar of ``view`` shows, in ``lang``, as a few plain sentences.

    Parameters
    ----------
    view
        Rows from :func:`radar.pipeline.view.build_view`; only ``visible``
        rows count (those behind a "+N" marker too: the radar shows them there).
    catalog
        Rings and sectors, in order, for their names and the counts' order.
    technologies
        The catalogue (for callers' symmetry with :func:`radar.drawing.figure.radar_figure`).
    lang
        Language of the text.
    area, edition
        The radar's welfare area id (or the combined radar's) and edition,
        named in the first sentence when given.
    """
    del technologies  # the counts need no names; kept for a signature like the figure's
    if area is not None and edition is not None:
        name = t("area.samlet", lang) if area == COMBINED_AREA else catalog.area(area).label(lang)
        title = t("alt.radar_for", lang, area=name, edition=edition)
    else:
        title = t("alt.radar", lang)
    shown = view[view["visible"]] if "visible" in view.columns else view
    if shown.empty:
        return t("alt.empty", lang, title=title)
    rings = shown["ring"].value_counts()
    sectors = shown["sector"].value_counts()
    ring_counts = ", ".join(
        f"{ring.label(lang)} {int(rings.get(ring.id, 0))}" for ring in catalog.rings
    )
    sector_counts = ", ".join(
        f"{sector.label(lang)} {int(sectors.get(sector.id, 0))}" for sector in catalog.sectors
    )
    # "1 kategorier" is no Danish (nor "1 categories" English): one category is said in words.
    summary = "alt.summary_one_category" if len(catalog.sectors) == 1 else "alt.summary"
    return " ".join(
        (
            t(
                summary,
                lang,
                title=title,
                count=len(shown),
                rings=len(catalog.rings),
                sectors=len(catalog.sectors),
            ),
            t("alt.rings", lang, counts=ring_counts),
            t("alt.sectors", lang, counts=sector_counts),
        )
    )
