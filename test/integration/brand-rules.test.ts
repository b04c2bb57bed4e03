// Brand standards (品牌元素按统一标准): the rules in Settings are confirmed one by one with a plan, a change or an
// execution plan; the confirmations are sealed in the submission's log row, the approver sees them, and an approval
// needs every rule of Settings confirmed there, so a rule added after the submission blocks it too.
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { decide, inbox, LEO, LOG, logRows, MIA, mine, OWNER, saved, submit, workbook } from "./workflow-support";

const LOGO = "Logo on a white background, never stretched";
const PALETTE = "Only the 2026 palette";

function withRules(emu: Emulator, value: string): void {
  const row = emu.values("Settings").findIndex((r) => r[0] === "brand_rules") + 1;
  expect(row).toBeGreaterThan(0);
  emu.as(OWNER).edit(`Settings!B${row}`, value);
}

describe("brand rules", () => {
  it("are installed as an empty Settings row, and then no submission asks for them", () => {
    const emu = workbook();
    const row = emu.values("Settings").find((r) => r[0] === "brand_rules");
    expect(row?.[1]).toBe("");
    expect(mine(emu, MIA).brandRules).toEqual([]);
    expect(submit(emu, MIA)).toMatchObject({ ok: true, state: "PlanSubmitted" });
    const snapshot = JSON.parse(String(logRows(emu)[0]?.[LOG.snapshot])) as Record<string, unknown>;
    expect(snapshot).not.toHaveProperty("brand");
    expect(inbox(emu, LEO).requests[0]?.brand).toEqual([]);
  });

  it("are shown to the submitter one per line or semicolon, commas kept inside a rule", () => {
    const emu = workbook();
    withRules(emu, `${LOGO}\n${PALETTE}；Tone: friendly`);
    expect(mine(emu, MIA).brandRules).toEqual([LOGO, PALETTE, "Tone: friendly"]);
  });

  it("refuse a submission that does not confirm each rule, naming the rules left, and write nothing", () => {
    const emu = workbook();
    withRules(emu, `${LOGO}; ${PALETTE}`);
    const before = saved(emu);
    const none = submit(emu, MIA);
    expect(none).toMatchObject({ ok: false, kind: "brand_unconfirmed" });
    expect(none.message).toContain(LOGO);
    expect(none.message).toContain(PALETTE);
    const one = submit(emu, MIA, { brand: [LOGO, "A rule nobody set"] });
    expect(one).toMatchObject({ ok: false, kind: "brand_unconfirmed" });
    expect(one.message).toContain(PALETTE);
    expect(one.message).not.toContain(LOGO);
    expect(saved(emu)).toEqual(before);
  });

  it("seal the confirmations with the submission; the approver sees them and approves", () => {
    const emu = workbook();
    withRules(emu, `${LOGO}; ${PALETTE}`);
    // Spacing as typed differs from the Settings cell: the rule is the same rule.
    const sent = submit(emu, MIA, { brand: [`  ${LOGO.replace(/ /g, "  ")} `, PALETTE] });
    expect(sent).toMatchObject({ ok: true, state: "PlanSubmitted" });
    const snapshot = JSON.parse(String(logRows(emu)[0]?.[LOG.snapshot])) as { brand: unknown };
    expect(snapshot.brand).toEqual([
      { confirmed: true, rule: LOGO },
      { confirmed: true, rule: PALETTE },
    ]);
    const item = inbox(emu, LEO).requests[0];
    expect(item?.blocked).toBeNull();
    expect(item?.brand).toEqual([
      { rule: LOGO, confirmed: true },
      { rule: PALETTE, confirmed: true },
    ]);
    expect(decide(emu, LEO)).toMatchObject({ ok: true, state: "PlanApproved" });
  });

  it("block approval when a rule was added after the submission; changes can still be requested", () => {
    const emu = workbook();
    withRules(emu, LOGO);
    expect(submit(emu, MIA, { brand: [LOGO] })).toMatchObject({ ok: true });
    withRules(emu, `${LOGO}; ${PALETTE}`);
    const item = inbox(emu, LEO).requests[0];
    expect(item?.blocked).toBeNull();
    expect(item?.brand).toEqual([
      { rule: LOGO, confirmed: true },
      { rule: PALETTE, confirmed: false },
    ]);
    const before = saved(emu);
    const approve = decide(emu, LEO);
    expect(approve).toMatchObject({ ok: false, kind: "brand_unconfirmed" });
    expect(approve.message).toContain(PALETTE);
    expect(saved(emu)).toEqual(before);
    expect(decide(emu, LEO, "request_changes", { comment: "Confirm the palette rule" })).toMatchObject({
      ok: true,
      state: "Draft",
    });
    expect(submit(emu, MIA, { brand: [LOGO, PALETTE] })).toMatchObject({ ok: true });
    expect(decide(emu, LEO)).toMatchObject({ ok: true, state: "PlanApproved" });
  });

  it("block a submission made before the rule existed: approval reads the sealed row, not Settings", () => {
    const emu = workbook();
    expect(submit(emu, MIA)).toMatchObject({ ok: true });
    // The rule arrives after a submission that confirmed nothing: that submission cannot be approved.
    withRules(emu, LOGO);
    expect(decide(emu, LEO)).toMatchObject({ ok: false, kind: "brand_unconfirmed" });
  });

  it("govern the execution plan too, not a cancellation", () => {
    const emu = workbook();
    withRules(emu, LOGO);
    expect(submit(emu, MIA, { brand: [LOGO] })).toMatchObject({ ok: true });
    expect(decide(emu, LEO)).toMatchObject({ ok: true, state: "PlanApproved" });
    expect(submit(emu, MIA, { type: "execution" })).toMatchObject({ ok: false, kind: "brand_unconfirmed" });
    expect(submit(emu, MIA, { type: "cancellation", comment: "Budget frozen" })).toMatchObject({
      ok: true,
      state: "PlanApproved",
    });
  });

  it("refuse a forged confirmation list that is not a list of texts, writing nothing", () => {
    const emu = workbook();
    withRules(emu, LOGO);
    const before = saved(emu);
    const forged = () =>
      emu.as(MIA).run("rpcSubmit", {
        campaignId: "C-1",
        type: "plan",
        requestId: "req-forged-0001",
        comment: "",
        brand: [{ rule: LOGO, confirmed: true }],
      });
    expect(forged).toThrow(/brand\.0/);
    expect(saved(emu)).toEqual(before);
  });
});
