// Counts calls into the emulated services by "Service.method" (e.g. "Range.getValues"), so tests and benchmarks
// can assert how many round trips an operation makes; in Apps Script each such call is a round trip.
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private moved = 0;

  count(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
  }

  /**
   * Cells moved by a bulk read or write (values, formats, notes, styles, rules of a range): what the latency model
   * charges per cell on top of the call (the benchmarks' Apps Script time estimates).
   */
  countCells(n: number): void {
    this.moved += n;
  }

  /** Cells moved since the last reset. */
  cells(): number {
    return this.moved;
  }

  get(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /** The sum over every method, or over those whose name starts with `prefix` ("Range." for example). */
  total(prefix = ""): number {
    let sum = 0;
    for (const [k, v] of this.counts) if (k.startsWith(prefix)) sum += v;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.moved = 0;
  }
}
