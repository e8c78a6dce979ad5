"""The house-style writer: whatever the export's text is, YAML reads exactly that text back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.yamlout import dump

TRAPS = ["yes", "No", "~", "null", "1.000890", "5.000", "2025-07-01", "- a", "? b", ": c", "a: b", "a #b", "#c"]
TRAPS += ["a\n", "\n", "\na", "a\n\n", "\n\n p"]
TRAPS += ["'q'", '"d"', "@e", "`f`", "|g", ">h", "%i", "!j", "&k", "*l", "[m]", "{n}", "o:", " p", "q ", "0x1F"]
text = st.one_of(st.sampled_from(TRAPS), st.text(st.characters(exclude_categories=("Cs",)), min_size=1))


@settings(max_examples=1000, deadline=None)
@given(name=text, lines=st.lists(text, min_size=1, max_size=4), note=text)
def test_any_text_round_trips(name: str, lines: list[str], note: str) -> None:
    record: dict[str, Any] = {
        "code": "1.000890",
        "name": name,
        "steps": [*lines, "\n".join(lines)],
        "channels": [{"method": "in_person", "time_limit": {"value": 0.5, "unit": "hour", "text": note}}],
        "legal_basis": [{"number": note, "title": "\n".join([name, note]), "date": dt.date(2014, 11, 20)}],
    }
    assert yaml.load(dump(record), Loader=yaml.CSafeLoader) == record
