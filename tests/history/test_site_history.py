"""The history on the site: page sections, the recent-changes page, a valid Atom feed, open data JSON."""

from __future__ import annotations

import hashlib
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.history.walk import UNAVAILABLE, province_history
from generator.pipeline import load_checked
from generator.site.render import render_docs
from tests.kit.paths import SAMPLE
from tests.kit.story import Story

ATOM = "{http://www.w3.org/2005/Atom}"


def _render(root: Path, docs: Path) -> Path:
    data = load_checked(root).provinces[0]
    render_docs(data, docs, history=province_history(root, data))
    return docs


@pytest.fixture(scope="module")
def docs(story: Story, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _render(story.repo.root, tmp_path_factory.mktemp("docs") / "docs")


def _section(page: Path) -> str:
    return page.read_text(encoding="utf-8").split("## Lịch sử thay đổi", 1)[1]


def test_procedure_page_shows_catalogue_changes_only(docs: Path) -> None:
    cert = _section(docs / "thu-tuc/2.000815/index.md")
    assert cert.index("20/08/2025") < cert.index("01/08/2025") < cert.index("01/07/2025")  # newest first
    assert "Thêm giấy tờ: “Tờ khai yêu cầu chứng thực”" in cert
    assert "Phí: 2.000 đồng → Phí: 3.000 đồng" in cert
    assert "Thời hạn xã cam kết" not in _section(docs / "thu-tuc/1.013133/index.md")
    commune = _section(docs / "xa/xa-cam-lam-moi/index.md")
    assert "Thời hạn xã cam kết: theo bản công bố của tỉnh → 4 giờ (Trực tiếp)" in commune
    assert "Thời hạn xã cam kết" not in _section(docs / "xa/phuong-nha-trang/index.md")
    assert "Thôi làm hòa giải viên (2.000930)" in commune  # removed from the catalogue: named, not linked


def test_no_link_to_a_page_that_is_gone(docs: Path) -> None:
    pages = [p.read_text(encoding="utf-8") for p in docs.rglob("*.md")]
    assert not [p for p in pages if "thu-tuc/2.000930/" in p]
    assert "thu-tuc/2.000930/" not in (docs / "thay-doi/atom.xml").read_text(encoding="utf-8")


def test_atom_feed_is_valid(docs: Path) -> None:
    feed = ET.parse(docs / "thay-doi/atom.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{tag}") is not None, tag
    assert feed.findtext(f"{ATOM}updated") == "2025-10-15T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids)) > 0
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert (entry.findtext(f"{ATOM}{tag}") or "").strip(), tag
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href", "").startswith("https://")
    fee = next(e for e in entries if "Phí: 2.000 đồng" in (e.findtext(f"{ATOM}summary") or ""))
    assert fee.find(f"{ATOM}link").get("href", "").endswith("/thu-tuc/2.000815/")  # type: ignore[union-attr]


def test_recent_page_and_open_data(docs: Path) -> None:
    page = (docs / "thay-doi/index.md").read_text(encoding="utf-8")
    assert page.index("15/10/2025") < page.index("01/10/2025") < page.index("20/08/2025")
    data = json.loads((docs / "du-lieu-mo/thay-doi.json").read_text(encoding="utf-8"))
    assert data["available"] is True
    removed = [c for c in data["changes"] if c["code"] == "2.000930" and not c["commune"]]
    assert removed[0]["kind"] == "removed" and removed[0]["date"] == "2025-10-01" and removed[0]["url"] == ""
    assert "du-lieu-mo/thay-doi.json" in (docs / "du-lieu-mo/index.md").read_text(encoding="utf-8")


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


def test_two_renders_of_one_commit_are_identical(story: Story, docs: Path, tmp_path: Path) -> None:
    assert _digest(_render(story.repo.root, tmp_path / "again")) == _digest(docs)


def test_no_git_one_line_and_a_valid_empty_feed(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "procedures")
    out = _render(tmp_path / "procedures", tmp_path / "docs")
    assert _section(out / "thu-tuc/2.000815/index.md").strip() == f'<p class="nm-history-none">{UNAVAILABLE}</p>'
    assert UNAVAILABLE in (out / "thay-doi/index.md").read_text(encoding="utf-8")
    feed = ET.parse(out / "thay-doi/atom.xml").getroot()
    assert feed.findtext(f"{ATOM}updated") and feed.findall(f"{ATOM}entry") == []


def test_full_build_publishes_page_and_feed(story: Story, tmp_path: Path) -> None:
    from generator.site.build import build_site

    report = build_site(story.repo.root, tmp_path / "site", search=False)
    assert "history" in report.seconds
    page = (tmp_path / "site/thay-doi/index.html").read_text(encoding="utf-8")
    assert "Thay đổi gần đây" in page and 'href="atom.xml"' in page
    assert 'type="application/atom+xml"' in (tmp_path / "site/index.html").read_text(encoding="utf-8")
    ET.parse(tmp_path / "site/thay-doi/atom.xml")
