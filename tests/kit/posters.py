"""Helpers of the poster tests: a sample copy with hostile values, the poppler/zbar tools, word boxes and
table rules."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tests.kit.paths import SAMPLE

HOSTILE_NOTE = "Ghi chú <b>đậm</b> {{ x }} <script>alert(1)</script>"
POSTED = dt.date(2025, 11, 3)


def hostile_copy(target: Path) -> Path:
    shutil.copytree(SAMPLE, target)
    commune = target / "khanh-hoa" / "communes" / "xa-cam-lam.yaml"
    text = commune.read_text(encoding="utf-8")
    text, n = re.subn(r"(    note: ).*", lambda m: f"{m.group(1)}'{HOSTILE_NOTE}'", text, count=1)
    assert n == 1
    commune.write_text(text, encoding="utf-8")
    return target


def fill_time_limits(catalogue: Path) -> None:
    """Give every channel row an export left without a time limit "Không quy định" (E100), as the office
    writes what the decision says (tests/importer/test_real_corpus.py does the same)."""
    import yaml

    from generator.importer.yamlout import dump

    for path in sorted(catalogue.glob("*.yaml")):
        record = yaml.load(path.read_text("utf-8"), yaml.CSafeLoader)
        rows = [row for row in record.get("channels") or [] if "time_limit" not in row]
        for row in rows:
            row["time_limit"] = {"text": "Không quy định"}
        if rows:
            path.write_text(dump(record, []), encoding="utf-8")


def tool(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def words(text: str) -> str:
    """Text with every run of whitespace made one space, so wrapped lines compare as one."""
    return " ".join(text.split())


def pdf_text(pdf: Path) -> str:
    """A PDF's text in content order (a table row's cells one after the other), whitespace made one space."""
    return words(tool("pdftotext", "-raw", pdf, "-"))


MM = 72 / 25.4  # points in a millimetre
BODY_TOP, BODY_BOTTOM = 42 * MM, 18 * MM  # the sheet's page margins (sheet.css): the stamp's bands lie outside


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]

    @property
    def body(self) -> tuple[Word, ...]:
        """Words between the top and bottom page margins: the cached body, not the commune's stamp."""
        return tuple(w for w in self.words if BODY_TOP <= w.y0 < self.height - BODY_BOTTOM)

    @property
    def used(self) -> float:
        """Share of the body area down to its lowest word: 1.0 for a full page."""
        body = self.body
        if not body:
            return 0.0
        return (max(w.y1 for w in body) - BODY_TOP) / (self.height - BODY_BOTTOM - BODY_TOP)

    def last_line(self) -> str:
        """The body's lowest line of text."""
        body = self.body
        if not body:
            return ""
        bottom = max(w.y0 for w in body)
        return " ".join(w.text for w in sorted(body, key=lambda w: w.x0) if abs(w.y0 - bottom) < 2)


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def pages(pdf: Path) -> list[Page]:
    """Every page's word boxes, from ``pdftotext -bbox`` (points, origin at the top left)."""
    out = []
    for width, height, body in _PAGE.findall(tool("pdftotext", "-bbox", pdf, "-")):
        found = tuple(
            Word(html.unescape(t), float(a), float(b), float(c), float(d)) for a, b, c, d, t in _WORD.findall(body)
        )
        out.append(Page(float(width), float(height), found))
    return out


@dataclass(frozen=True)
class Ruled:
    """A page's words with its table rules (from pdfplumber's line segments, points from the top)."""

    page: Page
    across: tuple[float, ...]  # heights of horizontal rules
    down: tuple[tuple[float, float, float], ...]  # vertical rules: x, top, bottom


def ruled_pages(pdf: Path, wanted: Iterable[int] | None = None) -> dict[int, Ruled]:
    """:func:`pages` with each page's rules (cell borders), by index (0-based); only the ``wanted`` ones when
    given (reading rules costs about 0.15 s a page)."""
    import pdfplumber

    words = pages(pdf)
    out = {}
    with pdfplumber.open(pdf) as doc:
        for n in sorted(range(len(words)) if wanted is None else set(wanted)):
            drawn = doc.pages[n]
            lines = drawn.lines
            drawn.close()  # a booklet runs to hundreds of pages: keep one parsed at a time
            across = sorted({round(ln["top"], 1) for ln in lines if abs(ln["top"] - ln["bottom"]) < 0.5})
            down = tuple((ln["x0"], ln["top"], ln["bottom"]) for ln in lines if abs(ln["x0"] - ln["x1"]) < 0.5)
            out[n] = Ruled(words[n], tuple(across), down)
    return out
