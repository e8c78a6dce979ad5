"""Render the MkDocs ``docs_dir`` as files: one Markdown file per page, assets, fonts, open data, forms.

``render_site`` reads only the gathered input (gather.py) and returns every file by its path in the
docs_dir; files.py writes them. The pages' contexts (pages.py) are complete before the first renders.

Front matter carries what the theme needs outside the content: ``title`` (already HTML-escaped,
because Material prints ``page.meta.title`` unescaped in the header and ``<title>``), the
JSON-LD (already ``<script>``-safe, see jsonld.py) and ``search`` (pages indexed by Pagefind).
Front matter values are written as JSON strings, which YAML reads back verbatim.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.errors import BuildError
from generator.history.walk import History
from generator.model.types import ProvinceData
from generator.resources import TEMPLATES
from generator.site.contexts import CommuneContext, Page
from generator.site.env import environment, fold
from generator.site.files import SiteFiles, write_files
from generator.site.fonts import font_files
from generator.site.gather import SiteInput, site_input
from generator.site.history import history_data, history_feed, history_items
from generator.site.opendata import open_data_files
from generator.site.oversight import report_data
from generator.site.pages import site_pages
from generator.site.results_pages import bieu06_files

ASSETS = "assets/niemyet"
FONTS = "assets/fonts"


@dataclass(frozen=True)
class RenderedSite:
    files: SiteFiles  # path in the docs_dir → content
    pages: int


def _front_matter(page: Page) -> str:
    meta: dict[str, str | bool] = {"title": html.escape(page.title, quote=False)}
    if page.jsonld:
        meta["jsonld"] = page.jsonld
    if page.searchable:
        meta["search"] = True
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _fold(page: Page) -> str:
    """A diacritic-free copy of a searchable title, so "dang ky" and "đ" → "d" match it."""
    if not page.searchable:
        return ""
    folded = fold(page.title)
    return "" if folded == page.title.lower() else folded


def render_page(env: jinja2.Environment, page: Page, commune_rows: Mapping[str, Markup]) -> str:
    """One page's Markdown; a template error becomes a BuildError that names the page and its template.
    ``commune_rows``: see ``_commune_rows`` (read by commune pages only)."""
    variables = {**page.context.variables(), "root": page.root, "fold": _fold(page)}
    if isinstance(page.context, CommuneContext):
        variables["commune_rows"] = commune_rows
    try:
        return _front_matter(page) + env.get_template(page.template).render(variables)
    except jinja2.TemplateError as exc:
        raise BuildError(f"không dựng được trang {page.path} (mẫu {page.template}): {exc}") from exc


def _commune_rows(env: jinja2.Environment, data: ProvinceData) -> dict[str, Markup]:
    """A procedure's row on commune pages, rendered once: it is the same on every commune page
    that posts the procedure unchanged (see ``CommuneProcedure.distinct_key``)."""
    row = env.get_template("_macros.j2").module.commune_row  # type: ignore[attr-defined]
    return {code: Markup(row(proc, "../../")) for code, proc in data.procedures.items()}


def _asset_files(templates: Path) -> SiteFiles:
    """The site's own CSS and scripts, and the fonts."""
    assets = templates / "assets"
    files: SiteFiles = {
        f"{ASSETS}/{path.relative_to(assets).as_posix()}": path for path in sorted(assets.rglob("*")) if path.is_file()
    }
    return files | font_files(FONTS)


def render_site(site: SiteInput, templates: Path = TEMPLATES) -> RenderedSite:
    """Every file of the docs_dir for one province."""
    env = environment(templates)
    files = _asset_files(templates)
    files.update({form.path: form.source for form in site.forms})
    items = history_items(site)
    data_files = [
        *open_data_files(site.data),
        *report_data(site.oversight),
        history_data(site, items),
        *bieu06_files(site.statistics),
    ]
    files.update({f.path: f.body for f in data_files})
    files.update(history_feed(site, items))
    pages = site_pages(site, tuple(f.download for f in data_files), items)
    rows = _commune_rows(env, site.data)
    files.update({page.path: render_page(env, page, rows).encode("utf-8") for page in pages})
    return RenderedSite(files, len(pages))


def render_docs(
    data: ProvinceData,
    docs: Path,
    templates: Path = TEMPLATES,
    history: History | None = None,
    changes: Mapping[str, dt.date] | None = None,
) -> RenderedSite:
    """Render one province's site from its parts (see ``site_input``) and write it into ``docs``."""
    rendered = render_site(site_input(data, history, changes), templates)
    write_files(rendered.files, docs)
    return rendered
