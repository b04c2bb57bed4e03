// The engine's message catalogue: every key has English and Chinese text with the same placeholders, and every label the UI needs exists.

import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  CAMPAIGN_STATES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  SNAPSHOT_FIELDS,
} from "../../../src/domain/workflow";
import { formatMessage, WORKFLOW_MESSAGE_KEYS, WORKFLOW_MESSAGES } from "../../../src/domain/workflow/messages";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("workflow messages", () => {
  it.each(WORKFLOW_MESSAGE_KEYS)("%s has both texts with the same placeholders", (key) => {
    const { en, zh } = WORKFLOW_MESSAGES[key];
    expect(en.trim()).not.toBe("");
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  it("labels every state, request type, action, request status and approved field", () => {
    const needed = [
      ...CAMPAIGN_STATES.map((s) => `workflow.state.${s}`),
      ...REQUEST_TYPES.map((t) => `workflow.requestType.${t}`),
      ...ACTIONS.map((a) => `workflow.action.${a}`),
      ...REQUEST_STATUSES.map((s) => `workflow.requestStatus.${s}`),
      ...SNAPSHOT_FIELDS.map((f) => `workflow.field.${f}`),
    ];
    expect(needed.filter((k) => !(WORKFLOW_MESSAGE_KEYS as readonly string[]).includes(k))).toEqual([]);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(formatMessage("workflow.execution.task.due.afterCampaignEnd", "en", { n: 2, end: "2024-06-30" })).toBe(
      "Task 2 is due after the campaign ends (2024-06-30).",
    );
    expect(formatMessage("workflow.plan.kpi.target.missing", "zh", { n: 3 })).toBe("第 3 个目标缺少目标值。");
    expect(formatMessage("workflow.chain.edited", "en")).toBe("Row {row} of the approval log was changed by hand.");
  });
});
