// A campaign as one row of the Campaigns tab: its fields, statuses and currencies, the zod schema a decoded row must
// pass, and the cross-field rules (end not before start) that a schema of single fields cannot express.
import * as z from "zod/mini";
import { trimLower } from "./builtins";
import { catalogIn, type Lang, type MessageKey, valueOfLabel } from "./i18n";
import { CAMPAIGN_STATES, type CampaignState, IsoDateSchema } from "./workflow/model";

/**
 * The states a campaign's Status column can show: the workflow's states. The approval log decides the state; the
 * column is a projection of it.
 */
export const CAMPAIGN_STATUSES = CAMPAIGN_STATES;
export type CampaignStatus = CampaignState;

export function statusLabelKey(status: CampaignStatus): MessageKey {
  return `workflow.state.${status}`;
}

export function statusLabel(status: CampaignStatus, lang: Lang): string {
  return catalogIn(lang)[statusLabelKey(status)];
}

/** A status as typed or picked in either language (or its key); null when it is none of them. */
export function statusFromText(text: string): CampaignStatus | null {
  const wanted = trimLower(text);
  // The keys first: reading one needs no catalog.
  return (
    CAMPAIGN_STATUSES.find((status) => status.toLowerCase() === wanted) ??
    valueOfLabel(wanted, CAMPAIGN_STATUSES, statusLabelKey) ??
    null
  );
}

/** The currencies offered in the dropdown; the schema accepts any ISO-4217-shaped code typed by hand as well. */
export const CURRENCIES = ["CNY", "USD", "EUR", "GBP", "JPY", "HKD", "SGD", "AUD", "CAD", "CHF", "KRW", "INR"] as const;

/** The regions of a locale whose currency is the euro. */
const EURO_REGIONS = ["DE", "FR", "IT", "ES", "NL", "AT", "BE", "IE", "FI", "PT"];

/**
 * A sensible default currency for a spreadsheet locale, used once when Settings is created: the euro, or the offered
 * currency of the locale's region (an ISO 4217 code starts with its country's ISO 3166 code: CN CNY, GB GBP).
 */
export function defaultCurrency(locale: string): string {
  const region = /^[a-z]{2,3}[_-]([A-Za-z]{2})/.exec(locale)?.[1]?.toUpperCase();
  if (region && EURO_REGIONS.includes(region)) return "EUR";
  const own = region && CURRENCIES.find((c) => c !== "EUR" && c.startsWith(region));
  return own || (/^zh/i.test(locale) ? "CNY" : "USD");
}

const text = z.string();
const required = z.string().check(z.minLength(1));
const isoDate = z.nullable(IsoDateSchema);

export const CampaignSchema = z.object({
  id: required,
  name: required,
  owner: text,
  objective: text,
  audience: text,
  channels: z.array(z.string()),
  content: text,
  place: text,
  start: isoDate,
  end: isoDate,
  budget: z.nullable(z.number().check(z.gte(0))),
  currency: z.nullable(z.string().check(z.regex(/^[A-Z]{3}$/))),
  kpis: text,
  status: z.enum(CAMPAIGN_STATUSES),
});

/** A campaign row that passed validation. JSON-safe: dates are ISO strings, the budget a plain number. */
export type Campaign = z.infer<typeof CampaignSchema>;
export type CampaignField = keyof Campaign;

export type CampaignRuleProblem = { field: "end"; kind: "endBeforeStart"; start: string; end: string };

/** Rules across fields; ISO dates compare correctly as text. */
export function campaignRuleProblems(c: Campaign): CampaignRuleProblem[] {
  if (c.start !== null && c.end !== null && c.end < c.start) {
    return [{ field: "end", kind: "endBeforeStart", start: c.start, end: c.end }];
  }
  return [];
}
