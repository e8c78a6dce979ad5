"""``niemyet serve``: live preview for data editors.

The Markdown is rendered into a scratch docs_dir that MkDocs' own live-reload server watches. A watchdog
observer on the data folder re-runs gather + render (as ``niemyet build`` does) when a YAML file or a month
file of statistics changes and writes only the files whose bytes changed, so MkDocs rebuilds and the browser
reloads. When the data has errors, every preview page becomes the list of errors (the browser reloads on it
instead of staying on a stale page), and the next good refresh writes the pages back. Search is not indexed in
the preview (Pagefind runs on the finished HTML of ``niemyet build``).
"""

from __future__ import annotations

import html
import sys
import tempfile
import threading
from pathlib import Path

from generator.errors import DataError
from generator.problems import Problem
from generator.problems.formats import render
from generator.site.files import sync_files
from generator.site.gather import gather
from generator.site.render import render_site


def refresh(root: Path, docs: Path) -> bool:
    """Gather and render into ``docs``, writing only the files that changed; False (and the problems
    printed) when the data has errors."""
    try:
        given = gather(root)
    except DataError as exc:  # DataHasErrors, or a month file of statistics/ edited out of shape (E212)
        errors = [p for p in exc.problems if p.is_error]
        print(render(errors), file=sys.stderr)
        show_errors(docs, errors)
        return False
    changed = sync_files(render_site(given).files, docs)
    print(f"niemyet: đã cập nhật {changed} tệp", file=sys.stderr)
    return True


def error_page(errors: list[Problem]) -> str:
    """The Markdown every preview page shows while the data has errors (escaped: messages quote the data)."""
    lines = "\n".join(html.escape(render([p])) for p in errors)
    return (
        "# Dữ liệu đang có lỗi\n\n<p>Trang xem trước chưa cập nhật: sửa các lỗi dưới đây rồi lưu tệp, "
        f"trang sẽ tự tải lại ({len(errors)} lỗi).</p>\n\n<pre>{lines}</pre>\n"
    )


def show_errors(docs: Path, errors: list[Problem]) -> None:
    """Write the error page over every page of the preview (the next good refresh restores them)."""
    page = error_page(errors)
    for md in docs.rglob("*.md"):
        if md.read_text(encoding="utf-8") != page:
            md.write_text(page, encoding="utf-8")


def _watch(root: Path, docs: Path) -> None:
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    timer: list[threading.Timer] = []

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if not str(event.src_path).endswith((".yaml", ".yml", ".csv")):  # .csv: statistics/<YYYY-MM>.csv
                return
            for t in timer:
                t.cancel()
            timer[:] = [threading.Timer(0.3, refresh, (root, docs))]
            timer[0].start()

    observer = Observer()
    observer.schedule(Handler(), str(root), recursive=True)
    observer.daemon = True
    observer.start()


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    from generator.resources import MKDOCS_HOOKS, MKDOCS_YML

    with tempfile.TemporaryDirectory(prefix="niemyet-serve-") as scratch:
        docs = Path(scratch) / "docs"
        docs.mkdir()
        if not refresh(root, docs):
            return 1
        _watch(root, docs)
        mkdocs_serve(
            config_file=str(MKDOCS_YML),
            docs_dir=str(docs),
            dev_addr=f"{host}:{port}",
            site_url=f"http://{host}:{port}/",
            strict=False,
            hooks=[str(MKDOCS_HOOKS)],
        )
    return 0
