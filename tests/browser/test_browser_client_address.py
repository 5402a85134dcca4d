"""The client address the lockout and the logs use, on the real server (issue 11, attack 10).

uvicorn, which serves ``streamlit run serve.py``, believes ``X-Forwarded-For``
from 127.0.0.1 by default and rewrites the client's address before the web
layer sees it. Then anyone connecting on this machine (a tunnel, a sidecar, a
proxy passing the header through) picks their own address: around the sign-in
lockout, or into another client's lock. Only the configured trusted proxies
may name the client.
"""

from __future__ import annotations

import http.client
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from signed_in import PASSWORD_HASH
from streamlit_server import streamlit_server

from radar import store
from radar.auth import PASSWORD_HASH_ENV_VAR
from radar.signins import TRUSTED_PROXIES_ENV_VAR

pytestmark = pytest.mark.browser

SERVE = Path(__file__).resolve().parents[2] / "serve.py"
SPOOFED = "203.0.113.66"


def _backup_refusal_logged_from(url: str, log: Path) -> str:
    """Ask for the backup without signing in, claiming to be SPOOFED; the address logged."""
    parts = urlsplit(url)
    con = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        con.request("GET", "/api/backup", headers={"X-Forwarded-For": SPOOFED})
        assert con.getresponse().status == 403
    finally:
        con.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for line in log.read_text(encoding="utf-8").splitlines():
            if "backup refused" in line:
                return line.rsplit(" from ", 1)[1].strip()
        time.sleep(0.1)
    raise AssertionError(f"no refusal logged:\n{log.read_text(encoding='utf-8')}")


@pytest.mark.parametrize(
    ("trusted", "expected"),
    [("", "127.0.0.1"), ("127.0.0.1", SPOOFED)],
    ids=["no-trusted-proxy", "local-proxy-trusted"],
)
def test_only_a_configured_trusted_proxy_may_name_the_client(
    copy_seeded_db: Callable[[], Path], tmp_path: Path, trusted: str, expected: str
) -> None:
    log = tmp_path / "server.log"
    env = {
        store.DB_ENV_VAR: str(copy_seeded_db()),
        PASSWORD_HASH_ENV_VAR: PASSWORD_HASH,
        TRUSTED_PROXIES_ENV_VAR: trusted,
    }
    with streamlit_server(SERVE, env=env, log=log) as url:
        assert _backup_refusal_logged_from(url, log) == expected
