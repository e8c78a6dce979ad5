"""The history on the public site: sections on procedure and commune pages, "Thay đổi gần đây", Atom, JSON.

``render_docs`` calls ``attach`` for each page, ``write_history_data`` once and renders ``changes_page``; all
work with an unavailable history (no git, shallow clone), in which case every history section is one line
saying so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.history.walk import UNAVAILABLE, History
from generator.model.dates import data_date
from generator.model.types import ProvinceData
from generator.site.feed import FEED_PATH, JSON_NAME, LIMIT, atom_feed, changes_json, feed_items
from generator.site.opendata import Download, write_downloads
from generator.site.pages import Page

PAGE = "thay-doi/index.md"


def common_context(data: ProvinceData, history: History) -> dict[str, Any]:
    """What every page's template may use: whether history exists, the line said when it does not, and
    the procedures that still have a page (a removed procedure's page is gone: named, not linked)."""
    return {"history_available": history.available, "history_note": UNAVAILABLE, "live_codes": data.procedures}


def attach(page: Page, data: ProvinceData, history: History) -> None:
    """Give a procedure page its catalogue changes and a commune page its own changes."""
    slug = data.province.slug
    if page.template == "procedure.md.j2":
        page.context["changes"] = history.for_procedure(slug, page.context["p"].code)
    elif page.template == "commune.md.j2":
        page.context["changes"] = history.for_commune(slug, page.context["c"].slug)


def write_history_data(data: ProvinceData, history: History, docs: Path) -> tuple[Download, Page]:
    """Write the Atom feed and the JSON; returns the JSON's download entry and the recent-changes page."""
    items = feed_items(data, history)
    base = data.province.site_url
    (docs / FEED_PATH).parent.mkdir(parents=True, exist_ok=True)
    (docs / FEED_PATH).write_text(atom_feed(data, items, data_date([data])), encoding="utf-8")
    description = "Lịch sử thay đổi nội dung thủ tục, mỗi thay đổi một mục (JSON)"
    (download,) = write_downloads(
        docs, [(JSON_NAME, description, lambda: changes_json(items, base, history.available))]
    )
    context = {"available": history.available, "note": UNAVAILABLE, "shown": items[:LIMIT], "total": len(items)}
    return download, Page(PAGE, "changes.md.j2", "Thay đổi gần đây", context)
