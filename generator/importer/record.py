"""The export's flow of blocks → one procedure record (keys of the catalogue YAML) and the rows left out.

Every label the spec names for the export has a home (``LABELS``, from ``schema/labels.py``); an
unknown label goes to ``other_fields`` verbatim (``check`` reports it, W022). "Không có thông tin"
means absent: the key is left out, never filled in (a required part is then E100).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.importer import cells
from generator.importer.blocks import Block, ImportFailure, Paragraph, Table, clean, norm
from generator.importer.tables import Collected, add_channel, add_document, add_legal, table_kind, value
from generator.problems import Problem
from generator.schema.labels import EXPORT_LABELS
from generator.text.codes import EXPORT_CODE_RE
from generator.text.decisions import decision_number

LABELS = {norm(label): key for label, key in EXPORT_LABELS}  # the export's label → the record's key
TITLE = "chi tiết thủ tục hành chính"
TEXT_KEYS: tuple[str, ...] = ("name", "level", "procedure_type", "field", "agency", "competent_authority")
TEXT_KEYS += ("receiving_address", "authorized_agency", "coordinating_agency", "description")
LIST_KEYS = ("applicants", "result", "conditions", "keywords")


@dataclass
class Parsed:
    """One export read: the record (catalogue keys) and the rows left out (problems without their file)."""

    source: str
    record: dict[str, Any]
    notes: list[Problem] = field(default_factory=list)


@dataclass
class _State:
    texts: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # key → the label as the export wrote it
    unknown: list[tuple[str, list[str]]] = field(default_factory=list)
    tables: Collected = field(default_factory=Collected)
    key: str | None = None
    label: str = "Văn bản không có nhãn"
    case: str | None = None


def _paragraph(p: Paragraph, st: _State) -> None:
    labelled = p.label()
    if labelled is not None:
        label, text = labelled
        st.key, st.label, st.case = LABELS.get(norm(label)), label, None
        if st.key:
            st.labels.setdefault(st.key, label)
            lines = st.texts.setdefault(st.key, [])
        else:
            st.unknown.append((label, []))
            lines = st.unknown[-1][1]
        if text:
            lines.append(text)
        return
    text = p.text
    if not text or (norm(text) == TITLE and st.key is None):
        return
    if st.key == "documents" and p.bold:
        st.case = None if norm(text) == "bao gồm" else text
    elif st.key is not None:
        st.texts[st.key].append(text)
    elif st.unknown:
        st.unknown[-1][1].append(text)
    else:  # text before any label: kept and reported, never dropped
        st.unknown.append((st.label, [text]))


def _table(t: Table, st: _State) -> None:
    """Rows after the header row become records; rows above it (a PDF's "Bao gồm") are headings."""
    head = next(((i, kind) for i, row in enumerate(t.rows) if (kind := table_kind(row))), None)
    if head is None:
        text = "\n".join(" | ".join(c for c in r if c) for r in t.rows if any(r))
        if text:
            st.tables.other_fields.append({"label": st.label, "text": text})
        return
    index, (name, cols) = head
    for row in t.rows[:index]:
        if any(row):
            _paragraph(Paragraph([(" ".join(c for c in row if c), True)]), st)
    for row in t.rows[index + 1 :]:
        if not any(c.strip() for c in row):
            continue
        if name == "channels":
            add_channel(row, cols, st.tables)
        elif name == "documents":
            st.case = add_document(row, cols, st.tables, st.case)
        else:
            add_legal(row, cols, st.tables)


def _text(lines: list[str]) -> str | None:
    text = clean("\n".join(value(x) for x in lines))
    return text or None


def _fields(st: _State, record: dict[str, Any]) -> None:
    for key in TEXT_KEYS:
        text = _text(st.texts.get(key, []))
        if text:
            record[key] = text
    for key in LIST_KEYS:
        items = [value(x) for x in st.texts.get(key, []) if value(x)]
        if items:
            record[key] = items[0] if len(items) == 1 else items
    steps = [s for x in st.texts.get("steps", []) if value(x) for s in cells.split_steps(value(x))]
    if steps:
        record["steps"] = steps
    number = _text(st.texts.get("decision", []))
    if number:
        record["decision"] = {"number": decision_number(number)}


def _code(st: _State, source: str, record: dict[str, Any]) -> None:
    text = _text(st.texts.get("code", []))
    if not text:
        raise ImportFailure(source, "không có «Mã thủ tục»; tệp không nhập được (cần tệp xuất đầy đủ từ Cổng)")
    match = EXPORT_CODE_RE.fullmatch(text)
    if not match:
        raise ImportFailure(source, f"«Mã thủ tục» không đúng dạng D.NNNNNN (ví dụ 1.001193): «{text[:40]}»")
    record["code"] = match.group(1)
    if match.group(2):
        record["local_code"] = text


def build_record(blocks: list[Block], source: str) -> Parsed:
    """Read the labelled fields and tables; ImportFailure when the file is not a procedure export."""
    st = _State()
    for block in blocks:
        if isinstance(block, Table):
            _table(block, st)
        else:
            _paragraph(block, st)
    known = sum(1 for k in st.texts if k != "code")
    if "code" not in st.texts and known < 3:
        raise ImportFailure(source, "không phải tệp xuất thủ tục hành chính (không thấy các mục «Mã thủ tục», …)")
    record: dict[str, Any] = {}
    _code(st, source, record)
    _fields(st, record)
    t = st.tables
    for key in ("channels", "documents", "legal_basis"):
        if getattr(t, key):
            record[key] = getattr(t, key)
    loose = [(st.labels[k], st.texts[k]) for k in ("channels", "documents", "legal_basis") if st.texts.get(k)]
    other = [{"label": label, "text": _text(lines) or ""} for label, lines in st.unknown + loose] + t.other_fields
    other = [o for o in other if o["text"]]
    if other:
        record["other_fields"] = other
    if t.no_form:
        record["forms"] = "Không"
    return Parsed(source, record, list(t.notes))
