"""What each page kind's template reads: one frozen dataclass per kind, complete before rendering.

A context's fields are exactly its template's variables (``variables``), beside the two that come from
where the page sits: ``root`` (``../`` per folder level) and ``fold`` (the diacritic-free title, for
search), both given by ``Page``. Jinja runs with StrictUndefined (env.py), so a variable that is neither
fails the build. The one value that is not input is ``commune_rows`` on commune pages: rows rendered
once by the renderer (render.py) for every commune that posts a procedure unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from generator.history.changes import Change
from generator.model.resolve import CommuneProcedure
from generator.model.types import Commune, Document, Procedure, Province, SectorGroup
from generator.oversight.compute import CommuneStatus, ProvinceOversight
from generator.problems.catalogue import ProblemCode
from generator.site.facts import FormEntry, KeyFacts
from generator.site.feed import FeedItem
from generator.site.opendata import Download
from generator.site.results_pages import CommuneResults, OversightResults
from generator.stats.durations import Durations


@dataclass(frozen=True)
class SectorView:
    """A field with its procedures resolved, for the home, field and commune pages."""

    group: SectorGroup
    procedures: tuple[Procedure, ...]


@dataclass(frozen=True)
class CommuneSector:
    group: SectorGroup
    items: tuple[CommuneProcedure, ...]


@dataclass(frozen=True)
class PageContext:
    """Base of every page kind: ``TEMPLATE`` names its template under site_templates/pages/."""

    TEMPLATE: ClassVar[str]

    def variables(self) -> dict[str, Any]:
        """The template's variables: the fields, by name (shallow: values stay model objects)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


@dataclass(frozen=True)
class HomeContext(PageContext):
    TEMPLATE: ClassVar[str] = "home.md.j2"
    province: Province
    procedure_count: int
    sectors: tuple[SectorView, ...]
    communes: tuple[Commune, ...]
    online_count: int


@dataclass(frozen=True)
class SectorsContext(PageContext):
    TEMPLATE: ClassVar[str] = "sectors.md.j2"
    sectors: tuple[SectorView, ...]


@dataclass(frozen=True)
class SectorContext(PageContext):
    TEMPLATE: ClassVar[str] = "sector.md.j2"
    sector: SectorView


@dataclass(frozen=True)
class CommunesContext(PageContext):
    TEMPLATE: ClassVar[str] = "communes.md.j2"
    communes: tuple[Commune, ...]


@dataclass(frozen=True)
class OnlineContext(PageContext):
    TEMPLATE: ClassVar[str] = "online.md.j2"
    province: Province
    toan_trinh: tuple[Procedure, ...]
    mot_phan: tuple[Procedure, ...]
    unrated: tuple[Procedure, ...] = ()  # an online channel row, level not recorded yet


@dataclass(frozen=True)
class OpenDataContext(PageContext):
    TEMPLATE: ClassVar[str] = "opendata.md.j2"
    province: Province
    downloads: tuple[Download, ...]


@dataclass(frozen=True)
class EditorsContext(PageContext):
    TEMPLATE: ClassVar[str] = "editors.md.j2"
    codes: tuple[ProblemCode, ...]


@dataclass(frozen=True)
class HistorySection(PageContext):
    """What the "Lịch sử thay đổi" section of procedure and commune pages reads (``_history.j2``):
    whether history exists, the line said when it does not, this page's changes, and the procedures
    that still have a page (a removed procedure's page is gone: named, not linked)."""

    changes: tuple[Change, ...]
    history_available: bool
    history_note: str
    live_codes: Mapping[str, Procedure]


@dataclass(frozen=True)
class ProcedureContext(HistorySection):
    TEMPLATE: ClassVar[str] = "procedure.md.j2"
    p: Procedure
    group: SectorGroup
    communes: tuple[Commune, ...]  # that handle it, by name
    documents: tuple[tuple[str, tuple[Document, ...]], ...]  # grouped by case
    forms: Mapping[str, str]  # form title → link to its copy on the site, relative to the page
    facts: KeyFacts  # under the title: time limit, fees (facts.py)
    form_list: tuple[FormEntry, ...]  # each form once, numbered
    form_refs: Mapping[Document, tuple[int, ...]]  # a document's forms by their numbers in form_list
    national_portal: str  # where a form without a link is found
    actual: Durations | None = None  # how long files really took (stats/durations.py); None: no figures at all


@dataclass(frozen=True)
class CommuneContext(HistorySection):
    TEMPLATE: ClassVar[str] = "commune.md.j2"
    c: Commune
    province: Province
    sectors: tuple[CommuneSector, ...]
    results: CommuneResults  # Kết quả giải quyết hồ sơ (site/results_pages.py)


@dataclass(frozen=True)
class Bar:
    row: CommuneStatus
    y: int
    width: float


@dataclass(frozen=True)
class Chart:
    """The bar chart of "Tình hình công khai", drawn by its template as plain SVG (site/oversight.py)."""

    width: int
    height: int
    label_x: int
    bar_x: int
    bar_width: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[int, float], ...]  # (percent, x)


@dataclass(frozen=True)
class OversightContext(PageContext):
    """The page "Tình hình công khai": rows ordered by completeness, lowest first, and the chart drawn from them."""

    TEMPLATE: ClassVar[str] = "oversight.md.j2"
    province: Province
    report: ProvinceOversight
    rows: tuple[CommuneStatus, ...]
    chart: Chart
    formula: str
    not_current_text: str
    changed_text: str
    results: OversightResults  # the last month's late rate and over-posted count per commune


@dataclass(frozen=True)
class ChangesContext(PageContext):
    """The page "Thay đổi gần đây": the newest changes, or the line said when there is no history."""

    TEMPLATE: ClassVar[str] = "changes.md.j2"
    available: bool
    note: str
    shown: tuple[FeedItem, ...]
    total: int


@dataclass(frozen=True)
class Page:
    """One Markdown file to write: ``path`` inside docs_dir, its title and its typed context."""

    path: str
    title: str
    context: PageContext
    searchable: bool = False
    jsonld: str = ""

    @property
    def template(self) -> str:
        return self.context.TEMPLATE

    @property
    def root(self) -> str:
        return root_of(self.path)


def root_of(path: str) -> str:
    """Relative prefix back to the site root ("" for index.md, "../../" for thu-tuc/x/index.md)."""
    return "../" * path.count("/")
