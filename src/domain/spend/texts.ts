// Budget control's sentences in one language. Its keys (messages.ts) are part of the one catalog, so the texts come
// through i18n's loader like every other; these wrappers keep the spend-only key type and the checked parameters.
import { describeFound } from "../found";
import { type Lang, type ParamArgs, t, tKey } from "../i18n";
import type { MessageParams, SpendMessageKey } from "./messages";

/** Fills {name} placeholders; an unknown placeholder stays visible rather than vanishing. */
export function formatSpendMessage(lang: Lang, key: SpendMessageKey, params?: MessageParams): string {
  return tKey(lang, key, params);
}

/** The same with parameters checked at compile time. */
export function spendText<K extends SpendMessageKey>(lang: Lang, key: K, ...params: ParamArgs<K>): string {
  return t(lang, key, ...params);
}

/** A problem's sentence: its parameters, plus `found` described in words when the message has that placeholder. */
export function describeSpendProblem(
  problem: { readonly messageKey: SpendMessageKey; readonly found?: unknown; readonly params?: MessageParams },
  lang: Lang,
): string {
  return formatSpendMessage(lang, problem.messageKey, { found: describeFound(problem.found, lang), ...problem.params });
}
