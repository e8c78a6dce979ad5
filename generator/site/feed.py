"""The public faces of the history: entries with titles and links, an Atom feed, and JSON for open data.

Deterministic: entries are ordered by date then commit order as git gave them; the feed's ``updated`` is
the newest entry's date (or the data's date when there is none); ids are ``tag:`` URIs built from the site
host, the commit and the procedure, so two builds of one commit are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.history.changes import Change
from generator.history.walk import History
from generator.model.types import ProvinceData
from generator.output.serialise import json_text

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_PATH = "thay-doi/atom.xml"
JSON_NAME = "thay-doi.json"  # in the open data folder: du-lieu-mo/thay-doi.json
LIMIT = 100  # entries on the page and in the feed; the JSON has them all


@dataclass(frozen=True)
class FeedItem:
    change: Change
    title: str
    link: str  # path from the site root; "" for a procedure that no longer has a page

    @property
    def date(self) -> dt.date:
        return self.change.date


def _title_link(data: ProvinceData, c: Change) -> tuple[str, str]:
    """A change's title, and the page it links to ("" when that page no longer exists)."""
    if not c.commune and not c.code:  # the province's feedback block
        return data.province.name, ""
    if not c.commune:
        return f"{c.name or c.code} ({c.code})", f"thu-tuc/{c.code}/" if c.code in data.procedures else ""
    current = data.communes.get(c.commune)
    link = current.url_path if current else ""
    commune = current.name if current else (c.name if not c.code else c.commune)
    return (commune, link) if not c.code else (f"{commune}: {c.name or c.code} ({c.code})", link)


def feed_items(data: ProvinceData, history: History) -> list[FeedItem]:
    """One item per change per procedure (a commune's own changes link to that commune's page)."""
    items = []
    for c in history.changes:
        if c.province != data.province.slug:
            continue
        items.append(FeedItem(c, *_title_link(data, c)))
    return sorted(items, key=lambda i: i.date, reverse=True)  # stable: git's order within a day


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(data: ProvinceData, items: list[FeedItem], fallback: dt.date) -> str:
    """A valid Atom 1.0 document (RFC 4287) of the newest ``LIMIT`` of ``items`` (newest first, as
    ``feed_items`` gives them); ``updated`` is the first item's date, ``fallback`` when there is none."""
    base = data.province.site_url
    host = urlsplit(base).hostname or "localhost"
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        el.text = text or None
        return el

    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"xml:lang": "vi"})
    sub(feed, "id", f"tag:{host},2025:{data.province.slug}/thay-doi")
    sub(feed, "title", f"Thay đổi thủ tục hành chính — {data.province.name}")
    sub(feed, "updated", _stamp(items[0].date if items else fallback))  # feed_items: newest first
    sub(sub(feed, "author"), "name", data.province.name)
    sub(feed, "link", rel="self", href=base + FEED_PATH, type="application/atom+xml")
    sub(feed, "link", rel="alternate", href=base + "thay-doi/", type="text/html")
    for item in items[:LIMIT]:
        c = item.change
        entry = sub(feed, "entry")
        sub(entry, "id", f"tag:{host},{c.date.isoformat()}:{c.province}/{c.commune or '-'}/{c.code or '-'}/{c.commit}")
        sub(entry, "title", item.title)
        sub(entry, "updated", _stamp(c.date))
        sub(entry, "link", rel="alternate", href=base + (item.link or "thay-doi/"), type="text/html")
        sub(entry, "summary", "\n".join(c.lines), type="text")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def changes_json(items: list[FeedItem], base: str, available: bool) -> str:
    """Every change (not only the newest), for open data."""
    rows = [{**i.change.as_json(), "title": i.title, "url": base + i.link if i.link else ""} for i in items]
    return json_text({"available": available, "changes": rows})
