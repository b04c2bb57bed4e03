// Simple triggers. onOpen runs in AuthMode.NONE, LIMITED or FULL and only builds the menu; onInstall runs once
// when a user installs the add-on and does the same, so the menu appears without reopening the document.
import { buildMenu } from "./menu";

export function onOpen(_e: unknown): void {
  buildMenu();
}

export function onInstall(e: unknown): void {
  onOpen(e);
}

/**
 * Runs on every edit of every user, so it must stay cheap: for now it does nothing. It is the hook where
 * edits of approved fields will be detected, and it is declared now so the global surface does not change then.
 */
export function onEdit(_e: unknown): void {}
