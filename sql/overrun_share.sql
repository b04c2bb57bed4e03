-- Purpose: how often spending goes over: the share of campaigns with an approved budget that are over it, and the share of recorded expenses that needed overrun approval, by workbook.
WITH counted AS (
  SELECT workbook_id, snapshot_id, MAX(as_of) AS as_of, MAX(snapshot_rows) AS snapshot_rows, COUNT(DISTINCT row_id) AS n
  FROM {{dataset}}.approved_budgets
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
),
budgets AS (
  SELECT a.workbook_id, MAX(a.team) AS team, MAX(a.period) AS period,
    SUM(CASE WHEN a.status <> 'NOT_APPROVED' THEN 1 ELSE 0 END) AS campaigns,
    SUM(CASE WHEN a.status = 'OVER' THEN 1 ELSE 0 END) AS over_budget
  FROM {{dataset}}.approved_budgets a
  JOIN latest l ON a.workbook_id = l.workbook_id AND a.snapshot_id = l.snapshot_id
  GROUP BY a.workbook_id
),
expenses AS (
  SELECT workbook_id,
    SUM(CASE WHEN action = 'record' THEN 1 ELSE 0 END) AS recorded,
    SUM(CASE WHEN action = 'record' AND status = 'pending_overrun' THEN 1 ELSE 0 END) AS needed_overrun
  FROM {{dataset}}.expense_events
  GROUP BY workbook_id
)
SELECT
  b.workbook_id, b.team, b.period, b.campaigns, b.over_budget,
  b.over_budget * 1.0 / NULLIF(b.campaigns, 0) AS over_budget_share,
  COALESCE(e.recorded, 0) AS expenses_recorded,
  COALESCE(e.needed_overrun, 0) AS expenses_needing_overrun,
  e.needed_overrun * 1.0 / NULLIF(e.recorded, 0) AS overrun_share
FROM budgets b
LEFT JOIN expenses e ON e.workbook_id = b.workbook_id
