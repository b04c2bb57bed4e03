// The evaluation message catalog: both languages for every key with the same placeholders, a label for every choice, and alerts that render completely.

import { describe, expect, it } from "vitest";
import {
  ALERT_KINDS,
  DEFAULT_EVALUATION_SETTINGS,
  evaluationText,
  formatEvaluationMessage,
  KPI_DIRECTIONS,
  monitor,
  SEVERITIES,
  TASK_STATUSES,
  TIERS,
} from "../../../src/domain/evaluation";
import { EVALUATION_MESSAGE_KEYS, EVALUATION_MESSAGES } from "../../../src/domain/evaluation/messages";
import { placeholdersOf } from "../../../src/domain/i18n";

const placeholders = (text: string) => placeholdersOf(text);

describe("evaluation messages", () => {
  it.each(EVALUATION_MESSAGE_KEYS)("%s has both texts with the same placeholders", (key) => {
    const { en, zh } = EVALUATION_MESSAGES[key];
    expect(en.trim()).not.toBe("");
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  it("labels every direction, task status, severity, alert kind and tier", () => {
    const needed = [
      ...KPI_DIRECTIONS.map((d) => `evaluation.direction.${d}`),
      ...TASK_STATUSES.map((s) => `evaluation.taskStatus.${s}`),
      ...SEVERITIES.map((s) => `evaluation.severity.${s}`),
      ...ALERT_KINDS.map((k) => `evaluation.alertKind.${k}`),
      ...ALERT_KINDS.map((k) => `evaluation.alert.${k}`),
      ...TIERS.map((t) => `evaluation.tier.${t}`),
    ];
    expect(needed.filter((k) => !(EVALUATION_MESSAGE_KEYS as readonly string[]).includes(k))).toEqual([]);
  });

  it("fills placeholders and leaves an unknown one visible", () => {
    expect(evaluationText("zh", "evaluation.digest.subject", { count: 3 })).toBe("推广活动管控：3 条新提醒");
    expect(formatEvaluationMessage("evaluation.digest.subject", "en", {})).toBe(
      "Campaign Control: {count|# new alert|# new alerts}",
    );
    expect(formatEvaluationMessage("evaluation.digest.subject", "en", { count: 1 })).toBe(
      "Campaign Control: 1 new alert",
    );
    expect(formatEvaluationMessage("evaluation.digest.subject", "en", { count: 1200 })).toBe(
      "Campaign Control: 1,200 new alerts",
    );
  });

  it("renders every alert the monitor makes with no placeholder left, in both languages", () => {
    const alerts = monitor({
      now: "2026-03-15T09:00:00+08:00",
      campaigns: [{ id: "C-1", start: "2026-03-01", end: "2026-03-30", state: "InProgress" }],
      tasks: [
        {
          campaign: "C-1",
          step: "S",
          owner: "",
          start: null,
          due: "2026-03-01",
          deliverable: "",
          status: "todo",
          completed: null,
        },
      ],
      kpis: [
        {
          campaign: "C-1",
          indicator: "Leads",
          unit: "",
          direction: "higher",
          target: 100,
          actual: 1,
          weight: 1,
          source: "",
          updated: "2026-03-10",
        },
      ],
      readings: [],
      budgets: new Map([["C-1", { approved: 1, actual: 2, committed: 0 }]]),
      requests: [{ id: "R", campaign: "C-1", type: "plan", submittedAt: "2026-03-01", approvers: ["a@x.com"] }],
      settings: { ...DEFAULT_EVALUATION_SETTINGS, managers: ["m@x.com"] },
    });
    expect(new Set(alerts.map((a) => a.kind))).toEqual(new Set(ALERT_KINDS));
    for (const alert of alerts) {
      for (const lang of ["en", "zh"] as const) {
        expect(formatEvaluationMessage(alert.messageKey, lang, alert.params)).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
