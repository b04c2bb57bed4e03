// Money from the sealed log: the events that record an expense and pay its reimbursement, read back from verified log
// rows, and the ledger rebuilt from them, so that a cell typed into the Expenses tab is shown and flagged, never counted.
import * as z from "zod/mini";
import { asNumber, asString, isNumber } from "../builtins";
import { type CampaignState, canonicalJson, type JsonValue, type LogEntry } from "../workflow";
import { parseJson } from "../workflow/json";
import { type Ledger, type LedgerExpense, ledgerExpense } from "./ledger";
import { EXPENSE_KINDS, type Expense, type ExpenseStatus } from "./model";

/**
 * An expense as the add-on recorded it, sealed in the log. `amount` is minor units of the workbook currency, as the
 * budget gate assessed it; `outcome` is what the gate said: counted (it fitted), or pending_overrun (its overrun request
 * was submitted with it, or must be).
 */
export interface SealedExpense {
  readonly id: string;
  /** The request ID of the call that recorded it: a retry with the same ID finds it and writes nothing twice. */
  readonly requestId: string;
  readonly at: string;
  readonly actor: string;
  readonly date: string;
  readonly campaign: string;
  readonly category: string;
  readonly kind: Expense["kind"];
  readonly amount: number;
  /** As typed, in its own currency. */
  readonly originalAmount: number;
  readonly currency: string;
  readonly vendor: string;
  readonly description: string;
  readonly receiptLink: string;
  readonly reimbursable: boolean;
  readonly requestedBy: string;
  readonly outcome: "counted" | "pending_overrun";
  readonly overrun: number;
  /** A refund's original expense (its amount is negative); absent for any other expense. */
  readonly refundOf?: string;
  /**
   * The Expenses row the add-on wrote it to (0 when not known): where to look for it when its ID cell was edited, so
   * the row is flagged rather than written a second time.
   */
  readonly row?: number;
}

const SealedSchema = z.object({
  date: z.string(),
  campaign: z.string(),
  category: z.string(),
  kind: z.enum(EXPENSE_KINDS),
  amount: z.int(),
  originalAmount: z.number(),
  currency: z.string(),
  vendor: z.string(),
  description: z.string(),
  receiptLink: z.string(),
  reimbursable: z.boolean(),
  requestedBy: z.string(),
  outcome: z.enum(["counted", "pending_overrun"]),
  overrun: z.int().check(z.minimum(0)),
  row: z.optional(z.int().check(z.minimum(0))),
  refundOf: z.optional(z.string()),
});

/** A payment as sealed: which reimbursement request it paid, and how much (minor units, the approved amount). */
export interface SealedPayment {
  readonly expenseId: string;
  readonly requestId: string;
  readonly amount: number;
  readonly actor: string;
  readonly at: string;
}

export interface SealedMoney {
  /** By expense ID, in the order recorded. */
  readonly expenses: ReadonlyMap<string, SealedExpense>;
  /** By request ID of the call that recorded the expense. */
  readonly byRequest: ReadonlyMap<string, SealedExpense>;
  /** By expense ID. */
  readonly payments: ReadonlyMap<string, SealedPayment>;
}

export type SealedFields = Omit<SealedExpense, "at" | "actor" | "requestId" | "id">;

/**
 * What is sealed of an expense as recorded: its values (`amount` in minor units of the workbook currency, as the budget
 * gate assessed it) and the gate's verdict: counted, or pending with its overrun when `overrun` is given. The ID is the
 * event's entity and the Status a projection, so neither is sealed.
 */
export function sealedFieldsOf(r: Expense, amount: number, row: number, overrun?: number): SealedFields {
  const { id, status, amount: originalAmount, ...typed } = r;
  return {
    ...typed,
    row,
    amount,
    originalAmount,
    outcome: overrun === undefined ? "counted" : "pending_overrun",
    overrun: overrun ?? 0,
  };
}

/** What a money event on an expense says besides its action: the campaign's state is named and stays as it is. */
interface ExpenseEvent {
  readonly eventId: string;
  readonly at: string;
  readonly actor: string;
  readonly expenseId: string;
  readonly requestId: string;
  readonly state: CampaignState;
}

function expenseEntry(
  input: ExpenseEvent,
  action: "record" | "pay",
  requestType: LogEntry["requestType"],
  comment: string,
  snapshot: JsonValue,
): LogEntry {
  return {
    id: input.eventId,
    at: input.at,
    actor: input.actor,
    onBehalfOf: "",
    entityType: "expense",
    entityId: input.expenseId,
    requestId: input.requestId,
    requestType,
    requestVersion: 0,
    action,
    fromState: input.state,
    toState: input.state,
    level: 0,
    comment,
    snapshot: canonicalJson(snapshot),
  };
}

/** The record event of an expense (entity "expense"): its sealed values in the snapshot, the row only when known, the
 * refunded expense only for a refund. */
export function recordEntry(
  input: ExpenseEvent & { readonly comment: string; readonly fields: SealedFields },
): LogEntry {
  const { row, refundOf, ...fields } = input.fields;
  const snapshot: { [key: string]: JsonValue } = { ...fields };
  if (row !== undefined && row > 0) snapshot.row = row;
  if (refundOf) snapshot.refundOf = refundOf;
  return expenseEntry(input, "record", "", input.comment, snapshot);
}

/** The pay event of an approved reimbursement: the request it pays and the amount, as approved. */
export function payEntry(input: ExpenseEvent & { readonly amount: number }): LogEntry {
  return expenseEntry(input, "pay", "reimbursement", "", { amount: input.amount });
}

/**
 * The money events of verified log rows. Give only rows that verify: a row past a break in the chain may be forged.
 * The first record of an expense ID wins (a later one is not the add-on's), and one payment per expense.
 */
export function sealedMoneyOf(rows: readonly LogEntry[]): SealedMoney {
  const expenses = new Map<string, SealedExpense>();
  const byRequest = new Map<string, SealedExpense>();
  const payments = new Map<string, SealedPayment>();
  for (const row of rows) {
    if (row.entityType !== "expense") continue;
    if (row.action === "record" && !expenses.has(row.entityId)) {
      const json = parseJson(row.snapshot);
      if (!json.ok) continue;
      const parsed = SealedSchema.safeParse(json.value);
      if (!parsed.success) continue;
      const sealed: SealedExpense = {
        ...parsed.data,
        id: row.entityId,
        requestId: row.requestId,
        at: row.at,
        actor: row.actor,
      };
      expenses.set(sealed.id, sealed);
      if (row.requestId !== "" && !byRequest.has(row.requestId)) byRequest.set(row.requestId, sealed);
    } else if (row.action === "pay" && !payments.has(row.entityId)) {
      const json = parseJson(row.snapshot);
      const amount = json.ok ? (json.value as { amount?: unknown } | null)?.amount : undefined;
      if (!isNumber(amount)) continue;
      payments.set(row.entityId, {
        expenseId: row.entityId,
        requestId: row.requestId,
        amount,
        actor: row.actor,
        at: row.at,
      });
    }
  }
  return { expenses, byRequest, payments };
}

export const SEALED_EDIT_FIELDS = [
  "id",
  "date",
  "campaign",
  "category",
  "amount",
  "currency",
  "kind",
  "reimbursable",
  "requestedBy",
  "refundOf",
] as const;
export type SealedEditField = (typeof SEALED_EDIT_FIELDS)[number];

/** A cell of a recorded expense that no longer says what was sealed: shown and flagged, never counted. */
export interface SealedEdit {
  readonly id: string;
  readonly row: number;
  readonly field: SealedEditField;
  /** What the log has (as a cell would show it: the amount as typed, in its own currency). */
  readonly sealed: string;
  /** What the cell holds now. */
  readonly found: string;
}

export interface SealedLedger {
  /** The ledger whose expenses are the sealed ones, at their sealed values, then the rows nobody recorded. */
  readonly ledger: Ledger;
  /** IDs of rows typed into the tab and not recorded through the add-on: shown, never counted. */
  readonly unrecorded: ReadonlySet<string>;
  /** Recorded expenses whose row is gone from the tab (the next write puts it back). */
  readonly missingRows: readonly SealedExpense[];
  readonly edits: readonly SealedEdit[];
}

/** The expense as its row would read: the amount as typed, without what only the seal keeps. */
function recordOf(s: SealedExpense, status: ExpenseStatus | null): Expense {
  const { requestId, at, actor, amount, originalAmount, outcome, overrun, row, ...typed } = s;
  return { ...typed, amount: originalAmount, status, refundOf: s.refundOf ?? "" };
}

/**
 * The ledger as the log has it. Every sealed expense is in it at its sealed values (found on the tab by its ID, or
 * with row 0 when its row is gone); a row whose ID the log does not know is unrecorded. A sealed row's cells are
 * compared with the seal: each difference is an edit, named by row and field (the Status column is a projection the
 * server rewrites, compared there). `rowsById` gives the sheet row of every ID on the tab, readable or not.
 */
export function sealLedger(
  ledger: Ledger,
  sealed: SealedMoney,
  rowsById: ReadonlyMap<string, number>,
  idAtRow: ReadonlyMap<number, string> = new Map(),
  cellsAt: (row: number) => Readonly<Record<string, unknown>> | undefined = () => undefined,
): SealedLedger {
  const located = locateSealedRows(ledger, sealed, rowsById, idAtRow, cellsAt);
  const byRow = new Map(ledger.expenses.map((e) => [e.row, e]));
  const fromCells = new Map(ledger.expenses.map((e) => [e.id, e]));
  const expenses: LedgerExpense[] = [];
  const missingRows: SealedExpense[] = [];
  const edits: SealedEdit[] = [];
  // Rows that belong to a sealed expense whose ID cell was edited: not an unrecorded expense of their own.
  const claimed = new Set<number>();
  for (const s of sealed.expenses.values()) {
    const row = located.get(s.id) ?? 0;
    if (row === 0) missingRows.push(s);
    const byId = rowsById.get(s.id) === row && row > 0;
    if (row > 0 && !byId) {
      claimed.add(row);
      edits.push({ id: s.id, row, field: "id", sealed: s.id, found: idAtRow.get(row) ?? "" });
    }
    const status: ExpenseStatus = s.outcome === "counted" ? "recorded" : "pending_overrun";
    expenses.push(ledgerExpense(row, recordOf(s, status), s.amount));
    const cell = (byId ? fromCells.get(s.id) : row > 0 ? byRow.get(row) : undefined)?.record;
    if (!cell) continue;
    // The ID was compared above; a blank Requested by was never sealed, so any name typed in since is no edit.
    for (const field of SEALED_EDIT_FIELDS) {
      const want = asString(field === "amount" ? s.originalAmount : (s[field] ?? ""));
      const found = asString(cell[field]);
      if (field !== "id" && !(field === "requestedBy" && want === "") && want !== found)
        edits.push({ id: s.id, row, field, sealed: want, found });
    }
  }
  const unrecorded = new Set<string>();
  for (const e of ledger.expenses) {
    if (sealed.expenses.has(e.id) || claimed.has(e.row)) continue;
    unrecorded.add(e.id);
    expenses.push(e);
  }
  return { ledger: { ...ledger, expenses }, unrecorded, missingRows, edits };
}

/**
 * The sheet row of each sealed expense. By its ID first; when no row has the ID any more (the ID cell was edited or
 * cleared), a row no sealed expense holds with the same date, campaign, vendor, description, amount and currency,
 * else the row it was written to, when that row's ID is no sealed expense's. Not found: 0 is left out (the row is gone).
 * `idAtRow` gives the text of the ID cell of every data row of the tab, empty included.
 */
export function locateSealedRows(
  ledger: Ledger,
  sealed: SealedMoney,
  rowsById: ReadonlyMap<string, number>,
  idAtRow: ReadonlyMap<number, string>,
  cellsAt: (row: number) => Readonly<Record<string, unknown>> | undefined = () => undefined,
): Map<string, number> {
  const located = new Map<string, number>();
  const taken = new Set<number>();
  const lost: SealedExpense[] = [];
  for (const s of sealed.expenses.values()) {
    const row = rowsById.get(s.id);
    if (row === undefined) {
      lost.push(s);
      continue;
    }
    located.set(s.id, row);
    taken.add(row);
  }
  if (lost.length === 0) return located;
  const free = (row: number) => !taken.has(row) && idAtRow.has(row) && !sealed.expenses.has(idAtRow.get(row) ?? "");
  const parsed = new Map(ledger.expenses.map((e) => [e.row, e.record]));
  const same = (s: SealedExpense, row: number) => {
    const r = parsed.get(row);
    if (r) {
      return (
        r.date === s.date &&
        r.campaign === s.campaign &&
        r.vendor === s.vendor &&
        r.description === s.description &&
        asString(r.amount) === asString(s.originalAmount) &&
        r.currency === s.currency
      );
    }
    // A row the ledger could not read (its ID cell blank, say): its cells as they are.
    const c = cellsAt(row);
    return (
      c !== undefined &&
      asString(c.campaign ?? "").trim() === s.campaign &&
      asString(c.vendor ?? "").trim() === s.vendor &&
      asString(c.description ?? "").trim() === s.description &&
      asNumber(c.amount) === s.originalAmount
    );
  };
  for (const s of lost) {
    let row = [...idAtRow.keys()].find((r) => free(r) && same(s, r)) ?? 0;
    if (row === 0 && s.row !== undefined && s.row > 0 && free(s.row)) row = s.row;
    if (row === 0) continue;
    located.set(s.id, row);
    taken.add(row);
  }
  return located;
}
