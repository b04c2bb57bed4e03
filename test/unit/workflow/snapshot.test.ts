// Approved-field snapshots: canonical form, and the diff that flags edits of approved values in a fixed field order.

import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  checkPlan,
  diffSnapshot,
  type JsonValue,
  type PlanSnapshot,
  parsePlanSnapshot,
  planSnapshot,
  SNAPSHOT_FIELDS,
} from "../../../src/domain/workflow";
import { pick, rng, validPlan } from "./fixtures";

function approved(): PlanSnapshot {
  const plan = checkPlan(validPlan());
  if (!plan.ok) throw new Error("fixture plan is incomplete");
  return planSnapshot(plan.value);
}

describe("canonicalJson", () => {
  it("writes one text per value: sorted keys, no whitespace, -0 as 0", () => {
    expect(canonicalJson({ b: [2, { d: 1, c: -0 }], a: "x" })).toBe('{"a":"x","b":[2,{"c":0,"d":1}]}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson(Number.NaN)).toBe("null");
    expect(canonicalJson('引号"与换行\n')).toBe('"引号\\"与换行\\n"');
  });
});

describe("planSnapshot", () => {
  it("holds the approved fields only, normalised", () => {
    const snapshot = approved();
    expect(Object.keys(snapshot).sort()).toEqual([...SNAPSHOT_FIELDS].sort());
    expect(snapshot.channels).toEqual(["Email", "Social"]);
    expect(snapshot.kpis.map((k) => k.indicator)).toEqual(["Cost per lead", "Leads"]);
  });

  it("ignores order, spacing and line endings, so an untouched row is no change", () => {
    const reordered = planSnapshot(
      validPlan({
        channels: " Social ,Email",
        objective: "  Launch the spring range in three cities\r\n",
        kpis: [
          { indicator: "Cost per lead", target: "40", unit: "CNY", direction: "LOWER" },
          { indicator: "Leads", target: 1200, unit: "leads" },
        ],
      }),
    );
    expect(canonicalJson(reordered)).toBe(canonicalJson(approved()));
    expect(diffSnapshot(approved(), reordered)).toEqual([]);
  });

  it("keeps what was typed where a number is expected, so the diff shows it", () => {
    expect(planSnapshot(validPlan({ budget: "about 5000" })).budget).toBe("about 5000");
    expect(planSnapshot(validPlan({ budget: "" })).budget).toBeNull();
  });

  it("round-trips through its canonical text", () => {
    const snapshot = approved();
    expect(parsePlanSnapshot(canonicalJson(snapshot))).toEqual(snapshot);
    expect(parsePlanSnapshot("{")).toBeNull();
    expect(parsePlanSnapshot('{"budget":1}')).toBeNull();
  });
});

describe("diffSnapshot", () => {
  it("flags an edited budget with before and after", () => {
    expect(diffSnapshot(approved(), planSnapshot(validPlan({ budget: 650_000 })))).toEqual([
      { field: "budget", before: 500_000, after: 650_000 },
    ]);
  });

  it("lists every changed field in the fixed order, whatever order they were edited in", () => {
    const current = planSnapshot(
      validPlan({
        place: "Online",
        kpis: [{ indicator: "Leads", target: 900, unit: "leads" }],
        end: "2024-07-15",
        budget: 1,
        channels: ["Email"],
      }),
    );
    const changes = diffSnapshot(approved(), current);
    expect(changes.map((c) => c.field)).toEqual(["budget", "end", "kpis", "channels", "place"]);
    expect(changes.find((c) => c.field === "end")).toEqual({ field: "end", before: "2024-06-30", after: "2024-07-15" });
  });

  it("does not flag fields outside the approval, such as the name", () => {
    expect(diffSnapshot(approved(), planSnapshot(validPlan({ name: "Spring launch 2024" })))).toEqual([]);
  });

  it("finds no change between a snapshot and itself, and lists fields in order (random snapshots)", () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      const random = rng(seed);
      const draft = (): PlanSnapshot =>
        planSnapshot(
          validPlan({
            budget: pick(random, [0, 5, 500_000, "n/a", null]),
            start: pick(random, ["2024-06-01", "2024-06-02", ""]),
            channels: pick(random, [["Email"], ["Social", "Email"], "Email, Print"]),
            audience: pick(random, ["Students", "Parents", " Students "]),
            kpis: pick<JsonValue>(random, [
              [],
              [{ indicator: "Leads", target: 5 }],
              [{ indicator: "Reach", target: "x" }],
            ]),
          }),
        );
      const a = draft();
      const b = draft();
      expect(diffSnapshot(a, a)).toEqual([]);
      const fields = diffSnapshot(a, b).map((c) => c.field);
      expect(fields).toEqual(SNAPSHOT_FIELDS.filter((f) => fields.includes(f)));
      expect(fields.length === 0).toBe(canonicalJson(a) === canonicalJson(b));
    }
  });
});
