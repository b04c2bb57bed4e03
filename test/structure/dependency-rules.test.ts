// The dependency rules of .dependency-cruiser.cjs: the real tree passes, and each kind of forbidden import, added to a
// small copy of the layers, is caught by the rule that says why it is forbidden.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const config = join(root, ".dependency-cruiser.cjs");
const bin = join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const scratch: string[] = [];

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

function cruise(cwd: string): Violation[] {
  const run = spawnSync(process.execPath, [bin, "src", "--config", config, "--output-type", "json"], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!run.stdout) throw new Error(`dependency-cruiser printed nothing: ${run.stderr}`);
  return JSON.parse(run.stdout).summary.violations as Violation[];
}

/** A tree of one-line modules: path -> the paths it imports. */
function tree(files: Record<string, readonly string[]>): string {
  const dir = mkdtempSync(join(tmpdir(), "layers-"));
  scratch.push(dir);
  for (const [file, imports] of Object.entries(files)) {
    mkdirSync(join(dir, dirname(file)), { recursive: true });
    const lines = imports.map((to, i) => {
      let spec = relative(dirname(file), to).replace(/\.ts$/, "");
      if (!spec.startsWith(".")) spec = `./${spec}`;
      return `import { x as x${i} } from "${spec}";`;
    });
    writeFileSync(join(dir, file), `${lines.join("\n")}\nexport const x = 1;\n`);
  }
  return dir;
}

const LAWFUL: Record<string, readonly string[]> = {
  "src/domain/money.ts": [],
  "src/workbook/shared/ports.ts": [],
  "src/workbook/shared/table.ts": ["src/workbook/shared/ports.ts", "src/domain/money.ts"],
  "src/workbook/spend/tabs.ts": ["src/workbook/shared/table.ts"],
  "src/server/shared/write.ts": ["src/workbook/shared/table.ts"],
  "src/server/spend/rpc.ts": ["src/server/shared/write.ts", "src/workbook/spend/tabs.ts"],
  "src/server/evaluation/reports.ts": ["src/server/spend/rpc.ts"],
  "src/server/approvals/inbox.ts": ["src/server/evaluation/reports.ts", "src/server/spend/rpc.ts"],
  "src/server/admin/roles.ts": ["src/server/approvals/inbox.ts"],
  "src/server/spend/api.ts": [],
  "src/server/entrypoints.ts": ["src/server/admin/roles.ts"],
  "src/sidebar/expenses/main.ts": ["src/server/spend/api.ts", "src/domain/money.ts"],
};

function withExtra(from: string, to: string): Record<string, readonly string[]> {
  return { ...LAWFUL, [from]: [...(LAWFUL[from] ?? []), to] };
}

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe("dependency rules", () => {
  it("the project's own src/ breaks none of them", () => {
    expect(statSync(join(root, "src")).isDirectory()).toBe(true);
    expect(cruise(root)).toEqual([]);
  });

  it("a tree that only points down passes", () => {
    expect(cruise(tree(LAWFUL))).toEqual([]);
  });

  const cases: readonly (readonly [string, string, string])[] = [
    ["domain-is-pure", "src/domain/money.ts", "src/workbook/shared/table.ts"],
    ["workbook-below-server", "src/workbook/shared/table.ts", "src/server/shared/write.ts"],
    ["server-not-sidebar", "src/server/spend/rpc.ts", "src/sidebar/expenses/main.ts"],
    ["sidebar-sees-contracts-only", "src/sidebar/expenses/main.ts", "src/server/spend/rpc.ts"],
    ["shared-below-features", "src/server/shared/write.ts", "src/server/spend/api.ts"],
    ["shared-below-features", "src/workbook/shared/table.ts", "src/workbook/spend/tabs.ts"],
    ["features-below-composition", "src/server/spend/api.ts", "src/server/entrypoints.ts"],
    ["features-in-order", "src/server/approvals/inbox.ts", "src/server/admin/roles.ts"],
    ["evaluation-below-approvals", "src/server/evaluation/reports.ts", "src/server/approvals/inbox.ts"],
    ["spend-is-the-lowest-feature", "src/server/spend/api.ts", "src/server/evaluation/reports.ts"],
  ];
  for (const [rule, from, to] of cases) {
    it(`${rule} catches ${from} -> ${to}`, () => {
      const names = cruise(tree(withExtra(from, to))).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
      expect(names).toContain(`${rule}: ${from} -> ${to}`);
    });
  }

  it("no-circular catches a cycle inside one folder", () => {
    const files = { ...LAWFUL, "src/domain/a.ts": ["src/domain/b.ts"], "src/domain/b.ts": ["src/domain/a.ts"] };
    const names = cruise(tree(files)).map((v) => v.rule.name);
    expect(names).toContain("no-circular");
  });

  it("the copy of the layers is what the rules see (every module cruised)", () => {
    const dir = tree(LAWFUL);
    const count = (d: string): number =>
      readdirSync(d, { withFileTypes: true }).reduce(
        (n, e) => n + (e.isDirectory() ? count(join(d, e.name)) : e.name.endsWith(".ts") ? 1 : 0),
        0,
      );
    const run = spawnSync(process.execPath, [bin, "src", "--config", config, "--output-type", "json"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(JSON.parse(run.stdout).summary.totalCruised).toBe(count(join(dir, "src")));
  });
});
