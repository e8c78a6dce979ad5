"""``niemyet serve``: live preview for data editors.

The Markdown is rendered into a scratch docs_dir that MkDocs' own live-reload server watches. A
watchdog observer on the data folder re-runs check + render when a YAML file changes and syncs
only the files whose bytes changed, so MkDocs rebuilds and the browser reloads. When the data has
errors, they are printed and the last good preview stays. Search is not indexed in the preview
(Pagefind runs on the finished HTML of ``niemyet build``).
"""

from __future__ import annotations

import filecmp
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from generator.history.walk import province_history
from generator.oversight.load import changes_by_source
from generator.pipeline import DataHasErrors, load_checked
from generator.problems.formats import render
from generator.site.build import only_province
from generator.site.render import render_docs


def _sync(src: Path, dst: Path) -> int:
    """Make ``dst`` equal ``src``, touching only changed files; returns how many changed."""
    changed = 0
    for path in src.rglob("*"):
        target = dst / path.relative_to(src)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif not target.exists() or not filecmp.cmp(path, target, shallow=False):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            changed += 1
    for path in sorted(dst.rglob("*"), reverse=True):
        if not (src / path.relative_to(dst)).exists():
            shutil.rmtree(path) if path.is_dir() else path.unlink()
            changed += 1
    return changed


def refresh(root: Path, docs: Path) -> bool:
    """Check and render into ``docs``; False (and the problems printed) when the data has errors."""
    try:
        data = only_province(load_checked(root).provinces)
    except DataHasErrors as exc:
        print(render(exc.result.problems), file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory(prefix="niemyet-preview-") as fresh:
        history = province_history(root, data)
        render_docs(data, Path(fresh), history=history, changes=changes_by_source(root, [data], history.dates))
        changed = _sync(Path(fresh), docs)
    print(f"niemyet: đã cập nhật {changed} tệp", file=sys.stderr)
    return True


def _watch(root: Path, docs: Path) -> None:
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    timer: list[threading.Timer] = []

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if not str(event.src_path).endswith((".yaml", ".yml")):
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
