// The hash chain: sealed rows verify, and each kind of hand tampering (edit, delete, insert, truncate) is named at the right row.

import { describe, expect, it } from "vitest";
import {
  anchorOf,
  CHAIN_FORMAT,
  chainText,
  GENESIS_HASH,
  LOG_COLUMNS,
  type LogEntry,
  type LogRow,
  readLogRow,
  sealEntries,
  verifyChain,
} from "../../../src/domain/workflow";
import { hmac, pick, rng } from "./fixtures";
import { simulate } from "./simulate";

const KEY = hmac("document-secret");
const WRONG_KEY = hmac("guessed-secret");

/** Real engine events, as many as asked for, from consecutive random walks. */
function entries(count: number): LogEntry[] {
  const out: LogEntry[] = [];
  for (let seed = 1; out.length < count; seed += 1) out.push(...simulate(seed, 200, 4).log);
  return out.slice(0, count);
}

const ROWS = sealEntries(entries(1000), null, KEY);

function chain(n: number): LogRow[] {
  return ROWS.slice(0, n);
}

/** A row a person could type in: plausible place in the chain, hash computed without the document key. */
function forgedAfter(prev: LogRow | undefined, template: LogRow): LogRow {
  const seq = (prev?.seq ?? 0) + 1;
  const unsealed = {
    ...template,
    id: "forged",
    comment: "approved by phone",
    seq,
    prevHash: prev?.hash ?? GENESIS_HASH,
  };
  return { ...unsealed, hash: WRONG_KEY(chainText(unsealed)) };
}

describe("sealing", () => {
  it("numbers rows from 1, links each to the previous hash and keys the hash", () => {
    const rows = chain(3);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(rows[0]?.hash).toBe(KEY(chainText(rows[0]!)));
    expect(rows[0]?.hash).not.toBe(WRONG_KEY(chainText(rows[0]!)));
  });

  it("hashes a fixed, whitespace-free text in column order", () => {
    const row = chain(1)[0]!;
    const text = chainText(row);
    const fields = JSON.parse(text) as unknown[];
    expect(fields[0]).toBe(CHAIN_FORMAT);
    expect(fields.slice(1)).toEqual(LOG_COLUMNS.filter((c) => c !== "hash").map((c) => row[c]));
    expect(text).toBe(JSON.stringify(fields));
    // Field order in the object does not matter, only the column order.
    const shuffled = Object.fromEntries(Object.entries(row).reverse()) as unknown as LogRow;
    expect(chainText(shuffled)).toBe(text);
  });

  it("gives the same chain whether appended in batches or at once", () => {
    const all = entries(30);
    const first = sealEntries(all.slice(0, 12), null, KEY);
    const rest = sealEntries(all.slice(12), first[first.length - 1]!, KEY);
    expect([...first, ...rest]).toEqual(sealEntries(all, null, KEY));
  });
});

describe("verifyChain", () => {
  it("passes an empty log and an untouched chain of 1,000 rows", () => {
    expect(verifyChain([], KEY, { count: 0, lastHash: GENESIS_HASH })).toMatchObject({ ok: true, count: 0 });
    expect(verifyChain(ROWS, KEY, anchorOf(ROWS))).toEqual({
      ok: true,
      count: 1000,
      lastHash: ROWS[999]?.hash,
      messageKey: "workflow.chain.ok",
    });
  });

  it.each([1, 500, 1000])("names an edited comment at row %i", (row) => {
    const rows = chain(1000);
    rows[row - 1] = { ...rows[row - 1]!, comment: "Approved, no concerns" };
    expect(verifyChain(rows, KEY, anchorOf(ROWS))).toEqual({
      ok: false,
      row,
      kind: "edited",
      messageKey: "workflow.chain.edited",
    });
  });

  it("names an edit even when the hash was recomputed under a wrong key, or the sequence was changed", () => {
    const rows = chain(50);
    const edited = { ...rows[19]!, toState: "Closed" as const };
    rows[19] = { ...edited, hash: WRONG_KEY(chainText(edited)) };
    expect(verifyChain(rows, KEY)).toMatchObject({ ok: false, row: 20, kind: "edited" });
    const renumbered = chain(50);
    renumbered[9] = { ...renumbered[9]!, seq: 99 };
    expect(verifyChain(renumbered, KEY)).toMatchObject({ ok: false, row: 10, kind: "edited" });
    const garbled = chain(50) as (LogRow | null)[];
    garbled[9] = null; // e.g. the action cell overwritten with a word the log does not know
    expect(verifyChain(garbled, KEY)).toMatchObject({ ok: false, row: 10, kind: "edited" });
  });

  it.each([1, 2, 400, 999])("names a deletion at the row after the gap (deleted row %i)", (row) => {
    const rows = chain(1000);
    rows.splice(row - 1, 1);
    expect(verifyChain(rows, KEY, anchorOf(ROWS))).toEqual({
      ok: false,
      row,
      kind: "deleted",
      messageKey: "workflow.chain.deleted",
    });
  });

  it("names several deleted rows once, at the row after them", () => {
    const rows = chain(100);
    rows.splice(40, 5);
    expect(verifyChain(rows, KEY)).toMatchObject({ ok: false, row: 41, kind: "deleted" });
  });

  it.each([1, 2, 300, 1000])("names a forged row inserted at row %i", (row) => {
    const rows = chain(1000);
    rows.splice(row - 1, 0, forgedAfter(rows[row - 2], rows[row - 1]!));
    expect(verifyChain(rows, KEY, anchorOf(ROWS))).toEqual({
      ok: false,
      row,
      kind: "inserted",
      messageKey: "workflow.chain.inserted",
    });
  });

  it("names a copied row, an unreadable inserted row and moved rows as inserted", () => {
    const copied = chain(60);
    copied.splice(30, 0, copied[29]!);
    expect(verifyChain(copied, KEY)).toMatchObject({ ok: false, row: 31, kind: "inserted" });

    const blank = chain(60) as (LogRow | null)[];
    blank.splice(30, 0, null);
    expect(verifyChain(blank, KEY)).toMatchObject({ ok: false, row: 31, kind: "inserted" });

    const swapped = chain(60);
    [swapped[20], swapped[21]] = [swapped[21]!, swapped[20]!];
    expect(verifyChain(swapped, KEY)).toMatchObject({ ok: false, row: 21, kind: "inserted" });
  });

  it("names a forged row appended after the anchored end", () => {
    const rows = chain(100);
    rows.push(forgedAfter(rows[99], rows[99]!));
    expect(verifyChain(rows, KEY, anchorOf(chain(100)))).toMatchObject({ ok: false, row: 101, kind: "inserted" });
    // Without the anchor the same row can only be told to be wrong, not that it is new.
    expect(verifyChain(rows, KEY)).toMatchObject({ ok: false, row: 101, kind: "edited" });
  });

  it("names rows cut from the end, at the first missing row, through the anchor", () => {
    const anchor = anchorOf(ROWS);
    expect(verifyChain(chain(997), KEY, anchor)).toEqual({
      ok: false,
      row: 998,
      kind: "truncated",
      messageKey: "workflow.chain.truncated",
    });
    expect(verifyChain([], KEY, anchor)).toMatchObject({ ok: false, row: 1, kind: "truncated" });
    // The anchor is what makes this visible: the shorter chain is otherwise consistent.
    expect(verifyChain(chain(997), KEY)).toMatchObject({ ok: true, count: 997 });
  });

  it("names a chain that was cut and then continued as truncated at the anchored end", () => {
    const anchor = anchorOf(chain(100));
    const continued = [...chain(97), ...sealEntries(entries(3), chain(97)[96]!, KEY)];
    expect(verifyChain(continued, KEY, anchor)).toMatchObject({ ok: false, row: 100, kind: "truncated" });
  });

  it("accepts rows the add-on appended after the anchor was last stored", () => {
    expect(verifyChain(chain(120), KEY, anchorOf(chain(100)))).toMatchObject({ ok: true, count: 120 });
  });

  it("reports the first problem when there are several", () => {
    const rows = chain(200);
    rows[150] = { ...rows[150]!, comment: "later edit" };
    rows.splice(80, 1);
    expect(verifyChain(rows, KEY, anchorOf(chain(200)))).toMatchObject({ ok: false, row: 81, kind: "deleted" });
  });
});

describe("rows read back from the sheet", () => {
  it("accepts whole numbers stored as text and verifies the round trip", () => {
    const asText = chain(40).map((row) =>
      Object.fromEntries(LOG_COLUMNS.map((c) => [c, typeof row[c] === "number" ? String(row[c]) : row[c]])),
    );
    const read = asText.map(readLogRow);
    expect(read).toEqual(chain(40));
    expect(verifyChain(read, KEY)).toMatchObject({ ok: true, count: 40 });
  });

  it("returns null for a row that is not a log row", () => {
    const row = chain(1)[0]!;
    expect(readLogRow({ ...row, action: "approved" })).toBeNull();
    expect(readLogRow({ ...row, seq: "one" })).toBeNull();
    expect(readLogRow({ ...row, at: "yesterday" })).toBeNull();
    expect(readLogRow({})).toBeNull();
  });
});

describe("chain laws on seeded random chains", () => {
  const seeds = Array.from({ length: 40 }, (_, i) => 77 + i * 104729);
  const KINDS = ["edit", "delete", "insert", "copy"] as const;

  it.each(seeds)("seed %i: an untampered chain verifies, and one tamper is found where it was made", (seed) => {
    const random = rng(seed);
    const n = 2 + Math.floor(random() * 300);
    const rows = ROWS.slice(0, n);
    const anchor = anchorOf(rows);
    expect(verifyChain(rows, KEY, anchor)).toMatchObject({ ok: true, count: n });

    const kind = pick(random, KINDS);
    const at = Math.floor(random() * n); // 0-based row to tamper with
    const tampered: LogRow[] = [...rows];
    let expected: { row: number; kind: string };
    switch (kind) {
      case "edit":
        tampered[at] = { ...rows[at]!, comment: `${rows[at]!.comment} (edited)` };
        expected = { row: at + 1, kind: "edited" };
        break;
      case "delete":
        tampered.splice(at, 1);
        expected = at === n - 1 ? { row: n, kind: "truncated" } : { row: at + 1, kind: "deleted" };
        break;
      case "insert":
        tampered.splice(at, 0, forgedAfter(rows[at - 1], rows[at]!));
        expected = { row: at + 1, kind: "inserted" };
        break;
      case "copy":
        tampered.splice(at + 1, 0, rows[at]!);
        expected = { row: at + 2, kind: "inserted" };
        break;
    }
    expect(verifyChain(tampered, KEY, anchor)).toMatchObject({ ok: false, ...expected });
  });
});
