"""axe-core in a real browser page: the script from the pinned wheel and the WCAG 2.1 AA run."""

from __future__ import annotations

import os
from typing import Any, Final

import pytest


def _axe_script() -> str:
    """axe-core's source from the pinned wheel; skipped without it, except in CI."""
    try:
        from axe_playwright_python.base import AXE_SCRIPT
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip(
            "axe-playwright-python not installed (pip install -r requirements-dev.txt); "
            "accessibility tests skipped",
            allow_module_level=True,
        )
    return str(AXE_SCRIPT)


AXE: Final = _axe_script()
#: WCAG 2.1 A and AA, the level webtilgængelighedsloven asks for.
AXE_OPTIONS: Final = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def axe_violations(page: Any, within: str | None = None) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 AA violations on ``page`` (a Playwright page) as it is now.

    ``within`` is a CSS selector that limits the run to one section of the page.
    The page must have loaded: axe run on a document that a navigation is still
    replacing finds no ``documentElement`` and fails.
    """
    page.wait_for_load_state("load")
    page.evaluate(AXE)
    result: dict[str, Any] = page.evaluate(
        "([within, options]) => axe.run(within === null ? document : {include: [within]}, options)",
        [within, AXE_OPTIONS],
    )
    return list(result["violations"])


def assert_no_axe_violations(page: Any, where: str, within: str | None = None) -> None:
    """Fail with every WCAG 2.1 AA violation on ``page``, each named by ``where`` and its node."""
    found = [
        f"{where}: {v['id']} ({v['impact']}) at {' '.join(map(str, n['target']))}"
        for v in axe_violations(page, within)
        for n in v["nodes"]
    ]
    assert not found, "\n".join(found)
