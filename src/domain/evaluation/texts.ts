// Monitoring and evaluation's sentences in one language. Their keys (messages.ts) are part of the one catalog, so
// the texts come through i18n's loader like every other; these wrappers keep the evaluation-only key type.
import { type ParamArgs, t, tKey } from "../i18n";
import type { EvaluationMessageKey, Lang, MessageParams } from "./messages";

/** The message `key` in `lang` with its placeholders filled; the parameters are checked at compile time. */
export function evaluationText<K extends EvaluationMessageKey>(lang: Lang, key: K, ...params: ParamArgs<K>): string {
  return t(lang, key, ...params);
}

/** For keys chosen at run time (alerts, problems): an unknown placeholder stays visible rather than vanishing. */
export function formatEvaluationMessage(key: EvaluationMessageKey, lang: Lang, params?: MessageParams): string {
  return tKey(lang, key, params);
}
