// The layout cache: where each tab and its columns were last found by developer metadata, kept in document
// properties and checked against the header row that every table read fetches anyway, so a read of a tab nobody
// restructured makes no metadata call at all. Metadata stays the source of truth: whenever the check fails, the
// reader scans the metadata as before and the entry is rewritten.
//
// One entry per tab, in its own property (`cc.tab.<tab key>`): each stays far below the 9 KB a value may hold, and
// two executions that rewrite different tabs do not overwrite each other. All of them are read with one
// getProperties per execution (or taken from the getProperties the workspace makes anyway).
//
// The state below lives exactly one execution: Apps Script runs the bundle's top level again for every execution
// (menu click, sidebar call, trigger, each custom-function call), so nothing here survives into the next one.

import { isArray, isNumber, isObject, isString, max, stringify } from "../../domain/builtins";
import { parseJson } from "../../domain/workflow/json";
import { type ColumnMetadata, normalizeLabel } from "./columns";
import type { SheetPort, SpreadsheetPort } from "./ports";
import type { TabSpec } from "./spec";

export const LAYOUT_KEY_PREFIX = "cc.tab.";

/** The document property holding a tab's entry. */
export function layoutKey(tab: Pick<TabSpec, "key">): string {
  return LAYOUT_KEY_PREFIX + tab.key;
}

/** What is kept of one tab. */
export interface LayoutEntry {
  /** The sheet that carried the tab's metadata. */
  readonly sheetId: number;
  /**
   * The header row as read, normalized (normalizeLabel), from column 1 up to the last column that carries our
   * metadata when every column of the spec is found by metadata (what lies to the right cannot move our columns
   * without changing this part); otherwise the whole row without trailing blanks, since a label anywhere in it may
   * then decide where a column is. Absent while the tab was only located, not yet read as a table.
   */
  readonly header?: readonly string[];
  /** The column metadata as the scan returned it: [1-based column, column key], in the finder's order. */
  readonly columns?: readonly (readonly [number, string])[];
  /**
   * Set up workbook's stamp (setup-plan.ts tabSignature) of the run that last made this tab right; any rescan of
   * the columns rewrites the entry without it, so a changed tab is looked at in full by the next run.
   */
  readonly setup?: string;
}

/** Where the entries are kept; the server backs it with the document properties. */
export interface LayoutStore {
  /** Every property of the store (one call). */
  load(): Readonly<Record<string, string>>;
  /** Writes the given properties (one call); may throw where the execution may not write. */
  save(entries: Readonly<Record<string, string>>): void;
}

interface Session {
  readonly store: LayoutStore;
  /** The stored texts by property key; null until loaded (or primed). */
  stored: Readonly<Record<string, string>> | null;
  /** Texts written by this execution, over `stored`. */
  readonly written: Map<string, string>;
  /** Sheet ids learnt in this execution, so a sheet handed out by the cache is not asked for its id again. */
  readonly ids: WeakMap<SheetPort, number>;
  /** False once loading or writing failed: the execution goes on without the cache (or without updating it). */
  readable: boolean;
  writable: boolean;
}

let provider: (() => LayoutStore | null) | null = null;
let session: Session | null | undefined;

/**
 * Installs where the cache is kept (the server does it once, when the bundle loads; tests do it per scenario) and
 * starts a new execution's state. Without a store every read scans the metadata, as it did before the cache.
 */
export function useLayoutStore(store: (() => LayoutStore | null) | null): void {
  provider = store;
  session = undefined;
}

function current(): Session | null {
  if (session === undefined) {
    const store = provider?.() ?? null;
    session = store
      ? { store, stored: null, written: new Map(), ids: new WeakMap(), readable: true, writable: true }
      : null;
  }
  return session;
}

/** The document properties as just read by the caller: the cache uses them instead of reading them again. */
export function primeLayouts(properties: Readonly<Record<string, string>>): void {
  const s = current();
  if (!s) return;
  s.stored = properties;
  s.written.clear();
  s.readable = true;
}

function storedText(s: Session, key: string): string | undefined {
  const written = s.written.get(key);
  if (written !== undefined) return written;
  if (s.stored === null && s.readable) {
    try {
      s.stored = s.store.load();
    } catch {
      // Properties unreadable here (AuthMode.NONE has none): read without the cache.
      s.readable = false;
    }
  }
  return s.stored?.[key];
}

function isEntry(value: unknown): value is LayoutEntry {
  if (!isObject(value)) return false;
  const e = value as { sheetId?: unknown; header?: unknown; columns?: unknown; setup?: unknown };
  if (!isNumber(e.sheetId)) return false;
  if (e.setup !== undefined && !isString(e.setup)) return false;
  if (e.header !== undefined && !(isArray(e.header) && e.header.every((h) => isString(h)))) return false;
  return (
    e.columns === undefined ||
    (isArray(e.columns) &&
      e.columns.every((c) => isArray(c) && c.length === 2 && typeof c[0] === "number" && typeof c[1] === "string"))
  );
}

function parseEntry(text: string | undefined): LayoutEntry | null {
  const json = text ? parseJson(text) : null;
  return json?.ok && isEntry(json.value) ? json.value : null;
}

function entryOf(s: Session, tab: TabSpec): LayoutEntry | null {
  return parseEntry(storedText(s, layoutKey(tab)));
}

/**
 * A tab's entry as kept in `properties` (the document properties, already read by the caller), for an execution that
 * reads no table and so cannot vouch for it by the header row: the simple onEdit, which checks what it relies on.
 */
export function storedLayout(properties: Readonly<Record<string, string>>, tab: TabSpec): LayoutEntry | null {
  return parseEntry(properties[layoutKey(tab)]);
}

/** UTF-8 bytes, as the 9 KB per value is counted (no TextEncoder in Apps Script). */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}

/** "Properties value size: 9 KB / val" (Apps Script quotas); a larger entry is not kept at all. */
const VALUE_LIMIT = 9 * 1024;

/**
 * Best effort: the entries that differ from what is stored are written in one call. Where the execution may not
 * write (a custom function may not be allowed to), or a value would be too large, the read goes on uncached.
 */
function persist(s: Session, entries: readonly (readonly [TabSpec, LayoutEntry])[]): void {
  const changed: Record<string, string> = {};
  let any = false;
  for (const [tab, entry] of entries) {
    const key = layoutKey(tab);
    const text = stringify(entry);
    if (storedText(s, key) === text || utf8Length(text) > VALUE_LIMIT) continue;
    changed[key] = text;
    s.written.set(key, text);
    any = true;
  }
  if (!any || !s.writable) return;
  try {
    s.store.save(changed);
  } catch {
    s.writable = false;
  }
}

function sheetIdOf(s: Session, sheet: SheetPort): number {
  let id = s.ids.get(sheet);
  if (id === undefined) {
    id = sheet.getSheetId();
    s.ids.set(sheet, id);
  }
  return id;
}

/**
 * The sheet the tab's metadata was last found on, if it still exists (one getSheetById); null when nothing is kept.
 * A spreadsheet never reuses a sheet id, so it is the tab's own sheet; should its tab metadata be lost (the header
 * row deleted), it is still taken for the tab, as it would be by name, until setup tags it again.
 */
export function cachedTab(ss: SpreadsheetPort, tab: TabSpec): SheetPort | null {
  const s = current();
  const entry = s ? entryOf(s, tab) : null;
  if (!s || !entry) return null;
  const sheet = ss.getSheetById(entry.sheetId);
  if (sheet) s.ids.set(sheet, entry.sheetId);
  return sheet;
}

/** After a scan found the tab by its metadata: the sheet is kept (its columns are kept once it is read). */
export function rememberTab(tab: TabSpec, sheet: SheetPort): void {
  const s = current();
  if (!s) return;
  const id = sheetIdOf(s, sheet);
  const entry = entryOf(s, tab);
  if (entry?.sheetId !== id) persist(s, [[tab, { sheetId: id }]]);
}

/** True when every column of the spec is located by metadata: the header then matters only up to our columns. */
function byMetadataOnly(tab: TabSpec, columns: readonly (readonly [number, string])[]): boolean {
  const located = new Set(columns.filter(([column]) => column > 0).map(([, key]) => key));
  return tab.columns.every((c) => located.has(c.key));
}

function headerToKeep(tab: TabSpec, header: readonly unknown[], columns: readonly (readonly [number, string])[]) {
  const texts = header.map(normalizeLabel);
  let end = texts.length;
  if (byMetadataOnly(tab, columns)) end = max(0, ...columns.map(([column]) => column));
  else while (end > 0 && texts[end - 1] === "") end--;
  const kept = texts.slice(0, end);
  while (kept.length < end) kept.push("");
  return kept;
}

function entryFor(
  tab: TabSpec,
  sheetId: number,
  header: readonly unknown[],
  metadata: readonly ColumnMetadata[],
  setup?: string,
): LayoutEntry {
  const columns = metadata.map((m): readonly [number, string] => [m.column, m.value]);
  const entry = { sheetId, header: headerToKeep(tab, header, columns), columns };
  return setup === undefined ? entry : { ...entry, setup };
}

/**
 * How many column-metadata entries the cached layouts of these tabs name, and how many tabs have an entry; null
 * when a tab has no entry with columns. Setup compares it with one count over the whole document, which sees
 * metadata that a script removed without touching the header row (what the header check cannot see).
 */
export function cachedMetadataCount(tabs: readonly TabSpec[]): { columns: number; tabs: number } | null {
  const s = current();
  if (!s) return null;
  let columns = 0;
  for (const tab of tabs) {
    const entry = entryOf(s, tab);
    if (!entry?.columns) return null;
    columns += entry.columns.length;
  }
  return { columns, tabs: tabs.length };
}

/** Setup's stamp of the tab (see LayoutEntry.setup), when its entry is for this sheet; no service call. */
export function setupStamp(sheet: SheetPort, tab: TabSpec): string | null {
  const s = current();
  const entry = s ? entryOf(s, tab) : null;
  if (!s || !entry?.setup || sheetIdOf(s, sheet) !== entry.sheetId) return null;
  return entry.setup;
}

/**
 * The cached column metadata of the tab on this sheet, when the header row just read vouches for it; null means
 * "scan". The header vouches when the kept part is unchanged and every column carrying our metadata has a header
 * text found nowhere else in the row: a column is moved, inserted or deleted together with its header cell, so
 * any move of one of our columns changes the kept part, unless two columns show the same text (two blank headers,
 * a copied column) and trade places; such a tab is always scanned. What stays unseen is metadata changed without
 * touching the sheet (another script removing it; setup, which adds it, refreshes the entries itself) and a user
 * who moves columns and then retypes every header as it was before; the next header change, or setup, repairs both.
 */
export function cachedColumns(sheet: SheetPort, tab: TabSpec, header: readonly unknown[]): ColumnMetadata[] | null {
  const s = current();
  const entry = s ? entryOf(s, tab) : null;
  if (!s || !entry?.header || !entry.columns || sheetIdOf(s, sheet) !== entry.sheetId) return null;
  const texts = header.map(normalizeLabel);
  const kept = entry.header;
  for (let i = 0; i < kept.length; i++) if ((texts[i] ?? "") !== kept[i]) return null;
  if (!byMetadataOnly(tab, entry.columns)) {
    for (let i = kept.length; i < texts.length; i++) if (texts[i] !== "") return null;
  }
  const seen = new Map<string, number>();
  for (const text of texts) seen.set(text, (seen.get(text) ?? 0) + 1);
  for (const [column] of entry.columns) {
    const text = texts[column - 1] ?? "";
    if (text === "" || seen.get(text) !== 1) return null;
  }
  return entry.columns.map(([column, value]) => ({ column, value }));
}

/** After a scan of the tab's columns: kept when this sheet is the one the tab's metadata was found on. */
export function rememberColumns(
  sheet: SheetPort,
  tab: TabSpec,
  header: readonly unknown[],
  metadata: readonly ColumnMetadata[],
): void {
  const s = current();
  const entry = s ? entryOf(s, tab) : null;
  if (!s || !entry || sheetIdOf(s, sheet) !== entry.sheetId) return;
  persist(s, [[tab, entryFor(tab, entry.sheetId, header, metadata)]]);
}

export interface TabLayout {
  readonly tab: TabSpec;
  readonly sheet: SheetPort;
  /** The header row as it is now (after setup wrote its labels). */
  readonly header: readonly unknown[];
  /** The column metadata as it is now (what setup found plus what it added). */
  readonly metadata: readonly ColumnMetadata[];
  /** Setup's stamp for the tab as it leaves it. */
  readonly setup?: string;
}

/** Setup, which adds and re-attaches metadata, states every tab's layout afterwards: one write for what changed. */
export function refreshLayouts(layouts: readonly TabLayout[]): void {
  const s = current();
  if (!s) return;
  persist(
    s,
    layouts.map((l) => [l.tab, entryFor(l.tab, sheetIdOf(s, l.sheet), l.header, l.metadata, l.setup)] as const),
  );
}
