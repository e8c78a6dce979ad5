"""Fixtures every test folder shares.

``browser``: one chromium (Debian's ``/usr/bin/chromium``) driven by Playwright for the whole session.
Playwright's sync API runs an event loop while it is open, so a second ``sync_playwright()`` in the
same session fails ("using Playwright Sync API inside the asyncio loop"): every browser test takes
this fixture instead of starting its own. Skipped when chromium or Playwright is missing
(scripts/install.sh installs both).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.site.weight import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (scripts/install.sh installs it)")
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
