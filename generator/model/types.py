"""The domain model, built from checked data. Immutable; shared by the site, posters and open data.

Store once, overlay per commune: a ``Procedure`` exists once per province; a ``Commune`` holds
only its ``Overlay`` entries (code plus the few things a commune may change). ``CommuneProcedure``
(in resolve.py) is a view joining the two without copying the procedure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter as Tally
from dataclasses import dataclass, field

from generator.schema.labels import PROCEDURE_LABELS
from generator.text.labels import METHOD_LABELS, SERVICE_LABELS, UNSTATED, duration_vi, number_vi
from generator.text.levels import commune_handles


@dataclass(frozen=True)
class TimeLimit:
    """``value`` + ``unit`` when a number is published; ``text`` verbatim otherwise (or as well)."""

    value: float | None = None
    unit: str | None = None
    text: str = ""
    note: str = ""

    @property
    def label(self) -> str:
        """The verbatim text when published ("15 Ngày làm việc", "0", "Khác", "Không quy định"), else
        "5 ngày làm việc" from value and unit. A value of 0 is shown as "0 giờ", never as blank or "Miễn"."""
        if self.text:
            return self.text
        if self.value is not None and self.unit:
            return duration_vi(self.value, self.unit)
        return ""


@dataclass(frozen=True)
class Fee:
    """One fee line. ``amount`` when there is one; ``text`` keeps formulas and references verbatim."""

    name: str
    amount: int | None = None
    currency: str = "VND"
    text: str = ""
    note: str = ""

    @property
    def amount_label(self) -> str:
        """ "8.000 đồng", "5 USD", "Miễn" for zero đồng, or the verbatim text."""
        if self.amount is None:
            return self.text
        if self.amount == 0:
            return "Miễn phí" if self.currency == "VND" else f"0 {self.currency}"
        unit = "đồng" if self.currency == "VND" else self.currency
        return f"{number_vi(self.amount)} {unit}"

    @property
    def names_itself(self) -> bool:
        """The verbatim line starts with the fee's name ("Lệ phí : 03 USD (...)", as the export writes
        it): shown alone, as published, rather than after the name and a parsed amount."""
        return bool(self.text) and self.text.startswith(self.name)

    @property
    def shown(self) -> str:
        """The amount as a short list shows it: the verbatim line when it names itself, else ``amount_label``."""
        return self.text if self.names_itself else self.amount_label


@dataclass(frozen=True)
class Channel:
    method: str
    time_limit: TimeLimit
    fees: tuple[Fee, ...] = ()
    description: str = ""  # tells apart several rows of one method (a case each), verbatim
    note: str = ""
    #: What the row's fee cell shows without fee lines: "Không" only where the record says so (the row's
    #: ``fees: Không``, or the procedure's with no row stating a fee); an empty export cell is unstated.
    no_fee_label: str = UNSTATED

    @property
    def label(self) -> str:
        return METHOD_LABELS[self.method]

    @property
    def described(self) -> str:
        """ "Trực tiếp", or "Trực tiếp (Trường hợp 1)" when the row has a description."""
        return f"{self.label} ({self.description})" if self.description else self.label


def row_labels(channels: tuple[Channel, ...]) -> tuple[str, ...]:
    """Each row's method label; several rows of one method are numbered: "Trực tiếp (1)", "Trực tiếp (2)"."""
    total = Tally(ch.method for ch in channels)
    seen: Tally[str] = Tally()
    labels = []
    for ch in channels:
        seen[ch.method] += 1
        labels.append(ch.label + (f" ({seen[ch.method]})" if total[ch.method] > 1 else ""))
    return tuple(labels)


@dataclass(frozen=True)
class Form:
    title: str  # the file name when only a file is given
    file: str = ""
    url: str = ""


@dataclass(frozen=True)
class Document:
    name: str
    originals: int
    copies: int
    forms: tuple[Form, ...] = ()  # a real row may list several form files
    case: str = ""
    note: str = ""


@dataclass(frozen=True)
class LegalDoc:
    number: str
    title: str
    date: dt.date | None = None  # the export may omit it
    issuer: str = ""


@dataclass(frozen=True)
class Decision:
    number: str
    date: dt.date | None = None  # the export gives the number only (W020)
    title: str = ""


@dataclass(frozen=True)
class Online:
    """The online service: its level and address as the province recorded them (``online``), and whether
    the published record has a "Trực tuyến" channel row (``channel``), which is an online service even
    when its level and address are not known yet (the export gives neither)."""

    service: str  # toan_trinh | mot_phan | none | unknown (no online block: W021, or W025 with a channel row)
    url: str = ""
    legacy_level: int | None = None
    channel: bool = False

    @property
    def unrated(self) -> bool:
        """An online channel row whose level nobody has recorded yet."""
        return self.service == UNKNOWN_SERVICE and self.channel

    @property
    def label(self) -> str:
        return ONLINE_UNRATED if self.unrated else SERVICE_LABELS[self.service]

    @property
    def available(self) -> bool:
        return self.service in ("toan_trinh", "mot_phan") or self.unrated

    @property
    def known(self) -> bool:
        return self.service != UNKNOWN_SERVICE


#: What a page says of an online channel row without a recorded level: exactly that.
ONLINE_UNRATED = "Có nộp trực tuyến, chưa có thông tin mức độ"
#: The national portal's procedure lookup (its detail pages are keyed by an internal number, not the code).
PORTAL_LOOKUP = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html?keyword={code}"
UNKNOWN_SERVICE = "unknown"
#: A step that carries its own number, as exports write them: "Bước 1:", "+ Bước 2.", "1.", "3)".
OWN_NUMBER = re.compile(r"^\W*(bước\s*\d+|\d+\s*[.):])", re.IGNORECASE)


@dataclass(frozen=True)
class OtherField:
    """An export label niemyet has no key for, kept verbatim (W022)."""

    label: str
    text: str


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    slug: str  # Vietnamese-aware slug of the name, for anchors and search
    sector: str
    sector_slug: str
    levels: tuple[str, ...]
    decision: Decision
    steps: tuple[str, ...]
    channels: tuple[Channel, ...]
    documents: tuple[Document, ...]
    applicants: tuple[str, ...]
    agency: str
    result: tuple[str, ...]  # () means the record says "Không"
    conditions: tuple[str, ...]
    fees: tuple[Fee, ...]
    legal_basis: tuple[LegalDoc, ...]
    online: Online
    updated: dt.date | None  # ``updated``, else the decision date; None when neither is written
    source: str  # the catalogue file it came from
    local_code: str = ""
    procedure_type: str = ""
    competent_authority: str = ""
    receiving_address: str = ""
    authorized_agency: str = ""
    coordinating_agency: str = ""
    keywords: tuple[str, ...] = ()
    description: str = ""
    other_fields: tuple[OtherField, ...] = ()
    fees_stated: bool = True  # False: no channel row and no procedure-level ``fees`` (W023), not "Không"
    other_fees_stated: bool = True  # the record has a procedure-level ``fees`` ("Phí, lệ phí khác"); never inferred

    @property
    def no_fee_label(self) -> str:
        """What a fee cell without lines shows: "Không" when the record says so, else "Chưa có thông tin"."""
        return "Không" if self.fees_stated else UNSTATED

    @property
    def steps_numbered(self) -> bool:
        """Every step opens with its own number: shown as written, not numbered a second time."""
        return bool(self.steps) and all(OWN_NUMBER.match(step) for step in self.steps)

    @property
    def forms(self) -> tuple[Form, ...]:
        return tuple(f for d in self.documents for f in d.forms)

    @property
    def agency_facts(self) -> tuple[tuple[str, str], ...]:
        """(Vietnamese label, text) of the export's agency fields beyond ``agency``, those the record gives."""
        rows = (
            ("receiving_address", self.receiving_address),
            ("competent_authority", self.competent_authority),
            ("authorized_agency", self.authorized_agency),
            ("coordinating_agency", self.coordinating_agency),
        )
        return tuple((PROCEDURE_LABELS[key], text) for key, text in rows if text)

    @property
    def level_note(self) -> str:
        """Where the level has no "Cấp Xã": which level handles it, said on the commune's page (W040/W041)."""
        if commune_handles(list(self.levels)):
            return ""
        return f"Thủ tục do {', '.join(self.levels)} thực hiện, không phải cấp xã"

    @property
    def portal_lookup(self) -> str:
        """The national portal's lookup of this procedure by its code (labelled as a lookup where shown)."""
        return PORTAL_LOOKUP.format(code=self.code)

    @property
    def url_path(self) -> str:
        """Stable site path, keyed by the national code (what posters' QR codes point at)."""
        return f"thu-tuc/{self.code}/"


@dataclass(frozen=True)
class OverlayTime:
    value: float
    unit: str
    method: str | None = None  # None: applies to every channel
    note: str = ""

    @property
    def label(self) -> str:
        return duration_vi(self.value, self.unit)


@dataclass(frozen=True)
class Overlay:
    """What one commune says about one catalogue procedure it handles."""

    code: str
    time_limit: OverlayTime | None = None
    online_url: str = ""
    note: str = ""

    @property
    def is_plain(self) -> bool:
        return self.time_limit is None and not self.online_url and not self.note


@dataclass(frozen=True)
class Counter:
    address: str
    hours: str
    phone: str
    email: str


@dataclass(frozen=True)
class Contact:
    name: str
    role: str
    phone: str = ""


@dataclass(frozen=True)
class Commune:
    slug: str
    name: str
    counter: Counter
    overlays: tuple[Overlay, ...]
    contacts: tuple[Contact, ...] = ()
    source: str = ""
    posted_on: dt.date | None = None  # when the commune last posted its sheets (optional in the file)
    unit_code: str = ""  # mã định danh of the commune's unit, as one-stop exports name it (stats import)

    @property
    def url_path(self) -> str:
        return f"xa/{self.slug}/"


@dataclass(frozen=True)
class Feedback:
    agency: str
    address: str
    phone: str
    email: str
    website: str


@dataclass(frozen=True)
class Province:
    slug: str
    name: str
    site_url: str
    national_portal: str
    province_portal: str
    feedback: Feedback
    data_version: str = ""
    late_threshold: float = 10.0  # stats report: a late rate above this percentage is flagged
    export_columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # stats import: field → own headers


@dataclass(frozen=True)
class SectorGroup:
    """A lĩnh vực and the codes in it, sorted by procedure name."""

    name: str
    slug: str
    codes: tuple[str, ...]

    @property
    def url_path(self) -> str:
        return f"linh-vuc/{self.slug}/"


@dataclass(frozen=True)
class ProvinceData:
    """Everything known about one province after checking: the input of every renderer."""

    province: Province
    procedures: dict[str, Procedure]  # by code, sorted by code
    communes: dict[str, Commune]  # by slug, sorted by slug
    sectors: dict[str, SectorGroup] = field(default_factory=dict)  # by slug, sorted by name
