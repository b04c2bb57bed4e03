// Typed access to the message catalog. The texts themselves live in catalog.ts, which this module imports for types
// only: keys and placeholders stay checked at compile time (a missing translation or parameter does not compile),
// while the text reaches an execution through a loader the host installs. Apps Script compiles Code.js at the start
// of every execution, most of which show no text at all, so the server's loader reads one language's catalog file on
// the first t() of an execution and keeps it for the rest (a service call: tests count it); tests load from source.

import { asNumber, asString, isString, trimLower } from "./builtins";
import type { AllEn, MessageKey, UiKey } from "./catalog";

export type { MessageKey, UiKey } from "./catalog";

import type { Lang } from "./lang";

export { LANGS, type Lang } from "./lang";

/** One language of the catalog, as the build writes it and a loader returns it. */
export type Catalog = { readonly [K in MessageKey]: string };

/** Gives the catalog of one language; called at most once per language while the loader stays installed. */
export type CatalogLoader = (lang: Lang) => Catalog;

let loader: CatalogLoader | null = null;
let loaded: { [L in Lang]?: Catalog } = {};

/** Makes `next` the source of every text from now on; what an earlier loader gave is forgotten. */
export function installCatalogLoader(next: CatalogLoader): void {
  loader = next;
  loaded = {};
}

/**
 * The catalog of `lang`: loaded on first use, then kept. In Apps Script each execution runs Code.js from the top, so
 * "kept" lasts one execution, and an execution that shows no text loads nothing.
 */
export function catalogIn(lang: Lang): Catalog {
  const known = loaded[lang];
  if (known) return known;
  if (!loader) throw Error("No message catalog loader is installed.");
  const catalog = loader(lang);
  loaded[lang] = catalog;
  return catalog;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The languages a label read back from a cell may be in, likeliest first: Chinese when it holds Han characters, else
 * English. Reverse lookups try them in this order, so reading a workbook's labels loads that workbook's catalog only.
 */
export function labelLangs(text: string): readonly Lang[] {
  return HAN.test(text) ? ["zh", "en"] : ["en", "zh"];
}

/**
 * The value whose label is `wanted` in either language, comparing `norm(label)` with `wanted` (normalized the same
 * way by the caller); undefined when none is. Callers try the values themselves first: that needs no catalog.
 */
export function valueOfLabel<V extends string>(
  wanted: string,
  values: readonly V[],
  labelKey: (value: V) => MessageKey,
  norm: (label: string) => string = trimLower,
): V | undefined {
  // A blank cell is no label, and looking for one would load both catalogs for nothing.
  if (wanted === "") return undefined;
  for (const lang of labelLangs(wanted)) {
    const catalog = catalogIn(lang);
    const found = values.find((value) => norm(catalog[labelKey(value)]) === wanted);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Gives `error` a message worded only when it is read. The custom functions' domain errors carry a problem that the
 * server words again in the spreadsheet's language; building the English text up front would load a second catalog.
 */
export function wordedWhenRead(error: Error, word: () => string): void {
  Object.defineProperty(error, "message", { get: word, configurable: true, enumerable: false });
}

/** The names inside `{...}` of a message, so a caller that forgets or misspells a parameter does not compile. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer Name}|${string}` ? Name : P) | Placeholders<Rest>
  : never;

export type MessageParams<K extends MessageKey | UiKey> = {
  readonly [P in Placeholders<AllEn[K]>]: string | number;
};

/** No argument for a message without placeholders, else exactly its parameters. */
export type ParamArgs<K extends MessageKey | UiKey> = [Placeholders<AllEn[K]>] extends [never]
  ? []
  : [MessageParams<K>];

/** Fills `{name}` placeholders; an unknown one stays visible rather than vanishing. */
export function fill(template: string, values: Readonly<Record<string, string | number>> | undefined): string {
  if (!values) return template;
  // A Map, not the object itself: no inherited names, and no Object.hasOwn (ES2022, newer than Apps Script's lib).
  const known = new Map(Object.entries(values));
  return template.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      const value = known.get(name);
      if (value === undefined) return whole;
      if (one === undefined || other === undefined) return asString(value);
      // "{count|# request waits|# requests wait}": English agrees the noun with the number; # is the number, grouped.
      return (asNumber(value) === 1 ? one : other).replace(/#/g, groupDigits(value));
    },
  );
}

/** 1788 -> "1,788" (an integer or a plain decimal; text stays as it is): the grouping both languages write. */
export function groupDigits(value: string | number): string {
  const text = asString(value);
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1] ?? ""}${(m[2] ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

/** The message `key` in `lang`, with its `{placeholders}` filled in. */
export function t<K extends MessageKey>(lang: Lang, key: K, ...params: ParamArgs<K>): string {
  return tKey(lang, key, params[0]);
}

/** A message whose key is only known at run time (an engine refusal, an issue): parameters are not checked. */
export function tKey(lang: Lang, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return fill(catalogIn(lang)[key], params);
}

/** A spreadsheet or user locale ("zh_CN", "zh-TW", "en_US", "de") to the language we speak: zh* is Chinese. */
export function langOf(locale: string | null | undefined): Lang {
  return isString(locale) && /^zh/i.test(locale.trim()) ? "zh" : "en";
}

/** The placeholders of a message, for the test that both languages take the same parameters. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1] ?? "").sort();
}
