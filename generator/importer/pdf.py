"""Read the 2025 portal's PDF export back into the docx reader's blocks (paragraphs and tables).

pdfium (pypdfium2, ``pdfpage.py``) gives each word with its position and font, and the tables are
found from the page's ruling lines (``ruling.py``, pdfplumber's method). Lines are joined back into
paragraphs and cells: a line that ends where the next word could not have fitted was wrapped (joined
with a space, or with nothing after a hyphen or slash inside a word, as in ``111/2013/TT-`` + ``BTC``);
otherwise the source had a line break. A table row split over a page break is joined again: every
cell of the export opens with an empty paragraph, so a fresh row's text starts a line below the
row's top, a continued row's text right at it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from generator.importer import pdfpage
from generator.importer.blocks import Block, ImportFailure, Paragraph, Table, clean
from generator.importer.ruling import TooManyLines, find_tables

LINE_TOL = 3.0
FRESH_ROW_GAP = 8.0
SPACE = 3.3
MAX_PAGES = 100  # a procedure's export has 2-20 pages; a province's whole list in one file is not one export
PASSWORD = "tệp PDF có mật khẩu; hãy mở tệp, bỏ mật khẩu (hoặc tải lại từ Cổng) rồi nhập lại"
PAD = 6.0  # Word's default cell margin is 5.4 pt; a little more so a doubtful break reads as a wrap


@dataclass
class _Line:
    words: list[tuple[str, bool, float, float]]  # text, bold, x0, x1
    top: float
    bottom: float

    @property
    def bold(self) -> bool:
        return all(w[1] for w in self.words)

    @property
    def labelled(self) -> bool:
        return self.words[0][1] and any(w[1] and w[0].endswith(":") for w in self.words[:8])


@dataclass
class _PdfTable:
    rows: list[list[str]]
    fresh: list[bool]
    page: int


def _lines(words: list[dict[str, Any]]) -> list[_Line]:
    lines: list[_Line] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        item = (str(w["text"]), bool(w["bold"]), float(w["x0"]), float(w["x1"]))
        if lines and abs(lines[-1].top - w["top"]) <= LINE_TOL:
            lines[-1].words.append(item)
        else:
            lines.append(_Line([item], float(w["top"]), float(w["bottom"])))
    for line in lines:
        line.words.sort(key=lambda it: it[2])
    return lines


def _glued(text: str) -> bool:
    """A line that ends inside a word: ``111/2013/TT-`` or ``81/2006/`` (the next line goes on without a space)."""
    return len(text) > 1 and text[-1] in "-/" and not text[-2].isspace()


def _separator(prev: _Line, nxt: _Line, right: float) -> str:
    if _glued(prev.words[-1][0]):
        return ""
    first = nxt.words[0]
    fits = prev.words[-1][3] + SPACE + (first[3] - first[2]) <= right
    return "\n" if fits else " "


def _join(lines: list[_Line], right: float) -> list[tuple[str, bool]]:
    runs: list[tuple[str, bool]] = []
    for i, line in enumerate(lines):
        if i:
            runs.append((_separator(lines[i - 1], line, right), line.words[0][1]))
        for j, (text, bold, _, _) in enumerate(line.words):
            runs.append(((" " if j else "") + text, bold))
    return runs


Box = tuple[float, float, float, float]


def _inside(word: dict[str, Any], box: Box) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return bool(box[0] <= cx <= box[2] and box[1] <= cy <= box[3])


def _table(words: list[dict[str, Any]], table: Any, pno: int) -> _PdfTable:
    """A table's cells from the page's words (each word goes to the cell holding its centre)."""
    rows: list[list[str]] = []
    fresh: list[bool] = []
    for row in table.rows:
        texts: list[str] = []
        offsets: list[float] = []
        for cell in row:
            lines = _lines([w for w in words if _inside(w, cell)]) if cell else []
            texts.append(clean("".join(t for t, _ in _join(lines, cell[2] - PAD))) if lines and cell else "")
            if lines and cell:
                offsets.append(lines[0].top - cell[1])
        rows.append(texts)
        fresh.append(not offsets or min(offsets) >= FRESH_ROW_GAP)
    return _PdfTable(rows, fresh, pno)


def _page_items(page: Any, pno: int) -> list[tuple[int, float, Any]]:
    """A page's lines outside tables and its tables, top to bottom (words are extracted once per page)."""
    height = raw.FPDF_GetPageHeightF(page)
    words = pdfpage.words(page, height)
    tables = find_tables(*pdfpage.drawing(page, height))
    boxes: list[Box] = [t.bbox for t in tables]
    outside = [w for w in words if not any(_inside(w, b) for b in boxes)]
    items: list[tuple[int, float, Any]] = [(pno, ln.top, ln) for ln in _lines(outside)]
    for t, box in zip(tables, boxes, strict=True):
        inner = [w for w in words if _inside(w, box)]
        items.append((pno, float(box[1]), _table(inner, t, pno)))
    return sorted(items, key=lambda it: it[1])


def _merge_table(prev: _PdfTable, nxt: _PdfTable) -> None:
    rows, fresh = nxt.rows, nxt.fresh
    if rows and not fresh[0] and prev.rows:
        last = prev.rows[-1]
        for i, text in enumerate(rows[0][: len(last)]):
            glue = "" if _glued(last[i]) else " "
            last[i] = glue.join(t for t in (last[i], text) if t)
        rows, fresh = rows[1:], fresh[1:]
    prev.rows.extend(rows)
    prev.fresh.extend(fresh)


def _continues(blocks: list[Any], last: tuple[int, Any] | None, table: _PdfTable) -> bool:
    """A table at a page's top right after a table that ended the previous page, same columns."""
    if last is None or last[0] != table.page - 1 or not blocks or blocks[-1] is not last[1]:
        return False
    prev: _PdfTable = last[1]
    return bool(prev.rows and table.rows) and len(prev.rows[-1]) == len(table.rows[0])


def _blocks(items: list[tuple[int, float, Any]], right: float) -> list[Block]:
    blocks: list[Any] = []
    para: list[_Line] = []
    last: tuple[int, Any] | None = None
    for pno, _top, item in items:
        if isinstance(item, _PdfTable):
            if para:
                blocks.append(Paragraph(_join(para, right)))
                para = []
            if _continues(blocks, last, item):
                _merge_table(blocks[-1], item)
                item = blocks[-1]
            else:
                blocks.append(item)
        else:
            height = para[-1].bottom - para[-1].top if para else 0.0
            gap = bool(para) and last is not None and last[0] == pno and item.top - para[-1].bottom > 0.8 * height
            if para and (item.labelled or item.bold or para[-1].bold or gap):
                blocks.append(Paragraph(_join(para, right)))
                para = []
            para.append(item)
        last = (pno, item)
    if para:
        blocks.append(Paragraph(_join(para, right)))
    return [Table(b.rows) if isinstance(b, _PdfTable) else b for b in blocks]


def _open(data: bytes, name: str) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise ImportFailure(name, PASSWORD) from exc
        raise ImportFailure(name, f"tệp PDF hỏng, không đọc được ({exc})") from exc


def read_pdf(data: bytes, name: str) -> list[Block]:
    """Blocks of a PDF export; ImportFailure when the PDF is broken, too long or has no text (a scan).

    Run in the import's worker process (``isolated.py``): pdfium is C, and a hostile PDF costs that process."""
    pdf = _open(data, name)
    try:
        if len(pdf) > MAX_PAGES:
            raise ImportFailure(
                name,
                f"tệp PDF có {len(pdf)} trang, quá giới hạn {MAX_PAGES} trang của một tệp xuất thủ tục; "
                "hãy tải từ Cổng mỗi thủ tục một tệp",
            )
        items: list[tuple[int, float, Any]] = []
        right = float("-inf")  # the rightmost line end over all pages (0.0 for a page without lines)
        for pno in range(len(pdf)):
            page = pdf[pno]
            try:
                page_items = _page_items(page.raw, pno)
            except (pdfpage.TooMuchText, TooManyLines) as exc:
                raise ImportFailure(
                    name, f"trang {pno + 1} có quá nhiều chữ hoặc đường kẻ, không phải tệp xuất"
                ) from exc
            finally:
                page.close()
            lines = [it[2] for it in page_items if isinstance(it[2], _Line)]
            right = max(right, max((ln.words[-1][3] for ln in lines), default=0.0))
            items.extend(page_items)
    finally:
        pdf.close()
    if _no_text(items):
        raise ImportFailure(
            name, "tệp PDF không có chữ (có vẻ là bản quét); hãy tải lại tệp xuất từ Cổng (PDF có chữ hoặc .docx)"
        )
    return _blocks(items, right)


def _no_text(items: list[tuple[int, float, Any]]) -> bool:
    return not any(isinstance(it[2], _Line) or any(any(r) for r in it[2].rows) for it in items)
