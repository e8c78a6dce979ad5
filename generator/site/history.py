"""The history on the public site: "Thay đổi gần đây", its Atom feed and JSON (the sections of procedure
and commune pages are built with their pages, pages.py).

All of it works with an unavailable history (no git, shallow clone), in which case every history section
is one line saying so.
"""

from __future__ import annotations

from generator.history.walk import UNAVAILABLE, History
from generator.site.contexts import ChangesContext, Page
from generator.site.feed import FEED_PATH, JSON_NAME, LIMIT, FeedItem, atom_feed, changes_json, feed_items
from generator.site.gather import SiteInput
from generator.site.opendata import DataFile, data_files

PAGE = "thay-doi/index.md"
TITLE = "Thay đổi gần đây"


def history_items(site: SiteInput) -> list[FeedItem]:
    return feed_items(site.data, site.history)


def history_data(site: SiteInput, items: list[FeedItem]) -> DataFile:
    """``du-lieu-mo/thay-doi.json``: every change, for open data."""
    description = "Lịch sử thay đổi nội dung thủ tục, mỗi thay đổi một mục (JSON)"
    base, available = site.data.province.site_url, site.history.available
    (data,) = data_files([(JSON_NAME, description, lambda: changes_json(items, base, available))])
    return data


def history_feed(site: SiteInput, items: list[FeedItem]) -> dict[str, bytes]:
    """``thay-doi/atom.xml``: the newest changes as an Atom feed."""
    return {FEED_PATH: atom_feed(site.data, items, site.date).encode("utf-8")}


def changes_page(history: History, items: list[FeedItem]) -> Page:
    context = ChangesContext(
        available=history.available, note=UNAVAILABLE, shown=tuple(items[:LIMIT]), total=len(items)
    )
    return Page(PAGE, TITLE, context)
