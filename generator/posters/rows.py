"""How a table row of a posting sheet may break across pages, decided from its text (no render).

Every cell keeps two lines on each side of a page break (``td, th { orphans: 2; widows: 2 }`` in
sheet.css). WeasyPrint splits a row cell by cell: a cell that cannot keep two lines at the page foot
goes whole to the next page while the row's other cells stay, so a long name cell would leave its
one-line counts bare at the foot. WeasyPrint moves a row whole only when none of its cells shows
anything, hence two classes:

* ``keep``: a row of at most :data:`SHORT` estimated lines in every cell never breaks
  (``break-inside: avoid``); moving it whole costs a page at most a few lines;
* ``long``: a longer row may break; its one-line cells (the counts, a label) get a blank second line
  (sheet.css), so they too need two lines at the foot and go with the long cell when it goes.

Lines are estimated as check's W010 does (generator/checks/posting.py): characters over the column's
characters a line, each part of a cell (a name, its form, its note) starting a line of its own.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

#: Estimated lines under which a row is kept whole.
SHORT = 6
#: Characters a line in each kind of column at 12 pt (as W010 counts them; a bold label holds fewer).
WIDTHS = {"NAME": 64, "FACT": 56, "TIME": 28, "FEE": 30, "LABEL": 20}

Cell = tuple[Iterable[str], int]  # the cell's parts (each starts a line), and characters a line in its column


def cell_lines(parts: Iterable[str], width: int) -> int:
    """Estimated lines of a cell: each part, and each of its own lines, wrapped at ``width`` characters."""
    return sum(max(1, math.ceil(len(line) / width)) for part in parts if part for line in part.split("\n"))


def row_break(cells: Iterable[Cell]) -> str:
    """The row's class: ``keep`` when every cell is short, else ``long``."""
    return "keep" if all(cell_lines(parts, width) <= SHORT for parts, width in cells) else "long"
