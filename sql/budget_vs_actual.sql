-- Purpose: budget against actual by workbook, team, category and month, from each workbook's latest complete snapshot.
WITH counted AS (
  SELECT workbook_id, snapshot_id, MAX(as_of) AS as_of, MAX(snapshot_rows) AS snapshot_rows, COUNT(DISTINCT row_id) AS n
  FROM {{dataset}}.budget_lines
  GROUP BY workbook_id, snapshot_id
),
latest AS (
  SELECT workbook_id, snapshot_id
  FROM (
    SELECT workbook_id, snapshot_id,
      ROW_NUMBER() OVER (PARTITION BY workbook_id ORDER BY as_of DESC, snapshot_id DESC) AS rn
    FROM counted
    WHERE n = snapshot_rows
  ) ranked
  WHERE rn = 1
)
SELECT
  b.workbook_id,
  MAX(b.workbook_name) AS workbook_name,
  b.team,
  b.period,
  b.category,
  b.month,
  b.currency,
  SUM(b.planned) AS planned,
  SUM(b.approved) AS approved,
  SUM(b.committed) AS committed,
  SUM(b.actual) AS actual,
  SUM(b.pending) AS pending,
  SUM(b.actual) - SUM(b.approved) AS variance,
  SUM(b.approved) - SUM(b.actual) - SUM(b.committed) AS remaining
FROM {{dataset}}.budget_lines b
JOIN latest l ON b.workbook_id = l.workbook_id AND b.snapshot_id = l.snapshot_id
GROUP BY b.workbook_id, b.team, b.period, b.category, b.month, b.currency
