// Text written into cells never becomes a formula.
import { describe, expect, it } from "vitest";
import { inertCell, inertText, needsQuoting } from "../../src/domain/inert";

describe("inert text", () => {
  it.each(["=1+1", "+49 30 123", "-5 days", "@user", "\tTab", "\rCR", "\0NUL", '=HYPERLINK("http://x")'])(
    "quotes %j",
    (text) => {
      expect(needsQuoting(text)).toBe(true);
      expect(inertText(text)).toBe(`'${text}`);
    },
  );

  it.each(["Spring launch", "", "a=b", "owner@example.com", " =not first", "100", "'already quoted"])(
    "leaves %j as it is",
    (text) => {
      expect(inertText(text)).toBe(text);
    },
  );

  it("only touches strings", () => {
    expect(inertCell(-5)).toBe(-5);
    expect(inertCell(true)).toBe(true);
    const date = new Date(0);
    expect(inertCell(date)).toBe(date);
    expect(inertCell("=SUM(A:A)")).toBe("'=SUM(A:A)");
  });
});
