"""The tests' shared kit, one module per topic; import as ``from tests.kit.<topic> import ...``.

* ``paths``: the checkout (``REPO``), the sample data (``SAMPLE``), the case files (``CASES``) and the
  real exports (``REAL_EXPORTS``, with the helpers that skip when they are absent);
* ``problems``: ``assert_problems`` (exact codes and positions) and ``codes``;
* ``cases``: case folders on disk laid over the base tree (the checker's tests);
* ``trees``: digests of whole folders;
* ``strategies``: Hypothesis strategies for records and a one-procedure province;
* ``git`` and ``story``: scripted git repositories with fixed dates and the sample's scripted history;
* ``planted``: a province whose oversight figures are known by construction;
* ``exports``: exports built like the national portal's (docx, PDF);
* ``posters`` and ``longrecords``: the poster tests' tools, word boxes and long records.

pytest finds this package through ``pythonpath = ["."]`` in pyproject.toml; no test touches ``sys.path``.
"""
