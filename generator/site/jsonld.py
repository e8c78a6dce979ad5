"""schema.org ``GovernmentService`` JSON-LD for a procedure page.

Channels become ``ServiceChannel`` with an ISO 8601 ``processingTime`` when the record publishes
a number (hours, or days: working days are stated as days, the exact unit stays in the name);
fees become ``Offer`` with the verbatim text as description. The JSON is made safe to embed in a
``<script>`` element: ``<``, ``>`` and ``&`` are written as ``\\u`` escapes, so no value can close
the element.
"""

from __future__ import annotations

import json
from typing import Any

from generator.model.types import Channel, Commune, Fee, Procedure, Province, TimeLimit


def _duration(limit: TimeLimit) -> str | None:
    if limit.value is None or not limit.unit:
        return None
    number = f"{limit.value:g}"
    return f"PT{number}H" if limit.unit == "hour" else f"P{number}D"


def _offer(fee: Fee) -> dict[str, Any]:
    offer: dict[str, Any] = {
        "@type": "Offer",
        "name": fee.name,
        "description": " ".join(t for t in (fee.amount_label, fee.note) if t),
    }
    if fee.amount is not None:
        offer.update(price=fee.amount, priceCurrency=fee.currency)
    return offer


def _channel(ch: Channel, proc: Procedure, page_url: str, where: list[Commune]) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "ServiceChannel", "name": f"{ch.described}: {ch.time_limit.label}"}
    duration = _duration(ch.time_limit)
    if duration:
        out["processingTime"] = duration
    if ch.method == "online" and proc.online.url:
        out["serviceUrl"] = proc.online.url
    else:
        out["serviceUrl"] = page_url
    if ch.method == "in_person" and where:  # the first offices; the page lists them all
        out["serviceLocation"] = [{"@type": "Place", "name": c.name, "address": c.counter.address} for c in where[:20]]
    return out


def government_service(proc: Procedure, where: list[Commune], province: Province, site_url: str) -> str:
    page_url = site_url.rstrip("/") + "/" + proc.url_path
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "identifier": proc.code,
        "name": proc.name,
        "url": page_url,
        "serviceType": proc.sector,
        "provider": {"@type": "GovernmentOrganization", "name": proc.agency},
        "areaServed": {"@type": "AdministrativeArea", "name": province.name},
        "audience": {"@type": "Audience", "audienceType": "; ".join(proc.applicants)},
        "availableChannel": [_channel(ch, proc, page_url, where) for ch in proc.channels],
        "offers": [_offer(f) for ch in proc.channels for f in ch.fees] + [_offer(f) for f in proc.fees],
        "inLanguage": "vi",
    }
    if proc.updated:
        doc["dateModified"] = proc.updated.isoformat()
    if proc.description:
        doc["description"] = proc.description
    if proc.result:
        doc["serviceOutput"] = {"@type": "Thing", "name": "; ".join(proc.result)}
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
