"""The typed contexts of the posting-sheet templates, built in one place.

A sheet has two layers (see build.py for why):

* ``SheetBody``: everything that comes from the province's content as one commune posts it
  (procedure, effective channels, online address, the commune's note, the feedback block). It is the
  same for every commune whose overlay changes nothing, so it is rendered once and cached by
  ``body_key``.
* ``Stamp``: what only the commune and the run know (commune name and counter, posting date, data
  version), drawn over every page of the cached bodies.

Templates only see these plain values: strings from YAML are data, never template source, and Jinja's
autoescape keeps them from becoming markup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from generator.model.dates import posting_line
from generator.model.resolve import CommuneProcedure
from generator.model.types import Channel, Commune, Document, Fee, Feedback, Procedure, Province, row_labels
from generator.text.labels import number_vi

#: Bump when the body template or its CSS changes the output, so cached bodies are not reused.
TEMPLATE_VERSION = "posters-7"  # issue 20: table rows break keeping two lines a side (rows.py)
#: Characters of "code name" repeated on continuation pages: two lines of 12 pt bold in the top band.
RUNNING_MAX = 150


def date_vi(day: dt.date | None) -> str:
    """ "01/07/2025"; "" when the record gives no date (the export often does not)."""
    return day.strftime("%d/%m/%Y") if day else ""


@dataclass(frozen=True)
class FeeLine:
    name: str
    amount: str
    text: str  # verbatim text, shown when it says more than the amount
    note: str  # exemption conditions, verbatim

    @property
    def lines(self) -> tuple[str, ...]:
        """The parts of the fee cell that start a line (rows.py counts them)."""
        return (f"{self.name}: {self.amount}", self.text, self.note)


@dataclass(frozen=True)
class ChannelRow:
    method: str
    description: str  # tells apart several rows of one method, verbatim
    time_limit: str
    time_note: str
    fees: tuple[FeeLine, ...]
    note: str
    no_fee: str = "Chưa có thông tin"  # the fee cell without lines (Channel.no_fee_label)


@dataclass(frozen=True)
class DocumentRow:
    name: str
    originals: str
    copies: str
    note: str
    form: str  # the forms' titles joined by "; ", "" when none


@dataclass(frozen=True)
class DocumentCase:
    title: str  # "" for documents that apply in every case
    rows: tuple[DocumentRow, ...]


@dataclass(frozen=True)
class FormRow:
    title: str
    where: str  # the address to download it, or the file name


@dataclass(frozen=True)
class LegalRow:
    number: str
    title: str
    date: str  # "" when not published
    issuer: str


@dataclass(frozen=True)
class QrCode:
    url: str
    caption: str


@dataclass(frozen=True)
class SheetBody:
    code: str
    name: str
    sector: str
    levels: str
    steps: tuple[str, ...]
    steps_numbered: bool  # every step opens with its own number ("Bước 1: ...")
    channels: tuple[ChannelRow, ...]
    cases: tuple[DocumentCase, ...]
    forms: tuple[FormRow, ...]
    applicants: tuple[str, ...]
    agency: str
    agencies: tuple[tuple[str, str], ...]  # (label, text) of the export's other agency fields, when given
    result: tuple[str, ...]
    conditions: tuple[str, ...]
    fees: tuple[FeeLine, ...]
    no_fee: str  # a fee cell without lines: "Không", or "Chưa có thông tin" when no fee is stated (W023)
    online_label: str
    online_url: str
    legal_basis: tuple[LegalRow, ...]
    decision: str
    local_note: str
    qr_codes: tuple[QrCode, ...]
    feedback: Feedback

    @property
    def running(self) -> str:
        """The name repeated at the top of continuation pages, cut to two lines."""
        text = f"{self.code} {self.name}"
        if len(text) > RUNNING_MAX:
            text = text[:RUNNING_MAX].rsplit(" ", 1)[0] + " …"
        return text + " (tiếp theo)"

    @property
    def body_key(self) -> str:
        """Hash of everything the body shows, plus the template version: the render cache key."""
        return hashlib.sha256(f"{TEMPLATE_VERSION}\n{self!r}".encode()).hexdigest()


@dataclass(frozen=True)
class Stamp:
    """The per-commune layer of every page."""

    commune: str
    address: str
    hours: str
    phone: str
    email: str
    posted: str
    data_version: str


def _fee(fee: Fee) -> FeeLine:
    if fee.names_itself:  # the verbatim line says it all ("Lệ phí : 03 USD (...)")
        return FeeLine(name="", amount=fee.text, text="", note=fee.note)
    text = fee.text if fee.text and fee.text != fee.amount_label else ""
    return FeeLine(name=fee.name, amount=fee.amount_label, text=text, note=fee.note)


def _channel(ch: Channel, label: str) -> ChannelRow:
    return ChannelRow(
        method=label,
        description=ch.description,
        time_limit=ch.time_limit.label,
        time_note=ch.time_limit.note,
        fees=tuple(_fee(f) for f in ch.fees),
        note=ch.note,
        no_fee=ch.no_fee_label,
    )


def _channels(channels: tuple[Channel, ...]) -> tuple[ChannelRow, ...]:
    """Rows in the record's order, several rows of one method numbered (``row_labels``)."""
    return tuple(_channel(ch, label) for ch, label in zip(channels, row_labels(channels), strict=True))


def _count(n: int) -> str:
    return number_vi(n) if n else "–"


def _cases(documents: tuple[Document, ...]) -> tuple[DocumentCase, ...]:
    order: dict[str, list[DocumentRow]] = {}
    for d in documents:
        row = DocumentRow(d.name, _count(d.originals), _count(d.copies), d.note, "; ".join(f.title for f in d.forms))
        order.setdefault(d.case, []).append(row)
    return tuple(DocumentCase(title, tuple(rows)) for title, rows in order.items())


def _forms(proc: Procedure) -> tuple[FormRow, ...]:
    return tuple(FormRow(f.title, f.url or f.file) for f in proc.forms)


def _qr_codes(province: Province, proc: Procedure, online_url: str) -> tuple[QrCode, ...]:
    codes = [QrCode(province.site_url + proc.url_path, "Xem thủ tục trên trang công khai")]
    if proc.online.available and online_url:
        codes.append(QrCode(online_url, "Nộp hồ sơ trực tuyến"))
    return tuple(codes)


def sheet_body(province: Province, cp: CommuneProcedure) -> SheetBody:
    """The body of one procedure as ``cp.commune`` posts it."""
    proc = cp.procedure
    online_url = cp.online_url if proc.online.available else ""
    decision = f"Quyết định số {proc.decision.number}"
    if proc.decision.date:
        decision += f" ngày {date_vi(proc.decision.date)}"
    return SheetBody(
        code=proc.code,
        name=proc.name,
        sector=proc.sector,
        levels=", ".join(proc.levels),
        steps=proc.steps,
        steps_numbered=proc.steps_numbered,
        channels=_channels(cp.channels),
        cases=_cases(proc.documents),
        forms=_forms(proc),
        applicants=proc.applicants,
        agency=proc.agency,
        agencies=proc.agency_facts,
        result=proc.result,
        conditions=proc.conditions,
        fees=tuple(_fee(f) for f in proc.fees),
        no_fee=proc.no_fee_label,
        online_label=proc.online.label,
        online_url=online_url,
        legal_basis=tuple(LegalRow(x.number, x.title, date_vi(x.date), x.issuer) for x in proc.legal_basis),
        decision=decision + (f" — {proc.decision.title}" if proc.decision.title else ""),
        local_note=cp.overlay.note,
        qr_codes=_qr_codes(province, proc, online_url),
        feedback=province.feedback,
    )


def stamp(province: Province, commune: Commune, posted: dt.date, given: bool = True, own: bool = True) -> Stamp:
    """The commune's layer; its date line is ``posting_line``'s (``own``: the commune's ``posted_on`` counts;
    ``posters --since`` sheets carry the day they are printed)."""
    c = commune.counter
    return Stamp(
        commune=commune.name,
        address=c.address,
        hours=c.hours,
        phone=c.phone,
        email=c.email,
        posted=posting_line(commune.posted_on if own else None, posted, given),
        data_version=province.data_version,
    )
