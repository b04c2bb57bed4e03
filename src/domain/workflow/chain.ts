// The approval log's hash chain: rows are sealed in order with a keyed hash, and verification names the first row that was edited, deleted, inserted or cut off.

import { asNumber, isString, stringify } from "../builtins";
import type { WorkflowMessageKey } from "./messages";
import { LOG_COLUMNS, type LogEntry, type LogRow, LogRowSchema } from "./model";

/**
 * Injected so the domain stays pure. The server passes a keyed HMAC-SHA256 (the key lives in document
 * properties), so an editor of the sheet can neither recompute a hash after an edit nor forge a row.
 */
export type HashFn = (text: string) => string;

/** prevHash of the first row. */
export const GENESIS_HASH = "";

/** Versions the hashed text, so a future change of the row layout can be told apart from tampering. */
export const CHAIN_FORMAT = "campaign-control/approval-log/1";

/** The columns that are hashed: every one but the hash itself, which is the last. */
const HASHED = LOG_COLUMNS.filter((key): key is Exclude<typeof key, "hash"> => key !== "hash");

/**
 * The exact text that is hashed: a JSON array in column order (everything but the hash itself). JSON strings
 * escape every character unambiguously and integers have one spelling, so there is no whitespace or
 * separator ambiguity between fields.
 */
export function chainText(row: Omit<LogRow, "hash">): string {
  return stringify([CHAIN_FORMAT, ...HASHED.map((key) => row[key])]);
}

/** Where the chain ends: kept in document properties, so rows cut from the end are noticed. */
export interface ChainAnchor {
  readonly count: number;
  readonly lastHash: string;
}

/** Seals new entries after the last row of the log (null for an empty log). */
export function sealEntries(
  entries: readonly LogEntry[],
  last: { readonly seq: number; readonly hash: string } | null,
  hash: HashFn,
): LogRow[] {
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  return entries.map((entry) => {
    seq += 1;
    const unsealed = { ...entry, seq, prevHash };
    const row: LogRow = { ...unsealed, hash: hash(chainText(unsealed)) };
    prevHash = row.hash;
    return row;
  });
}

/** The anchor to store after appending these rows. */
export function anchorOf(rows: readonly LogRow[]): ChainAnchor {
  const last = rows[rows.length - 1];
  return { count: rows.length, lastHash: last?.hash ?? GENESIS_HASH };
}

export const TAMPER_KINDS = ["edited", "deleted", "inserted", "truncated"] as const;
export type TamperKind = (typeof TAMPER_KINDS)[number];

export type ChainVerdict =
  | {
      readonly ok: true;
      readonly count: number;
      readonly lastHash: string;
      readonly messageKey: WorkflowMessageKey;
    }
  | {
      /** 1-based position in the log of the first bad row (for truncated: the first missing row). */
      readonly ok: false;
      readonly row: number;
      readonly kind: TamperKind;
      readonly messageKey: WorkflowMessageKey;
    };

/**
 * Rows in log order; null stands for a row that is present but unreadable as a log row (see readLogRow).
 * The first row that fails is classified from what is around it:
 * - its own hash fails and the next row links to the row before it: it was inserted;
 * - its own hash fails otherwise: it was edited (or, past the anchored end, appended by hand: inserted);
 * - its hash holds but its sequence jumps: rows before it were deleted (or moved, if they appear further
 *   down, which makes this row one that does not belong here: inserted);
 * - its hash holds but its sequence repeats or its link is wrong: it does not belong here: inserted.
 * Rows past the anchor that verify were appended by the add-on after the anchor was stored and are fine.
 * `start`: the rows before `rows` were verified already (a checkpoint's count and last hash); positions in the
 * verdict still count from the log's first row.
 */
export function verifyChain(
  rows: readonly (LogRow | null)[],
  hash: HashFn,
  anchor?: ChainAnchor,
  start: ChainAnchor = { count: 0, lastHash: GENESIS_HASH },
): ChainVerdict {
  let prevSeq = start.count;
  let prevHash = start.lastHash;
  const base = start.count;
  // With a start, `rows` are the tail after a verified prefix of `start.count` rows: positions stay log positions.
  const tailAnchor = anchor === undefined ? undefined : { count: anchor.count - base, lastHash: anchor.lastHash };
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] ?? null;
    const selfOk = row !== null && hash(chainText(row)) === row.hash;
    if (selfOk && row.seq === prevSeq + 1 && row.prevHash === prevHash) {
      prevSeq = row.seq;
      prevHash = row.hash;
      continue;
    }
    return broken(base + i + 1, classify(rows, i, prevSeq, prevHash, selfOk, tailAnchor));
  }
  // An anchor inside the verified prefix says nothing the prefix's own link did not (it was checked then).
  if (tailAnchor !== undefined && tailAnchor.count > 0) {
    if (rows.length < tailAnchor.count) return broken(base + rows.length + 1, "truncated");
    // A full-length chain that verifies but ends elsewhere than anchored was cut and then continued.
    if (rows[tailAnchor.count - 1]?.hash !== anchor?.lastHash) return broken(anchor?.count ?? 0, "truncated");
  }
  return { ok: true, count: base + rows.length, lastHash: prevHash, messageKey: "workflow.chain.ok" };
}

function classify(
  rows: readonly (LogRow | null)[],
  i: number,
  prevSeq: number,
  prevHash: string,
  selfOk: boolean,
  anchor: ChainAnchor | undefined,
): TamperKind {
  const row = rows[i] ?? null;
  if (row === null || !selfOk) {
    const next = rows[i + 1] ?? null;
    if (next !== null && next.seq === prevSeq + 1 && next.prevHash === prevHash) return "inserted";
    if (anchor !== undefined && i + 1 > anchor.count) return "inserted";
    // An unreadable row is an edit when it still holds a place in the sequence; a readable one repeating an
    // earlier sequence number is a copy.
    if (row === null) return "edited";
    return row.seq <= prevSeq ? "inserted" : "edited";
  }
  if (row.seq > prevSeq + 1) {
    const missingLater = rows.slice(i + 1).some((r) => r !== null && r.seq > prevSeq && r.seq < row.seq);
    return missingLater ? "inserted" : "deleted";
  }
  return "inserted";
}

function broken(row: number, kind: TamperKind): ChainVerdict {
  return { ok: false, row, kind, messageKey: `workflow.chain.${kind}` };
}

/**
 * A log row from cell values keyed by column, or null when it is not one. Whole numbers written as text
 * (a plain-text column) are accepted, since the log tab keeps every cell as text.
 */
export function readLogRow(values: Readonly<Record<string, unknown>>): LogRow | null {
  const numeric = (v: unknown) => (isString(v) && /^\d+$/.test(v.trim()) ? asNumber(v.trim()) : v);
  const parsed = LogRowSchema.safeParse({
    ...values,
    seq: numeric(values.seq),
    requestVersion: numeric(values.requestVersion),
    level: numeric(values.level),
  });
  return parsed.success ? parsed.data : null;
}
