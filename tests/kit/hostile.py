"""Hostile and damaged exports, built in the test (no large or broken file is kept in the repository).

Big inflations cost little to build: after a full flush a deflate block does not depend on what came
before it, so one compressed megabyte repeated N times inflates to N megabytes. ``measured`` runs
niemyet in a child process and reports its peak memory (the largest process, the PDF worker included).
"""

from __future__ import annotations

import bz2
import json
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

MIB = 1 << 20
XML_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
XML_TAIL = b"</w:body></w:document>"


def repeated_deflate(head: bytes, unit: bytes, total: int, tail: bytes = b"") -> bytes:
    """A raw deflate stream: ``head``, then ``unit`` repeated to about ``total`` bytes, then ``tail``."""
    chunk = unit * max(1, MIB // len(unit))
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    end = comp.compress(tail) + comp.flush()
    return start + block * max(1, total // len(chunk)) + end


def zip_member(data: bytes, *, size: int, crc: int = 0, method: int = 8, flags: int = 0) -> bytes:
    """A zip holding only ``word/document.xml`` as ``data``, its header saying what the test wants."""
    name = b"word/document.xml"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0, crc, len(data), size, len(name), 0)
    fields = (0x02014B50, 20, 20, flags, method, 0, 0, crc, len(data), size, len(name), 0, 0, 0, 0, 0, 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", *fields) + name
    body = local + name + data
    return body + central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(body), 0)


def deflated_docx(xml: bytes, **header: int) -> bytes:
    """A docx whose document.xml is ``xml`` deflated; ``header`` overrides size, crc, method or flags."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = comp.compress(xml) + comp.flush()
    fields = {"size": len(xml), "crc": zlib.crc32(xml)} | header
    return zip_member(data, **fields)


def damaged(kind: str, xml: bytes) -> bytes:
    """One damaged .doc of the issue's list: bad deflate data, an encrypted member, method 99, bzip2."""
    if kind == "bad-deflate":
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        data = bytearray(comp.compress(xml) + comp.flush())
        data[len(data) // 3 : len(data) // 3 + 8] = b"\xff" * 8
        return zip_member(bytes(data), size=len(xml), crc=zlib.crc32(xml))
    if kind == "encrypted":
        return deflated_docx(xml, flags=0x1)
    if kind == "method-99":
        return deflated_docx(xml, method=99)
    data = bytearray(bz2.compress(xml))
    data[len(data) // 2] ^= 0x55
    return zip_member(bytes(data), size=len(xml), crc=zlib.crc32(xml), method=12 if kind == "bzip2" else 14)


def raw_pdf(pages: int, content: bytes, filters: bytes = b"") -> bytes:
    """A minimal PDF of ``pages`` pages sharing one content stream (encoded as ``filters`` says)."""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Length %d %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream",
    ]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def content_bomb_pdf(inflated: int) -> bytes:
    """One page whose content stream inflates to ``inflated`` bytes of spaces."""
    stream = b"\x78\xda" + repeated_deflate(b"BT ET\n", b" ", inflated) + b"\x00\x00\x00\x00"
    return raw_pdf(1, stream, b"/Filter /FlateDecode")


def password_pdf(data: bytes) -> bytes:
    """``data`` (a PDF) encrypted with a user password, as an office protects a file."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="matkhau", owner_password="chu", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@dataclass
class Measured:
    code: int
    out: str
    err: str
    peak_mb: float  # the largest process's peak resident memory
    seconds: float


_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.monotonic()
r = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=120)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps([r.returncode, r.stdout, r.stderr, peak, time.monotonic() - start]))
"""


def measured(args: list[str], cwd: Path) -> Measured:
    """Run ``niemyet ARGS`` in a fresh process; its exit code, output, peak memory and time."""
    niemyet = [sys.executable, "-c", "import sys; from generator.cli import main; sys.exit(main())"]
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *niemyet, *args], capture_output=True, text=True, cwd=cwd)
    code, out, err, peak, seconds = json.loads(done.stdout)
    return Measured(code, out, err, peak, seconds)
