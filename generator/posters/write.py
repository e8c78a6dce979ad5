"""Writing phase of ``niemyet posters``: stamp each commune onto the cached documents and write its files.

Work is cut into units (a chunk of one commune's sheets, or its booklet) and spread over ``--jobs``
forked processes that share the parsed PDFs, so even a single commune uses every core.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.types import Commune, ProvinceData
from generator.posters.assemble import write_stamped
from generator.posters.outline import Bookmark
from generator.posters.pool import forked_pool
from generator.posters.progress import Progress
from generator.posters.xobjects import Composed, Drawn, Overlaid, RenderedPdf


@dataclass(frozen=True)
class SheetPlan:
    """One procedure's sheet as a commune posts it."""

    code: str
    name: str
    sector: str
    body: str  # key of its rendered body
    number: int  # its number in the commune's list
    numbers: str  # key of the render holding that number (one number a page)
    number_page: int  # the number's page there


@dataclass
class CommunePlan:
    """What one commune's output needs: keys of rendered documents, in order."""

    province: ProvinceData
    commune: Commune
    stamp: str
    cover: str | Composed | None  # the list: a rendered document's key, composed from pieces; None: no booklet
    feedback: str
    sheets: list[SheetPlan] = field(default_factory=list)
    folios: dict[int, str] = field(default_factory=dict)  # first of a block of booklet page numbers → its render


#: Booklet page numbers a render of booklet-page.html.j2 holds, one a page; shared by every booklet.
FOLIOS = 100
_CHUNK = 50  # sheets per unit of writing work: small enough to spread one commune over all processes


@dataclass(frozen=True)
class _Unit:
    """A piece of writing work: some of a commune's sheets, or its booklet."""

    plan: int
    sheets: tuple[int, int] = (0, 0)  # slice of plan.sheets
    booklet: bool = False
    reported: bool = False  # the commune's first unit, where progress names it


def _units(plans: list[CommunePlan]) -> list[_Unit]:
    units = []
    for i, plan in enumerate(plans):
        own = [_Unit(i, booklet=True)] if plan.cover is not None else []
        own += [_Unit(i, (a, min(a + _CHUNK, len(plan.sheets)))) for a in range(0, len(plan.sheets), _CHUNK)]
        if own:
            own[0] = dataclasses.replace(own[0], reported=True)
        units += own
    return units


def _write_unit(
    unit: _Unit, plans: list[CommunePlan], pdfs: dict[str, RenderedPdf], folder: Path, posted: dt.date
) -> int:
    """Write one unit's files; returns the pages written."""
    plan = plans[unit.plan]
    target = folder / plan.province.province.slug / plan.commune.slug
    target.mkdir(parents=True, exist_ok=True)
    stamp_pdf = pdfs[plan.stamp]
    if unit.booklet:
        parts = _booklet_parts(plan, pdfs)
        title = f"Tập niêm yết thủ tục hành chính — {plan.commune.name}"
        pdf = write_stamped(
            parts, stamp_pdf, title, posted, booklet_outline(plan.sheets, [p.page_count for p in parts])
        )
        (target / f"{plan.commune.slug}-tap-niem-yet.pdf").write_bytes(pdf)
        return sum(p.page_count for p in parts)
    pages = 0
    for sheet in plan.sheets[unit.sheets[0] : unit.sheets[1]]:
        title = f"{sheet.code} — {plan.commune.name}"
        (target / f"{sheet.code}.pdf").write_bytes(write_stamped([_sheet(sheet, pdfs)], stamp_pdf, title, posted))
        pages += pdfs[sheet.body].page_count
    return pages


def _booklet_parts(plan: CommunePlan, pdfs: dict[str, RenderedPdf]) -> list[Composed | RenderedPdf | Overlaid]:
    """The booklet's parts: the list, each sheet, the feedback sheet; each page after the list with its page
    number in the booklet drawn over it."""
    assert plan.cover is not None
    cover = plan.cover if isinstance(plan.cover, Composed) else pdfs[plan.cover]
    at = cover.page_count + 1  # the booklet's page number of the next part's first page
    parts: list[Composed | RenderedPdf | Overlaid] = [cover]
    for sheet in plan.sheets:
        parts.append(_sheet(sheet, pdfs, _folios(plan, pdfs, at, pdfs[sheet.body].page_count)))
        at += parts[-1].page_count
    feedback = pdfs[plan.feedback]
    parts.append(Overlaid(feedback, (), _folios(plan, pdfs, at, feedback.page_count)))
    return parts


def _sheet(sheet: SheetPlan, pdfs: dict[str, RenderedPdf], folios: tuple[tuple[Drawn, ...], ...] = ()) -> Overlaid:
    """A sheet's body with its number in the list drawn over its first page (and in the booklet, its
    page number there over each page)."""
    return Overlaid(pdfs[sheet.body], (Drawn(pdfs[sheet.numbers], sheet.number_page),), folios)


def _folios(plan: CommunePlan, pdfs: dict[str, RenderedPdf], first: int, count: int) -> tuple[tuple[Drawn, ...], ...]:
    """The booklet's page numbers ``first`` .. ``first + count - 1``, each to draw over its page."""
    return tuple(
        (Drawn(pdfs[plan.folios[block]], n - block),) for n in range(first, first + count) for block in [folio_block(n)]
    )


def folio_block(page: int) -> int:
    """The first page number of the block (of :data:`FOLIOS` numbers, a render each) holding ``page``."""
    return (page - 1) // FOLIOS * FOLIOS + 1


def booklet_outline(sheets: list[SheetPlan], counts: list[int]) -> tuple[Bookmark, ...]:
    """The booklet's bookmarks: the list, each field with its procedures, the feedback sheet.
    ``counts``: the page count of each part (the list, each sheet, the feedback sheet)."""
    starts = [sum(counts[:i]) for i in range(len(counts))]
    fields: dict[str, list[Bookmark]] = {}
    for sheet, start in zip(sheets, starts[1:], strict=False):
        fields.setdefault(sheet.sector, []).append(Bookmark(f"{sheet.number}. {sheet.code} {sheet.name}", start))
    return (
        Bookmark("Danh mục thủ tục hành chính", 0),
        *(Bookmark(f"Lĩnh vực: {name}", marks[0].page, tuple(marks)) for name, marks in fields.items()),
        Bookmark("Phản ánh, kiến nghị", starts[-1]),
    )


# What forked writer processes share with the parent: parsed PDFs are not worth pickling to them.
_SHARED: tuple[list[CommunePlan], dict[str, RenderedPdf], Path, dt.date] | None = None


def _write_in_worker(unit: _Unit) -> int:
    assert _SHARED is not None
    return _write_unit(unit, *_SHARED)


def write_all(
    plans: list[CommunePlan],
    pdfs: dict[str, RenderedPdf],
    folder: Path,
    posted: dt.date,
    jobs: int,
    progress: Progress | None,
) -> tuple[int, int]:
    """Stamp and write every commune's files, in ``jobs`` processes (forked, so they share ``pdfs``);
    a commune's sheets are split in chunks, so one commune also uses every process."""
    global _SHARED
    units = _units(plans)
    files = sum(len(p.sheets) + (p.cover is not None) for p in plans)
    _SHARED = (plans, pdfs, folder, posted)
    pages = 0
    try:
        if jobs <= 1 or len(units) <= 1:
            results: Iterable[int] = map(_write_in_worker, units)
            pages = _tally(units, results, plans, progress)
        else:
            with forked_pool(jobs) as pool:
                pages = _tally(units, pool.map(_write_in_worker, units), plans, progress)
    finally:
        _SHARED = None
    return files, pages


def _tally(units: list[_Unit], results: Iterable[int], plans: list[CommunePlan], progress: Progress | None) -> int:
    pages = 0
    for unit, written in zip(units, results, strict=True):
        pages += written
        if progress and unit.reported:
            progress.step(plans[unit.plan].commune.name)
    return pages
