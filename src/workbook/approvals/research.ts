// The Research tab as the findings plans cite: each good row by its ID (the first row of an ID counts), bad rows
// reported by tab, row and column and not citable.
import * as z from "zod/mini";
import type { Finding } from "../../domain/workflow";
import { IsoDateSchema } from "../../domain/workflow/model";
import type { SpreadsheetPort } from "../shared/ports";
import type { RowProblem } from "../shared/problems";
import { firstOfEachId, type ReadContext, readRecords } from "../shared/records";
import { findTab, readTable } from "../shared/table";
import { RESEARCH_TAB } from "./tabs";

const text = z.string();
const ResearchSchema = z.object({
  id: text.check(z.minLength(1)),
  topic: text,
  segment: text,
  finding: text.check(z.minLength(1)),
  evidence: text,
  date: z.nullable(IsoDateSchema),
  author: text,
  tags: z.array(z.string()),
});

export interface ResearchRead {
  readonly findings: ReadonlyMap<string, Finding>;
  readonly problems: readonly RowProblem[];
}

/** Null when the workbook has no Research tab (then nothing can be cited). One getValues. */
export function readResearch(ss: SpreadsheetPort, ctx: ReadContext): ResearchRead | null {
  const sheet = findTab(ss, RESEARCH_TAB);
  if (!sheet) return null;
  const table = readTable(sheet, RESEARCH_TAB);
  const { rows, problems } = readRecords(table, ResearchSchema, ctx);
  const findings = new Map<string, Finding>();
  for (const { record } of firstOfEachId(table, RESEARCH_TAB.columns[0]!, rows, problems, ctx.lang)) {
    const { id, topic, finding, evidence } = record;
    findings.set(id, { id, topic, finding, evidence });
  }
  problems.sort((a, b) => a.row - b.row);
  return { findings, problems };
}
