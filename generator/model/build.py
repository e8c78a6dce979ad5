"""Build the typed model from checked documents. Only called when ``check`` found no errors."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath
from typing import Any

from generator.load.tree import ProvinceSource
from generator.model.types import (
    UNKNOWN_SERVICE,
    Channel,
    Commune,
    Contact,
    Counter,
    Decision,
    Document,
    Fee,
    Feedback,
    Form,
    LegalDoc,
    Online,
    OtherField,
    Overlay,
    OverlayTime,
    Procedure,
    Province,
    ProvinceData,
    SectorGroup,
    TimeLimit,
)
from generator.schema.types import is_none_word
from generator.text.decisions import decision_number
from generator.text.labels import UNSTATED
from generator.text.slug import slugify, sort_key


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _lines(value: Any) -> tuple[str, ...]:
    if value is None or is_none_word(value):
        return ()
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),)


def _fees(value: Any) -> tuple[Fee, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        Fee(
            name=f["name"],
            amount=f.get("amount"),
            currency=f.get("currency", "VND"),
            text=f.get("text", ""),
            note=f.get("note", ""),
        )
        for f in value
    )


def _channel(c: dict[str, Any], none_stated: bool) -> Channel:
    """``none_stated``: the record says ``fees: Không`` and no row states a fee, so a silent row has none."""
    stated = is_none_word(c["fees"]) if "fees" in c else none_stated
    return Channel(
        method=c["method"],
        time_limit=_time(c["time_limit"]),
        fees=_fees(c.get("fees")),
        description=c.get("description", ""),
        note=c.get("note", ""),
        no_fee_label="Không" if stated else UNSTATED,
    )


def _channels(data: dict[str, Any]) -> tuple[Channel, ...]:
    rows = data["channels"]
    none_stated = is_none_word(data.get("fees")) and not any("fees" in c for c in rows)
    return tuple(_channel(c, none_stated) for c in rows)


def _time(value: dict[str, Any]) -> TimeLimit:
    return TimeLimit(
        value=value.get("value"), unit=value.get("unit"), text=value.get("text", ""), note=value.get("note", "")
    )


def _form(f: dict[str, Any]) -> Form:
    file = f.get("file", "")
    return Form(title=f.get("title") or PurePosixPath(file).name, file=file, url=f.get("url", ""))


def _document(d: dict[str, Any]) -> Document:
    form = d.get("form")
    forms = form if isinstance(form, list) else [form] if form else []
    return Document(
        name=d["name"],
        originals=d["originals"],
        copies=d["copies"],
        case=d.get("case", ""),
        note=d.get("note", ""),
        forms=tuple(_form(f) for f in forms),
    )


def _online(data: dict[str, Any]) -> Online:
    online = data.get("online")
    channel = any(c.get("method") == "online" for c in data["channels"])
    if not online:
        return Online(service=UNKNOWN_SERVICE, channel=channel)
    url, legacy = online.get("url", ""), online.get("legacy_level")
    return Online(service=online["service"], url=url, legacy_level=legacy, channel=channel)


def _legal(x: dict[str, Any]) -> LegalDoc:
    return LegalDoc(number=x["number"], title=x["title"], date=_date(x.get("date")), issuer=x.get("issuer", ""))


DESCRIBED = (
    "procedure_type",
    "competent_authority",
    "receiving_address",
    "authorized_agency",
    "coordinating_agency",
    "description",
)


def _described(data: dict[str, Any]) -> dict[str, Any]:
    """The optional text fields of the export (Loại thủ tục, Cơ quan có thẩm quyền, ...), verbatim."""
    return {key: data.get(key, "") for key in DESCRIBED}


def procedure_from(data: dict[str, Any], source: str) -> Procedure:
    decision = data["decision"]
    decided = _date(decision.get("date"))
    return Procedure(
        code=data["code"],
        name=data["name"],
        slug=slugify(data["name"]),
        sector=data["field"],  # the YAML key stays "field" (lĩnh vực)
        sector_slug=slugify(data["field"]),
        levels=_lines(data["level"]),
        decision=Decision(number=decision_number(decision["number"]), date=decided, title=decision.get("title", "")),
        steps=_lines(data["steps"]),
        channels=_channels(data),
        documents=tuple(_document(d) for d in data["documents"]),
        applicants=_lines(data["applicants"]),
        agency=data["agency"],
        result=_lines(data["result"]),
        conditions=_lines(data["conditions"]),
        fees=_fees(data.get("fees")),
        fees_stated="fees" in data or any("fees" in c for c in data["channels"]),
        other_fees_stated="fees" in data,
        legal_basis=tuple(_legal(x) for x in data.get("legal_basis", [])),
        online=_online(data),
        updated=_date(data.get("updated")) or decided,
        source=source,
        local_code=data.get("local_code", ""),
        keywords=_lines(data.get("keywords")),
        other_fields=tuple(OtherField(label=x["label"], text=x["text"]) for x in data.get("other_fields", [])),
        **_described(data),
    )


def _overlay(entry: dict[str, Any]) -> Overlay:
    limit = entry.get("time_limit")
    return Overlay(
        code=entry["code"],
        time_limit=OverlayTime(
            value=limit["value"], unit=limit["unit"], method=limit.get("method"), note=limit.get("note", "")
        )
        if limit
        else None,
        online_url=(entry.get("online") or {}).get("url", ""),
        note=entry.get("note", ""),
    )


def commune_from(slug: str, data: dict[str, Any], source: str) -> Commune:
    c = data["counter"]
    return Commune(
        slug=slug,
        name=data["name"],
        source=source,
        counter=Counter(address=c["address"], hours=c["hours"], phone=c["phone"], email=c["email"]),
        contacts=tuple(
            Contact(name=x["name"], role=x["role"], phone=x.get("phone", "")) for x in data.get("contacts", [])
        ),
        overlays=tuple(_overlay(e) for e in data["procedures"]),
        posted_on=_date(data.get("posted_on")),
        unit_code=str(data.get("unit_code", "")),
    )


def _statistics(block: dict[str, Any]) -> dict[str, Any]:
    """``statistics`` of province.yaml: the late-rate threshold and the export's own headers per field."""
    columns = {k: (v,) if isinstance(v, str) else tuple(v) for k, v in (block.get("columns") or {}).items()}
    out: dict[str, Any] = {"export_columns": columns}
    if "late_threshold" in block:
        out["late_threshold"] = float(block["late_threshold"])
    return out


def province_from(slug: str, data: dict[str, Any]) -> Province:
    fb = data["feedback"]
    return Province(
        slug=slug,
        name=data["name"],
        site_url=data["site_url"].rstrip("/") + "/",
        national_portal=data["portals"]["national"],
        province_portal=data["portals"]["province"],
        feedback=Feedback(
            agency=fb["agency"], address=fb["address"], phone=fb["phone"], email=fb["email"], website=fb["website"]
        ),
        data_version=str(data.get("data_version", "")),
        **_statistics(data.get("statistics") or {}),
    )


def _sector_groups(procedures: dict[str, Procedure]) -> dict[str, SectorGroup]:
    by_slug: dict[str, list[Procedure]] = {}
    for proc in procedures.values():
        by_slug.setdefault(proc.sector_slug, []).append(proc)
    groups = [
        SectorGroup(
            name=procs[0].sector, slug=slug, codes=tuple(p.code for p in sorted(procs, key=lambda p: sort_key(p.name)))
        )
        for slug, procs in by_slug.items()
    ]
    return {g.slug: g for g in sorted(groups, key=lambda g: sort_key(g.name))}


def build_province(source: ProvinceSource) -> ProvinceData:
    """The model of one checked province. Assumes ``check`` reported no errors for it."""
    assert source.province is not None and isinstance(source.province.data, dict)
    procs = [procedure_from(d.data, d.path) for d in source.catalogue]
    procedures = {p.code: p for p in sorted(procs, key=lambda p: p.code)}
    communes = {slug: commune_from(slug, d.data, d.path) for slug, d in sorted(source.communes.items())}
    return ProvinceData(
        province=province_from(source.slug, source.province.data),
        procedures=procedures,
        communes=communes,
        sectors=_sector_groups(procedures),
    )
