// The approver's view of an overrun or reimbursement request: the expense (what, from whom, when, in its currency and
// converted), its receipt link when it is a web link, and the campaign's budget now and once the request is approved.
// The spend tabs are read once, and only when such a request is in the inbox.

import { finiteNumber, isString, max } from "../../domain/builtins";
import { type MessageKey, tKey } from "../../domain/i18n";
import { emptyCampaignPosition, type Figures, majorUnits, payloadOf, positionOf } from "../../domain/spend";
import type { CampaignView, RequestView } from "../../domain/workflow";
import { baseOf, foldBook, readSpendBook } from "../shared/spend-book";
import type { Workspace } from "../shared/workspace";
import type { InboxExpense } from "./api";
import { positionView } from "./rpc";

const WEB_LINK = /^https?:\/\/\S+$/i;

export function isExpenseRequest(request: RequestView): boolean {
  return request.type === "budget_overrun" || request.type === "reimbursement";
}

const text = (v: unknown): string => (isString(v) ? v : "");
const number = (v: unknown): number | null => (finiteNumber(v) ? v : null);

/** The expense views of the given requests by request ID; nothing is read when none is about an expense. */
export function inboxExpenses(
  ws: Workspace,
  items: readonly { readonly view: CampaignView; readonly request: RequestView }[],
): Map<string, InboxExpense> {
  const out = new Map<string, InboxExpense>();
  const wanted = items.filter((i) => isExpenseRequest(i.request));
  if (wanted.length === 0) return out;
  const book = readSpendBook(baseOf(ws));
  const { ledger, positions } = foldBook(book);
  const warnAt = book.spendSettings.warnAt;
  const currency = book.spendSettings.workbookCurrency;
  const digits = ledger.digits;
  const rows = new Map(ledger.expenses.map((e) => [e.id, e]));
  const status = (s: string) => tKey(ws.lang, `spend.budgetStatus.${s}` as MessageKey);
  for (const { view, request } of wanted) {
    const data = payloadOf(request.data);
    const id = text(data.expenseId);
    const row = rows.get(id);
    // What the request carries, else what the expense's row says now.
    const said = (key: "date" | "vendor" | "description" | "category" | "requestedBy") =>
      text(data[key]) || row?.record[key] || "";
    const kind = text(data.kind) || row?.kind || "actual";
    const minor = number(data.amount) ?? row?.amount ?? 0;
    const before = positions.campaigns.get(view.id) ?? emptyCampaignPosition(view.id, warnAt);
    const overrun = request.type === "budget_overrun";
    // Approval raises the budget by the routed overrun, and the pending expense then counts.
    const figures: Figures = overrun
      ? {
          ...before,
          approved: before.approved + request.amount,
          committed: before.committed + (kind === "committed" ? minor : 0),
          actual: before.actual + (kind === "actual" ? minor : 0),
          pending: max(0, before.pending - minor),
        }
      : before;
    const after = positionOf(figures, warnAt);
    const link = text(data.receiptLink).trim() || row?.record.receiptLink || "";
    out.set(request.id, {
      id,
      row: row?.row ?? 0,
      date: said("date"),
      vendor: said("vendor"),
      description: said("description"),
      category: said("category"),
      kind,
      kindLabel: tKey(ws.lang, `spend.kind.${kind}` as MessageKey),
      amount: number(data.originalAmount) ?? row?.record.amount ?? majorUnits(minor, digits),
      currency: text(data.originalCurrency) || row?.record.currency || currency,
      converted: majorUnits(minor, digits),
      workbookCurrency: currency,
      overrun: overrun ? majorUnits(request.amount, digits) : null,
      receiptLink: WEB_LINK.test(link) ? link : "",
      requestedBy: said("requestedBy") || request.submittedBy,
      before: positionView(before, digits),
      after: positionView(after, digits),
      beforeStatus: status(before.status),
      afterStatus: status(after.status),
    });
  }
  return out;
}
