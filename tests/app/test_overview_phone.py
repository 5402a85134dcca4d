"""AppTest: the overview readable on a phone, one area's ring at a time beside the names.

The footer's statement link is checked in a browser (tests/browser/
test_browser_accessibility.py): AppTest files the entry point's elements and the
page's under the same positions, so it cannot show what comes after the page.
"""

from __future__ import annotations

import pandas as pd
from apptest_support import assert_clean
from streamlit.testing.v1 import AppTest

from radar.model import Catalog
from radar.ui.components.viewport import PHONE, VIEWPORT_KEY

OVERVIEW = "pages/overview.py"


def _phone(app: AppTest) -> AppTest:
    # What the viewport reporter says on a 390 px phone.
    app.session_state[VIEWPORT_KEY] = PHONE
    app.switch_page(OVERVIEW)
    return app


def test_on_a_phone_the_overview_shows_one_area_beside_the_names(
    app: AppTest, catalog: Catalog
) -> None:
    at = _phone(app).run()
    assert_clean(at)
    matrix = next(d for d in at.dataframe if d.key == "overview_matrix_0").value
    assert list(matrix.columns) == ["Teknologi", "Samlet"]
    area = catalog.areas[0]
    at.selectbox(key="area").set_value(area.id).run()
    assert_clean(at)
    matrix = next(d for d in at.dataframe if d.key == "overview_matrix_0").value
    assert list(matrix.columns) == ["Teknologi", area.name_da]
    # The choice is in the URL, as the radar page's area is.
    assert at.query_params["area"] == area.id
    gaps: pd.DataFrame = next(d for d in at.dataframe if d.key == "overview_gaps_0").value
    assert len(gaps.columns) == 3


def test_on_a_laptop_the_overview_shows_every_area(app: AppTest, catalog: Catalog) -> None:
    at = app.switch_page(OVERVIEW).run()
    assert_clean(at)
    matrix = next(d for d in at.dataframe if d.key == "overview_matrix_0").value
    assert len(matrix.columns) == 2 + len(catalog.areas) + 1
    assert not [s for s in at.selectbox if s.key == "area"]
