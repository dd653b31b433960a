/**
 * A1 addresses, as every message, link and change set names a cell ("D7", "A1:F1"). Rows and
 * columns are 1-based, as the user sees them.
 */
export interface CellPosition {
  row: number;
  column: number;
}

export interface RangePosition {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The column letters of a 1-based column number: 1 → "A", 27 → "AA". */
export function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "D7" for row 7, column 4. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** The position of an A1 address ("$D$7" allowed), or `undefined` when it is not one. */
export function parseCellAddress(address: string): CellPosition | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d*)$/.exec(address.trim());
  if (!m) return undefined;
  let column = 0;
  for (const ch of (m[1] ?? "").toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/** The corners of an A1 range ("A1:F1"); a single cell is a one-cell range. */
export function parseRangeAddress(range: string): RangePosition | undefined {
  const [first, second] = range.split(":");
  const a = parseCellAddress(first ?? "");
  const b = second === undefined ? a : parseCellAddress(second);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}
