// The fold of a verified prefix of the approval log, as text an execution can keep and the next one can trust:
// sealed with the log's key and tied to the prefix (its row count and last hash), so a read needs only the rows
// appended since, not the whole log. A copy edited by hand, or made without the key, does not verify and is
// rebuilt from the log.

import { asString, isArray, isObject, mathMin, stringify } from "../builtins";
import type { HashFn } from "./chain";
import { type CampaignView, type FoldResult, type RequestView, toView } from "./fold";
import { canonicalJson, type JsonValue } from "./json";
import { LOG_COLUMNS, type LogEntry } from "./model";

/** Versions the kept text, so a later layout is rebuilt rather than misread. */
export const FOLD_FORMAT = "campaign-control/fold/2";

/** Where the folded prefix ends: its row count, its last row's hash, and that row's place in the sheet. */
export interface FoldMark {
  readonly count: number;
  readonly lastHash: string;
  readonly sheetRow: number;
}

export interface FoldState extends FoldMark {
  readonly fold: FoldResult;
}

/** An event's fields: a log row's, without its place in the chain. */
const ENTRY_KEYS = LOG_COLUMNS.filter(
  (k): k is keyof LogEntry => k !== "seq" && k !== "prevHash" && k !== "hash",
) as readonly (keyof LogEntry)[];

/** A request without its entries (they are its campaign's history rows with its ID); `data` 0: as its snapshot says. */
type StoredRequest = Omit<RequestView, "entries" | "data"> & { readonly data: RequestView["data"] | 0 };

/** An approved plan or execution plan: the ID of the request whose data it is, or the data itself. */
type StoredRef<T> = { readonly request: string } | { readonly value: T } | null;

interface StoredCampaign {
  readonly id: string;
  readonly state: CampaignView["state"];
  readonly owner: string;
  readonly approvedPlan: StoredRef<CampaignView["approvedPlan"]>;
  readonly approvedExecution: StoredRef<CampaignView["approvedExecution"]>;
  /** Events as arrays; a snapshot equal to its request's is stored as 0 (a submit and its approvals share it). */
  readonly history: readonly (readonly unknown[])[];
  readonly requests: readonly StoredRequest[];
}

interface StoredFold {
  readonly format: string;
  readonly count: number;
  readonly lastHash: string;
  readonly sheetRow: number;
  readonly campaigns: readonly StoredCampaign[];
  readonly anomalies: FoldResult["anomalies"];
  /** Other entities' events as arrays, in log order. */
  readonly others: readonly (readonly unknown[])[];
}

const SNAPSHOT_INDEX = ENTRY_KEYS.indexOf("snapshot");

/** The events only (a view's history), as arrays in a fixed key order. */
function entryRow(e: LogEntry, requests: ReadonlyMap<string, RequestView>): unknown[] {
  const row: unknown[] = ENTRY_KEYS.map((k) => e[k]);
  if (e.snapshot !== "" && requests.get(e.requestId)?.snapshot === e.snapshot) row[SNAPSHOT_INDEX] = 0;
  return row;
}

function entryOf(row: readonly unknown[], snapshots: ReadonlyMap<string, string>): LogEntry {
  const out: Record<string, unknown> = Object.fromEntries(ENTRY_KEYS.map((k, i) => [k, row[i]]));
  if (out.snapshot === 0) out.snapshot = snapshots.get(asString(out.requestId)) ?? "";
  return out as unknown as LogEntry;
}

/** Payloads restored from their snapshot text: known to be equal to it, so saving again needs no comparison. */
const FROM_SNAPSHOT = new WeakSet<object>();

/** The payload as the envelope text alone gives it (no schema): what `data` is for most requests. */
function plainData(snapshot: string): JsonValue | undefined {
  try {
    return (JSON.parse(snapshot) as { data?: JsonValue })?.data;
  } catch {
    return undefined;
  }
}

function fromSnapshot(snapshot: string): JsonValue {
  const data = plainData(snapshot) ?? null;
  if (isObject(data)) FROM_SNAPSHOT.add(data);
  return data;
}

function refOf<T>(value: T | null, requests: readonly RequestView[]): StoredRef<T> {
  if (value === null) return null;
  const from = requests.find((r) => r.data === (value as unknown));
  return from ? { request: from.id } : { value };
}

function fromRef<T>(ref: StoredRef<T> | undefined, requests: readonly RequestView[]): T | null {
  if (!ref) return null;
  if ("value" in ref) return ref.value;
  return (requests.find((r) => r.id === ref.request)?.data ?? null) as T | null;
}

/** The text to keep: JSON, with the mark inside so a copy cannot be moved to another prefix. */
export function foldText(state: FoldState): string {
  const campaigns: StoredCampaign[] = [];
  for (const view of state.fold.campaigns.values()) {
    const byId = new Map(view.requests.map((r) => [r.id, r]));
    campaigns.push({
      id: view.id,
      state: view.state,
      owner: view.owner,
      approvedPlan: refOf(view.approvedPlan, view.requests),
      approvedExecution: refOf(view.approvedExecution, view.requests),
      history: view.history.map((e) => entryRow(e, byId)),
      requests: view.requests.map(({ entries: _entries, data, ...r }) => {
        const known = isObject(data) && FROM_SNAPSHOT.has(data);
        const plain = known ? undefined : plainData(r.snapshot);
        const same = known || (plain !== undefined && canonicalJson(plain) === canonicalJson(data));
        return { ...r, data: same ? 0 : data };
      }),
    });
  }
  const stored: StoredFold = {
    format: FOLD_FORMAT,
    count: state.count,
    lastHash: state.lastHash,
    sheetRow: state.sheetRow,
    campaigns,
    anomalies: state.fold.anomalies,
    others: state.fold.others.map((e) => ENTRY_KEYS.map((k) => e[k])),
  };
  return stringify(stored);
}

/** The seal of a kept fold: the log's keyed hash over the text, so only this script can make one that verifies. */
export function foldSeal(text: string, hash: HashFn): string {
  return hash(`${FOLD_FORMAT}\n${text}`);
}

/** The kept fold back, or null when it is not one this version wrote or its seal does not hold. */
export function readFoldText(text: string, seal: string, hash: HashFn): FoldState | null {
  if (text === "" || seal === "" || foldSeal(text, hash) !== seal) return null;
  let stored: StoredFold;
  try {
    stored = JSON.parse(text) as StoredFold;
  } catch {
    return null;
  }
  if (stored?.format !== FOLD_FORMAT || !isArray(stored.campaigns as unknown)) return null;
  if (!isArray(stored.others as unknown)) return null;
  const campaigns = new Map<string, CampaignView>();
  for (const c of stored.campaigns) {
    const snapshots = new Map(c.requests.map((r: StoredRequest) => [r.id, r.snapshot]));
    const history: LogEntry[] = c.history.map((row) => entryOf(row, snapshots));
    const requests: RequestView[] = c.requests.map((r: StoredRequest) => ({
      ...r,
      data: r.data === 0 ? fromSnapshot(r.snapshot) : r.data,
      entries: history.filter((e: LogEntry) => e.requestId === r.id),
    }));
    campaigns.set(
      c.id,
      toView({
        id: c.id,
        state: c.state,
        requests,
        approvedPlan: fromRef(c.approvedPlan, requests),
        approvedExecution: fromRef(c.approvedExecution, requests),
        owner: c.owner,
        history,
      }),
    );
  }
  return {
    count: stored.count,
    lastHash: stored.lastHash,
    sheetRow: stored.sheetRow,
    fold: { campaigns, anomalies: stored.anomalies ?? [], others: stored.others.map((row) => entryOf(row, new Map())) },
  };
}

/** Cells hold at most 50,000 characters; the kept text goes into cells of this many, a pair never split. */
export const CHUNK_CHARS = 40_000;

export function chunksOf(text: string, size = CHUNK_CHARS): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = mathMin(i + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}
