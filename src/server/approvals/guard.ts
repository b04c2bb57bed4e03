// One job of the simple onEdit trigger: when a person changes a single cell holding an approved field of an approved
// campaign, or a budget line of one, say so at once (a note with the approved value, a red background, a toast). It
// runs on every edit of every user in AuthMode.LIMITED, so it stays cheap: no lock, no mail, no whole-tab read; the
// document properties as onEdit read them once (the layout, kept by every write), the row's ID cell (on the Budget
// tab: the edited row's cells), and the campaign's approved digests from the hidden state tab (its ID column and one
// cell): the same calls for 10 approved campaigns as for 10,000.

import { asString, isNumber, max } from "../../domain/builtins";
import { fieldDigest, type GuardEntry, lineKey } from "../../domain/guard";
import { catalogIn, fill, type Lang, langOf } from "../../domain/i18n";
import { formatMoney, toMinorUnits } from "../../domain/money";
import { planSnapshot, SNAPSHOT_FIELDS, type SnapshotField } from "../../domain/workflow";
import { planDraftFromCells } from "../../workbook/approvals/campaigns";
import { guardEntryText } from "../../workbook/approvals/log-state";
import { isDate, cellText as text } from "../../workbook/shared/cells";
import type { RangePort, SheetPort } from "../../workbook/shared/ports";
import { formatDate } from "../shared/active";
import type { EditedCell } from "../shared/edit-event";
import { userLang } from "../shared/locale";
import { FLAG_BACKGROUND, FLAG_NOTE } from "../shared/projection";
import { type BudgetGuardLayout, type GuardLayout, KEY, parseJson } from "../shared/store";

/** The edited cell's value in the form the approved snapshot keeps (dates in the spreadsheet's zone). */
function currentValue(field: SnapshotField, value: unknown, entry: GuardEntry, timeZone: string) {
  const cell = isDate(value) ? formatDate(value, timeZone) : value;
  const draft = planDraftFromCells(
    { [field]: cell, currency: field === "currency" ? cell : entry.currency },
    entry.currency,
  );
  return planSnapshot(draft)[field];
}

/** One campaign's guard data from the hidden state tab: a constant number of calls, whatever the campaigns. */
function entryOf(sheet: SheetPort, layout: GuardLayout, id: string): GuardEntry | null {
  if (layout.stateSheetId === undefined) return null;
  const state = sheet.getParent().getSheetById(layout.stateSheetId);
  return state ? parseJson<GuardEntry>(guardEntryText(state, id)) : null;
}

/** `stored`: the document properties, as onEdit read them for all its handlers. */
export function guardEdit(cell: EditedCell, stored: Readonly<Record<string, string>>): void {
  // Until a plan is approved there is no layout, and the edit costs nothing more here.
  const layout = parseJson<GuardLayout>(stored[KEY.layout]);
  if (!layout) return;
  // The column first: most edits are of no approved field, and that needs no other question about the range.
  const column = cell.column();
  const field = SNAPSHOT_FIELDS.find((f) => layout.columns[f] === column);
  const lines = layout.budget;
  const lineColumn = lines !== undefined && Object.values(lines.columns).includes(column);
  if ((!field && !lineColumn) || !cell.isSingleDataCell()) return;
  const range = cell.range;
  const sheet = cell.sheet();
  const sheetId = cell.sheetId();
  if (lines && lineColumn && sheetId === lines.sheetId) {
    guardLine(cell, sheet, layout, lines);
    return;
  }
  if (!field || sheetId !== layout.sheetId) return;
  const id = asString(sheet.getRange(cell.row(), layout.idColumn).getValue() ?? "").trim();
  const entry = id ? entryOf(sheet, layout, id) : null;
  if (!entry) return;
  const changed = fieldDigest(currentValue(field, range.getValue(), entry, layout.timeZone)) !== entry.digests[field];
  flag(range, sheet, layout, changed, { field: `workflow.field.${field}`, id, value: entry.shown[field] ?? "" });
}

/** Flags a changed cell (a note with the approved value, a red background, a toast), or takes our flag off. */
function flag(
  range: RangePort,
  sheet: SheetPort,
  layout: GuardLayout,
  changed: boolean,
  what: { readonly field: `workflow.field.${SnapshotField | "lines"}`; readonly id: string; readonly value: string },
): void {
  if (changed) {
    const lang: Lang = langOf(layout.lang);
    range.setNote(fill(catalogIn(lang)["guard.note"], { value: what.value }));
    range.setBackground(FLAG_BACKGROUND);
    const mine = catalogIn(userLang());
    sheet.getParent().toast(fill(mine["guard.toast"], { ...what, field: mine[what.field] }), mine["app.name"], 10);
  } else if (FLAG_NOTE.test(range.getNote())) {
    // Back to the approved value: the flag goes.
    range.setNote(null);
    range.setBackground(null);
  }
}

/**
 * An edit on the Budget tab: the edited row (one read of its cells) is compared with the approved line of the same
 * category, month and currency of its campaign, from the cache. A line of an approved campaign that is not one of its
 * approved lines, or has another amount, is flagged; the reads on every sidebar and report stay the authority (a line
 * split over two rows, say, is flagged here but is no change there).
 */
function guardLine(edited: EditedCell, sheet: SheetPort, layout: GuardLayout, lines: BudgetGuardLayout): void {
  const range = edited.range;
  const columns = lines.columns;
  const width = max(...Object.values(columns).filter((c): c is number => c !== undefined));
  const cells = sheet.getRange(edited.row(), 1, 1, width).getValues()[0] ?? [];
  const cell = (key: keyof typeof columns) => {
    const c = columns[key];
    return c === undefined ? "" : cells[c - 1];
  };
  const id = text(cell("campaign"));
  const entry = id ? entryOf(sheet, layout, id) : null;
  if (!entry?.lines) {
    // Not a line of a campaign whose lines were approved (any more): a flag of ours has nothing left to say.
    flag(range, sheet, layout, false, { field: "workflow.field.lines", id, value: "" });
    return;
  }
  const currency = text(cell("currency")).toUpperCase() || lines.currency;
  const month = cell("month");
  const category = text(cell("category"));
  const monthText = isDate(month) ? formatDate(month, layout.timeZone, "yyyy-MM") : text(month);
  const planned = cell("planned");
  const amount = isNumber(planned) ? toMinorUnits(planned, currency) : null;
  const approved = entry.lines[lineKey(category, monthText, currency)];
  const value = approved === undefined ? "—" : `${category} · ${monthText}: ${formatMoney(approved, currency)}`;
  flag(range, sheet, layout, approved === undefined || amount !== approved, {
    field: "workflow.field.lines",
    id,
    value,
  });
}
