import type { CellStyle, ModelRun, ModelValue } from "../port/SheetModel";
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
 *
 * Reads a model's runs of cells without making a cell of each.
 */
export function fitRowHeights(
  rows: readonly ModelRun[],
  columnWidths: Readonly<Record<number, number>>,
  merges: readonly string[] = [],
): Record<number, number> {
  const heights = rowHeights(columnWidths);
  for (const range of merges) heights.merge(range);
  for (const row of rows) heights.row(row);
  return heights.fitted();
}

/** How a row's styles wrap, by index: characters per line (0: no wrap) and font size in points. */
interface RowLayout {
  column: number;
  charsPerLine: Int32Array;
  points: Float64Array;
}

/**
 * Row heights fitted as a sheet's runs of cells are written, one at a time: a builder that fits
 * each row as it makes it reads the row's text while it is still at hand, rather than going back
 * over a long sheet (an agenda's 40,000 case rows) afterwards. Merged ranges are measured across
 * their columns: add them before their cells.
 */
export interface RowHeights {
  merge(range: string): void;
  /**
   * `wrapping`: when many rows' styles differ only in colour (an agenda's status cells), one styles
   * array that wraps and sizes each cell as they all do, so that they share one layout.
   */
  row(row: ModelRun, wrapping?: readonly (CellStyle | undefined)[]): void;
  /** The heights of the rows that need more than one line, by row. */
  fitted(): Record<number, number>;
}

/* A literal over this function's state, not a class instance (docs/performance.md, "Literals, not classes"). */
export function rowHeights(columnWidths: Readonly<Record<number, number>>): RowHeights {
  /** The tallest height so far by row; 0 where one line will do. */
  let tallest = new Float64Array(64);
  /** Keyed by row and column as one number: a string key per cell was a large part of an agenda's time. */
  const mergedWidth = new Map<number, number>();
  const mergedRows = new Set<number>();
  /*
   * Rows share their styles arrays (an agenda's case rows have a few hundred between them), so how
   * each index wraps is worked out once per array, not once per cell.
   */
  const layouts = new Map<readonly (CellStyle | undefined)[], RowLayout>();

  const raise = (row: number, height: number): void => {
    if (row >= tallest.length) {
      let length = tallest.length * 2;
      while (row >= length) length *= 2;
      const grown = new Float64Array(length);
      grown.set(tallest);
      tallest = grown;
    }
    if (height > (tallest[row] as number)) tallest[row] = height;
  };

  const fitCell = (row: number, column: number, value: ModelValue, style: CellStyle | undefined): void => {
    if (!style?.wrap || typeof value !== "string" || value === "") return;
    const width = mergedWidth.get(cellKey(row, column)) ?? columnWidths[column] ?? DEFAULT_COLUMN_WIDTH;
    const points = style.size ?? DEFAULT_FONT_POINTS;
    const height = heightOf(linesOf(value, charsPerLineOf(width, points)), points);
    if (height > 0) raise(row, height);
  };

  const layoutOf = (styles: readonly (CellStyle | undefined)[], column: number): RowLayout => {
    let layout = layouts.get(styles);
    if (layout === undefined || layout.column !== column) {
      layout = {
        column,
        charsPerLine: new Int32Array(styles.length),
        points: new Float64Array(styles.length),
      };
      for (let i = 0; i < styles.length; i++) {
        const style = styles[i];
        if (!style?.wrap) continue;
        const points = style.size ?? DEFAULT_FONT_POINTS;
        layout.points[i] = points;
        layout.charsPerLine[i] = charsPerLineOf(columnWidths[column + i] ?? DEFAULT_COLUMN_WIDTH, points);
      }
      layouts.set(styles, layout);
    }
    return layout;
  };

  return {
    merge(range) {
      const r = parseRangeAddress(range);
      if (!r) return;
      let width = 0;
      for (let c = r.left; c <= r.right; c++) width += columnWidths[c] ?? DEFAULT_COLUMN_WIDTH;
      mergedWidth.set(cellKey(r.top, r.left), width);
      mergedRows.add(r.top);
    },

    row(row, wrapping = row.styles) {
      const { values, styles } = row;
      if (styles === undefined || wrapping === undefined) return;
      if (mergedRows.has(row.row)) {
        for (let i = 0; i < values.length; i++)
          fitCell(row.row, row.column + i, values[i] as ModelValue, styles[i]);
        return;
      }
      const { charsPerLine, points } = layoutOf(wrapping, row.column);
      let rowTallest = 0;
      for (let i = 0; i < values.length; i++) {
        const chars = charsPerLine[i];
        if (chars === undefined || chars === 0) continue;
        const value = values[i];
        // Text no longer than a line and with no line break is one line: most cells, found in one pass.
        if (typeof value !== "string") continue;
        const length = value.length;
        if (length === 0 || (length <= chars && !value.includes("\n"))) continue;
        const height = heightOf(linesOf(value, chars), points[i] as number);
        if (height > rowTallest) rowTallest = height;
      }
      if (rowTallest > 0) raise(row.row, rowTallest);
    },

    fitted() {
      const heights: Record<number, number> = {};
      for (let row = 0; row < tallest.length; row++) {
        const height = tallest[row] as number;
        if (height > 0) heights[row] = height;
      }
      return heights;
    },
  };
}

/** The points a row needs for this many lines of text; 0 for one line, which needs no height. */
function heightOf(lines: number, points: number): number {
  return lines < 2 ? 0 : Math.ceil(lines * POINTS_PER_LINE_AT_11 * (points / DEFAULT_FONT_POINTS));
}

/** A column of width w holds about w characters of 11-point text per line, less one for margins. */
function charsPerLineOf(width: number, points: number): number {
  return Math.max(1, Math.floor((width * DEFAULT_FONT_POINTS) / points) - 1);
}

/** Wrapped lines of the text: each line break starts a line, and each part wraps on its own. */
function linesOf(text: string, charsPerLine: number): number {
  let lines = 0;
  let start = 0;
  for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
    lines += Math.max(1, Math.ceil((end - start) / charsPerLine));
    start = end + 1;
  }
  const last = Math.ceil((text.length - start) / charsPerLine);
  return start === 0 ? last : lines + Math.max(1, last);
}

/** Excel has at most 16,384 columns, so row × 16,384 + column names one cell. */
function cellKey(row: number, column: number): number {
  return row * 16384 + column;
}
