"""``niemyet build`` as a plain function: check → resolve → render → MkDocs → Pagefind → swap.

Nothing is written before the check passes (``DataHasErrors`` propagates). The Markdown goes
into a scratch folder and the HTML into ``atomic_folder(out)``: if any phase fails, the previous
site stays untouched. Phase times are returned for the benchmark.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import BuildError
from generator.history.walk import province_history
from generator.model.dates import data_date, source_date_epoch
from generator.model.types import ProvinceData
from generator.output.atomic import atomic_folder
from generator.oversight.load import changes_by_source
from generator.pipeline import load_checked
from generator.resources import MKDOCS_YML
from generator.site.mkdocs_run import run_mkdocs
from generator.site.render import render_docs
from generator.site.search import index_site


class SiteError(BuildError):
    """The build cannot go on (not a data error: those raise DataHasErrors)."""


@dataclass
class BuildReport:
    pages: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def only_province(provinces: list[ProvinceData]) -> ProvinceData:
    if len(provinces) != 1:
        raise SiteError(f"cần đúng một tỉnh trong thư mục dữ liệu, tìm thấy {len(provinces)}")
    return provinces[0]


def build_site(
    root: Path,
    out: Path,
    config_file: Path = MKDOCS_YML,
    search: bool = True,
    after_render: Callable[[Path], None] | None = None,
) -> BuildReport:
    """Build the public site of the province under ``root`` into ``out``, atomically."""
    report = BuildReport()
    with report.phase("check"):
        data = only_province(load_checked(root).provinces)
    with report.phase("history"):
        history = province_history(root, data)
        changes = changes_by_source(root, [data], history.dates)
    with tempfile.TemporaryDirectory(prefix="niemyet-docs-") as scratch, atomic_folder(out) as site:
        docs = Path(scratch) / "docs"
        with report.phase("render"):
            report.pages = render_docs(data, docs, history=history, changes=changes).pages
        if after_render is not None:
            after_render(docs)
        with report.phase("mkdocs"), source_date_epoch(data_date([data])):
            run_mkdocs(docs, site, data.province.name, data.province.site_url, config_file)
        if search:
            with report.phase("search"):
                index_site(site)
    return report
