// Reads the goals a marketer types into one KPIs cell ("Pre-orders 2,000; leads 15,000; CPL <= 8") as measurable
// goals (indicator, target, unit, direction), so the plan's completeness check and the approved snapshot see the
// same goals the sheet shows. A goal without a number stays in the list without a target, and is reported as such.

import { asString, isNumber, isString } from "./builtins";
import type { KpiDraft } from "./workflow/plan";

/** Goals are separated by semicolons or new lines; commas too, except inside a number such as 2,000. */
const SEPARATOR = /[;；\n]|[,，、](?!\d{3}(?!\d))/;
// Not inside a word: "Q2 sales 100" aims at 100, not at 2 (Chinese writes numbers right after characters, so only
// Latin letters and digits count as a word here).
const NUMBER = /(?<![A-Za-z0-9_.])[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)/;
/** "at most" marks a goal where lower is better (cost per lead <= 8). */
const LOWER = /<=|≤|<|\bmax(imum)?\b|\bat most\b|\bbelow\b|\bunder\b|不超过|不高于|以内|低于|最多/i;
const HIGHER = />=|≥|>|\bmin(imum)?\b|\bat least\b|不少于|不低于|以上|至少/i;
const DECORATION = /<=|>=|≤|≥|[<>:：=]/g;
const DIRECTION_WORDS = new RegExp(`${LOWER.source}|${HIGHER.source}`, "gi");

function clean(text: string): string {
  return text.replace(DIRECTION_WORDS, " ").replace(DECORATION, " ").replace(/\s+/g, " ").trim();
}

/** One goal from its text: the first number is the target; words before it name the indicator, after it the unit. */
export function parseGoal(text: string): KpiDraft {
  const item = text.trim();
  const match = NUMBER.exec(item);
  const direction = LOWER.test(item) ? "lower" : HIGHER.test(item) ? "higher" : "";
  if (!match) return { indicator: clean(item), target: "", unit: "", direction };
  const before = clean(item.slice(0, match.index));
  let after = item.slice(match.index + match[0].length);
  let unit = "";
  const percent = /^\s*%/.exec(after);
  if (percent) {
    unit = "%";
    after = after.slice(percent[0].length);
  }
  after = clean(after);
  // "500 leads": the words after the number name the goal when nothing came before it.
  const indicator = before !== "" ? before : after;
  if (before !== "" && after !== "") unit = unit === "" ? after : `${unit} ${after}`;
  return { indicator, target: match[0].replace(/,/g, ""), unit, direction };
}

export function parseGoals(text: unknown): KpiDraft[] {
  if (!isString(text) && !isNumber(text)) return [];
  return asString(text)
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map(parseGoal);
}

/** A goal as one line of text again ("Leads: 1200 leads", "CPL ≤ 8"), for approvers and mail. */
export function goalText(goal: {
  readonly indicator: string;
  readonly target: number | string | null;
  readonly unit: string;
  readonly direction: string;
}): string {
  const target = goal.target === null ? "?" : asString(goal.target);
  const op = goal.direction === "lower" ? " ≤ " : ": ";
  return `${goal.indicator}${op}${target}${goal.unit === "" ? "" : goal.unit === "%" ? "%" : ` ${goal.unit}`}`;
}
