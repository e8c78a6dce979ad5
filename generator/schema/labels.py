"""The Vietnamese names of the data's keys, derived once from the spec (``definitions.py``).

Change lines, the site, the posters, the open data page and the importer look names up here; none
keeps a table of its own. ``*_LABELS`` are headings ("Cơ quan giải quyết"); ``LEGAL_DOC_LABELS``
are the lower-case names a sentence uses ("sửa trích yếu").
"""

from __future__ import annotations

from generator.schema.definitions import COUNTER, FEEDBACK, LEGAL_DOC, PROCEDURE, SPEC_FILES
from generator.schema.mapping import Mapping


def headings(spec: Mapping) -> dict[str, str]:
    """Key → the name as a heading, in the spec's order."""
    return {key: fld.title for key, fld in spec.fields.items()}


PROCEDURE_LABELS = headings(PROCEDURE)
FEEDBACK_LABELS = headings(FEEDBACK)
COUNTER_LABELS = headings(COUNTER)
LEGAL_DOC_LABELS = {key: fld.label for key, fld in LEGAL_DOC.fields.items()}
FILE_LABELS = SPEC_FILES
# (label as the national portal's export writes it, key), in the spec's order
EXPORT_LABELS = tuple((label, key) for key, fld in PROCEDURE.fields.items() for label in fld.export)
