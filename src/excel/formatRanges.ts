import type { CellStyle, ModelCell } from "../engine/port/SheetModel";
import { cellAddress } from "../engine/tables/cellAddress";

/** A style property the port sets through `range.format` (the number format goes with the values). */
export type FormatProperty = Exclude<keyof CellStyle, "numberFormat">;

/** One format property set to one value over one rectangle of cells. */
export interface FormatRange {
  /** "B5:H40", or "B5" for one cell. */
  address: string;
  property: FormatProperty;
  value: NonNullable<CellStyle[FormatProperty]>;
}

const PROPERTIES: readonly FormatProperty[] = [
  "bold",
  "italic",
  "size",
  "fontColor",
  "fill",
  "wrap",
  "horizontal",
  "vertical",
  "border",
];

interface Rectangle {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The model's cell styles as few rectangles as possible, one format property at a time. Office.js
 * sets each format property of a range in its own statement, so setting every cell's style on its
 * own sent a dozen statements per cell: the 1,000-row joint tracking agenda's request was 6.2 MB,
 * over Excel's 5 MB limit. Format properties are independent in Excel (a fill does not touch the
 * font), so each property/value pair can be set on its own rectangles: the agenda's body shares
 * borders, top alignment and wrapping, which become one range per column block instead of one per
 * cell, and only the status colours vary from row to row.
 *
 * Each cell is covered at most once per property, so the order the ranges are applied in does not
 * matter. Rectangles are rows' runs of adjacent cells stacked while consecutive rows have the same
 * run; that is not the fewest rectangles possible, but tables are laid out in columns, which it finds.
 */
export function formatRanges(cells: readonly ModelCell[]): FormatRange[] {
  const groups = new Map<
    string,
    { property: FormatProperty; value: FormatRange["value"]; cells: ModelCell[] }
  >();
  for (const cell of cells) {
    const style = cell.style;
    if (!style) continue;
    for (const property of PROPERTIES) {
      const value = style[property];
      // `false`, 0 and "" are Excel's defaults on a new sheet: nothing to set.
      if (value === undefined || value === false || value === 0 || value === "") continue;
      const key = `${property}=${String(value)}`;
      let group = groups.get(key);
      if (!group) {
        group = { property, value, cells: [] };
        groups.set(key, group);
      }
      group.cells.push(cell);
    }
  }
  const ranges: FormatRange[] = [];
  for (const { property, value, cells: members } of groups.values()) {
    for (const r of rectanglesOf(members)) {
      const from = cellAddress(r.top, r.left);
      const address =
        r.top === r.bottom && r.left === r.right ? from : `${from}:${cellAddress(r.bottom, r.right)}`;
      ranges.push({ address, property, value });
    }
  }
  return ranges;
}

/** Covers the cells with rectangles: each row's runs, stacked down while the run is the same. */
function rectanglesOf(cells: readonly ModelCell[]): Rectangle[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const done: Rectangle[] = [];
  let open = new Map<string, Rectangle>();
  let index = 0;
  while (index < sorted.length) {
    const row = (sorted[index] as ModelCell).row;
    const runs: Array<[number, number]> = [];
    for (; index < sorted.length && (sorted[index] as ModelCell).row === row; index++) {
      const column = (sorted[index] as ModelCell).column;
      const last = runs[runs.length - 1];
      if (last && column === last[1]) continue; // the same cell given twice
      if (last && column === last[1] + 1) last[1] = column;
      else runs.push([column, column]);
    }
    const next = new Map<string, Rectangle>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      const above = open.get(key);
      if (above && above.bottom === row - 1) {
        above.bottom = row;
        next.set(key, above);
        open.delete(key);
      } else next.set(key, { top: row, bottom: row, left, right });
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done;
}
