// The budget-control messages: both languages for every key, the same placeholders in each, and the typed formatter.
import { describe, expect, it } from "vitest";
import { placeholdersOf } from "../../../src/domain/i18n";
import { formatSpendMessage, spendText } from "../../../src/domain/spend";
import { SPEND_MESSAGE_KEYS, SPEND_MESSAGES } from "../../../src/domain/spend/messages";

describe("spend messages", () => {
  it("have English and Chinese text for every key, with the same placeholders", () => {
    expect(SPEND_MESSAGE_KEYS.length).toBeGreaterThan(50);
    for (const key of SPEND_MESSAGE_KEYS) {
      const { en, zh } = SPEND_MESSAGES[key];
      expect(en.trim(), key).not.toBe("");
      expect(zh.trim(), key).not.toBe("");
      expect(placeholdersOf(zh), key).toEqual(placeholdersOf(en));
      expect(key.startsWith("spend."), key).toBe(true);
    }
  });

  it("fill their placeholders, leaving an unknown one visible", () => {
    expect(spendText("en", "spend.problem.duplicateId", { id: "X-1", row: 4 })).toBe(
      "the ID “X-1” is already used in row 4",
    );
    expect(spendText("zh", "spend.report.rowsExcluded", { count: 3 })).toBe(
      "有 3 行无法读取，未计入合计；详见下方列表。",
    );
    expect(formatSpendMessage("en", "spend.problem.noRate", { currency: "USD" })).toBe(
      "no rate for USD is valid on {date}; add one to the Rates tab",
    );
    expect(spendText("en", "spend.budgetStatus.ON_BUDGET")).toBe("On budget");
  });
});
