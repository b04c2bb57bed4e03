// The loader: Code.js compiled once, global functions found, a missing build reported clearly.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { Bundle, BundleError } from "../loader";
import { fixtureBundle, fixtureDir, fixtureRuntime } from "./harness";

describe("Bundle", () => {
  it("loads <dir>/Code.js and reports a missing build", () => {
    expect(Bundle.load(fixtureDir()).source).toContain("function onOpen");
    const empty = mkdtempSync(join(tmpdir(), "emulator-empty-"));
    expect(() => Bundle.load(empty)).toThrow(BundleError);
    expect(() => Bundle.load(empty)).toThrow("Code.js is missing: run `npm run build` first");
  });

  it("finds the global functions, not variables like App, nor what the runtime injected", () => {
    const b = fixtureBundle();
    const names = b.run(vm.createContext({}), ["Logger"]);
    expect(names).toContain("onOpen");
    expect(names).toContain("helper_");
    expect(names).toContain("DOUBLE");
    expect(names).not.toContain("App");
    expect(names).not.toContain("LOADED_AT");
    expect(names).not.toContain("Object");
    expect(b.globalFunctions()).toEqual(names);
  });

  it("runs the same compiled script in each context without touching a service", () => {
    const rt = fixtureRuntime();
    expect(rt.counter.total()).toBe(0);
    rt.inspect();
    rt.inspect();
    expect(rt.counter.total()).toBe(0);
  });

  it("serves the HTML files next to Code.js and reads the manifest", () => {
    const b = Bundle.load(fixtureDir());
    expect(b.readHtml("Sidebar")).toContain("<?= heading ?>");
    expect(b.readHtml("../etc/passwd")).toBeNull();
    expect(b.readHtml("Missing")).toBeNull();
    expect(b.manifest()?.timeZone).toBe("Etc/UTC");
  });
});
