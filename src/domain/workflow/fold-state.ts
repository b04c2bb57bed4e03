// The fold of a verified prefix of the approval log, as text an execution can keep and the next one can trust:
// sealed with the log's key and tied to the prefix (its row count and last hash), so a read needs only the rows
// appended since, not the whole log. A copy edited by hand, or made without the key, does not verify and is
// rebuilt from the log.
import type { HashFn } from "./chain";
import type { CampaignView, FoldResult, RequestView } from "./fold";
import type { LogEntry } from "./model";
import { REQUEST_RULES } from "./transitions";

/** Versions the kept text, so a later layout is rebuilt rather than misread. */
export const FOLD_FORMAT = "campaign-control/fold/1";

/** Where the folded prefix ends: its row count, its last row's hash, and that row's place in the sheet. */
export interface FoldMark {
  readonly count: number;
  readonly lastHash: string;
  readonly sheetRow: number;
}

export interface FoldState extends FoldMark {
  readonly fold: FoldResult;
}

const ENTRY_KEYS = [
  "id",
  "at",
  "actor",
  "onBehalfOf",
  "entityType",
  "entityId",
  "requestId",
  "requestType",
  "requestVersion",
  "action",
  "fromState",
  "toState",
  "level",
  "comment",
  "snapshot",
] as const satisfies readonly (keyof LogEntry)[];

type StoredRequest = Omit<RequestView, "entries">;

interface StoredCampaign {
  readonly id: string;
  readonly state: CampaignView["state"];
  readonly owner: string;
  readonly approvedPlan: CampaignView["approvedPlan"];
  readonly approvedExecution: CampaignView["approvedExecution"];
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
}

/** The events only (a view's history), as arrays in a fixed key order: the kept text stays about the log's size. */
function entryRow(e: LogEntry): unknown[] {
  return ENTRY_KEYS.map((k) => e[k]);
}

function entryOf(row: readonly unknown[]): LogEntry {
  const out: Record<string, unknown> = {};
  ENTRY_KEYS.forEach((k, i) => {
    out[k] = row[i];
  });
  return out as unknown as LogEntry;
}

/** The text to keep: JSON, with the mark inside so a copy cannot be moved to another prefix. */
export function foldText(state: FoldState): string {
  const campaigns: StoredCampaign[] = [];
  for (const view of state.fold.campaigns.values()) {
    campaigns.push({
      id: view.id,
      state: view.state,
      owner: view.owner,
      approvedPlan: view.approvedPlan,
      approvedExecution: view.approvedExecution,
      history: view.history.map(entryRow),
      requests: view.requests.map(({ entries: _entries, ...r }) => r),
    });
  }
  const stored: StoredFold = {
    format: FOLD_FORMAT,
    count: state.count,
    lastHash: state.lastHash,
    sheetRow: state.sheetRow,
    campaigns,
    anomalies: state.fold.anomalies,
  };
  return JSON.stringify(stored);
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
  if (stored?.format !== FOLD_FORMAT || !Array.isArray(stored.campaigns as unknown)) return null;
  const campaigns = new Map<string, CampaignView>();
  for (const c of stored.campaigns) {
    const history: LogEntry[] = c.history.map(entryOf);
    const requests: RequestView[] = c.requests.map((r: StoredRequest) => ({
      ...r,
      entries: history.filter((e: LogEntry) => e.requestId === r.id),
    }));
    const openRequests = requests.filter((r) => r.status === "open");
    campaigns.set(c.id, {
      id: c.id,
      state: c.state,
      openRequest: openRequests.find((r) => REQUEST_RULES[r.type].exclusive) ?? null,
      openRequests,
      requests,
      approvedPlan: c.approvedPlan,
      approvedExecution: c.approvedExecution,
      owner: c.owner,
      history,
    });
  }
  return {
    count: stored.count,
    lastHash: stored.lastHash,
    sheetRow: stored.sheetRow,
    fold: { campaigns, anomalies: stored.anomalies ?? [] },
  };
}

/** Cells hold at most 50,000 characters; the kept text goes into cells of this many, a pair never split. */
export const CHUNK_CHARS = 40_000;

export function chunksOf(text: string, size = CHUNK_CHARS): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}
