"""Tables from a PDF page's ruling lines: pdfplumber's "lines" strategy, on plain tuples.

A port of pdfplumber's ``table.py`` (MIT, Jeremy Singer-Vine; after Anssi Nurminen's thesis and
Tabula) with its default settings, so that cells are found exactly where pdfplumber found them:
edges from rectangles' sides and straight segments, snapped (3 pt) and joined (3 pt), kept from 3 pt
long; cells are the smallest rectangles whose four corners are intersections joined by edges; tables
are groups of cells sharing corners (more than one cell). Points are indexed by column and row
instead of scanned, and tables grouped by union of corners, for the same result in linear time.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass

SNAP = JOIN = INTERSECT = 3.0
MIN_LENGTH = 3.0
MAX_EDGES = 5000  # per page and orientation; an export page has fewer than 200

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Edge = tuple[float, float, float]  # position, start, end (x, top, bottom or top, x0, x1)
Point = tuple[float, float]


class TooManyLines(Exception):
    """A page drawn with more ruling lines than any export has."""


@dataclass
class Ruled:
    """One table: its cells, rows of cells (None where a merged cell leaves a gap) and its box."""

    cells: list[Box]

    @property
    def bbox(self) -> Box:
        c = self.cells
        return (min(b[0] for b in c), min(b[1] for b in c), max(b[2] for b in c), max(b[3] for b in c))

    @property
    def rows(self) -> list[list[Box | None]]:
        xs = sorted({c[0] for c in self.cells})
        out: list[list[Box | None]] = []
        for _, row in itertools.groupby(sorted(self.cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
            by_x = {c[0]: c for c in row}
            out.append([by_x.get(x) for x in xs])
        return out


def _snap(edges: list[Edge]) -> list[Edge]:
    """Positions within SNAP of each other (in a chain) move to their mean."""
    groups: list[list[Edge]] = []
    for e in sorted(edges):
        if groups and e[0] <= groups[-1][-1][0] + SNAP:
            groups[-1].append(e)
        else:
            groups.append([e])
    out: list[Edge] = []
    for g in groups:
        mean = sum(e[0] for e in g) / len(g)
        out += [(mean, e[1], e[2]) for e in g]
    return out


def _join(edges: list[Edge]) -> list[Edge]:
    """Edges on one line that overlap or nearly touch (JOIN) become one."""
    out: list[Edge] = []
    for pos, group in itertools.groupby(sorted(edges), key=lambda e: e[0]):
        joined: list[Edge] = []
        for e in sorted(group, key=lambda e: e[1]):
            if joined and e[1] <= joined[-1][2] + JOIN:
                if e[2] > joined[-1][2]:
                    joined[-1] = (pos, joined[-1][1], e[2])
            else:
                joined.append(e)
        out += joined
    return out


def _merged(edges: list[Edge]) -> list[Edge]:
    if len(edges) > MAX_EDGES:
        raise TooManyLines(len(edges))
    return [e for e in _join(_snap([e for e in edges if e[2] - e[1] >= 1.0])) if e[2] - e[1] >= MIN_LENGTH]


def _edges(rects: list[Box], segments: list[tuple[Point, Point]]) -> tuple[list[Edge], list[Edge]]:
    horizontal: list[Edge] = []
    vertical: list[Edge] = []
    for x0, top, x1, bottom in rects:
        horizontal += [(top, x0, x1), (bottom, x0, x1)]
        vertical += [(x0, top, bottom), (x1, top, bottom)]
    for (ax, ay), (bx, by) in segments:
        if ay == by:
            horizontal.append((ay, min(ax, bx), max(ax, bx)))
        elif ax == bx:
            vertical.append((ax, min(ay, by), max(ay, by)))
    return _merged(horizontal), _merged(vertical)


def _intersections(horizontal: list[Edge], vertical: list[Edge]) -> dict[Point, tuple[set[Edge], set[Edge]]]:
    found: dict[Point, tuple[set[Edge], set[Edge]]] = {}
    for v in vertical:
        for h in horizontal:
            if v[1] <= h[0] + INTERSECT and v[2] >= h[0] - INTERSECT and h[1] - INTERSECT <= v[0] <= h[2] + INTERSECT:
                at = found.setdefault((v[0], h[0]), (set(), set()))
                at[0].add(v)
                at[1].add(h)
    return found


def _cells(points: dict[Point, tuple[set[Edge], set[Edge]]]) -> list[Box]:
    def joined(a: Point, b: Point) -> bool:
        return bool((a[0] == b[0] and points[a][0] & points[b][0]) or (a[1] == b[1] and points[a][1] & points[b][1]))

    column: dict[float, list[Point]] = defaultdict(list)
    row: dict[float, list[Point]] = defaultdict(list)
    for p in sorted(points):
        column[p[0]].append(p)
        row[p[1]].append(p)
    cells: list[Box] = []
    for pt in sorted(points):
        below = [p for p in column[pt[0]] if p[1] > pt[1]]
        right = [p for p in row[pt[1]] if p[0] > pt[0]]
        cell = next(
            (
                (pt[0], pt[1], r[0], b[1])
                for b in below
                if joined(pt, b)
                for r in right
                if joined(pt, r) and (r[0], b[1]) in points and joined((r[0], b[1]), r) and joined((r[0], b[1]), b)
            ),
            None,
        )
        if cell:
            cells.append(cell)
    return cells


def _groups(cells: list[Box]) -> list[list[Box]]:
    """Cells sharing a corner, transitively (pdfplumber's cells_to_tables), largest-first order kept."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Point, int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            if corner in owner:
                parent[root(i)] = root(owner[corner])
            else:
                owner[corner] = i
    groups: dict[int, list[Box]] = defaultdict(list)
    for i, cell in enumerate(cells):
        groups[root(i)].append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def find_tables(rects: list[Box], segments: list[tuple[Point, Point]]) -> list[Ruled]:
    """The tables drawn by ``rects`` and ``segments`` (top-down page coordinates), top to bottom."""
    horizontal, vertical = _edges(rects, segments)
    return [Ruled(cells) for cells in _groups(_cells(_intersections(horizontal, vertical)))]
