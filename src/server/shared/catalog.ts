// Where the server's texts come from: the build writes each language of the catalog as JSON to an .html file next to
// Code.js (clasp pushes .html files, and HtmlService reads them by name), so Code.js does not carry ~110 KB of text
// that Apps Script would compile again at the start of every execution. Read on the first t() of an execution only.
import type { Catalog, Lang } from "../../domain/i18n";

/** The file name HtmlService knows a language's catalog by (dist/i18n-en.html, dist/i18n-zh.html). */
export function catalogFile(lang: Lang): string {
  return `i18n-${lang}`;
}

/**
 * The HTML service guide's own include() pattern reads a project file with createHtmlOutputFromFile(name).getContent();
 * the build writes the JSON with <, > and & escaped, so the text is plain character data that comes back unchanged.
 */
export function loadCatalog(lang: Lang): Catalog {
  return JSON.parse(HtmlService.createHtmlOutputFromFile(catalogFile(lang)).getContent()) as Catalog;
}
