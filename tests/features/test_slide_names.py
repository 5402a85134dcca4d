"""The slide picture (PNG, SVG) names every technology beside its number, readable at slide size."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import duckdb
import pytest

from radar import exporting as exports
from radar import store
from radar.model import Lang

EDITION = 2025


def _font_px(element: ET.Element) -> float:
    match = re.search(r"font-size:\s*([\d.]+)px", element.get("style", ""))
    assert match is not None, element.get("style")
    return float(match.group(1))


def _list_lines(svg: bytes) -> tuple[list[str], list[ET.Element]]:
    """The picture's numbered lines ("12. Name"), a wrapped name's two lines joined."""
    texts = [e for e in ET.fromstring(svg).iter() if e.tag.endswith("}text")]
    listing = [e for e in texts if re.search(r"\d+\. ", "".join(e.itertext()))]
    lines: list[str] = []
    for element in listing:
        for line in element.itertext():
            # A wrapped name's second line is indented with no-break spaces.
            if line.startswith("\N{NO-BREAK SPACE}") and lines:
                lines[-1] += " " + " ".join(line.split())
            else:
                lines.append(" ".join(line.split()))
    return lines, listing


@pytest.mark.parametrize(("area", "lang"), [("samlet", "da"), ("teknik-og-miljoe", "en")])
def test_the_svg_names_every_technology_by_its_number(
    con: duckdb.DuckDBPyConnection, area: str, lang: Lang
) -> None:
    svg = exports.export_radar(con, "svg", area=area, edition=EDITION, lang=lang)
    data = store.load_radar_data(con)
    radar = exports.load_radar(data, exports.resolve_target(data, "svg", area, EDITION))
    lines, listing = _list_lines(svg)
    expected = [
        f"{row.number}. " + " ".join(radar.name(row.id, lang).split())
        for row in radar.view.sort_values("number").itertuples()
    ]
    assert [line for line in lines if re.match(r"\d+\. ", line)] == expected
    # Readable on a slide: at least 14 px at the picture's own (1x) size.
    assert min(_font_px(e) for e in listing) >= 14
