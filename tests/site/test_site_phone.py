"""Procedure and commune pages on a 390 px phone (issue 20), in chromium.

On every procedure page of the sample and of the real corpus: nothing in the content is wider than
its column (no sideways scrolling of the page or of a box inside it), and the key facts (time limit,
fees, where to file, online service) sit under the title, all four within the first screen and a
half, before the steps. The phone menu offers the page's contents; a button takes the reader back
to the top.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.site.weight import BUDGET_KB, first_visit, served

PHONE = {"width": 390, "height": 844}
#: What the page's layout gives on a phone: overflow of the page and inside the article, the key
#: facts' position (page coordinates) and the steps heading's.
LAYOUT = """() => {
  const article = document.querySelector("article");
  const right = article.getBoundingClientRect().right + 1;
  const all = [...article.querySelectorAll("*")];
  const wide = all.filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > right; });
  const scrolls = all.filter(e => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1
    && getComputedStyle(e).overflowX !== "visible");
  const name = e => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : "");
  const facts = [...document.querySelectorAll(".nm-facts dt")]
    .map(dt => [dt.textContent, dt.getBoundingClientRect().bottom + scrollY]);
  const steps = document.getElementById("trinh-tu-thuc-hien");
  return {
    page: document.documentElement.scrollWidth,
    wide: wide.slice(0, 5).map(name),
    scrolls: scrolls.slice(0, 5).map(name),
    facts: facts,
    steps: steps ? steps.getBoundingClientRect().top + scrollY : null,
  };
}"""
FACTS = ["Thời hạn giải quyết", "Phí, lệ phí", "Nơi nộp hồ sơ", "Dịch vụ công trực tuyến"]


def _procedure_paths(site: Path) -> list[str]:
    return sorted(f"thu-tuc/{d.name}/" for d in (site / "thu-tuc").iterdir() if d.is_dir())


def _layout_faults(page: Any, path: str) -> list[str]:
    layout = page.evaluate(LAYOUT)
    faults = []
    if layout["page"] > PHONE["width"]:
        faults.append(f"page {layout['page']} px wide")
    if layout["wide"] or layout["scrolls"]:
        faults.append(f"wider than the column: {layout['wide']}; scrolling sideways: {layout['scrolls']}")
    if [label for label, _ in layout["facts"]] != FACTS:
        faults.append(f"key facts {layout['facts']}")
    elif max(bottom for _, bottom in layout["facts"]) > 1.5 * PHONE["height"]:
        faults.append(f"key facts end below the first screen and a half: {layout['facts']}")
    elif layout["steps"] is None or layout["steps"] < layout["facts"][-1][1]:
        faults.append(f"steps at {layout['steps']} before the key facts")
    return [f"{path}: {fault}" for fault in faults]


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def _every_procedure_page(phone: Any, site: Path) -> list[str]:
    faults: list[str] = []
    with served(site) as url:
        for path in _procedure_paths(site):
            phone.goto(url + path)
            faults += _layout_faults(phone, path)
    return faults


def test_sample_procedure_pages_fit_a_phone(phone: Any, sample_site: Path) -> None:
    assert _every_procedure_page(phone, sample_site) == []


def test_corpus_procedure_pages_fit_a_phone(phone: Any, corpus_site: Path) -> None:
    assert len(_procedure_paths(corpus_site)) >= 90
    assert _every_procedure_page(phone, corpus_site) == []


def test_phone_menu_offers_the_page_contents(phone: Any, base_url: str) -> None:
    phone.goto(base_url + "thu-tuc/1.001193/")
    phone.locator(".md-header label[for=__drawer]").click()
    phone.locator(".nm-drawer-toc > label[for=__toc]").click()
    phone.locator(".nm-drawer-toc a", has_text="Căn cứ pháp lý").click()
    phone.wait_for_url("**/thu-tuc/1.001193/#can-cu-phap-ly")
    assert phone.evaluate("document.getElementById('__drawer').checked") is False  # the menu closed
    assert phone.evaluate("document.getElementById('can-cu-phap-ly').getBoundingClientRect().top") < 200


def test_back_to_top_shows_when_scrolling_back_up_and_goes_to_the_top(phone: Any, base_url: str) -> None:
    phone.goto(base_url + "thu-tuc/1.013133/")
    button = phone.locator(".md-top")
    phone.mouse.wheel(0, 2000)
    phone.wait_for_timeout(200)
    assert phone.evaluate("document.querySelector('.md-top').hidden")  # reading down: out of the way
    phone.mouse.wheel(0, -200)
    phone.wait_for_function("!document.querySelector('.md-top').hidden", timeout=3000)
    assert button.text_content().strip() == "Lên đầu trang"
    button.click()
    phone.wait_for_function("scrollY === 0", timeout=3000)


def test_documents_channels_and_legal_basis_stack_on_a_phone_and_stay_tables_on_a_desktop(
    browser: Any, base_url: str
) -> None:
    for width, display in ((390, "block"), (1280, "table-row")):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(base_url + "thu-tuc/1.013133/")
        rows = page.eval_on_selector_all(".nm-stack tbody tr", "rows => rows.map(r => getComputedStyle(r).display)")
        assert len(rows) >= 5 and set(rows) == {display}, (width, rows)
        context.close()


COMMUNE_LAYOUT = """() => {
  const article = document.querySelector("article");
  const right = article.getBoundingClientRect().right + 1;
  const wide = [...article.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > right).length;
  const rows = [...document.querySelectorAll(".nm-stack--procedures tbody tr")];
  const index = [...document.querySelectorAll(".nm-field-index a")].map(a => a.getAttribute("href").slice(1));
  const headings = [...document.querySelectorAll("article h3")].map(h => h.id);
  return {
    page: document.documentElement.scrollWidth, wide: wide, rows: rows.length,
    blocks: rows.filter(r => getComputedStyle(r).display === "block").length, index: index, headings: headings,
  };
}"""


def _biggest_commune(site: Path) -> str:
    pages = [p for p in (site / "xa").iterdir() if p.is_dir()]
    return f"xa/{max(pages, key=lambda p: (p / 'index.html').stat().st_size).name}/"


def test_commune_page_of_400_procedures_reads_on_a_phone_and_keeps_its_budget(
    phone: Any, browser: Any, synthetic_site: Path
) -> None:
    path = _biggest_commune(synthetic_site)
    with served(synthetic_site) as url:
        phone.goto(url + path)
        layout = phone.evaluate(COMMUNE_LAYOUT)
        weight = first_visit(browser, url + path, PHONE)
    assert layout["page"] <= PHONE["width"] and layout["wide"] == 0, layout
    assert layout["rows"] == layout["blocks"] == 400  # every procedure a block: no clipped column
    assert layout["index"] == layout["headings"] and len(layout["index"]) >= 10  # an index of the fields
    assert weight.kb <= BUDGET_KB["commune"], weight.table()


@pytest.mark.parametrize("width", [390, 1280])
def test_longest_corpus_record_has_no_serious_accessibility_violation(
    browser: Any, corpus_site: Path, axe_script: Path, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    with served(corpus_site) as url:
        page.goto(url + "thu-tuc/1.013172/")
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    bad = [(v["id"], v["impact"]) for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []


#: Overflow of the page and inside the article, and the display of the rows of every stacked table.
STACKED = """() => {
  const article = document.querySelector("article");
  const right = article.getBoundingClientRect().right + 1;
  const all = [...article.querySelectorAll("*")];
  const name = e => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : "");
  const wide = all.filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > right; });
  const scrolls = all.filter(e => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1
    && getComputedStyle(e).overflowX !== "visible");
  const rows = [...article.querySelectorAll(".nm-stack tbody tr")].map(r => getComputedStyle(r).display);
  return {page: document.documentElement.scrollWidth, wide: wide.slice(0, 5).map(name),
          scrolls: scrolls.slice(0, 5).map(name), rows: rows};
}"""


def test_oversight_and_a_commune_with_statistics_stack_on_a_phone(phone: Any, synthetic_site: Path) -> None:
    """The oversight tables (issue 20's leftover: it scrolled sideways) and the commune's months (issue 21)."""
    commune = sorted(p.name for p in (synthetic_site / "xa").iterdir() if p.is_dir())[0]
    with served(synthetic_site) as url:
        for path in ("tinh-hinh-cong-khai/", f"xa/{commune}/"):
            phone.goto(url + path)
            layout = phone.evaluate(STACKED)
            assert layout["page"] <= PHONE["width"] and layout["wide"] == layout["scrolls"] == [], (path, layout)
            assert len(layout["rows"]) >= 4 and set(layout["rows"]) == {"block"}, (path, layout["rows"])
    assert "Kết quả giải quyết hồ sơ 12 tháng gần nhất" in (synthetic_site / "xa" / commune / "index.html").read_text(
        encoding="utf-8"
    )
