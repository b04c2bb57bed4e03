// What the add-on rewrites from the approval log after every write: the Status column (one write, and only when a
// cell differs), the onEdit cache in document properties, and the edit flags of a campaign whose new plan was
// just approved (its approved values are what the cells hold now).

import { asString, max, stringify } from "../../domain/builtins";
import { statusLabel } from "../../domain/campaign";
import { type GuardEntry, guardEntry } from "../../domain/guard";
import type { Lang } from "../../domain/i18n";
import {
  type CampaignView,
  chunksOf,
  type FoldResult,
  foldSeal,
  foldText,
  SNAPSHOT_FIELDS,
  type SnapshotField,
  TERMINAL_STATES,
} from "../../domain/workflow";
import type { CampaignTable } from "../../workbook/approvals/campaigns";
import { createStateSheet, writeState } from "../../workbook/approvals/log-state";
import { setExactValues } from "../../workbook/shared/cells";
import type { RangePort, SheetPort } from "../../workbook/shared/ports";
import type { BudgetLines } from "../../workbook/spend/budget-lines";
import {
  type BudgetGuardLayout,
  type GuardLayout,
  guardProps,
  KEY,
  LINE_KEYS,
  parseJson,
  syncGuardProps,
} from "./store";
import type { Workspace } from "./workspace";

/** Our note on a flagged cell starts with the approved value, in either language. */
export const FLAG_NOTE = /^(Approved value|已批准的值)/;
export const FLAG_BACKGROUND = "#fce8e6";

export function stateOf(fold: FoldResult, id: string): CampaignView["state"] {
  return fold.campaigns.get(id)?.state ?? "Draft";
}

/** Writes the Status column when any cell disagrees with the log; returns whether it wrote. */
export function projectStatuses(campaigns: CampaignTable | null, fold: FoldResult, lang: Lang): boolean {
  if (!campaigns) return false;
  const { table, index } = campaigns.keyed;
  const statusColumn = index.get("status");
  const idColumn = index.get("id");
  if (statusColumn === undefined || idColumn === undefined || table.height < 2) return false;
  const byRow = new Map(table.rows.map((r) => [r.row, r.cells]));
  const column: unknown[][] = [];
  let differs = false;
  for (let row = 2; row <= table.height; row++) {
    const cells = byRow.get(row);
    const current = cells?.[statusColumn - 1] ?? "";
    const id = asString(cells?.[idColumn - 1] ?? "").trim();
    if (id === "") {
      column.push([current]);
      continue;
    }
    const label = statusLabel(stateOf(fold, id), lang);
    if (current !== label) differs = true;
    column.push([label]);
  }
  // Cells without an ID are written back as read: text there must stay text (setExactValues).
  if (differs)
    setExactValues(
      table.sheet.getRange(2, statusColumn, column.length, 1),
      { tab: table.name, row: 2, column: statusColumn },
      column,
    );
  return differs;
}

/** Where the Budget tab's line cells are: from the tab when it was read, else as the cache last had it. */
function budgetLayout(ws: Workspace, budget: BudgetLines | null): BudgetGuardLayout | undefined {
  const read = budget?.read;
  if (!read) return budget ? undefined : (parseJson<GuardLayout>(ws.props[KEY.layout])?.budget ?? undefined);
  const columns: Partial<Record<(typeof LINE_KEYS)[number], number>> = {};
  for (const key of LINE_KEYS) {
    const column = read.index.get(key);
    if (column !== undefined) columns[key] = column;
  }
  return { sheetId: read.table.sheet.getSheetId(), columns, currency: ws.settings.currency };
}

/** The onEdit cache the log implies now. `budget`: the Budget tab's lines when this execution read them. */
export function wantedGuard(ws: Workspace, fold: FoldResult, budget: BudgetLines | null = ws.budget) {
  const campaigns = ws.campaigns;
  let layout: GuardLayout | null = null;
  const entries = new Map<string, GuardEntry>();
  if (campaigns) {
    const idColumn = campaigns.keyed.index.get("id");
    const columns: Partial<Record<SnapshotField, number>> = {};
    for (const field of SNAPSHOT_FIELDS) {
      const column = campaigns.keyed.index.get(field);
      if (column !== undefined) columns[field] = column;
    }
    for (const [id, view] of fold.campaigns) {
      if (view.approvedPlan && !TERMINAL_STATES.includes(view.state)) entries.set(id, guardEntry(view.approvedPlan));
    }
    if (idColumn !== undefined && entries.size > 0) {
      const lines = budgetLayout(ws, budget);
      layout = {
        sheetId: campaigns.sheet.getSheetId(),
        idColumn,
        columns,
        timeZone: ws.timeZone,
        lang: ws.sheetLang,
        ...(lines ? { budget: lines } : {}),
      };
    }
  }
  return { layout, entries };
}

/**
 * Brings what the log implies to where it is kept: the guard data and the fold of the log to the hidden state tab
 * (one read, already made by the workspace, and one write when anything differs), the guard's layout (one small
 * value, whatever the number of campaigns) to the document properties. Run after the log rows are appended, so a
 * kill before it leaves the old state, which the next write brings up to date.
 */
export function syncGuard(ws: Workspace, fold: FoldResult, budget: BudgetLines | null = ws.budget): void {
  const { layout, entries } = wantedGuard(ws, fold, budget);
  const sheetId = saveKept(ws, fold, entries);
  const withState = layout && sheetId !== null ? { ...layout, stateSheetId: sheetId } : layout;
  syncGuardProps(ws.propsStore, ws.props, guardProps(withState));
}

/**
 * Brings the Status column, the guard data and the kept fold up to the log as read, when rows were found that the kept
 * fold does not hold (an execution killed between its append and its projections, or the first write after an upgrade).
 */
export function healProjections(ws: Workspace): void {
  projectStatuses(ws.campaigns, ws.fold, ws.sheetLang);
  syncGuard(ws, ws.fold);
  ws.kept.behind = false;
}

/** Writes the kept fold and the guard rows when they differ from the tab's; returns the tab's sheet id. */
function saveKept(ws: Workspace, fold: FoldResult, entries: ReadonlyMap<string, GuardEntry>): number | null {
  const kept = ws.kept;
  if (!ws.verdict.ok) return kept.state?.sheet.getSheetId() ?? null;
  let seal = "";
  let chunks: string[] = [];
  if (kept.count > 0) {
    const text = foldText({ count: kept.count, lastHash: kept.lastHash, sheetRow: kept.sheetRow, fold });
    seal = foldSeal(text, kept.hash);
    chunks = chunksOf(text);
  }
  const guard = [...entries].map(([id, entry]) => [id, stringify(entry)] as const);
  const state = kept.state;
  const same =
    state !== null &&
    state.seal === seal &&
    state.guard.size === guard.length &&
    guard.every(([id, text]) => state.guard.get(id) === text);
  if (same) return stateIdOf(ws, state.sheet);
  if (state === null && seal === "" && guard.length === 0) return null;
  const sheet = state?.sheet ?? createStateSheet(ws.ss);
  const id = stateIdOf(ws, sheet);
  writeState(sheet, state?.height ?? 0, { seal, chunks }, guard);
  return id;
}

/** The state tab's id, kept in the document properties (written only when it changed: a new or re-made tab). */
function stateIdOf(ws: Workspace, sheet: SheetPort): number {
  const id = sheet.getSheetId();
  if (ws.props[KEY.state] !== asString(id)) ws.propsStore.setProperty(KEY.state, asString(id));
  return id;
}

/**
 * Removes our flags from a campaign's rows of the Budget tab (its new lines were just approved): one read of the
 * tab's notes, and one write of notes and backgrounds only when a flag of ours is there.
 */
export function clearLineFlags(budget: BudgetLines | null, id: string): void {
  const read = budget?.read;
  const rows = budget?.byCampaign.get(id);
  if (!read || !rows || rows.length === 0 || read.table.height < 2) return;
  const width = max(read.table.width, ...read.index.values());
  const indexes = new Set(rows.map((r) => r.row - 2));
  clearFlagsIn(read.table.sheet.getRange(2, 1, read.table.height - 1, width), (i) => indexes.has(i));
}

/** Removes our flags (note and background) from a campaign's row, leaving every other note as it is. */
export function clearFlags(campaigns: CampaignTable | null, id: string): void {
  const row = campaigns?.rowsById.get(id)?.row;
  if (!campaigns || row === undefined) return;
  clearFlagsIn(campaigns.sheet.getRange(row, 1, 1, max(campaigns.width, 1)), () => true);
}

/** Our flags off the range's rows that `picked` names: their notes read once, the rest only when a flag is there. */
function clearFlagsIn(range: RangePort, picked: (index: number) => boolean): void {
  const notes = range.getNotes();
  const mine = (i: number) => picked(i) && (notes[i] ?? []).some((n) => FLAG_NOTE.test(n));
  if (!notes.some((_, i) => mine(i))) return;
  const backgrounds = range.getBackgrounds();
  // Backgrounds before notes: a kill between the two leaves the notes, by which the next clearing finds the flags.
  range.setBackgrounds(
    backgrounds.map((row, i) => (mine(i) ? row.map((b, c) => (FLAG_NOTE.test(notes[i]?.[c] ?? "") ? null : b)) : row)),
  );
  range.setNotes(notes.map((row, i) => (mine(i) ? row.map((n) => (FLAG_NOTE.test(n) ? "" : n)) : row)));
}
