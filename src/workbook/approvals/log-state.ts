// The add-on's hidden state tab: what grows with the campaigns and must not live in the document properties (which
// hold 500 KB in all). Columns A:C hold the sealed fold of the approval log's verified prefix (A1 a note, B1 its
// seal, C1 how many cells of column A below hold its text); columns D:E hold onEdit's guard data, one row per
// approved, open campaign (its ID, its approved digests). Every cell is written with a leading "|", so Sheets
// keeps it as the text it is (an ID such as 2026-01 or a hash such as 1e5... would otherwise be read as a value).
// The whole tab is written with one setValues, so a kill leaves the old state or the new one, never a mix.

import { asNumber, asString, isString, mathCeil } from "../../domain/builtins";
import { isBlank } from "../../domain/found";
import type { SheetPort, SpreadsheetPort } from "../shared/ports";
import { PROTECTION_DESCRIPTION } from "../shared/spec";

/** The tab's name (it is hidden; the note in A1 says what it is in both languages). */
export const STATE_TAB_NAME = "Campaign Control state";
const NOTE = "Campaign Control: kept from the approval log, do not edit / 由审批记录生成，请勿编辑";
const WIDTH = 5;
const MARK = "|";

export interface StateRead {
  readonly sheet: SheetPort;
  /** The fold's seal and text (chunks joined); "" when none is kept. */
  readonly seal: string;
  readonly foldText: string;
  /** Guard data by campaign ID (JSON text). */
  readonly guard: ReadonlyMap<string, string>;
  /** Rows the tab holds now (so a smaller state blanks the rest in the same write). */
  readonly height: number;
}

function unmark(value: unknown): string {
  const text = isString(value) ? value : isBlank(value) ? "" : asString(value);
  return text.startsWith(MARK) ? text.slice(MARK.length) : text;
}

/** The state tab by its sheet id (one call), or null when there is none (never made, or deleted by hand). */
export function stateSheet(ss: SpreadsheetPort, sheetId: number | null): SheetPort | null {
  if (sheetId === null) return null;
  return ss.getSheetById(sheetId);
}

/** Reads the whole tab: one getDataRange and one getValues. */
export function readState(sheet: SheetPort): StateRead {
  const values = sheet.getDataRange().getValues();
  const top = values[0] ?? [];
  const chunks = asNumber(unmark(top[2]));
  let foldText = "";
  if (Number.isInteger(chunks) && chunks > 0 && chunks < values.length) {
    const parts: string[] = [];
    for (let r = 1; r <= chunks; r++) parts.push(unmark(values[r]?.[0]));
    foldText = parts.join("");
  }
  const guard = new Map<string, string>();
  for (let r = 1; r < values.length; r++) {
    const id = unmark(values[r]?.[3]);
    if (id !== "") guard.set(id, unmark(values[r]?.[4]));
  }
  return { sheet, seal: unmark(top[1]), foldText, guard, height: values.length };
}

/**
 * Makes the hidden tab (five columns, a warning-only protection); the caller keeps its id. A tab of that name left by
 * an execution that died before keeping its id is taken again (its contents are overwritten whole).
 */
export function createStateSheet(ss: SpreadsheetPort): SheetPort {
  const left = ss.getSheetByName(STATE_TAB_NAME);
  if (left) return left;
  const sheet = ss.insertSheet(STATE_TAB_NAME);
  const extra = sheet.getMaxColumns() - WIDTH;
  if (extra > 0) sheet.deleteColumns(WIDTH + 1, extra);
  sheet.hideSheet();
  sheet.protect().setDescription(PROTECTION_DESCRIPTION).setWarningOnly(true);
  return sheet;
}

/** Writes the whole state in one setValues (blanking rows a smaller state no longer uses). */
export function writeState(
  sheet: SheetPort,
  previousHeight: number,
  fold: { readonly seal: string; readonly chunks: readonly string[] },
  guard: readonly (readonly [string, string])[],
): void {
  const height = Math.max(previousHeight, 1 + fold.chunks.length, 1 + guard.length, 1);
  const block: string[][] = [];
  block.push([NOTE, fold.seal ? MARK + fold.seal : "", `${MARK}${fold.chunks.length}`, "", ""]);
  for (let i = 1; i < height; i++) {
    const chunk = fold.chunks[i - 1];
    const entry = guard[i - 1];
    block.push([
      chunk === undefined ? "" : MARK + chunk,
      "",
      "",
      entry ? MARK + entry[0] : "",
      entry ? MARK + entry[1] : "",
    ]);
  }
  // Rows are added with room to spare, so a state that grows by a campaign or two does not insert rows every time.
  const max = sheet.getMaxRows();
  if (height > max) sheet.insertRowsAfter(max, height - max + mathCeil(height / 2));
  sheet.getRange(1, 1, height, WIDTH).setValues(block);
}

/**
 * onEdit's lookup of one campaign's guard data: the ID column (one read) and the one cell of its entry. A constant
 * number of calls, whatever the number of campaigns.
 */
export function guardEntryText(sheet: SheetPort, id: string): string | null {
  const last = sheet.getLastRow();
  if (last < 2) return null;
  const ids = sheet.getRange(2, 4, last - 1, 1).getValues();
  const wanted = MARK + id;
  const index = ids.findIndex((row) => row[0] === wanted);
  if (index < 0) return null;
  return unmark(sheet.getRange(index + 2, 5).getValue());
}
