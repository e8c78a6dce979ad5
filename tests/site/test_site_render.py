"""The site without a browser: escaping of hostile values, Vietnamese anchors, JSON-LD, open data,
a build that refuses bad data and leaves the previous site untouched."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.model.types import ProvinceData
from generator.output.guard import MARKER
from generator.pipeline import DataHasErrors, load_checked
from generator.site.build import build_site, only_province
from generator.site.env import md_inline, safe_url
from generator.site.mkdocs_run import run_mkdocs
from generator.site.render import render_docs
from tests.kit.paths import CASES, SAMPLE

HOSTILE = "<script>alert(1)</script> {{ 7*7 }} *x* [a](javascript:alert(2)) </title>"


def _sample() -> ProvinceData:
    return only_province(load_checked(SAMPLE).provinces)


def _hostile(data: ProvinceData) -> ProvinceData:
    code = "1.001193"
    proc = data.procedures[code]
    online = dataclasses.replace(proc.online, url="javascript:alert(3)")
    bad = dataclasses.replace(proc, name=HOSTILE, agency=HOSTILE, steps=(HOSTILE, "a\n\nb"), online=online)
    return dataclasses.replace(data, procedures={**data.procedures, code: bad})


def _built(data: ProvinceData, tmp_path: Path) -> Path:
    docs, site = tmp_path / "docs", tmp_path / "site"
    render_docs(data, docs)
    run_mkdocs(docs, site, data.province.name, data.province.site_url)
    return site


def test_values_from_yaml_show_as_text(tmp_path: Path) -> None:
    html = (_built(_hostile(_sample()), tmp_path) / "thu-tuc" / "1.001193" / "index.html").read_text()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} *x* [a](javascript:alert(2))" in html
    assert 'href="javascript:' not in html
    assert "</title>" in html and html.count("</title>") == 1
    assert "<br>b" in html  # a blank line in a value does not end the HTML block


def test_headings_get_vietnamese_anchors(tmp_path: Path) -> None:
    html = (_built(_sample(), tmp_path) / "xa" / "xa-cam-lam" / "index.html").read_text()
    assert 'id="bo-phan-mot-cua"' in html
    assert 'id="dat-dai"' in html or 'id="ho-tich"' in html


def test_md_inline_and_safe_url() -> None:
    assert str(md_inline("Đăng *ký* [x](y) <b>")) == r"Đăng \*ký\* \[x\]\(y\) &lt;b&gt;"
    assert safe_url("javascript:alert(1)") == "#"
    assert safe_url(" JaVaScRiPt:alert(1)") == "#"
    assert safe_url("//evil.example/") == "#"
    assert safe_url("https://dichvucong.gov.vn/") == "https://dichvucong.gov.vn/"


def test_jsonld_and_open_data(sample_site: Path) -> None:
    html = (sample_site / "thu-tuc" / "1.001193" / "index.html").read_text()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert raw is not None
    doc = json.loads(raw.group(1))
    assert doc["@type"] == "GovernmentService" and doc["identifier"] == "1.001193"
    assert doc["availableChannel"]
    procedures = json.loads((sample_site / "du-lieu-mo" / "thu-tuc.json").read_text())
    assert {p["code"] for p in procedures} >= {"1.001193", "1.000894"}
    assert all(p["fees_stated"] for p in procedures)  # every sample states its fees ("Không" included)
    with (sample_site / "du-lieu-mo" / "xa.csv").open(encoding="utf-8") as f:
        assert any(row["ten"] == "Xã Cam Lâm" for row in csv.DictReader(f))
    for name in ("catalogue", "province", "commune"):
        assert json.loads((sample_site / "du-lieu-mo" / "schema" / f"{name}.schema.json").read_text())


def test_editors_page_lists_every_code(sample_site: Path) -> None:
    from generator.problems.catalogue import CATALOGUE

    html = (sample_site / "bien-tap" / "index.html").read_text()
    assert all(f'id="{code.lower()}"' in html for code in CATALOGUE)


def test_no_third_party_urls_in_assets(sample_site: Path) -> None:
    html = (sample_site / "index.html").read_text()
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    assert (sample_site / "assets" / "fonts" / "NotoSans-Regular.woff2").stat().st_size < 120_000


def test_small_navigation(sample_site: Path) -> None:
    html = (sample_site / "thu-tuc" / "1.001193" / "index.html").read_text()
    nav = html[html.index('class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "thu-tuc/" not in nav and "xa/xa-" not in nav


def test_failed_build_leaves_previous_site(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_text("")  # an earlier site of niemyet's
    (out / "marker.txt").write_text("previous")
    broken = next((root / "khanh-hoa" / "catalogue").glob("*.yaml"))
    broken.write_text(broken.read_text().replace("name:", "nam:", 1))
    with pytest.raises(DataHasErrors):
        build_site(root, out)
    assert (out / "marker.txt").read_text() == "previous"
    assert not list(tmp_path.glob(".site.tmp-*"))


def _case_data(case: str, tmp_path: Path) -> ProvinceData:
    """tests/cases/base with one invalid case's files over it (a case with warnings only loads)."""
    shutil.copytree(CASES / "base", tmp_path / "data")
    shutil.copytree(CASES / "invalid" / case, tmp_path / "data", dirs_exist_ok=True)
    (tmp_path / "data" / "expected.txt").unlink()
    return only_province(load_checked(tmp_path / "data").provinces)


def test_unstated_fee_says_no_information(tmp_path: Path) -> None:
    """No fee anywhere in the record (W023): never "Không" or "Miễn phí", on the page or in open data."""
    data = _case_data("W023-fees-unstated", tmp_path)
    site = _built(data, tmp_path)
    html = (site / "thu-tuc" / "1.001193" / "index.html").read_text()
    channels = html.split('id="cach-thuc-thoi-han-giai-quyet-va-phi"', 1)[1].split("</table>", 1)[0]
    unstated = '<div class="nm-fee">Chưa có thông tin</div>'
    assert re.findall(r'<div class="nm-fee">.*?</div>', channels) == [unstated, unstated]
    assert 'id="phi-le-phi-khac"' not in html  # no procedure-level fees: no "Phí, lệ phí khác" inferred
    assert "Miễn phí" not in html
    record = next(p for p in json.loads((site / "du-lieu-mo" / "thu-tuc.json").read_text()) if p["code"] == "1.001193")
    assert (record["fees_stated"], record["fees"], [c["fees"] for c in record["channels"]]) == (False, [], [[], []])
    with (site / "du-lieu-mo" / "thu-tuc.csv").open(encoding="utf-8") as f:
        assert next(r for r in csv.DictReader(f) if r["ma"] == "1.001193")["phi"] == "Chưa có thông tin"
