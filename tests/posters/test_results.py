"""``posters --results YYYY-MM``: one A4 page per commune of the month's results, from the committed aggregates.

The known-answer export (tests/stats/known.py) is imported into a copy of the test province, then the sheets are
built and read back as text and word boxes: the figures are the known ones, per commune and per field; a commune
without rows that month gets a sheet that says so; 30 fields fit one page by folding the lightest into one row.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator.cli import main
from generator.pipeline import load_checked
from generator.posters.build import PosterOptions
from generator.posters.results import add_up
from generator.posters.results_build import MonthRows, build_results_posters, write_results_sheet
from generator.stats.run import import_statistics
from generator.stats.store import StatRow
from generator.synth.province import PROVINCE_SLUG, synthesize
from tests.kit.images import assert_as_approved
from tests.kit.posters import BODY_BOTTOM, BODY_TOP, MM, POSTED, pages, pdf_text, tool
from tests.kit.stats import csv_bytes, write
from tests.stats.known import EXPECTED, FILES, HEADER, P1, P2, PLANTED

PROVINCE = Path(__file__).resolve().parents[1] / "stats" / "province"
APPROVED = Path(__file__).resolve().parent / "approved" / "results-sheet.png"
AS_OF = dt.date(2026, 2, 28)
FIELD = {P1: "Hộ tịch", P2: "Chứng thực"}  # the test province's fields
OPTIONS = PosterOptions(posted=POSTED, jobs=1, progress=False)
MARGIN = 5 * MM


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test province with the known export imported (months 2025-12 to 2026-02)."""
    base = tmp_path_factory.mktemp("results")
    shutil.copytree(PROVINCE, base / "procedures")
    export = write(base / "xuat" / "ho-so.csv", csv_bytes(HEADER, FILES))
    import_statistics([export], base / "procedures" / "tinh-thu", as_of=AS_OF)
    return base / "procedures"


def _build(root: Path, month: str, name: str) -> Path:
    out = root.parent / name
    build_results_posters(root, out, month, OPTIONS)
    return out / "tinh-thu"


@pytest.fixture(scope="module")
def january(root: Path) -> Path:
    return _build(root, "2026-01", "out-january")


def _sheet(folder: Path, slug: str, month: str) -> Path:
    return folder / slug / f"{slug}-ket-qua-{month}.pdf"


def _row(name: str, c: dict[str, int], rate: str) -> str:
    keys = ("received", "resolved", "early", "on_time", "late")
    tail = ("pending", "pending_overdue", "over_posted")
    return " ".join([name, *(str(c[k]) for k in keys), rate, *(str(c[k]) for k in tail)])


def _known(slug: str, month: str) -> dict[str, dict[str, int]]:
    return {proc: c for (commune, proc), c in EXPECTED[month].items() if commune == slug}


def test_known_figures_per_commune_and_field(january: Path) -> None:
    text = pdf_text(_sheet(january, "xa-an-binh", "2026-01"))
    assert "Kết quả giải quyết hồ sơ tháng 01/2026" in text
    assert "Xã An Bình — số liệu từ phần mềm một cửa điện tử, cập nhật đến ngày 28/02/2026." in text
    assert "Tiếp nhận trong tháng 7 trực tiếp 4 · trực tuyến 2 · bưu chính 1" in text
    assert "Đã giải quyết 5 trước hạn 2 · đúng hạn 2 · quá hạn 1" in text
    assert "Tỷ lệ trễ hạn 20,0 % 1 quá hạn trên 5 hồ sơ đã giải quyết; trước hạn và đúng hạn 80,0 %" in text
    assert "Tháng trước chuyển sang 2" in text
    assert "Đang giải quyết cuối tháng 4 trong đó quá hạn 1" in text
    assert "Hẹn trả dài hơn thời hạn niêm yết 2 hồ sơ" in text
    known = _known("xa-an-binh", "2026-01")
    # fields in the province's order (by name): Chứng thực (2.000815), then Hộ tịch (1.001193)
    assert _row("Chứng thực", known[P2], "0,0 %") + " " + _row("Hộ tịch", known[P1], "25,0 %") in text
    assert _row("Tổng cộng", {k: known[P1][k] + known[P2][k] for k in known[P1]}, "20,0 %") in text
    assert not [v for v in PLANTED.values() if v in text] and "HS-" not in text  # aggregates only


def test_the_command_with_one_commune(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "posters"
    args = ["posters", str(root), "--results", "2026-01", "--commune", "xa-an-binh", "--out", str(out)]
    assert main([*args, "--date", "2026-02-02", "--jobs", "1"]) == 0
    assert sorted(p.name for p in (out / "tinh-thu").iterdir()) == ["xa-an-binh"]
    assert (out / "tinh-thu" / "xa-an-binh" / "xa-an-binh-ket-qua-2026-01.pdf").is_file()
    err = capsys.readouterr().err
    assert "và 1 tờ kết quả giải quyết hồ sơ tháng 01/2026 (0 tờ chưa có số liệu)" in err


def test_a_commune_with_every_resolved_file_late(january: Path) -> None:
    text = pdf_text(_sheet(january, "phuong-dong-lam", "2026-01"))
    known = _known("phuong-dong-lam", "2026-01")[P1]
    assert "Tỷ lệ trễ hạn 100,0 % 2 quá hạn trên 2 hồ sơ đã giải quyết" in text
    assert _row("Hộ tịch", known, "100,0 %") in text
    assert "Chứng thực" not in text  # a field without files in the month has no row


def test_the_ordinary_posters_are_there_too(january: Path) -> None:
    names = sorted(p.name for p in (january / "xa-an-binh").iterdir())
    assert names == ["1.001193.pdf", "2.000815.pdf", "xa-an-binh-ket-qua-2026-01.pdf", "xa-an-binh-tap-niem-yet.pdf"]


def test_one_page_every_word_inside_the_print_area(january: Path) -> None:
    for slug in ("xa-an-binh", "phuong-dong-lam"):
        (page,) = pages(_sheet(january, slug, "2026-01"))
        outside = [
            w.text
            for w in page.words
            if w.x0 < MARGIN or w.y0 < MARGIN or w.x1 > page.width - MARGIN or w.y1 > page.height - MARGIN
        ]
        assert outside == []
        stamp = [w for w in page.words if w not in page.body]
        assert all(w.y1 <= BODY_TOP or w.y0 >= page.height - BODY_BOTTOM for w in stamp)
        assert "Xã" in {w.text for w in stamp} or "Phường" in {w.text for w in stamp}  # the counter's band


def test_a_commune_without_data_that_month_says_so(root: Path) -> None:
    december = _build(root, "2025-12", "out-december")
    text = pdf_text(_sheet(december, "phuong-dong-lam", "2025-12"))
    assert "Chưa có số liệu tháng 12/2025" in text
    assert "cập nhật đến ngày 28/02/2026" in text
    assert "%" not in text and "Tổng cộng" not in text
    assert "Tiếp nhận trong tháng 2 trực tiếp 2" in pdf_text(_sheet(december, "xa-an-binh", "2025-12"))


def test_same_input_same_bytes(root: Path, january: Path) -> None:
    again = _build(root, "2026-01", "out-again")
    for slug in ("xa-an-binh", "phuong-dong-lam"):
        assert _sheet(again, slug, "2026-01").read_bytes() == _sheet(january, slug, "2026-01").read_bytes()


@pytest.mark.parametrize(
    ("month", "said"),
    [
        ("2026-13", "tháng không hợp lệ: '2026-13'; ghi tháng dạng YYYY-MM"),
        ("01/2026", "tháng không hợp lệ: '01/2026'"),
        ("2026-1", "tháng không hợp lệ: '2026-1'"),
        ("2026-05", "không có số liệu tháng 05/2026: chưa tỉnh nào có tệp statistics/2026-05.csv"),
    ],
)
def test_a_bad_month_is_a_usage_error_and_writes_nothing(
    root: Path, month: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "posters"
    assert main(["posters", str(root), "--results", month, "--out", str(out)]) == 3
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert not out.exists()


def test_a_month_file_edited_by_hand_stops_the_run(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "procedures"
    shutil.copytree(root, copy)
    month = copy / "tinh-thu" / "statistics" / "2026-01.csv"
    month.write_text(month.read_text(encoding="utf-8").replace("received,", "nhan,", 1), encoding="utf-8")
    out = tmp_path / "posters"
    assert main(["posters", str(copy), "--results", "2026-01", "--out", str(out)]) == 1
    said = capsys.readouterr()
    assert "2026-01.csv:1:1: error E212" in said.out + said.err
    assert not out.exists()


def test_a_province_without_the_month_file(root: Path, tmp_path: Path) -> None:
    """The month exists elsewhere, not in this province: no date to give, and no figure either."""
    data = load_checked(root).provinces[0]
    commune = data.communes["xa-an-binh"]
    sheet = write_results_sheet(data, commune, "2026-03", MonthRows((), ""), tmp_path, (POSTED, True))
    assert sheet.total is None
    text = pdf_text(tmp_path / "tinh-thu" / "xa-an-binh" / "xa-an-binh-ket-qua-2026-03.pdf")
    assert "Xã An Bình — số liệu từ phần mềm một cửa điện tử. Chưa có số liệu tháng 03/2026" in text
    assert "cập nhật" not in text and "%" not in text


def test_results_and_since_do_not_mix(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["posters", str(root), "--results", "2026-01", "--since", "HEAD", "--out", str(tmp_path / "p")])
    assert stop.value.code == 3
    assert "tham số --since không dùng cùng --results" in capsys.readouterr().err


#: 30 fields as a large commune has them, some long enough to wrap.
FIELDS = (
    "Hộ tịch, Chứng thực, Nuôi con nuôi, Đất đai, Bảo trợ xã hội, Người có công, Thi đua, khen thưởng, Văn hóa cơ sở, "
    "Nông nghiệp, Hòa giải cơ sở, Giáo dục và Đào tạo, Môi trường, Tài nguyên nước, Lao động, tiền lương, "
    "Phòng, chống tệ nạn xã hội, Trẻ em, Gia đình, Thủy lợi, Lâm nghiệp, Tôn giáo, Tín ngưỡng, "
    "Thành lập và hoạt động của hộ kinh doanh, Đăng ký biện pháp bảo đảm, Phổ biến giáo dục pháp luật, "
    "Bồi thường nhà nước, Xây dựng, Giao thông đường bộ, Y tế dự phòng, Dân tộc, Thể dục, thể thao"
)


def _thirty_fields(root: Path) -> None:
    names = re.split(r", (?=[A-ZĐÂ-Ỹ])", FIELDS)
    assert len(names) == 30
    for n, path in enumerate(sorted((root / PROVINCE_SLUG / "catalogue").glob("*.yaml"))):
        text = re.sub(r"(?m)^field: .*$", f"field: {names[n % 30]}", path.read_text(encoding="utf-8"), count=1)
        path.write_text(text, encoding="utf-8")


def test_400_procedures_in_30_fields_fold_into_one_page(tmp_path: Path) -> None:
    root = tmp_path / "procedures"
    synthesize(root, communes=1, procedures=400, seed=3)
    _thirty_fields(root)
    data = load_checked(root).provinces[0]
    commune = next(iter(data.communes.values()))
    codes = sorted(o.code for o in commune.overlays)
    rows = tuple(
        StatRow(commune.slug, code, 3 + i % 7, 2, 1 + i % 7, 0, 1, 4, 1, 2, 1, None, 2, 1, i % 2, "2026-02-28")
        for i, code in enumerate(codes)
    )
    sheet = write_results_sheet(data, commune, "2026-01", MonthRows(rows, "2026-02-28"), tmp_path, (POSTED, True))
    assert sheet.fields == 30 and sheet.folded > 0
    assert sheet.rows[-1].name == f"Các lĩnh vực khác ({sheet.folded} lĩnh vực)"
    assert len(sheet.rows) - 1 + sheet.folded == 30
    assert sheet.total == add_up(rows) == add_up(r.counts for r in sheet.rows)  # the rows add up to the total
    pdf = tmp_path / PROVINCE_SLUG / commune.slug / f"{commune.slug}-ket-qua-2026-01.pdf"
    (page,) = pages(pdf)
    assert all(w.y0 >= MARGIN and w.y1 <= page.height - MARGIN for w in page.words)
    text = pdf_text(pdf)
    assert f"30 lĩnh vực có hồ sơ: ghi riêng {len(sheet.rows) - 1} lĩnh vực nhiều hồ sơ nhất" in text
    assert "Tổng cộng" in text
    assert len(sheet.rows) >= 10  # the cut keeps what fits (11 fields and "Các lĩnh vực khác" on 3/12/2026)
    small = {w.text for w in page.words if w.y1 - w.y0 < 12 * 1.362 - 0.1}  # as test_print.py: 12 pt or more
    assert not small, small


def test_the_sheet_looks_as_approved(january: Path, tmp_path: Path) -> None:
    """As tests/posters/test_visual.py: ``NIEMYET_APPROVE=1`` rewrites the approved image after a look."""
    target = tmp_path / "results-sheet"
    tool("pdftoppm", "-r", "50", "-gray", "-png", "-singlefile", _sheet(january, "xa-an-binh", "2026-01"), target)
    rendered = target.with_suffix(".png")
    assert_as_approved(Image.open(rendered).convert("L"), APPROVED, rendered, 0.001, "results-sheet")
