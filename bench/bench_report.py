"""What "Tình hình công khai" adds to ``niemyet build`` at 150 communes × 400 procedures (budget: 3 s).

The synthetic province is committed to a scratch git repository (one commit for the catalogue, one for
province.yaml, one per commune file), then measured:

* ``history``: ``changes_by_source`` (one ``git log`` over the data, re-keyed to the model's files);
* ``compute``: ``province_oversight`` for every commune;
* ``render``: the page's Markdown (table, SVG chart, per-commune lists) and the CSV + JSON;
* ``mkdocs``: a bare MkDocs build of the navigation pages with this page, minus the same without it
  (best of ``--repeat`` alternating runs each; see ``_trimmed``);
* ``report``: the whole ``niemyet report`` path (check + model + report), for reference.

Writes its own section of bench/results.md (``--write``). Usage:

    .venv/bin/python bench/bench_report.py [--communes 150] [--procedures 400] [--repeat 2] [--write]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.oversight.compute import province_oversight  # noqa: E402
from generator.oversight.load import changes_by_source, reports  # noqa: E402
from generator.pipeline import load_checked  # noqa: E402
from generator.resources import MKDOCS_YML, TEMPLATES  # noqa: E402
from generator.site.env import environment  # noqa: E402
from generator.site.mkdocs_run import run_mkdocs  # noqa: E402
from generator.site.oversight import PATH, report_data, report_page  # noqa: E402
from generator.site.render import render_docs, render_page  # noqa: E402
from generator.site.results import no_statistics  # noqa: E402
from generator.synth.province import synthesize  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))
from results_file import replace_section  # noqa: E402

SECTION = "## Tình hình công khai (niemyet report, issue 11)"


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def _git(top: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2025-07-01T09:00:00", "GIT_COMMITTER_DATE": "2025-07-01T09:00:00"}
    subprocess.run(["git", "-C", str(top), *args], env=env, check=True, capture_output=True)


def _repository(top: Path, communes: int, procedures: int) -> Path:
    root = top / "data"
    synthesize(root, communes=communes, procedures=procedures, seed=1)
    _git(top, "init", "-q", "-b", "main")
    _git(top, "config", "user.name", "bench")
    _git(top, "config", "user.email", "bench@example.vn")
    (folder,) = [p for p in root.iterdir() if p.is_dir()]
    for path in [folder / "catalogue", folder / "province.yaml", *sorted((folder / "communes").iterdir())]:
        _git(top, "add", str(path))
        _git(top, "commit", "-qm", path.name)
    return root


def _trimmed(docs: Path, scratch: Path, keep_page: bool) -> tuple[Path, Path]:
    """The navigation pages (and this page when ``keep_page``), without the per-procedure, per-commune
    and per-field pages, plus a mkdocs.yml with or without the page's nav entry. MkDocs' cost per
    page depends on that page and the small nav, so the difference of two such small builds is the
    page's cost with far less noise than the difference of two whole 10 s builds."""
    out = scratch / ("docs-with" if keep_page else "docs-without")
    shutil.copytree(docs, out, ignore=shutil.ignore_patterns("thu-tuc", "bieu-mau"))
    for folder in ("xa", "linh-vuc"):
        for sub in (out / folder).iterdir():
            if sub.is_dir():
                shutil.rmtree(sub)
    text = MKDOCS_YML.read_text(encoding="utf-8")
    if not keep_page:
        shutil.rmtree(out / Path(PATH).parent)
        text = text.replace(f"  - Tình hình công khai: {PATH}\n", "")
    text = text.replace("custom_dir: overrides", f"custom_dir: {TEMPLATES / 'overrides'}")
    text = text.replace("../generator/site/hooks.py", str(REPO / "generator" / "site" / "hooks.py"))
    yml = scratch / f"{out.name}.yml"
    yml.write_text(text, encoding="utf-8")
    return out, yml


def _best_pair(scratch: Path, with_page: tuple[Path, Path], without: tuple[Path, Path], repeat: int) -> list[float]:
    """Best time of ``repeat`` alternating bare MkDocs builds of each (one warm-up first)."""
    best = [float("inf"), float("inf")]
    for i in range(repeat + 1):
        for j, (docs, yml) in enumerate((with_page, without)):
            out = scratch / f"site-{j}"
            shutil.rmtree(out, ignore_errors=True)
            start = time.perf_counter()
            run_mkdocs(docs, out, "Bench", "https://example.invalid/", yml)
            seconds = time.perf_counter() - start
            best[j] = min(best[j], seconds) if i else best[j]
    return best


def measure(communes: int, procedures: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="niemyet-bench-report-") as tmp_name:
        tmp = Path(tmp_name)
        root = _repository(tmp / "repo", communes, procedures)
        data = load_checked(root).provinces[0]
        history, changes = _timed(lambda: changes_by_source(root, [data]))
        compute, report = _timed(lambda: province_oversight(data, changes))
        docs = tmp / "docs"
        render_docs(data, docs, changes=changes)
        env = environment()
        render, _ = _timed(
            lambda: (render_page(env, report_page(report, data, no_statistics(data)), {}), report_data(report))
        )
        with_page, without = _best_pair(tmp, _trimmed(docs, tmp, True), _trimmed(docs, tmp, False), repeat)
        whole, _ = _timed(lambda: reports(root))
        added = history + compute + render + max(0.0, with_page - without)
        return {
            "history": history,
            "compute": compute,
            "render": render,
            "mkdocs_with": with_page,
            "mkdocs_without": without,
            "added": added,
            "report_command": whole,
        }


def section(communes: int, procedures: int, r: dict[str, float], load: str) -> str:
    page = r["mkdocs_with"] - r["mkdocs_without"]
    noise = " (below the noise: counted as 0)" if page < 0 else ""
    return (
        f"{SECTION}\n\n"
        f"- {communes} communes × {procedures} procedures (synth seed 1) in a git repository of "
        f"{communes + 2} commits; `uptime` load before the run: {load}.\n"
        "- Added to `niemyet build` (budget 3 s): git history "
        f"{r['history']:.2f} s + figures {r['compute']:.2f} s + page and CSV/JSON {r['render']:.2f} s + "
        f"MkDocs for the page {page:.2f} s{noise} "
        f"(bare MkDocs of the navigation pages, best of runs: {r['mkdocs_with']:.2f} s with the page, "
        f"{r['mkdocs_without']:.2f} s without) = **{r['added']:.2f} s**.\n"
        f"- `niemyet report` on the same data (check, model, git history, figures): {r['report_command']:.1f} s.\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--communes", type=int, default=150)
    parser.add_argument("--procedures", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="update bench/results.md")
    args = parser.parse_args()
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip().split("load average:")[-1].strip()
    result = measure(args.communes, args.procedures, args.repeat)
    text = section(args.communes, args.procedures, result, load)
    print(text)
    if args.write:
        replace_section(REPO / "bench" / "results.md", "report", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
