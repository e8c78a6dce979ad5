"""Find the export files named on the command line and read each one into a procedure record."""

from __future__ import annotations

from pathlib import Path

from generator.importer.blocks import ImportFailure
from generator.importer.docx import read_docx
from generator.importer.pdf import read_pdf
from generator.importer.record import Parsed, build_record
from generator.problems import Problem, make

SUFFIXES = (".doc", ".docx", ".pdf")
MAX_BYTES = 50 * 1024 * 1024


def collect(sources: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Export files from files and folders (sorted, each once), and problems for what cannot be used (E160)."""
    files: list[Path] = []
    errors: list[Problem] = []
    for src in sources:
        if src.is_dir():
            found = sorted(p for p in src.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                errors.append(make("E160", str(src), reason="thư mục không có tệp .doc, .docx hoặc .pdf nào"))
            files.extend(found)
        elif src.is_file():
            if src.suffix.lower() in SUFFIXES:
                files.append(src)
            else:
                errors.append(make("E160", str(src), reason="không phải tệp xuất thủ tục (.doc, .docx hoặc .pdf)"))
        else:
            errors.append(make("E160", str(src), reason="không tìm thấy tệp hoặc thư mục"))
    unique: dict[Path, Path] = {}
    for path in files:  # the same file named twice is read once, where it was first named
        unique.setdefault(path.resolve(), path)
    return list(unique.values()), errors


def read_export(path: Path) -> Parsed:
    """One export file → its record; ImportFailure with a Vietnamese message naming the file."""
    name = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFailure(name, f"tệp quá lớn ({path.stat().st_size} byte), không phải tệp xuất thủ tục")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(name, f"không đọc được tệp ({exc.strerror or exc})") from exc
    if data.startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        if not data.startswith(b"%PDF"):
            raise ImportFailure(name, "tệp mang đuôi .pdf nhưng không phải PDF")
        blocks = read_pdf(data, name)
    else:
        blocks = read_docx(data, name)
    return build_record(blocks, name)
