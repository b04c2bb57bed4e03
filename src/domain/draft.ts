// A draft plan as typed into the sidebar's form: checked field by field before anything is written. A draft may be
// incomplete (completeness is checked at submission), but what is there must be well-formed: dates are dates, the
// end is not before the start, the budget is an amount of 0 or more, the owner an e-mail address.

import { asNumber, asString, finiteNumber, max, NOT_A_NUMBER } from "./builtins";
import type { MessageKey } from "./i18n";
import { splitList } from "./lists";
import { minorDigits, toMinorUnits } from "./money";
import { isEmail, isIsoDate, readEmail, readText } from "./workflow/values";

/**
 * The fields of a campaign's plan, in the order a plan lists them (the Campaigns columns after the ID; the research
 * citations came later and sit after Status).
 */
export const PLAN_KEYS = [
  "name",
  "owner",
  "objective",
  "audience",
  "channels",
  "content",
  "place",
  "start",
  "end",
  "budget",
  "currency",
  "kpis",
  "research",
] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

/** The draft form: the plan and the campaign's ID (blank for a new one: the server gives the next free ID). */
export const DRAFT_FIELDS = ["id", ...PLAN_KEYS] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** research may be left out by a caller that does not edit it: the row's citations then stay as they are. */
export type DraftForm = { readonly [K in Exclude<DraftField, "research">]: string } & { readonly research?: string };

export interface DraftIssue {
  readonly field: DraftField;
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The values to write: text trimmed, the budget a number in major units, dates ISO (or blank). */
export interface DraftValues {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly objective: string;
  readonly audience: string;
  readonly channels: string;
  readonly content: string;
  readonly place: string;
  readonly start: string;
  readonly end: string;
  readonly budget: number | "";
  readonly currency: string;
  readonly kpis: string;
  /** Finding IDs, comma-separated; absent: not edited. */
  readonly research?: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const AMOUNT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

/** What may follow `workflow.plan.<field>.` in a message key. */
type PlanKeyTail<F extends string> = MessageKey extends infer K
  ? K extends `workflow.plan.${F}.${infer W}`
    ? W
    : never
  : never;

export function checkDraft(
  form: DraftForm,
  options: { readonly channels: readonly string[]; readonly defaultCurrency: string; readonly me: string },
): { ok: true; values: DraftValues } | { ok: false; issues: DraftIssue[] } {
  const issues: DraftIssue[] = [];
  // Each issue of a field: key workflow.plan.<field>.<what>.
  const bad = <F extends DraftField>(field: F, what: PlanKeyTail<F>, params?: DraftIssue["params"]) =>
    issues.push({ field, key: `workflow.plan.${field}.${what}` as MessageKey, ...(params && { params }) });
  const f = (k: DraftField) => readText(form[k]);
  const id = f("id");
  if (id !== "" && !ID.test(id)) issues.push({ field: "id", key: "workflow.input.invalid" });
  const name = f("name");
  if (name === "") bad("name", "missing");
  const owner = readEmail(f("owner")) || readEmail(options.me);
  if (!isEmail(owner)) bad("owner", "invalid");
  const start = f("start");
  const end = f("end");
  if (start !== "" && !isIsoDate(start)) bad("start", "invalid");
  if (end !== "" && !isIsoDate(end)) bad("end", "invalid");
  else if (end !== "" && isIsoDate(start) && end < start) bad("end", "beforeStart");
  const currency = f("currency").toUpperCase();
  if (currency !== "" && !/^[A-Z]{3}$/.test(currency)) bad("currency", "invalid");
  const budgetText = f("budget").replace(/\s/g, "");
  let budget: number | "" = "";
  if (budgetText !== "") {
    const n = AMOUNT.test(budgetText) ? asNumber(budgetText.replace(/,/g, "")) : NOT_A_NUMBER;
    const digits = minorDigits(currency || options.defaultCurrency);
    if (!finiteNumber(n) || toMinorUnits(n, currency || options.defaultCurrency) === null) {
      bad("budget", "invalid", { digits });
    } else if (n < 0) {
      bad("budget", "negative");
    } else {
      budget = n;
    }
  }
  const channels = splitList(f("channels"));
  if (options.channels.length > 0) {
    const allowed = new Set(options.channels);
    for (const channel of channels) {
      if (!allowed.has(channel)) bad("channels", "unknown", { channel });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const text = Object.fromEntries(DRAFT_FIELDS.map((k) => [k, f(k)])) as DraftForm;
  const { research, ...values } = { ...text, owner, channels: channels.join(", "), budget, currency };
  return {
    ok: true,
    values: form.research === undefined ? values : { ...values, research: splitList(research ?? "").join(", ") },
  };
}

const YEARLY_ID = /^([A-Za-z][A-Za-z0-9]*[-_ ]?)(\d{4})([-_ ])(\d+)$/;

/**
 * The next free ID of the year in the workbook's own pattern: the prefix and separators most of its IDs use
 * (CMP-2026-001 in the demo, C-2026-001 when there is none), numbered after the highest one used that year, with at
 * least as many digits as those IDs have.
 */
export function nextCampaignId(existing: Iterable<string>, year: string): string {
  const ids = [...existing];
  const uses = new Map<string, number>();
  let pattern = { head: "C-", sep: "-" };
  let best = 0;
  for (const id of ids) {
    const m = YEARLY_ID.exec(id.trim());
    if (!m) continue;
    const key = `${m[1] ?? ""}\u0000${m[3] ?? "-"}`;
    const n = (uses.get(key) ?? 0) + 1;
    uses.set(key, n);
    if (n >= best) {
      best = n;
      pattern = { head: m[1] ?? "", sep: m[3] ?? "-" };
    }
  }
  const prefix = `${pattern.head}${year}${pattern.sep}`;
  let highest = 0;
  let digits = 3;
  for (const id of ids) {
    const text = id.trim();
    if (!text.startsWith(prefix)) continue;
    const tail = text.slice(prefix.length);
    if (!/^\d+$/.test(tail)) continue;
    highest = max(highest, asNumber(tail));
    digits = max(digits, tail.length);
  }
  return `${prefix}${asString(highest + 1).padStart(digits, "0")}`;
}
