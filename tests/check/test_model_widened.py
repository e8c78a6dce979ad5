"""The model built from a record in the export's shape keeps what was published, as written."""

from __future__ import annotations

from pathlib import Path

from generator.load.tree import load_tree
from generator.model.build import build_province
from generator.model.types import Procedure
from tests.kit.cases import CASES, Case, build_tree

CASE = Case(CASES / "valid" / "real-export-shape")


def _procedure(tmp_path: Path) -> Procedure:
    root = build_tree(CASE, tmp_path)
    tree = load_tree(root, root)
    return build_province(tree.provinces[0]).procedures["1.000002"]


def test_rows_of_one_method_stay_separate_with_their_description(tmp_path: Path) -> None:
    proc = _procedure(tmp_path)
    assert [c.method for c in proc.channels] == ["in_person", "in_person", "online", "post"]
    assert proc.channels[1].description == "Không phải trả kết quả cho người nộp thuế"


def test_zero_and_other_time_limits_are_shown_as_written(tmp_path: Path) -> None:
    channels = _procedure(tmp_path).channels
    assert [c.time_limit.label for c in channels] == ["15 Ngày làm việc", "0", "0 Giờ", "Khác"]
    online = channels[2].time_limit
    assert (online.value, online.unit) == (0, "hour")


def test_fees_keep_their_verbatim_text_and_currency(tmp_path: Path) -> None:
    proc = _procedure(tmp_path)
    assert proc.fees == ()
    first, usd = proc.channels[0].fees[0], proc.channels[1].fees[0]
    assert (first.amount, first.amount_label) == (None, "Phí : Không Đồng")
    assert (usd.amount, usd.currency, usd.amount_label) == (3, "USD", "3 USD")


def test_documents_list_several_forms_and_cases(tmp_path: Path) -> None:
    proc = _procedure(tmp_path)
    assert [f.title for f in proc.documents[0].forms] == ["TKMAU07K-MAU.docx", "PL07XN-MAU.docx", "PL07THDK-MAU.docx"]
    assert proc.documents[1].forms == ()
    assert len(proc.forms) == 5
    assert proc.documents[2].case.startswith("Trường hợp (2)")


def test_missing_dates_and_online_level_are_unknown_not_invented(tmp_path: Path) -> None:
    proc = _procedure(tmp_path)
    assert proc.decision.date is None and proc.updated is None
    # a "Trực tuyến" row is an online service; its level and address are said to be unknown, not invented
    assert proc.online.label == "Có nộp trực tuyến, chưa có thông tin mức độ" and not proc.online.url
    assert proc.online.available and proc.online.unrated and not proc.online.known
    assert proc.legal_basis[2].date is None
    assert proc.legal_basis[0].issuer == "Bộ Tài chính"


def test_new_procedure_fields_are_kept(tmp_path: Path) -> None:
    proc = _procedure(tmp_path)
    assert proc.procedure_type == "TTHC được luật giao quy định chi tiết"
    assert proc.competent_authority == "Công an huyện"
    assert proc.receiving_address.startswith("Đội Cảnh sát")
    assert proc.keywords == ("Đăng ký mẫu người phụ thuộc",)
    assert proc.authorized_agency == proc.coordinating_agency == proc.description == ""
