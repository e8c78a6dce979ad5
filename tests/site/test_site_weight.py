"""Light pages (issue 13): what a phone downloads on a first visit, measured in chromium.

Budgets are gzipped KB with every request counted (generator/site/weight.py); the 150 × 400
commune page is measured by bench/bench_weight.py. The search script and Pagefind load only once
someone starts a search; nothing is requested outside the site.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont

from generator.site.weight import BUDGET_KB, first_visit, wire_size

PAGES = {"home": "", "procedure": "thu-tuc/1.001193/", "commune": "xa/xa-cam-lam/"}
VIETNAMESE = "ăâđêôơưĂÂĐÊÔƠƯ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA)) + "₫“”–…"


@pytest.mark.parametrize("kind", sorted(PAGES))
@pytest.mark.parametrize("width", [390, 1280])
def test_first_visit_within_budget(browser: Any, base_url: str, kind: str, width: int) -> None:
    weight = first_visit(browser, base_url + PAGES[kind], {"width": width, "height": 900})
    assert weight.requests >= 5, weight.table()  # the page, stylesheets and fonts were all counted
    assert any(t.url.endswith(".woff2") for t in weight.transfers), weight.table()
    assert weight.kb <= BUDGET_KB[kind], weight.table()


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_first_visit_loads_no_script_and_stays_on_the_site(browser: Any, base_url: str, kind: str) -> None:
    weight = first_visit(browser, base_url + PAGES[kind])
    outside = [url for url in weight.requested if not url.startswith(base_url)]
    assert outside == []
    assert [url for url in weight.requested if url.endswith(".js") or "pagefind" in url] == []


def test_search_script_and_index_load_when_a_search_starts(page: Any, base_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(base_url + "thu-tuc/1.001193/", wait_until="networkidle")
    assert not [url for url in fetched if "search.js" in url or "pagefind" in url]
    with page.expect_response(lambda r: r.url.endswith("pagefind/pagefind.js")):
        page.locator("#nm-search-input").click()
    page.locator("#nm-search-input").press_sequentially("khai sinh", delay=15)
    page.wait_for_selector(".nm-search__title", timeout=5000)
    assert any(url.endswith("assets/niemyet/search.js") for url in fetched)


@pytest.mark.parametrize("width", [390, 1280])
def test_home_search_button_opens_search_on_every_tap(page: Any, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url, wait_until="networkidle")
    for _ in range(2):  # the first tap loads search.js, the second finds it loaded
        page.locator(".nm-home-search__button").click()
        page.wait_for_function("document.activeElement.id === 'nm-search-input'", timeout=5000)
        assert "nm-search--open" in page.locator("[data-nm-search]").get_attribute("class")
        page.keyboard.press("Escape")
        page.locator("h1").first.click()


def test_header_shows_page_title_after_scrolling(page: Any, base_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "thu-tuc/1.001193/")
    title = page.locator("[data-md-component=header-title]")
    assert "md-header__title--active" not in title.get_attribute("class")
    page.mouse.wheel(0, 800)
    page.wait_for_function("document.querySelector('.md-header__title--active') !== null", timeout=3000)


def test_tables_keep_materials_wrapper(sample_site: Path) -> None:
    html = (sample_site / "thu-tuc" / "1.001193" / "index.html").read_text(encoding="utf-8")
    wrapped = html.count('<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>')
    assert wrapped == html.count("<table") >= 3


def test_font_subset_is_small_and_draws_vietnamese(sample_site: Path) -> None:
    for face in ("NotoSans-Regular", "NotoSans-Bold"):
        path = sample_site / "assets" / "fonts" / f"{face}.woff2"
        assert path.stat().st_size < 25_000, (face, path.stat().st_size)
        cmap = TTFont(path).getBestCmap()
        assert [ch for ch in VIETNAMESE if ord(ch) not in cmap] == []


def test_wire_size_gzips_text_only() -> None:
    text = b"a" * 10_000
    assert wire_size(text, "text/html") < 100
    assert wire_size(text, "font/woff2") == 10_000


def test_site_ships_no_unused_theme_scripts_and_every_asset_link_resolves(sample_site: Path) -> None:
    assert not (sample_site / "assets" / "javascripts").exists()
    assert list(sample_site.rglob("*.map")) == []
    checked = 0
    for html in sample_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for link in re.findall(r'(?:href|src)="((?:\.\./)*assets/[^"#?]+)"', text):
            assert (html.parent / link).resolve().is_file(), (html, link)
            checked += 1
    assert checked > 100  # stylesheets, fonts, favicon on every page
