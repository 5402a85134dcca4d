"""``GET /api/backup``: the whole database as a zip, for a signed-in editor's browser only.

A route of the project's own instead of a Streamlit download button, whose
``/media`` URL answers anyone who has it for minutes: this one checks the
browser's cookie against the sign-in store on every request, never lets a
cache keep the file, and logs who took it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Final

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from radar import shared_signins, signins, store
from radar.auth import Role
from radar.store import backup
from radar.web import browser

#: Where the route answers; the sign-in page links to it (relative, so a proxy's path prefix holds).
PATH: Final = "/api/backup"

logger = logging.getLogger(__name__)


def _zip() -> bytes:
    # The process's one writable connection: an editor is signed in, so editing is on
    # and the dashboard holds the file for writing; no second connection may open it.
    return backup.backup_zip(store.shared_connection(store.resolve_db_path(), read_only=False))


async def _backup(request: Request) -> Response:
    client = request.headers.get(browser.CLIENT_HEADER) or signins.UNKNOWN_CLIENT
    browser_id = browser.browser_id(request.cookies.get(browser.COOKIE_NAME))
    # In a thread: with shared sign-ins (several replicas) this asks the database.
    user = await run_in_threadpool(shared_signins.sign_ins().current, browser_id)
    if user is None or not user.role.includes(Role.EDITOR):
        logger.warning("backup refused: no signed-in editor, from %s", client)
        return PlainTextResponse(
            "Forbidden", status_code=403, headers={"Cache-Control": "no-store"}
        )
    content = await run_in_threadpool(_zip)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    logger.info("backup downloaded by %r from %s", user.name, client)
    return Response(
        content,
        media_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="teknologiradar-backup-{stamp}.zip"',
            "Cache-Control": "no-store",
        },
    )


def routes() -> list[BaseRoute]:
    """The backup route."""
    return [Route(PATH, _backup, methods=["GET"])]
