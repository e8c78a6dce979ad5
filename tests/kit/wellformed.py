"""Well-formed pages (issue 20): a built page's elements balance, content stays in its column.

A small walker over ``html.parser`` (the standard library's tokenizer; nothing is repaired, unlike a
browser's parser, which silently moves a stray ``</div>`` and so hides the fault). Every element but
the void ones must be closed explicitly and in order: the templates and Material write every end
tag. Content is the page's headings and niemyet's own blocks (classes ``nm-*``); it must sit inside
``<article>``, the content column; the header search box and the menu's contents are not content.
In-page links (``href="#x"``) must name an id on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"])
NOT_CONTENT = re.compile(r"^nm-(search|drawer-toc)")
HEADINGS = frozenset(("h1", "h2", "h3"))


@dataclass
class Fault:
    line: int
    text: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.text}"


@dataclass
class _Open:
    tag: str
    line: int


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.faults: list[Fault] = []
        self.ids: set[str] = set()
        self.anchors: list[tuple[int, str]] = []
        self.in_svg = 0

    def _in_article(self) -> bool:
        return any(o.tag == "article" for o in self.stack)

    def _content(self, tag: str, attrs: dict[str, str | None]) -> bool:
        classes = (attrs.get("class") or "").split()
        ours = [c for c in classes if c.startswith("nm-") and not NOT_CONTENT.match(c)]
        return tag in HEADINGS or bool(ours)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        href = values.get("href") or ""
        if href.startswith("#") and len(href) > 1:
            self.anchors.append((line, href[1:]))
        if self._content(tag, values) and not self._in_article() and not any(o.tag == "nav" for o in self.stack):
            self.faults.append(Fault(line, f"<{tag} class={values.get('class')!r}> outside <article>"))
        if tag not in VOID:
            self.stack.append(_Open(tag, line))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))

    def handle_endtag(self, tag: str) -> None:
        line = self.getpos()[0]
        if tag in VOID:
            return
        if self.stack and self.stack[-1].tag == tag:
            self.stack.pop()
            return
        inner = self.stack[-1].tag if self.stack else "nothing"
        self.faults.append(Fault(line, f"</{tag}> while <{inner}> is the innermost open element"))
        for i in range(len(self.stack) - 1, -1, -1):  # recover at the matching element, if any
            if self.stack[i].tag == tag:
                for o in self.stack[i + 1 :]:
                    self.faults.append(Fault(o.line, f"<{o.tag}> never closed"))
                del self.stack[i:]
                return


def faults(html: str) -> list[Fault]:
    walker = _Walker()
    walker.feed(html)
    walker.close()
    found = walker.faults + [Fault(o.line, f"<{o.tag}> never closed") for o in walker.stack]
    found += [Fault(line, f'href="#{a}" names no id on the page') for line, a in walker.anchors if a not in walker.ids]
    return found
