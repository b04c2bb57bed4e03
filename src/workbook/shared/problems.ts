// A row the add-on could not use, said with tab, row and column so a user can find and fix the cell. Readers return
// these next to the good rows; nothing is dropped silently.
import { describeFound, isBlank } from "../../domain/found";
import { type Lang, t } from "../../domain/i18n";
import { type ColumnSpec, columnLetter } from "./spec";

/** JSON-safe: sent to the sidebar as it is. */
export interface RowProblem {
  /** The tab's name as the sheet shows it. */
  readonly tab: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** Column letter ("K"), or "" when the problem is a whole missing column. */
  readonly column: string;
  /** The column's header as the sheet shows it (the user's label if they renamed it). */
  readonly label: string;
  /** Why, without the location. */
  readonly reason: string;
  /** The whole sentence: where and why. */
  readonly message: string;
}

export function rowProblem(
  lang: Lang,
  where: { tab: string; row: number; column: number; label: string },
  reason: string,
): RowProblem {
  const column = where.column > 0 ? columnLetter(where.column) : "";
  return {
    tab: where.tab,
    row: where.row,
    column,
    label: where.label,
    reason,
    message: t(lang, "problem.where", {
      tab: where.tab,
      row: where.row,
      column: column || "?",
      label: where.label,
      reason,
    }),
  };
}

/** Why a cell failed its column's schema, in words that fit the column's kind. */
export function cellReason(column: ColumnSpec, raw: unknown, lang: Lang): string {
  const found = describeFound(raw, lang);
  if (isBlank(raw) && column.required) return t(lang, "problem.required");
  switch (column.kind) {
    case "date":
      return t(lang, "problem.date", { found });
    case "money":
      return t(lang, "problem.money", { found });
    case "number":
      return t(lang, "problem.number", { found });
    case "choice":
      return t(lang, "problem.choice", { choices: column.choice?.values(lang).join(", ") ?? "", found });
    default:
      return t(lang, "problem.text", { found });
  }
}
