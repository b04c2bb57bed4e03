// Cell value semantics of Sheets: date serials in the spreadsheet time zone, input parsing as typed, number formats.
import { MONTHS_EN, wallClock } from "../zones";

/** What a cell holds after parsing: a literal, a formula, or nothing. */
export type Literal = number | string | boolean;
export type Parsed =
  | { kind: "empty" }
  | { kind: "formula"; formula: string }
  | { kind: "value"; value: Literal; format?: string };

const DAY_MS = 86_400_000;
/** Serial 0 is 1899-12-30 (Sheets and Excel after the 1900 leap-year bug). */
const EPOCH_OFFSET_DAYS = 25_569;

/** Zone offsets by zone and quarter hour (every zone changes offset on a quarter hour); Intl is slow per call. */
const offsetCache = new Map<string, Map<number, number>>();
const BUCKET_MS = 900_000;

function offsetAt(bucketStart: number, timeZone: string): number {
  let byHour = offsetCache.get(timeZone);
  if (!byHour) {
    byHour = new Map();
    offsetCache.set(timeZone, byHour);
  }
  let offset = byHour.get(bucketStart);
  if (offset === undefined) {
    const p = wallClock(bucketStart, timeZone);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - bucketStart;
    if (byHour.size > 200_000) byHour.clear();
    byHour.set(bucketStart, offset);
  }
  return offset;
}

function wallClockMs(instantMs: number, timeZone: string): number {
  return instantMs + offsetAt(Math.floor(instantMs / BUCKET_MS) * BUCKET_MS, timeZone);
}

/** The serial number Sheets stores for an instant: local wall-clock time in the spreadsheet's zone, in days. */
export function dateToSerial(date: Date, timeZone: string): number {
  const wall = wallClockMs(date.getTime(), timeZone);
  return wall / DAY_MS + EPOCH_OFFSET_DAYS;
}

/** The instant whose wall-clock time in the zone is the serial (what getValues returns for date cells). */
export function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - EPOCH_OFFSET_DAYS) * DAY_MS);
  let guess = wall - (wallClockMs(wall, timeZone) - wall);
  // Two refinements settle offsets that change between the guess and the target (DST edges).
  for (let i = 0; i < 2; i++) {
    const offset = wallClockMs(guess, timeZone) - guess;
    guess = wall - offset;
  }
  return new Date(guess);
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  weekday: number;
}

function serialParts(serial: number): WallParts {
  const ms = Math.round((serial - EPOCH_OFFSET_DAYS) * DAY_MS);
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millis: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

function wallToSerial(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return ms / DAY_MS + EPOCH_OFFSET_DAYS;
}

// ---------------------------------------------------------------- input parsing

const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Sheets' limit for one cell. Google documents no wording; this is the message Sheets and the Sheets API give, as
 * reported publicly (see the README, "The services and their documented limits").
 */
export const CELL_CHAR_LIMIT = 50_000;
export const CELL_LIMIT_MESSAGE = `Your input contains more than the maximum of ${CELL_CHAR_LIMIT} characters in a single cell.`;

/** Sheets keeps 15 significant digits of a typed number: "9007199254740993" is stored as 9007199254740990. */
function storedNumber(text: string): number {
  const n = Number(text.replace(/,/g, ""));
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

/** Parses text the way Sheets does when a person types it (and when a script writes a string). */
export function parseInput(text: string, locale: string): Parsed {
  if (text === "") return { kind: "empty" };
  if (text.startsWith("'")) return { kind: "value", value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { kind: "formula", formula: text };
  const t = text.trim();
  const upper = t.toUpperCase();
  if (upper === "TRUE") return { kind: "value", value: true };
  if (upper === "FALSE") return { kind: "value", value: false };
  if (t !== "" && /\d/.test(t)) {
    if (NUMBER_RE.test(t)) return { kind: "value", value: storedNumber(t) };
    const pct = /^([+-]?[\d,]*\.?\d+)\s*%$/.exec(t);
    if (pct && NUMBER_RE.test(pct[1]!)) {
      const decimals = pct[1]!.includes(".") ? pct[1]!.split(".")[1]!.length : 0;
      return {
        kind: "value",
        value: Number(pct[1]!.replace(/,/g, "")) / 100,
        format: decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%",
      };
    }
    const cur = /^([+-]?)([$€£¥])\s*([\d,]*\.?\d+)$/.exec(t);
    if (cur && NUMBER_RE.test(cur[3]!)) {
      const n = Number(cur[3]!.replace(/,/g, ""));
      return { kind: "value", value: cur[1] === "-" ? -n : n, format: `"${cur[2]}"#,##0.00` };
    }
    const date = parseDateText(t, locale);
    if (date) return { kind: "value", value: date.serial, format: date.format };
  }
  // Like "=", a leading "+" or "-" starts a formula when the rest is not a number ("+A1" becomes "=+A1").
  if (/^[+-]./s.test(text)) return { kind: "formula", formula: `=${text}` };
  return { kind: "value", value: text };
}

function parseDateText(t: string, locale: string): { serial: number; format: string } | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) {
    const serial = wallToSerial(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    if (serial === null) return null;
    return { serial, format: m[4] === undefined ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss" };
  }
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) {
    const serial = wallToSerial(+m[1]!, +m[2]!, +m[3]!);
    return serial === null ? null : { serial, format: "yyyy/M/d" };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) {
    // en_US reads month first; other locales this emulator knows read day first.
    const [mo, d] = locale === "en_US" ? [+m[1]!, +m[2]!] : [+m[2]!, +m[1]!];
    const serial = wallToSerial(+m[3]!, mo, d);
    return serial === null ? null : { serial, format: locale === "en_US" ? "M/d/yyyy" : "d/M/yyyy" };
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) {
    const h = +m[1]!;
    const mi = +m[2]!;
    const s = +(m[3] ?? 0);
    if (h > 23 || mi > 59 || s > 59) return null;
    return { serial: (h * 3600 + mi * 60 + s) / 86400, format: m[3] === undefined ? "h:mm" : "h:mm:ss" };
  }
  return null;
}

/** The format Sheets gives a cell when a script writes a Date into it and the cell has no date format yet. */
export function defaultDateFormat(serial: number, locale: string): string {
  const hasTime = Math.abs(serial - Math.floor(serial)) > 1e-9;
  const date = locale === "en_US" ? "M/d/yyyy" : "yyyy-M-d";
  return hasTime ? `${date} H:mm:ss` : date;
}

// ---------------------------------------------------------------- number formats

interface Section {
  text: string;
}

function splitSections(format: string): Section[] {
  const out: Section[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      cur += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push({ text: cur });
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push({ text: cur });
  return out;
}

/** Strips quoted text, escapes and bracketed parts, so only format tokens remain. */
function tokensOnly(section: string): string {
  return section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

const dateFormatCache = new Map<string, boolean>();

/** True when the format shows a date or time (so the cell's value reads back as a Date). */
export function isDateFormat(format: string): boolean {
  if (!format) return false;
  let cached = dateFormatCache.get(format);
  if (cached === undefined) {
    const t = tokensOnly(splitSections(format)[0]!.text).toLowerCase();
    cached = t !== "general" && /[ydhs]|am\/pm|a\/p/.test(t.replace(/general/g, ""));
    if (!cached && /m/.test(t) && !/[0#?]/.test(t)) cached = true;
    dateFormatCache.set(format, cached);
  }
  return cached;
}

export function isTextFormat(format: string): boolean {
  return format === "@";
}

/** Sheets' "Automatic"/General rendering of a number. */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e15 || (abs < 1e-9 && abs > 0)) {
    const [mant, exp] = n.toExponential(9).split("e");
    const mantissa = String(Number(mant));
    const e = Number(exp);
    return `${mantissa}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return String(Number(n.toPrecision(10)));
}

/** Renders a value with a number format, as getDisplayValues shows it. */
export function formatValue(value: Literal, format: string, locale: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    const sections = splitSections(format);
    const textSection = sections[3]?.text;
    if (textSection?.includes("@")) return renderLiterals(textSection).replace("@", value);
    return value;
  }
  if (!format || format.toLowerCase() === "general" || format === "@") return formatGeneral(value);
  const sections = splitSections(format);
  let section = sections[0]!.text;
  let n = value;
  let explicitSign = false;
  if (value < 0 && sections[1] !== undefined && sections[1].text !== "") {
    section = sections[1].text;
    n = -value;
    explicitSign = true;
  } else if (value === 0 && sections[2] !== undefined && sections[2].text !== "") {
    section = sections[2].text;
  }
  if (isDateFormat(section)) return formatDate(n, section, locale);
  if (tokensOnly(section).toLowerCase().trim() === "general") return formatGeneral(n);
  return formatNumber(n, section, explicitSign);
}

function renderLiterals(section: string): string {
  return section.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
}

function currencyText(bracket: string): string | null {
  const m = /^\[\$([^-\]]*)(?:-[^\]]*)?\]$/.exec(bracket);
  return m ? m[1]! : null;
}

function formatNumber(value: number, section: string, explicitSign: boolean): string {
  // Split the section into literal text and the numeric pattern (first run of 0 # ? , . E+).
  const pieces: { kind: "lit" | "num"; text: string }[] = [];
  let percent = 0;
  let i = 0;
  let numDone = false;
  while (i < section.length) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      pieces.push({ kind: "lit", text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === "\\") {
      pieces.push({ kind: "lit", text: section[i + 1] ?? "" });
      i += 2;
      continue;
    }
    if (ch === "[") {
      const end = section.indexOf("]", i);
      const bracket = section.slice(i, end < 0 ? undefined : end + 1);
      const cur = currencyText(bracket);
      if (cur !== null) pieces.push({ kind: "lit", text: cur });
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === "_") {
      pieces.push({ kind: "lit", text: " " });
      i += 2;
      continue;
    }
    if (ch === "*") {
      i += 2;
      continue;
    }
    if (!numDone && /[0#?.,]/.test(ch)) {
      let j = i;
      while (j < section.length && /[0#?.,]/.test(section[j]!)) j++;
      if (/^[eE][+-]/.test(section.slice(j, j + 2))) {
        j += 2;
        while (j < section.length && /[0#]/.test(section[j]!)) j++;
      }
      pieces.push({ kind: "num", text: section.slice(i, j) });
      numDone = true;
      i = j;
      continue;
    }
    if (ch === "%") percent++;
    pieces.push({ kind: "lit", text: ch });
    i++;
  }
  const scaled = value * 100 ** percent;
  const negative = scaled < 0 && !explicitSign;
  const abs = Math.abs(scaled);
  let out = "";
  for (const p of pieces) out += p.kind === "lit" ? p.text : renderDigits(abs, p.text);
  if (!numDone) out = renderLiterals(section);
  // A value that rounds to zero is shown without a minus sign, as Sheets does.
  return negative && /[1-9]/.test(out) ? `-${out}` : out;
}

function renderDigits(abs: number, pattern: string): string {
  const expMatch = /[eE]([+-])(0+)$/.exec(pattern);
  if (expMatch) {
    const mantPattern = pattern.slice(0, expMatch.index);
    const decimals = (mantPattern.split(".")[1] ?? "").replace(/[^0#?]/g, "").length;
    if (abs === 0) return `${(0).toFixed(decimals)}E+${"0".repeat(expMatch[2]!.length)}`;
    const [m, e] = abs.toExponential(decimals).split("e");
    const ev = Number(e);
    const sign = ev < 0 ? "-" : expMatch[1] === "+" ? "+" : "";
    return `${m}E${sign}${String(Math.abs(ev)).padStart(expMatch[2]!.length, "0")}`;
  }
  const [intPat = "", fracPat = ""] = pattern.split(".");
  const grouping = /[0#?],[0#?]/.test(intPat);
  // Trailing commas scale by thousands.
  const trailing = /,+$/.exec(intPat)?.[0].length ?? 0;
  const v = abs / 1000 ** trailing;
  const maxDec = fracPat.replace(/[^0#?]/g, "").length;
  const minDec = fracPat.replace(/[^0]/g, "").length;
  const minInt = intPat.replace(/[^0]/g, "").length;
  let fixed = roundHalfUp(v, maxDec);
  let [ip = "0", fp = ""] = fixed.split(".");
  while (fp.length > minDec && fp.endsWith("0")) fp = fp.slice(0, -1);
  if (ip === "0" && minInt === 0) ip = "";
  ip = ip.padStart(minInt, "0");
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  fixed = fp.length > 0 ? `${ip}.${fp}` : pattern.includes(".") && maxDec === 0 ? `${ip}.` : ip;
  return fixed;
}

function roundHalfUp(v: number, decimals: number): string {
  // toFixed rounds binary representations (1.005 -> "1.00"); Sheets rounds the decimal value half up.
  const shifted = Number(`${Math.round(Number(`${v}e${decimals}`))}e-${decimals}`);
  return Number.isFinite(shifted) ? shifted.toFixed(decimals) : v.toFixed(decimals);
}

const DAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS_ZH = ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"];
const DAYS_ZH = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

interface DateToken {
  kind: "lit" | "y" | "m" | "d" | "h" | "M" | "s" | "ampm" | "frac";
  len: number;
  text?: string;
}

function tokenizeDate(section: string): DateToken[] {
  const out: DateToken[] = [];
  let i = 0;
  const lower = section.toLowerCase();
  while (i < section.length) {
    const ch = lower[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out.push({ kind: "lit", len: 0, text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === "\\") {
      out.push({ kind: "lit", len: 0, text: section[i + 1] ?? "" });
      i += 2;
      continue;
    }
    if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (lower.startsWith("am/pm", i)) {
      out.push({ kind: "ampm", len: 5, text: section.slice(i, i + 5) });
      i += 5;
      continue;
    }
    if (lower.startsWith("a/p", i)) {
      out.push({ kind: "ampm", len: 3, text: section.slice(i, i + 3) });
      i += 3;
      continue;
    }
    if ("ymdhs".includes(ch)) {
      let j = i;
      while (j < section.length && lower[j] === ch) j++;
      out.push({ kind: ch as DateToken["kind"], len: j - i });
      i = j;
      continue;
    }
    if (ch === "." && lower[i + 1] === "0" && out.some((t) => t.kind === "s")) {
      let j = i + 1;
      while (j < section.length && lower[j] === "0") j++;
      out.push({ kind: "frac", len: j - i - 1 });
      i = j;
      continue;
    }
    out.push({ kind: "lit", len: 0, text: section[i]! });
    i++;
  }
  // "m" means minutes right after an hour or right before seconds.
  const idx = out.map((t, k) => ({ t, k })).filter(({ t }) => t.kind !== "lit");
  for (let k = 0; k < idx.length; k++) {
    const { t } = idx[k]!;
    if (t.kind !== "m" || t.len > 2) continue;
    const prev = idx[k - 1]?.t.kind;
    const next = idx[k + 1]?.t.kind;
    if (prev === "h" || next === "s") t.kind = "M";
  }
  return out;
}

function formatDate(serial: number, section: string, locale: string): string {
  const p = serialParts(serial);
  const tokens = tokenizeDate(section);
  const twelve = tokens.some((t) => t.kind === "ampm");
  const zh = locale.startsWith("zh");
  const months = zh ? MONTHS_ZH : MONTHS_EN;
  const days = zh ? DAYS_ZH : DAYS_EN;
  let out = "";
  for (const t of tokens) {
    switch (t.kind) {
      case "lit":
        out += t.text ?? "";
        break;
      case "y":
        out += t.len <= 2 ? String(p.year % 100).padStart(2, "0") : String(p.year);
        break;
      case "m":
        if (t.len === 1) out += String(p.month);
        else if (t.len === 2) out += String(p.month).padStart(2, "0");
        else if (t.len === 3) out += zh ? `${p.month}月` : months[p.month - 1]!.slice(0, 3);
        else if (t.len === 5) out += months[p.month - 1]!.slice(0, 1);
        else out += months[p.month - 1]!;
        break;
      case "d":
        if (t.len === 1) out += String(p.day);
        else if (t.len === 2) out += String(p.day).padStart(2, "0");
        else if (t.len === 3) out += zh ? days[p.weekday]!.replace("星期", "周") : days[p.weekday]!.slice(0, 3);
        else out += days[p.weekday]!;
        break;
      case "h": {
        const h = twelve ? ((p.hour + 11) % 12) + 1 : p.hour;
        out += t.len >= 2 ? String(h).padStart(2, "0") : String(h);
        break;
      }
      case "M":
        out += t.len >= 2 ? String(p.minute).padStart(2, "0") : String(p.minute);
        break;
      case "s":
        out += t.len >= 2 ? String(p.second).padStart(2, "0") : String(p.second);
        break;
      case "frac":
        out += `.${String(p.millis).padStart(3, "0").slice(0, t.len).padEnd(t.len, "0")}`;
        break;
      case "ampm": {
        const am = p.hour < 12;
        const text = t.text ?? "AM/PM";
        if (t.len === 3) out += am ? text[0] : text[2];
        else out += text[0] === "a" ? (am ? "am" : "pm") : am ? "AM" : "PM";
        break;
      }
    }
  }
  return out;
}
