-- Purpose: problems reported on running campaigns that no superior has answered yet, across every workbook.
WITH counted AS (
  SELECT workbook_id, snapshot_id, MAX(as_of) AS as_of, MAX(snapshot_rows) AS snapshot_rows, COUNT(DISTINCT row_id) AS n
  FROM {{dataset}}.escalations
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
  e.workbook_id, e.workbook_name, e.team, e.period, e.campaign_id, e.escalation_id, e.severity, e.reported_by,
  e.reported_at, e.problem
FROM {{dataset}}.escalations e
JOIN latest l ON e.workbook_id = l.workbook_id AND e.snapshot_id = l.snapshot_id
WHERE e.state = 'open'
