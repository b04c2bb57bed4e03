// The pure pieces around the workflow engine: goals read from a KPIs cell, amounts in minor units, the draft
// form's checks, roles (checked, projected to Settings, who decides), and the digests onEdit compares.
import { describe, expect, it } from "vitest";
import { checkDraft, type DraftForm, nextCampaignId } from "../../src/domain/draft";
import { goalText, parseGoals } from "../../src/domain/goals";
import { fieldDigest, guardEntry, shortHash } from "../../src/domain/guard";
import { formatAmount, fromMinorUnits, minorDigits, toMinorUnits } from "../../src/domain/money";
import { mayAnswer } from "../../src/domain/records";
import {
  checkRoles,
  isAdmin,
  isApprover,
  parseRoles,
  type Roles,
  recipientsOf,
  rightsProjection,
  rolesText,
} from "../../src/domain/roles";
import { checkPlan, planSnapshot } from "../../src/domain/workflow";

describe("goals from the KPIs cell", () => {
  it("reads indicator, target, unit and direction from common ways of writing them", () => {
    expect(parseGoals("Pre-orders 2,000; leads 15,000; CPL <= 8")).toEqual([
      { indicator: "Pre-orders", target: "2000", unit: "", direction: "" },
      { indicator: "leads", target: "15000", unit: "", direction: "" },
      { indicator: "CPL", target: "8", unit: "", direction: "lower" },
    ]);
    expect(parseGoals("500 leads, 2% conversion")).toEqual([
      { indicator: "leads", target: "500", unit: "", direction: "" },
      { indicator: "conversion", target: "2", unit: "%", direction: "" },
    ]);
    expect(parseGoals("Sales 3.5 M\nAided awareness >= 38 %")).toEqual([
      { indicator: "Sales", target: "3.5", unit: "M", direction: "" },
      { indicator: "Aided awareness", target: "38", unit: "%", direction: "higher" },
    ]);
    expect(parseGoals("销售线索 500 条；获客成本不超过 40 元")).toEqual([
      { indicator: "销售线索", target: "500", unit: "条", direction: "" },
      { indicator: "获客成本", target: "40", unit: "元", direction: "lower" },
    ]);
    expect(parseGoals("Q2 sales 100")[0]).toMatchObject({ indicator: "Q2 sales", target: "100" });
    expect(parseGoals("Cost per lead at most 40 CNY")[0]).toEqual({
      indicator: "Cost per lead",
      target: "40",
      unit: "CNY",
      direction: "lower",
    });
  });

  it("keeps a goal without a number, so the check names it", () => {
    const goals = parseGoals("Leads 500; Brand love");
    expect(goals[1]).toEqual({ indicator: "Brand love", target: "", unit: "", direction: "" });
    const plan = checkPlan({
      name: "x",
      owner: "a@example.com",
      objective: "o",
      audience: "a",
      channels: "Email",
      content: "c",
      start: "2026-01-01",
      end: "2026-01-31",
      budget: 100,
      currency: "EUR",
      kpis: goals,
    });
    expect(plan.ok ? [] : plan.error.map((i) => i.field)).toEqual(["kpis.1.target"]);
    expect(parseGoals("")).toEqual([]);
    expect(parseGoals(null)).toEqual([]);
  });

  it("writes a goal back as one line", () => {
    expect(goalText({ indicator: "CPL", target: 8, unit: "CNY", direction: "lower" })).toBe("CPL ≤ 8 CNY");
    expect(goalText({ indicator: "Conversion", target: 2, unit: "%", direction: "higher" })).toBe("Conversion: 2%");
  });
});

describe("amounts in minor units", () => {
  it("converts exactly, and refuses more decimals than the currency has", () => {
    expect(toMinorUnits(1200.5, "CNY")).toBe(120050);
    // a cent sum is read as Sheets shows it (15 significant digits): 0.30000000000000004 is 0.30 EUR
    expect(toMinorUnits(0.1 + 0.2, "EUR")).toBe(30);
    expect(toMinorUnits(0.301, "EUR")).toBeNull();
    expect(toMinorUnits(0.3, "EUR")).toBe(30);
    expect(toMinorUnits(12.345, "USD")).toBeNull();
    expect(toMinorUnits(1500, "JPY")).toBe(1500);
    expect(toMinorUnits(15.5, "JPY")).toBeNull();
    expect(toMinorUnits(-5, "EUR")).toBe(-500);
    expect(toMinorUnits(Number.NaN, "EUR")).toBeNull();
    expect(minorDigits("krw")).toBe(0);
  });

  it("goes back and formats the same on every runtime", () => {
    expect(fromMinorUnits(120050, "CNY")).toBe(1200.5);
    expect(fromMinorUnits(1500, "JPY")).toBe(1500);
    expect(formatAmount(12_000_000, "EUR")).toBe("120,000.00");
    expect(formatAmount(5, "USD")).toBe("0.05");
    expect(formatAmount(1234567, "JPY")).toBe("1,234,567");
    expect(formatAmount(-150, "EUR")).toBe("-1.50");
  });
});

describe("the draft form", () => {
  const form: DraftForm = {
    id: "",
    name: "Fair",
    owner: "",
    objective: "",
    audience: "",
    channels: "Events",
    content: "",
    place: "",
    start: "",
    end: "",
    budget: "",
    currency: "",
    kpis: "",
  };
  const options = { channels: ["Events", "Email"], defaultCurrency: "EUR", me: "Mia@Example.com" };

  it("accepts an incomplete draft and fills the owner with the caller", () => {
    const checked = checkDraft(form, options);
    expect(checked).toMatchObject({ ok: true, values: { owner: "mia@example.com", budget: "", channels: "Events" } });
  });

  it("names each malformed field", () => {
    const checked = checkDraft(
      { ...form, id: "C 1", name: " ", start: "2026-05-02", end: "2026-05-01", budget: "1,000.005", currency: "E" },
      options,
    );
    expect(checked.ok ? [] : checked.issues.map((i) => [i.field, i.key])).toEqual([
      ["id", "workflow.input.invalid"],
      ["name", "workflow.plan.name.missing"],
      ["end", "workflow.plan.end.beforeStart"],
      ["currency", "workflow.plan.currency.invalid"],
      ["budget", "workflow.plan.budget.invalid"],
    ]);
  });

  it("reads amounts with thousands separators, and numbers new campaigns per year", () => {
    expect(checkDraft({ ...form, budget: "12,500.50" }, options)).toMatchObject({ values: { budget: 12500.5 } });
    expect(nextCampaignId(["C-2026-001", "C-2026-009", "C-2025-044", "X"], "2026")).toBe("C-2026-010");
    expect(nextCampaignId([], "2027")).toBe("C-2027-001");
    // the workbook's own pattern: the demo's CMP-2026-001, not a second C-2026-001 series
    expect(nextCampaignId(["CMP-2026-001", "CMP-2026-005", "X-1"], "2026")).toBe("CMP-2026-006");
    expect(nextCampaignId(["CMP-2025-014", "CMP-2025-015"], "2026")).toBe("CMP-2026-001");
    expect(nextCampaignId(["MKT_2026_0042", "MKT_2026_0007", "C-2026-003"], "2026")).toBe("MKT_2026_0043");
  });
});

describe("roles", () => {
  const roles: Roles = {
    admins: ["ann@example.com"],
    levels: [
      { approvers: ["leo@example.com"], limit: 10_000_000 },
      { approvers: ["dana@example.com"], limit: null },
    ],
    finance: ["fay@example.com"],
    delegations: [{ approver: "dana@example.com", delegate: "deng@example.com", from: "2026-03-01", to: "2026-03-05" }],
  };

  it("keep the owner an admin whatever is stored", () => {
    expect(isAdmin(parseRoles(null), "Owner@example.com", "owner@example.com")).toBe(true);
    expect(isAdmin(roles, "owner@example.com", "ANN@example.com")).toBe(true);
    expect(isAdmin(roles, "owner@example.com", "leo@example.com")).toBe(false);
    expect(isAdmin(roles, "owner@example.com", "")).toBe(false);
  });

  it("read back what was stored, and nothing from text that is not roles", () => {
    expect(parseRoles(rolesText(roles))).toEqual(roles);
    expect(parseRoles("{oops")).toEqual({ admins: [], levels: [], finance: [], delegations: [] });
    expect(parseRoles('{"admins":"everyone"}').admins).toEqual([]);
  });

  it("name who is told and who approves, delegates within their period only", () => {
    expect(recipientsOf(roles, 2, "2026-03-02T09:00:00+01:00")).toEqual(["dana@example.com", "deng@example.com"]);
    expect(recipientsOf(roles, 2, "2026-03-09T09:00:00+01:00")).toEqual(["dana@example.com"]);
    expect(isApprover(roles, "deng@example.com", "2026-03-02T09:00:00+01:00")).toBe(true);
    expect(isApprover(roles, "deng@example.com", "2026-04-02T09:00:00+01:00")).toBe(false);
    expect(isApprover(roles, "fay@example.com", "2026-03-02T09:00:00+01:00")).toBe(false);
  });

  it("are checked as a whole, every issue by field", () => {
    const checked = checkRoles({ ...roles, admins: ["nope"], finance: ["fay@example.com", ""] });
    expect(checked.ok ? [] : checked.issues.map((i) => i.field)).toEqual(["admins.0", "finance.1"]);
    expect(checkRoles({ admins: [], levels: [], finance: [], delegations: [] }).ok).toBe(true);
  });

  it("are shown in Settings in the spreadsheet's language", () => {
    expect(rightsProjection(roles, "owner@example.com", "CNY", "en")).toEqual({
      admins: "owner@example.com (owner), ann@example.com",
      approval_levels: "Level 1: leo@example.com, up to 100,000.00 CNY; Level 2: dana@example.com, no limit",
      finance: "fay@example.com",
      delegations: "deng@example.com for dana@example.com, 2026-03-01 – 2026-03-05",
    });
    expect(rightsProjection(parseRoles(null), "", "CNY", "zh")).toEqual({
      admins: "（无）",
      approval_levels: "（无）",
      finance: "（无）",
      delegations: "（无）",
    });
  });

  it("let a superior answer a problem report, never its reporter", () => {
    expect(mayAnswer(roles, "owner@example.com", "leo@example.com", "mia@example.com")).toBe(true);
    expect(mayAnswer(roles, "owner@example.com", "owner@example.com", "mia@example.com")).toBe(true);
    expect(mayAnswer(roles, "owner@example.com", "leo@example.com", "LEO@example.com")).toBe(false);
    expect(mayAnswer(roles, "owner@example.com", "fay@example.com", "mia@example.com")).toBe(false);
  });
});

describe("the onEdit digests", () => {
  it("are stable, short and tell values apart", () => {
    expect(shortHash("abc")).toBe(shortHash("abc"));
    expect(shortHash("abc")).not.toBe(shortHash("abd"));
    expect(shortHash("abc").length).toBeLessThanOrEqual(11);
  });

  it("match a field whose value did not change, whatever its spelling", () => {
    const plan = planSnapshot({ budget: 1_200_000, currency: "EUR", channels: "Email, Events", kpis: [] });
    const entry = guardEntry(plan);
    expect(entry.digests.channels).toBe(fieldDigest(planSnapshot({ channels: "Events ,Email" }).channels));
    expect(entry.digests.budget).toBe(fieldDigest(1_200_000));
    expect(entry.digests.budget).not.toBe(fieldDigest(1_500_000));
    expect(entry.shown.budget).toBe("12,000.00");
    expect(entry.currency).toBe("EUR");
  });
});
