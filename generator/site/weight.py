"""Page weight on a first visit: what a phone downloads to show one page, measured in a browser.

A fresh browser context (empty cache) opens the page and waits until the network is idle; every
response is counted. Text (HTML, CSS, JavaScript, JSON, SVG) is counted gzipped at level 6, as a
web server sends it; fonts and images are already compressed and count as they are. HTTP headers
are left out (a few hundred bytes a request). Used by the browser test (tests/site) and by the
benchmark (bench/bench_weight.py), so both apply the same budgets to the same figures.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"  # Debian's, driven through Playwright (scripts/install.sh)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BUDGET_KB = {"home": 100, "procedure": 100, "commune": 150}  # issue 13, gzipped KB, all requests
_TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


@dataclass(frozen=True)
class Transfer:
    url: str
    content_type: str
    raw: int
    sent: int  # bytes on the wire: gzipped for text, raw otherwise


@dataclass
class Weight:
    url: str
    transfers: list[Transfer] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)  # every request, answered or not

    @property
    def requests(self) -> int:
        return len(self.transfers)

    @property
    def kb(self) -> float:
        return sum(t.sent for t in self.transfers) / 1000

    def table(self) -> str:
        rows = [f"{t.sent / 1000:7.1f} KB  {t.raw / 1000:7.1f} KB raw  {t.url}" for t in self.transfers]
        return "\n".join([*rows, f"{self.kb:7.1f} KB in {self.requests} requests"])


def wire_size(body: bytes, content_type: str) -> int:
    """Bytes sent for ``body``: gzip level 6 for text types, as they are for anything else."""
    if content_type.startswith(_TEXT):
        return len(gzip.compress(body, compresslevel=6, mtime=0))
    return len(body)


def _count(responses: list[Any], weight: Weight) -> Weight:
    for response in responses:
        body = response.body() if response.status < 300 else b""
        kind = response.headers.get("content-type", "").split(";")[0].strip()
        weight.transfers.append(Transfer(response.url, kind, len(body), wire_size(body, kind)))
    return weight


def first_visit(browser: Any, url: str, viewport: dict[str, int] | None = None, query: str = "") -> Weight:
    """Open ``url`` in a fresh context of a Playwright ``browser`` and count what it downloads.

    With a ``query``, count instead what typing it into the header search box downloads after the
    page has loaded (desktop widths, where the box is shown): the cost of a first search.
    """
    context = browser.new_context(viewport=viewport or {"width": 390, "height": 844})
    weight = Weight(url)
    responses: list[Any] = []
    try:
        page = context.new_page()
        page.on("request", lambda request: weight.requested.append(request.url))
        page.on("response", lambda response: responses.append(response))
        page.goto(url, wait_until="networkidle")
        if query:
            responses.clear()
            weight.requested.clear()
            page.locator("#nm-search-input").click()
            page.locator("#nm-search-input").press_sequentially(query, delay=15)
            page.wait_for_selector(".nm-search__title", timeout=10_000)
            page.wait_for_timeout(1000)  # result fragments of the last keystroke
        return _count(responses, weight)
    finally:
        context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) for a browser; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
