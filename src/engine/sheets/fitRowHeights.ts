import type { ModelCell } from "../port/SheetModel";
import { parseRangeAddress } from "../tables/cellAddress";

const DEFAULT_COLUMN_WIDTH = 8.43;
const DEFAULT_FONT_POINTS = 11;
/** Excel's default row height for 11-point Calibri; a line of text needs about this much. */
const POINTS_PER_LINE_AT_11 = 15;

/**
 * Row heights for the rows whose wrapped text needs more than one line. Excel fits a row to its
 * wrapped text only when it recalculates the row, and never for merged cells; LibreOffice keeps the
 * stored height. So a written sheet states the heights, estimated from the text's length: a column
 * of width w holds about w characters of 11-point text per line.
 */
export function fitRowHeights(
  cells: readonly ModelCell[],
  columnWidths: Readonly<Record<number, number>>,
  merges: readonly string[] = [],
): Record<number, number> {
  // Keyed by row and column as one number: a string key per cell was a large part of an agenda's time.
  const mergedWidth = new Map<number, number>();
  for (const range of merges) {
    const r = parseRangeAddress(range);
    if (!r) continue;
    let width = 0;
    for (let c = r.left; c <= r.right; c++) width += columnWidths[c] ?? DEFAULT_COLUMN_WIDTH;
    mergedWidth.set(cellKey(r.top, r.left), width);
  }
  const heights: Record<number, number> = {};
  for (const cell of cells) {
    if (!cell.style?.wrap || typeof cell.value !== "string" || cell.value === "") continue;
    const width =
      mergedWidth.get(cellKey(cell.row, cell.column)) ?? columnWidths[cell.column] ?? DEFAULT_COLUMN_WIDTH;
    const points = cell.style.size ?? DEFAULT_FONT_POINTS;
    const charsPerLine = Math.max(1, Math.floor((width * DEFAULT_FONT_POINTS) / points) - 1);
    const lines = cell.value.includes("\n")
      ? cell.value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / charsPerLine)), 0)
      : Math.ceil(cell.value.length / charsPerLine);
    if (lines < 2) continue;
    const height = Math.ceil(lines * POINTS_PER_LINE_AT_11 * (points / DEFAULT_FONT_POINTS));
    heights[cell.row] = Math.max(heights[cell.row] ?? 0, height);
  }
  return heights;
}

/** Excel has at most 16,384 columns, so row × 16,384 + column names one cell. */
function cellKey(row: number, column: number): number {
  return row * 16384 + column;
}
