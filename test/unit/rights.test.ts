// The rights table: who may take which action on a campaign, from the caller's standing (never from a request).
import { describe, expect, it } from "vitest";
import { ACTIONS, may, RIGHTS } from "../../src/domain/rights";

const MIA = "mia@example.com";
const SAM = "sam@example.com";

describe("the rights table", () => {
  it("gives every action a row", () => {
    for (const action of ACTIONS) expect(RIGHTS[action].length, action).toBeGreaterThan(0);
  });

  it("lets the owner and admins act on a campaign, and nobody else", () => {
    for (const action of [
      "editDraft",
      "submitPlan",
      "submitExecution",
      "submitChange",
      "submitCancellation",
      "submitSummary",
    ] as const) {
      expect(may(action, { me: MIA, owner: MIA, admin: false }), action).toBe(true);
      expect(may(action, { me: "Mia@Example.com ", owner: MIA, admin: false }), action).toBe(true);
      expect(may(action, { me: SAM, owner: MIA, admin: false }), action).toBe(false);
      expect(may(action, { me: SAM, owner: MIA, admin: false, approver: true, finance: true }), action).toBe(false);
      expect(may(action, { me: SAM, owner: MIA, admin: true }), action).toBe(true);
    }
  });

  it("refuses everything to a caller Google does not name", () => {
    for (const action of ACTIONS) {
      expect(
        may(action, { me: "", owner: "", admin: true, approver: true, finance: true, submitter: true }),
        action,
      ).toBe(false);
    }
  });

  it("lets a task owner of the approved execution plan report a problem, but not submit", () => {
    const standing = { me: SAM, owner: MIA, admin: false, taskOwners: [SAM] };
    expect(may("escalate", standing)).toBe(true);
    expect(may("submitChange", standing)).toBe(false);
  });

  it("keeps the schedule and the configuration to admins", () => {
    expect(may("schedule", { me: SAM, owner: SAM, admin: false, approver: true, finance: true })).toBe(false);
    expect(may("configure", { me: SAM, owner: "", admin: false })).toBe(false);
    expect(may("schedule", { me: SAM, owner: "", admin: true })).toBe(true);
  });
});
