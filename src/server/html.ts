// Serves the built sidebar pages (dist/<name>.html) with the language the page should start in.
import { type Lang, t } from "../domain/i18n";
import type { HtmlOutputPort } from "./ports";

/** The built page says <html lang="en">; the sidebar reads this attribute to pick its first language. */
function withLang(html: string, lang: Lang): string {
  return html.replace('<html lang="en">', `<html lang="${lang === "zh" ? "zh-CN" : "en"}">`);
}

export function campaignsSidebar(lang: Lang): HtmlOutputPort {
  const page = HtmlService.createHtmlOutputFromFile("campaigns").getContent();
  return HtmlService.createHtmlOutput(withLang(page, lang)).setTitle(t(lang, "sidebar.title"));
}
