// The message catalogs live beside Code.js, not in it: the build writes one JSON file per language, Code.js is bundled
// without the catalog modules, and an execution reads a catalog only when it shows a text, each language once.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SIZE_BUDGET } from "../../scripts/budgets";
import { bundleCode, catalogFileText } from "../../scripts/build";
import { CATALOG } from "../../src/domain/catalog";
import { fill, LANGS, type MessageKey } from "../../src/domain/i18n";
import { MENU_CAPTIONS } from "../../src/domain/menu-captions";
import { MENU_ITEMS } from "../../src/server/menu";
import { catalogFile } from "../../src/server/shared/catalog";
import { addPlans, approvePlan, recordTypedRows, spendWorkbook, writeRows } from "./spend-support";
import { CODE_JS, DIST, emulator, requireBuild, setUpWorkbook } from "./support";
import { MIA, workbook } from "./workflow-support";

/** One catalog read: the file by name, then its text. */
const LOAD = "HtmlService.createHtmlOutputFromFile";

/** The modules that hold catalog text; none of them may end up in Code.js. */
const CATALOG_MODULES = [
  "src/domain/catalog.ts",
  "src/domain/workflow/messages.ts",
  "src/domain/spend/messages.ts",
  "src/domain/evaluation/messages.ts",
  "src/domain/evaluation/labels.ts",
  "src/domain/evaluation/ui-texts.ts",
];

let code = "";

beforeAll(() => {
  requireBuild();
  code = readFileSync(CODE_JS, "utf8");
});

describe("the catalog files next to Code.js", () => {
  it.each(LANGS)("hold the %s catalog as JSON that parses back to the source, within budget", (lang) => {
    const text = readFileSync(join(DIST, `${catalogFile(lang)}.html`), "utf8");
    expect(text).toBe(catalogFileText(CATALOG[lang]));
    expect(JSON.parse(text)).toEqual(CATALOG[lang]);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SIZE_BUDGET.catalog);
  });

  it("hold no markup characters, so HtmlService has nothing to change", () => {
    // The catalog does use them ("CPL <= 8"); the file writes them as \u escapes, which JSON.parse turns back.
    expect(Object.values(CATALOG.en).some((text) => /[<>&]/.test(text))).toBe(true);
    for (const lang of LANGS) {
      expect(readFileSync(join(DIST, `${catalogFile(lang)}.html`), "utf8")).not.toMatch(/[<>&]/);
    }
  });
});

describe("Code.js", () => {
  it("is bundled without the catalog modules (esbuild's metafile)", async () => {
    const { inputs } = await bundleCode();
    expect(inputs).toContain("src/domain/i18n.ts");
    expect(inputs).toContain("src/domain/menu-captions.ts");
    expect(inputs.filter((input) => CATALOG_MODULES.includes(input))).toEqual([]);
  });

  it("carries none of the catalog's sentences, in either language", () => {
    const keys: MessageKey[] = ["rpc.signedOut", "mail.body.waiting", "spend.report.rowsExcluded", "verify.broken"];
    for (const lang of LANGS) for (const key of keys) expect(code, `${lang} ${key}`).not.toContain(CATALOG[lang][key]);
  });

  it("carries the menu captions itself, in both languages", () => {
    for (const { en, zh } of Object.values(MENU_CAPTIONS)) {
      expect(code).toContain(en);
      expect(code).toContain(zh);
    }
  });
});

describe("reading a catalog", () => {
  it("never happens while the menu is built, in AuthMode.NONE, in either language", () => {
    for (const locale of ["en_US", "zh_CN"]) {
      const emu = emulator();
      emu.configureUser(emu.user, { locale });
      expect(emu.open().authMode).toBe("NONE");
      const lang = locale === "zh_CN" ? "zh" : "en";
      expect(emu.ui.addonMenu.map((item) => item.caption)).toEqual(
        MENU_ITEMS.map((item) => MENU_CAPTIONS[item.caption][lang]),
      );
      expect(emu.counter.total("HtmlService.")).toBe(0);
    }
  });

  it("never happens in a custom function that succeeds", () => {
    const emu = setUpWorkbook();
    const calls: [string, unknown[], unknown][] = [
      ["BUDGET_VARIANCE", [100, 110], 10],
      ["BUDGET_VARIANCE_PCT", [100, 110], 0.1],
      ["BUDGET_STATUS", [10000, 9999], "WARNING"],
      ["KPI_ATTAINMENT", [200, 150], 0.75],
      [
        "CAMPAIGN_SCORE",
        [
          [[1.2], [2], [0.5]],
          [[1], [1], [2]],
        ],
        0.925,
      ],
      ["CAMPAIGN_ROI", [1500, 1000], 0.5],
      // Reads the Settings tab (found by its metadata, plain key/value cells): still no text needed.
      ["CAMPAIGN_GRADE", [0.9], "B"],
    ];
    for (const [name, args, expected] of calls) {
      emu.counter.reset();
      expect(emu.customFunction(name, ...args), name).toEqual(expected);
      expect(emu.counter.total("HtmlService."), name).toBe(0);
    }
  });

  it("happens once, in the spreadsheet's language, when a custom function throws", () => {
    for (const [locale, lang] of [
      ["en_US", "en"],
      ["zh_CN", "zh"],
    ] as const) {
      const emu = emulator({ locale });
      const message = fill(CATALOG[lang]["variance.notNumber"], {
        argument: CATALOG[lang]["variance.argument.planned"],
        found: fill(CATALOG[lang]["found.text"], { text: "ten" }),
      });
      expect(() => emu.customFunction("BUDGET_VARIANCE", "ten", 5)).toThrow(message);
      expect(emu.counter.get(LOAD)).toBe(1);
      expect(emu.counter.get("HtmlOutput.getContent")).toBe(1);
    }
  });

  it("happens once per execution however many texts it shows, and again in the next execution", () => {
    const emu = workbook({ campaigns: [], tasks: [] });
    emu.counter.reset();
    const invalid = {
      id: "",
      name: "Autumn fair",
      owner: "not an address",
      objective: "Meet 200 retailers",
      audience: "Retail buyers",
      channels: "Events",
      content: "Booth and demo",
      place: "Hamburg",
      start: "2026-09-05",
      end: "2026-09-01",
      budget: "-5",
      currency: "EURO",
      kpis: "Meetings 200",
    };
    const first = emu.as(MIA).run<{ issues?: unknown[] }>("rpcSavePlan", invalid);
    expect(first.issues?.length).toBeGreaterThanOrEqual(4);
    expect(emu.counter.get(LOAD)).toBe(1);
    emu.as(MIA).run("rpcSavePlan", invalid);
    expect(emu.counter.get(LOAD)).toBe(2);
  });

  it("reads the labels a reading custom function meets in the workbook's language only", () => {
    // BUDGET_REMAINING reads the tabs, whose Status and Kind cells hold labels ("Plan approved", "实际发生"): mapping
    // them back to their values takes the catalog of the language they are in, and no other.
    for (const [locale, kinds] of [
      ["en_US", ["Actual", "Committed"]],
      ["zh_CN", ["实际发生", "已承诺"]],
    ] as const) {
      const emu = spendWorkbook({ locale });
      addPlans(emu, [{ id: "C-1", budget: 10000 }]);
      writeRows(emu, "budget", [{ campaign: "C-1", category: "Media", month: "2026-03", planned: 10000 }]);
      approvePlan(emu, "C-1");
      writeRows(emu, "expenses", [
        { id: "E-1", date: "2026-03-05", campaign: "C-1", category: "Media", amount: 2500, kind: kinds[0] },
        { id: "E-2", date: "2026-03-09", campaign: "C-1", category: "Media", amount: 1000, kind: kinds[1] },
      ]);
      // Typed rows count once the add-on records them.
      expect(recordTypedRows(emu), locale).toBe(2);
      emu.counter.reset();
      expect(emu.customFunction("BUDGET_REMAINING", "C-1"), locale).toBe(6500);
      expect(emu.counter.get(LOAD), locale).toBeLessThanOrEqual(1);
    }
  });
});
