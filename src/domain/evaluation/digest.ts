// Plans the monitoring mail: one digest per manager with only what they have not been sent, within the mail quota, and the deliveries each digest adds to the checkpoint that makes the next run carry on where this one stopped.

import { finiteNumber, mathFloor, max } from "../builtins";
import { type Alert, compareAlerts } from "./monitor";
import { compareText } from "./values";

/**
 * One checkpoint entry: this alert went to this person. Delivery, not the alert alone, is what is recorded: an
 * alert for two managers of whom only one was mailed before the quota ran out must still reach the other.
 * Normalised emails hold no spaces, so the first space separates the two parts.
 */
export function deliveryKey(recipient: string, alertKey: string): string {
  return `${recipient} ${alertKey}`;
}

export interface Digest {
  readonly to: string;
  /** The new alerts for this person, most urgent first. */
  readonly alerts: readonly Alert[];
  /** Checkpoint entries to add once this digest is sent (see markSent). */
  readonly deliveries: readonly string[];
}

export interface DigestPlan {
  /** Send these now, in this order; each costs one mail of the quota. */
  readonly digests: readonly Digest[];
  /** People with new alerts left for a later run because the quota ran out. */
  readonly deferred: readonly string[];
  /** Alerts that no one can be mailed about (no managers in Settings, no approvers on a request). */
  readonly unaddressed: number;
}

export interface DigestInput {
  /** The current alerts (from monitor). */
  readonly alerts: readonly Alert[];
  /**
   * The checkpoint saved by the previous run ([] the first time), as sentDeliveries reads it back: the entries of
   * alerts that are gone are dropped there, so the checkpoint stays as small as the current alerts and a situation
   * that clears and comes back is reported again.
   */
  readonly sent: readonly string[];
  /** Mails that may still be sent today (MailApp.getRemainingDailyQuota()). */
  readonly quota: number;
}

/**
 * Deterministic: recipients are served in email order, so a run cut short by the quota and the run after it
 * together send each delivery exactly once. For a run that may die while sending, record each digest's
 * deliveries with markSent right after it goes out instead of waiting for the end.
 */
export function planDigests(input: DigestInput): DigestPlan {
  const sent = new Set(input.sent);
  const current = new Set<string>();
  const fresh = new Map<string, Alert[]>();
  const seenAlerts = new Set<string>();
  let unaddressed = 0;
  for (const alert of input.alerts) {
    if (seenAlerts.has(alert.key)) continue;
    seenAlerts.add(alert.key);
    if (alert.recipients.length === 0) unaddressed += 1;
    for (const to of alert.recipients) {
      const delivery = deliveryKey(to, alert.key);
      if (current.has(delivery)) continue;
      current.add(delivery);
      if (sent.has(delivery)) continue;
      const list = fresh.get(to);
      if (list) list.push(alert);
      else fresh.set(to, [alert]);
    }
  }

  let quota = finiteNumber(input.quota) ? max(0, mathFloor(input.quota)) : 0;
  const digests: Digest[] = [];
  const deferred: string[] = [];
  for (const to of [...fresh.keys()].sort(compareText)) {
    if (quota === 0) {
      deferred.push(to);
      continue;
    }
    quota -= 1;
    const alerts = (fresh.get(to) ?? []).sort(compareAlerts);
    digests.push({ to, alerts, deliveries: alerts.map((a) => deliveryKey(to, a.key)) });
  }
  return { digests, deferred, unaddressed };
}

/** The checkpoint once `digest` has gone out: for saving after every mail, so a run that dies sends nothing twice. */
export function markSent(checkpoint: readonly string[], digest: Digest): string[] {
  const set = new Set(checkpoint);
  for (const entry of digest.deliveries) set.add(entry);
  return [...set].sort(compareText);
}
