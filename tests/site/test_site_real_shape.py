"""A record in the national export's shape (tests/cases/valid/real-export-shape) on the site:
several rows of one method told apart by their description, time limits as written ("0", "Khác"),
several forms per document, no decision date, no online level, the new fields and open data."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.pipeline import load_checked
from generator.site.build import only_province
from generator.site.mkdocs_run import run_mkdocs
from generator.site.render import render_docs
from tests.kit.paths import CASES, SAMPLE

CODE = "1.000002"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("real-shape")
    shutil.copytree(CASES / "base", tmp / "data")
    shutil.copytree(CASES / "valid" / "real-export-shape", tmp / "data", dirs_exist_ok=True)
    (tmp / "data" / "expected.txt").unlink()
    data = only_province(load_checked(tmp / "data").provinces)
    render_docs(data, tmp / "docs")
    run_mkdocs(tmp / "docs", tmp / "site", data.province.name, data.province.site_url)
    return tmp / "site"


def _page(site: Path) -> str:
    return (site / "thu-tuc" / CODE / "index.html").read_text(encoding="utf-8")


def _channel_rows(html: str) -> list[str]:
    table = html.split('id="cach-thuc-thoi-han-giai-quyet-va-phi"', 1)[1].split("</table>", 1)[0]
    return [re.sub(r"<[^>]+>", "|", row) for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>", table, re.S)]


def test_rows_of_one_method_are_separate_rows_with_their_description(site: Path) -> None:
    rows = _channel_rows(_page(site))
    assert len(rows) == 4
    assert "Trực tiếp" in rows[0] and "Trực tiếp tại trụ sở cơ quan thuế" in rows[0]
    assert "Trực tiếp" in rows[1] and "Không phải trả kết quả cho người nộp thuế" in rows[1]


def test_time_limits_and_fees_are_shown_as_written(site: Path) -> None:
    rows = _channel_rows(_page(site))
    assert "|15 Ngày làm việc|" in rows[0] and "|0|" in rows[1] and "|0 Giờ|" in rows[2] and "|Khác|" in rows[3]
    assert "Phí : Không Đồng" in rows[0] and "Lệ phí : 03 USD (Đối với người nước ngoài)" in rows[1]
    assert "Phí : 0 Đồng" in rows[2]
    assert "Miễn" not in "".join(rows)  # a zero is never turned into "Miễn"


def test_forms_missing_dates_online_and_new_fields(site: Path) -> None:
    html = _page(site)
    forms = re.findall(r'<li id="mau-(\d+)"><strong>([^<]+)</strong>', html)  # each form once (issue 20)
    assert forms[:3] == [("1", "TKMAU07K-MAU.docx"), ("2", "PL07XN-MAU.docx"), ("3", "PL07THDK-MAU.docx")]
    assert len({title for _, title in forms}) == len(forms)
    assert '<a href="#mau-1">Mẫu 1</a>, <a href="#mau-2">Mẫu 2</a>, <a href="#mau-3">Mẫu 3</a>' in html
    assert 'trên <a href="https://dichvucong.gov.vn/" rel="noopener">Cổng Dịch vụ công quốc gia</a>' in html
    assert "Chưa có thông tin" in html  # online level and the legal document without a date
    assert "Quyết định số <strong>QĐ/0001-MAU</strong></p>" in html
    assert "Cập nhật lần cuối" not in html
    assert "Loại thủ tục: TTHC được luật giao quy định chi tiết" in html
    assert "Địa chỉ tiếp nhận hồ sơ: Đội Cảnh sát" in html and "Cơ quan có thẩm quyền: Công an huyện" in html
    assert '<td data-label="Cơ quan ban hành">Bộ Tài chính</td>' in html


def test_keywords_are_indexed_but_hidden(site: Path) -> None:
    html = _page(site)
    hidden = re.search(r'<p class="nm-fold nm-keywords" aria-hidden="true" data-pagefind-weight="5">(.*?)</p>', html)
    assert hidden is not None
    assert hidden.group(1) == "Đăng ký mẫu người phụ thuộc · dang ky mau nguoi phu thuoc"


def test_json_ld_stays_valid(site: Path) -> None:
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', _page(site), re.S)
    assert raw is not None
    doc = json.loads(raw.group(1))
    names = [c["name"] for c in doc["availableChannel"]]
    assert names[1] == "Trực tiếp (Không phải trả kết quả cho người nộp thuế): 0"
    assert doc["availableChannel"][2]["processingTime"] == "PT0H"
    assert "dateModified" not in doc


def test_open_data_carries_the_new_fields(site: Path) -> None:
    records = {p["code"]: p for p in json.loads((site / "du-lieu-mo" / "thu-tuc.json").read_text(encoding="utf-8"))}
    record = records[CODE]
    assert record["decision"]["date"] is None and record["online"]["service"] == "unknown"
    assert record["channels"][1]["description"] == "Không phải trả kết quả cho người nộp thuế"
    assert [f["title"] for f in record["documents"][2]["forms"]] == [
        "95-Mẫu HK07-Giấy chuyển mẫu.doc",
        "PL07XN-MAU.docx",
    ]
    assert record["legal_basis"][0]["issuer"] == "Bộ Tài chính" and record["keywords"] == [
        "Đăng ký mẫu người phụ thuộc"
    ]
    with (site / "du-lieu-mo" / "thu-tuc.csv").open(encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["ma"] == CODE)
    assert row["ngay_quyet_dinh"] == "" and row["loai_thu_tuc"] == "TTHC được luật giao quy định chi tiết"
    assert row["thoi_han"].startswith("Trực tiếp (Trực tiếp tại trụ sở cơ quan thuế.")
    assert "Trực tiếp (Không phải trả kết quả cho người nộp thuế): Lệ phí : 03 USD (Đối với" in row["phi"]
    assert row["dia_chi_tiep_nhan"].startswith("Đội Cảnh sát") and row["tu_khoa"] == "Đăng ký mẫu người phụ thuộc"


def test_steps_that_number_themselves_are_not_numbered_again(site: Path) -> None:
    """Real steps open with "+ Bước 1:", "Bước 2:": the list shows them as written, without "1.", "2."."""
    html = _page(site)
    assert '<ol class="nm-steps nm-steps--own">' in html
    assert "+ Bước 1: Chuẩn bị hồ sơ" in html
    sample = SAMPLE / "khanh-hoa" / "catalogue"
    data = load_checked(sample.parents[1]).provinces[0]
    assert not any(p.steps_numbered for p in data.procedures.values())  # the samples' steps get numbers
