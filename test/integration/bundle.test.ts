// The exact file clasp pushes: it loads in a bare context without touching any service, and its global stubs,
// the App exports and surface.ts list the same entry points (the drift test).
import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { SIZE_BUDGET } from "../../scripts/budgets";
import { bundleCode } from "../../scripts/build";
import { SURFACE } from "../../src/server/surface";
import { CODE_JS, emulator, requireBuild } from "./support";

let code = "";

beforeAll(() => {
  requireBuild();
  code = readFileSync(CODE_JS, "utf8");
});

/** Loads Code.js in a context holding only ECMAScript built-ins: any service call while loading would throw. */
function load(): Record<string, unknown> {
  const context = createContext({});
  runInContext(code, context, { filename: "Code.js" });
  return context as Record<string, unknown>;
}

describe("dist/Code.js", () => {
  it("loads in a bare vm context", () => {
    expect(() => load()).not.toThrow();
  });

  it("defines every SURFACE entry as a top-level function with its parameters", () => {
    const g = load();
    for (const entry of SURFACE) {
      const fn = g[entry.name];
      expect(typeof fn, entry.name).toBe("function");
      expect((fn as (...args: unknown[]) => unknown).length, entry.name).toBe(entry.params.length);
      expect(code).toContain(`function ${entry.name}(${entry.params.join(", ")}) {`);
    }
  });

  it("exports exactly the SURFACE names from App, as functions of the same arity", () => {
    const app = load().App as Record<string, unknown>;
    expect(Object.keys(app).sort()).toEqual(SURFACE.map((e) => e.name).sort());
    for (const entry of SURFACE) {
      expect((app[entry.name] as (...args: unknown[]) => unknown).length, entry.name).toBe(entry.params.length);
    }
  });

  it("declares no other global functions (only listed names are reachable from google.script.run)", () => {
    const names = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);
    expect(names.sort()).toEqual(SURFACE.map((e) => e.name).sort());
  });

  it("gives BUDGET_VARIANCE its JSDoc with @customfunction, so Sheets shows argument help", () => {
    const stub = code.slice(
      code.indexOf("/**", code.indexOf("// Global entry points")),
      code.lastIndexOf("function BUDGET_VARIANCE("),
    );
    expect(stub).toContain("@customfunction");
    expect(stub).toContain("@param {number|Array<Array<number>>} planned");
    expect(stub).toContain("blank");
  });

  it("touches no service while loading in the emulator, and exposes the SURFACE names", () => {
    const emu = emulator();
    expect(emu.counter.snapshot()).toEqual({});
    expect([...emu.functions].sort()).toEqual(SURFACE.map((e) => e.name).sort());
  });

  it("bundles only our code, zod and @noble/hashes: no development dependency reaches what clasp pushes", async () => {
    const { inputs } = await bundleCode();
    const packages = new Set(
      inputs
        .filter((i) => i.startsWith("node_modules/"))
        .map((i) => {
          const parts = i.split("/");
          return parts[1]?.startsWith("@") ? parts.slice(1, 3).join("/") : (parts[1] ?? "");
        }),
    );
    expect([...packages].sort()).toEqual(["@noble/hashes", "zod"]);
    // Only SHA-256 and HMAC of it: the seal of the approval log.
    const noble = inputs.filter((i) => i.includes("@noble/hashes/")).map((i) => i.split("/").at(-1));
    expect(noble.sort()).toEqual(["_md.js", "_u64.js", "hmac.js", "sha2.js", "utils.js"]);
    expect(inputs.some((i) => i.includes("hyperformula"))).toBe(false);
  });

  it("stays within the size budget and carries no machine paths", () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(SIZE_BUDGET.code);
    expect(code).not.toMatch(/\/(work|home|tmp)\//);
    expect(code).not.toContain("import.meta");
  });
});
