"""Issue 19 item 4: codes and names are what they claim; nothing is written outside the data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.cli import main
from tests.kit.exports import Export, docx_bytes, write_docx


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("code", ["1.６００１８０", "1.٠٠١١٩٣", "1.००११९३", "1.001193\u200b"])
def test_code_of_other_digits_is_refused(
    code: str, province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "export.docx"
    src.write_bytes(docx_bytes(Export(code=code)))
    status, _, err = _run(["import", str(src), "--province", str(province)], capsys)
    assert status == 1 and f"{src}: error E160 " in err and "không đúng dạng" in err
    assert not any(p.name.startswith("1.") and not p.name[2].isascii() for p in (province / "catalogue").iterdir())


def test_check_refuses_a_listed_code_of_full_width_digits(province: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commune = next((province / "communes").glob("*.yaml"))
    commune.write_text(commune.read_text("utf-8") + '  - code: "1.６００１８０"\n', "utf-8")
    assert main(["check", str(province.parent)]) == 1
    assert "E111" in capsys.readouterr().out


def test_name_and_content_disagree(province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "ChiTietTTHC_1.000402.doc"
    src.write_bytes(docx_bytes(Export(code="1.000401")))
    status, _, err = _run(["import", str(src), "--province", str(province)], capsys)
    assert status == 1 and "tên tệp ghi mã 1.000402 nhưng nội dung là mã 1.000401" in err
    assert not (province / "catalogue" / "1.000401.yaml").exists()


@pytest.mark.parametrize("slug", ["../../../victim", "{abs}", "xa-cam-lam/../../../victim", ".."])
def test_commune_must_be_a_commune_file_of_the_province(
    slug: str, province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.yaml"
    victim.write_text("mine: true\n", "utf-8")
    slug = slug.replace("{abs}", str(tmp_path / "victim"))
    src = write_docx(Export(code="1.000403"), tmp_path)
    status, _, err = _run(["import", str(src), "--province", str(province), "--commune", slug], capsys)
    assert status == 3 and "không có xã/phường" in err
    assert victim.read_text("utf-8") == "mine: true\n"
    assert not (province / "catalogue" / "1.000403.yaml").exists()


def test_catalogue_symlinked_outside_is_not_written_through(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    catalogue = province / "catalogue"
    for p in catalogue.iterdir():
        p.rename(outside / p.name)
    catalogue.rmdir()
    catalogue.symlink_to(outside)
    before = sorted(os.listdir(outside))
    src = write_docx(Export(code="1.000404"), tmp_path)
    status, _, err = _run(["import", str(src), "--province", str(province)], capsys)
    assert status == 3 and "trỏ ra ngoài thư mục tỉnh" in err
    assert sorted(os.listdir(outside)) == before


def test_a_catalogue_file_symlinked_outside_is_not_written(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "elsewhere.yaml"
    target.write_text("x: 1\n", "utf-8")
    (province / "catalogue" / "1.000405.yaml").symlink_to(target)
    src = write_docx(Export(code="1.000405"), tmp_path)
    status, _, err = _run(["import", str(src), "--province", str(province)], capsys)
    assert status == 1 and "trỏ ra ngoài thư mục tỉnh" in err
    assert target.read_text("utf-8") == "x: 1\n"


def test_control_characters_never_reach_the_terminal(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name holding a C1 escape (CSI) and a bidi override is printed with visible escapes, by import and check."""
    src = write_docx(Export(code="1.000406", name="Tên\x9b2J thủ tục\u202eđảo"), tmp_path)
    status, out, err = _run(["import", str(src), "--province", str(province)], capsys)
    assert "\x9b" not in out + err and "\u202e" not in out + err
    assert "Tên\\x9b2J thủ tục\\u202eđảo" in out
    assert status == 0
    main(["check", str(province.parent)])
    checked = capsys.readouterr()
    assert "E128" in checked.out and "\u202e" not in checked.out + checked.err and "\\u202e" in checked.out
