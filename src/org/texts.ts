// Words an org message for a reader: the texts come from the catalog file the org build writes (the add-on's texts plus
// the org's), read on first use like every other text, so Code.js carries none of them (catalog.ts is imported for its
// types only).
import { catalogIn, fill, type Lang } from "../domain/i18n";
import type { OrgKey } from "./catalog";

/** A message and its parameters, kept as such so each reader words it in their own language. */
export interface OrgMessage {
  readonly key: OrgKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** An org text in `lang`. */
export function orgT(lang: Lang, message: OrgMessage): string {
  const catalog = catalogIn(lang) as unknown as Readonly<Record<string, string | undefined>>;
  return fill(catalog[message.key] ?? message.key, message.params);
}
