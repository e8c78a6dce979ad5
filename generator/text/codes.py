"""The national procedure code's pattern, once: the spec, the checks and the importer all use it.

``CODE_RE`` is the stored form (``1.001193``); ``EXPORT_CODE_RE`` is the form the national portal's
export may write, the same code plus a local suffix (``2.000815.000.00.00.H55``), built from it.
"""

from __future__ import annotations

import re

# ASCII digits only: ``\d`` takes any Unicode digit, and ``1.６００１８０`` (full-width) or Arabic-Indic
# digits would pass, become file names and look-alike codes on the site (issue 19). Use ``fullmatch``:
# ``$`` alone also matches before a final line break.
CODE = r"[1-3]\.[0-9]{6}"  # D.NNNNNN, D being 1, 2 or 3
CODE_RE = re.compile(rf"^{CODE}$")
EXPORT_CODE_RE = re.compile(rf"^({CODE})(\.\S+)?$")  # group 1 the code, group 2 the local suffix
