// What setup decides to change in a tab: everything for a new tab, nothing on a second run, and the user's
// labels, order and extra columns left alone.
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../src/domain/catalog";
import { CAMPAIGNS_TAB } from "../../src/workbook/approvals/tabs";
import { SETTINGS_TAB } from "../../src/workbook/shared/settings";
import {
  emptyTabState,
  isEmptyPlan,
  planTab,
  runs,
  type TabPlan,
  type TabState,
  validationMatches,
  validationWanted,
} from "../../src/workbook/shared/setup-plan";
import { HEADER_BACKGROUND, label } from "../../src/workbook/shared/spec";

/** What the tab looks like after a plan was written (as the sheet would report it back). */
function applied(state: TabState, plan: TabPlan): TabState {
  const width = plan.width;
  const grow = <T>(arr: readonly T[], fill: T): T[] => [
    ...arr,
    ...new Array(Math.max(0, width - arr.length)).fill(fill),
  ];
  const header = grow(state.header, "" as unknown);
  const notes = grow(state.notes, "");
  const weights = grow(state.weights, "normal");
  const backgrounds = grow(state.backgrounds, "#ffffff");
  const validations = grow(state.validations, null as TabState["validations"][number]);
  const formats = grow(state.formats, "0.###############");
  for (const [c, v] of plan.labels) header[c - 1] = v;
  for (const [c, v] of plan.notes) notes[c - 1] = v;
  for (const [c, v] of plan.weights) weights[c - 1] = v;
  for (const [c, v] of plan.backgrounds) backgrounds[c - 1] = v;
  for (const { column, want } of plan.validations) {
    const values =
      want.type === "VALUE_IN_LIST" ? [[...want.list], true] : want.type === "DATE_IS_VALID_DATE" ? [] : [want.min];
    validations[column - 1] = { type: want.type, values, allowInvalid: want.allowInvalid, help: want.help };
  }
  for (const { column, format } of plan.formats) formats[column - 1] = format;
  return {
    header,
    width,
    metadata: [...state.metadata, ...plan.metadata.map((m) => ({ column: m.column, value: m.key }))],
    hasTabMetadata: true,
    notes,
    weights,
    backgrounds,
    validations,
    formats,
    frozenRows: plan.freeze ? 1 : state.frozenRows,
    maxColumns: state.maxColumns + plan.insertColumns,
  };
}

const en = (key: string) => label(CAMPAIGNS_TAB.columns.find((c) => c.key === key)!, "en");

describe("planTab()", () => {
  it("sets up everything in a new tab", () => {
    const plan = planTab(CAMPAIGNS_TAB, emptyTabState(26), "en");
    expect(plan.columns.map((c) => [c.spec.key, c.column])).toEqual(
      CAMPAIGNS_TAB.columns.map((c, i) => [c.key, i + 1]),
    );
    expect([...plan.labels.values()]).toEqual(CAMPAIGNS_TAB.columns.map((c) => label(c, "en")));
    expect(plan.metadata).toHaveLength(15);
    expect(plan.tabMetadata).toBe(true);
    expect(plan.notes.size).toBe(15);
    expect(plan.widths).toHaveLength(15);
    expect(plan.freeze).toBe(true);
    expect(plan.validations.map((v) => v.column)).toEqual([9, 10, 11, 12, 14]);
    expect(plan.formats.map((f) => [f.column, f.format])).toEqual([
      [1, "@"],
      [9, "yyyy-mm-dd"],
      [10, "yyyy-mm-dd"],
      [11, "#,##0.00"],
      [15, "@"],
    ]);
    expect(plan.insertColumns).toBe(0);
    expect([...plan.backgrounds.values()].every((b) => b === HEADER_BACKGROUND)).toBe(true);
  });

  it("asks for more grid columns when the sheet is too narrow", () => {
    expect(planTab(CAMPAIGNS_TAB, emptyTabState(10), "en").insertColumns).toBe(5);
  });

  it("plans nothing on a second run (idempotent)", () => {
    for (const tab of [CAMPAIGNS_TAB, SETTINGS_TAB]) {
      for (const lang of ["en", "zh"] as const) {
        const once = applied(emptyTabState(26), planTab(tab, emptyTabState(26), lang));
        const again = planTab(tab, once, lang);
        expect(isEmptyPlan(again), `${tab.key} ${lang}`).toBe(true);
      }
    }
  });

  it("keeps a label the user changed, and follows columns the user moved", () => {
    const once = applied(emptyTabState(26), planTab(CAMPAIGNS_TAB, emptyTabState(26), "en"));
    // The user swaps Name (B) and Owner (C), which moves everything of those columns, and renames Total budget.
    const swap = <T>(arr: readonly T[]): T[] => {
      const out = [...arr];
      [out[1], out[2]] = [arr[2] as T, arr[1] as T];
      return out;
    };
    const header = swap(once.header);
    header[10] = "Budget (EUR)";
    const metadata = once.metadata.map((m) =>
      m.column === 2 ? { ...m, column: 3 } : m.column === 3 ? { ...m, column: 2 } : m,
    );
    const moved: TabState = {
      ...once,
      header,
      metadata,
      notes: swap(once.notes),
      weights: swap(once.weights),
      backgrounds: swap(once.backgrounds),
      validations: swap(once.validations),
      formats: swap(once.formats),
    };
    const plan = planTab(CAMPAIGNS_TAB, moved, "en");
    expect(isEmptyPlan(plan)).toBe(true);
    expect(plan.columns.find((c) => c.spec.key === "name")?.column).toBe(3);
  });

  it("re-labels default labels in the spreadsheet's new language, but not the user's own", () => {
    const once = applied(emptyTabState(26), planTab(CAMPAIGNS_TAB, emptyTabState(26), "en"));
    const header = [...once.header];
    header[1] = "Campaign title";
    const plan = planTab(CAMPAIGNS_TAB, { ...once, header }, "zh");
    expect(plan.labels.get(1)).toBe("编号");
    expect(plan.labels.has(2)).toBe(false);
    expect(plan.labels.size).toBe(14);
    expect(plan.notes.get(2)).toBe(CATALOG.zh["col.campaigns.name.help"]);
  });

  it("finds columns by label when metadata is missing, and adds the metadata", () => {
    const header = ["编号", "活动名称", "Owner"];
    const state: TabState = { ...emptyTabState(26), header, width: 3 };
    const plan = planTab(CAMPAIGNS_TAB, state, "en");
    expect(plan.metadata.slice(0, 3)).toEqual([
      { column: 1, key: "id" },
      { column: 2, key: "name" },
      { column: 3, key: "owner" },
    ]);
    // Chinese default labels in an English workbook become English; nothing else of the user's is touched.
    expect(plan.labels.get(1)).toBe("ID");
    expect(plan.labels.has(3)).toBe(false);
  });

  it("appends missing columns after the last used column, past the user's own", () => {
    const once = applied(emptyTabState(26), planTab(CAMPAIGNS_TAB, emptyTabState(26), "en"));
    // An older workbook: no KPIs column (M) and no Status, plus a column of the user's at the end.
    const keep = once.metadata.filter((m) => m.value !== "kpis" && m.value !== "status");
    const header = [...once.header.slice(0, 12), "", "", "My notes"];
    const state: TabState = { ...once, header, width: 15, metadata: keep };
    const plan = planTab(CAMPAIGNS_TAB, state, "en");
    expect(plan.columns.filter((c) => c.isNew).map((c) => [c.spec.key, c.column])).toEqual([
      ["kpis", 16],
      ["status", 17],
    ]);
    expect(plan.labels.get(16)).toBe(en("kpis"));
    expect(plan.labels.has(15)).toBe(false);
    expect(plan.widths.map((w) => w.column)).toEqual([16, 17]);
  });

  it("repairs a validation that was removed or is out of date", () => {
    const once = applied(emptyTabState(26), planTab(CAMPAIGNS_TAB, emptyTabState(26), "en"));
    const validations = [...once.validations];
    validations[13] = null; // the status dropdown was removed by a paste
    const plan = planTab(CAMPAIGNS_TAB, { ...once, validations }, "en");
    expect(plan.validations.map((v) => v.column)).toEqual([14]);
    expect(plan.labels.size).toBe(0);
  });
});

describe("validation comparison", () => {
  const status = CAMPAIGNS_TAB.columns.find((c) => c.key === "status")!;
  const want = validationWanted(status, "en")!;

  it("matches the rule as Sheets reports it", () => {
    if (want.type !== "VALUE_IN_LIST") throw new Error("status is a list");
    expect(
      validationMatches(
        { type: "VALUE_IN_LIST", values: [[...want.list], true], allowInvalid: false, help: want.help },
        want,
      ),
    ).toBe(true);
  });

  it("sees a different list, help or strictness", () => {
    if (want.type !== "VALUE_IN_LIST") throw new Error("status is a list");
    const base = { type: "VALUE_IN_LIST", values: [[...want.list], true], allowInvalid: false, help: want.help };
    expect(validationMatches({ ...base, values: [want.list.slice(1), true] }, want)).toBe(false);
    expect(validationMatches({ ...base, allowInvalid: true }, want)).toBe(false);
    expect(validationMatches({ ...base, help: "other" }, want)).toBe(false);
    expect(validationMatches(null, want)).toBe(false);
  });
});

describe("runs()", () => {
  it("groups adjacent columns into one range each", () => {
    const changes = new Map([
      [3, "c"],
      [1, "a"],
      [2, "b"],
      [7, "g"],
    ]);
    expect(runs(changes)).toEqual([
      { column: 1, values: ["a", "b", "c"] },
      { column: 7, values: ["g"] },
    ]);
  });
});
