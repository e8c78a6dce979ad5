"""Read PDF exports in a child process: what a hostile PDF costs, that process pays, never niemyet's.

A PDF is a program of compressed streams: a page whose content inflates to gigabytes makes the PDF
library allocate them (pdfium, in C, aborts its whole process when it cannot). So PDFs are read by a
worker started once per import run (only when there is a PDF), under an address-space limit
(``MEMORY``) and a time limit per file (``SECONDS``). A worker that dies or overruns is killed, the file
is reported (E160) and the next file gets a fresh worker. The worker sends back the plain blocks as
JSON, never pickle: it has read untrusted bytes.
"""

from __future__ import annotations

import json
import os
import resource
import selectors
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

import generator
from generator.importer.blocks import Block, ImportFailure, Paragraph, Table

MEMORY = 768 * 1024 * 1024  # the worker's address space; the real 5-page export needs about 60 MB
SECONDS = 20.0  # per file; a real export takes a tenth of a second
_HEADER = 12  # a reply's length, as ASCII digits
_SERVE = "from generator.importer.isolated import serve; serve()"


def _encode(blocks: list[Block]) -> dict[str, Any]:
    return {"blocks": [{"p": b.runs} if isinstance(b, Paragraph) else {"t": b.rows} for b in blocks]}


def _decode(reply: dict[str, Any], name: str) -> list[Block]:
    if "error" in reply:
        raise ImportFailure(name, str(reply["error"]))
    blocks: list[Block] = []
    for b in reply["blocks"]:
        if "p" in b:
            blocks.append(Paragraph([(str(t), bool(bold)) for t, bold in b["p"]]))
        else:
            blocks.append(Table([[str(c) for c in row] for row in b["t"]]))
    return blocks


def serve() -> None:
    """The worker: one JSON line (path, name) in, one length-prefixed JSON reply out, until stdin ends."""
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort leaves no core file behind
    from generator.importer.pdf import read_pdf
    from generator.importer.reasons import reason

    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        path, name = json.loads(line)
        try:
            reply = _encode(read_pdf(Path(path).read_bytes(), name))
        except ImportFailure as exc:
            reply = {"error": exc.reason}
        except Exception as exc:  # MemoryError included: this file's problem, said plainly
            reply = {"error": reason(exc)}
        data = json.dumps(reply, ensure_ascii=False).encode()
        out.write(b"%012d" % len(data) + data)
        out.flush()


class PdfWorker:
    """The parent's side: ``read(path)`` → blocks, or ImportFailure naming the file."""

    def __init__(self, memory: int = MEMORY, seconds: float = SECONDS) -> None:
        self.memory, self.seconds = memory, seconds
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> PdfWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> subprocess.Popen[bytes]:
        if self._proc is None or self._proc.poll() is not None:
            root = str(Path(generator.__file__).resolve().parent.parent)
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
            quiet = None if os.environ.get("NIEMYET_DEBUG") else subprocess.DEVNULL
            self._proc = subprocess.Popen(
                [sys.executable, "-c", _SERVE, str(self.memory)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=quiet,
                env=env,
            )
        return self._proc

    def read(self, path: Path, name: str) -> list[Block]:
        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        deadline = time.monotonic() + self.seconds
        try:
            proc.stdin.write(json.dumps([str(path), name]).encode() + b"\n")
            proc.stdin.flush()
            size = int(_read_exact(proc.stdout, _HEADER, deadline))
            reply = json.loads(_read_exact(proc.stdout, size, deadline))
        except TimeoutError:
            self.close()
            raise ImportFailure(
                name, f"đọc tệp PDF quá {self.seconds:g} giây, đã dừng; tệp quá phức tạp hoặc hỏng"
            ) from None
        except (EOFError, BrokenPipeError, ValueError):
            self.close()
            raise ImportFailure(
                name, f"đọc tệp PDF cần hơn {self.memory >> 20} MB bộ nhớ hoặc tệp hỏng; không đọc được"
            ) from None
        return _decode(reply, name)

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
        proc.wait()


def _read_exact(stream: IO[bytes], size: int, deadline: float) -> bytes:
    fd = stream.fileno()
    buf = bytearray()
    with selectors.DefaultSelector() as sel:
        sel.register(fd, selectors.EVENT_READ)
        while len(buf) < size:
            left = deadline - time.monotonic()
            if left <= 0 or not sel.select(left):
                raise TimeoutError
            chunk = os.read(fd, size - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
    return bytes(buf)
