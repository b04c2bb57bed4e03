// Logger and console: lines in order, Logger's %s templates, objects as JSON.
import { describe, expect, it } from "vitest";
import { CallCounter } from "../counter";
import { FakeLogger, LogBook, makeConsole } from "./logger";

describe("Logger and console", () => {
  it("records Logger.log and console output of executions in order", () => {
    const book = new LogBook();
    const counter = new CallCounter();
    const logger = new FakeLogger(book, () => 0, 1, counter);
    const c = makeConsole(book, () => 0, 1) as { log: (...a: unknown[]) => void; error: (...a: unknown[]) => void };
    logger.log("sent %s of %s", 3, 4);
    c.log("rows", { a: 1 }, [1, 2]);
    c.error(new Error("boom"));
    logger.log({ ok: true });
    expect(book.lines).toEqual(["sent 3 of 4", 'rows {"a":1} [1,2]', "Error: boom", '{"ok":true}']);
    expect(book.records.map((r) => r.level)).toEqual(["LOG", "INFO", "ERROR", "LOG"]);
    expect(logger.getLog()).toBe('sent 3 of 4\n{"ok":true}\n');
    expect(counter.get("Logger.log")).toBe(2);
  });
});
