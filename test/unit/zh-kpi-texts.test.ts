// Chinese sentences that carry a KPI's name or unit: the name is set off (quotes or punctuation), never glued to a
// Chinese word, so "Leads" reads as a name ("指标“Leads”预计达到 413.79 leads"), not as part of the sentence.
import { describe, expect, it } from "vitest";
import { CATALOG, UI_CATALOG } from "../../src/domain/catalog";
import { EVALUATION_UI } from "../../src/domain/evaluation/ui-texts";

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Every Chinese text the add-on shows (cells, mails, sidebars), by key. */
function chineseTexts(): [string, string][] {
  const ui = Object.entries(EVALUATION_UI).map(([k, v]) => [k, v.zh] as [string, string]);
  return [...Object.entries(CATALOG.zh), ...Object.entries(UI_CATALOG.zh), ...ui];
}

/** The characters right before and after each occurrence of a placeholder. */
function neighbours(text: string, name: string): [string, string][] {
  const out: [string, string][] = [];
  const token = `{${name}}`;
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    out.push([text[at - 1] ?? "", text[at + token.length] ?? ""]);
  }
  return out;
}

describe("Chinese texts with a KPI's name or unit", () => {
  const texts = chineseTexts();

  it("set the indicator off from Chinese words on both sides", () => {
    const glued = texts.filter(([, text]) =>
      neighbours(text, "indicator").some(([b, a]) => HAN.test(b) || HAN.test(a)),
    );
    expect(glued).toEqual([]);
    expect(texts.filter(([, text]) => text.includes("{indicator}")).length).toBeGreaterThan(4);
  });

  it("write the unit after its number with a space, and glue no Chinese word to it", () => {
    const glued = texts.filter(([, text]) => neighbours(text, "unit").some(([b, a]) => b !== " " || HAN.test(a)));
    expect(glued).toEqual([]);
  });
});
