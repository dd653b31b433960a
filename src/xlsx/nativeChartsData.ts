import { formatUkDate } from "../engine/dates/epochDay";
import type { ChartModel, ModelCell, SheetModel } from "../engine/port/SheetModel";
import { modelCellsOf } from "../engine/port/modelCells";
import { columnLetters, parseRangeAddress } from "../engine/tables/cellAddress";

/** A range of the chart's own sheet as a chart formula writes it: 'Summary 2025-03'!$P$5:$P$16. */
export interface ChartReference {
  formula: string;
}

export interface ChartSeries {
  /** The series name: the header cell above its column. */
  name: { formula: string; text: string };
  values: ChartReference & {
    /** One per category; null where the cell is blank or not a number (a gap in the chart). */
    points: (number | null)[];
    /** The number format of the column's cells ("0%"), so the cache and axis show what the sheet shows. */
    formatCode: string;
  };
}

/** What one ChartModel plots, read from its sheet model: categories down the first column, series across. */
export interface ChartData {
  categories: ChartReference & { labels: string[] };
  series: ChartSeries[];
  /** The first series' error bars, when the chart has them: one distance per category each way. */
  errorBars?: { plus: ChartErrorValues; minus: ChartErrorValues };
}

export interface ChartErrorValues extends ChartReference {
  points: (number | null)[];
}

export type ChartDataResult = { ok: true; data: ChartData } | { ok: false; reason: string };

/**
 * The data a chart plots, laid out as buildSummarySheet writes each block: a header row (the first
 * cell names the categories, the others name the series), then one row per category with its label
 * in the first column and one number per series. The values are also cached in the chart part, so a
 * viewer that does not recalculate (a previewer, LibreOffice on open) still draws them.
 */
export function chartDataOf(sheet: SheetModel, chart: ChartModel): ChartDataResult {
  const range = parseRangeAddress(chart.dataRange);
  if (!range) return { ok: false, reason: `its data range “${chart.dataRange}” is not an A1 range` };
  if (range.right <= range.left)
    return { ok: false, reason: `its data range ${chart.dataRange} has no column of values` };
  if (range.bottom <= range.top)
    return { ok: false, reason: `its data range ${chart.dataRange} has a header but no rows to plot` };
  const cells = new Map<string, ModelCell>();
  for (const cell of modelCellsOf(sheet)) cells.set(`${cell.row}:${cell.column}`, cell);
  const at = (row: number, column: number): ModelCell | undefined => cells.get(`${row}:${column}`);
  const reference = (top: number, left: number, bottom: number, right: number): string => {
    const from = `$${columnLetters(left)}$${top}`;
    const to = `$${columnLetters(right)}$${bottom}`;
    return `${quotedSheetName(sheet.name)}!${from === to ? from : `${from}:${to}`}`;
  };

  const firstRow = range.top + 1;
  const labels: string[] = [];
  for (let row = firstRow; row <= range.bottom; row += 1) labels.push(labelOf(at(row, range.left)));
  const series: ChartSeries[] = [];
  for (let column = range.left + 1; column <= range.right; column += 1) {
    const points: (number | null)[] = [];
    for (let row = firstRow; row <= range.bottom; row += 1) {
      const value = at(row, column)?.value;
      points.push(typeof value === "number" && Number.isFinite(value) ? value : null);
    }
    series.push({
      name: {
        formula: reference(range.top, column, range.top, column),
        text: labelOf(at(range.top, column)),
      },
      values: {
        formula: reference(firstRow, column, range.bottom, column),
        points,
        formatCode: at(firstRow, column)?.style?.numberFormat ?? "General",
      },
    });
  }
  const categories = { formula: reference(firstRow, range.left, range.bottom, range.left), labels };
  if (chart.errorBars === undefined) return { ok: true, data: { categories, series } };
  const errorValues = (address: string): ChartErrorValues | undefined => {
    const bars = parseRangeAddress(address);
    if (!bars || bars.left !== bars.right || bars.bottom - bars.top !== range.bottom - firstRow)
      return undefined;
    const points: (number | null)[] = [];
    for (let row = bars.top; row <= bars.bottom; row += 1) {
      const value = at(row, bars.left)?.value;
      points.push(typeof value === "number" && Number.isFinite(value) ? value : null);
    }
    return { formula: reference(bars.top, bars.left, bars.bottom, bars.left), points };
  };
  const plus = errorValues(chart.errorBars.plus);
  const minus = errorValues(chart.errorBars.minus);
  if (!plus || !minus) {
    return {
      ok: false,
      reason: `its error bars ${chart.errorBars.minus} and ${chart.errorBars.plus} are not one column each, a cell per category`,
    };
  }
  return { ok: true, data: { categories, series, errorBars: { plus, minus } } };
}

/** A sheet name as a formula needs it: always quoted, an apostrophe doubled. */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function labelOf(cell: ModelCell | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return formatUkDate(value.date);
  return String(value);
}
