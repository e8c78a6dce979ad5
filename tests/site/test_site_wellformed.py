"""Well-formed pages (issue 20): every page of a built site parses with its elements balanced, its
content inside the content column and its in-page links pointing at ids of the page
(tests/kit/wellformed.py). Built sites: the sample, a synthetic province and the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kit.wellformed import faults

SITES = ["sample_site", "synthetic_site", "corpus_site"]


def _faults(site: Path) -> dict[str, list[str]]:
    found = {}
    for html in sorted(site.rglob("*.html")):
        if page_faults := faults(html.read_text(encoding="utf-8")):
            found[str(html.relative_to(site))] = [str(f) for f in page_faults[:5]]
    return found


@pytest.mark.parametrize("which", SITES)
def test_every_page_is_well_formed(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    assert len(list(site.rglob("*.html"))) >= 20
    assert _faults(site) == {}


PAGE = '<html><body><div class="md-content"><article class="md-typeset">{}</article></div>{}</body></html>'


def test_the_walker_sees_a_stray_end_tag_and_content_pushed_out_of_the_column() -> None:
    """The fault of "Tình hình công khai" before issue 20: one <div> opened, three closed."""
    broken = PAGE.format('<div class="nm-scroll"><table></table></div></div></div><h2 id="x">Biểu đồ</h2>', "")
    found = [str(f) for f in faults(broken)]
    assert any("</div> while <article>" in f for f in found), found
    assert any("<h2" in f and "outside <article>" in f for f in found), found


def test_the_walker_passes_a_good_page_and_sees_a_broken_in_page_link() -> None:
    good = PAGE.format('<h2 id="a">A</h2><p class="nm-lead">x<br>y</p><a href="#a">a</a>', "")
    assert faults(good) == []
    broken = PAGE.format('<a href="#b">b</a>', "")
    assert [str(f) for f in faults(broken)] == ['line 1: href="#b" names no id on the page']
