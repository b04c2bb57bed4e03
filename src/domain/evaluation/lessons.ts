// Finds the past lessons that fit a plan being drafted: same channels, audience or category tags, best overlap first.

import { max } from "../builtins";
import type { Lesson } from "./model";
import { foldText } from "./values";

export interface LessonQuery {
  readonly channels: readonly string[];
  readonly audience: string;
  readonly tags: readonly string[];
  /** The drafted campaign's own ID: its lessons (from an earlier round) are not advice about itself. */
  readonly campaign?: string;
}

export interface LessonMatch {
  readonly lesson: Lesson;
  /** Position in the list given (0-based); the sheet row is the caller's to keep. */
  readonly index: number;
  /** Channels and tags both ways matched, as written in the lesson. */
  readonly channels: readonly string[];
  readonly tags: readonly string[];
  readonly audience: boolean;
  /** Matched channels + matched tags + 1 for the audience. */
  readonly score: number;
}

/** The lesson's items that are in the query, each once even if the lesson lists it twice in different case. */
function common(items: readonly string[], wanted: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const key = foldText(item);
    if (wanted.has(key) && !seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

/** Audiences are free text: equal, or one names the other ("students" and "university students"). */
function audienceMatches(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  return a === b || a.includes(b) || b.includes(a);
}

/**
 * Ranked by score, then by how many of the three kinds matched (a lesson on the same channel and the same
 * audience beats one with two matching tags), then newest first (later in the list), so the order never depends
 * on anything but the input. Lessons with nothing in common are left out. Linear in the lessons plus the sort.
 */
export function searchLessons(query: LessonQuery, lessons: readonly Lesson[], limit = 20): LessonMatch[] {
  const channels = new Set(query.channels.map(foldText).filter((s) => s !== ""));
  const tags = new Set(query.tags.map(foldText).filter((s) => s !== ""));
  const audience = foldText(query.audience);
  const own = query.campaign?.trim();
  const matches: (LessonMatch & { kinds: number })[] = [];
  lessons.forEach((lesson, index) => {
    if (own !== undefined && own !== "" && lesson.campaign.trim() === own) return;
    const c = common(lesson.channels, channels);
    const t = common(lesson.tags, tags);
    const a = audienceMatches(audience, foldText(lesson.audience));
    const score = c.length + t.length + (a ? 1 : 0);
    if (score === 0) return;
    const kinds = (c.length > 0 ? 1 : 0) + (t.length > 0 ? 1 : 0) + (a ? 1 : 0);
    matches.push({ lesson, index, channels: c, tags: t, audience: a, score, kinds });
  });
  matches.sort((x, y) => y.score - x.score || y.kinds - x.kinds || y.index - x.index);
  return matches.slice(0, max(0, limit)).map(({ kinds: _kinds, ...match }) => match);
}
