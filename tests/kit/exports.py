"""Build test exports shaped like the national portal's ``ChiTietTTHC_<code>.doc``.

Same structure and quirks as the real files (Apache POI docx): a bold ``Label: `` run then the
value run per field; tables without ``<w:tblGrid>``; every cell opens with an empty paragraph;
literal newlines inside ``<w:t>``; quantities ``Bản chính: N<w:br/>Bản sao: M``; an empty field
written "Không có thông tin". ``write_docx`` writes it under any name (``.doc`` too).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from tests.kit.paths import REPO

NO_INFO = "Không có thông tin"
RPR = (
    '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:b w:val="{b}"/><w:sz w:val="26"/></w:rPr>'
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


@dataclass
class Export:
    """One procedure as the portal exports it; every value is the cell or field text as written."""

    code: str = "1.000001"
    decision: str = "1234/QĐ-BTP"
    name: str = "Thủ tục thử nghiệm"
    level: str = "Cấp Xã"
    procedure_type: str = "TTHC được luật giao quy định chi tiết"
    field_name: str = "Hộ tịch"
    steps: list[str] = field(default_factory=lambda: ["Bước 1: Nộp hồ sơ.", "Bước 2: Nhận kết quả."])
    # (Hình thức nộp, Thời hạn giải quyết, Phí, lệ phí, Mô tả)
    channels: list[tuple[str, str, str, str]] = field(
        default_factory=lambda: [("Trực tiếp", "15 Ngày làm việc", "Phí : 0 Đồng", "Nộp tại Bộ phận Một cửa")]
    )
    # (Tên giấy tờ, Mẫu đơn, tờ khai, bản chính, bản sao); None counts: an empty cell (a case heading row)
    documents: list[tuple[str, str, int | None, int | None]] = field(
        default_factory=lambda: [("Tờ khai theo mẫu", "01-Mẫu tờ khai.doc", 1, 0)]
    )
    applicants: str = "Công dân Việt Nam"
    agency: str = "Ủy ban nhân dân cấp xã"
    competent_authority: str = "Ủy ban nhân dân cấp xã"
    receiving_address: str = "Bộ phận Một cửa"
    authorized_agency: str = NO_INFO
    coordinating_agency: str = NO_INFO
    result: str = "Giấy xác nhận"
    # (Số ký hiệu, Trích yếu, Ngày ban hành, Cơ quan ban hành)
    legal: list[tuple[str, str, str, str]] = field(
        default_factory=lambda: [("60/2014/QH13", "Luật Hộ tịch", "20-11-2014", "Quốc Hội")]
    )
    conditions: str = "Không"
    keywords: str = NO_INFO
    description: str = NO_INFO
    extra: list[tuple[str, str]] = field(default_factory=list)  # labels niemyet does not know
    with_code: bool = True


# The labelled paragraphs between the documents table and the legal basis, in the export's order.
AGENCY_LABELS = (
    ("Đối tượng thực hiện", "applicants"),
    ("Cơ quan thực hiện", "agency"),
    ("Cơ quan có thẩm quyền", "competent_authority"),
    ("Địa chỉ tiếp nhận HS", "receiving_address"),
    ("Cơ quan được ủy quyền", "authorized_agency"),
    ("Cơ quan phối hợp", "coordinating_agency"),
    ("Kết quả thực hiện", "result"),
)


def _run(text: str, bold: bool = False) -> str:
    return f'<w:r>{RPR.format(b="true" if bold else "false")}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(label: str | None, value: str | None = None) -> str:
    runs = (_run(f"{label}: ", True) if label else "") + (_run(value) if value else "")
    return f'<w:p><w:pPr><w:jc w:val="both"/></w:pPr>{runs}</w:p>'


def _cell(inner: str) -> str:
    return f"<w:tc><w:p/><w:p>{inner}</w:p></w:tc>"  # the quirk: an empty paragraph opens every cell


def _table(header: tuple[str, ...], rows: list[list[str]]) -> str:
    head = "".join(_cell(_run(h, True)) for h in header)
    body = "".join("<w:tr>" + "".join(rows_cell for rows_cell in row) + "</w:tr>" for row in rows)
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr>{head}</w:tr>{body}</w:tbl>'


def _text_cell(text: str) -> str:
    return _cell(_run(text)) if text else "<w:tc><w:p/></w:tc>"


def _count_cell(originals: int | None, copies: int | None) -> str:
    if originals is None or copies is None:
        return "<w:tc><w:p/></w:tc>"
    run = (
        f'<w:r>{RPR.format(b="false")}<w:t xml:space="preserve">Bản chính: </w:t><w:t>{originals}</w:t><w:br/>'
        f'<w:t xml:space="preserve">Bản sao: </w:t><w:t>{copies}</w:t></w:r>'
    )
    return _cell(run)


def document_xml(e: Export) -> str:
    parts = ['<w:p><w:pPr><w:jc w:val="center"/></w:pPr>' + _run("Chi tiết thủ tục hành chính", True) + "</w:p>"]
    if e.with_code:
        parts.append(_para("Mã thủ tục", e.code))
    parts += [_para("Số quyết định", e.decision), _para("Tên thủ tục", e.name), _para("Cấp thực hiện", e.level)]
    parts += [_para("Loại thủ tục", e.procedure_type), _para("Lĩnh vực", e.field_name)]
    parts += [_para("Trình tự thực hiện"), "<w:p>" + _run("", True) + "</w:p>"] + [_para(None, s) for s in e.steps]
    parts.append(_para("Cách thức thực hiện"))
    rows = [[_text_cell(c) for c in row] for row in e.channels]
    parts.append(_table(("Hình thức nộp", "Thời hạn giải quyết", "Phí, lệ phí", "Mô tả"), rows))
    parts += [_para("Thành phần hồ sơ"), "<w:p>" + _run("Bao gồm", True) + "</w:p>"]
    rows = [[_text_cell(n), _text_cell(f), _count_cell(o, c)] for n, f, o, c in e.documents]
    parts.append(_table(("Tên giấy tờ", "Mẫu đơn, tờ khai", "Số lượng"), rows))
    for label, attr in AGENCY_LABELS:
        parts.append(_para(label, getattr(e, attr)))
    parts.append(_para("Căn cứ pháp lý"))
    rows = [[_text_cell(c) for c in row] for row in e.legal]
    parts.append(_table(("Số ký hiệu", "Trích yếu", "Ngày ban hành", "Cơ quan ban hành"), rows))
    parts += [_para("Yêu cầu, điều kiện thực hiện", e.conditions), _para("Từ khóa", e.keywords)]
    parts += [_para("Mô tả", e.description)] + [_para(label, value) for label, value in e.extra]
    body = "".join(parts)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}'
        "<w:sectPr/></w:body></w:document>"
    )


def docx_bytes(e: Export) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/document.xml", document_xml(e))
        zf.writestr("docProps/app.xml", "<Properties><Application>Apache POI</Application></Properties>")
    return buf.getvalue()


def write_docx(e: Export, folder: Path, suffix: str = ".doc") -> Path:
    path = folder / f"ChiTietTTHC_{e.code}{suffix}"
    path.write_bytes(docx_bytes(e))
    return path


FONTS = REPO / "generator" / "assets" / "fonts"
CSS = f"""
@font-face {{ font-family: T; src: url("{(FONTS / "NotoSans-Regular.ttf").as_uri()}"); }}
@font-face {{ font-family: T; font-weight: bold; src: url("{(FONTS / "NotoSans-Bold.ttf").as_uri()}"); }}
@page {{ size: A4; margin: 2cm; }}
body {{ font-family: T; font-size: 11pt; line-height: 1.4; }}
p {{ margin: 0; text-align: justify; white-space: pre-wrap; }}
table {{ border-collapse: separate; border-spacing: 0; width: 100%; margin: 6pt 0; }}
td {{ border: 0.75pt solid black; padding: 0 5pt; vertical-align: top; white-space: pre-wrap;
      box-decoration-break: clone; }}  /* a row split by a page break keeps its borders, as Word draws it */
tr {{ break-inside: auto; }}
.gap {{ height: 1.4em; }}
"""


def _html_para(label: str | None, value: str | None = None) -> str:
    head = f"<b>{escape(label)}: </b>" if label else ""
    return f"<p>{head}{escape(value or '')}</p>"


def _html_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    def cell(text: str, bold: bool = False) -> str:
        inner = f"<b>{escape(text)}</b>" if bold else escape(text)
        return f'<td><div class="gap"></div>{inner}</td>'  # the export's empty first paragraph per cell

    head = "<tr>" + "".join(cell(h, True) for h in header) + "</tr>"
    return "<table>" + head + "".join("<tr>" + "".join(cell(c) for c in r) + "</tr>" for r in rows) + "</table>"


def pdf_bytes(e: Export) -> bytes:
    """The same export as the 2025 portal's PDF: bold labels, ruled tables, rows that may split across pages."""
    from weasyprint import HTML

    parts = ["<p><b>Chi tiết thủ tục hành chính</b></p>", _html_para("Mã thủ tục", e.code)]
    parts += [_html_para("Số quyết định", e.decision), _html_para("Tên thủ tục", e.name)]
    parts += [_html_para("Cấp thực hiện", e.level), _html_para("Loại thủ tục", e.procedure_type)]
    parts += [_html_para("Lĩnh vực", e.field_name), _html_para("Trình tự thực hiện"), '<div class="gap"></div>']
    parts += [_html_para(None, s) for s in e.steps] + [_html_para("Cách thức thực hiện")]
    parts.append(_html_table(("Hình thức nộp", "Thời hạn giải quyết", "Phí, lệ phí", "Mô tả"), e.channels))
    parts += [_html_para("Thành phần hồ sơ"), "<p><b>Bao gồm</b></p>"]
    counts = [(n, f, f"Bản chính: {o}\nBản sao: {c}" if o is not None else "") for n, f, o, c in e.documents]
    parts.append(_html_table(("Tên giấy tờ", "Mẫu đơn, tờ khai", "Số lượng"), counts))
    for label, attr in AGENCY_LABELS:
        parts.append(_html_para(label, getattr(e, attr)))
    parts.append(_html_para("Căn cứ pháp lý"))
    parts.append(_html_table(("Số ký hiệu", "Trích yếu", "Ngày ban hành", "Cơ quan ban hành"), e.legal))
    parts += [_html_para("Yêu cầu, điều kiện thực hiện", e.conditions), _html_para("Từ khóa", e.keywords)]
    parts += [_html_para("Mô tả", e.description)]
    html = f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>{''.join(parts)}</body></html>"
    data: bytes = HTML(string=html).write_pdf()
    return data
