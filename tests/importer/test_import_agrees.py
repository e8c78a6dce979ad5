"""What ``import`` writes, ``check`` accepts (issue 18 item 1), on exports built in the real files' shape.

- a documents table whose form column is empty in every row says "no form": ``forms: Không``, no E104;
- rows of one method that differ in time limit (one description explaining both) are two cases, no E126;
- an empty time cell is a missing part NĐ 63/2010 Điều 8 requires: E100, and its message says what to write;
- a missing legal basis table is not an Điều 8 part: W024, not an error;
- "Quyết định số 6375/QĐ-BQP" is written as the bare number.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.importer.run import import_exports
from tests.kit.exports import Export, write_docx

TWO_CASES = "10 ngày hoặc 40 ngày (khi hồ sơ lưu trữ không đầy đủ), kể từ ngày nhận đơn"


def _import(province: Path, tmp_path: Path, export: Export) -> tuple[dict[str, object], dict[str, str]]:
    source = write_docx(export, tmp_path)
    report = import_exports([source], province, [])
    record = yaml.safe_load((province / "catalogue" / f"{export.code}.yaml").read_text("utf-8"))
    (outcome,) = report.outcomes
    return record, {p.code: p.message for p in outcome.problems}


def test_empty_form_column_records_no_form(province: Path, tmp_path: Path) -> None:
    export = Export(code="1.013184", documents=[("Đơn đề nghị", "", 1, 0), ("Bản sao giấy tờ", "", 0, 1)])
    record, found = _import(province, tmp_path, export)
    assert record["forms"] == "Không"
    assert "E104" not in found and not [c for c in found if c.startswith("E")]


def test_a_form_in_one_row_is_no_forms_key(province: Path, tmp_path: Path) -> None:
    export = Export(code="1.013185", documents=[("Tờ khai", "01-Mẫu.doc", 1, 0), ("Bản sao giấy tờ", "", 0, 1)])
    record, _ = _import(province, tmp_path, export)
    assert "forms" not in record


def test_rows_differing_in_time_are_two_cases(province: Path, tmp_path: Path) -> None:
    rows = [("Trực tiếp", "10 Ngày", "Phí : 0 Đồng", TWO_CASES), ("Trực tiếp", "40 Ngày", "Phí : 0 Đồng", TWO_CASES)]
    record, found = _import(province, tmp_path, Export(code="2.002759", channels=rows))
    assert [c["time_limit"]["value"] for c in record["channels"]] == [10, 40]  # type: ignore[index]
    assert "E126" not in found


def test_empty_time_cell_says_what_to_write(province: Path, tmp_path: Path) -> None:
    rows = [("Trực tiếp", "", "Phí : 0 Đồng", "Nộp tại cơ quan")]
    _, found = _import(province, tmp_path, Export(code="1.013621", channels=rows))
    assert "E100" in found
    assert "time_limit" in found["E100"] and "quyết định công bố" in found["E100"]
    assert "Không quy định" in found["E100"]


def test_missing_legal_basis_is_a_warning(province: Path, tmp_path: Path) -> None:
    _, found = _import(province, tmp_path, Export(code="1.013555", legal=[]))
    assert "W024" in found and not [c for c in found if c.startswith("E")]


def test_decision_prefix_is_dropped(province: Path, tmp_path: Path) -> None:
    record, found = _import(province, tmp_path, Export(code="1.013186", decision="Quyết định số 6375/QĐ-BQP"))
    assert record["decision"] == {"number": "6375/QĐ-BQP"}
    assert "Quyết định số" not in found["W020"]


def _edit(path: Path, change: dict[str, object]) -> None:
    from generator.importer.yamlout import dump

    record = yaml.safe_load(path.read_text("utf-8"))
    record.update(change)
    path.write_text(dump(record, []), encoding="utf-8")


def test_reimport_keeps_the_offices_work_and_says_unchanged(province: Path, tmp_path: Path) -> None:
    """What the office wrote where the export is silent survives; an unchanged export changes no byte."""
    rows = [("Trực tiếp", "", "", "Nộp tại cơ quan"), ("Trực tuyến", "", "", "Nộp qua Cổng")]
    export = Export(code="1.013621", channels=rows, decision="Quyết định số 6375/QĐ-BQP")
    source = write_docx(export, tmp_path)
    import_exports([source], province, [])
    path = province / "catalogue" / "1.013621.yaml"
    record = yaml.safe_load(path.read_text("utf-8"))
    for row in record["channels"]:
        row["time_limit"] = {"text": "Không quy định"}
        row["fees"] = "Không"
    decision = {"number": "6375/QĐ-BQP", "date": "2025-07-01", "title": "Công bố thủ tục"}
    _edit(path, {"channels": record["channels"], "decision": decision, "online": {"service": "none"}})
    before = path.read_bytes()
    again = import_exports([source], province, [])
    assert [o.status for o in again.outcomes] == ["unchanged"] and path.read_bytes() == before
    newer = Export(code="1.013621", channels=[("Trực tiếp", "15 Ngày", "", "Nộp tại cơ quan"), rows[1]])
    newer.decision = "6375/QĐ-BQP"  # the same number, written without the prefix this time
    (tmp_path / "new").mkdir()
    update = import_exports([write_docx(newer, tmp_path / "new")], province, [])
    (outcome,) = update.outcomes
    record = yaml.safe_load(path.read_text("utf-8"))
    assert record["channels"][0]["time_limit"]["text"] == "15 Ngày"  # the export now says it: the export's
    assert record["channels"][1]["time_limit"] == {"text": "Không quy định"}  # still silent: the office's
    assert str(record["decision"]["date"]) == "2025-07-01" and record["online"] == {"service": "none"}
    assert "Thời hạn giải quyết (Trực tiếp — Nộp tại cơ quan): Không quy định → 15 ngày" in outcome.changes


def test_hand_edit_in_another_order_is_left_alone(province: Path, tmp_path: Path) -> None:
    source = write_docx(Export(code="1.013622"), tmp_path)
    import_exports([source], province, [])
    path = province / "catalogue" / "1.013622.yaml"
    path.write_text(path.read_text("utf-8") + "online:\n  service: none\n", encoding="utf-8")  # appended by hand
    before = path.read_bytes()
    again = import_exports([source], province, [])
    assert [o.status for o in again.outcomes] == ["unchanged"] and path.read_bytes() == before
