// Loads the bundle the way Apps Script does: Code.js compiled once, run as a classic script in each fresh context.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

/** What the emulator reads of appsscript.json. */
export interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[] };
}

export class BundleError extends Error {
  override name = "BundleError";
}

export class Bundle {
  readonly script: vm.Script;
  readonly source: string;
  private functions?: string[];

  private constructor(
    readonly dir: string,
    source: string,
  ) {
    this.source = source;
    this.script = new vm.Script(source, { filename: "Code.js" });
  }

  /** Reads `<dir>/Code.js`; a missing file is a clear error, not an ENOENT. */
  static load(dir: string): Bundle {
    const file = join(dir, "Code.js");
    if (!existsSync(file)) throw new BundleError(`${file} is missing: run \`npm run build\` first`);
    return new Bundle(dir, readFileSync(file, "utf8"));
  }

  /** A bundle from source text (tests); HTML files are then read from `dir` if given. */
  static fromSource(source: string, dir = ""): Bundle {
    return new Bundle(dir, source);
  }

  /** `<dir>/<name>.html`, the files HtmlService serves, or null. */
  readHtml(name: string): string | null {
    if (!this.dir || /[/\\]/.test(name)) return null;
    const file = join(this.dir, `${name}.html`);
    return existsSync(file) ? readFileSync(file, "utf8") : null;
  }

  /** The manifest next to Code.js, when there is one. */
  manifest(): Manifest | null {
    if (!this.dir) return null;
    const file = join(this.dir, "appsscript.json");
    if (!existsSync(file)) return null;
    return JSON.parse(readFileSync(file, "utf8")) as Manifest;
  }

  /** The user symbols of the advanced services the manifest enables ("BigQuery"): only those exist as globals. */
  advancedServices(): string[] {
    return (this.manifest()?.dependencies?.enabledAdvancedServices ?? []).map((s) => s.userSymbol);
  }

  /** The OAuth scopes the manifest asks for: a service whose scope is missing is not offered to the script. */
  scopes(): string[] {
    return this.manifest()?.oauthScopes ?? [];
  }

  /**
   * Runs the bundle's top level in `context` and returns the names of the global functions it declared: what
   * google.script.run, menus, triggers and cells can reach. `injected` are the names the runtime put there itself.
   */
  run(context: vm.Context, injected: readonly string[], timeout?: number): string[] {
    if (this.functions) {
      this.script.runInContext(context, timeout ? { timeout } : {});
      return this.functions;
    }
    const before = new Set<string>([
      ...(vm.runInContext("Object.getOwnPropertyNames(globalThis)", context) as string[]),
      ...injected,
    ]);
    this.script.runInContext(context, timeout ? { timeout } : {});
    const names = vm.runInContext(
      "Object.getOwnPropertyNames(globalThis).filter(function (n) { return typeof globalThis[n] === 'function'; })",
      context,
    ) as string[];
    this.functions = names.filter((n) => !before.has(n)).sort();
    return this.functions;
  }

  /** Global functions found by the first run (empty before it). */
  globalFunctions(): readonly string[] {
    return this.functions ?? [];
  }
}
