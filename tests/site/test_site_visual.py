"""Visual regression of the site (issue 20): approved screenshots at 390 px and 1280 px of the two longest
corpus records, a commune page and "Tình hình công khai", the first screen and a half of each.

A layout change is seen here before a citizen sees it. The approved images live in
``tests/site/approved/``; after a deliberate layout change, look at the new screenshots and approve
them with one command:

    NIEMYET_APPROVE=1 .venv/bin/python -m pytest tests/site/test_site_visual.py

The commune page and "Tình hình công khai" come from a copy of the sample outside git (no dates from
the repository's history, which change with every commit); the corpus pages from the imported corpus
(tests/kit/sites.py). A failing comparison leaves the new screenshot and a difference image in
pytest's temporary folder and names them in the message.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from generator.site.build import build_site
from generator.site.weight import served
from tests.kit.images import assert_as_approved
from tests.kit.paths import SAMPLE

APPROVED = Path(__file__).resolve().parent / "approved"
#: Share of pixels allowed to differ (by more than a quarter of the grey range): glyph anti-aliasing
#: noise stays far below; a moved block or a reflowed line does not.
TOLERANCE = 0.002
WIDTHS = {390: 844, 1280: 900}  # viewport width → height; the screenshot is 1.5 screens tall
#: name → (site fixture, path)
PAGES = {
    "longest-record": ("corpus_site", "thu-tuc/1.013172/"),
    "second-longest-record": ("corpus_site", "thu-tuc/1.013631/"),
    "commune": ("sample_outside_git", "xa/xa-cam-lam/"),
    "oversight": ("sample_outside_git", "tinh-hinh-cong-khai/"),
}


@pytest.fixture(scope="module")
def sample_outside_git(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sample-no-git")
    shutil.copytree(SAMPLE, folder / "procedures")
    build_site(folder / "procedures", folder / "site")
    return folder / "site"


@pytest.fixture
def shooter(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def shoot(url: str, width: int, target: Path) -> Image.Image:
        context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]})
        contexts.append(context)
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        clip = {"x": 0, "y": 0, "width": width, "height": int(WIDTHS[width] * 1.5)}
        page.screenshot(path=str(target), full_page=True, clip=clip)
        return Image.open(target).convert("L")

    yield shoot
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_looks_as_approved(
    name: str, width: int, shooter: Any, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    fixture, path = PAGES[name]
    site: Path = request.getfixturevalue(fixture)
    shot = tmp_path / f"{name}-{width}.png"
    with served(site) as url:
        new = shooter(url + path, width, shot)
    assert_as_approved(new, APPROVED / f"{name}-{width}.png", shot, TOLERANCE, f"{name} at {width} px")
