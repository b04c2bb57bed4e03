// Budget categories as people type them: "Media", "media", "ＭＥＤＩＡ" and "Media " are one category, spelt as the
// canonical list (the Settings tab's categories) spells it.

/**
 * A function that names each typed category: the entry of `canonical` it matches when compared in NFKC (full-width
 * letters and digits read as half-width) with spaces trimmed and collapsed and case folded; otherwise the first spelling
 * it met of that category, so two spellings of a category the list lacks still meet. Each distinct text is normalised
 * once, whatever the number of rows that hold it.
 */
export function categoryNamer(canonical: readonly string[]): (text: string) => string {
  const byKey = new Map<string, string>();
  const seen = new Map<string, string>();
  const name = (text: string): string => {
    let found = seen.get(text);
    if (found === undefined) {
      const plain = text.normalize("NFKC").trim().replace(/\s+/g, " ");
      const key = plain.toUpperCase().toLowerCase();
      found = byKey.get(key) ?? plain;
      byKey.set(key, found);
      seen.set(text, found);
    }
    return found;
  };
  for (const c of canonical) name(c);
  return name;
}
