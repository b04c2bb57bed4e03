// The table reader: columns found by key, rows validated, bad rows reported with tab, row and column.
import { describe, expect, it } from "vitest";
import { campaignsFromTable, findCampaignRow } from "../../src/workbook/approvals/campaigns";
import { CAMPAIGNS_TAB } from "../../src/workbook/approvals/tabs";
import type { ColumnMetadata } from "../../src/workbook/shared/columns";
import type { SheetPort } from "../../src/workbook/shared/ports";
import type { ReadContext } from "../../src/workbook/shared/records";
import { SETTINGS_TAB, settingsFromTable } from "../../src/workbook/shared/settings";
import { tableFromValues } from "../../src/workbook/shared/table";
import { CAMPAIGN_HEADERS_EN } from "../campaigns-layout";

/** The reader only asks a sheet for its name once the values are read. */
function sheetNamed(name: string): SheetPort {
  return { getName: () => name } as Pick<SheetPort, "getName"> as SheetPort;
}

const ctx: ReadContext = { lang: "en", formatDate: (d) => d.toISOString().slice(0, 10) };
const HEADER = CAMPAIGN_HEADERS_EN;
const metadata = (header: readonly string[]): ColumnMetadata[] =>
  CAMPAIGNS_TAB.columns
    .map((c) => ({ column: header.indexOf(c.label === "col.campaigns.id" ? "ID" : "") + 1, value: c.key }))
    .filter((m) => m.column > 0);

function row(values: Partial<Record<string, unknown>>): unknown[] {
  return CAMPAIGNS_TAB.columns.map((c) => values[c.key] ?? "");
}

function campaigns(
  rows: unknown[][],
  header: readonly unknown[] = HEADER,
  md: ColumnMetadata[] = [],
  lang: "en" | "zh" = "en",
) {
  const table = tableFromValues(sheetNamed("Campaigns"), CAMPAIGNS_TAB, [header, ...rows], md);
  return campaignsFromTable(table, { ...ctx, lang });
}

const good = {
  id: "C-1",
  name: "Spring launch",
  owner: "ann@example.com",
  channels: "Email, Social media；Events",
  start: new Date("2026-03-01T00:00:00Z"),
  end: "2026-03-31",
  budget: 12000.5,
  currency: "eur",
  status: "In progress",
};

describe("reading campaigns", () => {
  it("turns a good row into a JSON-safe campaign", () => {
    const read = campaigns([row(good)]);
    expect(read.problems).toEqual([]);
    expect(read.campaigns).toEqual([
      {
        row: 2,
        record: {
          id: "C-1",
          name: "Spring launch",
          owner: "ann@example.com",
          objective: "",
          audience: "",
          channels: ["Email", "Social media", "Events"],
          content: "",
          place: "",
          start: "2026-03-01",
          end: "2026-03-31",
          budget: 12000.5,
          currency: "EUR",
          kpis: "",
          status: "InProgress",
        },
      },
    ]);
    expect(JSON.parse(JSON.stringify(read.campaigns))).toEqual(read.campaigns);
  });

  it("skips blank rows and reads blank status as Draft, blank currency as none", () => {
    const read = campaigns([["", "", ""], row({ id: "C-2", name: "Fair" }), []]);
    expect(read.campaigns.map((c) => [c.row, c.record.status, c.record.currency, c.record.budget])).toEqual([
      [3, "Draft", null, null],
    ]);
  });

  it("reports every bad cell with tab, row, column and what was found, and keeps the good rows", () => {
    const read = campaigns([
      row(good),
      row({ id: "C-2", name: "", budget: "lots", start: "next week", status: "Finished" }),
      row({ ...good, id: "C-3", budget: -5 }),
    ]);
    expect(read.campaigns.map((c) => c.record.id)).toEqual(["C-1"]);
    expect(read.problems.map((p) => [p.tab, p.row, p.column, p.label])).toEqual([
      ["Campaigns", 3, "B", "Name"],
      ["Campaigns", 3, "I", "Start"],
      ["Campaigns", 3, "K", "Total budget"],
      ["Campaigns", 3, "N", "Status"],
      ["Campaigns", 4, "K", "Total budget"],
    ]);
    expect(read.problems.map((p) => p.message)).toEqual([
      "Campaigns, row 3, column B (Name): a value is required here",
      "Campaigns, row 3, column I (Start): expected a date like 2026-03-31, found the text “next week”",
      "Campaigns, row 3, column K (Total budget): expected an amount of 0 or more, found the text “lots”",
      "Campaigns, row 3, column N (Status): expected one of Draft, Plan submitted, Plan approved, Execution plan submitted, Ready, In progress, Completed, Closed, Cancelled, found the text “Finished”",
      "Campaigns, row 4, column K (Total budget): expected an amount of 0 or more, found the number -5",
    ]);
  });

  it("words problems in Chinese for a Chinese user", () => {
    const read = campaigns([row({ id: "C-9", name: "X", budget: "abc" })], HEADER, [], "zh");
    expect(read.problems[0]?.message).toBe(
      "Campaigns，第 2 行，K 列（Total budget）：应为不小于 0 的金额，实际为文本“abc”",
    );
  });

  it("reports a duplicate ID and an end before the start", () => {
    const read = campaigns([
      row(good),
      row({ ...good, name: "Copy" }),
      row({ id: "C-4", name: "Backwards", start: "2026-05-10", end: "2026-05-01" }),
    ]);
    expect(read.campaigns.map((c) => c.record.name)).toEqual(["Spring launch"]);
    expect(read.problems.map((p) => p.message)).toEqual([
      "Campaigns, row 3, column A (ID): the ID “C-1” is already used in row 2",
      "Campaigns, row 4, column J (End): the end 2026-05-01 is before the start 2026-05-10",
    ]);
  });

  it("finds rows by ID, including rows with problems", () => {
    const read = campaigns([row(good), row({ id: "C-2", name: "", budget: "x" })]);
    expect(findCampaignRow(read, "C-1")).toBe(2);
    expect(findCampaignRow(read, " C-2 ")).toBe(3);
    expect(findCampaignRow(read, "C-404")).toBeUndefined();
  });

  it("finds columns by metadata after a move and a rename", () => {
    // Name and Owner swapped, Total budget renamed: only the metadata knows where they are.
    const header = [...HEADER];
    [header[1], header[2]] = [header[2]!, header[1]!];
    header[10] = "Budget (EUR)";
    const md = CAMPAIGNS_TAB.columns.map((c, i) => ({ column: i === 1 ? 3 : i === 2 ? 2 : i + 1, value: c.key }));
    const r = row(good);
    [r[1], r[2]] = [r[2], r[1]];
    const read = campaigns([r], header, md);
    expect(read.problems).toEqual([]);
    expect(read.campaigns[0]?.record.name).toBe("Spring launch");
    expect(read.campaigns[0]?.record.owner).toBe("ann@example.com");
    expect(read.campaigns[0]?.record.budget).toBe(12000.5);
  });

  it("falls back to header labels in either language when metadata is missing", () => {
    const header = ["编号", "活动名称", "Owner"];
    const read = campaigns([["C-7", "Mid-autumn", "li@example.com"]], header, metadata([]));
    expect(read.campaigns[0]?.record).toMatchObject({
      id: "C-7",
      name: "Mid-autumn",
      owner: "li@example.com",
      status: "Draft",
    });
    // The columns it could not find are reported once, not once per row.
    expect(read.problems).toHaveLength(11);
    expect(read.problems.every((p) => p.row === 1 && p.column === "")).toBe(true);
    expect(read.problems[0]?.message).toContain("the column is missing");
  });

  it("uses no row at all when the ID column is missing, and says so", () => {
    const read = campaigns([["Spring", "ann@example.com"]], ["Name", "Owner"]);
    expect(read.campaigns).toEqual([]);
    expect(read.problems.some((p) => p.label === "ID" && p.reason.includes("missing"))).toBe(true);
  });
});

describe("reading settings", () => {
  const header = ["Setting", "Value", "Description"];
  const read = (rows: unknown[][]) =>
    settingsFromTable(tableFromValues(sheetNamed("Settings"), SETTINGS_TAB, [header, ...rows], []), "en_US", ctx);

  it("reads known keys and leaves defaults for the rest", () => {
    const r = read([
      ["currency", "eur", ""],
      ["warning_threshold", 0.8, ""],
      ["channels", "Email, Social；Events", ""],
      // A rights row only shows the roles: what is typed there grants nothing and is not a setting.
      ["admins", "mallory@example.com", ""],
      ["unknown_key", "x", ""],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.settings).toMatchObject({
      currency: "EUR",
      warningThreshold: 0.8,
      language: "auto",
      channels: ["Email", "Social", "Events"],
    });
    expect(r.settings).not.toHaveProperty("admins");
    expect(r.rows.get("admins")).toBe(5);
  });

  it("reports a bad value where it is and keeps the default", () => {
    const r = read([
      ["warning_threshold", "ninety", ""],
      ["language", "fr", ""],
    ]);
    expect(r.settings.warningThreshold).toBe(0.9);
    expect(r.settings.language).toBe("auto");
    expect(r.problems.map((p) => [p.tab, p.row, p.column])).toEqual([
      ["Settings", 2, "B"],
      ["Settings", 3, "B"],
    ]);
    expect(r.problems[0]?.message).toBe(
      "Settings, row 2, column B (Value): the setting warning_threshold cannot be the text “ninety”; the default is used until it is fixed",
    );
  });
});
