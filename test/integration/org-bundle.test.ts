// The org build's files as clasp pushes them (dist-org/): Code.js loads in a bare context, its stubs, the App exports
// and src/org/surface.ts list the same entries (the add-on's plus the export's), no catalog or browser code is in it,
// its catalog files hold the org texts in both languages, and its Roles and settings page carries the export section
// (the default build's page and catalogs do not).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { bundleCode, ORG } from "../../scripts/build";
import { placeholdersOf } from "../../src/domain/i18n";
import { ORG_CATALOG } from "../../src/org/catalog";
import { ORG_SURFACE } from "../../src/org/surface";
import { SURFACE } from "../../src/server/surface";
import { Emulator } from "../emulator/index";
import { DIST_ORG } from "./org-support";
import { DIST } from "./support";

const code = () => readFileSync(join(DIST_ORG, "Code.js"), "utf8");

describe("dist-org/", () => {
  it("loads in a bare vm context and defines exactly the ORG_SURFACE entries, each as App exports it", () => {
    const context = createContext({}) as Record<string, unknown>;
    runInContext(code(), context, { filename: "Code.js" });
    const app = context.App as Record<string, unknown>;
    expect(Object.keys(app).sort()).toEqual(ORG_SURFACE.map((e) => e.name).sort());
    const names = [...code().matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);
    expect(names.sort()).toEqual(ORG_SURFACE.map((e) => e.name).sort());
    for (const entry of SURFACE) expect(ORG_SURFACE).toContainEqual(entry);
  });

  it("touches no service while loading in the emulator", () => {
    const emu = Emulator.create({ bundleDir: DIST_ORG });
    expect(emu.counter.snapshot()).toEqual({});
    expect([...emu.functions].sort()).toEqual(ORG_SURFACE.map((e) => e.name).sort());
  });

  it("bundles no catalog module and no browser code into Code.js", async () => {
    const { inputs } = await bundleCode(ORG);
    expect(inputs.filter((i) => /src\/(domain\/catalog|org\/catalog|sidebar|org\/sidebar)/.test(i))).toEqual([]);
  });

  it("has every org text in English and Chinese, with the same placeholders", () => {
    const keys = Object.keys(ORG_CATALOG.en);
    expect(Object.keys(ORG_CATALOG.zh).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const en = ORG_CATALOG.en[key as keyof typeof ORG_CATALOG.en];
      const zh = ORG_CATALOG.zh[key as keyof typeof ORG_CATALOG.zh];
      expect(zh.trim(), key).not.toBe("");
      expect(placeholdersOf(zh), key).toEqual(placeholdersOf(en));
    }
    for (const lang of ["en", "zh"] as const) {
      const file = JSON.parse(readFileSync(join(DIST_ORG, `i18n-${lang}.html`), "utf8")) as Record<string, string>;
      expect(file["org.export.title"]).toBe(ORG_CATALOG[lang]["org.export.title"]);
      const plain = JSON.parse(readFileSync(join(DIST, `i18n-${lang}.html`), "utf8")) as Record<string, string>;
      expect(plain["org.export.title"]).toBeUndefined();
    }
  });

  it("shows the export section in the org build's Roles and settings page only", () => {
    expect(readFileSync(join(DIST_ORG, "roles.html"), "utf8")).toContain("rpcExportView");
    expect(readFileSync(join(DIST, "roles.html"), "utf8")).not.toContain("rpcExportView");
  });
});
