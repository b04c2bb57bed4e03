// What the add-on keeps in the document properties (readable and writable only by this script project, never by a
// person through the sheet): the roles, the key that seals the approval log, the chain's anchor, the small
// cache onEdit reads to flag edits of approved fields, and where each tab's columns are (`cc.tab.<tab key>`, kept by
// workbook/layouts.ts). Everything is read with one getProperties per execution.
import type { GuardEntry } from "../../domain/guard";
import type { ChainAnchor, SnapshotField } from "../../domain/workflow";
import type { PropertiesPort } from "../../workbook/shared/ports";

export const KEY = {
  roles: "cc.roles",
  secret: "cc.secret",
  anchor: "cc.anchor",
  layout: "cc.layout",
  approvedPrefix: "cc.approved.",
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
}

export const LINE_KEYS = ["campaign", "category", "month", "planned", "currency"] as const;

export interface BudgetGuardLayout {
  readonly sheetId: number;
  readonly columns: { readonly [K in (typeof LINE_KEYS)[number]]?: number };
  readonly currency: string;
}

export function documentProperties(): PropertiesPort {
  const props = PropertiesService.getDocumentProperties();
  if (!props) throw new Error("This add-on works inside a spreadsheet only.");
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

export function readAnchor(props: Readonly<Record<string, string>>): ChainAnchor | undefined {
  const anchor = parseJson<ChainAnchor>(props[KEY.anchor]);
  return anchor && typeof anchor.count === "number" && typeof anchor.lastHash === "string" ? anchor : undefined;
}

export type GuardProps = Readonly<Record<string, string>>;

/** The onEdit cache as properties: the layout and one entry per approved campaign. */
export function guardProps(layout: GuardLayout | null, entries: ReadonlyMap<string, GuardEntry>): GuardProps {
  const out: Record<string, string> = {};
  if (layout) out[KEY.layout] = JSON.stringify(layout);
  for (const [id, entry] of entries) out[KEY.approvedPrefix + id] = JSON.stringify(entry);
  return out;
}

/**
 * Brings the guard properties to `wanted`: one setProperties for what changed, a delete for each entry no longer
 * wanted (a campaign that was cancelled or closed). Nothing is written when nothing changed.
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
