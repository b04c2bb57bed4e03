// The simple onEdit's view of an edit: the event, and each fact about the edited range fetched at most once, because
// each is a service call, onEdit runs on every edit of every user, and more than one handler looks at the same edit.
import type { RangePort, SheetPort, SpreadsheetPort } from "../../workbook/shared/ports";

export interface EditEvent {
  readonly range?: RangePort;
  /** The new and the previous value as text: Apps Script passes them for a single-cell edit only. */
  readonly value?: unknown;
  readonly oldValue?: unknown;
  readonly source?: SpreadsheetPort;
}

export interface EditedCell {
  readonly event: EditEvent;
  readonly range: RangePort;
  column(): number;
  row(): number;
  /** One cell below the header row. A paste or a fill of many cells is left to the reads, which see every row. */
  isSingleDataCell(): boolean;
  sheet(): SheetPort;
  sheetId(): number;
}

function once<T>(get: () => T): () => T {
  let known = false;
  let value: T | undefined;
  return () => {
    if (!known) {
      value = get();
      known = true;
    }
    return value as T;
  };
}

export function editedCell(event: EditEvent, range: RangePort): EditedCell {
  const row = once(() => range.getRow());
  const sheet = once(() => range.getSheet());
  return {
    event,
    range,
    column: once(() => range.getColumn()),
    row,
    isSingleDataCell: once(() => range.getNumRows() === 1 && range.getNumColumns() === 1 && row() >= 2),
    sheet,
    sheetId: once(() => sheet().getSheetId()),
  };
}
