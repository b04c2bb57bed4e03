// A1 notation as Apps Script reads and writes it: cells, ranges, whole and open-ended columns/rows, sheet prefixes.

export function columnToLetters(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A parsed reference. `endRow`/`endColumn` are null when the range is open in that direction
 * ("B:B" and "B2:B" have no end row; "2:2" has no end column).
 */
export interface A1Ref {
  sheetName: string | null;
  startRow: number;
  startColumn: number;
  endRow: number | null;
  endColumn: number | null;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** Splits "Sheet1!A1:B2" and "'My Sheet'!A1" into sheet name and range part. */
export function splitSheet(a1: string): { sheetName: string | null; rest: string } {
  const text = a1.trim();
  if (text.startsWith("'")) {
    // Quoted sheet names escape a quote by doubling it.
    let i = 1;
    let name = "";
    while (i < text.length) {
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (text[i + 1] !== "!") return { sheetName: null, rest: text };
    return { sheetName: name, rest: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheetName: null, rest: text };
  return { sheetName: text.slice(0, bang), rest: text.slice(bang + 1) };
}

/** Parses A1 notation; returns null when it is not a valid reference. */
export function parseA1(a1: string): A1Ref | null {
  const { sheetName, rest } = splitSheet(a1);
  const parts = rest.split(":");
  if (parts.length > 2 || parts[0] === undefined) return null;
  const [a, b] = parts;
  if (b === undefined) {
    const m = CELL.exec(a);
    if (!m) return null;
    const row = Number(m[2]);
    const col = lettersToColumn(m[1]!);
    if (row < 1) return null;
    return { sheetName, startRow: row, startColumn: col, endRow: row, endColumn: col };
  }
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]);
    const r2 = Number(cb[2]);
    const c1 = lettersToColumn(ca[1]!);
    const c2 = lettersToColumn(cb[1]!);
    if (r1 < 1 || r2 < 1) return null;
    return {
      sheetName,
      startRow: Math.min(r1, r2),
      endRow: Math.max(r1, r2),
      startColumn: Math.min(c1, c2),
      endColumn: Math.max(c1, c2),
    };
  }
  const colA = COL.exec(a);
  const colB = COL.exec(b);
  if (colA && colB) {
    const c1 = lettersToColumn(colA[1]!);
    const c2 = lettersToColumn(colB[1]!);
    return { sheetName, startRow: 1, endRow: null, startColumn: Math.min(c1, c2), endColumn: Math.max(c1, c2) };
  }
  if (ca && colB) {
    // "B2:B" and "B2:D": open-ended downwards.
    const c1 = lettersToColumn(ca[1]!);
    const c2 = lettersToColumn(colB[1]!);
    return {
      sheetName,
      startRow: Number(ca[2]),
      endRow: null,
      startColumn: Math.min(c1, c2),
      endColumn: Math.max(c1, c2),
    };
  }
  const rowA = ROW.exec(a);
  const rowB = ROW.exec(b);
  if (rowA && rowB) {
    const r1 = Number(rowA[1]);
    const r2 = Number(rowB[1]);
    if (r1 < 1 || r2 < 1) return null;
    return { sheetName, startRow: Math.min(r1, r2), endRow: Math.max(r1, r2), startColumn: 1, endColumn: null };
  }
  if (ca && rowB) {
    // "B2:2": open-ended to the right.
    const r2 = Number(rowB[1]);
    return { sheetName, startRow: Number(ca[2]), endRow: r2, startColumn: lettersToColumn(ca[1]!), endColumn: null };
  }
  return null;
}

export function cellA1(row: number, column: number): string {
  return `${columnToLetters(column)}${row}`;
}

/** Quotes a sheet name for use in a reference when Sheets would. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}
