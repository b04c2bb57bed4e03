// Exact decimal arithmetic for amounts: a number as the spreadsheet shows it (its shortest decimal form) becomes a
// scaled BigInt, so 0.3 - 0.1 is 0.2 and not 0.19999999999999998 as with floats.

/** The value `units / 10^scale`, exactly. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * The decimal a finite number stands for. `String(n)` is the shortest text that reads back as the same double,
 * which is what a user typed or Sheets displays, so that is the value we compute with.
 */
export function decimalFromNumber(n: number): Decimal {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return parseDecimal(String(n));
}

/** Parses plain or exponent notation ("-12.50", "1.5e-7", "1e+21"). */
export function parseDecimal(text: string): Decimal {
  const m = NUMBER_TEXT.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal number: ${text}`);
  const [, sign = "", whole = "0", fraction = "", exponent = "0"] = m;
  let scale = fraction.length - Number(exponent);
  let units = BigInt(`${sign}${whole}${fraction}`);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return normalize({ units, scale });
}

/** Drops trailing zeros of the fraction, so equal values have one form. */
function normalize(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

function rescale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return normalize({ units: rescale(a, scale) + rescale(b, scale), scale });
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return normalize({ units: rescale(a, scale) - rescale(b, scale), scale });
}

/** Plain decimal text without exponent, e.g. "-0.25" or "1000000000000000000000". */
export function toDecimalString(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString();
  if (d.scale === 0) return `${negative ? "-" : ""}${digits}`;
  const padded = digits.padStart(d.scale + 1, "0");
  const whole = padded.slice(0, padded.length - d.scale);
  const fraction = padded.slice(padded.length - d.scale);
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** The double nearest to the exact value: what a cell can hold. */
export function toNumber(d: Decimal): number {
  const n = Number(toDecimalString(d));
  return n === 0 ? 0 : n; // never -0: a sheet would show it as 0 anyway, and tests compare with 0
}
