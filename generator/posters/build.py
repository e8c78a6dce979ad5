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

The booklet's list is composed from pieces (listing.py): those are rendered with everything else, then
the lists are paginated and their frames rendered in a second, short round.

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
from generator.model.resolve import CommuneProcedure, commune_procedures
from generator.model.types import Commune, ProvinceData
from generator.output.atomic import atomic_folder
from generator.pipeline import load_checked
from generator.posters.assemble import Composed, ComposedPage, Drawn, RenderedPdf
from generator.posters.booklet import FieldSection, list_sections
from generator.posters.listing import Geometry, ListItem, items, number_block, paginate
from generator.posters.pool import forked_pool
from generator.posters.progress import Progress
from generator.posters.render import html_to_pdf_marked, render_html
from generator.posters.sheet import TEMPLATE_VERSION, sheet_body, stamp
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
    marked: bool = False  # keep where its elements with an id lie (list pieces)


@dataclass
class _ListPlan:
    """A commune's list until it is paginated: its sections, and the commune's place in the plans."""

    plan: CommunePlan
    sections: tuple[FieldSection, ...]
    total: int


class _Planner:
    """Collects every distinct document, keyed by content, and renders them."""

    def __init__(self, posted: dt.date, cache: bool) -> None:
        self.posted = posted
        self.cache = cache
        self.jobs: dict[str, _Job] = {}  # still to render
        self.done: dict[str, RenderedPdf] = {}
        self.lists: list[_ListPlan] = []
        self.pieces: dict[ListItem, tuple[str, int]] = {}  # where a list's piece is: document key, page
        self.bodies: dict[object, str] = {}  # a procedure as posted (distinct_key) → its body's key
        self.rows: dict[object, tuple[str, str]] = {}  # list_sections' memo
        self.uses = 0
        self.rendered = 0

    def add(self, key: str, job: _Job) -> str:
        self.uses += 1
        if key not in self.done:
            self.jobs.setdefault(key, job)
        return key

    def page(self, template: str, sheet: bool = True, **context: object) -> str:
        html = render_html(template, self.posted, **context)
        return self.add(_digest(html), _Job(functools.partial(str, html), sheet, len(html)))

    def lazy(self, template: str, weight: int, **context: object) -> str:
        """A document keyed by its template and context (``repr``), its HTML made only when rendered."""
        make = functools.partial(render_html, template, self.posted, **context)
        return self.add(_lazy_key(template, **context), _Job(make, True, weight, marked=True))

    def piece(self, item: ListItem) -> None:
        """Plan the render of a list's piece; numbers come in fixed blocks, one render a block."""
        if item in self.pieces:
            self.uses += 1
        elif item.kind == "number":
            block, page = number_block(int(item.cells[0]))
            self.pieces[item] = (self.lazy("list-items.html.j2", 500 * len(block), items=block), page)
        else:
            self.pieces[item] = (self.lazy("list-items.html.j2", 500, items=(item,)), 0)

    def plan(self, data: ProvinceData, commune: Commune) -> CommunePlan:
        procs = list(commune_procedures(data, commune))
        salt = "" if self.cache else commune.slug  # naive baseline: nothing shared between communes
        sections = list_sections(procs, self.rows)
        plan = CommunePlan(
            province=data,
            commune=commune,
            stamp=self.page("stamp.html.j2", sheet=False, stamp=stamp(data.province, commune, self.posted)),
            cover="",
            feedback=self.page("feedback.html.j2", feedback=data.province.feedback),
        )
        if self.cache:
            self.lists.append(_ListPlan(plan, sections, len(procs)))
            for item in items(sections):
                self.piece(item)
            self.lazy("list-frame.html.j2", 100, pages=2)  # where the table runs on a list page
        else:
            plan.cover = self.page("list.html.j2", total=len(procs), sections=sections)
        for cp in procs:
            plan.sheets.append((cp.procedure.code, self.body(data, cp, salt)))
        return plan

    def body(self, data: ProvinceData, cp: CommuneProcedure, salt: str) -> str:
        """The key of a procedure's body as ``cp`` posts it; built once per distinct content."""
        known = (id(data), salt, cp.distinct_key)  # salt: the naive baseline shares nothing
        if known in self.bodies:
            self.uses += 1
            return self.bodies[known]
        body = sheet_body(data.province, cp)
        make = functools.partial(render_html, "body.html.j2", self.posted, body=body)
        self.bodies[known] = self.add(salt + body.body_key, _Job(make, True, 2 * len(repr(body))))
        return self.bodies[known]

    def render(self, jobs: int, label: str | None) -> None:
        """Render every pending document (in ``jobs`` processes)."""
        self.rendered += len(self.jobs)
        self.done.update(_render_all(self.jobs, jobs, Progress(len(self.jobs), label) if label else None))
        self.jobs = {}

    def lay_out_lists(self) -> list[tuple[_ListPlan, tuple[tuple[tuple[ListItem, float], ...], ...]]]:
        """Paginate every list whose pieces are rendered; a list that cannot be is rendered whole."""
        geometry = Geometry.from_marks(self.done[_lazy_key("list-frame.html.j2", pages=2)].marks)
        laid = []
        for todo in self.lists:
            pages = paginate(todo.sections, self._height, geometry)
            if pages is None:
                todo.plan.cover = self.page("list.html.j2", total=todo.total, sections=todo.sections)
                continue
            laid.append((todo, tuple(tuple((p.item, p.top) for p in page) for page in pages)))
            self.lazy("list-frame.html.j2", 100 * len(pages), pages=len(pages))
            self.lazy("list-meta.html.j2", 100, total=todo.total)
        return laid

    def _where(self, item: ListItem) -> tuple[RenderedPdf, int]:
        """The rendered piece and its page."""
        key, page = self.pieces[item]
        return self.done[key], page

    def _height(self, item: ListItem) -> float:
        pdf, page = self._where(item)
        if pdf.page_count > 1 and item.kind != "number":
            return float("inf")  # taller than a page
        top, bottom = pdf.marks[page]["item"]
        return bottom - top

    def compose(self, laid: list[tuple[_ListPlan, tuple[tuple[tuple[ListItem, float], ...], ...]]]) -> None:
        """Each paginated list as a document of pages drawn from the rendered pieces."""
        for todo, pages in laid:
            frame = self.done[_lazy_key("list-frame.html.j2", pages=len(pages))]
            meta = self.done[_lazy_key("list-meta.html.j2", total=todo.total)]
            composed = []
            for n, (page, placed) in enumerate(zip(frame.pages, pages, strict=True)):
                drawn = [Drawn(frame, n), *([Drawn(meta, 0)] if n == 0 else [])]
                # Field headings first: their grey background goes under the rule of the row above, as in a table.
                placed = tuple(sorted(placed, key=lambda p: p[0].kind != "field"))
                drawn += [Drawn(*self._where(item), top) for item, top in placed]
                composed.append(ComposedPage(page.width, page.height, tuple(drawn)))
            todo.plan.cover = Composed(tuple(composed))


def _lazy_key(template: str, **context: object) -> str:
    return _digest(f"{TEMPLATE_VERSION}\n{template}\n{context!r}")


# The jobs, shared with forked render processes (closures are not picklable; fork needs no pickling).
_JOBS: list[_Job] = []


def _render_in_worker(index: int) -> RenderedPdf:
    """Render one document and parse it for assembly, both in the worker process."""
    job = _JOBS[index]
    data, marks = html_to_pdf_marked(job.make(), job.sheet)
    return RenderedPdf.from_bytes(data, marks if job.marked else ())


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
    show = options.progress
    planner.render(options.jobs, "Dựng trang" if show else None)
    if planner.lists:
        laid = planner.lay_out_lists()
        planner.render(options.jobs, "Dựng danh mục" if show else None)
        planner.compose(laid)
    report = PosterReport(communes=len(plans), rendered=planner.rendered, reused=planner.uses - planner.rendered)
    report.render_seconds = time.perf_counter() - start
    writing = Progress(len(plans), "Ghép tờ niêm yết") if show else None
    report.files, report.pages = write_all(plans, planner.done, folder, planner.posted, options.jobs, writing)
    report.seconds = time.perf_counter() - start
    return report


def build_posters(root: Path, out: Path, options: PosterOptions) -> PosterReport:
    """Check ``root`` (raises DataHasErrors), then write every selected commune's posters atomically to ``out``."""
    provinces = load_checked(root).provinces
    _selected(provinces, options.communes)  # fail on an unknown slug before any work
    with atomic_folder(out) as tmp:
        return write_posters(provinces, tmp, options)
