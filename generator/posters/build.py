"""``niemyet posters``: every commune's posting sheets and booklet, rendered once per distinct content.

Phases (a failed run writes nothing): load and check → plan every commune's documents → render each
distinct document once → stamp and assemble per commune into a temporary folder → swap it in.

Why the cache works: a procedure's content is the province's; what a commune changes is rare (a
shorter committed time, its own online address, a note). The body of a sheet (``SheetBody``) is
therefore keyed by its content, and the 20 × 100 pairs of a synthetic province need only about as
many renders as there are procedures. What differs per commune on every page (name and counter,
posting date, data version) is one small stamp per commune (a portrait and a landscape page),
drawn under each body page by assemble.py. "Trang x/y" and the repeated name belong to the body,
since a procedure's page count is the same wherever it is posted. ``cache=False`` renders every
pair (the naive baseline in bench/).

Output: ``<out>/<province>/<commune>/<code>.pdf`` per procedure and
``<out>/<province>/<commune>/<commune>-tap-niem-yet.pdf``, the booklet (list, sheets by field, PAKN).
The province level keeps communes of two provinces apart.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.model.dates import data_date
from generator.model.resolve import commune_procedures
from generator.model.types import Commune, ProvinceData
from generator.output.atomic import atomic_folder
from generator.pipeline import load_checked
from generator.posters.assemble import RenderedPdf
from generator.posters.booklet import list_sections
from generator.posters.pool import forked_pool
from generator.posters.progress import Progress
from generator.posters.render import html_to_pdf, render_html
from generator.posters.sheet import sheet_body, stamp
from generator.posters.write import CommunePlan, write_all


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


def _selected(provinces: list[ProvinceData], slugs: tuple[str, ...]) -> list[tuple[ProvinceData, Commune]]:
    pairs = [(p, c) for p in provinces for c in p.communes.values() if not slugs or c.slug in slugs]
    missing = set(slugs) - {c.slug for _, c in pairs}
    if missing:
        raise UnknownCommune(f"không có xã/phường: {', '.join(sorted(missing))}")
    return pairs


def _digest(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


@dataclass(frozen=True)
class _Job:
    """One distinct document to render. The HTML is made in the render process: a body's two QR
    codes cost about 25 ms to encode (segno evaluates all eight masks, as the QR standard asks),
    which serialised in the parent was a third of a 400-procedure run."""

    make: Callable[[], str]
    sheet: bool  # uses the shared sheet stylesheet
    weight: int  # rough cost, for longest-first scheduling


class _Planner:
    """Collects every distinct document, keyed by content."""

    def __init__(self, posted: dt.date, cache: bool) -> None:
        self.posted = posted
        self.cache = cache
        self.jobs: dict[str, _Job] = {}
        self.uses = 0

    def add(self, key: str, job: _Job) -> str:
        self.uses += 1
        self.jobs.setdefault(key, job)
        return key

    def page(self, template: str, sheet: bool = True, **context: object) -> str:
        html = render_html(template, self.posted, **context)
        return self.add(_digest(html), _Job(functools.partial(str, html), sheet, len(html)))

    def plan(self, data: ProvinceData, commune: Commune) -> CommunePlan:
        procs = list(commune_procedures(data, commune))
        salt = "" if self.cache else commune.slug  # naive baseline: nothing shared between communes
        plan = CommunePlan(
            province=data,
            commune=commune,
            stamp=self.page("stamp.html.j2", sheet=False, stamp=stamp(data.province, commune, self.posted)),
            cover=self.page("list.html.j2", total=len(procs), sections=list_sections(procs)),
            feedback=self.page("feedback.html.j2", feedback=data.province.feedback),
        )
        for cp in procs:
            body = sheet_body(data.province, cp)
            make = functools.partial(render_html, "body.html.j2", self.posted, body=body)
            key = self.add(salt + body.body_key, _Job(make, True, 2 * len(repr(body))))
            plan.sheets.append((cp.procedure.code, key))
        return plan


# The jobs, shared with forked render processes (closures are not picklable; fork needs no pickling).
_JOBS: list[_Job] = []


def _render_in_worker(index: int) -> RenderedPdf:
    """Render one document and parse it for assembly, both in the worker process."""
    job = _JOBS[index]
    return RenderedPdf.from_bytes(html_to_pdf(job.make(), job.sheet))


def _render_all(jobs_by_key: dict[str, _Job], jobs: int, progress: Progress | None) -> dict[str, RenderedPdf]:
    global _JOBS
    keys = sorted(jobs_by_key, key=lambda k: (-jobs_by_key[k].weight, k))  # longest first: workers finish together
    _JOBS = [jobs_by_key[k] for k in keys]
    done: dict[str, RenderedPdf] = {}
    try:
        if jobs > 1 and len(keys) > 1:
            with forked_pool(jobs) as pool:
                results: Iterable[RenderedPdf] = pool.map(_render_in_worker, range(len(keys)), chunksize=1)
                for key, pdf in zip(keys, results, strict=True):
                    done[key] = pdf
                    if progress:
                        progress.step()
        else:
            for i, key in enumerate(keys):
                done[key] = _render_in_worker(i)
                if progress:
                    progress.step()
    finally:
        _JOBS = []
    return done


def write_posters(provinces: list[ProvinceData], folder: Path, options: PosterOptions) -> PosterReport:
    """Render and write the selected communes' posters into ``folder`` (already a temporary one)."""
    start = time.perf_counter()
    planner = _Planner(options.posted or data_date(provinces), options.cache)
    plans = [planner.plan(data, commune) for data, commune in _selected(provinces, options.communes)]
    report = PosterReport(communes=len(plans), rendered=len(planner.jobs), reused=planner.uses - len(planner.jobs))
    show = options.progress
    pdfs = _render_all(planner.jobs, options.jobs, Progress(len(planner.jobs), "Dựng trang") if show else None)
    report.render_seconds = time.perf_counter() - start
    writing = Progress(len(plans), "Ghép tờ niêm yết") if show else None
    report.files, report.pages = write_all(plans, pdfs, folder, planner.posted, options.jobs, writing)
    report.seconds = time.perf_counter() - start
    return report


def build_posters(root: Path, out: Path, options: PosterOptions) -> PosterReport:
    """Check ``root`` (raises DataHasErrors), then write every selected commune's posters atomically to ``out``."""
    provinces = load_checked(root).provinces
    _selected(provinces, options.communes)  # fail on an unknown slug before any work
    with atomic_folder(out) as tmp:
        return write_posters(provinces, tmp, options)
