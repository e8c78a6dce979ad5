"""Render the MkDocs ``docs_dir``: one Markdown file per page, assets, fonts, open data, forms.

Front matter carries what the theme needs outside the content: ``title`` (already HTML-escaped,
because Material prints ``page.meta.title`` unescaped in the header and ``<title>``), the
JSON-LD (already ``<script>``-safe, see jsonld.py) and ``search`` (pages indexed by Pagefind).
Front matter values are written as JSON strings, which YAML reads back verbatim.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.errors import BuildError
from generator.history.walk import History
from generator.model.types import ProvinceData
from generator.oversight.compute import province_report
from generator.resources import FONTS, TEMPLATES
from generator.site import history as history_site
from generator.site.env import environment, fold
from generator.site.fonts import write_fonts
from generator.site.opendata import write_open_data
from generator.site.oversight import report_page, write_report_data
from generator.site.pages import Page, all_pages

ASSETS = "assets/niemyet"


@dataclass(frozen=True)
class Rendered:
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


def render_page(env: jinja2.Environment, page: Page, common: dict[str, Any]) -> str:
    """One page's Markdown; a template error becomes a BuildError that names the page and its template."""
    context = {**common, **page.context, "root": page.root, "fold": _fold(page)}
    try:
        return _front_matter(page) + env.get_template(page.template).render(context)
    except jinja2.TemplateError as exc:
        raise BuildError(f"không dựng được trang {page.path} (mẫu {page.template}): {exc}") from exc


def _copy_forms(data: ProvinceData, docs: Path) -> dict[str, str]:
    """Copy form files kept in the data repository; form title → site path (from the root)."""
    out: dict[str, str] = {}
    for proc in data.procedures.values():
        base = Path(proc.source).parent
        for form in proc.forms:
            if not form.file:
                continue
            source = (base / form.file).resolve()
            if not source.is_file() or not source.is_relative_to(base.parent.resolve()):
                continue
            rel = f"bieu-mau/{proc.code}/{source.name}"
            (docs / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, docs / rel)
            out[f"{proc.code}\x00{form.title}"] = rel
    return out


def _documents(page: Page, forms: dict[str, str]) -> None:
    """Procedure pages: documents grouped by case, and local form links relative to the page."""
    proc = page.context["p"]
    groups: dict[str, list[Any]] = {}
    for doc in proc.documents:
        groups.setdefault(doc.case, []).append(doc)
    page.context["documents"] = list(groups.items())
    page.context["forms"] = {
        f.title: page.root + forms[key] for f in proc.forms if (key := f"{proc.code}\x00{f.title}") in forms
    }


def _commune_rows(env: jinja2.Environment, data: ProvinceData) -> dict[str, Markup]:
    """A procedure's row on commune pages, rendered once: it is the same on every commune page
    that posts the procedure unchanged (see ``CommuneProcedure.distinct_key``)."""
    row = env.get_template("_macros.j2").module.commune_row  # type: ignore[attr-defined]
    return {code: Markup(row(proc, "../../")) for code, proc in data.procedures.items()}


def render_docs(
    data: ProvinceData,
    docs: Path,
    templates: Path = TEMPLATES,
    history: History | None = None,
    changes: Mapping[str, dt.date] | None = None,
) -> Rendered:
    """Write the whole docs_dir for one province; returns the page count. Without ``history`` the
    history sections say that none is available. ``changes``: the dates of last change by source
    file (generator.oversight.load.changes_by_source), for "Tình hình công khai"."""
    history = history or History(available=False)
    env = environment(templates)
    oversight = province_report(data, changes)
    shutil.copytree(templates / "assets", docs / ASSETS, dirs_exist_ok=True)
    write_fonts(docs / "assets" / "fonts")
    shutil.copyfile(FONTS / "OFL.txt", docs / "assets" / "fonts" / "OFL.txt")
    forms = _copy_forms(data, docs)
    common = {
        "province": data.province,
        "procedure_count": len(data.procedures),
        "downloads": write_open_data(data, docs) + write_report_data(oversight, docs),
        "commune_rows": _commune_rows(env, data),
        **history_site.common_context(data, history),
    }
    history_download, changes_page = history_site.write_history_data(data, history, docs)
    common["downloads"].append(history_download)
    count = 0
    for page in itertools.chain(all_pages(data), [report_page(oversight), changes_page]):
        history_site.attach(page, data, history)
        if page.template == "procedure.md.j2":
            _documents(page, forms)
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_page(env, page, common), encoding="utf-8")
        count += 1
    return Rendered(pages=count)
