"""Open data downloads at stable URLs under ``du-lieu-mo/``: JSON and CSV of every procedure and
commune, the commune × procedure list (long form, one row per overlay), and the JSON Schemas.

JSON mirrors the model (dates as ISO strings, sorted keys) so two builds of the same data are
byte-identical; CSV is UTF-8 with a header row and ``\\n`` line ends, one flat row per record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.model.types import Commune, Fee, Procedure, ProvinceData
from generator.output.serialise import csv_text, file_size, json_text
from generator.schema.labels import FILE_LABELS
from generator.schema.publish import schemas
from generator.text.labels import UNSTATED

FOLDER = "du-lieu-mo"


@dataclass(frozen=True)
class Download:
    """One open data file as the open data page lists it."""

    path: str  # relative to the site root
    description: str
    size: str


@dataclass(frozen=True)
class DataFile:
    """One open data file: where it goes, what it holds, its bytes."""

    path: str  # relative to the site root
    description: str
    body: bytes

    @property
    def download(self) -> Download:
        return Download(self.path, self.description, file_size(len(self.body)))


def _plain(value: Any) -> Any:
    """Like ``dataclasses.asdict`` (without its deep copies, which cost seconds at province scale)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _record(obj: Any, url: str) -> dict[str, Any]:
    data: dict[str, Any] = _plain(obj)
    data.pop("source", None)
    data["url"] = url
    return data


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _fee_line(f: Fee) -> str:
    return f.text if f.names_itself else f"{f.name} {f.amount_label}"


def _fees(p: Procedure) -> str:
    """The channels' fee lines; "Chưa có thông tin" when the record states no fee anywhere (W023)."""
    if not p.fees_stated:
        return UNSTATED
    lines = [f"{c.described}: {_fee_line(f)}" for c in p.channels for f in c.fees]
    silent = [f"{c.described}: {c.no_fee_label}" for c in p.channels if not c.fees and c.no_fee_label == UNSTATED]
    return "; ".join(lines + silent)  # a row whose cell is empty says so, never "Không"


def _procedure_row(p: Procedure, url: str) -> dict[str, str]:
    return {
        "ma": p.code,
        "ten": p.name,
        "linh_vuc": p.sector,
        "cap_thuc_hien": "; ".join(p.levels),
        "co_quan": p.agency,
        "truc_tuyen": p.online.service,
        "dia_chi_truc_tuyen": p.online.url,
        "thoi_han": "; ".join(f"{c.described}: {c.time_limit.label}" for c in p.channels),
        "phi": _fees(p),
        "so_giay_to": str(len(p.documents)),
        "quyet_dinh": p.decision.number,
        "ngay_quyet_dinh": _iso(p.decision.date),
        "cap_nhat": _iso(p.updated),
        "loai_thu_tuc": p.procedure_type,
        "co_quan_co_tham_quyen": p.competent_authority,
        "dia_chi_tiep_nhan": p.receiving_address,
        "co_quan_duoc_uy_quyen": p.authorized_agency,
        "co_quan_phoi_hop": p.coordinating_agency,
        "tu_khoa": "; ".join(p.keywords),
        "mo_ta": p.description,
        "url": url,
    }


def _commune_row(c: Commune, url: str) -> dict[str, str]:
    k = c.counter
    return {
        "ma": c.slug,
        "ten": c.name,
        "dia_chi": k.address,
        "gio_lam_viec": k.hours,
        "dien_thoai": k.phone,
        "email": k.email,
        "so_thu_tuc": str(len(c.overlays)),
        "url": url,
    }


def _pairs(data: ProvinceData) -> list[dict[str, str]]:
    rows = []
    for c in data.communes.values():
        for o in c.overlays:
            limit = o.time_limit
            rows.append(
                {
                    "xa": c.slug,
                    "ma_thu_tuc": o.code,
                    "thoi_han_tai_xa": limit.label if limit else "",
                    "cach_thuc": (limit.method or "") if limit else "",
                    "dia_chi_truc_tuyen": o.online_url,
                    "ghi_chu": o.note,
                }
            )
    return rows


def _csv(rows: list[dict[str, str]]) -> str:
    return csv_text(rows, list(rows[0])) if rows else ""


def open_data_files(data: ProvinceData) -> list[DataFile]:
    """Every download under ``du-lieu-mo/``, with its description for the open data page."""
    base = data.province.site_url.rstrip("/") + "/"
    procs, communes = data.procedures.values(), data.communes.values()
    files: list[tuple[str, str, Callable[[], str]]] = [
        (
            "thu-tuc.json",
            "Tất cả thủ tục, đầy đủ các trường (JSON)",
            lambda: json_text([_record(p, base + p.url_path) for p in procs]),
        ),
        (
            "thu-tuc.csv",
            "Tất cả thủ tục, mỗi thủ tục một dòng (CSV)",
            lambda: _csv([_procedure_row(p, base + p.url_path) for p in procs]),
        ),
        (
            "xa.json",
            "Các xã, phường, đặc khu với Bộ phận Một cửa và thủ tục tiếp nhận (JSON)",
            lambda: json_text([_record(c, base + c.url_path) for c in communes]),
        ),
        (
            "xa.csv",
            "Các xã, phường, đặc khu, mỗi đơn vị một dòng (CSV)",
            lambda: _csv([_commune_row(c, base + c.url_path) for c in communes]),
        ),
        ("xa-thu-tuc.csv", "Thủ tục từng xã tiếp nhận và điểm khác tại xã (CSV)", lambda: _csv(_pairs(data))),
    ]
    for name, doc in schemas(base).items():
        files.append(
            (
                f"schema/{name}.schema.json",
                f"Lược đồ JSON của {FILE_LABELS.get(name, name)}",
                functools.partial(json_text, doc),
            )
        )
    return data_files(files)


def data_files(files: Iterable[tuple[str, str, Callable[[], str]]]) -> list[DataFile]:
    """Each ``(name, description, make)`` as the file ``du-lieu-mo/<name>`` holding the UTF-8 of ``make()``."""
    return [DataFile(f"{FOLDER}/{name}", description, make().encode("utf-8")) for name, description, make in files]
