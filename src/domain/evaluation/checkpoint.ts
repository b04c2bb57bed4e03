// The digest checkpoint as document properties hold it: each delivery (recipient + alert key) compacted to a short
// hash, the hashes packed into values that stay under the 9 KB a property value may hold, and read back into a set.

import { shortHash } from "../guard";
import { deliveryKey } from "./digest";
import type { Alert } from "./monitor";
import { compareText } from "./values";

/** Room per property value: Apps Script refuses values over 9 KB (UTF-8 bytes); the hashes are ASCII. */
export const CHECKPOINT_VALUE_BYTES = 8 * 1024;

/**
 * cyrb53 (the one in guard.ts): 53 well-mixed bits as at most 11 base-36 characters. A delivery key can be hundreds
 * of characters (a campaign name, a task step); its hash keeps a checkpoint of thousands of deliveries within a few
 * values. Two deliveries sharing a hash (about one chance in 10^8 among ten thousand) would make one of them count
 * as sent.
 */
export const deliveryHash: (delivery: string) => string = shortHash;

/** The hashes as property values: sorted (the same checkpoint always packs the same), comma-separated, each value within `maxBytes`. */
export function packCheckpoint(deliveries: Iterable<string>, maxBytes = CHECKPOINT_VALUE_BYTES): string[] {
  const hashes = [...new Set([...deliveries].map(deliveryHash))].sort(compareText);
  const values: string[] = [];
  let current = "";
  for (const hash of hashes) {
    const next = current === "" ? hash : `${current},${hash}`;
    if (next.length > maxBytes && current !== "") {
      values.push(current);
      current = hash;
    } else {
      current = next;
    }
  }
  if (current !== "") values.push(current);
  return values;
}

/** The hashes of stored values; anything that is not a hash (a hand edit, an older format) is ignored. */
export function unpackCheckpoint(values: readonly (string | null | undefined)[]): Set<string> {
  const set = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    for (const part of value.split(",")) if (/^[0-9a-z]{1,11}$/.test(part)) set.add(part);
  }
  return set;
}

/**
 * The deliveries of the current alerts that the stored checkpoint records as sent: what planDigests takes as
 * `sent`. Deliveries of alerts that are gone are not returned, so the next checkpoint drops them.
 */
export function sentDeliveries(alerts: readonly Alert[], stored: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const alert of alerts) {
    for (const to of alert.recipients) {
      const delivery = deliveryKey(to, alert.key);
      if (stored.has(deliveryHash(delivery))) out.push(delivery);
    }
  }
  return out;
}
