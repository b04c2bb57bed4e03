// Emulated Utilities: digests as signed bytes, SimpleDateFormat-style formatDate, UUIDs, base64 and a virtual sleep.
import { createHash, createHmac, randomUUID } from "node:crypto";
import type { UtilitiesPort } from "../../../src/workbook/shared/ports";
import type { CallCounter } from "../counter";
import { MONTHS_EN, validZone, type WallClock, wallClock } from "../zones";
import { type AppsScriptEnum, type ExecutionContext, makeEnum, ServiceError } from "./core";

export const DigestAlgorithm = makeEnum("MD2", "MD5", "SHA_1", "SHA_256", "SHA_384", "SHA_512");
export const Charset = makeEnum("US_ASCII", "UTF_8");
/** Utilities reference: sleep's maximum is 300000 ms (5 minutes). */
export const SLEEP_MAX_MS = 300000;

const NODE_DIGEST: Record<string, string> = {
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};

/** Java's US_ASCII encoder writes '?' for every code point it cannot encode. */
function encode(value: string | number[], charset: string): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => b & 0xff));
  if (charset === "US_ASCII")
    return Buffer.from(Array.from(value, (ch) => (ch.codePointAt(0)! < 128 ? ch : "?")).join(""), "latin1");
  return Buffer.from(value, "utf8");
}

/** Apps Script returns Java bytes: -128..127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

// ---------------------------------------------------------------- time zones

export interface ZonedParts extends WallClock {
  offsetMinutes: number;
}

export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const clock = wallClock(ms, validZone(timeZone));
  const localAsUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  const offsetMinutes = Math.round((localAsUtc - Math.floor(ms / 1000) * 1000) / 60000);
  return { ...clock, offsetMinutes };
}

// ---------------------------------------------------------------- SimpleDateFormat

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? "-" : "+";
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60), 2)}${colon ? ":" : ""}${pad(a % 60, 2)}`;
}

/** Day of the year, 1-based, in the zone's calendar. */
function dayOfYear(p: ZonedParts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1;
}

/** Java's default (US) week rules: weeks start on Sunday, week 1 holds January 1st. */
function weekOfYear(p: ZonedParts): number {
  const jan1 = new Date(Date.UTC(p.year, 0, 1)).getUTCDay(); // 0 = Sunday
  return Math.floor((dayOfYear(p) - 1 + jan1) / 7) + 1;
}

function weekOfMonth(p: ZonedParts): number {
  const first = new Date(Date.UTC(p.year, p.month - 1, 1)).getUTCDay();
  return Math.floor((p.day - 1 + first) / 7) + 1;
}

function zoneName(ms: number, zone: string, long: boolean): string {
  if (zone === "UTC" || zone === "Etc/UTC") return long ? "Coordinated Universal Time" : "UTC";
  const nameIn = (locale: string): string =>
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: long ? "long" : "short" })
      .formatToParts(new Date(ms))
      .find((x) => x.type === "timeZoneName")?.value ?? "GMT";
  // Java's short names include the European ones (CET, CEST, BST) that en-US writes as offsets; en-GB knows them.
  let name = nameIn("en-US");
  if (!long && name.startsWith("GMT")) {
    const gb = nameIn("en-GB");
    if (!gb.startsWith("GMT") || gb === "GMT") name = gb;
  }
  const m = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name);
  if (m) return `GMT${m[1]}${pad(Number(m[2]), 2)}:${m[3] ?? "00"}`;
  return name;
}

/** The java.text.SimpleDateFormat letters Apps Script's formatDate understands, in English. */
export function formatSimpleDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new ServiceError("Invalid argument: date");
  const zone = validZone(timeZone);
  const p = zonedParts(ms, zone);
  const millis = ((ms % 1000) + 1000) % 1000;
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === "'") {
      // '' is a literal quote, inside or outside quoted text.
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new ServiceError(`Invalid argument: format (unterminated quote): ${pattern}`);
        if (pattern.charAt(j) === "'") {
          if (pattern.charAt(j + 1) !== "'") break;
          out += "'";
          j += 2;
          continue;
        }
        out += pattern.charAt(j);
        j++;
      }
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === c) n++;
    i += n;
    const hour12 = p.hour % 12;
    switch (c) {
      case "G":
        out += "AD";
        break;
      case "y":
      case "Y":
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case "M":
      case "L":
        out += n >= 4 ? MONTHS_EN[p.month - 1] : n === 3 ? MONTHS_EN[p.month - 1]!.slice(0, 3) : pad(p.month, n);
        break;
      case "w":
        out += pad(weekOfYear(p), n);
        break;
      case "W":
        out += pad(weekOfMonth(p), n);
        break;
      case "D":
        out += pad(dayOfYear(p), n);
        break;
      case "d":
        out += pad(p.day, n);
        break;
      case "F":
        out += pad(Math.floor((p.day - 1) / 7) + 1, n);
        break;
      case "E":
        out += n >= 4 ? DAYS[p.weekday - 1] : DAYS[p.weekday - 1]!.slice(0, 3);
        break;
      case "u":
        out += pad(p.weekday, n);
        break;
      case "a":
        out += p.hour < 12 ? "AM" : "PM";
        break;
      case "H":
        out += pad(p.hour, n);
        break;
      case "k":
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case "K":
        out += pad(hour12, n);
        break;
      case "h":
        out += pad(hour12 === 0 ? 12 : hour12, n);
        break;
      case "m":
        out += pad(p.minute, n);
        break;
      case "s":
        out += pad(p.second, n);
        break;
      case "S":
        out += pad(millis, n);
        break;
      case "z":
        out += zoneName(ms, zone, n >= 4);
        break;
      case "Z":
        out += offsetText(p.offsetMinutes, false);
        break;
      case "X":
        out +=
          p.offsetMinutes === 0
            ? "Z"
            : n === 1
              ? offsetText(p.offsetMinutes, false).slice(0, 3)
              : offsetText(p.offsetMinutes, n >= 3);
        break;
      default:
        throw new ServiceError(`Invalid argument: format (illegal pattern character '${c}'): ${pattern}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------- the service

export class FakeUtilities implements UtilitiesPort {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly counter: CallCounter,
    private readonly uuid: () => string = randomUUID,
  ) {}

  computeDigest(algorithm: AppsScriptEnum | unknown, value: string | number[], charset?: unknown): number[] {
    this.counter.count("Utilities.computeDigest");
    const algo = NODE_DIGEST[String(algorithm)];
    if (!algo) throw new ServiceError(`Invalid argument: algorithm ${String(algorithm)}`);
    const bytes = encode(value, charset === undefined ? "UTF_8" : String(charset));
    return toSignedBytes(createHash(algo).update(bytes).digest());
  }

  /**
   * Both documented forms: strings (encoded in the charset, UTF-8 when none is given) or byte arrays. The key is
   * encoded the same way as the value.
   */
  computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: unknown): number[] {
    this.counter.count("Utilities.computeHmacSha256Signature");
    if (value === undefined || value === null || key === undefined || key === null) {
      throw new ServiceError("Invalid argument: value or key");
    }
    const cs = charset === undefined ? "UTF_8" : String(charset);
    const mac = createHmac("sha256", encode(key, cs)).update(encode(value, cs)).digest();
    return toSignedBytes(mac);
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    this.counter.count("Utilities.formatDate");
    return formatSimpleDate(date, String(timeZone), String(format));
  }

  getUuid(): string {
    this.counter.count("Utilities.getUuid");
    return this.uuid();
  }

  /** Waits on the virtual clock; the wait counts toward the execution's time limit. */
  sleep(milliseconds: number): void {
    this.counter.count("Utilities.sleep");
    const ms = Number(milliseconds);
    if (!(ms >= 0) || ms > SLEEP_MAX_MS) throw new ServiceError("Invalid argument: milliseconds");
    this.ctx.spend(ms);
  }

  base64Encode(data: string | number[], charset?: unknown): string {
    this.counter.count("Utilities.base64Encode");
    return encode(data, charset === undefined ? "UTF_8" : String(charset)).toString("base64");
  }

  base64EncodeWebSafe(data: string | number[], charset?: unknown): string {
    this.counter.count("Utilities.base64EncodeWebSafe");
    const s = encode(data, charset === undefined ? "UTF_8" : String(charset)).toString("base64");
    return s.replace(/\+/g, "-").replace(/\//g, "_");
  }

  base64Decode(encoded: string): number[] {
    this.counter.count("Utilities.base64Decode");
    return toSignedBytes(Buffer.from(String(encoded), "base64"));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    this.counter.count("Utilities.base64DecodeWebSafe");
    return toSignedBytes(Buffer.from(String(encoded).replace(/-/g, "+").replace(/_/g, "/"), "base64"));
  }
}
