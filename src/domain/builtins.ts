// Local names for the built-ins the add-on calls most. Code.js spells a global's member out at every call
// (`Number.isFinite(x)`), while a local name minifies to two letters; these are the same functions, so every result
// is the same.

/** Number.isFinite: true only for a number that is finite (never for text, unlike the global isFinite). */
export const finiteNumber = Number.isFinite as (value: unknown) => value is number;
export const isArray = Array.isArray;
export const stringify = JSON.stringify;
export const max = Math.max;

/** `typeof value === "string"` (Code.js spelt the test out at every use; a call minifies to a few letters). */
export function isString(value: unknown): value is string {
  return typeof value === "string";
}

/** `typeof value === "number"`: NaN and the infinities included, as typeof says. */
export function isNumber(value: unknown): value is number {
  return typeof value === "number";
}
/** String(value) and Number(value), the conversions themselves. */
export const asString = String;
export const asNumber = Number;

/** Text trimmed and lower-cased, how e-mails, labels and typed choices are compared. */
export function trimLower(text: string): string {
  return text.trim().toLowerCase();
}

export const { abs: mathAbs, ceil: mathCeil, floor: mathFloor, min: mathMin, round: mathRound } = Math;
export const { isNaN: numberIsNaN, isSafeInteger: safeInteger, NaN: NOT_A_NUMBER } = Number;
// Read from Date at each call, not captured once: a clock that a test or the preview sets on Date still counts.
export const dateNow = (): number => Date.now();
export const dateParse = (text: string): number => Date.parse(text);

/** `typeof value === "object" && value !== null`: any object, arrays included. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export function isBoolean(value: unknown): value is boolean {
  return typeof value === "boolean";
}
