"""Hostile values come out as visible text: on the site, in the JSON/CSV downloads, on the posters.

One procedure of a copy of the sample data is given names, steps and notes carrying HTML, a
``<script>``, an ``onerror`` handler, Markdown link syntax to ``javascript:``, Jinja ``{{ }}`` and
``{% %}``, HTML entities and a URL with quotes and angle brackets. Each must be shown as written,
and none may become markup, a link, a script or a template expression.
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.posters.build import PosterOptions, build_posters
from generator.site.build import build_site
from tests.kit.paths import SAMPLE

CODE = "1.001193"
HOSTILE = {
    "name": "Đăng ký khai sinh <script>alert(1)</script>",
    "document": "Tờ khai [bấm vào đây](javascript:alert(1)) <img src=x onerror=alert(2)>",
    "step": "Nộp hồ sơ {{ 7*7 }} {% if true %}có{% endif %} &amp; &lt;b&gt; &#60;i&#62;",
    "agency": "Ủy ban <b>nhân dân</b> cấp xã",
    "note": '=HYPERLINK("https://ke-gian.example/", "bấm")',
    # keys of the widened model (issue 8): a channel row's description and the export's agency fields
    "description": "Trường hợp <i>đúng hạn</i> [x](javascript:alert(4)) {{ 6*6 }}",
    "address": "Bộ phận Một cửa <script>alert(5)</script> &amp;",
}
HOSTILE_URL = 'https://dichvucong.gov.vn/x?a="><script>alert(3)</script>'


def _yaml_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _hostile_tree(target: Path) -> Path:
    shutil.copytree(SAMPLE, target)
    path = target / "khanh-hoa" / "catalogue" / f"{CODE}.yaml"
    text = path.read_text(encoding="utf-8")
    replacements = [
        ("name: Đăng ký khai sinh\n", f"name: {_yaml_str(HOSTILE['name'])}\n"),
        (
            "  - name: Tờ khai đăng ký khai sinh (khi nộp",
            f"  - name: {_yaml_str(HOSTILE['document'])}\n    note: (khi nộp",
        ),
        ("steps:\n", f"steps:\n  - {_yaml_str(HOSTILE['step'])}\n"),
        ("agency: Ủy ban nhân dân cấp xã\n", f"agency: {_yaml_str(HOSTILE['agency'])}\n"),
        ("  - method: in_person\n", f"  - method: in_person\n    description: {_yaml_str(HOSTILE['description'])}\n"),
        ("conditions:", f"receiving_address: {_yaml_str(HOSTILE['address'])}\nconditions:"),
        ("conditions:", f"keywords: {_yaml_str(HOSTILE['name'])}\nconditions:"),
        (
            "online:\n  service: toan_trinh\n  url: ",
            f"online:\n  service: toan_trinh\n  url: {_yaml_str(HOSTILE_URL)}\n  #",
        ),
    ]
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    commune = target / "khanh-hoa" / "communes" / "phuong-nha-trang.yaml"
    ctext = commune.read_text(encoding="utf-8").replace(
        '  - code: "1.001193"\n', f'  - code: "1.001193"\n    note: {_yaml_str(HOSTILE["note"])}\n', 1
    )
    commune.write_text(ctext, encoding="utf-8")
    return target


class _Page(html.parser.HTMLParser):
    """Visible text, script bodies and every attribute of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            del self._in[len(self._in) - 1 - self._in[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "script":
            self.scripts.append(data)
        elif not (self._in and self._in[-1] == "style"):
            self.text.append(data)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _hostile_tree(tmp_path_factory.mktemp("hostile") / "procedures")


@pytest.fixture(scope="module")
def site(data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(data, out, search=False)
    return out


def _words(text: str) -> str:
    return " ".join(text.split())


def test_site_shows_hostile_values_as_text(site: Path) -> None:
    page = _Page()
    page.feed((site / "thu-tuc" / CODE / "index.html").read_text(encoding="utf-8"))
    visible = _words(" ".join(page.text))
    for value in (HOSTILE["name"], HOSTILE["document"], HOSTILE["step"], HOSTILE["agency"], HOSTILE["description"]):
        assert _words(value) in visible
    assert _words(HOSTILE["address"]) in visible
    assert not any(script.strip().startswith("alert(") for script in page.scripts)  # no injected script element
    for tag, name, value in page.attrs:
        assert not name.startswith("on"), (tag, name, value)
        assert not value.strip().lower().startswith("javascript:"), (tag, name, value)
        assert tag != "img" or value != "x"
    assert ("a", "href", HOSTILE_URL) in page.attrs  # the URL is kept whole, as an attribute value


def test_jsonld_cannot_close_its_script(site: Path) -> None:
    raw = (site / "thu-tuc" / CODE / "index.html").read_text(encoding="utf-8")
    start = raw.index('<script type="application/ld+json">')
    block = raw[start : raw.index("</script>", start)]
    assert "<script>alert" not in block and "</script" not in block[10:]
    data = json.loads(block.split(">", 1)[1])
    assert data["name"] == HOSTILE["name"]


def test_open_data_keeps_values_and_neutralises_formulas(site: Path) -> None:
    folder = site / "du-lieu-mo"
    procedures = json.loads((folder / "thu-tuc.json").read_text(encoding="utf-8"))
    record = next(p for p in procedures if p["code"] == CODE)
    assert record["name"] == HOSTILE["name"]
    assert record["documents"][0]["name"] == HOSTILE["document"]
    assert HOSTILE["step"] in record["steps"]
    rows = list(csv.DictReader(io.StringIO((folder / "thu-tuc.csv").read_text(encoding="utf-8"))))
    assert next(r for r in rows if r["ma"] == CODE)["ten"] == HOSTILE["name"]
    pairs = list(csv.DictReader(io.StringIO((folder / "xa-thu-tuc.csv").read_text(encoding="utf-8"))))
    note = next(r["ghi_chu"] for r in pairs if r["ma_thu_tuc"] == CODE and r["xa"] == "phuong-nha-trang")
    assert note == "'" + HOSTILE["note"]


def test_posters_show_hostile_values_as_text(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "posters"
    build_posters(data, out, PosterOptions(communes=("phuong-nha-trang",), progress=False))
    pdf = out / "khanh-hoa" / "phuong-nha-trang" / f"{CODE}.pdf"
    text = _words(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout)
    for value in (HOSTILE["name"], HOSTILE["document"], HOSTILE["step"], HOSTILE["agency"], HOSTILE["note"]):
        assert _words(value) in text
    packed = "".join(text.split())  # a narrow column may break "[x](javascript:" between its brackets
    for value in (HOSTILE["description"], HOSTILE["address"]):
        assert "".join(value.split()) in packed


def test_browser_runs_no_injected_script(site: Path, browser: Any) -> None:
    dialogs: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((site / "thu-tuc" / CODE / "index.html").as_uri())
    shown = page.inner_text("article")
    page.close()
    assert dialogs == []
    assert _words(HOSTILE["name"]) in _words(shown)
