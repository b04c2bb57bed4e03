// Runs the probes in the open spreadsheet, inside a scratch tab it creates and removes, and writes the Self-test tab:
// probe, what the platform answered, what the emulator expects, agree or not.

import type { SheetPort, SpreadsheetPort } from "./platform";
import { type Answer, NOT_PROBED, PROBES, type Probe, type ProbeContext } from "./probes";

export const REPORT_TAB = "Self-test";
export const SCRATCH_TAB = "Self-test scratch";
export const REPORT_HEADER = [
  "Probe",
  "Area",
  "What",
  "Platform answered",
  "Emulator expects",
  "Agree",
  "Basis",
  "Source",
  "Note",
] as const;

export interface ProbeResult {
  readonly id: string;
  readonly answer: Answer;
  readonly agree: boolean;
}

/** Answers compare as JSON with sorted keys, so key order never makes a disagreement. */
export function canonical(answer: Answer): string {
  return JSON.stringify(answer, (_key, value: unknown) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) sorted[k] = (value as Record<string, unknown>)[k];
    return sorted;
  });
}

/** The scratch tab's life: each scratch() removes the previous tab and inserts a new empty one. */
class Scratch {
  private current: SheetPort | null = null;

  constructor(private readonly ss: SpreadsheetPort) {}

  next(): SheetPort {
    this.remove();
    const stale = this.ss.getSheetByName(SCRATCH_TAB);
    if (stale) this.ss.deleteSheet(stale);
    this.current = this.ss.insertSheet(SCRATCH_TAB);
    return this.current;
  }

  remove(): void {
    if (this.current) this.ss.deleteSheet(this.current);
    this.current = null;
  }
}

/** Runs one probe; a probe that throws answers `{ thrown: message }` (and disagrees). */
export function runProbe(ss: SpreadsheetPort, probe: Probe): ProbeResult {
  const scratch = new Scratch(ss);
  const before = ss.getActiveSheet();
  const ctx: ProbeContext = { ss, scratch: () => scratch.next() };
  let answer: Answer;
  try {
    answer = probe.run(ctx);
  } catch (e) {
    answer = { thrown: e instanceof Error ? e.message : String(e) };
  } finally {
    scratch.remove();
    ss.setActiveSheet(before);
  }
  return { id: probe.id, answer, agree: canonical(answer) === canonical(probe.expected) };
}

export function probeById(id: string): Probe {
  const probe = PROBES.find((p) => p.id === id);
  if (!probe) throw new Error(`No probe named ${id}.`);
  return probe;
}

/** Text that Sheets keeps as typed: the report's cells are formatted as plain text before they are written. */
function row(cells: readonly string[]): string[] {
  return cells.map((c) => (c.length > 45000 ? `${c.slice(0, 45000)}…` : c));
}

/** Writes the Self-test tab (replacing an earlier one) and returns how many probes disagreed. */
export function writeReport(ss: SpreadsheetPort, results: readonly ProbeResult[], startedAt: Date): number {
  const old = ss.getSheetByName(REPORT_TAB);
  if (old) ss.deleteSheet(old);
  const sheet = ss.insertSheet(REPORT_TAB);
  const disagreements = results.filter((r) => !r.agree).length;
  const rows: string[][] = [
    row([
      `Platform self-test, ${Utilities.formatDate(startedAt, "Etc/UTC", "yyyy-MM-dd HH:mm")} UTC`,
      `locale ${ss.getSpreadsheetLocale()}`,
      `time zone ${ss.getSpreadsheetTimeZone()}`,
      `${results.length - disagreements} of ${results.length} agree`,
      "",
      "",
      "",
      "",
      "",
    ]),
    [...REPORT_HEADER],
  ];
  for (const r of results) {
    const p = probeById(r.id);
    rows.push(
      row([
        p.id,
        p.area,
        p.what,
        canonical(r.answer),
        canonical(p.expected),
        r.agree ? "yes" : "NO",
        p.basis,
        p.source,
        p.note ?? "",
      ]),
    );
  }
  rows.push(row(["", "", "", "", "", "", "", "", ""]));
  rows.push(row(["Not probed from a menu", "", "Rule the emulator follows", "", "", "", "", "Source", ""]));
  for (const n of NOT_PROBED) rows.push(row(["(not probed)", "", n.rule, "", "", "", "", n.source, ""]));
  const range = sheet.getRange(1, 1, rows.length, REPORT_HEADER.length);
  range.setNumberFormat("@");
  range.setValues(rows);
  sheet.setFrozenRows(2);
  sheet.getRange(2, 1, 1, REPORT_HEADER.length).setFontWeight("bold");
  return disagreements;
}

/** Every probe, one after the other, then the report; the scratch tab never outlives the run. */
export function runSelfTest(ss: SpreadsheetPort, now: Date): { results: ProbeResult[]; disagreements: number } {
  const results = PROBES.map((p) => runProbe(ss, p));
  const disagreements = writeReport(ss, results, now);
  return { results, disagreements };
}
