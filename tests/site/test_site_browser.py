"""The built sample site in a real browser: search by typing, navigation, no outside requests, axe."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

QUERIES = [
    ("dang ky khai sinh", "Đăng ký khai sinh"),
    ("DANG KY KET HON", "Đăng ký kết hôn"),
    ("chung thuc ban sao", "Chứng thực bản sao từ bản chính"),
    ("đăng ký khai tử", "Đăng ký khai tử"),
    (unicodedata.normalize("NFD", "Đăng ký kết hôn"), "Đăng ký kết hôn"),  # decomposed input
    ("dang ky nghia vu quan su", "Đăng ký nghĩa vụ quân sự lần đầu"),
    ("nghia vu quan su", "Nghĩa vụ quân sự"),  # the field page: its title is the query
]


def _search(page: Any, query: str) -> list[str]:
    box = page.locator("#nm-search-input")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially(query, delay=15)  # keystrokes: fill() would not fire the input events
    page.wait_for_selector(".nm-search__title", timeout=5000)
    page.wait_for_timeout(400)  # debounce settles on the last keystroke
    titles: list[str] = page.locator(".nm-search__title").all_text_contents()
    return titles


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_search_puts_the_exact_procedure_first(page: Any, base_url: str, query: str, expected: str) -> None:
    page.goto(base_url)
    titles = _search(page, query)
    assert titles, f"no results for {query!r}"
    assert titles[0].startswith(expected), (query, titles[:3])


def test_search_result_shows_code_and_field(page: Any, base_url: str) -> None:
    page.goto(base_url)
    _search(page, "chung thuc ban sao")
    first = page.locator(".nm-search__excerpt").first.text_content()
    assert first == "Mã 2.000815 · Chứng thực · Không có dịch vụ trực tuyến"


def test_search_result_opens_the_procedure(page: Any, base_url: str) -> None:
    page.goto(base_url + "xa/")
    _search(page, "dang ky khai sinh")
    page.keyboard.press("Enter")
    page.wait_for_url("**/thu-tuc/1.001193/")
    assert page.locator("h1").first.text_content() == "Đăng ký khai sinh"


def test_navigation_home_field_procedure_commune(page: Any, base_url: str) -> None:
    page.goto(base_url)
    page.locator("article a", has_text="Hộ tịch").first.click()
    page.wait_for_url("**/linh-vuc/ho-tich/")
    page.locator("article a", has_text="Đăng ký khai sinh").first.click()
    page.wait_for_url("**/thu-tuc/1.001193/")
    for heading in ("Thành phần hồ sơ", "Căn cứ pháp lý", "Quyết định công bố", "Nơi nộp hồ sơ"):
        assert page.locator("h2", has_text=heading).count() == 1
    page.locator("article a", has_text="Xã Cam Lâm").first.click()
    page.wait_for_url("**/xa/xa-cam-lam/")
    assert page.locator("h2", has_text="Bộ phận Một cửa").count() == 1
    assert page.locator("a", has_text="Đăng ký khai sinh").count() >= 1


def test_fonts_are_self_hosted(page: Any, base_url: str) -> None:
    page.goto(base_url + "thu-tuc/1.001193/")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Noto Sans\"', 'Đăng ký')")


@pytest.mark.parametrize("path", ["", "thu-tuc/1.001193/", "xa/xa-cam-lam/", "tinh-hinh-cong-khai/"])
@pytest.mark.parametrize("width", [390, 1280])  # phone and desktop layouts
def test_no_serious_accessibility_violations(page: Any, base_url: str, axe_script: Path, path: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + path)
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [
        (v["id"], v["impact"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], bad


def test_print_hides_navigation_and_search(page: Any, base_url: str) -> None:
    page.goto(base_url + "thu-tuc/1.001193/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("h1").first.is_visible()


def _oversight_names(page: Any) -> list[str]:
    names: list[str] = page.locator("table.nm-oversight tbody th").all_text_contents()
    return names


def test_oversight_table_sorts_by_a_clicked_column(page: Any, base_url: str) -> None:
    page.goto(base_url + "tinh-hinh-cong-khai/")
    assert _oversight_names(page) == ["Đặc khu Trường Sa", "Xã Cam Lâm", "Phường Nha Trang"]  # lowest first
    header = page.locator("table.nm-oversight thead th").nth(1)
    header.locator("button").click()  # Mức đầy đủ, ascending: same order
    assert header.get_attribute("aria-sort") == "ascending"
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert _oversight_names(page) == ["Phường Nha Trang", "Xã Cam Lâm", "Đặc khu Trường Sa"]
    page.locator("table.nm-oversight thead th").first.locator("button").click()  # by name, the Vietnamese way
    assert _oversight_names(page) == ["Đặc khu Trường Sa", "Phường Nha Trang", "Xã Cam Lâm"]


def test_oversight_page_reads_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "tinh-hinh-cong-khai/")
    assert page.locator("table.nm-oversight tbody tr").count() == 3
    assert page.locator("figure.nm-chart svg rect").count() == 3
    assert page.locator("table.nm-oversight thead button").count() == 0
    context.close()


def test_search_says_how_many_results_and_shows_more_on_request(page: Any, base_url: str) -> None:
    """Issue 20: the number of results, the first eight, and eight more at each "Xem thêm" until all are shown."""
    page.goto(base_url)
    _search(page, "thu tuc")
    status = page.locator(".nm-search__status")
    total = int(status.text_content().split(" ")[0])
    assert total > 8, status.text_content()
    assert page.locator(".nm-search__result").count() == 8
    assert status.text_content() == f"{total} kết quả, đang xem 8"
    more = page.locator(".nm-search__more")
    while more.is_visible():
        shown = page.locator(".nm-search__result").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.nm-search__result').length > {shown}", timeout=5000)
    assert page.locator(".nm-search__result").count() == total
    assert status.text_content() == f"{total} kết quả"
    urls = page.eval_on_selector_all(".nm-search__result", "links => links.map(a => a.href)")
    assert len(set(urls)) == total  # each result once
