// The digest checkpoint in property values: compact, within 9 KB per value, read back whole, and agreeing with the planner.
import { describe, expect, it } from "vitest";
import {
  type Alert,
  CHECKPOINT_VALUE_BYTES,
  deliveryHash,
  deliveryKey,
  markSent,
  packCheckpoint,
  planDigests,
  sentDeliveries,
  unpackCheckpoint,
} from "../../../src/domain/evaluation";

const alert = (key: string, recipients: string[]): Alert => ({
  key,
  kind: "task_overdue",
  severity: "warning",
  campaign: "C-1",
  recipients,
  messageKey: "evaluation.alert.task_overdue",
  params: {},
});

describe("deliveryHash()", () => {
  it("is short, stable and different for different deliveries", () => {
    const a = deliveryHash(deliveryKey("a@example.com", '["task_overdue","C-1","Print flyers","2026-03-05"]'));
    expect(a).toMatch(/^[0-9a-z]{1,11}$/);
    expect(deliveryHash(deliveryKey("a@example.com", '["task_overdue","C-1","Print flyers","2026-03-05"]'))).toBe(a);
    expect(deliveryHash(deliveryKey("b@example.com", '["task_overdue","C-1","Print flyers","2026-03-05"]'))).not.toBe(
      a,
    );
    const many = new Set(Array.from({ length: 20_000 }, (_, i) => deliveryHash(`m${i % 7}@example.com k${i}`)));
    expect(many.size).toBe(20_000);
  });
});

describe("packCheckpoint() and unpackCheckpoint()", () => {
  it("round-trips and keeps every value under the property limit", () => {
    const deliveries = Array.from({ length: 5_000 }, (_, i) => deliveryKey(`m${i % 5}@example.com`, `["k",${i}]`));
    const values = packCheckpoint(deliveries);
    expect(values.length).toBeGreaterThan(1);
    for (const v of values) expect(new TextEncoder().encode(v).length).toBeLessThanOrEqual(CHECKPOINT_VALUE_BYTES);
    const stored = unpackCheckpoint(values);
    expect(stored.size).toBe(5_000);
    expect(deliveries.every((d) => stored.has(deliveryHash(d)))).toBe(true);
  });

  it("packs the same set the same way whatever the order, and nothing for an empty checkpoint", () => {
    const d = ["x@example.com k1", "y@example.com k2", "x@example.com k3"];
    expect(packCheckpoint(d)).toEqual(packCheckpoint([...d].reverse()));
    expect(packCheckpoint([])).toEqual([]);
  });

  it("ignores what is not a hash (a hand edit) instead of failing", () => {
    expect([...unpackCheckpoint(["abc,NOT A HASH,,def", null, undefined, ""])]).toEqual(["abc", "def"]);
  });
});

describe("sentDeliveries() with planDigests()", () => {
  it("gives the planner exactly the stored deliveries of current alerts, so a resumed run sends only the rest", () => {
    const alerts = [alert("k1", ["a@example.com", "b@example.com"]), alert("k2", ["c@example.com"])];
    const first = planDigests({ alerts, sent: [], quota: 1 });
    expect(first.digests.map((d) => d.to)).toEqual(["a@example.com"]);
    // The run saves each digest's deliveries before sending; the next run reads them back from the values.
    const saved = packCheckpoint(markSent([], first.digests[0]!));
    const sent = sentDeliveries(alerts, unpackCheckpoint(saved));
    expect(sent).toEqual([deliveryKey("a@example.com", "k1")]);
    const second = planDigests({ alerts, sent, quota: 10 });
    expect(second.digests.map((d) => [d.to, d.alerts.map((a) => a.key)])).toEqual([
      ["b@example.com", ["k1"]],
      ["c@example.com", ["k2"]],
    ]);
  });

  it("forgets deliveries of alerts that are gone", () => {
    const stored = unpackCheckpoint(packCheckpoint([deliveryKey("a@example.com", "gone")]));
    expect(sentDeliveries([alert("k1", ["a@example.com"])], stored)).toEqual([]);
  });
});
