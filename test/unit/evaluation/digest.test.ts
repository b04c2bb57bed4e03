// The digest planner: one mail per manager with only new alerts, a quota that runs out halfway, and the next run finishing the job without sending anything twice.
import { describe, expect, it } from "vitest";
import {
  type Alert,
  type Digest,
  type DigestPlan,
  deliveryHash,
  deliveryKey,
  markSent,
  planDigests,
  sentDeliveries,
} from "../../../src/domain/evaluation";

const alert = (key: string, recipients: string[], severity: Alert["severity"] = "warning"): Alert => ({
  key,
  kind: "task_overdue",
  severity,
  campaign: "C-1",
  recipients,
  messageKey: "evaluation.alert.task_overdue",
  params: {},
});

const A = "a@example.com";
const B = "b@example.com";
const C = "c@example.com";

/** What each person received over several runs, to check nobody gets the same alert twice. */
function mailbox(...runs: (readonly Digest[])[]): Map<string, string[]> {
  const box = new Map<string, string[]>();
  for (const digests of runs) {
    for (const d of digests) box.set(d.to, [...(box.get(d.to) ?? []), ...d.alerts.map((a) => a.key)]);
  }
  return box;
}

/**
 * The checkpoint a run keeps once every planned digest is sent, as monitoring builds it: the stored entries read back
 * for the current alerts (sentDeliveries), then each digest's deliveries (markSent); sorted, as markSent keeps it.
 */
function checkpointAfter(alerts: readonly Alert[], sent: readonly string[], plan: DigestPlan): string[] {
  const kept = sentDeliveries(alerts, new Set(sent.map(deliveryHash))).sort();
  return plan.digests.reduce((checkpoint, digest) => markSent(checkpoint, digest), kept);
}

describe("planDigests()", () => {
  const alerts = [
    alert("k1", [A, B]),
    alert("k2", [A], "critical"),
    alert("k3", [B, C]),
    alert("k4", [C]),
    alert("k5", []), // nobody to tell
  ];

  it("plans one digest per person, most urgent alert first, and reports what has no recipient", () => {
    const plan = planDigests({ alerts, sent: [], quota: 100 });
    expect(plan.digests.map((d) => [d.to, d.alerts.map((a) => a.key)])).toEqual([
      [A, ["k2", "k1"]],
      [B, ["k1", "k3"]],
      [C, ["k3", "k4"]],
    ]);
    expect(plan.deferred).toEqual([]);
    expect(plan.unaddressed).toBe(1);
    expect(checkpointAfter(alerts, [], plan)).toHaveLength(6);
  });

  it("stops cleanly when the quota runs out halfway and the next run sends only the rest", () => {
    const run1 = planDigests({ alerts, sent: [], quota: 2 });
    expect(run1.digests.map((d) => d.to)).toEqual([A, B]);
    expect(run1.deferred).toEqual([C]);
    const checkpoint1 = checkpointAfter(alerts, [], run1);
    expect(checkpoint1).toEqual(
      [deliveryKey(A, "k1"), deliveryKey(A, "k2"), deliveryKey(B, "k1"), deliveryKey(B, "k3")].sort(),
    );

    const run2 = planDigests({ alerts, sent: checkpoint1, quota: 2 });
    expect(run2.digests.map((d) => [d.to, d.alerts.map((a) => a.key)])).toEqual([[C, ["k3", "k4"]]]);
    expect(run2.deferred).toEqual([]);
    const checkpoint2 = checkpointAfter(alerts, checkpoint1, run2);

    const run3 = planDigests({ alerts, sent: checkpoint2, quota: 2 });
    expect(run3.digests).toEqual([]);
    expect(checkpointAfter(alerts, checkpoint2, run3)).toEqual(checkpoint2);

    const box = mailbox(run1.digests, run2.digests, run3.digests);
    expect(Object.fromEntries(box)).toEqual({ [A]: ["k2", "k1"], [B]: ["k1", "k3"], [C]: ["k3", "k4"] });
  });

  it("resumes after a run that died between two mails when each mail is recorded as it goes", () => {
    const plan = planDigests({ alerts, sent: [], quota: 10 });
    const first = plan.digests[0];
    if (!first) throw new Error("expected a digest");
    // Only the first mail went out before the run died; its deliveries were saved right after it.
    const saved = markSent([], first);
    const resumed = planDigests({ alerts, sent: saved, quota: 10 });
    expect(resumed.digests.map((d) => d.to)).toEqual([B, C]);
    const box = mailbox([first], resumed.digests);
    for (const keys of box.values()) expect(new Set(keys).size).toBe(keys.length);
  });

  it("sends a new alert on a later run to those who already had the old ones, and only it", () => {
    const run1 = planDigests({ alerts, sent: [], quota: 10 });
    const sent = checkpointAfter(alerts, [], run1);
    const run2 = planDigests({ alerts: [...alerts, alert("k6", [A])], sent, quota: 10 });
    expect(run2.digests.map((d) => [d.to, d.alerts.map((a) => a.key)])).toEqual([[A, ["k6"]]]);
  });

  it("forgets alerts that cleared, so the checkpoint stays small and a recurrence is told again", () => {
    const run1 = planDigests({ alerts, sent: [], quota: 10 });
    const cleared = alerts.filter((a) => a.key !== "k1");
    const checkpoint1 = checkpointAfter(alerts, [], run1);
    const run2 = planDigests({ alerts: cleared, sent: checkpoint1, quota: 10 });
    expect(run2.digests).toEqual([]);
    const checkpoint2 = checkpointAfter(cleared, checkpoint1, run2);
    expect(checkpoint2.some((e) => e.endsWith(" k1"))).toBe(false);
    const run3 = planDigests({ alerts, sent: checkpoint2, quota: 10 });
    expect(run3.digests.map((d) => [d.to, d.alerts.map((a) => a.key)])).toEqual([
      [A, ["k1"]],
      [B, ["k1"]],
    ]);
  });

  it("sends nothing with no quota (or a nonsense one) and keeps the checkpoint as it was", () => {
    const run1 = planDigests({ alerts, sent: [], quota: 1 });
    const checkpoint1 = checkpointAfter(alerts, [], run1);
    for (const quota of [0, -3, Number.NaN]) {
      const plan = planDigests({ alerts, sent: checkpoint1, quota });
      expect(plan.digests).toEqual([]);
      expect(plan.deferred).toEqual([B, C]);
      expect(checkpointAfter(alerts, checkpoint1, plan)).toEqual(checkpoint1);
    }
  });

  it("sends an alert listed twice only once", () => {
    const plan = planDigests({ alerts: [alert("k1", [A]), alert("k1", [A])], sent: [], quota: 5 });
    expect(plan.digests.map((d) => d.alerts.length)).toEqual([1]);
  });
});
