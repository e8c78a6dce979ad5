"""The registered checks. The registry is an explicit dict: adding a check means adding a line.

SourceFile checks take one loaded file whose root is a mapping; province checks see all files of
one province. Every check yields Problem records and never raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.checks import calendar, invisible, posting, procedure, published
from generator.load import SourceFile
from generator.load.tree import ProvinceSource
from generator.problems import Problem

FileCheck = Callable[[SourceFile], Iterator[Problem]]
ProvinceCheck = Callable[[ProvinceSource], Iterator[Problem]]

PROCEDURE_CHECKS: dict[str, FileCheck] = {
    "online": procedure.check_online,
    "fee_lines": procedure.check_fee_lines,
    "time_limits": procedure.check_time_limits,
    "channels_unique": procedure.check_channels_unique,
    "forms": procedure.check_forms,
    "file_name": procedure.check_file_name,
    "invisible": invisible.check_invisible,
    "fee_block": published.check_fee_block,
    "legal_basis": published.check_legal_basis,
    "decision_date": published.check_decision_date,
    "online_known": published.check_online_known,
    "other_fields": published.check_other_fields,
    "posting_length": posting.check_posting_length,
}

#: Checks of a province's other files (beside province.yaml, the catalogue and the communes).
PROVINCE_CHECKS: dict[str, ProvinceCheck] = {
    "calendar": calendar.check_calendar,
}
