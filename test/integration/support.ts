// Shared set-up of the integration tests: they drive dist/ (what clasp pushes), so the build must have run.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Emulator, type EmulatorOptions } from "../emulator/index";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = join(ROOT, "dist");
export const CODE_JS = join(DIST, "Code.js");

/** Fails with the fix in the message instead of an obscure error deep in the emulator. */
export function requireBuild(): void {
  if (!existsSync(CODE_JS) || !existsSync(join(DIST, "campaigns.html"))) {
    throw new Error(
      `dist/Code.js or dist/campaigns.html is missing: run \`npm run build\` before the integration tests`,
    );
  }
}

export function emulator(options: EmulatorOptions = {}): Emulator {
  requireBuild();
  return Emulator.create(options);
}

/** Clicks the add-on menu item that runs `functionName`, whatever language its caption is in. */
export function clickMenu(emu: Emulator, functionName: string): void {
  const item = emu.ui.addonMenu.find((i) => i.functionName === functionName);
  if (!item) throw new Error(`the add-on menu has no item for ${functionName} (did open() run?)`);
  emu.menu(item.caption);
}

/** A workbook that is set up: opened, "Set up workbook" clicked, counters cleared. */
export function setUpWorkbook(options: EmulatorOptions = {}): Emulator {
  const emu = emulator(options);
  emu.open();
  clickMenu(emu, "menuSetUpWorkbook");
  emu.counter.reset();
  return emu;
}

/** Campaign rows in column order (id, name, owner, objective, audience, channels, content, place, start, end, budget, currency, kpis, status). */
export const CAMPAIGN_ROWS: unknown[][] = [
  [
    "C-1",
    "Spring launch",
    "ann@example.com",
    "Leads",
    "SMB owners",
    "Email, Events",
    "Webinar",
    "Berlin",
    "2026-03-01",
    "2026-03-31",
    12000,
    "EUR",
    "500 leads",
    "Draft",
  ],
  [
    "C-2",
    "Summer fair",
    "bo@example.com",
    "Awareness",
    "Families",
    "Events",
    "Booth",
    "Munich",
    "2026-06-01",
    "2026-06-03",
    8000.5,
    "",
    "2000 visitors",
    "Plan approved",
  ],
  [
    "C-3",
    "Autumn mailing",
    "cy@example.com",
    "Retention",
    "Customers",
    "Email",
    "Newsletter",
    "Online",
    "2026-09-01",
    "2026-09-30",
    1500,
    "USD",
    "5% churn",
    "In progress",
  ],
];

/** Types the campaign rows into the Campaigns tab as a user pasting them would. */
export function addCampaigns(emu: Emulator, rows: unknown[][] = CAMPAIGN_ROWS, tab = "Campaigns", firstRow = 2): void {
  emu.edit(`${tab}!A${firstRow}`, rows);
  emu.counter.reset();
}

/** The counted calls whose names start with one of the prefixes. */
export function callsOf(emu: Emulator, ...prefixes: string[]): Record<string, number> {
  return Object.fromEntries(
    Object.entries(emu.counter.snapshot()).filter(([k]) => prefixes.some((p) => k.startsWith(p))),
  );
}

/** Spreadsheet calls that change something (every setter, insert, add, delete, move, activate). */
export function writesOf(emu: Emulator): Record<string, number> {
  const mutating =
    /\.(set[A-Z]\w*|insert\w*|add\w*|delete\w*|move\w*|remove\w*|clear\w*|activate|appendRow|protect|sort|hide\w*|show\w*)$/;
  return Object.fromEntries(
    Object.entries(emu.counter.snapshot()).filter(
      ([k]) =>
        mutating.test(k) && !k.startsWith("DataValidationBuilder.") && !k.startsWith("Menu.") && k !== "Ui.showSidebar",
    ),
  );
}

/**
 * One Budget line per campaign row (Campaigns column order: ID, …, start at 9, budget at 11, currency at 12) that adds
 * up to its total budget, as a plan needs before it can be submitted. Rows without a positive budget or an ISO start
 * get none (a test of bad input wants its own problems only).
 */
export function budgetLinesFor(rows: readonly unknown[][]): unknown[][] {
  return rows.flatMap((r) => {
    const [id, start, budget, currency] = [r[0], r[8], r[10], r[11]];
    if (typeof budget !== "number" || !(budget > 0) || typeof start !== "string" || !/^\d{4}-\d{2}/.test(start)) {
      return [];
    }
    return [[id, "General", start.slice(0, 7), budget, currency ?? ""]];
  });
}

/** Pastes rows (campaign, category, month, planned, currency, note) below the Budget tab's last row, as a person does. */
export function pasteBudgetLines(emu: Emulator, rows: readonly unknown[][]): void {
  if (rows.length === 0) return;
  const tagged = emu.spreadsheet
    .createDeveloperMetadataFinder()
    .withKey("campaign-control.tab")
    .withValue("budget")
    .find()[0];
  const location = tagged?.getLocation();
  const sheet = location?.getRow()?.getSheet() ?? location?.getSheet();
  if (!sheet) throw new Error("the workbook has no Budget tab (run Set up workbook)");
  emu.edit(
    `'${sheet.getName().replace(/'/g, "''")}'!A${sheet.getLastRow() + 1}`,
    rows.map((r) => [...r]),
  );
}
