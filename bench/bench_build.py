"""Benchmark ``niemyet build`` on a synthetic province (default: 150 communes × 400 procedures).

Reports the whole build split into check, render, MkDocs and search indexing; the page count and
site size; a bare MkDocs build of the same Markdown with the same mkdocs.yml (the project's own
overhead is everything else except search indexing); and the bytes a browser downloads for one
search (Playwright with Debian's chromium: responses after the page has loaded, while typing
"dang ky ho kinh doanh", a synth title, into the header search). Usage:

    .venv/bin/python bench/bench_build.py [--communes 150] [--procedures 400] [--keep bench/out/build]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.site.build import build_site  # noqa: E402
from generator.site.mkdocs_run import run_mkdocs  # noqa: E402
from generator.site.weight import CHROMIUM, CHROMIUM_ARGS, served  # noqa: E402
from generator.synth.province import synthesize  # noqa: E402


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def search_bytes(site: Path, query: str = "dang ky ho kinh doanh") -> tuple[int, int, str]:
    """(bytes fetched for the search, number of requests, first result title)."""
    from playwright.sync_api import sync_playwright

    sizes: list[int] = []
    with served(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "xa/", wait_until="networkidle")
        page.on("response", lambda r: sizes.append(len(r.body())))
        page.locator("#nm-search-input").click()  # the search script loads on the first use (issue 13)
        page.locator("#nm-search-input").press_sequentially(query, delay=40)
        page.wait_for_selector(".nm-search__title", timeout=15000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        first = page.locator(".nm-search__title").first.text_content() or ""
        browser.close()
    return sum(sizes), len(sizes), first


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--communes", type=int, default=150)
    parser.add_argument("--procedures", type=int, default=400)
    parser.add_argument("--keep", type=Path, help="keep the built site here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="niemyet-bench-") as tmp_name:
        tmp = Path(tmp_name)
        synthesize(tmp / "data", communes=args.communes, procedures=args.procedures, seed=1)
        kept_docs = tmp / "docs"
        start = time.perf_counter()
        report = build_site(tmp / "data", tmp / "site", after_render=lambda d: shutil.copytree(d, kept_docs))
        whole = time.perf_counter() - start
        start = time.perf_counter()
        run_mkdocs(kept_docs, tmp / "bare", "Bench", "https://example.invalid/")
        bare = time.perf_counter() - start
        files, size = _size(tmp / "site")
        _, index = _size(tmp / "site" / "pagefind")
        fetched, requests, first = search_bytes(tmp / "site")
        s = report.seconds
        overhead = s.get("check", 0.0) + s.get("render", 0.0)  # the rest is MkDocs, Pagefind and the bench's copy
        print(f"synth {args.communes} communes × {args.procedures} procedures")
        print(f"whole build           {whole:6.1f} s")
        for name in ("check", "render", "mkdocs", "search"):
            print(f"  {name:<19} {s.get(name, 0.0):6.1f} s")
        print(f"bare mkdocs build     {bare:6.1f} s (same Markdown, same mkdocs.yml)")
        print(f"project overhead      {overhead:6.1f} s ({overhead / bare:.0%} of bare mkdocs: check + render)")
        print(f"pages                 {report.pages}")
        print(f"site                  {files} files, {size / 1e6:.1f} MB (search index {index / 1e6:.1f} MB)")
        print(f"one search            {fetched / 1024:.0f} KB in {requests} requests; first result: {first}")
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(tmp / "site", args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
