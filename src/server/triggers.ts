// Simple triggers. onOpen runs in AuthMode.NONE, LIMITED or FULL and only builds the menu; onInstall runs once
// when a user installs the add-on and does the same, so the menu appears at once, without reopening the spreadsheet.

import { guardEdit } from "./approvals/guard";
import { stampCompletion } from "./evaluation/completion";
import { buildMenu } from "./menu";
import { type EditEvent, editedCell } from "./shared/edit-event";
import { markEdited } from "./shared/freshness";

export function onOpen(_e: unknown): void {
  buildMenu();
}

export function onInstall(e: unknown): void {
  onOpen(e);
}

/**
 * Runs on every edit of every user, so it must stay cheap: it stamps a task's completion date when its status is set
 * to Done (evaluation/completion.ts) and flags edits of approved fields (approvals/guard.ts). Both find their columns in the document
 * properties, read here once for both; an edit in a column neither watches costs that read and the edited column.
 */
export function onEdit(e: unknown): void {
  const event = e as EditEvent | undefined;
  const range = event?.range;
  if (!event || !range) return;
  const props = PropertiesService.getDocumentProperties();
  if (!props) return;
  const stored = props.getProperties();
  // The scheduled run's freshness marker: one write after each full run at most (shared/freshness.ts).
  markEdited(props, stored);
  const cell = editedCell(event, range);
  if (stampCompletion(cell, stored)) return;
  guardEdit(cell, stored);
}
