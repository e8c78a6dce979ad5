"""Which pages the site has and each one's typed context (contexts.py), all built before any renders.

Page count grows with catalogue procedures + communes + fields, never with their product: a
procedure page lists the communes that handle it, a commune page lists its procedures with its
own differences; no page exists per (commune, procedure) pair.

Links inside the generated HTML are relative (``root`` is ``../`` per folder level), so the site
works from any base URL and from ``file://``; the stable public paths come from the model's
``url_path`` (``thu-tuc/<code>/``, ``xa/<slug>/``, ``linh-vuc/<slug>/``).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.history.walk import UNAVAILABLE
from generator.model.resolve import CommuneProcedure, commune_procedures, handling_index
from generator.model.types import Commune, Document, Procedure, ProvinceData
from generator.problems.catalogue import CATALOGUE
from generator.site.contexts import (
    CommuneContext,
    CommunesContext,
    CommuneSector,
    EditorsContext,
    HomeContext,
    OnlineContext,
    OpenDataContext,
    Page,
    ProcedureContext,
    SectorContext,
    SectorsContext,
    SectorView,
    root_of,
)
from generator.site.facts import form_list, key_facts
from generator.site.feed import FeedItem
from generator.site.gather import SiteInput
from generator.site.history import changes_page
from generator.site.jsonld import government_service
from generator.site.opendata import Download
from generator.site.oversight import report_page
from generator.site.results_pages import commune_results
from generator.stats.durations import NONE
from generator.text.slug import ascii_fold


def _fields(data: ProvinceData) -> tuple[SectorView, ...]:
    return tuple(SectorView(g, tuple(data.procedures[c] for c in g.codes)) for g in data.sectors.values())


def _commune_sectors(data: ProvinceData, commune: Commune) -> tuple[CommuneSector, ...]:
    grouped: dict[str, list[CommuneProcedure]] = {}
    for item in commune_procedures(data, commune):
        grouped.setdefault(item.procedure.sector_slug, []).append(item)
    return tuple(CommuneSector(data.sectors[slug], tuple(items)) for slug, items in grouped.items())


def _online(data: ProvinceData, service: str) -> tuple[Procedure, ...]:
    """The procedures with that level; "unrated": an online channel row whose level is not recorded."""
    procs = (data.procedures[c] for f in data.sectors.values() for c in f.codes)
    if service == "unrated":
        return tuple(p for p in procs if p.online.unrated)
    return tuple(p for p in procs if p.online.service == service)


def _documents(proc: Procedure) -> tuple[tuple[str, tuple[Document, ...]], ...]:
    """The documents grouped by case, in the order the cases first appear."""
    groups: dict[str, list[Document]] = {}
    for doc in proc.documents:
        groups.setdefault(doc.case, []).append(doc)
    return tuple((case, tuple(docs)) for case, docs in groups.items())


def index_pages(data: ProvinceData, downloads: tuple[Download, ...]) -> Iterator[Page]:
    """The few pages in the navigation."""
    fields = _fields(data)
    communes = tuple(sorted(data.communes.values(), key=lambda c: ascii_fold(c.name).casefold()))
    toan_trinh, mot_phan, unrated = (_online(data, s) for s in ("toan_trinh", "mot_phan", "unrated"))
    province = data.province
    online_count = len(toan_trinh) + len(mot_phan) + len(unrated)
    home = HomeContext(province, len(data.procedures), fields, communes, online_count)
    yield Page("index.md", province.name, home)
    yield Page("linh-vuc/index.md", "Lĩnh vực", SectorsContext(fields))
    yield Page("xa/index.md", "Xã, phường, đặc khu", CommunesContext(communes))
    yield Page("truc-tuyen/index.md", "Dịch vụ công trực tuyến", OnlineContext(province, toan_trinh, mot_phan, unrated))
    yield Page("du-lieu-mo/index.md", "Dữ liệu mở", OpenDataContext(province, downloads))
    yield Page("bien-tap/index.md", "Dành cho người biên tập dữ liệu", EditorsContext(tuple(CATALOGUE.values())))


def _form_links(site: SiteInput) -> dict[str, dict[str, str]]:
    """code → form title → the copy's path from the site root."""
    links: dict[str, dict[str, str]] = {}
    for form in site.forms:
        links.setdefault(form.code, {})[form.title] = form.path
    return links


def procedure_pages(site: SiteInput) -> Iterator[Page]:
    data, history = site.data, site.history
    handling, links = handling_index(data), _form_links(site)
    for proc in data.procedures.values():
        path, where, own = f"{proc.url_path}index.md", tuple(handling[proc.code]), links.get(proc.code, {})
        listed = form_list(proc)
        context = ProcedureContext(
            changes=tuple(history.for_procedure(data.province.slug, proc.code)),
            history_available=history.available,
            history_note=UNAVAILABLE,
            live_codes=data.procedures,
            p=proc,
            group=data.sectors[proc.sector_slug],
            communes=where,
            documents=_documents(proc),
            forms={f.title: root_of(path) + own[f.title] for f in proc.forms if f.title in own},
            facts=key_facts(proc),
            form_list=listed.entries,
            form_refs=listed.refs,
            national_portal=data.province.national_portal,
            actual=None if site.durations is None else site.durations.get(proc.code, NONE),
        )
        jsonld = government_service(proc, list(where), data.province, data.province.site_url)
        yield Page(path, proc.name, context, searchable=True, jsonld=jsonld)


def commune_pages(site: SiteInput) -> Iterator[Page]:
    data, history = site.data, site.history
    for commune in data.communes.values():
        context = CommuneContext(
            changes=tuple(history.for_commune(data.province.slug, commune.slug)),
            history_available=history.available,
            history_note=UNAVAILABLE,
            live_codes=data.procedures,
            c=commune,
            province=data.province,
            sectors=_commune_sectors(data, commune),
            results=commune_results(site.statistics, commune.slug),
        )
        yield Page(f"{commune.url_path}index.md", commune.name, context, searchable=True)


def site_pages(site: SiteInput, downloads: tuple[Download, ...], items: list[FeedItem]) -> list[Page]:
    """Every page of the site, in the order they are written; ``items``: the changes, newest first."""
    fields = (
        Page(f"{v.group.url_path}index.md", v.group.name, SectorContext(v), searchable=True) for v in _fields(site.data)
    )
    return [
        *index_pages(site.data, downloads),
        *fields,
        *procedure_pages(site),
        *commune_pages(site),
        report_page(site.oversight, site.data, site.statistics),
        changes_page(site.history, items),
    ]
