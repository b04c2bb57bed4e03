// The emulator's side of the platform self-test: every probe runs in the emulator, in its own execution of the
// self-test build, and must give the answer its expectation pins (what Google documents; see src/selftest).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROBES } from "../../src/selftest/probes";
import { canonical } from "../../src/selftest/runner";
import { Emulator } from "../emulator";

const bundleDir = join(import.meta.dirname, "../../dist-selftest");

describe("platform probes in the emulator", () => {
  const emu = Emulator.create({ bundleDir, addonEnabled: true, owner: "maria@example.com" });

  it("has one probe per id, each with a source and a basis", () => {
    expect(new Set(PROBES.map((p) => p.id)).size).toBe(PROBES.length);
    for (const p of PROBES) expect(p.source).toMatch(/^https:\/\//);
  });

  it.each(PROBES.map((p) => [p.id, p] as const))("%s", (_id, probe) => {
    const tabs = emu.spreadsheet.getSheets().map((s) => s.getName());
    const result = emu.run<{ answer: string; agree: boolean }>("selftestProbe", probe.id);
    expect(JSON.parse(result.answer)).toEqual(probe.expected);
    expect(result.answer).toBe(canonical(probe.expected));
    expect(result.agree).toBe(true);
    // The probe leaves the document as it found it: no scratch tab, the same tabs.
    expect(emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(tabs);
  });
});
