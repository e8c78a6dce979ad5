"""Generate a province file and commune files; a share of communes carry lawful overlays."""

from __future__ import annotations

import random
from typing import Any

import generator.synth.vocab as vocab
from generator.text.slug import slugify

OVERLAY_SHARE = 0.3
HOURS = {"hour": 1, "working_day": 8, "day": 24}


def province(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "site_url": "https://thutuc.tinhgia.example.vn/",
        "portals": {"national": "https://dichvucong.gov.vn/", "province": "https://dichvucong.tinhgia.example.vn/"},
        "feedback": {
            "agency": f"Văn phòng Ủy ban nhân dân {name.lower()} (Phòng Kiểm soát thủ tục hành chính)",
            "address": f"Số 1 đường Trần Phú, phường Trung Tâm, {name.lower()}",
            "phone": "0200 3000 000",
            "email": "kstthc@tinhgia.example.vn",
            "website": "https://tinhgia.example.vn/",
        },
        "data_version": "synth",
    }


def commune_names(count: int) -> list[tuple[str, str]]:
    """(slug, name) pairs: ``("xa-an-binh-1", "Xã An Bình 1")``; unique by their number."""
    pairs = []
    for i in range(count):
        kind = ("Xã", "Phường", "Đặc khu")[0 if i % 5 else 1] if i % 97 else "Đặc khu"
        name = f"{kind} {vocab.PLACES[i % len(vocab.PLACES)]} {i + 1}"
        pairs.append((slugify(name), name))
    return pairs


def _shorter(rng: random.Random, proc: dict[str, Any]) -> dict[str, Any] | None:
    timed = [c for c in proc["channels"] if "value" in c["time_limit"]]
    if not timed:
        return None
    channel = rng.choice(timed)
    rows = [c for c in proc["channels"] if c["method"] == channel["method"]]
    if len(rows) > 1:  # shorter than every row of the method (overlay rule E151/E153)
        return _shorter_than_all(rows, channel["method"])
    limit = channel["time_limit"]
    if limit["value"] > 1 and rng.random() < 0.6:
        return {"value": limit["value"] - 1, "unit": limit["unit"], "method": channel["method"]}
    hours = limit["value"] * HOURS[limit["unit"]]
    if hours < 2:
        return None
    return {"value": max(1, hours // 2), "unit": "hour", "method": channel["method"], "note": "Xã cam kết rút ngắn."}


def _shorter_than_all(rows: list[dict[str, Any]], method: str) -> dict[str, Any] | None:
    if not all("value" in c["time_limit"] for c in rows):
        return None
    hours = min(c["time_limit"]["value"] * HOURS[c["time_limit"]["unit"]] for c in rows)
    if hours < 2:
        return None
    return {"value": hours // 2, "unit": "hour", "method": method, "note": "Xã cam kết rút ngắn mọi trường hợp."}


def _overlay(rng: random.Random, slug: str, proc: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {"code": proc["code"]}
    roll = rng.random()
    if roll < 0.4:
        shorter = _shorter(rng, proc)
        if shorter:
            entry["time_limit"] = shorter
    elif roll < 0.7:
        entry["online"] = {"url": f"https://dichvucong.tinhgia.example.vn/{slug}/{proc['code']}"}
    else:
        entry["note"] = "Xã tiếp nhận hồ sơ cả sáng Thứ Bảy; liên hệ trước qua điện thoại."
    return entry


def commune(rng: random.Random, slug: str, name: str, procs: list[dict[str, Any]]) -> dict[str, Any]:
    listed = procs if rng.random() < 0.7 else [p for p in procs if rng.random() < 0.9]
    with_overlays = rng.random() < OVERLAY_SHARE
    entries = [_overlay(rng, slug, p) if with_overlays and rng.random() < 0.2 else {"code": p["code"]} for p in listed]
    return {
        "name": name,
        "counter": {
            "address": f"Trụ sở Ủy ban nhân dân {name.lower()}",
            "hours": "Thứ Hai đến Thứ Sáu: sáng 7:00-11:30, chiều 13:30-17:00",
            "phone": f"0200 3{rng.randint(100, 999)} {rng.randint(100, 999)}",
            "email": f"motcua.{slug.replace('-', '')}@tinhgia.example.vn",
        },
        "procedures": entries,
    }
