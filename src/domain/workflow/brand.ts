// Brand standards (品牌元素按统一标准): the rules Settings hold, which the submitter of a plan, a change or an
// execution plan confirms one by one. The confirmations are sealed in the request's envelope; approval reads them
// from there, never from a cell, and a rule added to Settings after the submission counts as not confirmed.
import { jsonList } from "./json";
import type { RequestType } from "./model";

/** One rule as the submitter was asked it, and whether they confirmed it. */
export type BrandCheck = {
  readonly rule: string;
  readonly confirmed: boolean;
};

/** The request types whose content the brand rules govern. */
export const BRANDED: readonly RequestType[] = ["plan", "change", "execution"];

/** Rules compare by their text with spaces collapsed, so a re-typed Settings cell keeps its confirmations. */
const same = (rule: string) => rule.replace(/\s+/g, " ").trim();

/** Each rule of Settings, confirmed when the submitter's list names it. */
export function brandChecks(rules: readonly string[], confirmed: readonly string[]): BrandCheck[] {
  const named = new Set(confirmed.map(same));
  return rules.map((rule) => ({ rule, confirmed: named.has(same(rule)) }));
}

/** The rules of Settings now, each confirmed only when the request's sealed envelope holds its confirmation. */
export function sealedBrandChecks(rules: readonly string[], envelope: string): BrandCheck[] {
  const list = jsonList(envelope, "brand") as (Partial<BrandCheck> | null)[];
  return brandChecks(
    rules,
    list.flatMap((c) => (c?.confirmed === true && typeof c.rule === "string" ? [c.rule] : [])),
  );
}
