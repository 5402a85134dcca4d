"""The shipped Streamlit settings (.streamlit/config.toml) are the safe ones (issue 11, attack 15).

Streamlit reads this file from the working folder when the dashboard starts;
a deployment that forgets a flag gets these values, so they must be the ones a
municipal network can live with.
"""

from __future__ import annotations

import ipaddress
import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"


def _config() -> dict[str, dict[str, object]]:
    return tomllib.loads(CONFIG.read_text(encoding="utf-8"))


def test_the_dashboard_listens_on_this_machine_only_by_default() -> None:
    # Streamlit's own default is every interface; the reverse proxy is the one way in.
    address = _config()["server"]["address"]
    assert isinstance(address, str)
    assert ipaddress.ip_address(address).is_loopback


def test_cross_site_request_protection_stays_on_and_no_statistics_leave() -> None:
    config = _config()
    assert config["server"]["enableXsrfProtection"] is True
    assert config["browser"]["gatherUsageStats"] is False


def test_viewers_see_an_errors_kind_never_its_stack_trace() -> None:
    config = _config()
    assert config["client"]["showErrorDetails"] == "type"
    assert config["client"]["toolbarMode"] == "viewer"


def test_every_log_line_carries_its_time() -> None:
    assert "%(asctime)s" in str(_config()["logger"]["messageFormat"])
