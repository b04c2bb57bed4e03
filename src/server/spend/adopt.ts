// Expenses recorded before expenses were sealed in the approval log: an admin's Set up workbook adopts them, one sealed
// record event per row the log does not know whose Status says it was recorded, so the books of an upgraded workbook
// stay as they were and the admin who vouched for them is named in the log.
import { t } from "../../domain/i18n";
import { isAdmin } from "../../domain/roles";
import { COUNTED_STATUSES, recordEntry, sealedFieldsOf } from "../../domain/spend";
import type { LogEntry } from "../../domain/workflow";
import { baseOf, foldBook, readSpendBook } from "../shared/spend-book";
import { viewOf } from "../shared/workspace";
import { refused, write } from "../shared/write";
import { payEvent } from "./rpc";

export interface Adoption {
  /** The Expenses rows adopted, in sheet order. */
  readonly rows: readonly number[];
}

/**
 * Adopts the unsealed expenses (the caller must be an admin; anyone else gets a refusal and nothing is written). A row
 * is adopted at its amount as the cells have it now, as counted spend, when its Status reads Recorded, Reimbursement
 * requested or approved, or Paid; a pending overrun whose request the log holds is adopted pending. Paid is sealed only
 * when the log holds an approved reimbursement for it, at the approved amount. A row the log knows is never adopted.
 */
export function adoptUnsealedExpenses() {
  return write<Adoption>({ needsLog: true, wholeLog: true }, (ws, ctx) => {
    if (!isAdmin(ws.roles, ws.owner, ctx.me)) {
      return refused("not_admin", t(ws.lang, "rpc.notAdmin", { owner: ws.owner }));
    }
    const book = readSpendBook(baseOf(ws));
    if (book.setupNeeded) return { value: { rows: [] } };
    const folded = foldBook(book);
    const events: LogEntry[] = [];
    const rows: number[] = [];
    const pendingRequests = new Map(
      book.decisions.filter((d) => d.status === "open").map((d) => [d.expenseId, d] as const),
    );
    for (const e of folded.ledger.expenses) {
      if (!folded.seal.unrecorded.has(e.id) || e.row < 2 || e.status === null) continue;
      const pending = e.status === "pending_overrun" ? pendingRequests.get(e.id) : undefined;
      // Counted before sealing: the row was recorded (and maybe reimbursed).
      if (!COUNTED_STATUSES.has(e.status) && !pending) continue;
      events.push(
        recordEntry({
          eventId: ctx.newId(),
          at: ctx.at,
          actor: ctx.me,
          expenseId: e.id,
          requestId: pending?.requestId ?? "",
          state: viewOf(ws, e.campaign).state,
          comment: t(ws.sheetLang, "spend.adopt.comment", { row: e.row }),
          fields: sealedFieldsOf(e.record, e.amount, e.row, pending?.amount),
        }),
      );
      const approval = book.reimbursements.get(e.id);
      if (e.status === "paid" && approval?.status === "approved") events.push(payEvent(ws, ctx, e, approval));
      rows.push(e.row);
    }
    return { events, value: { rows } };
  });
}
