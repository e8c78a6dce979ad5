"""``niemyet build`` as a plain function: gather (check, history) → render → write → MkDocs → Pagefind → swap.

Nothing is written before the check passes (``DataHasErrors`` propagates). The Markdown goes
into a scratch folder and the HTML into ``output_folder(out, root)``: if any phase fails, the previous
site stays untouched; an ``out`` that niemyet did not write is refused before any work
(``guard_output``). Phase times are returned for the benchmark.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.dates import source_date_epoch
from generator.output.guard import guard_output, output_folder
from generator.resources import MKDOCS_YML
from generator.site.files import write_files
from generator.site.gather import SiteError, gather, only_province
from generator.site.mkdocs_run import run_mkdocs
from generator.site.render import render_site
from generator.site.search import index_site

__all__ = ["BuildSummary", "SiteError", "build_site", "only_province"]


@dataclass
class BuildSummary:
    pages: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def build_site(
    root: Path,
    out: Path,
    config_file: Path = MKDOCS_YML,
    search: bool = True,
    after_render: Callable[[Path], None] | None = None,
) -> BuildSummary:
    """Build the public site of the province under ``root`` into ``out``, atomically."""
    guard_output(out, root)
    report = BuildSummary()
    given = gather(root, report.phase)
    province = given.data.province
    with report.phase("render"):
        rendered = render_site(given)
        report.pages = rendered.pages
    with tempfile.TemporaryDirectory(prefix="niemyet-docs-") as scratch, output_folder(out, root) as site:
        docs = Path(scratch) / "docs"
        with report.phase("render"):  # the one writer: every file rendered is known before any is written
            write_files(rendered.files, docs)
        if after_render is not None:
            after_render(docs)
        with report.phase("mkdocs"), source_date_epoch(given.date):
            run_mkdocs(docs, site, province.name, province.site_url, config_file)
        if search:
            with report.phase("search"):
                index_site(site)
    return report
