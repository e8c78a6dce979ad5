"""What "Tình hình công khai" adds to ``niemyet build`` at 150 communes × 400 procedures (budget: 3 s).

The synthetic province is committed to a scratch git repository (one commit for the catalogue, one for
province.yaml, one per commune file), then measured:

* ``history``: ``changes_by_source`` (one ``git log`` over the data, re-keyed to the model's files);
* ``compute``: ``province_report`` for every commune;
* ``render``: the page's Markdown (table, SVG chart, per-commune lists) and the CSV + JSON;
* ``mkdocs``: a bare MkDocs build of the generated docs with the page, minus the same without it
  (best of ``--repeat`` runs each, as MkDocs dominates and is noisy on a shared machine);
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

from generator.pipeline import load_checked  # noqa: E402
from generator.report.compute import province_report  # noqa: E402
from generator.report.load import changes_by_source, reports  # noqa: E402
from generator.report.site import PATH, report_page, write_report_data  # noqa: E402
from generator.site.env import environment  # noqa: E402
from generator.site.mkdocs_run import MKDOCS_YML, run_mkdocs  # noqa: E402
from generator.site.render import render_docs, render_page  # noqa: E402
from generator.synth import synthesize  # noqa: E402

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


def _without_page(docs: Path, scratch: Path) -> tuple[Path, Path]:
    """A copy of ``docs`` without the page and a mkdocs.yml without its nav entry."""
    bare = scratch / "docs-without"
    shutil.copytree(docs, bare)
    shutil.rmtree(bare / Path(PATH).parent)
    for name in ("tinh-hinh-cong-khai.csv", "tinh-hinh-cong-khai.json"):
        (bare / "du-lieu-mo" / name).unlink()
    yml = scratch / "mkdocs-without.yml"
    text = MKDOCS_YML.read_text(encoding="utf-8").replace(f"  - Tình hình công khai: {PATH}\n", "")
    yml.write_text(
        text.replace("site_templates/", str(REPO / "site_templates") + "/").replace(
            "generator/site/hooks.py", str(REPO / "generator/site/hooks.py")
        ),
        encoding="utf-8",
    )
    return bare, yml


def _best_mkdocs(docs: Path, out: Path, config: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        times.append(_timed(lambda: run_mkdocs(docs, out, "Bench", "https://example.invalid/", config))[0])
    return min(times)


def measure(communes: int, procedures: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="niemyet-bench-report-") as tmp_name:
        tmp = Path(tmp_name)
        root = _repository(tmp / "repo", communes, procedures)
        data = load_checked(root).provinces[0]
        history, changes = _timed(lambda: changes_by_source(root, [data]))
        compute, report = _timed(lambda: province_report(data, changes))
        docs = tmp / "docs"
        render_docs(data, docs, changes=changes)
        env = environment()
        common = {"province": data.province}
        render, _ = _timed(
            lambda: (render_page(env, report_page(report), common), write_report_data(report, tmp / "od"))
        )
        bare_docs, bare_yml = _without_page(docs, tmp)
        _best_mkdocs(bare_docs, tmp / "site-b", bare_yml, 1)  # warm-up: imports and theme loading
        with_page = _best_mkdocs(docs, tmp / "site-a", MKDOCS_YML, repeat)
        without = _best_mkdocs(bare_docs, tmp / "site-b", bare_yml, repeat)
        whole, _ = _timed(lambda: reports(root))
        added = history + compute + render + (with_page - without)
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
    return (
        f"{SECTION}\n\n"
        f"- {communes} communes × {procedures} procedures (synth seed 1) in a git repository of "
        f"{communes + 2} commits; `uptime` load before the run: {load}.\n"
        "- Added to `niemyet build` (budget 3 s): git history "
        f"{r['history']:.2f} s + figures {r['compute']:.2f} s + page and CSV/JSON {r['render']:.2f} s + "
        f"MkDocs for the page {r['mkdocs_with'] - r['mkdocs_without']:.2f} s "
        f"(bare MkDocs best of runs: {r['mkdocs_with']:.1f} s with the page, {r['mkdocs_without']:.1f} s without) "
        f"= **{r['added']:.2f} s**.\n"
        f"- `niemyet report` on the same data (check, model, git history, figures): {r['report_command']:.1f} s.\n"
    )


def write(text: str, results: Path) -> None:
    old = results.read_text(encoding="utf-8") if results.exists() else ""
    head = old.split(f"\n{SECTION}", 1)[0].rstrip("\n")
    after = old.split(f"\n{SECTION}", 1)[1] if f"\n{SECTION}" in old else ""
    rest = after[after.find("\n## ") :] if "\n## " in after else ""
    results.write_text(f"{head}\n\n{text}{rest}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--communes", type=int, default=150)
    parser.add_argument("--procedures", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="update bench/results.md")
    args = parser.parse_args()
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip().split("load average:")[-1].strip()
    result = measure(args.communes, args.procedures, args.repeat)
    text = section(args.communes, args.procedures, result, load)
    print(text)
    if args.write:
        write(text, REPO / "bench" / "results.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
