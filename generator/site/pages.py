"""Which pages the site has and what each template receives: the typed context, built in one place.

Page count grows with catalogue procedures + communes + fields, never with their product: a
procedure page lists the communes that handle it, a commune page lists its procedures with its
own differences; no page exists per (commune, procedure) pair.

Links inside the generated HTML are relative (``root`` is ``../`` per folder level), so the site
works from any base URL and from ``file://``; the stable public paths come from the model's
``url_path`` (``thu-tuc/<code>/``, ``xa/<slug>/``, ``linh-vuc/<slug>/``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.model.resolve import CommuneProcedure, commune_procedures, handling_index
from generator.model.types import Commune, FieldGroup, Procedure, ProvinceData
from generator.problems.catalogue import CATALOGUE
from generator.site.jsonld import government_service
from generator.text.slug import ascii_fold


@dataclass(frozen=True)
class Page:
    """One Markdown file to write: ``path`` inside docs_dir, the template, its title and context."""

    path: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    searchable: bool = False
    jsonld: str = ""

    @property
    def root(self) -> str:
        """Relative prefix back to the site root ("" for index.md, "../../" for thu-tuc/x/index.md)."""
        return "../" * self.path.count("/")


@dataclass(frozen=True)
class FieldView:
    """A field with its procedures resolved, for the home, field and commune pages."""

    group: FieldGroup
    procedures: tuple[Procedure, ...]


@dataclass(frozen=True)
class CommuneField:
    group: FieldGroup
    items: tuple[CommuneProcedure, ...]


def _fields(data: ProvinceData) -> list[FieldView]:
    return [FieldView(g, tuple(data.procedures[c] for c in g.codes)) for g in data.fields.values()]


def _commune_fields(data: ProvinceData, commune: Commune) -> list[CommuneField]:
    grouped: dict[str, list[CommuneProcedure]] = {}
    for item in commune_procedures(data, commune):
        grouped.setdefault(item.procedure.field_slug, []).append(item)
    return [CommuneField(data.fields[slug], tuple(items)) for slug, items in grouped.items()]


def _online(data: ProvinceData, service: str) -> list[Procedure]:
    return [p for f in data.fields.values() for c in f.codes if (p := data.procedures[c]).online.service == service]


def index_pages(data: ProvinceData) -> Iterator[Page]:
    """The few pages in the navigation."""
    fields = _fields(data)
    communes = sorted(data.communes.values(), key=lambda c: ascii_fold(c.name).casefold())
    toan_trinh, mot_phan = _online(data, "toan_trinh"), _online(data, "mot_phan")
    yield Page(
        "index.md",
        "home.md.j2",
        data.province.name,
        {"fields": fields, "communes": communes, "online_count": len(toan_trinh) + len(mot_phan)},
    )
    yield Page("linh-vuc/index.md", "fields.md.j2", "Lĩnh vực", {"fields": fields})
    yield Page("xa/index.md", "communes.md.j2", "Xã, phường, đặc khu", {"communes": communes})
    yield Page(
        "truc-tuyen/index.md",
        "online.md.j2",
        "Dịch vụ công trực tuyến",
        {"toan_trinh": toan_trinh, "mot_phan": mot_phan},
    )
    yield Page("du-lieu-mo/index.md", "opendata.md.j2", "Dữ liệu mở", {})
    yield Page(
        "bien-tap/index.md", "editors.md.j2", "Dành cho người biên tập dữ liệu", {"codes": list(CATALOGUE.values())}
    )


def detail_pages(data: ProvinceData) -> Iterator[Page]:
    """One page per field, procedure and commune; these are reached by links and search."""
    for view in _fields(data):
        yield Page(f"{view.group.url_path}index.md", "field.md.j2", view.group.name, {"field": view}, searchable=True)
    handling = handling_index(data)
    site_url = data.province.site_url
    for proc in data.procedures.values():
        where = handling[proc.code]
        yield Page(
            f"{proc.url_path}index.md",
            "procedure.md.j2",
            proc.name,
            {"p": proc, "communes": where, "group": data.fields[proc.field_slug]},
            searchable=True,
            jsonld=government_service(proc, where, data.province, site_url),
        )
    for commune in data.communes.values():
        yield Page(
            f"{commune.url_path}index.md",
            "commune.md.j2",
            commune.name,
            {"c": commune, "fields": _commune_fields(data, commune)},
            searchable=True,
        )


def all_pages(data: ProvinceData) -> Iterator[Page]:
    yield from index_pages(data)
    yield from detail_pages(data)
