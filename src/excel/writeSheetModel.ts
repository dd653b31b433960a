import { utcDateFromEpochDay } from "../engine/dates/epochDay";
import type { ModelCell, SheetModel } from "../engine/port/SheetModel";
import { resolvedCells } from "../engine/port/modelCells";
import { cellAddress, columnLetters } from "../engine/tables/cellAddress";
import { BYTES_PER_OPERATION, PAYLOAD_BUDGET_BYTES, jsonBytes } from "./excelPayload";
import { formatRanges, type FormatRange } from "./formatRanges";
import type { ExcelWorksheet } from "./OfficeApi";
import { TEXT_FORMAT, needsTextFormat, officeValueOf } from "./officeCellValue";

/** The number format of every date the add-in writes: UK order, whatever the machine's locale. */
export const UK_DATE_FORMAT = "dd/mm/yyyy";

/** What the host can do beyond the add-in's minimum (ExcelApi 1.7); each missing part is a note. */
export interface WriteFeatures {
  gridlines: boolean;
  pageLayout: boolean;
  autoFilter: boolean;
  charts: boolean;
}

/**
 * Queues a sheet model's writes into `sheet`, calling `flush` (one `context.sync()`) whenever the
 * next statement would take the batch past the payload budget, so no request nears Excel on the
 * web's 5 MB limit and the number of syncs grows with the data's size, not with statements.
 *
 * Returns notes for the user on what this host could not do (the data are always written).
 */
export async function writeSheetModel(
  sheet: ExcelWorksheet,
  model: SheetModel,
  features: WriteFeatures,
  flush: () => Promise<void>,
): Promise<string[]> {
  const notes: string[] = [];
  const batch = new PayloadBatch(flush);

  const cells = resolvedCells(model);
  await writeValues(sheet, cells, batch);
  for (const range of formatRanges(cells)) {
    await batch.add(formatBytes(range), () => applyFormat(sheet, range));
  }
  for (const [column, width] of Object.entries(model.columnWidths ?? {})) {
    const letters = columnLetters(Number(column));
    const points = pointsOfCharacters(width);
    await batch.add(BYTES_PER_OPERATION * 2 + jsonBytes(points), () => {
      sheet.getRange(`${letters}:${letters}`).format.columnWidth = points;
    });
  }
  for (const [rows, points] of rowHeightRuns(model.rowHeights ?? {})) {
    await batch.add(BYTES_PER_OPERATION * 2 + jsonBytes(points), () => {
      sheet.getRange(rows).format.rowHeight = points;
    });
  }
  for (const range of model.merges ?? []) {
    await batch.add(BYTES_PER_OPERATION * 2 + range.length, () => sheet.getRange(range).merge(false));
  }
  for (const cell of cells) {
    const link = cell.link;
    if (!link) continue;
    const hyperlink = {
      documentReference: `'${link.sheet.replace(/'/g, "''")}'!${link.cell}`,
      textToDisplay: String(cell.value ?? ""),
    };
    await batch.add(BYTES_PER_OPERATION * 2 + jsonBytes(hyperlink), () => {
      sheet.getRange(cellAddress(cell.row, cell.column)).hyperlink = hyperlink;
    });
  }
  await batch.add(BYTES_PER_OPERATION * 8, () => writeLayout(sheet, model, features, notes));
  if (model.charts && model.charts.length > 0) {
    if (features.charts) {
      for (const chart of model.charts) {
        await batch.add(BYTES_PER_OPERATION * 3 + jsonBytes(chart), () => {
          const drawn = sheet.charts.add(chartType[chart.type], sheet.getRange(chart.dataRange), "Columns");
          drawn.title.text = chart.title;
          drawn.setPosition(chart.anchor.from, chart.anchor.to);
        });
      }
      // Office.js sets an error bar's kind (ChartErrorBars.type) but has no way to give it custom
      // values, so an interval drawn from the sheet's own cells is left to the table beside it.
      if (model.charts.some((chart) => chart.errorBars !== undefined)) {
        notes.push(
          `Excel's add-in interface cannot draw custom error bars, so the charts on “${model.name}” show no 95% intervals: the intervals are in its table.`,
        );
      }
    } else {
      notes.push(
        `This version of Excel cannot draw charts, so “${model.name}” has the data tables without the charts.`,
      );
    }
  }
  await batch.done();
  return notes;
}

const chartType: Record<NonNullable<SheetModel["charts"]>[number]["type"], string> = {
  columnClustered: "ColumnClustered",
  columnStacked: "ColumnStacked",
  barClustered: "BarClustered",
  line: "Line",
  pie: "Pie",
};

/** Statements queued against the budget: a statement that would overflow the batch syncs it first. */
class PayloadBatch {
  // The first batch also carries the statements the caller queued (adding the sheet, hiding it).
  private bytes = BYTES_PER_OPERATION * 8;
  private queued = false;

  constructor(private readonly flush: () => Promise<void>) {}

  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.queued && this.bytes + bytes > PAYLOAD_BUDGET_BYTES) await this.sync();
    queue();
    this.bytes += bytes;
    this.queued = true;
  }

  async done(): Promise<void> {
    if (this.queued) await this.sync();
  }

  private async sync(): Promise<void> {
    await this.flush();
    // The suspension of calculation queued before each sync.
    this.bytes = BYTES_PER_OPERATION;
    this.queued = false;
  }
}

/**
 * The cells as dense rows from column A, from the first row that has a cell (row 1 for a whole
 * sheet; below a log's last row for rows appended to it), values and number formats, written in
 * row blocks that fit the budget. The format goes first: Office.js parses text set through `values`
 * as if typed, so text that Excel would read as a formula, number or date is written into a Text
 * ("@") cell.
 */
async function writeValues(
  sheet: ExcelWorksheet,
  cells: readonly ModelCell[],
  batch: PayloadBatch,
): Promise<void> {
  if (cells.length === 0) return;
  let firstRow = Number.MAX_SAFE_INTEGER;
  let lastRow = 0;
  let lastColumn = 0;
  for (const cell of cells) {
    firstRow = Math.min(firstRow, cell.row);
    lastRow = Math.max(lastRow, cell.row);
    lastColumn = Math.max(lastColumn, cell.column);
  }
  const height = lastRow - firstRow + 1;
  const values: Array<Array<string | number | boolean>> = Array.from({ length: height }, () =>
    new Array<string | number | boolean>(lastColumn).fill(""),
  );
  const formats: string[][] = Array.from({ length: height }, () =>
    new Array<string>(lastColumn).fill("General"),
  );
  for (const cell of cells) {
    const [value, format] = officeCellOf(cell);
    const row = values[cell.row - firstRow];
    const rowFormats = formats[cell.row - firstRow];
    if (row) row[cell.column - 1] = value;
    if (rowFormats) rowFormats[cell.column - 1] = format;
  }
  const lastLetters = columnLetters(lastColumn);
  let top = firstRow;
  let bytes = 0;
  const queueBlock = (bottom: number): void => {
    const range = sheet.getRange(`A${top}:${lastLetters}${bottom}`);
    range.numberFormat = formats.slice(top - firstRow, bottom - firstRow + 1);
    range.values = values.slice(top - firstRow, bottom - firstRow + 1);
  };
  for (let row = firstRow; row <= lastRow; row++) {
    // Each row costs its JSON and the comma that joins it to the next, in both grids.
    const rowBytes = jsonBytes(values[row - firstRow]) + jsonBytes(formats[row - firstRow]) + 2;
    // A block leaves room for the few statements that share its sync (adding the sheet, suspending calculation).
    if (row > top && bytes + rowBytes + BYTES_PER_OPERATION * 16 > PAYLOAD_BUDGET_BYTES) {
      const bottom = row - 1;
      await batch.add(bytes + BYTES_PER_OPERATION * 2, () => queueBlock(bottom));
      top = row;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  await batch.add(bytes + BYTES_PER_OPERATION * 2, () => queueBlock(lastRow));
}

function officeCellOf(cell: ModelCell): [string | number | boolean, string] {
  const { value } = cell;
  const declared = cell.style?.numberFormat;
  if (value !== null && typeof value === "object") {
    return [officeValueOf(utcDateFromEpochDay(value.date)), declared ?? UK_DATE_FORMAT];
  }
  if (typeof value === "string" && needsTextFormat(value)) return [value, TEXT_FORMAT];
  return [officeValueOf(value), declared ?? "General"];
}

const horizontal = { left: "Left", center: "Center", right: "Right" } as const;
const vertical = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
// A border is drawn round every cell of a range by its four edges and the lines between its cells.
const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];

/** What one format range costs in a request: the range, then one statement per property set. */
function formatBytes(range: FormatRange): number {
  const statements = range.property === "border" ? BORDER_EDGES.length : 1;
  return (
    BYTES_PER_OPERATION +
    jsonBytes(range.address) +
    statements * (BYTES_PER_OPERATION + jsonBytes(range.value) + 2)
  );
}

function applyFormat(sheet: ExcelWorksheet, range: FormatRange): void {
  const format = sheet.getRange(range.address).format;
  const { property, value } = range;
  switch (property) {
    case "bold":
      format.font.bold = value === true;
      break;
    case "italic":
      format.font.italic = value === true;
      break;
    case "size":
      format.font.size = Number(value);
      break;
    case "fontColor":
      format.font.color = `#${String(value)}`;
      break;
    case "fill":
      format.fill.color = `#${String(value)}`;
      break;
    case "wrap":
      format.wrapText = value === true;
      break;
    case "horizontal":
      format.horizontalAlignment = horizontal[value as keyof typeof horizontal];
      break;
    case "vertical":
      format.verticalAlignment = vertical[value as keyof typeof vertical];
      break;
    case "border":
      for (const edge of BORDER_EDGES) format.borders.getItem(edge).style = "Continuous";
      break;
  }
}

/** Consecutive rows of the same height as one "5:9" range each. */
function rowHeightRuns(heights: Readonly<Record<number, number>>): Array<[string, number]> {
  const rows = Object.keys(heights)
    .map(Number)
    .sort((a, b) => a - b);
  const runs: Array<[string, number]> = [];
  let first = 0;
  let last = 0;
  for (const row of [...rows, Number.NaN]) {
    const points = heights[row];
    if (first > 0 && row === last + 1 && points === heights[first]) {
      last = row;
      continue;
    }
    const height = heights[first];
    if (first > 0 && height !== undefined) runs.push([`${first}:${last}`, height]);
    first = row;
    last = row;
  }
  return runs;
}

/**
 * Excel measures widths in characters of the default font; Office.js sets `columnWidth` in points.
 * One character of Calibri 11 is 7 pixels plus 5 pixels of padding per column, and a pixel is 3/4 of
 * a point at 96 dpi.
 */
export function pointsOfCharacters(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function writeLayout(
  sheet: ExcelWorksheet,
  model: SheetModel,
  features: WriteFeatures,
  notes: string[],
): void {
  const freeze = model.freeze;
  if (freeze && freeze.rows > 0 && freeze.columns > 0) {
    sheet.freezePanes.freezeAt(sheet.getRange(`A1:${cellAddress(freeze.rows, freeze.columns)}`));
  } else if (freeze && freeze.rows > 0) {
    sheet.freezePanes.freezeRows(freeze.rows);
  } else if (freeze && freeze.columns > 0) {
    sheet.freezePanes.freezeColumns(freeze.columns);
  }
  if (model.tabColor) sheet.tabColor = `#${model.tabColor}`;
  if (model.showGridlines === false) {
    if (features.gridlines) sheet.showGridlines = false;
    else notes.push(`This version of Excel cannot hide gridlines, so “${model.name}” shows them.`);
  }
  const print = model.print;
  if (print) {
    if (features.pageLayout) {
      sheet.pageLayout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
      // One page wide, as many tall as needed: 0 leaves the height automatic, as "Fit to 1 page wide".
      if (print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (print.repeatRows) {
        sheet.pageLayout.setPrintTitleRows(`$${print.repeatRows.first}:$${print.repeatRows.last}`);
      }
    } else {
      notes.push(
        `This version of Excel cannot set print settings, so set “${model.name}” to ${print.orientation} in Page Layout before printing.`,
      );
    }
  }
  if (model.autoFilter) {
    if (features.autoFilter) sheet.autoFilter.apply(sheet.getRange(model.autoFilter));
    else notes.push(`This version of Excel cannot add filters from an add-in, so “${model.name}” has none.`);
  }
}
