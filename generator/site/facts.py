"""What a procedure page shows first, and its forms listed once.

Key facts (issue 20): a citizen on a phone reads the time limit, the fees, where to file and the
online service right under the title, before steps that run to thousands of words. They are a
summary of the channel rows, which the page still gives in full further down: each distinct
time limit (or fee line) once, followed by the methods it applies to unless it applies to every
method. Several values mean the rows differ by case, and the summary links to the full rows.

Forms: a document row may name several form files and two documents may name the same files
(2.002229 does), so the page lists each form once, numbered, and the document rows refer to
those numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.model.types import Channel, Document, Fee, Form, Procedure

LONG = 160  # characters: about three lines on a phone; the CSS shows at most four


@dataclass(frozen=True)
class FactLine:
    """One value (a time limit, a fee line) and the methods it applies to; () means every method."""

    text: str
    methods: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeyFacts:
    time_limits: tuple[FactLine, ...]
    fees: tuple[FactLine, ...]  # () when no fee is stated anywhere: the page shows ``no_fee_label``

    @property
    def by_case(self) -> bool:
        """Rows differ (several time limits or several fee lines), or a line is long enough to be cut
        short on a phone (niemyet.css clamps a fact line): the summary points at the full rows."""
        lines = self.time_limits + self.fees
        return len(self.time_limits) > 1 or len(self.fees) > 1 or any(len(x.text) > LONG for x in lines)


def fee_text(fee: Fee) -> str:
    """A fee line as the summary gives it: the verbatim line when it names itself, else name and amount."""
    return fee.text if fee.names_itself else f"{fee.name}: {fee.amount_label}"


def _grouped(pairs: list[tuple[str, str]], methods: list[str]) -> tuple[FactLine, ...]:
    """(value, method label) pairs → each value once, in first-seen order, with its methods."""
    where: dict[str, tuple[str, list[str]]] = {}  # spacing-insensitive key → (first text, methods)
    for text, method in pairs:
        _, seen = where.setdefault(" ".join(text.split()), (text, []))
        if method and method not in seen:
            seen.append(method)
    return tuple(FactLine(text, () if set(m) >= set(methods) else tuple(m)) for text, m in where.values())


def _methods(channels: tuple[Channel, ...]) -> list[str]:
    return list(dict.fromkeys(ch.label for ch in channels))


def key_facts(proc: Procedure) -> KeyFacts:
    methods = _methods(proc.channels)
    limits = [(ch.time_limit.label, ch.label) for ch in proc.channels if ch.time_limit.label]
    fees = [(fee_text(f), ch.label) for ch in proc.channels for f in ch.fees]
    fees += [(fee_text(f), "") for f in proc.fees]
    return KeyFacts(_grouped(limits, methods), _grouped(fees, methods))


@dataclass(frozen=True)
class FormEntry:
    """A form as the page lists it: numbered once, with what the record says about where to get it."""

    number: int
    title: str
    file_name: str  # the file's name when the record keeps the file and it is not the title ("" otherwise)
    url: str  # the record's URL ("" when none)


@dataclass(frozen=True)
class FormList:
    entries: tuple[FormEntry, ...]
    refs: Mapping[Document, tuple[int, ...]]  # each document's forms, by their numbers in ``entries``


def form_list(proc: Procedure) -> FormList:
    """Each form once, numbered in the order the documents first name it; each document's numbers."""
    numbers: dict[Form, int] = {}
    for form in proc.forms:
        numbers.setdefault(form, len(numbers) + 1)
    entries = tuple(FormEntry(n, f.title, _file_name(f), f.url) for f, n in numbers.items())
    refs = {d: tuple(sorted({numbers[f] for f in d.forms})) for d in proc.documents}
    return FormList(entries, refs)


def _file_name(form: Form) -> str:
    name = form.file.replace("\\", "/").rsplit("/", 1)[-1]
    return "" if name == form.title else name
