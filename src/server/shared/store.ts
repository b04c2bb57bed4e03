// What the add-on keeps in the document properties (readable and writable only by this script project, never by a
// person through the sheet): the roles, the key that seals the approval log, the chain's anchor, a recorded break,
// where the hidden state tab is, onEdit's layout (where the approved fields are; each campaign's data is in the state
// tab), and where each tab's columns are (`cc.tab.<tab key>`, kept by workbook/layouts.ts). Nothing here grows with the
// campaigns or the log. Everything is read with one getProperties per execution.

import { asNumber, isNumber, isString, stringify } from "../../domain/builtins";
import { parseRoles, type Roles } from "../../domain/roles";
import type { ChainAnchor, SnapshotField } from "../../domain/workflow";
import type { PropertiesPort } from "../../workbook/shared/ports";

export const KEY = {
  roles: "cc.roles",
  secret: "cc.secret",
  anchor: "cc.anchor",
  layout: "cc.layout",
  /** Before this version: one guard entry per approved campaign (removed by the next write; see guardProps). */
  approvedPrefix: "cc.approved.",
  /** The hidden state tab's sheet id (the kept fold and the guard data live there, not here). */
  state: "cc.state",
  /** What the full verification found, until a full verification finds the log intact again. */
  broken: "cc.broken",
} as const;

/** Where the approved fields are on the Campaigns tab, so onEdit needs no metadata lookup. */
export interface GuardLayout {
  readonly sheetId: number;
  readonly idColumn: number;
  readonly columns: { readonly [F in SnapshotField]?: number };
  /** The spreadsheet's time zone and language (for dates in the edited cell and the note's words). */
  readonly timeZone: string;
  readonly lang: "en" | "zh";
  /** Where a budget line's cells are on the Budget tab, and the currency a blank currency cell means. */
  readonly budget?: BudgetGuardLayout;
  /** The hidden state tab whose rows hold each approved campaign's guard data. */
  readonly stateSheetId?: number;
}

export const LINE_KEYS = ["campaign", "category", "month", "planned", "currency"] as const;

export interface BudgetGuardLayout {
  readonly sheetId: number;
  readonly columns: { readonly [K in (typeof LINE_KEYS)[number]]?: number };
  readonly currency: string;
}

/** The roles as kept in the document properties. */
export function storedRoles(): Roles {
  return parseRoles(documentProperties().getProperty(KEY.roles));
}

export function documentProperties(): PropertiesPort {
  const props = PropertiesService.getDocumentProperties();
  if (!props) throw Error("This add-on works inside a spreadsheet only.");
  return props;
}

export function parseJson<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function stateSheetId(props: Readonly<Record<string, string>>): number | null {
  const id = asNumber(props[KEY.state]);
  return props[KEY.state] && Number.isInteger(id) ? id : null;
}

export function readAnchor(props: Readonly<Record<string, string>>): ChainAnchor | undefined {
  const anchor = parseJson<ChainAnchor>(props[KEY.anchor]);
  return anchor && isNumber(anchor.count) && isString(anchor.lastHash) ? anchor : undefined;
}

export type GuardProps = Readonly<Record<string, string>>;

/** The onEdit cache as properties: the layout only (where to look); the entries live in the state tab. */
export function guardProps(layout: GuardLayout | null): GuardProps {
  const out: Record<string, string> = {};
  if (layout) out[KEY.layout] = stringify(layout);
  return out;
}

/**
 * Brings the guard properties to `wanted`: one setProperties for what changed, a delete for what is no longer
 * wanted. The per-campaign entries an earlier version kept here (`cc.approved.*`) are deleted, with one
 * deleteProperty each, once; the state tab holds them now.
 */
export function syncGuardProps(props: PropertiesPort, current: Readonly<Record<string, string>>, wanted: GuardProps) {
  const changed: Record<string, string> = {};
  let any = false;
  for (const [key, value] of Object.entries(wanted)) {
    if (current[key] !== value) {
      changed[key] = value;
      any = true;
    }
  }
  if (any) props.setProperties(changed);
  for (const key of Object.keys(current)) {
    const ours = key === KEY.layout || key.startsWith(KEY.approvedPrefix);
    if (ours && !(key in wanted)) props.deleteProperty(key);
  }
}
