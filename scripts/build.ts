// Builds what `clasp push` uploads: dist/Code.js (IIFE + generated global stubs), one inlined .html per
// sidebar, one message catalog per language (i18n-<lang>.html, read by Code.js on first use), appsscript.json and
// .clasp.json-ready layout; prints the size budgets and fails when one is exceeded. `--selftest` builds the variant
// with the platform self-test menu item into dist-selftest/ instead (src/selftest/README.md); `--org` the variant with
// the BigQuery export into dist-org/ (src/org/README.md); dist/ is untouched by either.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { CATALOG } from "../src/domain/catalog";
import { LANGS } from "../src/domain/i18n";
import { ORG_CATALOG } from "../src/org/catalog";
import { ORG_SURFACE } from "../src/org/surface";
import { SELFTEST_SURFACE } from "../src/selftest/surface";
import { catalogFile } from "../src/server/shared/catalog";
import { type EntryPoint, SURFACE } from "../src/server/surface";
import { SIZE_BUDGET as BUDGET } from "./budgets";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GLOBAL_NAME = "App";

/** What one build writes: the add-on (dist/), or the add-on plus the platform self-test (dist-selftest/). */
export interface Variant {
  readonly dir: string;
  readonly entry: string;
  readonly tsconfig: string;
  readonly surface: readonly EntryPoint[];
  readonly surfaceFile: string;
  readonly command: string;
  readonly codeBudget: number;
  /** Texts the variant adds to each language's catalog file. */
  readonly extraTexts?: { readonly [L in (typeof LANGS)[number]]: Readonly<Record<string, string>> };
  /** Sidebars the variant builds from its own entry (main.ts) instead of src/sidebar/<name>/main.ts. */
  readonly sidebarEntries?: Readonly<Record<string, string>>;
  /** What the variant changes in appsscript.json. */
  readonly manifest?: (manifest: Record<string, unknown>) => Record<string, unknown>;
}

export const ADDON: Variant = {
  dir: "dist",
  entry: "src/server/entrypoints.ts",
  tsconfig: "src/server/tsconfig.json",
  surface: SURFACE,
  surfaceFile: "src/server/surface.ts",
  command: "npm run build",
  codeBudget: BUDGET.code,
};

export const SELFTEST: Variant = {
  dir: "dist-selftest",
  entry: "src/selftest/entrypoints.ts",
  tsconfig: "src/selftest/tsconfig.json",
  surface: SELFTEST_SURFACE,
  surfaceFile: "src/selftest/surface.ts",
  command: "npm run build -- --selftest",
  // Never pushed to users' documents, only to a test deployment: the probes' weight on top of the add-on's budget.
  codeBudget: BUDGET.code + 40 * 1024,
};

/** The BigQuery advanced service (v2) and the one scope the export needs (tables, streaming inserts, queries). */
export const BIGQUERY_SCOPE = "https://www.googleapis.com/auth/bigquery";
/** FormApp: create a campaign's feedback form and link it to this spreadsheet (src/org/forms.ts). */
export const FORMS_SCOPE = "https://www.googleapis.com/auth/forms";

export const ORG: Variant = {
  dir: "dist-org",
  entry: "src/org/entrypoints.ts",
  tsconfig: "src/org/tsconfig.json",
  surface: ORG_SURFACE,
  surfaceFile: "src/org/surface.ts",
  command: "npm run build -- --org",
  // Pushed to users' documents, so it pays its weight in every execution like the add-on: the add-on's 260 KB budget
  // plus what the export added when first built, 21.2 KB minified (the table schemas with the column descriptions that
  // document them in BigQuery itself, about a third of it; the run, the checkpoints, the row builders and the RPCs),
  // rounded up to 24 KB. The add-on's own code stays held to its 260 KB by the default build.
  codeBudget: BUDGET.code + 24 * 1024,
  extraTexts: ORG_CATALOG,
  sidebarEntries: { roles: "src/org/sidebar/roles" },
  manifest: (m) => ({
    ...m,
    dependencies: { enabledAdvancedServices: [{ userSymbol: "BigQuery", serviceId: "bigquery", version: "v2" }] },
    oauthScopes: [...((m.oauthScopes as string[] | undefined) ?? []), BIGQUERY_SCOPE, FORMS_SCOPE],
  }),
};

const shared: esbuild.BuildOptions = {
  bundle: true,
  write: false,
  charset: "utf8",
  legalComments: "none",
  logLevel: "silent",
  // esbuild only warns on import.meta in IIFE output; in Apps Script it would be a syntax error.
  logOverride: { "empty-import-meta": "error" },
  // These builtins have no side effects, so a module-level `const KEYS = Object.keys(MESSAGES)` that nothing reads
  // does not keep a whole message table in a bundle that never shows it.
  pure: ["Object.keys", "Object.entries", "Object.fromEntries", "Object.freeze"],
};

function failOnWarnings(result: esbuild.BuildResult, what: string): void {
  if (result.warnings.length > 0) {
    const text = esbuild.formatMessagesSync(result.warnings, { kind: "warning" }).join("\n");
    throw new Error(`${what}: esbuild warnings are errors here\n${text}`);
  }
}

/** One top-level function per entry, so Apps Script sees real names and parameters (and JSDoc for Sheets). */
export function stubFor(entry: EntryPoint): string {
  const params = entry.params.join(", ");
  const lines: string[] = [];
  if (entry.kind === "custom") {
    lines.push("/**", ...(entry.doc ?? []).map((l) => ` * ${l}`), " * @customfunction", " */");
  }
  lines.push(`function ${entry.name}(${params}) { return ${GLOBAL_NAME}.${entry.name}(${params}); }`);
  return lines.join("\n");
}

/** Code.js's body and the source files it was bundled from (esbuild's metafile), which a test checks. */
export async function bundleCode(variant: Variant = ADDON): Promise<{ body: string; inputs: string[] }> {
  const result = await esbuild.build({
    ...shared,
    absWorkingDir: root,
    metafile: true,
    entryPoints: [join(root, variant.entry)],
    format: "iife",
    globalName: GLOBAL_NAME,
    platform: "neutral",
    target: "es2020",
    // Apps Script compiles every script file at the start of every execution (each custom-function call, each
    // onEdit), so the bundle is fully minified; the generated entry stubs below stay readable.
    minify: true,
    tsconfig: join(root, variant.tsconfig),
  });
  failOnWarnings(result, "Code.js");
  return { body: result.outputFiles?.[0]?.text ?? "", inputs: Object.keys(result.metafile?.inputs ?? {}) };
}

async function buildCode(variant: Variant): Promise<string> {
  const { body } = await bundleCode(variant);
  const header = `// Campaign Control: generated by \`${variant.command}\` from src/. Do not edit; edit src/ and rebuild.\n`;
  const stubs = variant.surface.map(stubFor).join("\n\n");
  return `${header}${body}\n// Global entry points (${variant.surfaceFile})\n${stubs}\n`;
}

async function buildSidebar(name: string, entryDir?: string): Promise<string> {
  const dir = join(root, "src/sidebar", name);
  const result = await esbuild.build({
    ...shared,
    entryPoints: [join(entryDir ? join(root, entryDir) : dir, "main.ts")],
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    tsconfig: join(root, "src/sidebar/tsconfig.json"),
  });
  failOnWarnings(result, `${name}.html`);
  const js = (result.outputFiles?.[0]?.text ?? "").replace(/<\/script/gi, "<\\/script");
  const cssFiles = ["../shared/base.css", "style.css"].map((f) => join(dir, f)).filter((f) => existsSync(f));
  const css = cssFiles.map((f) => readFileSync(f, "utf8")).join("\n");
  const html = readFileSync(join(dir, "index.html"), "utf8");
  if (!html.includes("<!-- inline:style -->") || !html.includes("<!-- inline:script -->")) {
    throw new Error(`src/sidebar/${name}/index.html needs <!-- inline:style --> and <!-- inline:script --> markers`);
  }
  return html
    .replace("<!-- inline:style -->", () => `<style>\n${css}</style>`)
    .replace("<!-- inline:script -->", () => `<script>${js}</script>`);
}

/**
 * One language of the catalog as the file HtmlService serves: plain JSON with <, > and & written as \u escapes, so
 * the file holds no markup at all and getContent() gives back exactly this text for JSON.parse.
 */
export function catalogFileText(catalog: Readonly<Record<string, string>>): string {
  return JSON.stringify(catalog).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function sidebarNames(): string[] {
  const base = join(root, "src/sidebar");
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, "index.html")))
    .map((d) => d.name)
    .sort();
}

function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} KB`;
}

export async function build(variant: Variant = ADDON): Promise<void> {
  const dist = join(root, variant.dir);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const outputs: { file: string; bytes: number; budget: number }[] = [];

  const code = await buildCode(variant);
  writeFileSync(join(dist, "Code.js"), code);
  outputs.push({ file: "Code.js", bytes: Buffer.byteLength(code), budget: variant.codeBudget });

  for (const name of sidebarNames()) {
    const html = await buildSidebar(name, variant.sidebarEntries?.[name]);
    writeFileSync(join(dist, `${name}.html`), html);
    outputs.push({ file: `${name}.html`, bytes: Buffer.byteLength(html), budget: BUDGET.html });
  }

  for (const lang of LANGS) {
    const file = `${catalogFile(lang)}.html`;
    const text = catalogFileText({ ...CATALOG[lang], ...variant.extraTexts?.[lang] });
    writeFileSync(join(dist, file), text);
    outputs.push({ file, bytes: Buffer.byteLength(text), budget: BUDGET.catalog });
  }

  const manifest = readFileSync(join(root, "appsscript.json"));
  const changed = variant.manifest?.(JSON.parse(manifest.toString("utf8")) as Record<string, unknown>);
  writeFileSync(join(dist, "appsscript.json"), changed ? `${JSON.stringify(changed, null, 2)}\n` : manifest);

  let over = false;
  for (const o of outputs) {
    const ok = o.bytes <= o.budget;
    over ||= !ok;
    console.log(
      `${ok ? "  ok  " : " OVER "} ${variant.dir}/${o.file.padEnd(22)} ${kb(o.bytes).padStart(9)} of ${kb(o.budget)}`,
    );
  }
  if (over) throw new Error("a build output is over its size budget");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const variant = process.argv.includes("--selftest") ? SELFTEST : process.argv.includes("--org") ? ORG : ADDON;
  build(variant).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
