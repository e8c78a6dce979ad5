"""Visual regression: representative poster pages against approved PNG renders.

A layout change is seen here before it is printed. The approved images live in
``tests/posters/approved/``; after a deliberate layout change, look at the new renders and approve
them with one command:

    NIEMYET_APPROVE=1 .venv/bin/python -m pytest tests/posters/test_visual.py

A failing comparison leaves the new render and a difference image in pytest's temporary folder and
names them in the message.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.kit.images import assert_as_approved, differing
from tests.kit.posters import tool

APPROVED = Path(__file__).resolve().parent / "approved"
DPI = 50
#: Share of pixels allowed to differ (by more than a quarter of the grey range): anti-aliasing noise
#: between poppler builds stays far below; a changed word, a moved rule or a reflowed line does not.
TOLERANCE = 0.001

#: name → (fixture, PDF path inside it, page; 0 for the last page)
PAGES = {
    "short-sheet": ("out", "xa-cam-lam/1.001193.pdf", 1),
    "long-sheet": ("long_out", "1.900002.pdf", 2),  # channel rows with descriptions, one method twice
    "list-page": ("out", "xa-cam-lam/xa-cam-lam-tap-niem-yet.pdf", 1),
    "pakn-sheet": ("out", "xa-cam-lam/xa-cam-lam-tap-niem-yet.pdf", 0),
}


def _render(pdf: Path, page: int, target: Path) -> Image.Image:
    if page == 0:
        page = int(tool("pdfinfo", pdf).split("Pages:")[1].split()[0])
    tool(
        "pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", page, "-l", page, pdf, target.with_suffix("")
    )
    return Image.open(target).convert("L")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_looks_as_approved(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    fixture, path, page = PAGES[name]
    folder: Path = request.getfixturevalue(fixture)
    rendered = tmp_path / f"{name}.png"
    new = _render(folder / path, page, rendered)
    assert_as_approved(new, APPROVED / f"{name}.png", rendered, TOLERANCE, name)


def test_the_comparison_sees_a_reflow() -> None:
    """Half a page moved down by 2 pixels (under 1 mm, as one more line above would do) is caught."""
    page = Image.open(APPROVED / "short-sheet.png").convert("L")
    moved = page.copy()
    half = page.height // 2
    moved.paste(page.crop((0, half, page.width, page.height - 2)), (0, half + 2))
    assert differing(page, page.copy()) == 0
    assert differing(page, moved) > TOLERANCE
