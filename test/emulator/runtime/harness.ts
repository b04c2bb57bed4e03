// Builds a Runtime over the fixture bundle for the runtime's own tests (no spreadsheet needed).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Bundle } from "../loader";
import { type ExecutionOutcome, type ExecutionSpec, Runtime, type RuntimeOptions } from "../runtime";
import { VirtualClock } from "../services/core";

export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
export const OWNER = "owner@example.com";

/** The template the probe's menuShowSidebar() serves (kept out of the repo: linters cannot parse scriptlets). */
export const SIDEBAR_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
  <body>
    <h1><?= heading ?></h1>
    <ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul>
    <script>var raw = <?!= JSON.stringify(items) ?>;</script>
  </body>
</html>
`;

let bundleDir: string | undefined;

/** A folder laid out like dist/: Code.js, Sidebar.html and appsscript.json. */
export function fixtureDir(): string {
  if (!bundleDir) {
    bundleDir = mkdtempSync(join(tmpdir(), "emulator-fixture-"));
    writeFileSync(join(bundleDir, "Code.js"), readFileSync(join(FIXTURES, "probe.js"), "utf8"));
    writeFileSync(join(bundleDir, "Sidebar.html"), SIDEBAR_TEMPLATE);
    writeFileSync(join(bundleDir, "appsscript.json"), JSON.stringify({ timeZone: "Etc/UTC", runtimeVersion: "V8" }));
  }
  return bundleDir;
}

export function fixtureBundle(name = "probe.js"): Bundle {
  return Bundle.fromSource(readFileSync(join(FIXTURES, name), "utf8"), fixtureDir());
}

export function fixtureRuntime(options: Partial<RuntimeOptions> = {}): Runtime {
  const rt = new Runtime({
    bundle: fixtureBundle(),
    clock: new VirtualClock("2026-03-02T08:00:00Z"),
    owner: OWNER,
    userLocale: "en",
    scriptTimeZone: "Etc/UTC",
    scriptId: "script-1",
    mailQuota: 100,
    ...options,
  });
  rt.documentId = "doc-1";
  rt.inspect();
  rt.counter.reset();
  return rt;
}

/** Runs a fixture function in FULL mode (or as `spec` says) and returns the outcome. */
export function call(
  rt: Runtime,
  functionName: string,
  args: unknown[] = [],
  spec: Partial<ExecutionSpec> = {},
): ExecutionOutcome {
  return rt.execute({ kind: "menu", functionName, authMode: "FULL", user: rt.activeUser, args: () => args, ...spec });
}
