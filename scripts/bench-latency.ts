// The latency model the benchmarks turn the emulator's deterministic counts into estimated Apps Script time with.
// Every figure is a published one; where none is published the spreadsheet figure stands in, and the README says so.
//
// - Spreadsheet calls: Google's "Best practices" for Apps Script (developers.google.com/apps-script/guides/support/
//   best-practices, "Use batch operations"): a 100 x 100 grid coloured one cell per call "takes 70 seconds", one
//   setBackgrounds on the whole range about 1 second: about 7 ms per call, and at most 0.1 ms per cell moved in bulk
//   (an upper bound: that second also computes the colours).
// - PropertiesService and CacheService: a public measurement of 100 consecutive calls each (Luis Peralta, "Google
//   Apps Script APIs performance", ziritione.org/post/apps_script_performance): getProperty 30 ms and setProperty
//   62 ms on average, CacheService put 93 ms and get 3 ms.
// - Everything else that is counted (locks, Session, HtmlService, ScriptApp, MailApp): no published figure; charged
//   like a spreadsheet call. Utilities (digests, formatDate) run inside the script's process: not charged.

export const MS_PER_CALL = 70_000 / 10_000;
export const MS_PER_CELL_UPPER = 1_000 / 10_000;
export const MS_PROPERTY_GET = 30;
export const MS_PROPERTY_SET = 62;
export const MS_CACHE_PUT = 93;
export const MS_CACHE_GET = 3;

/** What one counted call costs in the model (ms). */
export function callMs(method: string): number {
  if (/^Properties\.(getProperty|getProperties|getKeys)$/.test(method)) return MS_PROPERTY_GET;
  if (/^Properties\.(setProperty|setProperties|deleteProperty|deleteAllProperties)$/.test(method))
    return MS_PROPERTY_SET;
  if (/^Cache\.(put|putAll)$/.test(method)) return MS_CACHE_PUT;
  if (/^Cache\.(get|getAll)$/.test(method)) return MS_CACHE_GET;
  if (/^(Utilities|Logger|console)\./.test(method)) return 0;
  return MS_PER_CALL;
}

export interface Estimate {
  readonly calls: number;
  /** The calls alone (ms). */
  readonly callsMs: number;
  /** Plus 0.1 ms per cell moved in bulk: the upper bound (ms). */
  readonly upperMs: number;
  readonly cells: number;
}

export function estimate(counts: Readonly<Record<string, number>>, cells: number): Estimate {
  let calls = 0;
  let callsMs = 0;
  for (const [method, n] of Object.entries(counts)) {
    calls += n;
    callsMs += n * callMs(method);
  }
  return { calls, callsMs, upperMs: callsMs + cells * MS_PER_CELL_UPPER, cells };
}

export function duration(ms: number): string {
  if (ms >= 60_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return `${ms.toFixed(0)} ms`;
}
