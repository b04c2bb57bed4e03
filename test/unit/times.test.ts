// How a moment is worded for people: one wording for cells, mails and sidebars, in either language.
import { describe, expect, it } from "vitest";
import { timeText } from "../../src/domain/dates";

describe("timeText", () => {
  it("puts the day before the month in English, so no reader takes 2 March for 3 February", () => {
    expect(timeText([2026, 3, 2, 9, 5], "en")).toBe("2 Mar 2026, 09:05");
    expect(timeText([2026, 12, 31, 23, 59], "en")).toBe("31 Dec 2026, 23:59");
    expect(timeText([2027, 1, 1, 0, 0], "en")).toBe("1 Jan 2027, 00:00");
  });

  it("writes year, month and day in Chinese", () => {
    expect(timeText([2026, 3, 2, 9, 5], "zh")).toBe("2026年3月2日 09:05");
    expect(timeText([2026, 11, 20, 18, 30], "zh")).toBe("2026年11月20日 18:30");
  });
});
