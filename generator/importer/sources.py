"""Find the export files named on the command line and read each one into a procedure record."""

from __future__ import annotations

import re
from pathlib import Path

from generator.importer.blocks import ImportFailure
from generator.importer.docx import read_docx
from generator.importer.isolated import PdfWorker
from generator.importer.reasons import reason
from generator.importer.record import Parsed, build_record
from generator.problems import Problem, make
from generator.text.codes import CODE

SUFFIXES = (".doc", ".docx", ".pdf")
_NAMED_CODE = re.compile(rf"(?<![0-9]){CODE}(?![0-9])")  # ChiTietTTHC_1.001193.doc names its code
MAX_BYTES = 20 * 1024 * 1024  # a real export is 5-200 KB
# What Word, macOS and Windows leave beside the files: skipped without a word.
JUNK_PREFIXES = ("~$", "._")
JUNK_NAMES = frozenset({"thumbs.db", ".ds_store", "desktop.ini"})


def is_junk(path: Path) -> bool:
    """Word's lock files (``~$…``), macOS's ``._…`` and ``.DS_Store``, Windows' ``Thumbs.db``."""
    return path.name.startswith(JUNK_PREFIXES) or path.name.lower() in JUNK_NAMES


def _not_regular(path: Path) -> str | None:
    """Why an existing path that is not a folder cannot be read as a file (a FIFO would block the run)."""
    if path.is_symlink() and not path.exists():
        return "liên kết tượng trưng trỏ tới tệp không còn"
    if path.exists() and not path.is_file() and not path.is_dir():
        return "không phải tệp thường (FIFO, socket hoặc thiết bị); không đọc"
    return None


def collect(sources: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Export files from files and folders (sorted, each once), and problems for what cannot be used (E160)."""
    files: list[Path] = []
    errors: list[Problem] = []
    for src in sources:
        if is_junk(src):
            continue
        if src.is_dir():
            found = sorted(p for p in src.rglob("*") if p.suffix.lower() in SUFFIXES and not is_junk(p))
            errors += [make("E160", str(p), reason=why) for p in found if (why := _not_regular(p))]
            found = [p for p in found if p.is_file()]
            if not found:
                errors.append(make("E160", str(src), reason="thư mục không có tệp .doc, .docx hoặc .pdf nào"))
            files.extend(found)
        elif why := _not_regular(src):
            errors.append(make("E160", str(src), reason=why))
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


def read_export(path: Path, pdfs: PdfWorker) -> Parsed:
    """One export file → its record; ImportFailure with a Vietnamese message naming the file.

    Whatever goes wrong while reading one file is that file's problem: any exception (not an
    interrupt) becomes an ImportFailure naming it, and the run goes on with the others."""
    try:
        return _read(path, pdfs)
    except ImportFailure:
        raise
    except Exception as exc:
        raise ImportFailure(str(path), reason(exc)) from exc


def _read(path: Path, pdfs: PdfWorker) -> Parsed:
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
        blocks = pdfs.read(path, name)  # in the worker process: a hostile PDF costs it, not this one
    else:
        blocks = read_docx(data, name)
    parsed = build_record(blocks, name)
    named = _NAMED_CODE.search(path.stem)
    if named and named.group(0) != parsed.record["code"]:
        raise ImportFailure(
            name,
            f"tên tệp ghi mã {named.group(0)} nhưng nội dung là mã {parsed.record['code']}; "
            "kiểm tra lại tệp tải về (tệp này chưa được nhập)",
        )
    return parsed
