"""Checks of what real published records lack or hold beyond the model (issue 8).

A record imported from the national portal's export has no decision date and no online level,
and may keep export labels niemyet has no key for: these are warnings, so someone looks, while
the record still passes. Fees may be published per channel only, or not at all (a warning too).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.procedure import dict_items
from generator.load import SourceFile
from generator.problems import Problem
from generator.schema.types import Context
from generator.text.decisions import decision_number


def _bare(number: object) -> object:
    return decision_number(number) if isinstance(number, str) else number


def check_decision_date(doc: SourceFile) -> Iterator[Problem]:
    """The decision should carry its date.

    Passes: ``decision: {number: 100/QĐ-UBND, date: 2025-07-01}``
    Fails:  ``decision: {number: QĐ/0001-BCA}`` (W020, a warning)
    """
    decision = doc.data.get("decision")
    if isinstance(decision, dict) and "number" in decision and "date" not in decision:
        yield Context(doc).problem("W020", ("decision",), key_pos=True, number=_bare(decision["number"]))


def check_online_known(doc: SourceFile) -> Iterator[Problem]:
    """The province states the online service level, and the address of a published online channel.

    Passes: ``online: {service: none}``; ``online: {service: mot_phan, url: https://...}``
    Fails:  no ``online`` key (W021, a warning; the site shows "Chưa có thông tin"); a "Trực tuyến"
            channel row and no ``online.url`` (W025: the page says the address is unknown and links
            the national portal's lookup)
    """
    if "online" in doc.data:
        return  # a level without its address is E117 (check_online)
    online_row = any(c.get("method") == "online" for _, c in dict_items(doc.data.get("channels")))
    yield Context(doc).problem("W025" if online_row else "W021", ())


def check_other_fields(doc: SourceFile) -> Iterator[Problem]:
    """Every ``other_fields`` entry is looked at by someone.

    Passes: no ``other_fields`` key.
    Fails:  ``other_fields: [{label: Số bộ hồ sơ, text: "01 bộ"}]`` (W022 per entry, a warning)
    """
    ctx = Context(doc)
    for i, entry in dict_items(doc.data.get("other_fields")):
        yield ctx.problem("W022", ("other_fields", i), label=entry.get("label", ""))


def check_fee_block(doc: SourceFile) -> Iterator[Problem]:
    """Fees are stated somewhere: a channel row's ``fees`` or the procedure-level ``fees``.

    A warning, not an error (unlike the other conditional parts, E104): fees are a part the posting
    carries "when the procedure has them" (NĐ 63/2010), the national database itself publishes
    records with every "Phí, lệ phí" cell empty, and refusing the whole posting over it is worse
    than posting it marked for review. The site, posters and open data then say "Chưa có thông
    tin", never "Không" or "Miễn phí". ``--strict`` still fails on it.

    Passes: ``fees: Không``; or no ``fees`` key and a channel row with ``fees: [{name: Phí, amount: 0}]``
    Fails:  no ``fees`` key and no channel row with ``fees`` (W023, a warning)
    """
    if "fees" in doc.data or not isinstance(doc.data.get("channels"), list):
        return
    if not any("fees" in channel for _, channel in dict_items(doc.data["channels"])):
        yield Context(doc).problem("W023", ())


def check_legal_basis(doc: SourceFile) -> Iterator[Problem]:
    """The legal basis is stated (Điều 15); an export without its table gives a warning, not an error.

    Passes: ``legal_basis: [{number: 60/2014/QH13, title: Luật Hộ tịch}]``
    Fails:  no ``legal_basis`` key (W024, a warning)
    """
    if "legal_basis" not in doc.data:
        yield Context(doc).problem("W024", ())
