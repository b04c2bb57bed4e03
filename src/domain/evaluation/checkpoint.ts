// The digest checkpoint as document properties hold it: each delivery (recipient + alert key) compacted to a short
// hash, the hashes packed into values that stay under the 9 KB a property value may hold, and read back into a set.

import { deliveryKey } from "./digest";
import type { Alert } from "./monitor";
import { compareText } from "./values";

/** Room per property value: Apps Script refuses values over 9 KB (UTF-8 bytes); the hashes are ASCII. */
export const CHECKPOINT_VALUE_BYTES = 8 * 1024;

/**
 * cyrb53: 53 well-mixed bits as at most 11 base-36 characters. A delivery key can be hundreds of characters (a
 * campaign name, a task step); its hash keeps a checkpoint of thousands of deliveries within a few values. Two
 * deliveries sharing a hash (about one chance in 10^8 among ten thousand) would make one of them count as sent.
 */
export function deliveryHash(delivery: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < delivery.length; i++) {
    const ch = delivery.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

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
