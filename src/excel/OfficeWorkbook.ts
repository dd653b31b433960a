import type { CellValue } from "../engine/cells/CellValue";
import type { ApplyReport, CellChange, ChangeSet } from "../engine/port/ChangeSet";
import { skipReason } from "../engine/port/MemoryWorkbook";
import type { SheetModel } from "../engine/port/SheetModel";
import type { WorkbookNavigator } from "../engine/port/WorkbookNavigator";
import type { SheetInfo, SheetSnapshot, SheetWrite, WorkbookPort } from "../engine/port/WorkbookPort";
import { uniqueSheetName } from "../engine/sheets/outputSheetName";
import {
  statusColumnsRefused,
  statusColumnsWritten,
  type StatusColumnsModel,
  type StatusColumnsWrite,
} from "../engine/status/StatusColumnsModel";
import { cellAddress, parseRangeAddress, type RangePosition } from "../engine/tables/cellAddress";
import { columnLetters } from "../engine/tables/cellAddress";
import { ChunkSizer, isPayloadTooLarge, jsonBytes, rowsPerChunk } from "./excelPayload";
import type { ExcelContext, ExcelTable, ExcelWorksheet, OfficeHost } from "./OfficeApi";
import { cellValueFromOffice, isDateFormat, needsTextFormat, officeValueOf } from "./officeCellValue";
import { OfficeWorkbookError, problemOf, type OfficeProblem } from "./OfficeWorkbookError";
import {
  OWNED_SHEETS_NAMESPACE,
  outputNamesByKey,
  ownedSheetsXml,
  parseOwnedSheets,
  planOwnedWrite,
  registerAfterWrite,
  sheetsToStamp,
  stampField,
  stampOfCell,
  type HostSheet,
  type OwnedSheet,
} from "../engine/port/ownedSheets";
import { UK_DATE_FORMAT, pointsOfCharacters, writeSheetModel } from "./writeSheetModel";
import { excelSerialFromEpochDay } from "../engine/cells/coerceCellDate";

/**
 * The ExcelApi requirement sets the port uses. 1.7 is the manifest's minimum (getItemOrNullObject
 * 1.4, custom XML parts 1.5, calculation suspension 1.6, hyperlinks, freeze panes and tab colours
 * 1.7); the rest are used where the host has them and their absence is said in a note.
 */
export const REQUIRED_API = "1.7";
export const OPTIONAL_API = {
  gridlines: "1.8",
  pageLayout: "1.9",
  autoFilter: "1.9",
  hiddenRows: "1.9",
  mergedAreas: "1.13",
  undoGroup: "1.20",
  charts: "1.1",
} as const;

/**
 * Changes re-read and written per sync: each is two statements of about 200 bytes and a response of
 * one value and format, so 2,000 changes stay near 1 MB, well inside the budget.
 */
const CHANGES_PER_SYNC = 2_000;

/**
 * The Excel Table the status block belongs to: the one whose header row is the block's and whose
 * range ends just before the block (a first run) or already holds it (a re-run). Two syncs, and
 * only when the sheet has tables.
 */
async function trackerTableOf(
  context: ExcelContext,
  sheet: ExcelWorksheet,
  model: StatusColumnsModel,
): Promise<{ table: ExcelTable; at: RangePosition } | undefined> {
  sheet.tables.load("items/name");
  await context.sync();
  if (sheet.tables.items.length === 0) return undefined;
  const ranges = sheet.tables.items.map((table) => {
    const range = table.getRange();
    range.load("address");
    return { table, range };
  });
  await context.sync();
  for (const { table, range } of ranges) {
    const at = parseRangeAddress(rangesIn(range.address)[0] ?? "");
    if (!at || at.top !== model.headerRow) continue;
    if (at.left < model.firstColumn && model.firstColumn <= at.right + 1) return { table, at };
  }
  return undefined;
}

/**
 * The block's formatted columns over the whole body of the table (to its last row, which may lie
 * below the last tracker row), so the rules cover the table column bodies; without a table, the
 * model's range as it is.
 */
function tableColumnBodies(formatRange: string, table: RangePosition | undefined): string {
  const at = parseRangeAddress(formatRange);
  if (!table || !at || table.bottom <= at.bottom) return formatRange;
  return `${cellAddress(at.top, at.left)}:${cellAddress(table.bottom, at.right)}`;
}

/** A sheet written, and the name it was written under (another one when a user's sheet had it). */
export type SheetWriteOutcome =
  { ok: true; name: string; replaced: boolean; notes: string[] } | { ok: false; problem: OfficeProblem };

export interface SheetTable {
  name: string;
  /** The table's range on its sheet, header row first ("B3:H120"). */
  range: string;
}

/** A sheet read with what the values alone do not say. */
export interface SheetReading {
  snapshot: SheetSnapshot;
  /** `numberFormats[r][c]` is the format of `snapshot.values[r][c]`. */
  numberFormats: string[][];
  /** Excel Tables (ListObjects) on the sheet; a tracker kept as a table is read through its range. */
  tables: SheetTable[];
}

/**
 * The workbook port over Office.js: the only code in the product that talks to Excel. Every action is
 * one `Excel.run`; reads size every sheet in one sync and then load fixed-budget row chunks, writes
 * go to a new hidden sheet that replaces the old one only once complete, and fixes re-read each cell
 * in the same run before writing it. What the host cannot do is said in `takeNotes()`; what goes
 * wrong is an `OfficeWorkbookError` whose `problem.message` is a sentence for the user.
 */
export class OfficeWorkbook implements WorkbookPort {
  private notes: string[] = [];

  constructor(private readonly host: OfficeHost) {}

  /** Notes for the user gathered since the last call: what this Excel lacks for reading or fixes. */
  takeNotes(): string[] {
    const notes = this.notes;
    this.notes = [];
    return notes;
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.requireMinimum();
    return this.host.run({}, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name,items/visibility,items/protection/protected");
      const entries = parseOwnedSheets((await readRegister(context)) ?? "");
      const outputs = outputNamesByKey(entries, "office", await hostSheetsIn(context, sheets.items, entries));
      return sheets.items.map((s) => {
        const output = outputs.get(s.id);
        return {
          name: s.name,
          visibility: visibilityOf(s.visibility),
          protected: s.protection.protected,
          ...(output === undefined ? {} : { output }),
        };
      });
    });
  }

  async readSheet(name: string): Promise<SheetSnapshot> {
    return (await this.readSheetWithFormats(name)).snapshot;
  }

  /** Several sheets in as few round trips as Excel's payload limit allows (readSheetsOf uses it). */
  async readSheets(names: readonly string[]): Promise<SheetSnapshot[]> {
    return (await this.readSheetsWithFormats(names)).map((reading) => reading.snapshot);
  }

  async readSheetWithFormats(name: string): Promise<SheetReading> {
    return (await this.readSheetsWithFormats([name]))[0] as SheetReading;
  }

  /**
   * Reads sheets from A1 to the end of their used ranges (and of any Excel Table on them), all in
   * one `Excel.run`: one sync sizes every sheet, one more finds the tables' ranges when there are
   * tables, then each sync loads as many rows, of as many sheets, as fit the payload budget. A
   * tracker of six small sheets is read in two syncs; a large one in one sync per 4 MB of cells.
   *
   * The rows a sync can take are estimated from the bytes per cell measured so far; should a
   * response still pass Excel's limit (a column of long case notes further down), the same rows are
   * asked for again in halves.
   */
  async readSheetsWithFormats(names: readonly string[]): Promise<SheetReading[]> {
    this.requireMinimum();
    const canMerges = this.supports(OPTIONAL_API.mergedAreas);
    const canHidden = this.supports(OPTIONAL_API.hiddenRows);
    if (!canMerges || !canHidden) {
      this.note(
        "This version of Excel cannot report merged cells or hidden rows to add-ins; checks treat every row as visible.",
      );
    }
    return this.host.run({}, async (context) => {
      const sized = names.map((name) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        sheet.load("name,protection/protected");
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        const merged = canMerges ? used.getMergedAreasOrNullObject() : undefined;
        merged?.load("address");
        const visible = canHidden ? used.getSpecialCellsOrNullObject("Visible") : undefined;
        visible?.load("address");
        sheet.tables.load("items/name");
        return { name, sheet, used, merged, visible };
      });
      await context.sync();
      const missing = sized.find((s) => s.sheet.isNullObject);
      if (missing) throw new Error(`There is no sheet named "${missing.name}"`);

      const withTables = sized.map(({ sheet }) =>
        sheet.tables.items.map((t) => {
          const range = t.getRange();
          range.load("address");
          return { name: t.name, range };
        }),
      );
      if (withTables.some((ranges) => ranges.length > 0)) await context.sync();

      const readings = sized.map(({ sheet, used, merged, visible }, i) => {
        let bottom = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
        let right = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
        const tables: SheetTable[] = [];
        for (const t of withTables[i] ?? []) {
          const range = rangesIn(t.range.address)[0] ?? "";
          const at = parseRangeAddress(range);
          if (!at) continue;
          tables.push({ name: t.name, range });
          bottom = Math.max(bottom, at.bottom);
          right = Math.max(right, at.right);
        }
        const reading: SheetReading = {
          snapshot: {
            name: sheet.name,
            values: [],
            merges: merged && !merged.isNullObject ? rangesIn(merged.address) : [],
            protected: sheet.protection.protected,
            hiddenRows:
              canHidden && !used.isNullObject ? hiddenRowsOf(used.rowIndex + 1, bottom, visible) : [],
          },
          numberFormats: [],
          tables,
        };
        return { reading, sheet, bottom, right };
      });

      const chunks = new ChunkSizer();
      let next = 0;
      let top = 1;
      // Row blocks of one or more sheets per sync, in sheet order, each sheet's rows in order.
      while (next < readings.length) {
        const batch: { index: number; top: number; last: number }[] = [];
        let cells = chunks.cellsPerSync();
        for (let i = next, from = top; i < readings.length && cells > 0; i++, from = 1) {
          const { bottom, right } = readings[i] as (typeof readings)[number];
          if (from > bottom || right === 0) continue;
          const last = Math.min(bottom, from + rowsPerChunk(right, cells) - 1);
          batch.push({ index: i, top: from, last });
          cells -= (last - from + 1) * right;
          if (last < bottom) break; // this sheet's next rows come first in the next sync
        }
        if (batch.length === 0) break;
        const loaded = batch.map((block) => {
          const { sheet, right } = readings[block.index] as (typeof readings)[number];
          const range = sheet.getRange(`A${block.top}:${columnLetters(right)}${block.last}`);
          range.load("values,numberFormat");
          return { block, range, right };
        });
        try {
          await context.sync();
        } catch (error) {
          if (!isPayloadTooLarge(error) || !chunks.halve()) throw error;
          continue; // the same rows again, in smaller syncs
        }
        let bytes = 0;
        let measured = 0;
        for (const { block, range, right } of loaded) {
          const { reading } = readings[block.index] as (typeof readings)[number];
          range.values.forEach((row, r) => {
            const formats = range.numberFormat[r] ?? [];
            const values = trimRow(row.map((v, c) => cellValueFromOffice(v, formats[c])));
            reading.snapshot.values.push(values);
            reading.numberFormats.push(formats.slice(0, values.length).map(String));
          });
          bytes += jsonBytes(range.values) + jsonBytes(range.numberFormat);
          measured += (block.last - block.top + 1) * right;
        }
        chunks.measured(measured, bytes);
        const end = batch[batch.length - 1] as (typeof batch)[number];
        const { bottom } = readings[end.index] as (typeof readings)[number];
        next = end.last >= bottom ? end.index + 1 : end.index;
        top = end.last >= bottom ? 1 : end.last + 1;
      }

      return readings.map(({ reading }) => {
        const { values } = reading.snapshot;
        while (values.length > 0 && values[values.length - 1]?.length === 0) {
          values.pop();
          reading.numberFormats.pop();
        }
        return reading;
      });
    });
  }

  async writeSheet(model: SheetModel): Promise<SheetWrite> {
    const outcome = await this.writeModel(model);
    if (!outcome.ok) throw new OfficeWorkbookError(outcome.problem);
    return { name: outcome.name, replaced: outcome.replaced, notes: outcome.notes };
  }

  /**
   * Writes a sheet the add-in owns, as `writeSheet` does, returning the outcome as a value: the
   * name used (a user's sheet of the same name is never overwritten) and notes, or the problem.
   *
   * The new content goes to a new hidden sheet; only when it is complete is the old sheet renamed
   * aside, the new one given its name, place and visibility, the register of owned sheets updated
   * and the old sheet deleted, all in one sync. If anything fails, the new sheet is deleted and the
   * old one keeps its name, so the workbook is as it was.
   */
  async writeModel(model: SheetModel): Promise<SheetWriteOutcome> {
    const minimum = this.minimumProblem();
    if (minimum) return { ok: false, problem: minimum };
    const features = {
      gridlines: this.supports(OPTIONAL_API.gridlines),
      pageLayout: this.supports(OPTIONAL_API.pageLayout),
      autoFilter: this.supports(OPTIONAL_API.autoFilter),
      charts: this.supports(OPTIONAL_API.charts),
    };
    let written:
      { tempName: string; backupName?: string; originalName?: string; registry?: string } | undefined;
    try {
      return await this.host.run({}, async (context) => {
        const plan = await planWrite(context, model);
        if (!plan.ok) return plan;
        const { target, finalName, registry, entries, hostSheets, names, note } = plan;
        const tempName = uniqueSheetName(`${finalName.slice(0, 20)} new`, names);
        const backupName = uniqueSheetName(`${finalName.slice(0, 20)} old`, [...names, tempName]);
        written = { tempName, registry, ...(target ? { backupName, originalName: target.name } : {}) };

        const temp = context.workbook.worksheets.add(tempName);
        temp.visibility = "Hidden";
        temp.load("id");
        const flush = async (): Promise<void> => {
          context.workbook.application.suspendApiCalculationUntilNextSync();
          await context.sync();
        };
        const notes = await writeSheetModel(temp, model, features, flush);
        if (target) target.name = backupName;
        temp.name = finalName;
        temp.visibility = officeVisibility[model.visibility ?? "visible"];
        if (target) temp.position = target.position;
        // temp.id was loaded by the syncs that wrote the model.
        const entry: OwnedSheet = {
          host: "office",
          key: temp.id,
          name: model.name,
          sheet: finalName,
          purpose: model.purpose,
          ...stampField(model),
        };
        const after = registerAfterWrite(entries, "office", hostSheets, entry, target?.id);
        const part = context.workbook.customXmlParts
          .getByNamespace(OWNED_SHEETS_NAMESPACE)
          .getOnlyItemOrNullObject();
        if (registry === undefined) context.workbook.customXmlParts.add(ownedSheetsXml(after));
        else part.setXml(ownedSheetsXml(after));
        target?.delete();
        await context.sync();
        if (note) notes.unshift(note);
        return { ok: true, name: finalName, replaced: target !== undefined, notes };
      });
    } catch (error) {
      if (written) await this.undoWrite(written);
      return { ok: false, problem: problemOf(error, `write “${model.name}”`) };
    }
  }

  /**
   * Writes the status block beside a tracker table in one `Excel.run`: values in row chunks under the
   * payload budget (blanks as "" so the earlier block's cells are cleared), the date column's
   * format, then the block's conditional formats cleared and added again (ExcelApi 1.6, within the
   * manifest's 1.7). Only the block's cells change. The marker's note is not written: notes need
   * ExcelApi 1.18, and the marker header says whose the columns are.
   */
  async writeStatusColumns(model: StatusColumnsModel): Promise<StatusColumnsWrite> {
    const minimum = this.minimumProblem();
    if (minimum) return { ok: false, problem: { code: "write-failed", message: minimum.message } };
    try {
      return await this.host.run({}, async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(model.sheet);
        sheet.load("name,protection/protected");
        await context.sync();
        if (sheet.isNullObject) return statusColumnsRefused("sheet-missing", model.sheet);
        if (sheet.protection.protected) return statusColumnsRefused("sheet-protected", sheet.name);

        const table = await trackerTableOf(context, sheet, model);
        // Table columns are shaped before any value is written: a blank written to a table's
        // header becomes "Column1", so the add-in's surplus columns leave the table first, and the
        // new ones join it (blank, under their header) before the chunked writes fill them.
        if (table) {
          const blockRight = model.firstColumn + model.headers.length - 1;
          for (let column = table.at.right; column > blockRight; column--) {
            table.table.columns.getItemAt(column - table.at.left).delete();
          }
          for (let column = table.at.right + 1; column <= blockRight; column++) {
            table.table.columns.add(undefined, undefined, model.headers[column - model.firstColumn]);
          }
        }

        const width = Math.max(model.clear.columns, model.headers.length);
        const byRow = new Map(model.rows.map((r) => [r.row, r.values] as const));
        const bottom = Math.max(model.clear.lastRow, ...model.rows.map((r) => r.row));
        const left = columnLetters(model.firstColumn);
        const right = columnLetters(model.firstColumn + width - 1);
        for (let top = model.headerRow; top <= bottom;) {
          const last = Math.min(bottom, top + rowsPerChunk(width) - 1);
          const values: Array<Array<string | number | boolean>> = [];
          const formats: string[][] = [];
          for (let r = top; r <= last; r++) {
            const cells = r === model.headerRow ? model.headers : (byRow.get(r) ?? []);
            const line: Array<string | number | boolean> = [];
            const lineFormats: string[] = [];
            for (let c = 0; c < width; c++) {
              const value = cells[c] ?? null;
              line.push(
                value !== null && typeof value === "object"
                  ? excelSerialFromEpochDay(value.date)
                  : (value ?? ""),
              );
              // Dates show the UK way; words are text, so Excel never reads one as something else.
              const isDate = value !== null && typeof value === "object";
              lineFormats.push(isDate ? UK_DATE_FORMAT : typeof value === "string" ? "@" : "General");
            }
            values.push(line);
            formats.push(lineFormats);
          }
          const range = sheet.getRange(`${left}${top}:${right}${last}`);
          range.numberFormat = formats;
          range.values = values;
          // One sync per chunk keeps each request under Excel on the web's payload limit.
          await context.sync();
          top = last + 1;
        }
        const header = sheet.getRange(
          `${left}${model.headerRow}:${columnLetters(model.firstColumn + model.headers.length - 1)}${model.headerRow}`,
        );
        header.format.font.bold = true;
        header.format.wrapText = true;
        for (const [column, chars] of Object.entries(model.columnWidths)) {
          const letters = columnLetters(Number(column));
          sheet.getRange(`${letters}:${letters}`).format.columnWidth = pointsOfCharacters(chars);
        }
        if (bottom > model.headerRow)
          sheet.getRange(`${left}${model.headerRow + 1}:${right}${bottom}`).conditionalFormats.clearAll();
        if (model.formatRange !== null) {
          const formatted = sheet.getRange(tableColumnBodies(model.formatRange, table?.at));
          for (const rule of model.rules) {
            for (const text of rule.texts) {
              const format = formatted.conditionalFormats.add("CellValue");
              format.cellValue.format.fill.color = `#${rule.fill}`;
              format.cellValue.format.font.color = `#${rule.fontColor}`;
              format.cellValue.rule = { formula1: `="${text.replace(/"/g, '""')}"`, operator: "EqualTo" };
            }
          }
        }
        await context.sync();
        return statusColumnsWritten(model);
      });
    } catch (error) {
      const problem = problemOf(error, `write the status columns on “${model.sheet}”`);
      return { ok: false, problem: { code: "write-failed", message: problem.message } };
    }
  }

  // Puts back what a failed write changed: the new sheet goes, the old one gets its name back.
  private async undoWrite(written: {
    tempName: string;
    backupName?: string;
    originalName?: string;
    registry?: string;
  }): Promise<void> {
    await this.host.run({}, async (context) => {
      const sheets = context.workbook.worksheets;
      const temp = sheets.getItemOrNullObject(written.tempName);
      temp.load("name");
      const backup = written.backupName ? sheets.getItemOrNullObject(written.backupName) : undefined;
      backup?.load("name");
      const part = context.workbook.customXmlParts
        .getByNamespace(OWNED_SHEETS_NAMESPACE)
        .getOnlyItemOrNullObject();
      part.load("id");
      await context.sync();
      if (!temp.isNullObject) temp.delete();
      if (backup && !backup.isNullObject && written.originalName) backup.name = written.originalName;
      if (!part.isNullObject) {
        if (written.registry === undefined) part.delete();
        else part.setXml(written.registry);
      }
      await context.sync();
    });
  }

  async deleteSheet(name: string): Promise<void> {
    this.requireMinimum();
    try {
      await this.host.run({}, async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        sheet.load("name");
        await context.sync();
        if (sheet.isNullObject) return;
        sheet.delete();
        await context.sync();
      });
    } catch (error) {
      throw new OfficeWorkbookError(problemOf(error, `delete “${name}”`));
    }
  }

  /**
   * Applies confirmed fixes: the cells are re-read in the same `Excel.run` and any that changed since
   * the fix was computed are skipped. Where ExcelApi 1.20 is there, the run is one undo step. If Excel
   * fails part-way, the cells already written get their old values and formats back.
   */
  async applyChanges(changes: ChangeSet): Promise<ApplyReport> {
    this.requireMinimum();
    const report: ApplyReport = { applied: [], skipped: [] };
    if (changes.changes.length === 0) return report;
    const options = this.supports(OPTIONAL_API.undoGroup) ? { mergeUndoGroup: true } : {};
    const written: Array<{ change: CellChange; value: unknown; format: unknown }> = [];
    try {
      await this.host.run(options, async (context) => {
        const sheets = new Map<string, ExcelWorksheet>();
        for (const change of changes.changes) {
          const key = change.sheet.toLowerCase();
          if (sheets.has(key)) continue;
          const sheet = context.workbook.worksheets.getItemOrNullObject(change.sheet);
          sheet.load("name,protection/protected");
          sheets.set(key, sheet);
        }
        await context.sync();
        const writable: CellChange[] = [];
        for (const change of changes.changes) {
          const sheet = sheets.get(change.sheet.toLowerCase());
          if (!sheet || sheet.isNullObject) report.skipped.push({ change, reason: "sheet-missing" });
          else writable.push(change);
        }
        for (let start = 0; start < writable.length; start += CHANGES_PER_SYNC) {
          const chunk = writable.slice(start, start + CHANGES_PER_SYNC).map((change) => {
            const range = (sheets.get(change.sheet.toLowerCase()) as ExcelWorksheet).getRange(change.cell);
            range.load("values,numberFormat");
            return { change, range };
          });
          // The previous chunk's writes travel with this chunk's reads.
          await context.sync();
          for (const { change, range } of chunk) {
            const sheet = sheets.get(change.sheet.toLowerCase()) as ExcelWorksheet;
            const raw = range.values[0]?.[0];
            const format = range.numberFormat[0]?.[0];
            const current = cellValueFromOffice(raw, format);
            const skip = skipReason(sheet.protection.protected, current, change.old);
            if (skip) {
              report.skipped.push({ change, reason: skip, current });
              continue;
            }
            written.push({ change, value: raw, format });
            const newFormat = change.numberFormat ?? dateFormatFor(change.new, format);
            if (newFormat !== undefined) range.numberFormat = [[newFormat]];
            range.values = [[userCellValue(change.new)]];
            report.applied.push(change);
          }
        }
        await context.sync();
      });
    } catch (error) {
      if (written.length > 0) await this.restoreCells(written);
      throw new OfficeWorkbookError(problemOf(error, "apply the fixes"));
    }
    // Keep the order the changes were given in.
    const order = new Map(changes.changes.map((c, i) => [c, i]));
    report.skipped.sort((a, b) => (order.get(a.change) ?? 0) - (order.get(b.change) ?? 0));
    return report;
  }

  private async restoreCells(
    written: Array<{ change: CellChange; value: unknown; format: unknown }>,
  ): Promise<void> {
    await this.host.run({}, async (context) => {
      for (const { change, value, format } of written) {
        const range = context.workbook.worksheets.getItemOrNullObject(change.sheet).getRange(change.cell);
        range.numberFormat = [[format]];
        range.values = [[typeof value === "string" && needsTextFormat(value) ? `'${value}` : value]];
      }
      await context.sync();
    });
  }

  private supports(version: string): boolean {
    return this.host.isSetSupported("ExcelApi", version);
  }

  private minimumProblem(): OfficeProblem | undefined {
    if (this.supports(REQUIRED_API)) return undefined;
    return {
      code: "unsupported",
      message:
        "This version of Excel is too old for the add-in (it needs ExcelApi 1.7: Excel 2019, Microsoft 365 or Excel on the web), so nothing was changed.",
    };
  }

  private requireMinimum(): void {
    const problem = this.minimumProblem();
    if (problem) throw new OfficeWorkbookError(problem);
  }

  private note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }
}

/** Where a model goes: the sheet it replaces (if any), the name it gets, the register as found. */
type WritePlan =
  | {
      ok: true;
      target?: ExcelWorksheet;
      finalName: string;
      registry?: string;
      entries: OwnedSheet[];
      hostSheets: HostSheet[];
      names: string[];
      note?: string;
    }
  | { ok: false; problem: OfficeProblem };

async function planWrite(context: ExcelContext, model: SheetModel): Promise<WritePlan> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  sheets.load("items/name,items/id,items/position,items/protection/protected");
  workbook.protection.load("protected");
  const registry = await readRegister(context);
  if (workbook.protection.protected) {
    return {
      ok: false,
      problem: {
        code: "workbook-protected",
        message: `The workbook's structure is protected, so “${model.name}” could not be written: unprotect it (Review › Protect Workbook) and try again.`,
      },
    };
  }
  const items = sheets.items;
  const entries = parseOwnedSheets(registry ?? "");
  const hostSheets = await hostSheetsIn(context, items, entries);
  const plan = planOwnedWrite(entries, "office", hostSheets, model.name);
  const target = items.find((s) => s.id === plan.target?.key);

  if (target?.protection.protected) {
    return {
      ok: false,
      problem: {
        code: "sheet-protected",
        message: `The sheet “${target.name}” is protected, so the add-in did not replace it: unprotect it (Review › Unprotect Sheet) and try again.`,
      },
    };
  }
  return {
    ok: true,
    ...(target ? { target } : {}),
    finalName: plan.name,
    ...(registry !== undefined ? { registry } : {}),
    entries,
    hostSheets,
    names: items.map((s) => s.name),
    ...(plan.note ? { note: plan.note } : {}),
  };
}

/**
 * The register of owned sheets as its custom XML part holds it (undefined when there is none yet),
 * read in the sync that also brings whatever the caller queued before.
 */
async function readRegister(context: ExcelContext): Promise<string | undefined> {
  const part = context.workbook.customXmlParts
    .getByNamespace(OWNED_SHEETS_NAMESPACE)
    .getOnlyItemOrNullObject();
  part.load("id");
  await context.sync();
  if (part.isNullObject) return undefined;
  const xml = part.getXml();
  await context.sync();
  return xml.value;
}

/**
 * The workbook's sheets by Office's ids, with A1 read (in one sync) from those that the command
 * line's entries of the register name: a sheet is theirs only if A1 still holds what they wrote.
 */
async function hostSheetsIn(
  context: ExcelContext,
  items: readonly ExcelWorksheet[],
  entries: readonly OwnedSheet[],
): Promise<HostSheet[]> {
  const toStamp = new Set(sheetsToStamp(entries, "office").map((n) => n.toLocaleLowerCase("en-GB")));
  const firstCells = items.map((s) =>
    toStamp.has(s.name.toLocaleLowerCase("en-GB")) ? s.getRange("A1") : undefined,
  );
  for (const range of firstCells) range?.load("values");
  if (firstCells.some((range) => range !== undefined)) await context.sync();
  return items.map((s, i) => {
    const firstCell = stampOfCell(firstCells[i]?.values[0]?.[0]);
    return { key: s.id, name: s.name, ...(firstCell === undefined ? {} : { firstCell }) };
  });
}

const officeVisibility = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

function visibilityOf(value: string): SheetInfo["visibility"] {
  if (value === "Hidden") return "hidden";
  if (value === "VeryHidden") return "veryHidden";
  return "visible";
}

/** The A1 ranges in a (multi-area) address such as "'Joint Tracker'!A1:D1,'Joint Tracker'!F3". */
export function rangesIn(address: string): string[] {
  const ranges: string[] = [];
  for (const m of address.matchAll(/!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?=,|$)/g)) {
    ranges.push((m[1] ?? "").replace(/\$/g, ""));
  }
  return ranges;
}

/** Rows first..last not covered by any visible area: hidden by the user or a filter. */
function hiddenRowsOf(
  first: number,
  last: number,
  visible: { isNullObject: boolean; address: string } | undefined,
): number[] {
  if (!visible) return [];
  const shown = new Uint8Array(last + 1);
  if (!visible.isNullObject) {
    for (const range of rangesIn(visible.address)) {
      const at = parseRangeAddress(range);
      if (!at) continue;
      for (let r = at.top; r <= Math.min(at.bottom, last); r++) shown[r] = 1;
    }
  }
  const hidden: number[] = [];
  for (let r = first; r <= last; r++) if (shown[r] === 0) hidden.push(r);
  return hidden;
}

function trimRow(row: CellValue[]): CellValue[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  return end === row.length ? row : row.slice(0, end);
}

/** A date written into a cell not formatted as a date gets the UK date format, or it shows a serial. */
function dateFormatFor(value: CellValue, currentFormat: unknown): string | undefined {
  if (!(value instanceof Date)) return undefined;
  return typeof currentFormat === "string" && isDateFormat(currentFormat) ? undefined : UK_DATE_FORMAT;
}

/**
 * A value for a user's cell: text Excel would turn into a formula, number or date gets a leading
 * apostrophe, which Excel takes as "this is text" without changing the cell's number format.
 */
function userCellValue(value: CellValue): string | number | boolean {
  const office = officeValueOf(value);
  return typeof value === "string" && needsTextFormat(value) ? `'${office}` : office;
}

/** Taking the user to a cell: its sheet brought forward and the cell or row selected. */
export class OfficeNavigator implements WorkbookNavigator {
  constructor(private readonly host: OfficeHost) {}

  async select(sheetName: string, cell: string): Promise<void> {
    try {
      await this.host.run({}, async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        sheet.load("name,visibility");
        await context.sync();
        if (sheet.isNullObject) {
          throw new OfficeWorkbookError({
            code: "sheet-missing",
            message: `There is no sheet named “${sheetName}” any more: it may have been renamed or deleted. Run the check again.`,
          });
        }
        if (sheet.visibility !== "Visible") {
          throw new OfficeWorkbookError({
            code: "sheet-hidden",
            message: `The sheet “${sheet.name}” is hidden: unhide it (right-click a sheet tab › Unhide) to go to ${cell}.`,
          });
        }
        sheet.activate();
        sheet.getRange(cell).select();
        await context.sync();
      });
    } catch (error) {
      throw error instanceof OfficeWorkbookError
        ? error
        : new OfficeWorkbookError(problemOf(error, `go to ${cell}`));
    }
  }
}
