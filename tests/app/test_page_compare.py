"""AppTest: the comparison page and the radar page's movement key and "only changes" filter."""

from __future__ import annotations

import base64
import json
import re

import duckdb
import numpy as np
import pytest
from apptest_support import assert_clean
from legend_support import entries, shown
from streamlit.testing.v1 import AppTest

from radar import store
from radar.pipeline import history
from radar.pipeline.view import ViewFilter
from radar.ui.components.text import plain

COMPARE = "pages/compare.py"
RINGS = ("klar", "afproev", "hold-oeje", "afvent")


def _open(at: AppTest, **params: str) -> AppTest:
    """Open the comparison page first, as a shared link to it does."""
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(COMPARE)
    return at.run()


def _groups(at: AppTest) -> dict[str, list[str]]:
    """The listed change groups: title -> technology options."""
    return {
        p.label: list(p.options) for p in at.pills if (p.key or "").startswith("compare_group_")
    }


def test_compare_page_opens_on_the_latest_edition_against_the_one_before(app: AppTest) -> None:
    at = _open(app)
    assert_clean(at)
    assert at.selectbox(key="area").value == "samlet"
    assert at.selectbox(key="edition").value == 2025
    assert at.selectbox(key="compare").value == 2024
    assert len(at.get("plotly_chart")) == 1
    counts = at.dataframe[0].value
    assert list(counts.columns[1:3]) == ["2024", "2025"]


def test_a_shared_link_restores_area_and_both_editions(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    at = _open(app, area="social-og-sundhed", edition="2025", compare="2021")
    assert_clean(at)
    assert at.selectbox(key="area").value == "social-og-sundhed"
    assert at.selectbox(key="edition").value == 2025
    assert at.selectbox(key="compare").value == 2021
    comparison = history.compare_editions(
        store.load_area_history(con, "social-og-sundhed"), 2021, 2025, RINGS
    )
    groups = _groups(at)
    # "6 rykket ind i KLAR" and so on: every group and every technology in it.
    expected = comparison.groups(RINGS)
    assert len(groups) == len(expected)
    assert sorted(len(options) for options in groups.values()) == sorted(
        len(ids) for _, _, ids in expected
    )
    into_klar = next(ids for kind, ring, ids in expected if (kind, ring) == ("in", "klar"))
    assert any(label.endswith(f"{len(into_klar)} rykket ind i KLAR") for label in groups)
    counts = at.dataframe[0].value
    assert counts["2021"].sum() == (comparison.ring_counts["earlier"]).sum()
    assert counts["2025"].tolist() == comparison.ring_counts["later"].tolist()


def test_the_comparison_speaks_english(app: AppTest) -> None:
    at = _open(app, area="beskaeftigelse", edition="2025", compare="2021", lang="en")
    assert_clean(at)
    assert any("moved into" in label or "new in" in label for label in _groups(at))
    assert at.selectbox(key="compare").label == "Compared with"


def test_a_stale_link_falls_back_to_the_default_comparison(app: AppTest) -> None:
    at = _open(app, area="nowhere", edition="1999", compare="abc")
    assert_clean(at)
    assert at.selectbox(key="area").value == "samlet"
    assert at.selectbox(key="edition").value == 2025
    assert at.selectbox(key="compare").value == 2024


def test_changing_the_earlier_edition_changes_the_listed_changes(app: AppTest) -> None:
    at = _open(app, area="teknik-og-miljoe")
    before = _groups(at)
    at.selectbox(key="compare").set_value(2021).run()
    assert_clean(at)
    after = _groups(at)
    assert after != before
    assert sum(len(v) for v in after.values()) > sum(len(v) for v in before.values())


def test_picking_a_changed_technology_opens_its_page(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    at = _open(app, area="social-og-sundhed", compare="2021")
    group = next(p for p in at.pills if (p.key or "").startswith("compare_group_"))
    group.set_value(group.options[0]).run()
    assert_clean(at)
    tech = at.query_params.get("tech")
    name = store.load_technologies(con)[tech].name_da
    # The first listed technology of the first group ("rykket ind i KLAR").
    assert plain(name) in group.options[0]
    assert at.get("plotly_chart"), "the technology page draws its timeline"


def test_radar_page_explains_the_shapes_and_can_show_only_changes(app: AppTest) -> None:
    app.query_params["area"] = "social-og-sundhed"
    app.query_params["edition"] = "2023"
    at = app.run()
    assert_clean(at)
    captions = "\n".join(c.value for c in at.caption)
    assert "Form viser bevægelse siden 2022" in captions
    assert plain("▲ rykket ind (spidsen mod centrum)") in captions
    everything = [shown(e) for e in entries(at)]
    at.toggle(key="changed").set_value(True).run()
    assert_clean(at)
    changed = [shown(e) for e in entries(at)]
    assert 0 < len(changed) < len(everything)
    # Every listed change carries its mark; unchanged ones are gone.
    assert all(o.endswith(("★", "▲", "▼")) for o in changed)


def test_the_first_edition_says_every_technology_is_new(app: AppTest) -> None:
    app.query_params["edition"] = "2021"
    at = app.run()
    assert_clean(at)
    captions = "\n".join(c.value for c in at.caption)
    assert "første udgave" in captions


def test_a_link_with_the_editions_the_wrong_way_round_shows_what_the_selectors_say(
    app: AppTest,
) -> None:
    # ?edition=2021&compare=2025 once drew the 2025 radar under "Udgave: 2021".
    at = _open(app, area="social-og-sundhed", edition="2021", compare="2025")
    assert_clean(at)
    shown, against = at.selectbox(key="edition").value, at.selectbox(key="compare").value
    assert (shown, against) == (2025, 2021)
    assert "radaren 2025" in at.caption[0].value
    assert list(at.dataframe[0].value.columns[1:3]) == ["2021", "2025"]


def test_the_compared_with_list_offers_only_earlier_editions(app: AppTest) -> None:
    at = _open(app, area="social-og-sundhed", edition="2023")
    assert_clean(at)
    earlier = [int(year) for year in at.selectbox(key="compare").options]
    assert earlier
    assert all(year < 2023 for year in earlier)


def _radar_counts(app: AppTest, area: str, edition: str) -> tuple[int, int]:
    """The radar page's legend: how many are new and how many are back after a pause."""
    app.query_params["area"] = area
    app.query_params["edition"] = edition
    at = app.run()
    assert_clean(at)
    captions = "\n".join(c.value for c in at.caption)
    new = re.search(r"(\d+) nye", captions)
    back = re.search(r"(\d+) tilbage efter en pause", captions)
    assert new is not None
    return int(new.group(1)), int(back.group(1)) if back else 0


def _compare_counts(at: AppTest) -> tuple[int, int]:
    """The comparison's groups: how many are new and how many are back after a pause."""
    groups = _groups(at)
    new = sum(len(v) for label, v in groups.items() if " nye i " in label)
    back = sum(len(v) for label, v in groups.items() if "efter en pause" in label)
    return new, back


@pytest.mark.parametrize("area", ["samlet", "teknik-og-miljoe"])
def test_the_comparison_and_the_radar_agree_on_new_and_returned(app: AppTest, area: str) -> None:
    # A technology on the 2022 radar, off it in 2023 and 2024 and back in 2025:
    # the radar called it "back after a pause", the comparison "new".
    radar_new, radar_back = _radar_counts(app, area, "2025")
    at = _open(app, area=area, edition="2025", compare="2024")
    assert_clean(at)
    assert radar_back > 0
    assert _compare_counts(at) == (radar_new, radar_back)


def test_the_change_list_carries_the_numbers_on_the_radar(
    app: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    at = _open(app, area="social-og-sundhed", edition="2025", compare="2021")
    assert_clean(at)
    data = store.load_radar_data(con)
    view = data.view(ViewFilter(area="social-og-sundhed", edition=2025))
    numbers = dict(zip(view["id"], view["number"], strict=True))
    names = {i: plain(data.technologies[i].name_da) for i in numbers}
    listed = [
        option
        for label, options in _groups(at).items()
        if "udgået" not in label
        for option in options
    ]
    assert listed
    for option in listed:
        tech = next(i for i, name in names.items() if f". {name}" in option)
        assert option.startswith(plain(f"{numbers[tech]}. ")), option


def _array(value: object) -> np.ndarray:
    """A figure array as Plotly sends it: a list, or typed binary."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).astype(float)
    return np.asarray(value, dtype=float)


def test_the_page_draws_every_arrow_straight_in_or_out(app: AppTest) -> None:
    # Arrows from a moved blip's old slot to its new one ran across the sector and crossed.
    at = _open(app, area="social-og-sundhed", edition="2025", compare="2021")
    assert_clean(at)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    trails = next(trace for trace in spec["data"] if trace.get("name") == "trails")
    xs, ys = _array(trails["x"]), _array(trails["y"])
    segments = np.stack((xs, ys), axis=1).reshape(-1, 3, 2)[:, :2, :]
    assert len(segments) > 3
    for tail, head in segments:
        assert abs(tail[0] * head[1] - tail[1] * head[0]) < 1e-6
