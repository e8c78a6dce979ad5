"""Long catalogue records built the way the national portal's exports are (tests' own fixtures).

Real commune-level records run to thousands of words (see domain.md, "What real exported records
contain"): steps written as "Bước N:" paragraphs with "+" sub-cases, channel rows with descriptions
of hundreds of words, time limits and fee lines per channel, up to 25 documents whose names carry long
conditions and a leading "- ", documents split into cases ("Trường hợp (1): ..."), form file names such
as "95-Mẫu HK07-Giấy chuyển hộ khẩu.doc", long legal-basis titles, and text partly in NFD. The
sentences below are written for these tests in that style; no real export is copied.

``long_province(target)`` writes a province with one commune that posts every record, and returns
the data root. Records are deterministic: ``RECORDS`` names each one and what it stresses.
"""

from __future__ import annotations

import datetime as dt
import shutil
import unicodedata
from pathlib import Path
from typing import Any

from generator.output.yamltext import dump
from tests.kit.paths import SAMPLE

COMMUNE = "xa-ho-so-dai"
PORTAL = "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc="

CLAUSES = (
    "cán bộ tiếp nhận hồ sơ kiểm tra tính đầy đủ, hợp lệ của các giấy tờ và đối chiếu với quy định của pháp luật",
    "trường hợp hồ sơ chưa đầy đủ thì hướng dẫn người nộp bổ sung, hoàn thiện một lần bằng văn bản",
    "trường hợp hồ sơ không đủ điều kiện thì không tiếp nhận và trả lời bằng văn bản, nêu rõ lý do",
    "người nộp hồ sơ nhận giấy tiếp nhận hồ sơ và hẹn ngày trả kết quả ghi rõ thời gian, địa điểm",
    "cơ quan có thẩm quyền xem xét, xác minh khi cần thiết và có văn bản gửi cơ quan phối hợp",
    "kết quả được trả trực tiếp tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính công ích theo yêu cầu",
    "thời gian tiếp nhận từ thứ Hai đến thứ Sáu hằng tuần, trừ ngày nghỉ lễ, tết theo quy định",
    "người nhận kết quả ký nhận vào sổ theo dõi, ghi rõ họ, tên và ngày, tháng, năm nhận kết quả",
    "đối với hồ sơ nộp trực tuyến, người nộp đăng nhập Cổng Dịch vụ công quốc gia bằng tài khoản định danh điện tử",
    "phí, lệ phí được nộp trực tiếp hoặc thanh toán trực tuyến qua các kênh thanh toán của Cổng Dịch vụ công",
)
DOCUMENT_NAMES = (
    "Tờ khai theo mẫu ban hành kèm theo Thông tư của Bộ trưởng",
    "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp của người đề nghị",
    "Bản sao giấy tờ chứng minh nhân thân có chứng thực hoặc xuất trình bản chính để đối chiếu",
    "Văn bản ủy quyền có chứng thực trong trường hợp người khác nộp hồ sơ thay",
    "Giấy xác nhận của cơ quan, tổ chức nơi người đề nghị làm việc hoặc học tập",
    "Biên bản xác minh của Ủy ban nhân dân cấp xã nơi người đề nghị cư trú",
)
CONDITIONS = (
    "trường hợp người đề nghị là người chưa thành niên thì phải có ý kiến đồng ý bằng văn bản của cha, mẹ"
    " hoặc người giám hộ, trừ trường hợp đã có ý kiến đồng ý ghi trong tờ khai",
    "không yêu cầu nộp nếu cơ quan giải quyết khai thác được thông tin từ Cơ sở dữ liệu quốc gia về dân cư"
    " hoặc cơ sở dữ liệu chuyên ngành",
    "áp dụng đối với trường hợp nộp hồ sơ qua dịch vụ bưu chính công ích, kèm theo bản sao có chứng thực",
)
LAWS = (
    ("81/2006/QH11", "Luật 81/2006/QH11 - Cư trú"),
    ("68/2020/QH14", "Luật 68/2020/QH14 - Cư trú (thay thế Luật Cư trú năm 2006 và các luật sửa đổi, bổ sung)"),
    (
        "62/2021/NĐ-CP",
        "Nghị định 62/2021/NĐ-CP - Quy định chi tiết một số điều của Luật Cư trú và biện pháp thi hành",
    ),
    (
        "55/2021/TT-BCA",
        "Thông tư 55/2021/TT-BCA - Quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú, trong đó có"
        " các biểu mẫu sử dụng trong đăng ký, quản lý cư trú và hướng dẫn ghi các biểu mẫu",
    ),
    ("104/2022/NĐ-CP", "Nghị định 104/2022/NĐ-CP - Sửa đổi, bổ sung một số điều của các nghị định liên quan"),
)


def _nfd(text: str, on: bool) -> str:
    return unicodedata.normalize("NFD", text) if on else text


def _paragraph(seed: int, sentences: int) -> str:
    """``sentences`` sentences of 2-3 clauses each, varied by ``seed``."""
    out = []
    for i in range(sentences):
        parts = [CLAUSES[(seed * 7 + i * 3 + k) % len(CLAUSES)] for k in range(2 + (seed + i) % 2)]
        out.append("; ".join(parts).capitalize() + ".")
    return " ".join(out)


def _steps(count: int, length: int) -> list[str]:
    steps = []
    for n in range(1, count + 1):
        cases = " ".join(f"+ Trường hợp {k}: {_paragraph(n + k, 1)}" for k in range(1, 1 + n % 3))
        steps.append(f"Bước {n}: {_paragraph(n, length)} {cases}".strip())
    return steps


def _channels(description: int) -> list[dict[str, Any]]:
    """Rows as the export writes them: time and fee lines per row, two rows of one method told apart by
    their description ("Mô tả"), time limits of 0 and "Khác" kept as written."""
    times: list[dict[str, Any]] = [
        {"value": 15, "unit": "working_day", "text": "15 Ngày làm việc"},
        {"value": 0, "unit": "hour", "text": "0 Giờ"},
        {"value": 0.5, "unit": "hour", "text": "0.5 Giờ"},
        {"text": "Khác"},
    ]
    rows = []
    for i, method in enumerate(("in_person", "in_person", "post", "online")):
        fee = {"name": "Lệ phí", "amount": 20_000 + 10_000 * i, "text": f"Lệ phí : {20 + 10 * i}.000 Đồng"}
        row: dict[str, Any] = {"method": method, "time_limit": times[i]}
        row["fees"] = [{"name": "Phí", "amount": 0, "text": "Phí : 0 Đồng"}, fee]
        if description:
            row["description"] = _paragraph(i + 3, description if i % 2 == 0 else 1)
        else:
            row["description"] = f"Trường hợp {i + 1}: {CLAUSES[i]}"
        rows.append(row)
    return rows


def _documents(count: int, cases: int, tall: int) -> list[dict[str, Any]]:
    docs = []
    for i in range(count):
        name = DOCUMENT_NAMES[i % len(DOCUMENT_NAMES)]
        if i % 2:
            name = f"- {name}; {CONDITIONS[i % len(CONDITIONS)]}"
        if i == 0 and tall:
            name = f"{name}. {_paragraph(11, tall)}"
        doc: dict[str, Any] = {"name": name, "originals": 1, "copies": i % 2}
        if i % 4 == 0:  # the export lists form file names, sometimes several for one document
            doc["form"] = [
                {"title": f"{90 + i + k}-Mẫu HK{i + k:02d}-{DOCUMENT_NAMES[(i + k) % 6]}.doc"} for k in range(1 + i % 3)
            ]
        if cases:
            doc["case"] = f"Trường hợp ({i % cases + 1}): {_paragraph(i % cases, 1)}"
        docs.append(doc)
    return docs


def record(
    code: str,
    name: str,
    *,
    steps: int,
    step_length: int,
    documents: int,
    cases: int = 0,
    description: int = 0,
    tall_document: int = 0,
    nfd: bool = False,
) -> dict[str, Any]:
    """One long record; sizes in sentences (a sentence is about 40 words)."""
    data: dict[str, Any] = {
        "code": code,
        "name": _nfd(name, nfd),
        "field": "Đăng ký, quản lý cư trú",
        "level": ["Cấp Tỉnh", "Cấp Xã"],
        "decision": {"number": "QĐ/0001-BCA"},  # the export gives no decision date
        "steps": [_nfd(s, nfd) for s in _steps(steps, step_length)],
        "channels": _channels(description),
        "documents": _documents(documents, cases, tall_document),
        "applicants": "Công dân Việt Nam, Người Việt Nam định cư ở nước ngoài, Cán bộ, công chức, viên chức",
        "agency": "Công an cấp xã nơi công dân đề nghị đăng ký cư trú",
        "result": _paragraph(5, 2),
        "conditions": [_paragraph(6, 3), _paragraph(7, 2)],
        "legal_basis": [{"number": n, "title": t, "date": dt.date(2021, 6, 30)} for n, t in LAWS],
        "receiving_address": "Bộ phận Một cửa của Ủy ban nhân dân cấp xã nơi công dân cư trú",
        "online": {"service": "mot_phan", "url": PORTAL + code},
    }
    return data


#: code → (name, sizes): from a little over 2 pages to about 8, each stressing one layout case.
RECORDS: dict[str, tuple[str, dict[str, Any]]] = {
    "1.900001": ("Đăng ký thường trú (hồ sơ dài, chữ NFD)", dict(steps=5, step_length=3, documents=10, nfd=True)),
    "1.900002": (
        "Đăng ký tạm trú có mô tả dài theo từng hình thức nộp",
        dict(steps=4, step_length=2, documents=8, description=6),
    ),
    "1.900003": (
        "Tách hộ, điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú theo từng trường hợp",
        dict(steps=6, step_length=4, documents=25, cases=3),
    ),
    "1.900004": (
        "Xóa đăng ký thường trú, giấy tờ có điều kiện dài hơn một trang",
        dict(steps=3, step_length=2, documents=6, tall_document=28),
    ),
    "1.900005": (
        "Khai báo tạm vắng (trình tự dài nhất)",
        dict(steps=12, step_length=6, documents=14, cases=2, description=3),
    ),
}


def long_province(target: Path) -> Path:
    """A data root with the sample province's file, ``RECORDS`` and one commune posting them all."""
    folder = target / "khanh-hoa"
    (folder / "catalogue").mkdir(parents=True)
    (folder / "communes").mkdir()
    shutil.copy(SAMPLE / "khanh-hoa" / "province.yaml", folder / "province.yaml")
    for code, (name, sizes) in RECORDS.items():
        text = dump(record(code, name, **sizes))
        (folder / "catalogue" / f"{code}.yaml").write_text(text, encoding="utf-8")
    commune = {
        "name": "Xã Hồ Sơ Dài",
        "counter": {
            "address": "Thôn Một, xã Hồ Sơ Dài, tỉnh Khánh Hòa",
            "hours": "Thứ Hai đến Thứ Sáu: sáng 7:00-11:30, chiều 13:30-17:00",
            "phone": "0258 3000 111",
            "email": "motcua.hosodai@khanhhoa.gov.vn",
        },
        "procedures": [{"code": code} for code in RECORDS],
    }
    (folder / "communes" / f"{COMMUNE}.yaml").write_text(dump(commune), encoding="utf-8")
    return target
