"""Fixtures for the site tests: the sample site built once per session, served on 127.0.0.1.

Browser tests drive Debian's chromium through the session's one Playwright browser (``browser`` in
tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.site.build import build_site
from generator.site.weight import served
from tests.kit.paths import REPO, SAMPLE
from tests.kit.sites import corpus_root, synthetic_root

AXE = REPO / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(SAMPLE, out)
    return out


@pytest.fixture(scope="session")
def base_url(sample_site: Path) -> Iterator[str]:
    with served(sample_site) as url:
        yield url


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that records every request leaving 127.0.0.1 (and blocks it)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith("http://127.0.0.1:") or r.request.url.startswith("data:"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    pg = context.new_page()
    pg.outside_requests = outside
    yield pg
    context.close()
    assert outside == [], f"requests left localhost: {outside}"


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (scripts/install.sh: npm install axe-core)")
    return AXE


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus imported into a copy of the sample (tests/kit/sites.py), built; no git history."""
    folder = tmp_path_factory.mktemp("corpus")
    build_site(corpus_root(folder), folder / "site")
    return folder / "site"


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    build_site(synthetic_root(folder), folder / "site")
    return folder / "site"
