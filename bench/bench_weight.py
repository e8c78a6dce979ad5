"""First-visit page weight (issue 13): gzipped KB and requests, phone and desktop, in chromium.

Measures the home page, a procedure page and a commune page of the sample province and of a
synthetic 150 × 400 province (every commune page lists 400 procedures), each in a fresh browser
context (empty cache), with generator/site/weight.py, the same code as the browser test. Writes
its own section of bench/results.md.

    .venv/bin/python bench/bench_weight.py [--size 150x400]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from results_file import replace_section

from generator.site.weight import BUDGET_KB, CHROMIUM, CHROMIUM_ARGS, Weight, first_visit, served

REPO = Path(__file__).resolve().parents[1]
WIDTHS = (390, 1280)
SEARCH = "dang ky khai sinh"


def _build(data: Path, site: Path) -> None:
    subprocess.run([sys.executable, "-m", "generator", "build", data, "--out", site], check=True, capture_output=True)


def _pages(site: Path) -> dict[str, str]:
    procedure = sorted(p.name for p in (site / "thu-tuc").iterdir() if p.is_dir())[0]
    communes = sorted(p for p in (site / "xa").iterdir() if p.is_dir())
    biggest = max(communes, key=lambda p: (p / "index.html").stat().st_size)
    return {"home": "", "procedure": f"thu-tuc/{procedure}/", "commune": f"xa/{biggest.name}/"}


def _row(province: str, kind: str, path: str, site: Path, weights: list[Weight]) -> str:
    rows = (site / path / "index.html").read_text(encoding="utf-8").count('href="../../thu-tuc/')
    listed = f" ({rows} procedures)" if kind == "commune" else ""
    cells = " | ".join(f"{w.kb:.1f} KB / {w.requests}" for w in weights)
    worst = max(w.kb for w in weights)
    verdict = "yes" if worst <= BUDGET_KB[kind] else "**no**"
    return f"| {province} | {kind}{listed} | `{path or '/'}` | {cells} | {BUDGET_KB[kind]} KB | {verdict} |"


def measure(browser: Any, province: str, site: Path) -> tuple[list[str], str]:
    """Rows of the page table, and the row of a first search on the home page."""
    lines = []
    with served(site) as base:
        for kind, path in _pages(site).items():
            weights = [first_visit(browser, base + path, {"width": w, "height": 900}) for w in WIDTHS]
            lines.append(_row(province, kind, path, site, weights))
            print(lines[-1], flush=True)
        search = first_visit(browser, base, {"width": 1280, "height": 900}, query=SEARCH)
    return lines, f"| {province} | “{SEARCH}” | {search.kb:.1f} KB / {search.requests} |"


def main() -> None:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="150x400", help="synthetic province, communes x procedures")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results.md")
    args = ap.parse_args()
    communes, procedures = (int(x) for x in args.size.split("x"))
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="niemyet-weight-") as tmp, sync_playwright() as p:
        work = Path(tmp)
        data = work / "data"
        synth = [sys.executable, "-m", "generator", "synth", data, "--communes", communes, "--procedures", procedures]
        subprocess.run(list(map(str, synth)), check=True, capture_output=True)
        _build(REPO / "procedures", work / "sample")
        _build(data, work / "synth")
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        version = browser.version
        sample, sample_search = measure(browser, "sample", work / "sample")
        synth, synth_search = measure(browser, args.size, work / "synth")
        browser.close()
    text = (
        "## First-visit page weight (issue 13)\n\n"
        f"- Date: {dt.date.today().isoformat()}; chromium {version}, fresh context (empty cache), "
        f"load average {load[0]:.1f} while measuring (bytes do not depend on it).\n"
        "- Gzipped KB (level 6) for HTML, CSS, JS, JSON, SVG; fonts and images as they are; HTTP headers left out. "
        "Every request of the first visit is counted, until the network is idle. `bench/bench_weight.py`.\n"
        "- Before issue 13 (Material's script bundle, 47 KB font faces): 164-165 KB in 10 requests on the "
        "sample's home, procedure and commune pages; the 150 × 400 commune page 167 KB.\n\n"
        "| province | page | path | phone 390 px: KB / requests | desktop 1280 px: KB / requests | budget "
        "| within |\n|---|---|---|---|---|---|---|\n" + "\n".join(sample + synth) + "\n\n"
        "A first search, typed into the header box after the home page has loaded (desktop): search.js, "
        "Pagefind's script and WebAssembly, the index entry point and the fragments of the results shown.\n\n"
        "| province | query | downloaded: KB / requests |\n|---|---|---|\n" + sample_search + "\n" + synth_search + "\n"
    )
    replace_section(args.out, "weight", text)
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
