"""Every date a user reads is written out ("2. december 2026"), never in ISO form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from radar import importing
from radar.i18n import t
from radar.model import Catalog, Lang
from radar.ui.components import workshop_common
from radar.ui.components.change_log import log_table
from radar.ui.screens.editions import editions_table

OWN_CSV = Path(__file__).parents[1] / "features" / "data" / "import" / "own_semicolon.csv"


@pytest.mark.parametrize(
    ("lang", "text"), [("da", "2. december 2026 14.05"), ("en", "2 December 2026, 14:05")]
)
def test_the_change_log_writes_its_times_out_in_danish_time(
    catalog: Catalog, lang: Lang, text: str
) -> None:
    log = pd.DataFrame(
        {
            "entity": ["technology"],
            "record_key": ["aula"],
            "action": ["change"],
            "field": ["summary_da"],
            "old_value": ["a"],
            "new_value": ["b"],
            "reason": ["c"],
            "editor": ["d"],
            # 13:05 UTC is 14:05 in Copenhagen in December.
            "changed_at": [pd.Timestamp("2026-12-02 13:05", tz="UTC")],
        }
    )
    table = log_table(log, catalog, lang, show_editor=False)
    assert table[t("editing.log.when", lang)].tolist() == [text]


@pytest.mark.parametrize(("lang", "month"), [("da", "december"), ("en", "December")])
def test_a_workshop_time_is_written_out(lang: Lang, month: str) -> None:
    shown = workshop_common.when(dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC), lang)
    assert f"2. {month} 2026" in shown or f"2 {month} 2026" in shown
    assert "2026-12-02" not in shown


def test_the_editions_table_writes_the_publishing_day_out() -> None:
    summary = pd.DataFrame(
        {
            "year": [2025],
            "title_da": ["Teknologiradar 2025"],
            "title_en": ["Technology radar 2025"],
            "status": ["published"],
            "published": [dt.date(2025, 5, 17)],
            "assessments": [10],
            "technologies": [5],
        }
    )
    table = editions_table(summary, "da")
    assert table[t("editing.editions.column.published", "da")].tolist() == ["17. maj 2025"]


def test_the_import_preview_writes_the_new_editions_day_out(con: duckdb.DuckDBPyConnection) -> None:
    plan = importing.plan_import(
        con,
        OWN_CSV.read_bytes(),
        file_name="radar.csv",
        edition=2031,
        published=dt.date(2031, 3, 1),
    )
    [line] = [line for line in plan.summary_lines("da") if line.startswith("Ny udgave 2031")]
    assert line.endswith("1. marts 2031)")


@pytest.mark.parametrize(
    ("lang", "text"), [("da", "2. december 2026 14.05"), ("en", "2 December 2026, 14:05")]
)
def test_a_closing_time_in_the_past_is_named_in_danish_time(lang: Lang, text: str) -> None:
    from radar.workshop.model import WorkshopInputError

    error = WorkshopInputError(
        "workshop.error.closes_in_past", closes_at=dt.datetime(2026, 12, 2, 13, 5, tzinfo=dt.UTC)
    )
    assert text in error.message(lang)
    assert "2026-12-02" not in error.message(lang)


def test_the_workshop_export_writes_its_times_out(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog
) -> None:
    from radar import workshop
    from radar.workshop.exports import about_frame

    created = workshop.create_workshop(
        wcon,
        title="Temadag",
        catalog=catalog,
        area="teknik-og-miljoe",
        edition=2025,
        technologies=(workshop.WorkshopTechnology("alfa", "AUT", "Alfa", "Alpha", "klar"),),
        closes_at=dt.datetime(2099, 12, 2, 13, 5, tzinfo=dt.UTC),
    )
    about = about_frame(workshop.results(wcon, created.id), "da")
    values = " ".join(about.iloc[:, 1].astype(str))
    assert "2. december 2099 14.05" in values
    assert "2099-12-02" not in values and "UTC" not in values
