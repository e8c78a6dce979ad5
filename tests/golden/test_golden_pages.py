"""Golden files: the Markdown of six pages of the sample site and the text of two posting sheets.

The sample (procedures/) is copied out of git first, so the history sections and "Thay đổi gần đây"
show their "unavailable" form and "Tình hình công khai" its dates unknown: nothing depends on the
repository's commits. The sheets are posted on a fixed day. Each output is compared exactly with its
file under tests/golden/; set ``NIEMYET_UPDATE_CASES=1`` (the switch of the check case files) to rewrite
them from the current output, then read the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.posters.build import PosterOptions, build_posters
from generator.site.gather import gather
from generator.site.render import render_site

GOLDEN = Path(__file__).resolve().parent
SAMPLE = GOLDEN.parents[1] / "procedures"
POSTED = dt.date(2025, 11, 3)
PAGES = {  # golden file → page in the docs_dir
    "home.md": "index.md",
    "procedure-1.001193.md": "thu-tuc/1.001193/index.md",
    "commune-phuong-nha-trang.md": "xa/phuong-nha-trang/index.md",
    "field-ho-tich.md": "linh-vuc/ho-tich/index.md",
    "oversight.md": "tinh-hinh-cong-khai/index.md",
    "changes.md": "thay-doi/index.md",
}
SHEETS = {  # golden file → sheet of one commune: a local online address and note; a shorter time limit
    "sheet-xa-cam-lam-1.001193.txt": "xa-cam-lam/1.001193.pdf",
    "sheet-phuong-nha-trang-1.013133.txt": "phuong-nha-trang/1.013133.pdf",
}


def _compare(name: str, actual: str) -> None:
    golden = GOLDEN / ("pages" if name.endswith(".md") else "sheets") / name
    if os.environ.get("NIEMYET_UPDATE_CASES"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"{golden} is missing: run with NIEMYET_UPDATE_CASES=1 to write it"
    assert actual == golden.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("golden") / "procedures"
    shutil.copytree(SAMPLE, root)
    return root


@pytest.fixture(scope="module")
def site_files(data: Path) -> dict[str, bytes]:
    files = render_site(gather(data)).files
    return {path: content for path, content in files.items() if isinstance(content, bytes)}


@pytest.fixture(scope="module")
def sheets(data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden-posters") / "posters"
    communes = tuple(sorted({sheet.split("/")[0] for sheet in SHEETS.values()}))
    options = PosterOptions(communes=communes, posted=POSTED, progress=False, booklet=False)
    build_posters(data, out, options)
    return out / "khanh-hoa"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_markdown_matches_its_golden_file(name: str, site_files: dict[str, bytes]) -> None:
    _compare(name, site_files[PAGES[name]].decode("utf-8"))


@pytest.mark.parametrize("name", sorted(SHEETS))
def test_sheet_text_matches_its_golden_file(name: str, sheets: Path) -> None:
    pdf = sheets / SHEETS[name]
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    _compare(name, text)
