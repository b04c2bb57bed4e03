// The self-test build's menu: the add-on's own menu, then one more item that runs the platform self-test.
import { menuCaption } from "../domain/menu-captions";
import { MENU_ITEMS } from "../server/menu";
import { userLang } from "../server/shared/locale";
import { canonical, probeById, runProbe, runSelfTest } from "./runner";

export const SELFTEST_CAPTION = "Run platform self-test";

/** Same items as the add-on's menu in every AuthMode (no document access here either), plus the self-test. */
export function onOpen(_e: unknown): void {
  const lang = userLang();
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(menuCaption(lang, item.caption), item.functionName);
  menu.addSeparator();
  menu.addItem(SELFTEST_CAPTION, "menuRunSelfTest");
  menu.addToUi();
}

export function onInstall(e: unknown): void {
  onOpen(e);
}

/** The menu item: runs every probe and writes the Self-test tab, then says how many disagreed. */
export function menuRunSelfTest(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { results, disagreements } = runSelfTest(ss, new Date());
  const message =
    disagreements === 0
      ? `All ${results.length} probes agree with the emulator.`
      : `${disagreements} of ${results.length} probes disagree with the emulator: see the Self-test tab.`;
  ss.toast(message, "Platform self-test", 10);
}

/** One probe in its own execution (the emulator's tests pin each answer): its JSON answer and whether it agrees. */
export function selftestProbe(id: string): { answer: string; agree: boolean } {
  const result = runProbe(SpreadsheetApp.getActiveSpreadsheet(), probeById(String(id)));
  return { answer: canonical(result.answer), agree: result.agree };
}
