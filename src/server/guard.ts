// The simple onEdit trigger's one job: when a person changes a single cell holding an approved field of an
// approved campaign, say so at once (a note with the approved value, a red background, a toast). It runs on every
// edit of every user in AuthMode.LIMITED, so it stays cheap: no lock, no mail, no tab read; two document
// properties (the layout and the campaign's approved digests, kept by every write) and the row's ID cell.
import { fieldDigest, type GuardEntry } from "../domain/guard";
import { CATALOG, fill, type Lang, langOf } from "../domain/i18n";
import { planSnapshot, SNAPSHOT_FIELDS, type SnapshotField } from "../domain/workflow";
import { planDraftFromCells } from "../workbook/campaigns";
import { isDate } from "../workbook/cells";
import { userLang } from "./locale";
import type { RangePort } from "./ports";
import { FLAG_BACKGROUND, FLAG_NOTE } from "./projection";
import { type GuardLayout, KEY, parseJson } from "./store";

export interface EditEvent {
  readonly range?: RangePort;
}

/** The edited cell's value in the form the approved snapshot keeps (dates in the spreadsheet's zone). */
function currentValue(field: SnapshotField, value: unknown, entry: GuardEntry, timeZone: string) {
  const cell = isDate(value) ? Utilities.formatDate(value, timeZone, "yyyy-MM-dd") : value;
  const draft = planDraftFromCells(
    { [field]: cell, currency: field === "currency" ? cell : entry.currency },
    entry.currency,
  );
  return planSnapshot(draft)[field];
}

export function guardEdit(e: EditEvent): void {
  const range = e?.range;
  if (!range) return;
  // Until a plan is approved there is no layout, and an edit costs one property read.
  const props = PropertiesService.getDocumentProperties();
  const layout = parseJson<GuardLayout>(props?.getProperty(KEY.layout));
  if (!props || !layout || range.getNumRows() !== 1 || range.getNumColumns() !== 1 || range.getRow() < 2) return;
  const column = range.getColumn();
  const field = SNAPSHOT_FIELDS.find((f) => layout.columns[f] === column);
  if (!field) return;
  const sheet = range.getSheet();
  if (sheet.getSheetId() !== layout.sheetId) return;
  const id = String(sheet.getRange(range.getRow(), layout.idColumn).getValue() ?? "").trim();
  const entry = id ? parseJson<GuardEntry>(props.getProperty(KEY.approvedPrefix + id)) : null;
  if (!entry) return;
  const changed = fieldDigest(currentValue(field, range.getValue(), entry, layout.timeZone)) !== entry.digests[field];
  if (changed) {
    const value = entry.shown[field] ?? "";
    const lang: Lang = langOf(layout.lang);
    range.setNote(fill(CATALOG[lang]["guard.note"], { value }));
    range.setBackground(FLAG_BACKGROUND);
    const me = userLang();
    const fieldLabel = CATALOG[me][`workflow.field.${field}`];
    sheet
      .getParent()
      .toast(fill(CATALOG[me]["guard.toast"], { field: fieldLabel, id, value }), CATALOG[me]["app.name"], 10);
  } else if (FLAG_NOTE.test(range.getNote())) {
    // Back to the approved value: the flag goes.
    range.setNote(null);
    range.setBackground(null);
  }
}
