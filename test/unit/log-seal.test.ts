// The approval log's seal computed in JavaScript: byte for byte what Utilities.computeHmacSha256Signature gave (its
// signed bytes as hex, as the add-on wrote them before), for ASCII, Chinese, emoji and broken surrogates; and the tail
// of a log verified from a kept prefix names the same rows as a verification of the whole log.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  chainText,
  chunksOf,
  hmacSha256Hex,
  keyedHash,
  type LogEntry,
  type LogRow,
  sealEntries,
  utf8,
  verifyChain,
} from "../../src/domain/workflow";

/** What the add-on computed before: Apps Script's HMAC as signed bytes, written as hex digit pairs. */
function appsScriptHex(text: string, key: string): string {
  const signed = [...createHmac("sha256", Buffer.from(key, "utf8")).update(Buffer.from(text, "utf8")).digest()].map(
    (b) => (b > 127 ? b - 256 : b),
  );
  return signed.map((b) => ((b + 256) % 256).toString(16).padStart(2, "0")).join("");
}

const TEXTS = [
  "",
  "plain ascii",
  '["campaign-control/approval-log/1",1,"id","2026-03-02T09:00:00+01:00"]',
  "春季新品发布 · 预算 120,000 元",
  "emoji 🚀 and accents éàü",
  "a lone surrogate \ud800 here and \udc00 there",
  "x".repeat(100_000),
];

describe("the log's seal in JavaScript", () => {
  it("is the HMAC-SHA256 Apps Script computed, for every kind of text", () => {
    const key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    for (const text of TEXTS) {
      expect(hmacSha256Hex(key, text)).toBe(appsScriptHex(text, key));
      expect(keyedHash(key)(text)).toBe(appsScriptHex(text, key));
      expect([...utf8(text)]).toEqual([...Buffer.from(text, "utf8")]);
    }
    // One keyed instance serves many rows without carrying anything from one row to the next.
    const hash = keyedHash(key);
    expect(TEXTS.map(hash)).toEqual(TEXTS.map((t) => appsScriptHex(t, key)));
    expect(keyedHash(undefined)("anything")).toBe("");
  });

  it("splits the kept text into cells without splitting a character", () => {
    const text = `${"a".repeat(9)}🚀${"b".repeat(10)}`;
    const chunks = chunksOf(text, 10);
    expect(chunks.join("")).toBe(text);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(10);
    expect(chunks[0]).toBe("a".repeat(9));
  });
});

function entry(n: number): LogEntry {
  return {
    id: `e-${n}`,
    at: "2026-03-02T09:00:00+01:00",
    actor: "mia@example.com",
    onBehalfOf: "",
    entityType: "campaign",
    entityId: `C-${n}`,
    requestId: "",
    requestType: "",
    requestVersion: 0,
    action: "start",
    fromState: "Ready",
    toState: "InProgress",
    level: 0,
    comment: `row ${n}`,
    snapshot: "",
  };
}

describe("verifying the tail after a kept prefix", () => {
  const hash = keyedHash("k".repeat(64));
  const rows: LogRow[] = sealEntries(
    Array.from({ length: 12 }, (_, i) => entry(i + 1)),
    null,
    hash,
  );
  const start = (k: number) => ({ count: k, lastHash: rows[k - 1]?.hash ?? "" });

  it("is intact where the whole log is, with the same count and last hash", () => {
    for (let k = 1; k <= rows.length; k++) {
      expect(verifyChain(rows.slice(k), hash, undefined, start(k))).toEqual(verifyChain(rows, hash));
    }
  });

  it("names the same row and kind as a whole verification for an edit, a deletion, an insertion, a cut", () => {
    const edited = rows.map((r, i) => (i === 8 ? { ...r, comment: "changed" } : r));
    const deleted = rows.filter((_, i) => i !== 8);
    const inserted = [...rows.slice(0, 8), { ...rows[3]! }, ...rows.slice(8)];
    const anchor = { count: rows.length, lastHash: rows[rows.length - 1]!.hash };
    const cut = rows.slice(0, 10);
    for (const [log, withAnchor] of [
      [edited, false],
      [deleted, false],
      [inserted, false],
      [cut, true],
    ] as const) {
      const a = withAnchor ? anchor : undefined;
      const whole = verifyChain(log, hash, a);
      expect(whole.ok).toBe(false);
      for (const k of [1, 5, 8]) expect(verifyChain(log.slice(k), hash, a, start(k))).toEqual(whole);
    }
  });

  it("holds against the text a row was sealed with", () => {
    const row = rows[0]!;
    expect(hash(chainText(row))).toBe(row.hash);
  });
});
