// Routing by amount across levels, delegation inside and outside its period, and the checks on the routing settings themselves.

import { describe, expect, it } from "vitest";
import {
  authoritiesOf,
  checkRoutingSettings,
  decidersFor,
  type RoutingSettings,
  requiredLevels,
} from "../../../src/domain/workflow";
import { CFO, DEPUTY, DIRECTOR, LEAD, LEAD2, SETTINGS } from "./fixtures";

describe("requiredLevels", () => {
  it.each([
    [0, 1],
    [999_999, 1],
    [1_000_000, 1], // exactly the limit stays at level 1
    [1_000_001, 2],
    [900_000_000, 2], // the top level has no limit
  ])("routes %i to %i level(s)", (amount, levels) => {
    expect(requiredLevels(SETTINGS, amount)).toEqual({ ok: true, value: levels });
  });

  it("adds level 3 above level 2's limit, and refuses what no level covers", () => {
    const three: RoutingSettings = {
      levels: [
        { approvers: [LEAD], limit: 100 },
        { approvers: [DIRECTOR], limit: 1000 },
        { approvers: [CFO], limit: 5000 },
      ],
      delegations: [],
    };
    expect(requiredLevels(three, 1000)).toEqual({ ok: true, value: 2 });
    expect(requiredLevels(three, 1001)).toEqual({ ok: true, value: 3 });
    expect(requiredLevels(three, 5001)).toEqual({
      ok: false,
      error: { kind: "routing", messageKey: "workflow.routing.amountAboveLimits" },
    });
  });

  it("refuses without levels and for amounts that are not whole minor units", () => {
    const none = { levels: [], delegations: [] };
    expect(requiredLevels(none, 5)).toEqual({
      ok: false,
      error: { kind: "routing", messageKey: "workflow.routing.noLevels" },
    });
    for (const amount of [-1, 1.5, Number.NaN]) {
      expect(requiredLevels(SETTINGS, amount)).toEqual({
        ok: false,
        error: { kind: "routing", messageKey: "workflow.routing.invalidAmount" },
      });
    }
  });
});

describe("who may decide a level at a time", () => {
  it("is the level's approvers outside any delegation period", () => {
    expect(decidersFor(SETTINGS, 1, "2024-05-02T09:00:00+08:00")).toEqual([
      { actor: LEAD, onBehalfOf: "" },
      { actor: LEAD2, onBehalfOf: "" },
    ]);
    expect(decidersFor(SETTINGS, 2, "2024-05-09T23:59:59+08:00")).toEqual([
      { actor: DIRECTOR, onBehalfOf: "" },
      { actor: CFO, onBehalfOf: "" },
    ]);
  });

  it("adds the delegate, acting for the absent approver, on every day of the period", () => {
    for (const at of ["2024-05-10T00:00:00+08:00", "2024-05-15T12:00:00+08:00", "2024-05-20T23:59:00+08:00"]) {
      expect(decidersFor(SETTINGS, 2, at)).toEqual([
        { actor: DIRECTOR, onBehalfOf: "" },
        { actor: CFO, onBehalfOf: "" },
        { actor: DEPUTY, onBehalfOf: DIRECTOR },
      ]);
    }
  });

  it("gives the delegate nothing the day after the period or at a level the absent approver does not hold", () => {
    expect(authoritiesOf(SETTINGS, 2, DEPUTY, "2024-05-21T00:00:00+08:00")).toEqual([]);
    expect(authoritiesOf(SETTINGS, 1, DEPUTY, "2024-05-15T12:00:00+08:00")).toEqual([]);
  });

  it("reads the period in the spreadsheet's local date carried by the timestamp", () => {
    // 2024-05-09T17:00Z is already the 10th in UTC+8.
    expect(authoritiesOf(SETTINGS, 2, DEPUTY, "2024-05-10T01:00:00+08:00")).toEqual([
      { actor: DEPUTY, onBehalfOf: DIRECTOR },
    ]);
    expect(authoritiesOf(SETTINGS, 2, DEPUTY, "2024-05-09T23:00:00+08:00")).toEqual([]);
  });

  it("does not pass a delegation on and compares emails without case", () => {
    const chained: RoutingSettings = {
      ...SETTINGS,
      delegations: [
        { approver: DIRECTOR, delegate: DEPUTY, from: "2024-05-01", to: "2024-05-31" },
        { approver: DEPUTY, delegate: LEAD, from: "2024-05-01", to: "2024-05-31" },
      ],
    };
    expect(authoritiesOf(chained, 2, LEAD, "2024-05-15T09:00:00Z")).toEqual([]);
    expect(authoritiesOf(chained, 2, " Deng@Example.COM ", "2024-05-15T09:00:00Z")).toEqual([
      { actor: DEPUTY, onBehalfOf: DIRECTOR },
    ]);
  });

  it("lists own right before a delegation for someone who has both", () => {
    const both: RoutingSettings = {
      ...SETTINGS,
      delegations: [{ approver: DIRECTOR, delegate: CFO, from: "2024-05-01", to: "2024-05-31" }],
    };
    expect(authoritiesOf(both, 2, CFO, "2024-05-15T09:00:00Z")).toEqual([
      { actor: CFO, onBehalfOf: "" },
      { actor: CFO, onBehalfOf: DIRECTOR },
    ]);
  });

  it("is nobody at a level that does not exist", () => {
    expect(decidersFor(SETTINGS, 3, "2024-05-15T09:00:00Z")).toEqual([]);
  });
});

describe("checkRoutingSettings", () => {
  it("accepts levels and delegations as typed into Settings, normalising emails", () => {
    const result = checkRoutingSettings({
      levels: [
        { approvers: "Lee@Example.com, lin@example.com", limit: "1000000" },
        { approvers: [DIRECTOR, " CHEN@example.com", DIRECTOR], limit: "" },
      ],
      delegations: [{ approver: DIRECTOR, delegate: DEPUTY, from: "2024-05-10", to: "2024-05-20" }],
    });
    expect(result).toEqual({ ok: true, value: SETTINGS });
  });

  it("reports every problem", () => {
    const result = checkRoutingSettings({
      levels: [
        { approvers: "", limit: 500 },
        { approvers: "not-an-email", limit: 400 },
        { approvers: [CFO], limit: null },
        { approvers: [CFO], limit: -2 },
      ],
      delegations: [
        { approver: DIRECTOR, delegate: DIRECTOR, from: "2024-05-10", to: "2024-05-20" },
        { approver: "x", delegate: "y", from: "soon", to: "2024-05-20" },
        { approver: DIRECTOR, delegate: DEPUTY, from: "2024-05-20", to: "2024-05-10" },
      ],
    });
    expect(result.ok ? [] : result.error.map((i) => [i.field, i.messageKey])).toEqual([
      ["levels.0.approvers", "workflow.settings.level.approvers.missing"],
      ["levels.1.approvers", "workflow.settings.level.approver.invalid"],
      ["levels.1.limit", "workflow.settings.level.limit.notIncreasing"],
      ["levels.2.limit", "workflow.settings.level.limit.blankBelowTop"],
      ["levels.3.limit", "workflow.settings.level.limit.invalid"],
      ["delegations.0.delegate", "workflow.settings.delegation.self"],
      ["delegations.1.approver", "workflow.settings.delegation.approver.invalid"],
      ["delegations.1.delegate", "workflow.settings.delegation.delegate.invalid"],
      ["delegations.1", "workflow.settings.delegation.dates.invalid"],
      ["delegations.2.to", "workflow.settings.delegation.endBeforeStart"],
    ]);
  });

  it("needs at least one level", () => {
    expect(checkRoutingSettings({})).toEqual({
      ok: false,
      error: [{ field: "levels", messageKey: "workflow.settings.levels.missing" }],
    });
  });
});
