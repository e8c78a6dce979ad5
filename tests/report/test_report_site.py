"""The page "Tình hình công khai" and its open data agree with ``niemyet report``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.oversight.compute import FORMULA, province_oversight
from generator.oversight.load import changes_by_source
from generator.pipeline import load_checked
from generator.site.oversight import BAR_WIDTH
from generator.site.render import render_docs
from tests.kit.paths import SAMPLE
from tests.kit.planted import planted

ROW = re.compile(
    r'<tr><th scope="row"><a href="#xa-(?P<slug>[a-z0-9-]+)">(?P<name>[^<]+)</a></th>'
    r'<td class="nm-num"(?: data-label="[^"]+")? data-sort="(?P<permille>\d+)">(?P<label>[^<]+)</td>'
    r'<td class="nm-num"(?: data-label="[^"]+")? data-sort="\d+">(?P<listed>\d+)/(?P<expected>\d+)</td>'
    r'<td class="nm-num"(?: data-label="[^"]+")?>(?P<missing>\d+)</td>'
)  # data-label: the column's name, shown before the value when the table stacks on a phone


def _cli_csv(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["report", str(root), "--format", "csv"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("which", ["sample", "planted"])
def test_page_and_open_data_agree_with_the_report(
    which: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = SAMPLE if which == "sample" else planted(tmp_path / "data")
    docs = tmp_path / "docs"
    data = load_checked(root).provinces[0]
    changes = changes_by_source(root, [data])  # the sample lives in git: real dates, as the command sees them
    render_docs(data, docs, changes=changes)
    page = (docs / "tinh-hinh-cong-khai" / "index.md").read_text(encoding="utf-8")
    report = province_oversight(data, changes)

    assert (docs / "du-lieu-mo" / "tinh-hinh-cong-khai.csv").read_text(encoding="utf-8") == _cli_csv(root, capsys)
    shown = [m.groupdict() for m in ROW.finditer(page)]
    expected = sorted(report.communes, key=lambda c: (c.permille, c.name))
    assert [(r["slug"], r["label"], int(r["listed"]), int(r["expected"]), int(r["missing"])) for r in shown] == [
        (c.slug, c.percent_label, c.listed, c.expected, len(c.missing)) for c in expected
    ]
    widths = [float(w) for w in re.findall(r'<rect x="\d+" y="\d+" width="([\d.]+)"', page)]
    assert widths == [round(BAR_WIDTH * c.permille / 1000, 1) for c in expected]
    assert FORMULA in page
    for c in report.communes:
        section = page.split(f'id="xa-{c.slug}"', 1)[1].split("</section>", 1)[0]
        assert [m for m in re.findall(r'thu-tuc/([\d.]+)/">', section) if m in {i.code for i in c.missing}] == [
            i.code for i in c.missing
        ]


def test_planted_page_figures(tmp_path: Path) -> None:
    data = load_checked(planted(tmp_path / "data")).provinces[0]
    changes = {data.communes["xa-thieu-mot"].source: dt.date(2026, 2, 3)}
    render_docs(data, tmp_path / "docs", changes=changes)
    page = (tmp_path / "docs" / "tinh-hinh-cong-khai" / "index.md").read_text(encoding="utf-8")
    assert [(m["slug"], m["label"]) for m in ROW.finditer(page)] == [
        ("xa-trong", "0,0 %"),
        ("xa-thieu-ba", "75,0 %"),
        ("xa-thieu-mot", "91,6 %"),
        ("xa-du", "100,0 %"),
    ]
    assert "<p>1/4 đơn vị cấp xã niêm yết đủ 12 thủ tục cấp xã" in page
    row = page.split('href="#xa-xa-thieu-mot"', 1)[1].split("</tr>", 1)[0]
    assert '<td class="nm-num" data-label="Dữ liệu thay đổi" data-sort="2026-02-03">03/02/2026</td>' in row
    assert (
        '<td class="nm-num" data-label="Ngày niêm yết" data-sort="2026-01-10">10/01/2026</td>'
        '<td class="nm-num" data-label="Thay đổi sau niêm yết">có</td>'
    ) in row
