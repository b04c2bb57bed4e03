-- Purpose: KPI attainment and grades: campaigns, mean score, goals met, spend and revenue by workbook, team and grade, from each workbook's latest complete evaluation.
WITH counted AS (
  SELECT workbook_id, snapshot_id, MAX(as_of) AS as_of, MAX(snapshot_rows) AS snapshot_rows, COUNT(DISTINCT row_id) AS n
  FROM {{dataset}}.evaluation
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
  e.workbook_id,
  MAX(e.workbook_name) AS workbook_name,
  e.team,
  e.period,
  COALESCE(e.grade, '') AS grade,
  COUNT(*) AS campaigns,
  AVG(e.score) AS mean_score,
  SUM(e.goals_met) AS goals_met,
  SUM(e.goals) AS goals,
  SUM(e.spend) AS spend,
  SUM(e.revenue) AS revenue
FROM {{dataset}}.evaluation e
JOIN latest l ON e.workbook_id = l.workbook_id AND e.snapshot_id = l.snapshot_id
GROUP BY e.workbook_id, e.team, e.period, COALESCE(e.grade, '')
