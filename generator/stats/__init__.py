"""Kết quả giải quyết hồ sơ (issue 21): how communes handle the files they receive, against what they post.

``niemyet stats import`` reads a one-stop system's per-file export (``read.py``: CSV and spreadsheets into DuckDB,
needed columns only; ``validate.py``: bad input, located) and writes monthly counts per commune and procedure into
the data repository (``compute.py``: the definitions as SQL; ``store.py``: the month files); ``niemyet stats
report`` reads them back (``report.py``, ``formats.py``). Personal columns are never read past the header.
"""
