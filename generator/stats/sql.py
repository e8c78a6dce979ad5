"""The SQL text niemyet runs in DuckDB: cell parsing macros and the typed table of every export's files."""

from __future__ import annotations

# Dates as yyyyMMddHHmmss (the national sync), dd/MM/yyyy[ HH:mm[:ss]] (registers), ISO 8601, or an
# Excel serial day number (a CSV saved from a spreadsheet).
MACROS = r"""
CREATE OR REPLACE TEMP MACRO nm_blank(x) AS nullif(trim(x), '');
CREATE OR REPLACE TEMP MACRO nm_ts_any(x) AS CASE
  WHEN contains(x, '/') THEN CASE length(x) - length(replace(x, ':', ''))
    WHEN 2 THEN try_strptime(x, '%d/%m/%Y %H:%M:%S')
    WHEN 1 THEN try_strptime(x, '%d/%m/%Y %H:%M')
    WHEN 0 THEN try_strptime(x, '%d/%m/%Y') END
  WHEN contains(x, '-') THEN try_cast(x AS TIMESTAMP)
  WHEN length(x) = 14 THEN try_strptime(x, '%Y%m%d%H%M%S')
  WHEN length(x) = 8 THEN try_strptime(x, '%Y%m%d')
  WHEN regexp_full_match(x, '\d{5}(\.\d+)?')
    THEN TIMESTAMP '1899-12-30' + to_microseconds((CAST(x AS DOUBLE) * 86400000000)::BIGINT)
  END;
CREATE OR REPLACE TEMP MACRO nm_ts(x) AS CASE
  WHEN length(x) = 14 THEN coalesce(try_strptime(x, '%Y%m%d%H%M%S'), nm_ts_any(trim(x)))
  ELSE nm_ts_any(trim(x)) END;
CREATE OR REPLACE TEMP MACRO nm_fold(x) AS
  regexp_replace(lower(strip_accents(replace(replace(trim(x), 'đ', 'd'), 'Đ', 'D'))), '[^a-z0-9]', '', 'g');
CREATE OR REPLACE TEMP MACRO nm_channel(x) AS CASE WHEN x IS NULL THEN NULL
  WHEN x IN ('1', '2', '3') THEN x::INTEGER ELSE CASE nm_fold(x)
  WHEN '1' THEN 1 WHEN 'tructiep' THEN 1
  WHEN '2' THEN 2 WHEN 'tructuyen' THEN 2
  WHEN '3' THEN 3 WHEN 'buuchinh' THEN 3 WHEN 'buuchinhcongich' THEN 3 WHEN 'dichvubuuchinh' THEN 3
  END END;
CREATE OR REPLACE TEMP MACRO nm_yes(x) AS CASE
  WHEN x IS NULL THEN NULL WHEN x = '1' THEN true WHEN x = '0' THEN false
  WHEN nm_fold(x) IN ('1', 'co', 'x', 'true', 'yes', 'dagui', 'daxinloi') THEN true
  WHEN nm_fold(x) IN ('0', 'khong', 'false', 'no', 'chuagui', 'chuaxinloi') THEN false
  END;
"""

STATUS_CODES = tuple(range(1, 11))
NOT_RECEIVED = (1, 3)  # registered only, not accepted: never received, carried over nor pending
RESOLVED = (7, 9, 10)  # withdrawn, processed, result returned


def typed_select(source: str, has_status: bool) -> str:
    """An export's rows (``source``: a query giving the fields of ``FIELDS`` as text, NULL for an empty cell, and
    ``row`` when the reader numbers rows itself), parsed, with whether each cell was written (validation compares
    the two: written but unreadable is an error). The file code is kept only as a 64-bit hash: enough to count a
    file once, and the codes themselves never sit in the table.

    Without a status column (a commune's register), a file with a return date is resolved (10), else received (2).
    """
    status = "TRY_CAST(status AS INTEGER)" if has_status else "CASE WHEN returned IS NULL THEN 2 ELSE 10 END"
    return f"""
SELECT * EXCLUDE (file_code, channel, status, received, due, finished, returned, apology),
  hash(file_code) AS file_key, file_code IS NULL AS no_code,
  nm_channel(channel) AS channel, channel IS NOT NULL AS has_channel,
  {status} AS status, {"status IS NULL" if has_status else "false"} AS no_status,
  nm_ts(received) AS received, received IS NOT NULL AS has_received,
  nm_ts(due) AS due, due IS NOT NULL AS has_due,
  nm_ts(finished) AS finished, finished IS NOT NULL AS has_finished,
  nm_ts(returned) AS returned, returned IS NOT NULL AS has_returned,
  nm_yes(apology) AS apology
FROM ({source})"""


SYNC_STAMP = "%Y%m%d%H%M%S"


def typed_sync_select(source: str, has_status: bool) -> str:
    """``typed_select`` for an export already typed by the CSV reader (dates read as ``yyyyMMddHHmmss``, channel
    and status as integers: the national sync's own forms, ``read.sync_typed``). A cell that is not in that form
    stops the read, and the export is read again as text; so a cell written here is a cell read."""
    status = "status" if has_status else "CASE WHEN returned IS NULL THEN 2 ELSE 10 END"
    return f"""
SELECT * EXCLUDE (file_code, channel, status, received, due, finished, returned, apology),
  hash(file_code) AS file_key, file_code IS NULL AS no_code,
  CASE WHEN channel BETWEEN 1 AND 3 THEN channel END AS channel, channel IS NOT NULL AS has_channel,
  {status} AS status, {"status IS NULL" if has_status else "false"} AS no_status,
  received, received IS NOT NULL AS has_received, due, due IS NOT NULL AS has_due,
  finished, finished IS NOT NULL AS has_finished, returned, returned IS NOT NULL AS has_returned,
  nm_yes(apology) AS apology
FROM ({source})"""
