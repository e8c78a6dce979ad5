"""Re-import reads the file on disk as ``check`` reads it (one YAML reader, ``load.read_values``): a file
whose YAML check refuses is left as it is and named, never merged with a silently chosen value."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.kit.exports import Export, write_docx

EXPORT = Export(
    code="1.000202",
    channels=[("Trực tiếp", "15 Ngày làm việc", "Lệ phí : 50.000 Đồng", "Nộp tại Bộ phận Một cửa")],
    documents=[("Tờ khai", "01-Mẫu tờ khai.doc", 1, 0)],
    legal=[("60/2014/QH13", "Luật Hộ tịch", "20-11-2014", "Quốc Hội")],
)


def test_an_existing_file_with_a_duplicate_key_is_left_alone(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_docx(EXPORT, tmp_path)
    assert main(["import", str(source), "--province", str(province)]) == 0
    target = province / "catalogue" / "1.000202.yaml"
    text = target.read_text("utf-8")
    broken = text.replace("\nname:", "\nname: Tên tỉnh sửa\nname:", 1)
    target.write_text(broken, "utf-8")
    capsys.readouterr()
    assert main(["import", str(source), "--province", str(province)]) == 1
    captured = capsys.readouterr()
    assert "1.000202.yaml" in captured.out + captured.err
    assert "tệp hiện có không đọc được" in captured.out + captured.err
    assert target.read_text("utf-8") == broken  # nothing merged over it
