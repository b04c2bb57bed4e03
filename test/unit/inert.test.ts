// Text written into cells never becomes a formula.
import { describe, expect, it } from "vitest";
import { cellFor, inertCell, inertText, needsQuoting, tooLongForCell } from "../../src/domain/inert";

describe("inert text", () => {
  it.each([
    "=1+1",
    "+49 30 123",
    "-5 days",
    "@user",
    "\tTab",
    "\rCR",
    "\0NUL",
    '=HYPERLINK("http://x")',
    // What Sheets would parse into something else: numbers, percents, currency, dates, times, booleans, an apostrophe.
    "100",
    " 12 ",
    "12%",
    "1,000",
    "1e5",
    "9007199254740993",
    "$5",
    "¥1,000",
    "true",
    "FALSE",
    "11/26/2026",
    "2026-03-10",
    "2026/3/10",
    "10:30",
    "Mar 5, 2026",
    "2026年3月5日",
    "'already quoted",
    "'=already quoted",
  ])("quotes %j", (text) => {
    expect(needsQuoting(text)).toBe(true);
    expect(inertText(text)).toBe(`'${text}`);
  });

  it.each([
    "Spring launch",
    "",
    "a=b",
    "owner@example.com",
    " =not first",
    "Leads 500; CPL <= 24",
    "C-1",
    "Q1 2026 launch",
  ])("leaves %j as it is", (text) => {
    expect(inertText(text)).toBe(text);
  });

  it("writes bare into plain-text cells and refuses what a cell cannot hold", () => {
    expect(cellFor("12%", "@")).toBe("12%");
    expect(cellFor("12%", "")).toBe("'12%");
    expect(cellFor("12%", "0.00")).toBe("'12%");
    expect(tooLongForCell("x".repeat(50_000))).toBe(false);
    expect(tooLongForCell("x".repeat(50_001))).toBe(true);
    expect(tooLongForCell(1e308)).toBe(false);
  });

  it("only touches strings", () => {
    expect(inertCell(-5)).toBe(-5);
    expect(inertCell(true)).toBe(true);
    const date = new Date(0);
    expect(inertCell(date)).toBe(date);
    expect(inertCell("=SUM(A:A)")).toBe("'=SUM(A:A)");
  });
});
