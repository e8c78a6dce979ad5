"""``niemyet posters``: every commune's posting sheets and booklet, rendered once per distinct content.

Phases (a failed run writes nothing): load and check → plan every commune's documents → render each
distinct document once → stamp and assemble per commune into a temporary folder → swap it in.

Why the cache works: a procedure's content is the province's; what a commune changes is rare (a
shorter committed time, its own online address, a note). The body of a sheet (``SheetBody``) is
therefore keyed by its content, and the 20 × 100 pairs of a synthetic province need only about as
many renders as there are procedures. What differs per commune on every page (name and counter,
posting date, data version) is one small stamp page per commune, drawn under each body page by
assemble.py. "Trang x/y" and the repeated name belong to the body, since a procedure's page count
is the same wherever it is posted. ``cache=False`` renders every pair (the naive baseline in bench/).

Output: ``<out>/<province>/<commune>/<code>.pdf`` per procedure and
``<out>/<province>/<commune>/<commune>-tap-niem-yet.pdf``, the booklet (list, sheets by field, PAKN).
The province level keeps communes of two provinces apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.dates import data_date
from generator.model.resolve import commune_procedures
from generator.model.types import Commune, ProvinceData
from generator.output.atomic import atomic_folder
from generator.pipeline import load_checked
from generator.posters.assemble import RenderedPdf, write_stamped
from generator.posters.booklet import list_sections
from generator.posters.progress import Progress
from generator.posters.render import render_html, render_job
from generator.posters.sheet import sheet_body, stamp


class UnknownCommune(ValueError):
    """A ``--commune`` slug that no province has."""


@dataclass(frozen=True)
class PosterOptions:
    communes: tuple[str, ...] = ()  # slugs; empty: every commune
    posted: dt.date | None = None  # None: SOURCE_DATE_EPOCH, else the newest date in the data
    jobs: int = 1
    cache: bool = True
    progress: bool = True


@dataclass
class PosterReport:
    communes: int = 0
    files: int = 0
    pages: int = 0
    rendered: int = 0  # WeasyPrint runs
    reused: int = 0  # documents served from the cache
    seconds: float = 0.0
    render_seconds: float = 0.0  # of which WeasyPrint; the rest is planning, stamping and writing


@dataclass
class _Plan:
    """What one commune's output needs: keys of rendered documents, in order."""

    province: ProvinceData
    commune: Commune
    stamp: str
    cover: str
    feedback: str
    sheets: list[tuple[str, str]] = field(default_factory=list)  # (code, key)


def posting_date(provinces: list[ProvinceData]) -> dt.date:
    """The date printed as "Niêm yết ngày" (see generator.model.dates)."""
    return data_date(provinces)


def _selected(provinces: list[ProvinceData], slugs: tuple[str, ...]) -> list[tuple[ProvinceData, Commune]]:
    pairs = [(p, c) for p in provinces for c in p.communes.values() if not slugs or c.slug in slugs]
    missing = set(slugs) - {c.slug for _, c in pairs}
    if missing:
        raise UnknownCommune(f"không có xã/phường: {', '.join(sorted(missing))}")
    return pairs


def _digest(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


class _Planner:
    """Collects the HTML of every distinct document, keyed by content."""

    def __init__(self, posted: dt.date, cache: bool) -> None:
        self.posted = posted
        self.cache = cache
        self.html: dict[str, tuple[str, bool]] = {}  # key → (html, uses the shared sheet stylesheet)
        self.uses = 0

    def add(self, key: str, make_html: Callable[[], str], sheet: bool = True) -> str:
        self.uses += 1
        if key not in self.html:
            self.html[key] = (make_html(), sheet)
        return key

    def page(self, template: str, sheet: bool = True, **context: object) -> str:
        html = render_html(template, self.posted, **context)
        return self.add(_digest(html), lambda: html, sheet)

    def plan(self, data: ProvinceData, commune: Commune) -> _Plan:
        procs = list(commune_procedures(data, commune))
        salt = "" if self.cache else commune.slug  # naive baseline: nothing shared between communes
        plan = _Plan(
            province=data,
            commune=commune,
            stamp=self.page("stamp.html.j2", sheet=False, stamp=stamp(data.province, commune, self.posted)),
            cover=self.page("list.html.j2", total=len(procs), sections=list_sections(procs)),
            feedback=self.page("feedback.html.j2", feedback=data.province.feedback),
        )
        for cp in procs:
            body = sheet_body(data.province, cp)
            key = self.add(salt + body.body_key, lambda b=body: render_html("body.html.j2", self.posted, body=b))  # type: ignore[misc]
            plan.sheets.append((cp.procedure.code, key))
        return plan


def _render_all(html: dict[str, tuple[str, bool]], jobs: int, progress: Progress | None) -> dict[str, RenderedPdf]:
    keys = sorted(html)
    done: dict[str, RenderedPdf] = {}
    if jobs > 1 and len(keys) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(render_job, [html[k] for k in keys], chunksize=1)
            for key, pdf in zip(keys, results, strict=True):
                done[key] = RenderedPdf.from_bytes(pdf)
                if progress:
                    progress.step()
        return done
    for key in keys:
        done[key] = RenderedPdf.from_bytes(render_job(html[key]))
        if progress:
            progress.step()
    return done


def _write_commune(
    plan: _Plan, pdfs: dict[str, RenderedPdf], folder: Path, report: PosterReport, posted: dt.date
) -> None:
    target = folder / plan.province.province.slug / plan.commune.slug
    target.mkdir(parents=True, exist_ok=True)
    stamp_pdf = pdfs[plan.stamp]
    for code, key in plan.sheets:
        title = f"{code} — {plan.commune.name}"
        (target / f"{code}.pdf").write_bytes(write_stamped([pdfs[key]], stamp_pdf, title, posted))
    parts = [pdfs[plan.cover], *(pdfs[key] for _, key in plan.sheets), pdfs[plan.feedback]]
    title = f"Tập niêm yết thủ tục hành chính — {plan.commune.name}"
    (target / f"{plan.commune.slug}-tap-niem-yet.pdf").write_bytes(write_stamped(parts, stamp_pdf, title, posted))
    report.files += len(plan.sheets) + 1
    report.pages += sum(p.page_count for p in parts) * 2 - pdfs[plan.cover].page_count - pdfs[plan.feedback].page_count


# What forked writer processes share with the parent: parsed PDFs are not worth pickling to them.
_SHARED: tuple[dict[str, RenderedPdf], list[_Plan], Path, dt.date] | None = None


def _write_in_worker(index: int) -> tuple[int, int]:
    assert _SHARED is not None
    pdfs, plans, folder, posted = _SHARED
    part = PosterReport()
    _write_commune(plans[index], pdfs, folder, part, posted)
    return part.files, part.pages


def _write_all(
    plans: list[_Plan],
    pdfs: dict[str, RenderedPdf],
    folder: Path,
    posted: dt.date,
    jobs: int,
    progress: Progress | None,
) -> tuple[int, int]:
    """Stamp and write every commune's files, in ``jobs`` processes (forked, so they share ``pdfs``)."""
    global _SHARED
    if jobs <= 1 or len(plans) <= 1:
        part = PosterReport()
        for plan in plans:
            _write_commune(plan, pdfs, folder, part, posted)
            if progress:
                progress.step(plan.commune.name)
        return part.files, part.pages
    _SHARED = (pdfs, plans, folder, posted)
    files = pages = 0
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for plan, (f, p) in zip(plans, pool.map(_write_in_worker, range(len(plans))), strict=True):
                files, pages = files + f, pages + p
                if progress:
                    progress.step(plan.commune.name)
    finally:
        _SHARED = None
    return files, pages


def write_posters(provinces: list[ProvinceData], folder: Path, options: PosterOptions) -> PosterReport:
    """Render and write the selected communes' posters into ``folder`` (already a temporary one)."""
    start = time.perf_counter()
    planner = _Planner(options.posted or posting_date(provinces), options.cache)
    plans = [planner.plan(data, commune) for data, commune in _selected(provinces, options.communes)]
    report = PosterReport(communes=len(plans), rendered=len(planner.html), reused=planner.uses - len(planner.html))
    show = options.progress
    pdfs = _render_all(planner.html, options.jobs, Progress(len(planner.html), "Dựng trang") if show else None)
    report.render_seconds = time.perf_counter() - start
    writing = Progress(len(plans), "Ghép tờ niêm yết") if show else None
    report.files, report.pages = _write_all(plans, pdfs, folder, planner.posted, options.jobs, writing)
    report.seconds = time.perf_counter() - start
    return report


def build_posters(root: Path, out: Path, options: PosterOptions) -> PosterReport:
    """Check ``root`` (raises DataHasErrors), then write every selected commune's posters atomically to ``out``."""
    provinces = load_checked(root).provinces
    _selected(provinces, options.communes)  # fail on an unknown slug before any work
    with atomic_folder(out) as tmp:
        return write_posters(provinces, tmp, options)
