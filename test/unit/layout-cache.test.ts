// The layout cache of table reads: trusted only while the header row vouches for it, else the metadata is scanned
// and the entry rewritten; what a reader gets is the same either way. Runs workbook code on the emulated spreadsheet.
import { afterEach, describe, expect, it } from "vitest";
import { CAMPAIGNS_TAB } from "../../src/workbook/approvals/tabs";
import { type LayoutStore, layoutKey, primeLayouts, useLayoutStore } from "../../src/workbook/shared/layouts";
import type { SheetPort } from "../../src/workbook/shared/ports";
import { SETTINGS_TAB } from "../../src/workbook/shared/settings";
import {
  COLUMN_METADATA_KEY,
  columnLetter,
  label,
  TAB_METADATA_KEY,
  type TabSpec,
} from "../../src/workbook/shared/spec";
import { findTab, locateTab, readTable, type Table } from "../../src/workbook/shared/table";
import { setup } from "../emulator/spreadsheet/fake-host";

/** Document properties as the cache sees them: counted loads and saves, and a switch that refuses writes. */
function memoryStore() {
  const data: Record<string, string> = {};
  const calls = { load: 0, save: 0 };
  const state = { refuse: false };
  const store: LayoutStore = {
    load: () => {
      calls.load += 1;
      return { ...data };
    },
    save: (entries) => {
      calls.save += 1;
      if (state.refuse) throw new Error("You do not have permission to call setProperties");
      Object.assign(data, entries);
    },
  };
  return { data, calls, state, store };
}

type Memory = ReturnType<typeof memoryStore>;

/** A new execution: Apps Script starts every one with fresh globals, so the cache's state starts afresh too. */
function execution(memory: Memory | null): void {
  useLayoutStore(memory ? () => memory.store : null);
}

afterEach(() => useLayoutStore(null));

const HEADER = CAMPAIGNS_TAB.columns.map((c) => label(c, "en"));

/** A Campaigns tab as setup leaves it (labels, column and tab metadata), with `rows` below, on a fresh spreadsheet. */
function workbook(rows: unknown[][] = []) {
  const ctx = setup();
  const sheet = ctx.ss.insertSheet("Campaigns");
  sheet.getRange(1, 1, 1, HEADER.length).setValues([HEADER]);
  CAMPAIGNS_TAB.columns.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(COLUMN_METADATA_KEY, c.key);
  });
  sheet.getRange("1:1").addDeveloperMetadata(TAB_METADATA_KEY, CAMPAIGNS_TAB.key);
  // Sheets refuses a range past the grid (1,000 rows): grown first, as a paste would.
  if (rows.length + 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  if (rows.length > 0) sheet.getRange(2, 1, rows.length, HEADER.length).setValues(rows);
  ctx.host.counter.reset();
  return { ...ctx, sheet };
}

function campaign(id: string, name: string, owner: string): unknown[] {
  const row: unknown[] = new Array(HEADER.length).fill("");
  row[0] = id;
  row[1] = name;
  row[2] = owner;
  return row;
}

const ROWS = [campaign("C-1", "Spring", "ann@example.com"), campaign("C-2", "Summer", "bo@example.com")];

/** Every metadata call of the counter (the finders and what they return). */
function metadataCalls(counter: { snapshot(): Record<string, number> }): number {
  return Object.entries(counter.snapshot())
    .filter(([k]) => k.includes("DeveloperMetadata"))
    .reduce((n, [, v]) => n + v, 0);
}

/** What a reader uses of a table: everything but the sheet object. */
function seen(table: Table) {
  const { sheet: _sheet, ...rest } = table;
  return rest;
}

/** The column of each key, as a reader finds it. */
function columns(table: Table): Record<string, number> {
  return Object.fromEntries(table.layout.located.map((l) => [l.spec.key, l.column]));
}

function read(ss: ReturnType<typeof setup>["ss"], tab: TabSpec = CAMPAIGNS_TAB): Table {
  const sheet = findTab(ss, tab);
  if (!sheet) throw new Error(`no ${tab.key} tab`);
  return readTable(sheet, tab);
}

describe("without a store", () => {
  it("scans the metadata on every read, as before the cache", () => {
    const { ss, host } = workbook(ROWS);
    execution(null);
    read(ss);
    const first = host.counter.snapshot();
    expect(metadataCalls(host.counter)).toBeGreaterThan(0);
    host.counter.reset();
    read(ss);
    expect(host.counter.snapshot()).toEqual(first);
    expect(host.counter.get("Sheet.getSheetId")).toBe(0);
  });
});

describe("with a store", () => {
  it("scans once, keeps the layout, and then reads with no metadata call and the same result", () => {
    const { ss, host } = workbook(ROWS);
    const memory = memoryStore();
    execution(null);
    const uncached = seen(read(ss));

    execution(memory);
    host.counter.reset();
    expect(seen(read(ss))).toEqual(uncached);
    expect(memory.calls).toEqual({ load: 1, save: 2 }); // the tab's sheet when located, its columns when read
    expect(JSON.parse(memory.data[layoutKey(CAMPAIGNS_TAB)] ?? "")).toEqual({
      sheetId: ss.getSheetByName("Campaigns")?.getSheetId(),
      header: HEADER.map((h) => h.toLowerCase()),
      columns: CAMPAIGNS_TAB.columns.map((c, i) => [i + 1, c.key]),
    });

    execution(memory);
    host.counter.reset();
    expect(seen(read(ss))).toEqual(uncached);
    expect(metadataCalls(host.counter)).toBe(0);
    expect(host.counter.snapshot()).toEqual({
      "Range.getValues": 1,
      "Sheet.getDataRange": 1,
      "Sheet.getName": 1,
      "Spreadsheet.getSheetById": 1,
    });
    expect(memory.calls).toEqual({ load: 2, save: 2 });
  });

  it("loads the properties once per execution, or not at all when the workspace primed them", () => {
    const { ss } = workbook(ROWS);
    const memory = memoryStore();
    execution(memory);
    read(ss);
    execution(memory);
    read(ss);
    read(ss);
    expect(memory.calls.load).toBe(2);
    execution(memory);
    primeLayouts({ ...memory.data });
    read(ss);
    expect(memory.calls).toEqual({ load: 2, save: 2 });
  });

  it("makes the same calls for 10 rows as for 2,000", () => {
    const callsFor = (n: number) => {
      const rows = Array.from({ length: n }, (_, i) => campaign(`C-${i + 1}`, `Campaign ${i + 1}`, "ann@example.com"));
      const { ss, host } = workbook(rows);
      const memory = memoryStore();
      execution(memory);
      read(ss);
      execution(memory);
      host.counter.reset();
      expect(read(ss).rows).toHaveLength(n);
      return host.counter.snapshot();
    };
    expect(callsFor(2000)).toEqual(callsFor(10));
  });

  it("is not fooled by content right of its columns (chart data, a user's notes)", () => {
    const { ss, host, sheet } = workbook(ROWS);
    const memory = memoryStore();
    execution(memory);
    read(ss);
    sheet.getRange(1, HEADER.length + 2).setValue("Chart data: Spring");
    sheet.getRange(5, HEADER.length + 5).setValue("far away");
    execution(memory);
    host.counter.reset();
    expect(columns(read(ss)).id).toBe(1);
    expect(metadataCalls(host.counter)).toBe(0);
  });
});

describe("when the sheet changed", () => {
  function cached() {
    const w = workbook(ROWS);
    const memory = memoryStore();
    execution(memory);
    read(w.ss);
    execution(memory);
    w.host.counter.reset();
    return { ...w, memory };
  }

  it("follows a moved column: scans, reads it right and keeps the new layout", () => {
    const { ss, host, sheet, memory } = cached();
    sheet.moveColumns(sheet.getRange("C:C"), 1); // Owner to the front
    const table = read(ss);
    expect(columns(table)).toMatchObject({ owner: 1, id: 2, name: 3 });
    expect(table.rows.map((r) => r.cells[0])).toEqual(["ann@example.com", "bo@example.com"]);
    expect(metadataCalls(host.counter)).toBeGreaterThan(0);
    expect(memory.calls.save).toBe(3);
    execution(memory);
    host.counter.reset();
    expect(columns(read(ss))).toMatchObject({ owner: 1, id: 2, name: 3 });
    expect(metadataCalls(host.counter)).toBe(0);
  });

  it("follows a renamed header", () => {
    const { ss, host, sheet, memory } = cached();
    sheet.getRange("B1").setValue("Campaign");
    expect(columns(read(ss)).name).toBe(2);
    expect(metadataCalls(host.counter)).toBeGreaterThan(0);
    execution(memory);
    host.counter.reset();
    expect(read(ss).header[1]).toBe("Campaign");
    expect(metadataCalls(host.counter)).toBe(0);
  });

  it("never trusts a header that shows one of our columns' texts twice, so swapped twins are read right", () => {
    const { ss, host, sheet, memory } = cached();
    // Name and Owner get the same header text; then the two columns trade places.
    sheet.getRange("B1:C1").setValues([["Who", "Who"]]);
    expect(columns(read(ss))).toMatchObject({ name: 2, owner: 3 });
    sheet.moveColumns(sheet.getRange("C:C"), 2);
    for (let run = 0; run < 2; run++) {
      execution(memory);
      host.counter.reset();
      const table = read(ss);
      expect(columns(table)).toMatchObject({ owner: 2, name: 3 });
      expect(table.rows.map((r) => [r.cells[1], r.cells[2]])).toEqual([
        ["ann@example.com", "Spring"],
        ["bo@example.com", "Summer"],
      ]);
      // The header row alone cannot tell the twins apart: the metadata is asked every time.
      expect(metadataCalls(host.counter)).toBeGreaterThan(0);
    }
  });

  it("finds the tab again when its sheet is gone, and forgets a tab found by name only", () => {
    const { ss, host, sheet, memory } = cached();
    ss.deleteSheet(sheet);
    const copy = ss.insertSheet("Campaigns");
    copy.getRange(1, 1, 1, HEADER.length).setValues([HEADER]);
    copy.getRange(2, 1, 1, HEADER.length).setValues([campaign("C-9", "Hand-made", "cy@example.com")]);
    host.counter.reset();
    const found = locateTab(ss, CAMPAIGNS_TAB);
    expect(found?.byMetadata).toBe(false);
    expect(readTable(found!.sheet, CAMPAIGNS_TAB).rows.map((r) => r.cells[0])).toEqual(["C-9"]);
    expect(host.counter.get("Spreadsheet.getSheetById")).toBe(1);
    // Nothing is kept for a tab that is not ours by metadata.
    expect(memory.calls.save).toBe(2);
  });

  it("uses the whole header while a column is found by its label, so a new label anywhere counts", () => {
    const { ss, host, sheet, memory } = cached();
    for (const md of sheet.getRange("N:N").getDeveloperMetadata()) md.remove(); // Status loses its metadata
    sheet.getRange("N1").setValue("Old status");
    const table = read(ss);
    expect(table.layout.missing.map((c) => c.key)).toEqual(["status"]);
    sheet.getRange("P1").setValue("Status");
    execution(memory);
    host.counter.reset();
    expect(columns(read(ss)).status).toBe(16);
    expect(metadataCalls(host.counter)).toBeGreaterThan(0);
  });
});

describe("best effort", () => {
  it("reads right where writing is refused, and tries to write once per execution", () => {
    const { ss } = workbook(ROWS);
    const memory = memoryStore();
    memory.state.refuse = true;
    execution(memory);
    expect(read(ss).rows).toHaveLength(2);
    expect(memory.calls.save).toBe(1);
    expect(memory.data).toEqual({});
    // Later in the same execution the layout found is still used (nothing is asked twice).
    read(ss);
    expect(memory.calls.save).toBe(1);
  });

  it("reads right without properties at all (a store that cannot load)", () => {
    const { ss, host } = workbook(ROWS);
    execution({
      data: {},
      calls: { load: 0, save: 0 },
      state: { refuse: false },
      store: {
        load: () => {
          throw new Error("You do not have permission to call PropertiesService.getDocumentProperties");
        },
        save: () => {
          throw new Error("unreachable");
        },
      },
    });
    expect(read(ss).rows).toHaveLength(2);
    expect(metadataCalls(host.counter)).toBeGreaterThan(0);
  });

  it("ignores an entry it cannot use and keeps none above the 9 KB a property value may hold", () => {
    const { ss, host } = workbook(ROWS);
    const memory = memoryStore();
    memory.data[layoutKey(CAMPAIGNS_TAB)] = "{not json";
    execution(memory);
    expect(read(ss).rows).toHaveLength(2);
    expect(JSON.parse(memory.data[layoutKey(CAMPAIGNS_TAB)] ?? "").columns).toHaveLength(15);
    // A Settings tab found by metadata whose Description column lost it: the whole header is kept, and it is huge.
    const settings = ss.insertSheet("Settings");
    const long = Array.from({ length: 400 }, (_, i) => `A user's column with a long title number ${i}`);
    settings.insertColumnsAfter(settings.getMaxColumns(), 3 + long.length - settings.getMaxColumns());
    settings.getRange(1, 1, 1, 3 + long.length).setValues([["Setting", "Value", "Notes", ...long]]);
    settings.getRange("A:A").addDeveloperMetadata(COLUMN_METADATA_KEY, "key");
    settings.getRange("1:1").addDeveloperMetadata(TAB_METADATA_KEY, SETTINGS_TAB.key);
    host.counter.reset();
    expect(columns(read(ss, SETTINGS_TAB))).toEqual({ key: 1, value: 2 });
    expect(JSON.parse(memory.data[layoutKey(SETTINGS_TAB)] ?? "")).toEqual({ sheetId: settings.getSheetId() });
  });
});

describe("a sheet not located through the cache", () => {
  it("is read by its metadata and not kept: nothing says it is the tab's own sheet", () => {
    const { ss } = workbook(ROWS);
    const memory = memoryStore();
    execution(memory);
    const sheet = ss.getSheetByName("Campaigns") as SheetPort;
    expect(readTable(sheet, CAMPAIGNS_TAB).rows).toHaveLength(2);
    expect(memory.calls.save).toBe(0);
  });
});
