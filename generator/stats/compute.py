"""The issue's definitions, as SQL over the files of one import (by calendar dates, as Biểu 06 counts them).

For a month M (``first`` to ``last``; the month of the export date ends on that date) and a commune:

* received: received in M (status not 1 or 3), split by channel (1 in person, 2 online, 3 public post);
* carried over: received before M and not resolved before M;
* resolved: status 7, 9 or 10 with its end date (NgayKetThucXuLy, else NgayTra) in M; early when the end date is
  before the date of NgayHenTra, on time when equal, late when after; a withdrawn file (7) is on time;
* pending: received by the end of M and not resolved by then; overdue when NgayHenTra is before the end of M;
* over_posted: received in M with NgayHenTra after the last date its posted limit allows (``COUNTED``).
"""

from __future__ import annotations

# The definitions above, word for word: each file is counted in every month it is relevant to (from its receipt's
# month to its end's, or the last), grouped by commune and procedure ids (integers group faster than text).
# ``AGGREGATE`` below gives the same figures with less work; the tests hold the two equal on generated exports.
REFERENCE = """
WITH x AS (
  SELECT *, unnest(range(greatest(mr, 0), least(coalesce(me, $last_index), $last_index) + 1)) AS idx FROM counted
)
SELECT x.cid, x.pid, m.idx,
  count(*) FILTER (x.rd BETWEEN m.first AND m.last) AS received,
  count(*) FILTER (x.rd BETWEEN m.first AND m.last AND x.channel = 1) AS received_in_person,
  count(*) FILTER (x.rd BETWEEN m.first AND m.last AND x.channel = 2) AS received_online,
  count(*) FILTER (x.rd BETWEEN m.first AND m.last AND x.channel = 3) AS received_post,
  count(*) FILTER (x.rd < m.first) AS carried_over,
  count(*) FILTER (x.ed BETWEEN m.first AND m.last) AS resolved,
  count(*) FILTER (x.ed BETWEEN m.first AND m.last AND x.status <> 7 AND x.ed < x.dd) AS early,
  count(*) FILTER (x.ed BETWEEN m.first AND m.last AND (x.status = 7 OR x.ed = x.dd)) AS on_time,
  count(*) FILTER (x.ed BETWEEN m.first AND m.last AND x.status <> 7 AND x.ed > x.dd) AS late,
  count(*) FILTER (x.ed BETWEEN m.first AND m.last AND x.status <> 7 AND x.ed > x.dd AND x.apology = false)
    AS late_no_apology,
  count(*) FILTER (x.rd <= m.last AND (x.ed IS NULL OR x.ed > m.last)) AS pending,
  count(*) FILTER (x.rd <= m.last AND (x.ed IS NULL OR x.ed > m.last) AND x.dd < m.last) AS pending_overdue,
  count(*) FILTER (x.rd BETWEEN m.first AND m.last AND x.over_posted) AS over_posted
FROM x JOIN months m USING (idx)
GROUP BY ALL
"""

# The same figures, cheaper: what happens in a month (received, resolved) is grouped by that month directly; only
# the figures of open files (carried over, pending, overdue) need a file in every month it stays open, and a file
# received and resolved in the same month is open in none. Month indexes stand for the dates: received before the
# first day of M is ``mr < M``, resolved after its last day ``me > M``, and the appointment is before M's last day
# from month ``mo`` on (the month of the day after it; never when that day is after the export date). Grouped by
# one integer per commune, procedure and month (``g``: one hash key instead of three), taken apart at the end.
AGGREGATE = """
WITH r AS (
  SELECT (cid::BIGINT * $procedures + pid) * $months + mr AS g, count(*) AS received,
    count(*) FILTER (channel = 1) AS received_in_person, count(*) FILTER (channel = 2) AS received_online,
    count(*) FILTER (channel = 3) AS received_post, count(*) FILTER (over_posted) AS over_posted
  FROM counted WHERE mr BETWEEN 0 AND $last_index GROUP BY ALL
), s AS (
  SELECT (cid::BIGINT * $procedures + pid) * $months + me AS g, count(*) AS resolved,
    count(*) FILTER (status <> 7 AND ed < dd) AS early, count(*) FILTER (status = 7 OR ed = dd) AS on_time,
    count(*) FILTER (status <> 7 AND ed > dd) AS late,
    count(*) FILTER (status <> 7 AND ed > dd AND apology = false) AS late_no_apology
  FROM counted WHERE me BETWEEN 0 AND $last_index GROUP BY ALL
), o AS (
  SELECT cp * $months + idx AS g, count(*) FILTER (mr < idx) AS carried_over,
    count(*) FILTER (me IS NULL OR me > idx) AS pending,
    count(*) FILTER ((me IS NULL OR me > idx) AND mo <= idx) AS pending_overdue
  FROM (
    SELECT cid::BIGINT * $procedures + pid AS cp, mr, me, mo,
      unnest(range(greatest(mr, 0), least(coalesce(me, $last_index), $last_index) + 1)) AS idx
    FROM counted WHERE me IS NULL OR me > mr
  )
  GROUP BY ALL
)
SELECT (g // ($procedures * $months))::INTEGER AS cid, (g // $months % $procedures)::INTEGER AS pid,
  (g % $months)::INTEGER AS idx, coalesce(r.received, 0) AS received,
  coalesce(r.received_in_person, 0) AS received_in_person,
  coalesce(r.received_online, 0) AS received_online, coalesce(r.received_post, 0) AS received_post,
  coalesce(o.carried_over, 0) AS carried_over, coalesce(s.resolved, 0) AS resolved, coalesce(s.early, 0) AS early,
  coalesce(s.on_time, 0) AS on_time, coalesce(s.late, 0) AS late, coalesce(s.late_no_apology, 0) AS late_no_apology,
  coalesce(o.pending, 0) AS pending, coalesce(o.pending_overdue, 0) AS pending_overdue,
  coalesce(r.over_posted, 0) AS over_posted
FROM r FULL JOIN s USING (g) FULL JOIN o USING (g)
WHERE coalesce(r.received, 0) + coalesce(o.carried_over, 0) > 0
"""

# The month files' lines, made in DuckDB (counts never need quoting), each month's joined into one text, sorted
# by commune then code through their ids (``communes`` and ``known`` number them in that order: integers sort
# faster than text).
LINES = f"""
SELECT m.month, string_agg(concat_ws(',', u.commune, k.procedure, a.received, a.received_in_person,
  a.received_online, a.received_post, a.carried_over, a.resolved, a.early, a.on_time, a.late,
  CASE WHEN $apology THEN a.late_no_apology::VARCHAR ELSE '' END, a.pending, a.pending_overdue, a.over_posted, $as_of),
  chr(10) ORDER BY a.cid, a.pid)
FROM ({AGGREGATE}) a JOIN months m USING (idx) JOIN communes u USING (cid) JOIN known k USING (pid)
GROUP BY m.month
"""

# The duration files' lines (``generator.stats.durations``): per month of the end date, commune, procedure and
# working days from receipt to end (the day of receipt not counted: working days after it up to the end date), how
# many files; resolved files only (9, 10), a withdrawn file (7) is the applicant's choice, not the handling time.
# From ``counted``, already in memory: no new scan of the exports.
DURATION_LINES = """
SELECT m.month, string_agg(concat_ws(',', u.commune, k.procedure, a.wd, a.files, $as_of), chr(10)
  ORDER BY a.cid, a.pid, a.wd)
FROM (
  SELECT (g // ($procedures * $months))::INTEGER AS cid, (g // $months % $procedures)::INTEGER AS pid,
    (g % $months)::INTEGER AS idx, wd, files
  FROM (
    SELECT (cid::BIGINT * $procedures + pid) * $months + me AS g, wd, count(*) AS files FROM counted
    WHERE me BETWEEN 0 AND $last_index AND status IN (9, 10) AND wd IS NOT NULL GROUP BY ALL
  )
) a JOIN months m USING (idx) JOIN communes u USING (cid) JOIN known k USING (pid)
GROUP BY m.month
"""

# Working minutes of a day: 07:00-11:30 and 13:30-17:00 (8 hours); a receipt after 17:00 counts from the next day.
MINUTES = """
CREATE OR REPLACE TEMP MACRO nm_minutes(t) AS
  least(greatest(hour(t) * 60 + minute(t) - 420, 0), 270) + least(greatest(hour(t) * 60 + minute(t) - 810, 0), 210);
"""

# Every received file of a matched commune and known procedure, with its dates and whether its appointment is
# longer than posted: the last date a posted limit allows from the receipt (the day of receipt not counted) is,
# for working days, the N-th working day after it; for days, receipt + N, moved to the next working day when that
# is a day off; for hours (and fractions of a working day), 8 working hours a day from the receipt's time.
COUNTED = """
CREATE TEMP TABLE counted AS
WITH e AS (
  SELECT cid, pid, channel, status, apology, received AS r, received::DATE AS rd,
    due::DATE AS dd, CASE WHEN status IN (7, 9, 10) THEN coalesce(finished, returned)::DATE END AS ed
  FROM matched WHERE status NOT IN (1, 3)
), f AS (
  SELECT * EXCLUDE (ed), CASE WHEN ed <= $as_of THEN ed END AS ed,
    date_diff('month', $first_month, rd)::INTEGER AS mr,
    CASE WHEN ed <= $as_of THEN date_diff('month', $first_month, ed)::INTEGER END AS me,
    CASE WHEN dd + 1 > $as_of THEN 100000 ELSE date_diff('month', $first_month, dd + 1)::INTEGER END AS mo
  FROM e WHERE rd <= $as_of
), l AS (
  SELECT f.*,
    CASE WHEN p.pid IS NOT NULL THEN coalesce(o1.unit, o2.unit, p.unit) END AS u,
    CASE WHEN p.pid IS NOT NULL THEN coalesce(o1.value, o2.value, p.value) END AS v
  FROM f
  LEFT JOIN proc_limits p ON p.pid = f.pid AND p.channel = f.channel
  LEFT JOIN overlay_limits o1 ON o1.cid = f.cid AND o1.pid = f.pid AND o1.channel = f.channel
  LEFT JOIN overlay_limits o2 ON o2.cid = f.cid AND o2.pid = f.pid AND o2.channel IS NULL
), h AS (
  SELECT *, CASE WHEN u = 'hour' THEN v WHEN u = 'working_day' AND v <> floor(v) THEN v * 8 END AS hours FROM l
), t AS (
  SELECT h.* EXCLUDE (u, v, hours),
    CASE
      WHEN h.u IS NULL OR h.v IS NULL THEN NULL
      WHEN h.hours IS NOT NULL THEN greatest(ceil(
        ((CASE WHEN c1.working THEN (c1.widx - 1) * 480 + nm_minutes(h.r) ELSE c1.widx * 480 END) + h.hours * 60)
        / 480), 1)
      WHEN h.u = 'working_day' THEN c1.widx + h.v
      ELSE c2.widx + 1
    END::BIGINT AS target,
    (c3.widx - c1.widx)::INTEGER AS wd
  FROM h
  LEFT JOIN cal c1 ON c1.d = h.rd
  LEFT JOIN cal c2 ON c2.d = h.rd + (ceil(coalesce(h.v, 0))::INTEGER - 1)
  LEFT JOIN cal c3 ON c3.d = h.ed
)
SELECT t.* EXCLUDE (r, target),
  coalesce(w.d IS NOT NULL AND t.dd > greatest(w.d, t.rd), false) AS over_posted
FROM t LEFT JOIN working_days w ON w.widx = t.target
"""
