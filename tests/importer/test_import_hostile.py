"""Issue 19: damaged and hostile exports. One file's failure is that file's problem (named, with a
plain reason, the others imported, exit 1); every read is bounded in memory and time."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from generator.cli import main
from tests.kit import hostile
from tests.kit.exports import Export, document_xml, docx_bytes, pdf_bytes, write_docx
from tests.kit.paths import REPO

XML = document_xml(Export(code="1.000311")).encode()
DAMAGED = {
    "bad-deflate": "tệp hỏng",
    "encrypted": "có mật khẩu",
    "method-99": "có mật khẩu",
    "bzip2": "kiểu nén bzip2",
    "lzma": "kiểu nén LZMA",
}


def _catalogue(province: Path) -> list[str]:
    return sorted(p.name for p in (province / "catalogue").iterdir())


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("kind", list(DAMAGED))
def test_damaged_doc_is_named_and_the_good_one_imported(
    kind: str, province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / f"ChiTietTTHC_{kind}.doc"
    bad.write_bytes(hostile.damaged(kind, XML))
    good = write_docx(Export(code="1.000301"), tmp_path)
    before = _catalogue(province)
    code, out, err = _run(["import", str(bad), str(good), "--province", str(province)], capsys)
    assert code == 1
    errors = [ln for ln in err.splitlines() if " error E160 " in ln]
    assert len(errors) == 1 and errors[0].startswith(f"{bad}: error E160 ") and DAMAGED[kind] in errors[0]
    assert "lỗi nội bộ" not in err
    assert _catalogue(province) == sorted([*before, "1.000301.yaml"])
    assert "nhập mới 1" in out and "tệp lỗi 1" in out


def _flipped(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def test_random_byte_flips_never_stop_the_run(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], real_exports: Path
) -> None:
    """60 exports with a few bits flipped each (kit and real): each is imported or named; the good one always is."""
    sources = [docx_bytes(Export(code="1.000312")), (real_exports / "ChiTietTTHC_1.004370.doc").read_bytes()]
    folder = tmp_path / "flipped"
    folder.mkdir()
    for seed in range(60):
        (folder / f"flip-{seed:02d}.doc").write_bytes(_flipped(sources[seed % 2], seed))
    good = write_docx(Export(code="1.000301"), tmp_path)
    code, _out, err = _run(["import", str(folder), str(good), "--province", str(province)], capsys)
    assert code in (0, 1) and "lỗi nội bộ" not in err and "Traceback" not in err
    assert (province / "catalogue" / "1.000301.yaml").is_file()
    failed = [ln for ln in err.splitlines() if " error E160 " in ln]
    assert all(ln.startswith(str(folder)) for ln in failed)


def test_office_junk_is_skipped_silently(province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    good = write_docx(Export(code="1.000313"), folder)
    (folder / "~$ChiTietTTHC_1.000313.doc").write_bytes(b"\x00" * 162)  # Word's lock file
    (folder / "._ChiTietTTHC_1.000313.doc").write_bytes(b"\x00\x05\x16\x07" + b"\x00" * 80)  # macOS
    (folder / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    code, out, err = _run(["import", str(folder), str(folder / "Thumbs.db"), "--province", str(province)], capsys)
    assert code == 0 and "E160" not in err and "nhập mới 1" in out
    assert (province / "catalogue" / f"{good.stem.split('_')[1]}.yaml").is_file()


def test_fifo_is_named_and_never_opened(province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    fifo = folder / "ChiTietTTHC_1.000314.doc"
    os.mkfifo(fifo)  # opening it would block the run forever
    write_docx(Export(code="1.000315"), folder)
    code, out, err = _run(["import", str(folder), str(fifo), "--province", str(province)], capsys)
    assert code == 1 and f"{fifo}: error E160 " in err and "không phải tệp thường" in err
    assert "không tìm thấy" not in err and "nhập mới 1" in out


def test_password_pdf_says_password(province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "ChiTietTTHC_1.000316.pdf"
    locked.write_bytes(hostile.password_pdf(pdf_bytes(Export(code="1.000316"))))
    good = write_docx(Export(code="1.000301"), tmp_path)
    code, out, err = _run(["import", str(locked), str(good), "--province", str(province)], capsys)
    assert code == 1 and f"{locked}: error E160 " in err and "có mật khẩu" in err and "hỏng" not in err
    assert "nhập mới 1" in out


def _combining_cell(marks: int) -> bytes:
    name = "Tên" + "\u0345\u0334" * (marks // 2)  # combining marks of two classes: NFC is quadratic in the run
    return docx_bytes(Export(code="1.000321", name=name))


BOUNDED = {
    # the cases: the file, then what the message must say
    "understated-2gb.doc": (
        lambda: hostile.zip_member(
            hostile.repeated_deflate(hostile.XML_HEAD, b"<w:p/>", 2048 * hostile.MIB, hostile.XML_TAIL), size=4096
        ),
        "tệp hỏng",
    ),
    "honest-2gb.doc": (
        lambda: hostile.zip_member(
            hostile.repeated_deflate(hostile.XML_HEAD, b" ", 2048 * hostile.MIB, hostile.XML_TAIL),
            size=0xFFFFFFFE,
        ),
        "giải nén ra hơn 16 MB",
    ),
    "empty-paragraphs-60mb.doc": (
        lambda: hostile.zip_member(
            hostile.repeated_deflate(hostile.XML_HEAD, b"<w:p/>", 60 * hostile.MIB, hostile.XML_TAIL),
            size=60 * hostile.MIB,
        ),
        "phần tử XML",
    ),
    "combining-400k.doc": (lambda: _combining_cell(400_000), "dài 400,003 ký tự, quá giới hạn 100,000"),
    "combining-90k.doc": (lambda: _combining_cell(90_000), "hơn 30 dấu kết hợp liền nhau"),
    "pages-4000.pdf": (lambda: hostile.raw_pdf(4000, b"BT ET"), "4000 trang, quá giới hạn 100 trang"),
    "content-2200mb.pdf": (lambda: hostile.content_bomb_pdf(2200 * hostile.MIB), "bộ nhớ"),
}


@pytest.mark.parametrize("case", list(BOUNDED))
def test_hostile_file_is_bounded_in_memory_and_time(case: str, province: Path, tmp_path: Path) -> None:
    """Each case of the issue, run as its own process: under 1.5 GB and 30 s, named, the good file imported."""
    make, message = BOUNDED[case]
    bad = tmp_path / case
    bad.write_bytes(make())
    good = write_docx(Export(code="1.000301"), tmp_path)
    before = _catalogue(province)
    run = hostile.measured(["import", str(bad), str(good), "--province", str(province)], REPO)
    assert run.code == 1, run.err
    assert run.peak_mb < 1536 and run.seconds < 30, (run.peak_mb, run.seconds)
    errors = [ln for ln in run.err.splitlines() if " error E160 " in ln]
    assert len(errors) == 1 and errors[0].startswith(f"{bad}: error E160 ") and message in errors[0], run.err
    assert _catalogue(province) == sorted([*before, "1.000301.yaml"])


def test_pdf_worker_times_out_and_recovers(tmp_path: Path) -> None:
    """A worker past its time is killed and the file named; a worker that died is replaced for the next file."""
    from generator.importer.blocks import ImportFailure
    from generator.importer.isolated import PdfWorker

    good = tmp_path / "good.pdf"
    good.write_bytes(pdf_bytes(Export(code="1.000322")))
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(hostile.content_bomb_pdf(400 * hostile.MIB))
    with PdfWorker(seconds=0.001) as slow, pytest.raises(ImportFailure, match=r"quá 0\.001 giây"):
        slow.read(good, "good.pdf")
    with PdfWorker(memory=256 * hostile.MIB) as pdfs:
        with pytest.raises(ImportFailure, match="bộ nhớ"):
            pdfs.read(bomb, "bomb.pdf")
        assert pdfs.read(good, "good.pdf")  # a fresh worker reads the next file


def test_import_never_writes_what_check_refuses_for_size(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """30 documents of 90,000 characters each: a YAML file over check's 2 MB (E010) is not written; it says why."""
    big = Export(code="1.000331", documents=[("Giấy tờ " + "x" * 90_000 + str(i), "", 1, 0) for i in range(30)])
    src = write_docx(big, tmp_path)
    good = write_docx(Export(code="1.000301"), tmp_path)
    before = _catalogue(province)
    code, _out, err = _run(["import", str(src), str(good), "--province", str(province)], capsys)
    assert code == 1
    assert f"{src}: error E160 tệp YAML sẽ lớn " in err and "(E010)" in err and "Phần lớn nhất: documents" in err
    assert "30 dòng" in err
    assert _catalogue(province) == sorted([*before, "1.000301.yaml"])
    assert main(["check", str(province.parent)]) in (0, 1) and "E010" not in capsys.readouterr().out
