// What the workbook readers need from the runtime: the language of messages and a date formatter in the
// spreadsheet's time zone (asked for only when a date cell actually appears).
import type { Lang } from "../../domain/i18n";
import type { SpreadsheetPort } from "../../workbook/shared/ports";
import type { ReadContext } from "../../workbook/shared/records";
import { formatDate, timeZoneOf } from "./active";

export function readContext(ss: SpreadsheetPort, lang: Lang): ReadContext {
  let timeZone: string | null = null;
  // Utilities.formatDate is a service round trip; a tab of thousands of rows holds few distinct dates, so each
  // instant is formatted once per read instead of once per cell.
  const formatted = new Map<number, string>();
  return {
    lang,
    formatDate: (date) => {
      const key = date.getTime();
      let text = formatted.get(key);
      if (text === undefined) {
        if (timeZone === null) timeZone = timeZoneOf(ss);
        text = formatDate(date, timeZone);
        formatted.set(key, text);
      }
      return text;
    },
  };
}
