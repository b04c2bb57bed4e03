// The languages the add-on speaks. A module of its own so that the catalog, the menu captions and the typed access
// to them (i18n.ts) can all name a language without importing each other.
export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];
