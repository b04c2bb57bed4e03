// The self-test build as a user runs it: dist-selftest/Code.js in the emulator, the menu item, the Self-test tab.
// In the emulator every probe must agree (this proves the plumbing; the real check is a real spreadsheet), and a
// document whose answers differ must show the disagreement.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { SIZE_BUDGET } from "../../scripts/budgets";
import { SELFTEST_CAPTION } from "../../src/selftest/menu";
import { NOT_PROBED, PROBES } from "../../src/selftest/probes";
import { canonical, REPORT_HEADER, REPORT_TAB, SCRATCH_TAB } from "../../src/selftest/runner";
import { SELFTEST_SURFACE } from "../../src/selftest/surface";
import { SURFACE } from "../../src/server/surface";
import { Emulator } from "../emulator";

const root = join(import.meta.dirname, "../..");
const bundleDir = join(root, "dist-selftest");

function reportRows(emu: Emulator): string[][] {
  return emu.values(REPORT_TAB).map((r) => r.map((c) => String(c)));
}

/** The probe rows of the report, by probe id: [answered, expects, agree]. */
function probeRows(emu: Emulator): Map<string, string[]> {
  const ids = new Set(PROBES.map((p) => p.id));
  return new Map(
    reportRows(emu)
      .filter((r) => ids.has(r[0] ?? ""))
      .map((r) => [r[0]!, [r[3]!, r[4]!, r[5]!]]),
  );
}

describe("the self-test build in the emulator", () => {
  it("keeps the add-on's menu and adds the self-test item after it", () => {
    const emu = Emulator.create({ bundleDir });
    emu.install();
    const captions = emu.ui.addonMenu.map((i) => i.functionName);
    expect(captions.at(-1)).toBe("menuRunSelfTest");
    expect(captions).toContain("menuSetUpWorkbook");
    expect(emu.ui.addonMenu.at(-1)?.caption).toBe(SELFTEST_CAPTION);
  });

  it("runs every probe from the menu, agrees on each, writes the Self-test tab and removes its scratch tab", () => {
    const emu = Emulator.create({ bundleDir, owner: "maria@example.com" });
    emu.install();
    const tabsBefore = emu.spreadsheet.getSheets().map((s) => s.getName());
    emu.menu(SELFTEST_CAPTION);

    const tabs = emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(tabs).not.toContain(SCRATCH_TAB);
    expect(tabs).toEqual([...tabsBefore, REPORT_TAB]);

    const rows = reportRows(emu);
    expect(rows[0]?.[3]).toBe(`${PROBES.length} of ${PROBES.length} agree`);
    expect(rows[0]?.[1]).toBe("locale en_US");
    expect(rows[1]).toEqual([...REPORT_HEADER]);
    const byId = probeRows(emu);
    expect([...byId.keys()]).toEqual(PROBES.map((p) => p.id));
    for (const p of PROBES) {
      const [answered, expects, agree] = byId.get(p.id)!;
      expect(expects, p.id).toBe(canonical(p.expected));
      expect(answered, p.id).toBe(expects);
      expect(agree, p.id).toBe("yes");
    }
    // The rules a menu cannot probe are listed with their pages.
    const notProbed = rows.filter((r) => r[0] === "(not probed)");
    expect(notProbed.map((r) => r[7])).toEqual(NOT_PROBED.map((n) => n.source));
    expect(emu.ui.toasts.at(-1)?.message).toBe(`All ${PROBES.length} probes agree with the emulator.`);
  });

  it("replaces an earlier Self-test tab when run again", () => {
    const emu = Emulator.create({ bundleDir });
    emu.install();
    emu.menu(SELFTEST_CAPTION);
    emu.menu(SELFTEST_CAPTION);
    expect(emu.spreadsheet.getSheets().filter((s) => s.getName() === REPORT_TAB)).toHaveLength(1);
  });

  it("shows a disagreement: in a Chinese-locale document the en_US display values differ", () => {
    const emu = Emulator.create({ bundleDir, locale: "zh_CN" });
    emu.install();
    emu.menu(SELFTEST_CAPTION);
    const byId = probeRows(emu);
    const [answered, expects, agree] = byId.get("setvalue.date-object")!;
    expect(agree).toBe("NO");
    expect(answered).not.toBe(expects);
    const disagreeing = [...byId.values()].filter((r) => r[2] === "NO").length;
    expect(disagreeing).toBeGreaterThan(0);
    expect(reportRows(emu)[0]?.[3]).toBe(`${PROBES.length - disagreeing} of ${PROBES.length} agree`);
    expect(emu.ui.toasts.at(-1)?.message).toContain(`${disagreeing} of ${PROBES.length} probes disagree`);
  });
});

describe("dist-selftest/Code.js", () => {
  const code = readFileSync(join(bundleDir, "Code.js"), "utf8");

  it("declares exactly the self-test surface as global functions, the add-on's included", () => {
    const names = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);
    expect(names.sort()).toEqual(SELFTEST_SURFACE.map((e) => e.name).sort());
    const context = createContext({});
    runInContext(code, context, { filename: "Code.js" });
    const app = (context as Record<string, unknown>).App as Record<string, unknown>;
    expect(Object.keys(app).sort()).toEqual(SELFTEST_SURFACE.map((e) => e.name).sort());
  });

  it("leaves the add-on's own build without the self-test, under its budget", () => {
    const addon = readFileSync(join(root, "dist/Code.js"), "utf8");
    const names = [...addon.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);
    expect(names.sort()).toEqual(SURFACE.map((e) => e.name).sort());
    expect(addon).not.toContain("selftest");
    expect(addon).not.toContain(SELFTEST_CAPTION);
    expect(Buffer.byteLength(addon)).toBeLessThanOrEqual(SIZE_BUDGET.code);
  });
});
