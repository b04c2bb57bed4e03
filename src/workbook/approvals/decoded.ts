// A cell of an approvals tab as the workflow reads it: decoded for its column (dates to ISO in the spreadsheet's zone).
import { decodeCell } from "../shared/cells";
import type { ReadContext } from "../shared/records";
import { cellOf, type KeyedTable } from "../shared/rows";
import type { TabSpec } from "../shared/spec";
import type { TableRow } from "../shared/table";

/** The decoded values of some columns of a row, by key. */
export function decodedCells<K extends string>(
  t: KeyedTable,
  tab: TabSpec,
  row: TableRow,
  keys: readonly K[],
  ctx: ReadContext,
): { [Key in K]: unknown } {
  const out = {} as { [Key in K]: unknown };
  for (const key of keys) {
    const spec = tab.columns.find((c) => c.key === key);
    const raw = cellOf(t, row, key);
    out[key] = spec ? decodeCell(spec, raw, ctx.formatDate) : raw;
  }
  return out;
}
