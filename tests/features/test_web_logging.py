"""The operator's log (attack 15): timed lines for the server, and imports, restores and init.

The command line's lines are read from its stderr, as a cron job's mail or the
journal would show them; each names the paths and the result.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from radar import logs, store
from radar.cli import main
from radar.store import backup

#: The start of every line: date, time with milliseconds, level, logger.
TIMED = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (INFO|WARNING|ERROR) radar\.cli"
AREA = "teknik-og-miljoe"
FILE = (
    "area,technology,sector,name_da,name_en,summary_da,maturity_trl,share_operation,share_pilot,"
    "share_considering,share_not_considering,ring,ring_reason\n"
    f"{AREA},droner-til-inspektion,DATA,Droner til inspektion,Drones,Droner ser på broer,"
    "7,40,30,20,10,,\n"
)


def _lines(err: str, command: str) -> list[str]:
    return [line for line in err.splitlines() if re.match(TIMED, line) and f" {command} " in line]


def test_init_and_restore_write_a_timed_line_with_the_paths_and_the_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "radar.duckdb"
    assert main(["init", "--db", str(db)]) == 0
    [line] = _lines(capsys.readouterr().err, "init")
    assert f"init result=ok db={str(db)!r}" in line
    assert "force=False" in line

    assert main(["init", "--db", str(db)]) == 1
    [line] = _lines(capsys.readouterr().err, "init")
    assert "WARNING" in line
    assert "init result=refused" in line
    assert "--force" in line

    folder = tmp_path / "backup"
    assert main(["backup", "--db", str(db), "--out", str(folder)]) == 0
    [line] = _lines(capsys.readouterr().err, "backup")
    assert f"backup result=ok db={str(db)!r} out={str(folder)!r}" in line

    assert main(["restore", str(folder), "--db", str(db)]) == 1
    [line] = _lines(capsys.readouterr().err, "restore")
    assert f"restore result=refused db={str(db)!r} from={str(folder)!r} force=False" in line

    assert main(["restore", str(folder), "--db", str(db), "--force"]) == 0
    [line] = _lines(capsys.readouterr().err, "restore")
    assert f"restore result=ok db={str(db)!r} from={str(folder)!r} force=True" in line


def test_a_restore_under_a_live_dashboard_is_refused_and_logged(
    writable_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = backup.backup(tmp_path / "backup", writable_db)
    # Another process holds the file, as a running dashboard does.
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('open', flush=True); "
            "sys.stdin.read()",
            str(writable_db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert main(["restore", str(folder), "--db", str(writable_db), "--force"]) == 1
    finally:
        holder.communicate("")
    [line] = _lines(capsys.readouterr().err, "restore")
    assert "restore result=refused" in line
    assert "in use by another program" in line


def test_an_import_is_logged_with_who_which_file_and_how_many_changes(
    writable_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    upload = tmp_path / "ny radar.csv"
    upload.write_text(FILE, encoding="utf-8")
    args = ["import", str(upload), "--db", str(writable_db), "--edition", "2031"]
    assert main([*args, "--area", AREA, "--editor", "mette", "--draft"]) == 0
    [line] = _lines(capsys.readouterr().err, "import")
    assert "import result=ok editor='mette' file='ny radar.csv' edition=2031 rows=" in line
    assert int(re.search(r"rows=(\d+)", line).group(1)) >= 1  # type: ignore[union-attr]


def test_a_full_disk_during_a_command_line_import_says_so_and_is_logged(
    writable_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from radar import importing

    def full(*_args: object, **_kwargs: object) -> None:
        raise store.StorageFull("IO Error: Could not write file: No space left on device")

    monkeypatch.setattr(importing, "apply_import", full)
    upload = tmp_path / "radar.csv"
    upload.write_text(FILE, encoding="utf-8")
    args = ["import", str(upload), "--db", str(writable_db), "--edition", "2031", "--area", AREA]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "error: the disk is full; nothing of the import was saved" in err
    assert "Traceback" not in err
    [line] = _lines(err, "import")
    assert "ERROR" in line and "import result=disk-full" in line


#: Loggers of the tests' own, set up as uvicorn's are: Streamlit, in other tests
#: of the same process, adds and replaces handlers of the real ones at will.
NAMES = ("test-uvicorn", "test-uvicorn.error", "test-uvicorn.access")


@pytest.fixture
def server_loggers() -> Iterator[list[logging.Logger]]:
    """Loggers as uvicorn's default configuration leaves its own: no time on a line."""
    from uvicorn.logging import AccessFormatter, DefaultFormatter

    loggers = [logging.getLogger(name) for name in NAMES]
    saved = [(lg.handlers[:], lg.propagate) for lg in loggers]
    error_handler = logging.StreamHandler()
    error_handler.setFormatter(DefaultFormatter("%(levelprefix)s %(message)s", use_colors=False))
    access_handler = logging.StreamHandler()
    access_handler.setFormatter(
        AccessFormatter('%(levelprefix)s %(client_addr)s - "%(request_line)s"', use_colors=False)
    )
    loggers[0].handlers = [error_handler]
    loggers[2].handlers = [access_handler]
    yield loggers
    for lg, (handlers, propagate) in zip(loggers, saved, strict=True):
        lg.handlers, lg.propagate = handlers, propagate


def test_the_servers_own_lines_get_the_time(server_loggers: list[logging.Logger]) -> None:
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/readyz", "1.1", 200), None,
    )  # fmt: skip
    logs.timed_server_lines(names=NAMES)
    for lg in (server_loggers[0], server_loggers[2]):
        [handler] = lg.handlers
        assert handler.formatter is not None
        line = handler.formatter.format(record)
        assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO uvicorn\.access: ", line)
        assert line.endswith('127.0.0.1:5000 - "GET /readyz HTTP/1.1" 200')


def test_streamlits_timed_handler_is_kept_and_the_duplicate_dropped(
    server_loggers: list[logging.Logger],
) -> None:
    access = server_loggers[2]
    streamlit_handler = logging.StreamHandler()
    streamlit_handler.setFormatter(logging.Formatter(logs.LOG_FORMAT))
    access.streamlit_console_handler = streamlit_handler  # type: ignore[attr-defined]
    access.addHandler(streamlit_handler)
    try:
        logs.timed_server_lines(names=NAMES)
        assert access.handlers == [streamlit_handler]
    finally:
        del access.streamlit_console_handler  # type: ignore[attr-defined]


def test_a_key_in_a_request_line_never_reaches_the_server_log(
    server_loggers: list[logging.Logger],
) -> None:
    access = server_loggers[2]
    seen: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    access.addHandler(Keep())
    logs.timed_server_lines(names=NAMES)
    logs.timed_server_lines(names=NAMES)  # idempotent: one filter, not two
    assert len(access.filters) == 1
    key = "0123456789abcdef" * 2
    for path in (f"/styr?k={key}", f"/styr?lang=en&k={key}", f"/workshop?join_as={key}"):
        record = logging.LogRecord(
            "uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d',
            ("127.0.0.1:5000", "GET", path, "1.1", 303), None,
        )  # fmt: skip
        access.handle(record)
    assert len(seen) == 3
    assert not any(key in line for line in seen), seen
    assert '"GET /styr?k=… HTTP/1.1" 303' in seen[0]
    assert "/styr?lang=en&k=…" in seen[1] and "/workshop?join_as=…" in seen[2]
