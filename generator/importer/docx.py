"""Read the export's docx (also when it comes under a .doc name) straight from its OOXML.

The files are written by Apache POI: no ``<w:tblGrid>``, every cell opens with an empty paragraph,
values keep literal newlines inside ``<w:t>``, quantities are ``Bản chính: 1<w:br/>Bản sao: 0``.
Reading the XML directly (zipfile + ElementTree) copes with all of that and is fast.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree as ET

from generator.importer.blocks import Block, ImportFailure, Paragraph, Table, clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_XML = 64 * 1024 * 1024
_OFF = {"false", "0", "off", "none"}
_T, _BR, _CR, _TAB, _P = W + "t", W + "br", W + "cr", W + "tab", W + "p"


def _run(run: ET.Element) -> tuple[str, bool]:
    parts: list[str] = []
    for child in run:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag in (_BR, _CR):
            parts.append("\n")
        elif child.tag == _TAB:
            parts.append("\t")
    bold_el = run.find(f"{W}rPr/{W}b")
    bold = bold_el is not None and bold_el.get(W + "val", "true").lower() not in _OFF
    return "".join(parts), bold


def _paragraph(p: ET.Element) -> Paragraph:
    runs = [_run(r) for r in p.iter(W + "r")]
    return Paragraph([r for r in runs if r[0]])


def _cell(tc: ET.Element) -> str:
    """A cell's paragraphs joined by line breaks (one pass over the XML: cells are most of a file)."""
    parts: list[str] = []
    for el in tc.iter():
        tag = el.tag
        if tag == _T:
            parts.append(el.text or "")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _P and parts:
            parts.append("\n")
    return clean("".join(parts))


def _table(tbl: ET.Element) -> Table:
    return Table([[_cell(tc) for tc in tr.findall(W + "tc")] for tr in tbl.findall(W + "tr")])


def read_docx(data: bytes, name: str) -> list[Block]:
    """Blocks of a docx export; ImportFailure (Vietnamese) when the file is not a readable docx."""
    if data.startswith(OLE_MAGIC):
        raise ImportFailure(
            name,
            "đây là tệp Word 97-2003 (.doc nhị phân), không phải tệp xuất docx; "
            "hãy mở tệp bằng Word hoặc LibreOffice, lưu lại dạng .docx rồi nhập lại",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("word/document.xml")
            if info.file_size > MAX_XML:
                raise ImportFailure(name, f"phần nội dung quá lớn ({info.file_size} byte), không phải tệp xuất")
            xml = zf.read(info)
    except KeyError as exc:
        raise ImportFailure(name, "tệp nén không có word/document.xml, không phải tệp Word .docx") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise ImportFailure(name, f"tệp hỏng, không mở được dạng .docx (tệp nén ZIP) ({exc})") from exc
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise ImportFailure(name, f"nội dung Word bị hỏng, không đọc được XML ({exc})") from exc
    body = root.find(W + "body")
    blocks: list[Block] = []
    for child in body if body is not None else ():
        if child.tag == W + "p":
            blocks.append(_paragraph(child))
        elif child.tag == W + "tbl":
            blocks.append(_table(child))
    return blocks
