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

The booklet's list is composed from pieces (lists.py, listing.py): those are rendered with everything
else, then the lists are paginated and their frames and page numbers (each sheet's first page in the
booklet, known once the sheets are rendered and the list paginated) rendered in a second, short round. Rendering
itself, in forked processes, is documents.py.

Output: ``<out>/<province>/<commune>/<code>.pdf`` per procedure and
``<out>/<province>/<commune>/<commune>-tap-niem-yet.pdf``, the booklet (list, sheets by field, PAKN).
The province level keeps communes of two provinces apart.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from dataclasses import dataclass
from pathlib import Path

from generator.model.dates import print_day
from generator.model.resolve import CommuneProcedure, commune_procedures, selected_pairs
from generator.model.types import Commune, ProvinceData
from generator.output.guard import guard_output, output_folder
from generator.pipeline import load_checked
from generator.posters.booklet import list_sections
from generator.posters.documents import Documents, Job
from generator.posters.listing import NUMBERS_PER_BLOCK
from generator.posters.lists import ListPlans
from generator.posters.progress import Progress
from generator.posters.render import render_html
from generator.posters.sheet import sheet_body, stamp
from generator.posters.write import FOLIOS, CommunePlan, SheetPlan, folio_block, write_all
from generator.posters.xobjects import Composed


@dataclass(frozen=True)
class PosterOptions:
    communes: tuple[str, ...] = ()  # slugs; empty: every commune
    posted: dt.date | None = None  # the posting date given (--date); None: posted_on, else the day of printing
    own_dates: bool = True  # False: every sheet carries the day of printing (``posters --since``)
    jobs: int = 1
    cache: bool = True
    progress: bool = True
    booklet: bool = True  # False: the sheets only (``posters --since`` writes its own cover sheets)


@dataclass
class PosterSummary:
    communes: int = 0
    files: int = 0
    pages: int = 0
    rendered: int = 0  # WeasyPrint runs
    reused: int = 0  # documents served from the cache
    seconds: float = 0.0
    render_seconds: float = 0.0  # of which WeasyPrint; the rest is planning, stamping and writing


class _Planner:
    """Plans every commune's documents, each distinct one once (``Documents``)."""

    def __init__(self, posted: dt.date, cache: bool, booklet: bool, dated: tuple[bool, bool] = (True, True)) -> None:
        self.posted = posted
        self.dated = dated  # (the date was given, the commune's posted_on counts)
        self.cache = cache
        self.booklet = booklet
        self.docs = Documents(posted)
        self.lists = ListPlans(self.docs)
        self.bodies: dict[object, str] = {}  # a procedure as posted (distinct_key) → its body's key
        self.rows: dict[object, tuple[str, str]] = {}  # list_sections' memo
        self.numbers: dict[int, str] = {}  # first number of a block → its render's key

    def plan(self, data: ProvinceData, commune: Commune) -> CommunePlan:
        procs = list(commune_procedures(data, commune))
        salt = "" if self.cache else commune.slug  # naive baseline: nothing shared between communes
        docs = self.docs
        plan = CommunePlan(
            province=data,
            commune=commune,
            stamp=docs.page(
                "stamp.html.j2", sheet=False, stamp=stamp(data.province, commune, self.posted, *self.dated)
            ),
            cover=None,
            feedback=docs.page("feedback.html.j2", feedback=data.province.feedback) if self.booklet else "",
        )
        if self.booklet:
            sections = list_sections(procs, self.rows)
            if self.cache:
                self.lists.add(plan, data, sections, len(procs))
            else:
                self.lists.add_whole(plan, sections, len(procs))
        for number, cp in enumerate(procs, start=1):
            proc = cp.procedure
            numbers, page = self.number(number)
            body = self.body(data, cp, salt)
            plan.sheets.append(SheetPlan(proc.code, proc.name, proc.sector, body, number, numbers, page))
        return plan

    def number(self, number: int) -> tuple[str, int]:
        """The render holding a sheet's number in its list (numbers 1-100, 101-200, ... a render each)."""
        first = (number - 1) // NUMBERS_PER_BLOCK * NUMBERS_PER_BLOCK + 1
        if first not in self.numbers:
            block = range(first, first + NUMBERS_PER_BLOCK)
            self.numbers[first] = self.docs.page("sheet-number.html.j2", sheet=False, numbers=block)
        return self.numbers[first], number - first

    def folios(self, plan: CommunePlan) -> None:
        """Plan the booklet's page numbers drawn over its sheets and feedback sheet (the pages after the
        list), once the list's length is known: blocks of ``FOLIOS`` numbers, shared by every booklet."""
        done = self.docs.done
        assert plan.cover is not None
        start = 1 + (plan.cover.page_count if isinstance(plan.cover, Composed) else done[plan.cover].page_count)
        end = start + sum(done[s.body].page_count for s in plan.sheets) + done[plan.feedback].page_count
        for first in range(folio_block(start), end, FOLIOS):
            block = range(first, first + FOLIOS)
            plan.folios[first] = self.docs.page("booklet-page.html.j2", sheet=False, numbers=block)

    def body(self, data: ProvinceData, cp: CommuneProcedure, salt: str) -> str:
        """The key of a procedure's body as ``cp`` posts it; built once per distinct content."""
        known = (id(data), salt, cp.distinct_key)  # salt: the naive baseline shares nothing
        if known in self.bodies:
            self.docs.uses += 1
            return self.bodies[known]
        body = sheet_body(data.province, cp)
        make = functools.partial(render_html, "body.html.j2", self.posted, body=body)
        self.bodies[known] = self.docs.add(salt + body.body_key, Job(make, True, 2 * len(repr(body))))
        return self.bodies[known]


def write_posters(provinces: list[ProvinceData], folder: Path, options: PosterOptions) -> PosterSummary:
    """Render and write the selected communes' posters into ``folder`` (already a temporary one)."""
    start = time.perf_counter()
    dated = (options.posted is not None, options.own_dates)
    planner = _Planner(options.posted or print_day(), options.cache, options.booklet, dated)
    plans = [planner.plan(data, commune) for data, commune in selected_pairs(provinces, options.communes)]
    show, docs = options.progress, planner.docs
    docs.render(options.jobs, "Dựng trang" if show else None)
    if planner.lists.todo:
        laid = planner.lists.lay_out()
        docs.render(options.jobs, "Dựng danh mục" if show else None)
        planner.lists.compose(laid)
    if planner.lists.whole:  # a list rendered whole gets its page numbers once its length is known
        planner.lists.number_whole()
        docs.render(options.jobs, "Đánh số trang danh mục" if show else None)
    if options.booklet:  # each page of a sheet in the booklet also says its page there
        for plan in plans:
            planner.folios(plan)
        docs.render(options.jobs, "Đánh số trang tập" if show else None)
    report = PosterSummary(communes=len(plans), rendered=docs.rendered, reused=docs.uses - docs.rendered)
    report.render_seconds = time.perf_counter() - start
    writing = Progress(len(plans), "Ghép tờ niêm yết") if show else None
    report.files, report.pages = write_all(plans, docs.done, folder, planner.posted, options.jobs, writing)
    report.seconds = time.perf_counter() - start
    return report


def build_posters(root: Path, out: Path, options: PosterOptions) -> PosterSummary:
    """Check ``root`` (raises DataHasErrors), then write every selected commune's posters atomically to ``out``."""
    guard_output(out, root)
    provinces = load_checked(root).provinces
    selected_pairs(provinces, options.communes)  # fail on an unknown slug before any work
    with output_folder(out, root) as tmp:
        return write_posters(provinces, tmp, options)
