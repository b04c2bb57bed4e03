// A sparse 2-D store (0-based) for one kind of per-cell data, with the row/column surgery Sheets performs.
export class Grid<T> {
  rows: (T | undefined)[][] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(r: number, c: number): T | undefined {
    return this.rows[r]?.[c];
  }

  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (v === undefined) {
      if (row === undefined || row[c] === undefined) return;
      row[c] = undefined;
      this.count--;
      return;
    }
    if (row === undefined) {
      row = [];
      this.rows[r] = row;
    }
    if (row[c] === undefined) this.count++;
    row[c] = v;
  }

  /** 1 + the index of the last row holding anything, 0 when empty. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row?.some((v) => v !== undefined)) return r + 1;
    }
    return 0;
  }

  lastCol(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  /** 1 + the last column holding anything in row r. */
  lastColInRow(r: number): number {
    const row = this.rows[r];
    if (!row) return 0;
    for (let c = row.length - 1; c >= 0; c--) if (row[c] !== undefined) return c + 1;
    return 0;
  }

  forEach(fn: (r: number, c: number, v: T) => void): void {
    this.rows.forEach((row, r) => {
      row?.forEach((v, c) => {
        if (v !== undefined) fn(r, c, v);
      });
    });
  }

  clearRect(r: number, c: number, nr: number, nc: number): void {
    const endR = Math.min(r + nr, this.rows.length);
    for (let i = r; i < endR; i++) {
      const row = this.rows[i];
      if (!row) continue;
      const endC = Math.min(c + nc, row.length);
      for (let j = c; j < endC; j++) {
        if (row[j] !== undefined) {
          row[j] = undefined;
          this.count--;
        }
      }
    }
  }

  private recount(): void {
    let n = 0;
    for (const row of this.rows) if (row) n += filled(row);
    this.count = n;
  }

  // Row and column surgery adjusts the count by what it adds or removes: recounting the whole grid on every
  // inserted row made appending row by row quadratic.
  insertRows(at: number, n: number, copyFrom?: number): void {
    if (at > this.rows.length) return;
    const src = copyFrom !== undefined ? this.rows[copyFrom] : undefined;
    const fresh: (T | undefined)[][] = [];
    for (let i = 0; i < n; i++) fresh.push(src ? [...src] : []);
    this.rows.splice(at, 0, ...fresh);
    if (src) this.count += n * filled(src);
  }

  deleteRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    for (const row of this.rows.splice(at, n)) if (row) this.count -= filled(row);
  }

  insertCols(at: number, n: number, copyFrom?: number): void {
    for (const row of this.rows) {
      if (!row || row.length < at) continue;
      const v = copyFrom !== undefined ? row[copyFrom] : undefined;
      row.splice(at, 0, ...new Array<T | undefined>(n).fill(v));
      if (v !== undefined) this.count += n;
    }
  }

  deleteCols(at: number, n: number): void {
    for (const row of this.rows) if (row && row.length > at) this.count -= filled(row.splice(at, n));
  }

  /** Applies a column permutation: order[newIndex] = oldIndex. */
  permuteCols(order: number[]): void {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const next: (T | undefined)[] = [];
      for (let c = 0; c < order.length; c++) next[c] = row[order[c]!];
      for (let c = order.length; c < row.length; c++) next[c] = row[c];
      this.rows[r] = next;
    }
  }

  /** Applies a row permutation within [start, start + order.length): order[i] = old row index. */
  permuteRows(start: number, order: number[], colStart = 0, colCount = Number.POSITIVE_INFINITY): void {
    const snapshot = order.map((old) => (this.rows[old] ? [...this.rows[old]] : undefined));
    for (let i = 0; i < order.length; i++) {
      const target = start + i;
      const src = snapshot[i];
      if (colStart === 0 && colCount === Number.POSITIVE_INFINITY) {
        this.rows[target] = src ? [...src] : [];
        continue;
      }
      let row = this.rows[target];
      if (!row) {
        row = [];
        this.rows[target] = row;
      }
      const end = Math.min(colStart + colCount, Math.max(row.length, src?.length ?? 0));
      for (let c = colStart; c < end; c++) row[c] = src?.[c];
    }
    this.recount();
  }

  /** Snapshot of the cells in a row range, for row permutations limited to some columns. */
  cloneRows(start: number, n: number): (T | undefined)[][] {
    const out: (T | undefined)[][] = [];
    for (let i = 0; i < n; i++) out.push([...(this.rows[start + i] ?? [])]);
    return out;
  }
}

function filled<T>(row: readonly (T | undefined)[]): number {
  let n = 0;
  for (const v of row) if (v !== undefined) n++;
  return n;
}
