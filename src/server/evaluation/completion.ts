// Keeps a task's Completed on date true to its status: when a person sets Task status to Done in one cell, the simple
// onEdit writes today's date (in the spreadsheet's time zone) into Completed on if it is blank; when the status goes
// back from Done, the date is emptied. The scorecard's on-time rate compares that date with Due, so it rests on a day
// recorded when the work was marked done, not on a guess. onEdit runs on every edit of every user in AuthMode.LIMITED,
// so this stays cheap: no lock, no mail, no tab read. Where the columns are comes from the layout cache in the document
// properties (read once for all of onEdit); only an edit of the Status cell that crosses Done costs more: the two
// header cells the cache is checked against, the row's Completed on cell, and the write.
//
// Script writes never fire onEdit, so anything of ours that marks a task done must stamp the date itself. Nothing
// does today: task statuses are set by people in the sheet. A paste or a fill of many status cells is not stamped
// either (Apps Script passes no values for it, and stamping a block would date rows that were done long ago); such
// rows reach the scorecard as done without a date, counted apart and left out of the rate.

import { asString, mathAbs, mathMin, trimLower } from "../../domain/builtins";
import { isBlank } from "../../domain/found";
import { catalogIn, labelLangs } from "../../domain/i18n";
import { TASKS_TAB } from "../../workbook/approvals/tabs";
import { normalizeLabel } from "../../workbook/shared/columns";
import { storedLayout } from "../../workbook/shared/layouts";
import { formatDate, timeZoneOf } from "../shared/active";
import type { EditedCell } from "../shared/edit-event";

interface TaskColumns {
  readonly sheetId: number;
  readonly status: number;
  readonly completed: number;
  /** The header texts (normalized) the cache saw above the two columns. */
  readonly statusHeader: string;
  readonly completedHeader: string;
}

/**
 * Where Status and Completed on were when the Tasks tab was last set up or read; null when the cache cannot say (no
 * entry, a workbook not yet upgraded, a blank header). A copied column carries our metadata too: the leftmost wins,
 * as in every read.
 */
function taskColumns(stored: Readonly<Record<string, string>>): TaskColumns | null {
  const entry = storedLayout(stored, TASKS_TAB);
  const columns = entry?.columns;
  const header = entry?.header;
  if (!entry || !columns || !header) return null;
  const leftmost = (key: string) => {
    let found = 0;
    for (const [column, k] of columns) if (k === key && column > 0 && (found === 0 || column < found)) found = column;
    return found;
  };
  const status = leftmost("status");
  const completed = leftmost("completed");
  if (status === 0 || completed === 0) return null;
  const statusHeader = header[status - 1] ?? "";
  const completedHeader = header[completed - 1] ?? "";
  // A blank header cannot vouch for its column (a move would go unseen), so nothing is written on its word.
  if (statusHeader === "" || completedHeader === "") return null;
  return { sheetId: entry.sheetId, status, completed, statusHeader, completedHeader };
}

/**
 * True when a status cell's text means Done: the stored value, or the Done label of the language the text is written
 * in. "Done" itself needs no catalog; another label needs the one catalog of its script (Han text is Chinese).
 */
function meansDone(value: unknown): boolean {
  const text = asString(value ?? "")
    .trim()
    .toLowerCase();
  if (text === "") return false;
  if (text === "done") return true;
  const lang = labelLangs(text)[0] ?? "en";
  return trimLower(catalogIn(lang)["taskStatus.done"]) === text;
}

/** Today in the spreadsheet's time zone, as the cell is meant to show it (date columns hold ISO days). */
function today(cell: EditedCell): string {
  const ss = cell.event.source ?? cell.sheet().getParent();
  return formatDate(new Date(), timeZoneOf(ss));
}

/**
 * Handles an edit of a task's Status cell; false when the edit is not one (another handler may want it).
 *
 * Setting Done stamps today only into a blank Completed on: a day the person typed before choosing Done (work finished
 * last Friday) is theirs to keep. Done chosen again over Done is no new completion and stamps nothing, so a row pasted
 * as done keeps showing that its day is unknown rather than getting today's.
 *
 * Going back from Done (to To do, Doing, Blocked, Dropped, or a blank status) empties Completed on. The task is not
 * done, so a date there would be untrue; and kept, it would survive into the next Done (a blank cell is the only one
 * stamped), dating a reopened task by its first, premature completion and counting it on time when it finished late.
 * This is how task tools people know behave: reopening a task clears its completion date.
 */
export function stampCompletion(cell: EditedCell, stored: Readonly<Record<string, string>>): boolean {
  const at = taskColumns(stored);
  if (!at || cell.column() !== at.status) return false;
  if (!cell.isSingleDataCell() || cell.sheetId() !== at.sheetId) return false;
  const done = meansDone(cell.event.value);
  if (done === meansDone(cell.event.oldValue)) return true;
  const sheet = cell.sheet();
  // The cache is vouched for by the header row in every table read; here, by the two header cells it relies on. After a
  // column move that no read has seen yet they differ, and nothing is written: a missed date is shown as unknown on
  // the scorecard, a date written into the wrong column would not be.
  const first = mathMin(at.status, at.completed);
  const header = sheet.getRange(1, first, 1, mathAbs(at.status - at.completed) + 1).getValues()[0] ?? [];
  if (
    normalizeLabel(header[at.status - first]) !== at.statusHeader ||
    normalizeLabel(header[at.completed - first]) !== at.completedHeader
  ) {
    return true;
  }
  const target = sheet.getRange(cell.row(), at.completed);
  const blank = isBlank(target.getValue());
  if (done && blank) target.setValue(today(cell));
  else if (!done && !blank) target.setValue("");
  return true;
}
