-- Purpose: how long each approval level takes: hours from the event before a decision (the submission, or the level below) to the decision, by request type and level.
WITH steps AS (
  SELECT
    workbook_id, team, period, request_id, request_type, action, level, at_ms,
    LAG(at_ms) OVER (PARTITION BY workbook_id, request_id ORDER BY seq) AS previous_ms
  FROM {{dataset}}.approval_events
  WHERE request_id <> ''
)
SELECT
  team,
  period,
  request_type,
  level,
  COUNT(*) AS decisions,
  SUM(CASE WHEN action = 'approve' THEN 1 ELSE 0 END) AS approved,
  SUM(CASE WHEN action = 'reject' THEN 1 ELSE 0 END) AS rejected,
  SUM(CASE WHEN action = 'request_changes' THEN 1 ELSE 0 END) AS changes_requested,
  AVG((at_ms - previous_ms) / 3600000.0) AS mean_hours,
  MAX((at_ms - previous_ms) / 3600000.0) AS longest_hours
FROM steps
WHERE action IN ('approve', 'reject', 'request_changes') AND previous_ms IS NOT NULL
GROUP BY team, period, request_type, level
