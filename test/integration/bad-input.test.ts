// Bad input gets a message per field (with the tab, row and column where it is a cell) and loses nothing: a draft
// with an end before its start or a negative budget is not written at all; free text that looks like a formula
// lands in the cell as the text it is; a submission lacking a measurable goal names the KPIs cell.
import { describe, expect, it } from "vitest";
import type { SavePlanRequest } from "../../src/server/approvals/api";
import { decide, LEO, MIA, mine, saved, submit, TASK_ROWS, type WriteResult, workbook } from "./workflow-support";

const DRAFT: SavePlanRequest = {
  id: "",
  name: "Autumn fair",
  owner: "",
  objective: "Meet 200 retailers",
  audience: "Retail buyers",
  channels: "Events",
  content: "Booth and demo",
  place: "Hamburg",
  start: "2026-09-01",
  end: "2026-09-05",
  budget: "8,000.50",
  currency: "EUR",
  kpis: "Meetings 200",
};

function save(
  emu: ReturnType<typeof workbook>,
  draft: Partial<SavePlanRequest>,
): WriteResult & { id?: string; row?: number } {
  return emu.as(MIA).run("rpcSavePlan", { ...DRAFT, ...draft });
}

describe("saving a draft from the sidebar", () => {
  it("gives a message per field and writes nothing when the end is before the start or the budget negative", () => {
    const emu = workbook({ campaigns: [], tasks: [] });
    const before = saved(emu);
    const result = save(emu, {
      start: "2026-09-05",
      end: "2026-09-01",
      budget: "-5",
      owner: "not an address",
      currency: "EURO",
    });
    expect(result).toMatchObject({ ok: false, kind: "invalid_input" });
    expect(result.issues?.map((i) => [i.field, i.message])).toEqual([
      ["owner", "The owner must be an email address."],
      ["end", "The end date is before the start date."],
      ["currency", "The currency must be a three-letter code such as CNY or USD."],
      ["budget", "The budget cannot be negative."],
    ]);
    expect(saved(emu)).toEqual(before);
    expect(save(emu, { start: "31/12/2026", budget: "a lot" }).issues?.map((i) => i.field)).toEqual([
      "start",
      "budget",
    ]);
    expect(save(emu, { budget: "12.345" }).issues?.map((i) => i.message)).toEqual([
      "The budget must be an amount of money.",
    ]);
    expect(save(emu, { channels: "Events, Skywriting" }).issues?.map((i) => i.message)).toEqual([
      'Channel "Skywriting" is not in the list in Settings.',
    ]);
    expect(saved(emu)).toEqual(before);
  });

  it("writes free text that looks like a formula inert: the cell holds exactly that text", () => {
    const emu = workbook({ campaigns: [], tasks: [] });
    const result = save(emu, {
      name: '=IMPORTXML("x")',
      objective: "+1",
      audience: "@x",
      content: "<img src=x onerror=alert(1)>",
      place: "-2",
    });
    expect(result).toMatchObject({ ok: true, id: "C-2026-001", row: 2 });
    expect(emu.cell("Campaigns!A2").value).toBe("C-2026-001");
    expect(emu.cell("Campaigns!B2")).toEqual({ value: '=IMPORTXML("x")', display: '=IMPORTXML("x")', formula: "" });
    expect(emu.cell("Campaigns!D2")).toEqual({ value: "+1", display: "+1", formula: "" });
    expect(emu.cell("Campaigns!E2")).toEqual({ value: "@x", display: "@x", formula: "" });
    expect(emu.cell("Campaigns!G2").value).toBe("<img src=x onerror=alert(1)>");
    expect(emu.cell("Campaigns!H2")).toEqual({ value: "-2", display: "-2", formula: "" });
    expect(emu.cell("Campaigns!C2").value).toBe(MIA);
    expect(emu.cell("Campaigns!K2").value).toBe(8000.5);
    expect(emu.cell("Campaigns!N2").value).toBe("Draft");
    // The sidebar gets the text back as it is (it sets it as text; the browser test checks no element is made).
    const card = mine(emu, MIA).campaigns[0]!;
    expect(card.name).toBe('=IMPORTXML("x")');
    expect(card.form?.content).toBe("<img src=x onerror=alert(1)>");
  });

  it("updates a draft in place, and refuses to edit a campaign that is no longer a draft", () => {
    // The saved draft's budget (8,000.50 EUR) with its one budget line.
    const emu = workbook({ tasks: [], budget: [["C-1", "Booth", "2026-09", 8000.5, "EUR"]] });
    expect(save(emu, { id: "C-1", name: "Spring launch v2", kpis: "Leads 600" })).toMatchObject({ ok: true, row: 2 });
    expect(emu.cell("Campaigns!B2").value).toBe("Spring launch v2");
    expect(emu.values("Campaigns")).toHaveLength(2);
    submit(emu, MIA);
    const before = saved(emu);
    const refused = save(emu, { id: "C-1", budget: "1" });
    expect(refused).toMatchObject({ ok: false, kind: "not_draft" });
    expect(refused.message).toBe("C-1 is no longer a draft: approved values change only through a change request.");
    expect(saved(emu)).toEqual(before);
  });
});

describe("submitting", () => {
  it("lists every missing item by field, with the cell it is in", () => {
    const emu = workbook({ campaigns: [], tasks: [] });
    save(emu, { kpis: "", audience: "", start: "" });
    const before = saved(emu);
    const result = submit(emu, MIA, { campaignId: "C-2026-001" });
    expect(result).toMatchObject({ ok: false, kind: "incomplete" });
    expect(result.message).toBe("The submission is incomplete; see the items listed.");
    expect(result.issues?.map((i) => [i.field, i.message, i.where])).toEqual([
      ["audience", "Describe the target audience.", "Campaigns, row 2, column E (Target audience)"],
      ["start", "Set a start date.", "Campaigns, row 2, column I (Start)"],
      ["kpis", "Add at least one measurable goal (an indicator with a target).", "Campaigns, row 2, column M (KPIs)"],
      [
        "lines",
        "Add budget lines for this campaign on the Budget tab; they must add up to the total budget (8,000.50 EUR).",
        "Budget",
      ],
    ]);
    expect(saved(emu)).toEqual(before);
    // The sidebar shows the same before anyone submits.
    expect(mine(emu, MIA).campaigns[0]?.missing.map((i) => i.field)).toEqual(["audience", "start", "kpis", "lines"]);
  });

  it("names a goal without a target and the task rows that lack an owner or a date", () => {
    const emu = workbook({
      tasks: [TASK_ROWS[0]!, ["C-1", "Run three webinars", "", "2026-03-10", "", "Recordings"]],
    });
    emu.as(MIA).edit("Campaigns!M2", "Leads 500; Brand love");
    const plan = submit(emu, MIA);
    expect(plan.issues?.map((i) => [i.field, i.message, i.where])).toEqual([
      ["kpis.1.target", "Goal 2 has no target.", "Campaigns, row 2, column M (KPIs)"],
    ]);
    emu.as(MIA).edit("Campaigns!M2", "Leads 500");
    submit(emu, MIA);
    expect(decide(emu, LEO)).toMatchObject({ ok: true, state: "PlanApproved" });
    const execution = submit(emu, MIA, { type: "execution" });
    expect(execution).toMatchObject({ ok: false, kind: "incomplete" });
    expect(execution.issues?.map((i) => [i.field, i.where])).toEqual([
      ["tasks.1.owner", "Tasks, row 3, column C (Task owner)"],
      ["tasks.1.due", "Tasks, row 3, column E (Due)"],
    ]);
  });
});
