import { EXCEL_SERIAL_OF_EPOCH } from "../engine/dates/epochDay";
import { cellsOfRun, checkRunOnSheet } from "../engine/port/modelCells";
import type { CellStyle, ModelLink, ModelRun, ModelValue, SheetModel } from "../engine/port/SheetModel";
import { cellAddress, columnLetters } from "../engine/tables/cellAddress";
import type { StyleSheet } from "./styleSheet";
import { argb } from "./styleSheet";
import { escapeCellText, escapeXml } from "./xmlText";

/*
 * A sheet model written as a worksheet part, row after row, straight from the model's runs of cells:
 * no object is made per cell, and the XML goes out a row at a time to be deflated as it comes, so a
 * summary trace of millions of cells is never one string.
 *
 * Text is written as inline strings (t="inlineStr"): always text, never a formula, however it starts
 * ("=cmd|..." stays text). Links are HYPERLINK formulas to a cell of the workbook, as before.
 */

export interface WorksheetWriting {
  styles: StyleSheet;
  /** Dates count from 1904 in this workbook. */
  date1904: boolean;
  /** The relationship id of the sheet's drawing, when charts are drawn on it. */
  drawingRelationshipId?: string;
}

const MAIN_NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * Excel's limit on a text literal inside a formula: a link whose text is longer is written as plain
 * text rather than as a HYPERLINK formula Excel would refuse to open.
 */
const MAX_FORMULA_TEXT = 255;

/** Excel's paper size codes (ECMA-376 part 1, 18.3.1.63): 8 is A3, 9 is A4. */
const PAPER_SIZE = { A3: 8, A4: 9 } as const;

export function* worksheetXml(
  model: SheetModel,
  writing: WorksheetWriting,
): Generator<string, void, undefined> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  yield `<worksheet xmlns="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">`;
  yield sheetProperties(model);
  yield `<dimension ref="${usedRange(model)}"/>`;
  yield sheetViews(model);
  yield '<sheetFormatPr defaultRowHeight="15"/>';
  yield columns(model);
  yield "<sheetData>";
  yield* new RowWriter(model, writing).rows();
  yield "</sheetData>";
  if (model.autoFilter) yield `<autoFilter ref="${escapeXml(model.autoFilter)}"/>`;
  const merges = model.merges ?? [];
  if (merges.length > 0) {
    yield `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${escapeXml(m)}"/>`).join("")}</mergeCells>`;
  }
  yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (model.print) {
    const print = model.print;
    // fitToHeight 0 lets the pages run on: one page wide, as many long as needed.
    const fit = print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : "";
    yield `<pageSetup paperSize="${PAPER_SIZE[print.paperSize ?? "A4"]}" orientation="${print.orientation}"${fit}/>`;
  }
  if (writing.drawingRelationshipId !== undefined) yield `<drawing r:id="${writing.drawingRelationshipId}"/>`;
  yield "</worksheet>";
}

function sheetProperties(model: SheetModel): string {
  const tab = model.tabColor ? `<tabColor rgb="${argb(model.tabColor)}"/>` : "";
  const fit = model.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "";
  return tab || fit ? `<sheetPr>${tab}${fit}</sheetPr>` : "";
}

function sheetViews(model: SheetModel): string {
  const gridlines = model.showGridlines === false ? ' showGridLines="0"' : "";
  const rows = model.freeze?.rows ?? 0;
  const cols = model.freeze?.columns ?? 0;
  let pane = "";
  if (rows > 0 || cols > 0) {
    const active = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
    const split = `${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
    const topLeft = cellAddress(rows + 1, cols + 1);
    pane = `<pane${split} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/><selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  }
  return `<sheetViews><sheetView workbookViewId="0"${gridlines}>${pane}</sheetView></sheetViews>`;
}

function columns(model: SheetModel): string {
  const widths = Object.entries(model.columnWidths ?? {})
    .map(([column, width]) => [Number(column), width] as const)
    .filter(([column, width]) => Number.isInteger(column) && column > 0 && Number.isFinite(width))
    .sort((a, b) => a[0] - b[0]);
  if (widths.length === 0) return "";
  return `<cols>${widths.map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`).join("")}</cols>`;
}

/** The range the model's cells cover, as the <dimension> element gives it ("A1" when empty). */
function usedRange(model: SheetModel): string {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const cover = (row: number, column: number, lastRow: number, lastColumn: number): void => {
    top = Math.min(top, row);
    left = Math.min(left, column);
    bottom = Math.max(bottom, lastRow);
    right = Math.max(right, lastColumn);
  };
  for (const run of model.runs)
    if (run.values.length > 0) cover(run.row, run.column, run.row, run.column + run.values.length - 1);
  if (bottom === 0) return "A1";
  const from = cellAddress(top, left);
  const to = cellAddress(bottom, right);
  return from === to ? from : `${from}:${to}`;
}

/**
 * Walks the model's runs row by row, as Excel wants them: each row once, its cells left to right. A
 * row's runs are written one after another in column order when they do not overlap (the usual
 * case); runs that overlap are gathered cell by cell, and where two write one cell the later run
 * wins, as writing them in turn would.
 */
class RowWriter {
  private readonly runs: readonly ModelRun[];
  private readonly heights: [number, number][];
  private readonly letters: string[] = [];
  private readonly formats = new Map<CellStyle | undefined, [number | undefined, number | undefined]>();

  constructor(
    model: SheetModel,
    private readonly writing: WorksheetWriting,
  ) {
    model.runs.forEach(checkRunOnSheet);
    // By row alone, and stable: a row's runs keep the model's order, which decides which wins a cell.
    this.runs = sortedBy(model.runs, (a, b) => a.row - b.row);
    this.heights = Object.entries(model.rowHeights ?? {})
      .map(([row, height]) => [Number(row), height] as [number, number])
      .filter(([row, height]) => Number.isInteger(row) && row > 0 && Number.isFinite(height))
      .sort((a, b) => a[0] - b[0]);
  }

  *rows(): Generator<string, void, undefined> {
    let runAt = 0;
    let heightAt = 0;
    for (;;) {
      const run = this.runs[runAt];
      const height = this.heights[heightAt];
      if (run === undefined && height === undefined) return;
      const row = Math.min(run?.row ?? Infinity, height?.[0] ?? Infinity);
      const from = runAt;
      while (this.runs[runAt]?.row === row) runAt++;
      let ht: number | undefined;
      while (this.heights[heightAt]?.[0] === row) ht = this.heights[heightAt++]?.[1];

      const open = ht === undefined ? `<row r="${row}">` : `<row r="${row}" ht="${ht}" customHeight="1">`;
      const parts: string[] = [open];
      const only = this.runs[from];
      if (runAt - from === 1 && only) this.writeRun(parts, only);
      else if (runAt - from > 1) this.writeRuns(parts, row, this.runs.slice(from, runAt));
      parts.push("</row>");
      if (parts.length > 2 || ht !== undefined) yield parts.join("");
    }
  }

  /** Several runs of one row, in the model's order. */
  private writeRuns(parts: string[], row: number, runs: readonly ModelRun[]): void {
    const leftToRight = [...runs].sort((a, b) => a.column - b.column);
    const overlap = leftToRight.some((run, i) => {
      const before = leftToRight[i - 1];
      return before !== undefined && run.column < before.column + before.values.length;
    });
    if (!overlap) {
      for (const run of leftToRight) this.writeRun(parts, run);
      return;
    }
    // A stable sort keeps the runs' order within a column: the last one written wins.
    const cells = runs.flatMap((run) => [...cellsOfRun(run)]).sort((a, b) => a.column - b.column);
    cells.forEach((cell, i) => {
      if (cells[i + 1]?.column !== cell.column)
        this.writeModelValue(parts, row, cell.column, cell.value, cell.style, cell.link);
    });
  }

  private writeRun(parts: string[], run: ModelRun): void {
    const { values, styles, link: runLink } = run;
    for (let k = 0; k < values.length; k++) {
      const column = run.column + k;
      const link = runLink?.column === column ? runLink : undefined;
      this.writeModelValue(parts, run.row, column, values[k] ?? null, styles?.[k], link);
    }
  }

  private writeModelValue(
    parts: string[],
    row: number,
    column: number,
    value: ModelValue,
    style: CellStyle | undefined,
    link: ModelLink | undefined,
  ): void {
    if (value !== null && typeof value === "object")
      this.writeCell(parts, row, column, value.date, true, style, link);
    else this.writeCell(parts, row, column, value, false, style, link);
  }

  private writeCell(
    parts: string[],
    row: number,
    column: number,
    value: string | number | boolean | null,
    date: boolean,
    style: CellStyle | undefined,
    link: ModelLink | undefined,
  ): void {
    const format = this.format(style, date);
    if (value === null && format === 0) return;
    const s = format === 0 ? "" : ` s="${format}"`;
    const r = `${this.columnLetters(column)}${row}`;
    if (value === null) {
      parts.push(`<c r="${r}"${s}/>`);
    } else if (typeof value === "string") {
      if (link && value.length <= MAX_FORMULA_TEXT) {
        // exceljs wrote "#Sheet!A1" hyperlinks that Excel showed as broken (exceljs issue #3027);
        // Excel's own HYPERLINK function always works, and its cached result is the text.
        const formula = escapeCellText(hyperlinkFormula(link, value));
        parts.push(`<c r="${r}"${s} t="str"><f>${formula}</f><v>${escapeCellText(value)}</v></c>`);
      } else {
        parts.push(`<c r="${r}"${s} t="inlineStr"><is>${textElement(value)}</is></c>`);
      }
    } else if (typeof value === "number") {
      if (!Number.isFinite(value)) {
        parts.push(`<c r="${r}"${s} t="e"><v>#NUM!</v></c>`);
        return;
      }
      const serial = date ? value + EXCEL_SERIAL_OF_EPOCH - (this.writing.date1904 ? 1462 : 0) : value;
      // A linked number (the Summary data's tracker row) stays a number: HYPERLINK returns it as one.
      const formula = link && !date ? `<f>${escapeCellText(hyperlinkFormula(link, serial))}</f>` : "";
      parts.push(`<c r="${r}"${s}>${formula}<v>${serial}</v></c>`);
    } else {
      parts.push(`<c r="${r}"${s} t="b"><v>${value ? 1 : 0}</v></c>`);
    }
  }

  private format(style: CellStyle | undefined, date: boolean): number {
    let known = this.formats.get(style);
    if (!known) {
      known = [undefined, undefined];
      this.formats.set(style, known);
    }
    const slot = date ? 1 : 0;
    const cached = known[slot];
    if (cached !== undefined) return cached;
    const format = this.writing.styles.cellFormat(style, date);
    known[slot] = format;
    return format;
  }

  private columnLetters(column: number): string {
    let letters = this.letters[column];
    if (letters === undefined) {
      letters = columnLetters(column);
      this.letters[column] = letters;
    }
    return letters;
  }
}

/** `<t>`, keeping leading and trailing spaces and line breaks, which Excel would otherwise trim. */
function textElement(text: string): string {
  const preserve = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<t${preserve}>${escapeCellText(text)}</t>`;
}

export function hyperlinkFormula(link: { sheet: string; cell: string }, shown: string | number): string {
  const sheet = link.sheet.replace(/'/g, "''");
  const target = `#'${sheet}'!${link.cell}`.replace(/"/g, '""');
  const friendly = typeof shown === "number" ? String(shown) : `"${shown.replace(/"/g, '""')}"`;
  return `HYPERLINK("${target}",${friendly})`;
}

/** The array itself when already in order (the usual case), else a sorted copy. */
function sortedBy<T>(items: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < items.length; i++) {
    if (compare(items[i - 1] as T, items[i] as T) > 0) return [...items].sort(compare);
  }
  return items;
}
