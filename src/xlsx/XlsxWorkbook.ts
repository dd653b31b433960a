import ExcelJS from "exceljs";
import { readFile, writeFile } from "node:fs/promises";
import type { CellValue } from "../engine/cells/CellValue";
import { utcDateFromEpochDay } from "../engine/dates/epochDay";
import type { ApplyReport, ChangeSet } from "../engine/port/ChangeSet";
import { skipReason } from "../engine/port/MemoryWorkbook";
import type { CellStyle, ModelCell, SheetModel } from "../engine/port/SheetModel";
import { modelCellsOf } from "../engine/port/modelCells";
import type { SheetInfo, SheetSnapshot, WorkbookPort } from "../engine/port/WorkbookPort";
import {
  statusColumnsRefused,
  statusColumnsWritten,
  type StatusColumnsModel,
  type StatusColumnsWrite,
} from "../engine/status/StatusColumnsModel";
import { cellAddress, parseRangeAddress } from "../engine/tables/cellAddress";
import { addNativeCharts } from "./nativeCharts";
import { carryOverCharts } from "./nativeChartsCarryOver";
import { carryOverMacros } from "./macroCarryOver";
import { workbookFileKind } from "./workbookFileKind";
import { planStatusTable, repairLoadedTables, widenStatusTable } from "./statusTableColumns";

/** The number format of every date the add-in writes: UK order, whatever the machine's locale. */
export const UK_DATE_FORMAT = "dd/mm/yyyy";

/**
 * Excel's limit on a text literal inside a formula: a link whose text is longer is written as plain
 * text rather than as a HYPERLINK formula Excel would refuse to open.
 */
const MAX_FORMULA_TEXT = 255;

export interface SaveReport {
  /** Native charts drawn from the sheet models written since the file was loaded. */
  chartsDrawn: number;
  /**
   * What could not be kept or drawn, as sentences for the user: chart sheets of the loaded file
   * (exceljs drops them) and charts whose model could not be read. Empty when nothing was lost.
   */
  notes: string[];
}

/** exceljs keeps these on a worksheet at run time but leaves them out of its type declarations. */
interface WorksheetInternals {
  orderNo: number;
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  sheetProtection?: { sheet?: boolean } | null;
}

/**
 * The workbook port over an .xlsx file, through exceljs: what the `tracker` command line reads and
 * writes. User sheets are carried over as exceljs loaded them; only owned sheets are rewritten and
 * only confirmed changes touch user cells.
 *
 * Charts: exceljs 4 can neither write charts nor keep the ones it loads, so saving post-processes
 * its bytes: the models' charts are added as native chart parts (nativeCharts.ts), and the loaded
 * file's charts on sheets this port did not rewrite are copied back (nativeChartsCarryOver.ts).
 */
export class XlsxWorkbook implements WorkbookPort {
  /** The charts of each sheet written, by lower-case name: added to the file when it is saved. */
  private readonly chartModels = new Map<string, SheetModel>();
  /** Sheets written or deleted (lower case): the loaded file's charts on them are not carried over. */
  private readonly replaced = new Set<string>();
  private lastSave: SaveReport = { chartsDrawn: 0, notes: [] };

  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    /** The bytes the workbook was loaded from, for the charts exceljs drops. */
    private readonly original?: Uint8Array,
  ) {}

  /** Opens an .xlsx file. */
  static async load(path: string): Promise<XlsxWorkbook> {
    return XlsxWorkbook.fromBuffer(await readFile(path));
  }

  static async fromBuffer(buffer: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const workbook = new ExcelJS.Workbook();
    const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
    // exceljs's declared Buffer type lags Node's; the bytes are what it reads.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    await repairLoadedTables(workbook, bytes);
    return new XlsxWorkbook(workbook, bytes);
  }

  /** An empty workbook, for a new file. */
  static create(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook());
  }

  async save(path: string): Promise<void> {
    await writeFile(path, await this.toBuffer());
  }

  async toBuffer(): Promise<Buffer> {
    let bytes: Buffer = Buffer.from(await this.workbook.xlsx.writeBuffer());
    const notes: string[] = [];
    if (this.original) {
      const kept = await carryOverCharts(this.original, bytes, (name) => !this.replaced.has(lower(name)));
      bytes = kept.bytes;
      notes.push(...kept.lost);
      // exceljs writes an .xlsm as an .xlsx: its VBA project and code names go back in from the original.
      const kind = workbookFileKind(this.original);
      if (kind.kind === "xlsx" && kind.macros) {
        const macros = await carryOverMacros(this.original, bytes);
        bytes = macros.bytes;
        notes.push(...macros.lost);
      }
    }
    const added = await addNativeCharts(bytes, [...this.chartModels.values()]);
    for (const s of added.skipped)
      notes.push(`the chart “${s.title}” on “${s.sheet}” was not drawn: ${s.reason}`);
    this.lastSave = { chartsDrawn: added.written.length, notes };
    return added.bytes;
  }

  /** How many native charts the last save drew, and what it could not keep or draw. */
  saveReport(): SaveReport {
    return { chartsDrawn: this.lastSave.chartsDrawn, notes: [...this.lastSave.notes] };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws) => ({
      name: ws.name,
      visibility: ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible",
      protected: isProtected(ws),
    }));
  }

  async readSheet(name: string): Promise<SheetSnapshot> {
    const ws = this.find(name);
    if (!ws) throw new Error(`There is no sheet named "${name}"`);
    const values: CellValue[][] = [];
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (row.hidden) hiddenRows.push(rowNumber);
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        const value = readCellValue(cell);
        if (value !== null) cells[columnNumber - 1] = value;
      });
      if (cells.length > 0) values[rowNumber - 1] = Array.from(cells, (v) => v ?? null);
    });
    return {
      name: ws.name,
      values: Array.from(values, (row) => row ?? []),
      merges: [...ws.model.merges],
      protected: isProtected(ws),
      hiddenRows,
    };
  }

  async writeSheet(model: SheetModel): Promise<void> {
    this.replaced.add(lower(model.name));
    if ((model.charts ?? []).length > 0) this.chartModels.set(lower(model.name), model);
    else this.chartModels.delete(lower(model.name));
    const existing = this.find(model.name);
    const orderNo = existing ? internals(existing).orderNo : undefined;
    if (existing) this.workbook.removeWorksheet(existing.id);

    const ws = this.workbook.addWorksheet(model.name, {
      state: model.visibility ?? "visible",
      properties: model.tabColor ? { tabColor: { argb: argb(model.tabColor) } } : {},
      views: [
        {
          state: model.freeze ? "frozen" : "normal",
          xSplit: model.freeze?.columns ?? 0,
          ySplit: model.freeze?.rows ?? 0,
          showGridLines: model.showGridlines ?? true,
        },
      ],
      pageSetup: pageSetupOf(model),
    });
    // A replaced sheet keeps its place among the tabs: agendas stay where the user put them.
    if (orderNo !== undefined) internals(ws).orderNo = orderNo;

    for (const [column, width] of Object.entries(model.columnWidths ?? {})) {
      ws.getColumn(Number(column)).width = width;
    }
    for (const [row, height] of Object.entries(model.rowHeights ?? {})) {
      ws.getRow(Number(row)).height = height;
    }
    for (const cell of modelCellsOf(model)) writeModelCell(ws, cell);
    for (const range of model.merges ?? []) ws.mergeCells(range);
    if (model.autoFilter) ws.autoFilter = model.autoFilter;
  }

  async deleteSheet(name: string): Promise<void> {
    this.replaced.add(lower(name));
    this.chartModels.delete(lower(name));
    const ws = this.find(name);
    if (ws) this.workbook.removeWorksheet(ws.id);
  }

  async applyChanges(changes: ChangeSet): Promise<ApplyReport> {
    const report: ApplyReport = { applied: [], skipped: [] };
    for (const change of changes.changes) {
      const ws = this.find(change.sheet);
      if (!ws) {
        report.skipped.push({ change, reason: "sheet-missing" });
        continue;
      }
      const cell = ws.getCell(change.cell);
      const current = readCellValue(cell);
      const skip = skipReason(isProtected(ws), current, change.old);
      if (skip) {
        report.skipped.push({ change, reason: skip, current });
        continue;
      }
      cell.value = excelValueOf(change.new);
      // A loaded file's cells share style objects: setting numFmt on one would reformat every cell
      // sharing its style (numbers elsewhere would turn into dates). Give this cell its own style.
      if (change.numberFormat !== undefined) cell.style = { ...cell.style, numFmt: change.numberFormat };
      report.applied.push(change);
    }
    return report;
  }

  /**
   * Writes the status block in place: the earlier block's cells are blanked, the new ones written,
   * and the conditional formats lying inside the block's columns replaced. Nothing else is touched.
   *
   * When the tracker is an Excel Table and the block starts right after its last column (or stands
   * inside it from an earlier run), the block's columns become table columns, as the Office port
   * adds them: the table's range and filter range widen to the block, its column list takes the
   * block's headers (numbered if a name is taken, since a table's names are unique), and its name,
   * style and other columns stay as they were (statusTableColumns.ts). The conditional formats then
   * reach the table's last body row. Elsewhere the block sits beside the tracker as before.
   */
  async writeStatusColumns(model: StatusColumnsModel): Promise<StatusColumnsWrite> {
    const ws = this.find(model.sheet);
    if (!ws) return statusColumnsRefused("sheet-missing", model.sheet);
    if (isProtected(ws)) return statusColumnsRefused("sheet-protected", ws.name);
    const decision = planStatusTable(ws, model);
    if (!decision.ok) return decision;
    const table = decision.plan;
    const headers = table?.headers ?? model.headers;
    for (let r = model.headerRow; r <= model.clear.lastRow; r++) {
      for (let c = 0; c < model.clear.columns; c++) {
        const cell = ws.getCell(r, model.firstColumn + c);
        cell.value = null;
        cell.note = "";
      }
    }
    headers.forEach((header, i) => {
      const cell = ws.getCell(model.headerRow, model.firstColumn + i);
      cell.value = header;
      cell.style = { ...cell.style, font: { bold: true }, alignment: { wrapText: true, vertical: "top" } };
    });
    ws.getCell(model.headerRow, model.firstColumn).note = model.note;
    for (const row of model.rows) {
      row.values.forEach((value, i) => {
        const cell = ws.getCell(row.row, model.firstColumn + i);
        if (value !== null && typeof value === "object") {
          cell.value = utcDateFromEpochDay(value.date);
          // Loaded cells share style objects: give this one its own (see applyChanges).
          cell.style = { ...cell.style, numFmt: UK_DATE_FORMAT };
        } else {
          cell.value = value;
        }
      });
    }
    for (const [column, width] of Object.entries(model.columnWidths))
      ws.getColumn(Number(column)).width = width;
    if (table) widenStatusTable(table);

    const right = model.firstColumn + Math.max(model.clear.columns, model.headers.length) - 1;
    const ours = (ref: string): boolean => {
      const at = parseRangeAddress(ref);
      return (
        at !== undefined && at.left >= model.firstColumn && at.right <= right && at.top > model.headerRow
      );
    };
    ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !ours(cf.ref));
    const formatRange = model.formatRange && reachTableBottom(model.formatRange, table?.bodyBottom);
    if (formatRange) {
      let priority = Math.max(
        0,
        ...internals(ws).conditionalFormattings.flatMap((cf) => cf.rules.map((r) => r.priority)),
      );
      ws.addConditionalFormatting({
        ref: formatRange,
        rules: model.rules.flatMap((rule) =>
          rule.texts.map((text) => ({
            type: "cellIs" as const,
            operator: "equal" as const,
            // Excel compares text case-insensitively: "overdue" typed by hand is coloured too.
            formulae: [`"${text.replace(/"/g, '""')}"`],
            priority: ++priority,
            style: {
              fill: {
                type: "pattern" as const,
                pattern: "solid" as const,
                bgColor: { argb: argb(rule.fill) },
              },
              font: { color: { argb: argb(rule.fontColor) } },
            },
          })),
        ),
      });
    }
    return statusColumnsWritten(model);
  }

  // Excel sheet names are case-insensitive.
  private find(name: string): ExcelJS.Worksheet | undefined {
    const wanted = name.toLocaleLowerCase("en-GB");
    return this.workbook.worksheets.find((ws) => ws.name.toLocaleLowerCase("en-GB") === wanted);
  }
}

/**
 * The block's formatted range down to a table's last body row, which may lie below the last tracker
 * row (blank rows the user keeps in the table): new rows typed there are coloured too.
 */
function reachTableBottom(formatRange: string, bodyBottom: number | undefined): string {
  const at = parseRangeAddress(formatRange);
  if (!at || bodyBottom === undefined || bodyBottom <= at.bottom) return formatRange;
  return `${cellAddress(at.top, at.left)}:${cellAddress(bodyBottom, at.right)}`;
}

// Excel sheet names are case-insensitive.
function lower(name: string): string {
  return name.toLocaleLowerCase("en-GB");
}

function internals(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  return internals(ws).sheetProtection?.sheet === true;
}

/**
 * A cell as the engine sees it: formulas as their cached result, rich text and hyperlinks as their
 * text, errors as `{ error }`, dates as `Date` at UTC midnight. The cells a merge covers, other than
 * its top-left cell, are blank (exceljs would repeat the top-left value in each).
 */
export function readCellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return plainValue(cell.value);
}

function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return textOf(value.text);
  if ("formula" in value || "sharedFormula" in value) {
    const result: unknown = value.result;
    if (result === undefined || result === null) return null;
    if (typeof result === "string" || typeof result === "number" || typeof result === "boolean")
      return result;
    if (result instanceof Date) return result;
    if (typeof result === "object" && "error" in result) return { error: String(result.error) };
    return null;
  }
  return null;
}

// A hyperlink's text may itself be rich text.
function textOf(text: unknown): string {
  if (typeof text === "string") return text;
  if (typeof text === "object" && text !== null && "richText" in text && Array.isArray(text.richText)) {
    return text.richText.map((run: { text?: unknown }) => String(run.text ?? "")).join("");
  }
  return "";
}

function excelValueOf(value: CellValue): ExcelJS.CellValue {
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return { error: value.error } as ExcelJS.CellErrorValue;
  }
  return value;
}

function writeModelCell(ws: ExcelJS.Worksheet, model: ModelCell): void {
  const cell = ws.getCell(model.row, model.column);
  const { value } = model;
  if (value !== null && typeof value === "object") {
    cell.value = utcDateFromEpochDay(value.date);
    cell.numFmt = UK_DATE_FORMAT;
  } else if (model.link && typeof value === "string" && value.length <= MAX_FORMULA_TEXT) {
    // exceljs writes "#Sheet!A1" links with both a relationship and a location, which Excel shows
    // as a broken link (exceljs issue #3027); Excel's own HYPERLINK function always works.
    cell.value = { formula: hyperlinkFormula(model.link, value), result: value };
  } else {
    cell.value = value;
  }
  if (model.style) applyStyle(cell, model.style);
}

function hyperlinkFormula(link: { sheet: string; cell: string }, text: string): string {
  const sheet = link.sheet.replace(/'/g, "''");
  const target = `#'${sheet}'!${link.cell}`.replace(/"/g, '""');
  return `HYPERLINK("${target}","${text.replace(/"/g, '""')}")`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.size) font.size = style.size;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (Object.keys(font).length > 0) cell.font = font;
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap || style.horizontal || style.vertical) {
    cell.alignment = {
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
    };
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin" };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

function pageSetupOf(model: SheetModel): Partial<ExcelJS.PageSetup> {
  const print = model.print;
  if (!print) return {};
  return {
    orientation: print.orientation,
    // Excel's paper size codes: 8 is A3, 9 is A4. exceljs's enum leaves A3 out but writes any code.
    paperSize: (print.paperSize === "A3" ? 8 : 9) as ExcelJS.PaperSize,
    // fitToHeight 0 lets the pages run on: fit to one page wide, as many long as needed.
    ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    ...(print.repeatRows ? { printTitlesRow: `${print.repeatRows.first}:${print.repeatRows.last}` } : {}),
  };
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}
