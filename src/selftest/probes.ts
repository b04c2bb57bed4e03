// The platform self-test: one list of probes, each exercising one Apps Script behaviour the add-on relies on and
// returning what it saw. The emulator's tests pin every expected answer; the self-test build runs the same list in
// a real spreadsheet and writes both answers side by side, so a wrong assumption in the emulator shows up there.
import type { EnumValue, PropertiesPort, SheetPort, SpreadsheetPort } from "./platform";

/** What a probe answers: plain JSON, so it can be compared and written into a cell as text. */
export type Answer = null | boolean | number | string | readonly Answer[] | { readonly [key: string]: Answer };

/**
 * Where the expected answer comes from: `reference` (the Apps Script reference or guide states it), `help` (the
 * Sheets Help Center), `observed` (no documentation found: the emulator's assumption, which this probe exists to
 * falsify).
 */
export type Basis = "reference" | "help" | "observed";

export interface ProbeContext {
  readonly ss: SpreadsheetPort;
  /** A new, empty scratch tab (the previous one is removed); the runner removes the last one. */
  scratch(): SheetPort;
}

export interface Probe {
  readonly id: string;
  readonly area: string;
  /** What is exercised, in one line. */
  readonly what: string;
  readonly expected: Answer;
  readonly basis: Basis;
  /** The page the expectation follows. */
  readonly source: string;
  /** Anything a reader of a disagreement should know. */
  readonly note?: string;
  run(ctx: ProbeContext): Answer;
}

const REF = "https://developers.google.com/apps-script/reference";
const QUOTAS = "https://developers.google.com/apps-script/guides/services/quotas";
/** A scratch date every probe uses: the wall-clock midnight of 2 March 2026 in the spreadsheet's zone. */
const DAY = "2026-03-02";
/** 29 March 2026 01:30 UTC: Europe/Berlin has just moved to summer time (01:00 UTC), New York did on 8 March. */
const INSTANT_MS = Date.UTC(2026, 2, 29, 1, 30, 0);

// ---------------------------------------------------------------- helpers (run inside Apps Script)

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** A cell value as "type value"; dates as their wall-clock time in the spreadsheet's zone. */
export function describeValue(v: unknown, timeZone: string): string {
  if (isDate(v)) return `Date ${Utilities.formatDate(v, timeZone, "yyyy-MM-dd HH:mm:ss")}`;
  if (typeof v === "string") return `string ${JSON.stringify(v)}`;
  return `${typeof v} ${String(v)}`;
}

/** The message of what `fn` threw, or "ok". Apps Script prefixes nothing in `message`; the emulator neither. */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return "ok";
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Signed bytes (Apps Script's byte arrays) as lower-case hex. */
export function hex(bytes: readonly number[]): string {
  return bytes.map((b) => (b & 0xff).toString(16).padStart(2, "0")).join("");
}

/** UTF-8 length of a string (no TextEncoder in Apps Script). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

function storeBytes(store: PropertiesPort): number {
  const all = store.getProperties();
  let n = 0;
  for (const k of Object.keys(all)) n += utf8Bytes(k) + utf8Bytes(all[k] ?? "");
  return n;
}

/** The zone's offset from UTC at an instant, in minutes, read from formatDate's "Z" (+0100). */
function offsetMinutes(ms: number, timeZone: string): number {
  const m = /^([+-])(\d\d)(\d\d)$/.exec(Utilities.formatDate(new Date(ms), timeZone, "Z"));
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function enumName(v: EnumValue | null | undefined): string {
  return v === null || v === undefined ? "null" : String(v);
}

function cellReport(sheet: SheetPort, a1: string, tz: string): Answer {
  const r = sheet.getRange(a1);
  return {
    value: describeValue(r.getValue(), tz),
    formula: r.getFormula(),
    display: r.getDisplayValue(),
    format: r.getNumberFormat(),
  };
}

// ---------------------------------------------------------------- the probes

export const PROBES: readonly Probe[] = [
  {
    id: "values.types",
    area: "getValues",
    what: "value types of a number, boolean, date, blank, quoted number and number in a plain-text cell",
    basis: "reference",
    source: `${REF}/spreadsheet/range#getValues()`,
    expected: [
      "number 42",
      "number 1.5",
      "boolean true",
      `Date ${DAY} 00:00:00`,
      'string ""',
      'string "12"',
      'string "0012"',
    ],
    run({ ss, scratch }) {
      const sheet = scratch();
      sheet.getRange("G1").setNumberFormat("@");
      sheet.getRange("A1:G1").setValues([[42, 1.5, true, DAY, "", "'12", "0012"]]);
      const row = sheet.getRange("A1:G1").getValues()[0] ?? [];
      return row.map((v) => describeValue(v, ss.getSpreadsheetTimeZone()));
    },
  },
  {
    id: "values.blank-grid",
    area: "getValues",
    what: "a blank 2x2 range reads as empty strings, never null",
    basis: "reference",
    source: `${REF}/spreadsheet/range#getValues()`,
    expected: [
      ["", ""],
      ["", ""],
    ],
    run({ scratch }) {
      return scratch().getRange("B2:C3").getValues() as Answer;
    },
  },
  {
    id: "display.number-formats",
    area: "display values",
    what: "getDisplayValue under #,##0.00, 0.0%, yyyy-mm-dd, a currency and a plain-text format",
    basis: "reference",
    source: `${REF}/spreadsheet/range#getDisplayValue()`,
    note: "Display values follow the spreadsheet's locale; the expectation is for en_US.",
    expected: ["1,234.50", "12.5%", DAY, "$7.00", "0012"],
    run({ scratch }) {
      const sheet = scratch();
      sheet.getRange("A1:E1").setNumberFormats([["#,##0.00", "0.0%", "yyyy-mm-dd", '"$"#,##0.00', "@"]]);
      sheet.getRange("A1:E1").setValues([[1234.5, 0.125, DAY, 7, "0012"]]);
      return sheet.getRange("A1:E1").getDisplayValues()[0] ?? [];
    },
  },
  {
    id: "display.default-format",
    area: "display values",
    what: "getNumberFormat of a never-formatted cell, and the display of 0.1+0.2 in it",
    basis: "observed",
    source: `${REF}/spreadsheet/range#getNumberFormat()`,
    note: "The reference does not name the automatic format; the emulator answers 0.###############.",
    expected: { format: "0.###############", display: "0.3" },
    run({ scratch }) {
      const cell = scratch().getRange("A1");
      cell.setValue(0.1 + 0.2);
      return { format: cell.getNumberFormat(), display: cell.getDisplayValue() };
    },
  },
  {
    id: "a1.parsing",
    area: "A1 notation",
    what: "row, column, size and normalised A1 of B2:C3, lower-case c3, A:A, 2:2 and B2:B",
    basis: "reference",
    source: `${REF}/spreadsheet/sheet#getRange(String)`,
    note: "The reference documents A1 notation; how getA1Notation writes open-ended ranges is the emulator's assumption.",
    expected: [
      [2, 2, 2, 2, "B2:C3"],
      [3, 3, 1, 1, "C3"],
      [1, 1, 1000, 1, "A:A"],
      [2, 1, 1, 26, "2:2"],
      [2, 2, 999, 1, "B2:B"],
    ],
    run({ scratch }) {
      const sheet = scratch();
      return ["B2:C3", "c3", "A:A", "2:2", "B2:B"].map((a1) => {
        const r = sheet.getRange(a1);
        return [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getA1Notation()];
      });
    },
  },
  {
    id: "a1.invalid",
    area: "A1 notation",
    what: "the errors of getRange with an unparsable A1 and with row 0",
    basis: "observed",
    source: `${REF}/spreadsheet/sheet#getRange(String)`,
    expected: ["Range not found", "The starting row of the range is too small."],
    run({ scratch }) {
      const sheet = scratch();
      return [outcome(() => sheet.getRange("A0")), outcome(() => sheet.getRange(0, 1))];
    },
  },
  {
    id: "rows.last-row",
    area: "open-ended ranges",
    what: "getLastRow/getLastColumn of a sheet with A2:A5 and C3 filled; getLastRow and getValues length of A2:A",
    basis: "reference",
    source: `${REF}/spreadsheet/sheet#getLastRow()`,
    expected: { sheetLastRow: 5, sheetLastColumn: 3, rangeLastRow: 1000, rows: 999, dataRange: "A1:C5" },
    run({ scratch }) {
      const sheet = scratch();
      sheet.getRange("A2:A5").setValues([[1], [2], [3], [4]]);
      sheet.getRange("C3").setValue("x");
      const open = sheet.getRange("A2:A");
      return {
        sheetLastRow: sheet.getLastRow(),
        sheetLastColumn: sheet.getLastColumn(),
        rangeLastRow: open.getLastRow(),
        rows: open.getValues().length,
        dataRange: sheet.getDataRange().getA1Notation(),
      };
    },
  },
  {
    id: "sheets.insert-defaults",
    area: "insertSheet",
    what: "size of a new tab, its last row and column, and the active tab afterwards",
    basis: "observed",
    source: `${REF}/spreadsheet/spreadsheet#insertSheet(String)`,
    note: "The reference says the new sheet becomes the active sheet; its size (1000 x 26) is Sheets' default grid.",
    expected: { maxRows: 1000, maxColumns: 26, lastRow: 0, lastColumn: 0, active: true },
    run({ ss, scratch }) {
      const sheet = scratch();
      return {
        maxRows: sheet.getMaxRows(),
        maxColumns: sheet.getMaxColumns(),
        lastRow: sheet.getLastRow(),
        lastColumn: sheet.getLastColumn(),
        active: ss.getActiveSheet().getSheetId() === sheet.getSheetId(),
      };
    },
  },
  {
    id: "sheets.duplicate-name",
    area: "insertSheet",
    what: "the error of insertSheet with a name already taken",
    basis: "observed",
    source: `${REF}/spreadsheet/spreadsheet#insertSheet(String)`,
    expected: 'A sheet with the name "{name}" already exists. Please enter another name.',
    run({ ss, scratch }) {
      const name = scratch().getName();
      return outcome(() => ss.insertSheet(name)).replace(name, "{name}");
    },
  },
  {
    id: "metadata.rows-columns",
    area: "developer metadata",
    what: "metadata on row 3 and column C: where it is found, and where after a row and a column are inserted before",
    basis: "reference",
    source: `${REF}/spreadsheet/developer-metadata-location`,
    expected: { row: "3:3", column: "C:C", rowAfterInsert: "4:4", columnAfterInsert: "D:D", value: "v1" },
    run({ scratch }) {
      const sheet = scratch();
      sheet.getRange("3:3").addDeveloperMetadata("selftest.row", "v1");
      sheet.getRange("C:C").addDeveloperMetadata("selftest.col", "v2");
      const where = (key: string, axis: "row" | "column"): string => {
        const found = sheet.createDeveloperMetadataFinder().withKey(key).find()[0];
        const loc = found?.getLocation();
        const range = axis === "row" ? loc?.getRow() : loc?.getColumn();
        return range ? range.getA1Notation() : "not found";
      };
      const row = where("selftest.row", "row");
      const column = where("selftest.col", "column");
      sheet.insertRowsBefore(1, 1);
      sheet.insertColumnsAfter(1, 1);
      const value = sheet.createDeveloperMetadataFinder().withKey("selftest.row").find()[0]?.getValue() ?? null;
      return {
        row,
        column,
        rowAfterInsert: where("selftest.row", "row"),
        columnAfterInsert: where("selftest.col", "column"),
        value,
      };
    },
  },
  {
    id: "metadata.arbitrary-range",
    area: "developer metadata",
    what: "the error of addDeveloperMetadata on a range that is not a whole row or column",
    basis: "observed",
    source: `${REF}/spreadsheet/range#addDeveloperMetadata(String,String)`,
    expected:
      "Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.",
    run({ scratch }) {
      const sheet = scratch();
      return outcome(() => sheet.getRange("B2:C3").addDeveloperMetadata("selftest.bad", "x"));
    },
  },
  {
    id: "protection.warning-only",
    area: "protections",
    what: "a warning-only sheet protection; protect() again returns the existing one; range protections add up",
    basis: "reference",
    source: `${REF}/spreadsheet/sheet#protect()`,
    expected: {
      warningOnly: true,
      againWarningOnly: true,
      againDescription: "selftest",
      sheetProtections: 1,
      rangeProtections: 2,
    },
    run({ scratch }) {
      const sheet = scratch();
      const first = sheet.protect().setDescription("selftest").setWarningOnly(true);
      const again = sheet.protect();
      sheet.getRange("A1:B2").protect();
      sheet.getRange("A1:B2").protect();
      const answer = {
        warningOnly: first.isWarningOnly(),
        againWarningOnly: again.isWarningOnly(),
        againDescription: again.getDescription(),
        sheetProtections: sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length,
        rangeProtections: sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).length,
      };
      for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) p.remove();
      first.remove();
      return answer;
    },
  },
  {
    id: "protection.warning-only-editors",
    area: "protections",
    what: "a strict sheet protection lists its editors; made warning-only, it lists none",
    basis: "reference",
    source:
      "https://googleapis.dev/dotnet/Google.Apis.Sheets.v4/latest/api/Google.Apis.Sheets.v4.Data.ProtectedRange.html",
    note: "Google's Sheets API reference of ProtectedRange: editors are not supported with warning_only protection, and editors are ignored when warningOnly is written true. The Apps Script reference does not say what getEditors() answers then.",
    expected: { strictHasEditors: true, warningOnlyEditors: 0 },
    run({ scratch }) {
      const protection = scratch().protect();
      const strictHasEditors = protection.getEditors().length > 0;
      protection.setWarningOnly(true);
      const warningOnlyEditors = protection.getEditors().length;
      protection.remove();
      return { strictHasEditors, warningOnlyEditors };
    },
  },
  {
    id: "range.offset-empty",
    area: "Range",
    what: "offset to a range of zero rows or zero columns, and to one of 2 x 3",
    basis: "observed",
    source: `${REF}/spreadsheet/range#offset(Integer,Integer,Integer,Integer)`,
    note: "The reference gives numRows and numColumns as the new range's height and width and documents no message; getRange words this one.",
    expected: [
      "The number of rows in the range must be at least 1.",
      "The number of columns in the range must be at least 1.",
      "C3:E4",
    ],
    run({ scratch }) {
      const b2 = scratch().getRange("B2");
      return [
        outcome(() => b2.offset(0, 0, 0, 1)),
        outcome(() => b2.offset(0, 0, 1, 0)),
        b2.offset(1, 1, 2, 3).getA1Notation(),
      ];
    },
  },
  {
    id: "range.background-colour",
    area: "Range",
    what: "setBackground with CSS notation (#rgb, #rrggbb, a colour name) and with text that is no colour",
    basis: "reference",
    source: `${REF}/spreadsheet/range#setBackground(String)`,
    note: "The reference asks for a \"color code in CSS notation (such as '#ffffff' or 'white')\"; the message for anything else is observed.",
    expected: ["ok", "ok", "ok", "Invalid color string"],
    run({ scratch }) {
      const a1 = scratch().getRange("A1");
      return ["#abc", "#f4c7c3", "teal", "not a colour"].map((c) => outcome(() => a1.setBackground(c)));
    },
  },
  {
    id: "cache.item-cap",
    area: "CacheService",
    what: "1,000 items put, then one more that expires sooner than all of them: 900 are kept, the newest not among them",
    basis: "reference",
    source: `${REF}/cache/cache`,
    note: "The reference: the cap for cached items is 1,000; when more are written, the cache stores the 900 items farthest from expiration. Other items of this script in the user cache count towards the cap too.",
    expected: { kept: 900, newest: null },
    run() {
      const cache = CacheService.getUserCache();
      const keys = Array.from({ length: 1000 }, (_, i) => `selftest.cap.${i}`);
      cache.putAll(Object.fromEntries(keys.map((k) => [k, "v"])));
      cache.put("selftest.cap.newest", "v", 10);
      const kept = Object.keys(cache.getAll(keys)).length;
      const newest = cache.get("selftest.cap.newest");
      cache.removeAll([...keys, "selftest.cap.newest"]);
      return { kept, newest };
    },
  },
  {
    id: "validation.list",
    area: "data validation",
    what: "a dropdown rule read back; a script writing a value outside the list",
    basis: "reference",
    source: `${REF}/spreadsheet/data-validation-builder#requireValueInList(String,Boolean)`,
    note: "That script writes bypass validation is not stated in the reference; Sheets validates typing only.",
    expected: {
      type: "VALUE_IN_LIST",
      values: [["a", "b"], true],
      allowInvalid: false,
      helpText: "pick one",
      scriptWrite: "ok",
      value: "c",
    },
    run({ scratch }) {
      const cell = scratch().getRange("A1");
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList(["a", "b"], true)
        .setAllowInvalid(false)
        .setHelpText("pick one")
        .build();
      cell.setDataValidation(rule);
      const read = cell.getDataValidation();
      const scriptWrite = outcome(() => cell.setValue("c"));
      return {
        type: enumName(read?.getCriteriaType()),
        values: (read?.getCriteriaValues() ?? []) as Answer,
        allowInvalid: read?.getAllowInvalid() ?? null,
        helpText: read?.getHelpText() ?? null,
        scriptWrite,
        value: String(cell.getValue()),
      };
    },
  },
  {
    id: "lock.document",
    area: "LockService",
    what: "tryLock, hasLock, a second lock object, releaseLock and waitLock within one execution",
    basis: "reference",
    source: `${REF}/lock/lock`,
    note: "How a second Lock object of the same document behaves in the same execution is not documented.",
    expected: {
      tryLock: true,
      hasLock: true,
      otherObjectHasLock: true,
      otherObjectTryLock: true,
      afterRelease: false,
      waitLock: "ok",
      afterWait: true,
    },
    run() {
      const lock = LockService.getDocumentLock();
      if (!lock) return "no document lock";
      const tryLock = lock.tryLock(1000);
      const hasLock = lock.hasLock();
      const other = LockService.getDocumentLock()!;
      const otherObjectHasLock = other.hasLock();
      const otherObjectTryLock = other.tryLock(0);
      lock.releaseLock();
      other.releaseLock();
      const afterRelease = lock.hasLock();
      const waitLock = outcome(() => lock.waitLock(1000));
      const afterWait = lock.hasLock();
      lock.releaseLock();
      return { tryLock, hasLock, otherObjectHasLock, otherObjectTryLock, afterRelease, waitLock, afterWait };
    },
  },
  {
    id: "properties.value-size",
    area: "PropertiesService",
    what: "setProperty with values of 9000, 9216 and 9217 bytes, and what reads back",
    basis: "reference",
    source: QUOTAS,
    note: "Quotas page: 9 KB per value, read here as 9216 bytes (UTF-8).",
    expected: ["ok", "ok", "Argument too large: value", 9216],
    run() {
      const store = PropertiesService.getUserProperties();
      const key = "selftest.size";
      try {
        const results: Answer[] = [9000, 9216, 9217].map((n) => outcome(() => store.setProperty(key, "x".repeat(n))));
        results.push((store.getProperty(key) ?? "").length);
        return results;
      } finally {
        store.deleteProperty(key);
      }
    },
  },
  {
    id: "properties.store-quota",
    area: "PropertiesService",
    what: "filling the user store with 9000-byte values: the message, and whether it came at 500 KB",
    basis: "reference",
    source: QUOTAS,
    note: "Quotas page: 500 KB per store (keys and values), read here as 512000 bytes.",
    expected: {
      message: "You have exceeded the property storage quota. Please remove some properties and try again.",
      at500KB: true,
    },
    run() {
      const store = PropertiesService.getUserProperties();
      const value = "y".repeat(9000);
      const keys: string[] = [];
      let stored = storeBytes(store);
      try {
        for (let i = 0; i < 80; i++) {
          const key = `selftest.fill.${String(i).padStart(3, "0")}`;
          const size = utf8Bytes(key) + value.length;
          const message = outcome(() => store.setProperty(key, value));
          if (message !== "ok") return { message, at500KB: stored <= 512000 && stored + size > 512000 };
          keys.push(key);
          stored += size;
        }
        return { message: "no error after 80 values", at500KB: false };
      } finally {
        for (const key of keys) store.deleteProperty(key);
      }
    },
  },
  {
    id: "cache.limits",
    area: "CacheService",
    what: "keys of 250 and 251 characters, values of 100 KB and one byte more",
    basis: "reference",
    source: `${REF}/cache/cache#put(String,String)`,
    note: "The reference: keys up to 250 characters, values up to 100 KB (read as 102400 bytes).",
    expected: ["ok", "Argument too large: key", "ok", "Argument too large: value"],
    run() {
      const cache = CacheService.getUserCache();
      const answer = [
        outcome(() => cache.put("k".repeat(250), "v")),
        outcome(() => cache.put("k".repeat(251), "v")),
        outcome(() => cache.put("selftest.big", "v".repeat(102400))),
        outcome(() => cache.put("selftest.big", "v".repeat(102401))),
      ];
      cache.removeAll(["k".repeat(250), "selftest.big"]);
      return answer;
    },
  },
  {
    id: "cache.expiry",
    area: "CacheService",
    what: "a value put for 1 s is there at once and gone after a 2.5 s sleep",
    basis: "reference",
    source: `${REF}/cache/cache#put(String,String,Integer)`,
    expected: { atOnce: "v", afterSleep: null },
    run() {
      const cache = CacheService.getUserCache();
      cache.put("selftest.expiry", "v", 1);
      const atOnce = cache.get("selftest.expiry");
      Utilities.sleep(2500);
      const afterSleep = cache.get("selftest.expiry");
      cache.remove("selftest.expiry");
      return { atOnce, afterSleep };
    },
  },
  {
    id: "utilities.format-date",
    area: "Utilities.formatDate",
    what: "one instant formatted with SimpleDateFormat patterns in Berlin, New York, Shanghai and UTC",
    basis: "reference",
    source: `${REF}/utilities/utilities#formatDate(Date,String,String)`,
    note: "The reference points to Java's SimpleDateFormat; its English zone names (z) are Java's, such as CEST.",
    expected: [
      "2026-03-29T03:30:00+02:00",
      "2026-03-28T21:30:00-04:00",
      "2026-03-29T09:30:00+08:00",
      "2026-03-29T01:30:00Z",
      "Sun, 29 Mar 2026 03:30 CEST +0200",
      "88 7 AM 3",
    ],
    run() {
      const d = new Date(INSTANT_MS);
      const iso = "yyyy-MM-dd'T'HH:mm:ssXXX";
      return [
        Utilities.formatDate(d, "Europe/Berlin", iso),
        Utilities.formatDate(d, "America/New_York", iso),
        Utilities.formatDate(d, "Asia/Shanghai", iso),
        Utilities.formatDate(d, "UTC", iso),
        Utilities.formatDate(d, "Europe/Berlin", "EEE, d MMM yyyy HH:mm z Z"),
        Utilities.formatDate(d, "Europe/Berlin", "D u a h"),
      ];
    },
  },
  {
    id: "utilities.format-date-zones",
    area: "Utilities.formatDate",
    what: "offsets written as GMT+08:00 and +08:00, and an unknown zone name",
    basis: "observed",
    source: `${REF}/utilities/utilities#formatDate(Date,String,String)`,
    note: "Java's TimeZone reads an unknown ID as GMT; the reference does not say what formatDate does.",
    expected: ["2026-03-29 09:30", "2026-03-29 01:30"],
    run() {
      const d = new Date(INSTANT_MS);
      return [
        Utilities.formatDate(d, "GMT+08:00", "yyyy-MM-dd HH:mm"),
        Utilities.formatDate(d, "No/Such_Zone", "yyyy-MM-dd HH:mm"),
      ];
    },
  },
  {
    id: "utilities.digests",
    area: "Utilities digests",
    what: "SHA-256 and MD5 of 'abc', SHA-256 of a Chinese text in UTF-8, and the first byte as a signed number",
    basis: "reference",
    source: `${REF}/utilities/utilities#computeDigest(DigestAlgorithm,String,Charset)`,
    note: "Vectors: FIPS 180-2 (SHA-256 of abc), RFC 1321 (MD5 of abc); the Chinese text checked with OpenSSL.",
    expected: {
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      md5: "900150983cd24fb0d6963f7d28e17f72",
      sha256Utf8: "1f476418196696722103696cd6882f982bad427529b5a2b4b9b30ceffae5146e",
      firstByte: -70,
    },
    run() {
      const sha = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, "abc", Utilities.Charset.UTF_8);
      return {
        sha256: hex(sha),
        md5: hex(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, "abc", Utilities.Charset.UTF_8)),
        sha256Utf8: hex(
          Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, "预算 2026", Utilities.Charset.UTF_8),
        ),
        firstByte: sha[0] ?? null,
      };
    },
  },
  {
    id: "utilities.hmac",
    area: "Utilities digests",
    what: "HMAC-SHA256 of RFC 4231 test case 2, with a string key and with the UTF-8 charset",
    basis: "reference",
    source: `${REF}/utilities/utilities#computeHmacSha256Signature(String,String)`,
    note: "Vector: RFC 4231 section 4.3.",
    expected: [
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    ],
    run() {
      const data = "what do ya want for nothing?";
      return [
        hex(Utilities.computeHmacSha256Signature(data, "Jefe")),
        hex(Utilities.computeHmacSha256Signature(data, "Jefe", Utilities.Charset.UTF_8)),
      ];
    },
  },
  {
    id: "session.fields",
    area: "Session",
    what: "from a menu item: the user's e-mail present and equal to the effective user's, locale shape, time zone",
    basis: "reference",
    source: `${REF}/base/session`,
    note: "The script time zone is appsscript.json's timeZone (Etc/UTC).",
    expected: {
      activeEmail: true,
      sameAsEffective: true,
      localeShape: true,
      scriptTimeZone: "Etc/UTC",
      temporaryKey: true,
    },
    run() {
      const active = Session.getActiveUser().getEmail();
      return {
        activeEmail: active.includes("@"),
        sameAsEffective: active === Session.getEffectiveUser().getEmail(),
        localeShape: /^[a-z]{2,3}(_[A-Z]{2})?$/.test(Session.getActiveUserLocale()),
        scriptTimeZone: Session.getScriptTimeZone(),
        temporaryKey: Session.getTemporaryActiveUserKey().length > 0,
      };
    },
  },
  {
    id: "setvalue.leading-characters",
    area: "setValue parsing",
    what: "what setValue makes of =1+2, +5, -5, @home, 50%, a date, '=1+2 and '0012",
    basis: "observed",
    source: `${REF}/spreadsheet/range#setValue(Object)`,
    note: "The reference states only that a value starting with = is a formula; the rest is Sheets' typing rules.",
    expected: [
      { value: "number 3", formula: "=1+2", display: "3", format: "0.###############" },
      { value: "number 5", formula: "", display: "5", format: "0.###############" },
      { value: "number -5", formula: "", display: "-5", format: "0.###############" },
      { value: 'string "@home"', formula: "", display: "@home", format: "0.###############" },
      { value: "number 0.5", formula: "", display: "50%", format: "0%" },
      { value: `Date ${DAY} 00:00:00`, formula: "", display: DAY, format: "yyyy-mm-dd" },
      { value: 'string "=1+2"', formula: "", display: "=1+2", format: "0.###############" },
      { value: 'string "0012"', formula: "", display: "0012", format: "0.###############" },
    ],
    run({ ss, scratch }) {
      const sheet = scratch();
      const tz = ss.getSpreadsheetTimeZone();
      const inputs = ["=1+2", "+5", "-5", "@home", "50%", DAY, "'=1+2", "'0012"];
      return inputs.map((input, i) => {
        const a1 = `A${i + 1}`;
        sheet.getRange(a1).setValue(input);
        return cellReport(sheet, a1, tz);
      });
    },
  },
  {
    id: "setvalue.date-object",
    area: "setValue parsing",
    what: "a Date written by a script: what reads back and the format the cell gets",
    basis: "observed",
    source: `${REF}/spreadsheet/range#setValue(Object)`,
    note: "The format Sheets gives an unformatted cell for a Date is not documented; the emulator uses M/d/yyyy.",
    expected: { value: `Date ${DAY} 00:00:00`, formula: "", display: "3/2/2026", format: "M/d/yyyy" },
    run({ ss, scratch }) {
      const sheet = scratch();
      const tz = ss.getSpreadsheetTimeZone();
      // Midnight of the day in the spreadsheet's zone, whatever the script's zone is.
      const utcMidnight = Date.UTC(2026, 2, 2);
      sheet.getRange("A1").setValue(new Date(utcMidnight - offsetMinutes(utcMidnight, tz) * 60_000));
      return cellReport(sheet, "A1", tz);
    },
  },
  {
    id: "cell.size-limit",
    area: "cell limits",
    what: "a 50,000-character string is stored whole; one more character is refused",
    basis: "help",
    source: "https://support.google.com/drive/answer/37603",
    note: "The Help Center states the limit; the refusal message is Sheets' own, not documented.",
    expected: [
      "ok",
      50000,
      "Your input contains more than the maximum of 50000 characters in a single cell.",
      "still 50000",
    ],
    run({ scratch }) {
      const cell = scratch().getRange("A1");
      const fits = outcome(() => cell.setValue("a".repeat(50000)));
      const length = String(cell.getValue()).length;
      const over = outcome(() => cell.setValue("b".repeat(50001)));
      const after = String(cell.getValue());
      return [fits, length, over, after.length === 50000 && after[0] === "a" ? "still 50000" : `now ${after.length}`];
    },
  },
];

/** Behaviours the add-on relies on that a menu item cannot exercise, with the page each follows. */
export const NOT_PROBED: readonly { readonly rule: string; readonly source: string }[] = [
  {
    rule: "Custom functions run in AuthMode.CUSTOM_FUNCTION: read-only, no services that need authorization, a blank user e-mail, 30 seconds per call",
    source: "https://developers.google.com/apps-script/guides/sheets/functions",
  },
  {
    rule: "Custom functions get ranges as 2-D arrays, return arrays that spill, and may not take NOW() or RAND() as arguments",
    source: "https://developers.google.com/apps-script/guides/sheets/functions#arguments",
  },
  {
    rule: "Simple triggers (onOpen, onEdit) run in AuthMode.NONE or LIMITED, at most 30 seconds, and cannot use services that need authorization",
    source: "https://developers.google.com/apps-script/guides/triggers#restrictions",
  },
  {
    rule: "onEdit fires for edits by a user, not for changes made by a script or an API",
    source: "https://developers.google.com/apps-script/guides/triggers#onedite",
  },
  {
    rule: "An editor add-on's onOpen runs in AuthMode.NONE until the add-on is used in the document, then LIMITED; onInstall runs in FULL",
    source: "https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle",
  },
  {
    rule: "The active user's e-mail is blank in simple triggers and custom functions unless the user is in the owner's domain",
    source: "https://developers.google.com/apps-script/reference/base/session#getActiveUser()",
  },
  {
    rule: "Add-on time-driven triggers: at most one per type per user per document, at most once an hour",
    source: "https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions",
  },
];
