"""Generate one catalogue procedure as plain data, varied the way real exported records vary."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import generator.synth.vocab as vocab

DECISION_DATE = dt.date(2025, 7, 1)
SEVERAL_ROWS_SHARE = 0.15  # procedures with two in-person rows (a case each)
CHANNEL_FEES_ONLY_SHARE = 0.3  # procedures without the procedure-level fee block
PORTAL = "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc="


def codes(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct national codes ``D.NNNNNN``, sorted."""
    numbers = rng.sample(range(1, 3 * 1_000_000), count)
    return sorted(f"{n // 1_000_000 + 1}.{n % 1_000_000:06d}" for n in numbers)


def _name(rng: random.Random) -> str:
    name = f"{rng.choice(vocab.VERBS)} {rng.choice(vocab.OBJECTS)}"
    return f"{name} {rng.choice(vocab.CONDITIONS)}" if rng.random() < 0.35 else name


def _time_limit(rng: random.Random) -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.05:  # "0 Giờ" / "0": nothing to return, or done at once (as real exports say)
        return rng.choice(({"value": 0, "unit": "hour", "text": "0 Giờ"}, {"text": "0"}))
    if roll < 0.15:
        return {"text": rng.choice(vocab.TEXT_TIMES)}
    if roll < 0.35:
        return {"value": rng.choice((2, 4, 8, 24, 48)), "unit": "hour"}
    if roll < 0.7:
        return {"value": rng.randint(1, 20), "unit": "working_day"}
    return {"value": rng.randint(1, 30), "unit": "day"}


def _fee(rng: random.Random) -> dict[str, Any]:
    roll = rng.random()
    name = rng.choice(("Phí", "Lệ phí"))
    if roll < 0.5:
        return {"name": name, "amount": 0}
    if roll < 0.8:
        amount = rng.choice((5_000, 8_000, 10_000, 20_000, 50_000, 100_000))
        return {"name": name, "amount": amount, "text": f"{name} : {amount:,} Đồng".replace(",", ".")}
    if roll < 0.9:
        return {"name": "Lệ phí", "amount": 5, "currency": "USD", "text": "Lệ phí : 5 USD"}
    return {"name": name, "text": rng.choice(vocab.TEXT_FEES)}


def _channels(rng: random.Random) -> list[dict[str, Any]]:
    methods = ["in_person"] + [m for m, share in (("online", 0.5), ("post", 0.4)) if rng.random() < share]
    rows = [{"method": m, "time_limit": _time_limit(rng), "fees": [_fee(rng)]} for m in methods]
    if rng.random() < SEVERAL_ROWS_SHARE:  # one method in several rows, a case each, as exports have it
        cases = rng.sample(vocab.ROW_CASES, 2)
        rows[0]["description"] = cases[0]
        rows.insert(1, {"method": "in_person", "time_limit": _time_limit(rng), "description": cases[1]})
        rows[1]["fees"] = [_fee(rng)]
    return rows


def _document_count(rng: random.Random) -> int:
    return min(25, 1 + int(rng.expovariate(1 / 3)))


def _documents(rng: random.Random) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    count = _document_count(rng)
    names = rng.sample(vocab.DOCUMENTS, min(count, len(vocab.DOCUMENTS)))
    for i in range(count):
        name = names[i % len(names)]
        if i >= len(names):
            name = f"{name} của người thứ {i // len(names) + 1} (trường hợp nhiều người cùng yêu cầu)"
        if rng.random() < 0.4:
            name = f"{name}; {rng.choice(vocab.DOCUMENT_CONDITIONS)}"
        if rng.random() < 0.1:
            name = f"- {name}"  # as in exported records
        originals = rng.choice((0, 1, 1, 1, 2))
        docs.append({"name": name, "originals": originals, "copies": 1 - min(originals, 1)})
    return docs


def _online(rng: random.Random, code: str) -> dict[str, Any]:
    service = rng.choice(("toan_trinh", "mot_phan", "none"))
    if service == "none":
        return {"service": "none"}
    return {"service": service, "url": PORTAL + code, "legacy_level": 4 if service == "toan_trinh" else 3}


def procedure(rng: random.Random, code: str) -> dict[str, Any]:
    documents = _documents(rng)
    has_form = rng.random() < 0.6
    if has_form:
        documents[0]["form"] = {"title": "Tờ khai (mẫu ban hành kèm theo quyết định công bố)", "url": PORTAL + code}
    data: dict[str, Any] = {
        "code": code,
        "name": _name(rng),
        "field": rng.choice(vocab.FIELDS),
        "level": "Cấp Xã" if rng.random() < 0.8 else ["Cấp Tỉnh", "Cấp Xã"],
        "decision": {"number": f"{rng.randint(100, 3000)}/QĐ-UBND", "date": DECISION_DATE},
        "steps": rng.sample(vocab.STEPS, rng.randint(2, len(vocab.STEPS))),
        "channels": _channels(rng),
        "documents": documents,
        **({} if has_form else {"forms": "Không"}),
        "applicants": rng.choice(vocab.APPLICANTS),
        "agency": rng.choice(vocab.AGENCIES),
        "result": "Quyết định hoặc giấy xác nhận của Ủy ban nhân dân cấp xã",
        "conditions": "Không" if rng.random() < 0.5 else rng.sample(vocab.REQUIREMENTS, rng.randint(1, 3)),
        **({} if rng.random() < CHANNEL_FEES_ONLY_SHARE else {"fees": "Không"}),
        "legal_basis": [
            {"number": n, "title": t, "date": dt.date.fromisoformat(d)} for n, t, d in rng.sample(vocab.LAWS, 2)
        ],
        "online": _online(rng, code),
    }
    return data
