// Emulated Logger and console: every line any execution logs, in order, for the tests to read.
import type { LoggerPort } from "../../../src/workbook/shared/ports";
import type { CallCounter } from "../counter";

/** LOG is Logger.log; the console levels are Cloud Logging's (console.log writes INFO). */
export type LogLevel = "LOG" | "INFO" | "WARN" | "ERROR" | "DEBUG";

export interface LogRecord {
  level: LogLevel;
  message: string;
  /** ISO time on the virtual clock. */
  at: string;
  executionId: number;
}

export class LogBook {
  readonly records: LogRecord[] = [];
  /** The messages alone, for `emulator.logs`. */
  readonly lines: string[] = [];

  add(level: LogLevel, message: string, at: number, executionId: number): void {
    this.records.push({ level, message, at: new Date(at).toISOString(), executionId });
    this.lines.push(message);
  }
}

function show(v: unknown): string {
  if (typeof v === "string") return v;
  if (v instanceof Date || Object.prototype.toString.call(v) === "[object Date]") return String(v);
  if (v instanceof Error || (typeof v === "object" && v !== null && "stack" in v && "message" in v)) {
    const e = v as Error;
    return `${e.name}: ${e.message}`;
  }
  if (typeof v === "object" && v !== null) {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** Logger.log(format, values...) substitutes %s (and %d, %f) like Java's String.format. */
function formatTemplate(format: string, values: unknown[]): string {
  let i = 0;
  return format.replace(/%([sdf%])/g, (m, k: string) => {
    if (k === "%") return "%";
    if (i >= values.length) return m;
    return show(values[i++]);
  });
}

export class FakeLogger implements LoggerPort {
  constructor(
    private readonly book: LogBook,
    private readonly now: () => number,
    private readonly executionId: number,
    private readonly counter: CallCounter,
  ) {}

  log(data: unknown, ...values: unknown[]): this {
    this.counter.count("Logger.log");
    const message = values.length > 0 && typeof data === "string" ? formatTemplate(data, values) : show(data);
    this.book.add("LOG", message, this.now(), this.executionId);
    return this;
  }

  getLog(): string {
    this.counter.count("Logger.getLog");
    return this.book.records
      .filter((r) => r.executionId === this.executionId && r.level === "LOG")
      .map((r) => `${r.message}\n`)
      .join("");
  }

  clear(): void {
    this.counter.count("Logger.clear");
  }
}

/** The console the bundle sees: Cloud Logging in Apps Script, the log book here. */
export function makeConsole(book: LogBook, now: () => number, executionId: number): Record<string, unknown> {
  const write =
    (level: LogLevel) =>
    (...args: unknown[]): void => {
      const [first, ...rest] = args;
      const message =
        typeof first === "string" && /%[sdifoOj%]/.test(first)
          ? formatTemplate(first.replace(/%[ioOj]/g, "%s"), rest)
          : args.map(show).join(" ");
      book.add(level, message, now(), executionId);
    };
  const timers = new Map<string, number>();
  return {
    log: write("INFO"),
    info: write("INFO"),
    warn: write("WARN"),
    error: write("ERROR"),
    debug: write("DEBUG"),
    time: (label = "default") => {
      timers.set(String(label), now());
    },
    timeEnd: (label = "default") => {
      const start = timers.get(String(label));
      if (start !== undefined) book.add("LOG", `${String(label)}: ${now() - start}ms`, now(), executionId);
      timers.delete(String(label));
    },
  };
}
