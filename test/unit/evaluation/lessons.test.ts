// Lessons search: past lessons that share channels, audience or tags with a draft plan, ranked by overlap in a fixed order.
import { describe, expect, it } from "vitest";
import { type Lesson, searchLessons } from "../../../src/domain/evaluation";

const lesson = (
  campaign: string,
  channels: string[],
  audience: string,
  tags: string[],
  text = `from ${campaign}`,
): Lesson => ({
  campaign,
  channels,
  audience,
  tags,
  lesson: text,
  recommendation: "",
});

const lessons: Lesson[] = [
  lesson("C-1", ["Email"], "University students", ["launch"]), // 0: channel + audience + tag = 3, kinds 3
  lesson("C-2", ["Email", "WeChat"], "Retirees", ["launch"]), // 1: 2 channels + tag = 3, kinds 2
  lesson("C-3", ["Billboards"], "Retirees", ["loyalty"]), // 2: nothing
  lesson("C-4", ["wechat"], "", []), // 3: 1
  lesson("C-5", ["Events"], "students", ["LAUNCH", "launch"]), // 4: audience + tag = 2 (tag once)
  lesson("C-6", ["Email"], "", []), // 5: 1, newer than C-4
  lesson("C-9", ["Email", "WeChat"], "University students", ["launch"]), // 6: the draft's own campaign
];

describe("searchLessons()", () => {
  const query = { channels: ["Email", "WeChat"], audience: "university students", tags: ["Launch"], campaign: "C-9" };

  it("ranks by overlap, then by how many kinds matched, then newest first, and leaves out non-matches", () => {
    const found = searchLessons(query, lessons);
    expect(found.map((m) => [m.lesson.campaign, m.score])).toEqual([
      ["C-1", 3],
      ["C-2", 3],
      ["C-5", 2],
      ["C-6", 1],
      ["C-4", 1],
    ]);
  });

  it("says what matched, as the lesson wrote it", () => {
    const [first, second] = searchLessons(query, lessons);
    expect(first).toMatchObject({ index: 0, channels: ["Email"], tags: ["launch"], audience: true });
    expect(second).toMatchObject({ index: 1, channels: ["Email", "WeChat"], tags: ["launch"], audience: false });
  });

  it("matches a broader or narrower audience, ignores case and width, and respects the limit", () => {
    expect(
      searchLessons({ channels: [], audience: "ＳＴＵＤＥＮＴＳ", tags: [] }, lessons).map((m) => m.lesson.campaign),
    ).toEqual(["C-9", "C-5", "C-1"]);
    expect(searchLessons(query, lessons, 2)).toHaveLength(2);
    expect(searchLessons({ channels: [], audience: "", tags: [] }, lessons)).toEqual([]);
  });

  it("gives the same order for the same input every time", () => {
    const once = searchLessons(query, lessons).map((m) => m.index);
    const again = searchLessons(query, [...lessons]).map((m) => m.index);
    expect(again).toEqual(once);
  });
});
