// Simple triggers. onOpen runs in AuthMode.NONE, LIMITED or FULL and only builds the menu; onInstall runs once
// when a user installs the add-on and does the same, so the menu appears without reopening the document.
import { type EditEvent, guardEdit } from "./guard";
import { buildMenu } from "./menu";

export function onOpen(_e: unknown): void {
  buildMenu();
}

export function onInstall(e: unknown): void {
  onOpen(e);
}

/** Runs on every edit of every user, so it must stay cheap: it flags edits of approved fields (guard.ts). */
export function onEdit(e: unknown): void {
  guardEdit(e as EditEvent);
}
