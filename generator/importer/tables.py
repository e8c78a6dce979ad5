"""The export's three tables (channels, documents, legal basis): rows → records, cells parsed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.importer import cells
from generator.importer.blocks import NO_INFO, norm
from generator.problems import Problem, make

HEADERS = {
    "channels": ("hình thức nộp", "thời hạn giải quyết", "phí, lệ phí", "mô tả"),
    "documents": ("tên giấy tờ", "mẫu đơn, tờ khai", "số lượng"),
    "legal_basis": ("số ký hiệu", "trích yếu", "ngày ban hành", "cơ quan ban hành"),
}
_CASE_ROW = re.compile(r"^[+\-\s]*Trường hợp\s*\(\s*\d+\s*\)")


def value(cell: str) -> str:
    """A cell's text, or "" when the export says there is nothing ("Không có thông tin")."""
    return "" if cell.strip() == NO_INFO else cell.strip()


def table_kind(row: list[str]) -> tuple[str, list[int]] | None:
    """Which table a header row opens and where each expected column sits (-1 when missing)."""
    names = [norm(c) for c in row]
    for kind, wanted in HEADERS.items():
        if wanted[0] in names:
            return kind, [names.index(w) if w in names else -1 for w in wanted]
    return None


@dataclass
class Collected:
    """What the tables gave, plus the rows left out (``notes``: problems whose file is filled in later).

    A row kept with a part missing needs no note here: ``check`` names the part (E100), and a row kept
    verbatim in ``other_fields`` is W022.
    """

    channels: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    legal_basis: list[dict[str, Any]] = field(default_factory=list)
    other_fields: list[dict[str, str]] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    form_column: bool = False  # the documents table has a "Mẫu đơn, tờ khai" column (filled or not)

    @property
    def no_form(self) -> bool:
        """The documents table has a form column and it is empty in every row: the export's only way to say
        the procedure has no form (written ``forms: Không``, so ``check`` does not ask for it, E104)."""
        return self.form_column and bool(self.documents) and not any("form" in d for d in self.documents)


def _pick(row: list[str], cols: list[int]) -> list[str]:
    return [value(row[i]) if 0 <= i < len(row) else "" for i in cols]


def add_channel(row: list[str], cols: list[int], out: Collected) -> None:
    how, time, fee, description = _pick(row, cols)
    method = cells.method(how)
    if method is None:
        out.other_fields.append({"label": "Cách thức thực hiện", "text": " | ".join(c for c in row if c)})
        return
    channel: dict[str, Any] = {"method": method}
    if time:
        channel["time_limit"] = cells.time_limit(time)
    if fee:
        channel["fees"] = cells.fees(fee)
    if description:
        channel["description"] = description
    out.channels.append(channel)


def add_document(row: list[str], cols: list[int], out: Collected, case: str | None) -> str | None:
    """Add one document row; a row that only names a case ("Trường hợp (2): …") sets the case instead."""
    name, form, count = _pick(row, cols)
    out.form_column = out.form_column or cols[1] >= 0
    if _CASE_ROW.match(name) and not form and not count:
        return name.lstrip("+- ").strip()
    if not name:
        out.notes.append(make("W030", "", (0, 0), "documents"))
        return case
    originals, copies, note = cells.quantities(count)
    doc: dict[str, Any] = {"name": name, "originals": originals, "copies": copies}
    if originals is None or copies is None:
        doc = {k: v for k, v in doc.items() if v is not None}
    titles = cells.form_files(form)
    if titles:
        forms = [{"title": t} for t in titles]
        doc["form"] = forms[0] if len(forms) == 1 else forms
    doc_case = cells.document_case(name) or case
    if doc_case:
        doc["case"] = doc_case
    if note:
        doc["note"] = note
    out.documents.append(doc)
    return case


def add_legal(row: list[str], cols: list[int], out: Collected) -> None:
    number, title, date_text, issuer = _pick(row, cols)
    if not number:
        out.notes.append(make("W031", "", (0, 0), "legal_basis"))
        return
    entry: dict[str, Any] = {"number": number}
    if title:
        entry["title"] = title
    date = cells.legal_date(date_text) if date_text else None
    if date is not None:
        entry["date"] = date
    elif date_text:
        out.other_fields.append({"label": f"Ngày ban hành ({number})", "text": date_text})
    if issuer:
        entry["issuer"] = issuer
    out.legal_basis.append(entry)
