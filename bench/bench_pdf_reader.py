"""Marginal cost of one PDF export in `niemyet import` against a bare pypdfium2 text extraction (issue 19, item 7).

Per file, after warm-up: the import's path (worker round trip: pdfium words and ruling lines, tables,
blocks as JSON; then the record) versus opening the same bytes with pypdfium2 and extracting each
page's text. Run: ``.venv/bin/python bench/bench_pdf_reader.py [PDF ...]`` (default: the real export
and a test-kit export).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.importer.isolated import PdfWorker  # noqa: E402
from generator.importer.record import build_record  # noqa: E402
from tests.kit.exports import Export, pdf_bytes  # noqa: E402
from tests.kit.paths import REAL_EXPORTS  # noqa: E402

ROUNDS = 30


def _bare(data: bytes) -> None:
    pdf = pdfium.PdfDocument(data)
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def _median_ms(run: Callable[[], object]) -> float:
    for _ in range(3):
        run()
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]]
    with tempfile.TemporaryDirectory() as tmp:
        if not files:
            kit = Path(tmp) / "ChiTietTTHC_1.000001.pdf"
            kit.write_bytes(pdf_bytes(Export()))
            files = [p for p in [REAL_EXPORTS / "ChiTietTTHC_2.002229.pdf", kit] if p.is_file()]
        with PdfWorker() as worker:
            for path in files:
                data = path.read_bytes()
                bare = _median_ms(lambda data=data: _bare(data))
                ours = _median_ms(lambda path=path: build_record(worker.read(path, str(path)), str(path)))
                pages = len(pdfium.PdfDocument(data))
                print(
                    f"{path.name}: {pages} pages; bare pypdfium2 text {bare:.1f} ms; import {ours:.1f} ms;"
                    f" ratio {ours / bare:.1f}x (target <= 5x)"
                )


if __name__ == "__main__":
    main()
