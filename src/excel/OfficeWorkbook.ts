import type { CellValue } from "../engine/cells/CellValue";
import type { ApplyReport, CellChange, ChangeSet, LogAppend } from "../engine/port/ChangeSet";
import { modelCellsOf } from "../engine/port/modelCells";
import { skipReason } from "../engine/port/MemoryWorkbook";
import type { ModelValue, SheetModel } from "../engine/port/SheetModel";
import type { WorkbookNavigator } from "../engine/port/WorkbookNavigator";
import type {
  AppendRows,
  SheetInfo,
  SheetSnapshot,
  SheetWrite,
  WorkbookPort,
} from "../engine/port/WorkbookPort";
import { uniqueSheetName } from "../engine/sheets/outputSheetName";
import {
  STATUS_HEADER_PREFIX,
  statusColumnsInsideTable,
  statusColumnsRefused,
  statusColumnsWritten,
  type StatusColumnsModel,
  type StatusColumnsWrite,
} from "../engine/status/StatusColumnsModel";
import { cellAddress, parseRangeAddress, type RangePosition } from "../engine/tables/cellAddress";
import { columnLetters } from "../engine/tables/cellAddress";
import { ChunkSizer, isPayloadTooLarge, jsonBytes, rowsPerChunk } from "./excelPayload";
import type {
  ExcelContext,
  ExcelCustomXmlPart,
  ExcelRunOptions,
  ExcelTable,
  ExcelWorksheet,
  OfficeHost,
} from "./OfficeApi";
import {
  TEXT_FORMAT,
  cellValueFromOffice,
  isDateFormat,
  needsTextFormat,
  officeValueOf,
} from "./officeCellValue";
import { OfficeWorkbookError, problemOf, type OfficeProblem } from "./OfficeWorkbookError";
import {
  OWNED_SHEETS_NAMESPACE,
  outputNamesByKey,
  ownedSheetsXml,
  mergedRegisters,
  parseOwnedSheets,
  planOwnedWrite,
  registerAfterWrite,
  sameSheetName,
  sheetsToStamp,
  stampField,
  stampOfCell,
  type HostSheet,
  type OwnedSheet,
} from "../engine/port/ownedSheets";
import { UK_DATE_FORMAT, pointsOfCharacters, writeSheetModel, type WriteFeatures } from "./writeSheetModel";
import { excelSerialFromEpochDay } from "../engine/cells/coerceCellDate";
import { utcDateFromEpochDay } from "../engine/dates/epochDay";

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
 * Said after a hidden sheet (the tracker profile) that the user had shown is replaced where Excel
 * otherwise keeps undo history: Excel on Windows and Mac cannot undo hiding a sheet, so the add-in
 * writes it aside and swaps it in, and no Excel can undo deleting the old one, which clears it.
 */
const HIDDEN_SHEET_UNDO_NOTE = (name: string): string =>
  `Writing the hidden sheet “${name}” cleared Excel's undo history: Excel cannot undo replacing a hidden sheet.`;

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
 * How many table columns right of the new block are the earlier block's own, to be deleted: those
 * from just after the block, within the earlier block and the table, whose header (read now, in
 * this run) is one of the add-in's "▸ …". The first that is not ends the count, so a column the
 * user added to the table beside the block is never removed. One sync, only when there are any.
 */
async function surplusStatusColumns(
  context: ExcelContext,
  sheet: ExcelWorksheet,
  model: StatusColumnsModel,
  table: RangePosition,
): Promise<number> {
  const blockRight = model.firstColumn + model.headers.length - 1;
  const last = Math.min(table.right, model.firstColumn + model.clear.columns - 1);
  if (last <= blockRight) return 0;
  const headers = sheet.getRange(
    `${cellAddress(model.headerRow, blockRight + 1)}:${cellAddress(model.headerRow, last)}`,
  );
  headers.load("values");
  await context.sync();
  const cells = headers.values[0] ?? [];
  const owned = cells.findIndex((v) => typeof v !== "string" || !v.startsWith(STATUS_HEADER_PREFIX));
  return owned < 0 ? cells.length : owned;
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
 * one `Excel.run`; reads size every sheet in one sync and then load fixed-budget row chunks; writes
 * rewrite the add-in's own sheet in place as one undo step where Excel can undo them (ExcelApi 1.20)
 * and elsewhere go to a new hidden sheet that replaces the old one only once complete; fixes re-read
 * each cell in the same run before writing it, with their Change log rows. What the host cannot do
 * is said in `takeNotes()` or a write's notes; what goes
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
            merges: canMerges && merged && !merged.isNullObject ? rangesIn(merged.address) : [],
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
   * Where Excel can undo an add-in's changes (ExcelApi 1.20) the add-in's sheet is rewritten in place
   * (`writeModelInPlace`), as one undo step, so the user's own undo history survives. Elsewhere
   * (and for a sheet that must be hidden, which Excel on Windows cannot do undoably) the new content
   * goes to a new hidden sheet; only when it is complete is the old sheet renamed aside, the new one
   * given its name, place and visibility, the register of owned sheets updated and the old sheet
   * deleted, all in one sync. If anything fails, the new sheet is deleted and the old one keeps its
   * name, so the workbook is as it was. Deleting a sheet empties Excel's undo stack; before
   * ExcelApi 1.20 every add-in change does anyway.
   */
  async writeModel(model: SheetModel): Promise<SheetWriteOutcome> {
    const minimum = this.minimumProblem();
    if (minimum) return { ok: false, problem: minimum };
    const features = this.writeFeatures();
    if (this.keepsUndo()) {
      const inPlace = await this.writeModelInPlace(model, features);
      if (inPlace !== "hide") return inPlace;
    }
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
        writeRegister(context, plan.registerParts, ownedSheetsXml(after));
        target?.delete();
        await context.sync();
        if (note) notes.unshift(note);
        // Where Excel keeps undo history, deleting the hidden sheet this one replaces has cleared it.
        if (this.keepsUndo() && target) notes.push(HIDDEN_SHEET_UNDO_NOTE(finalName));
        return { ok: true, name: finalName, replaced: target !== undefined, notes };
      });
    } catch (error) {
      if (written) await this.undoWrite(written);
      return { ok: false, problem: problemOf(error, `write “${model.name}”`) };
    }
  }

  /**
   * Rewrites the add-in's own sheet in place in one `Excel.run` merged into one undo step: its
   * charts deleted, its cells, formats, merges and links cleared, its freeze, filter, widths and
   * heights reset, then the model written (a new sheet is added where there is none). No sheet is
   * deleted, renamed, moved or hidden: those cannot be undone and would empty the user's undo stack
   * (Undo capabilities in Excel add-ins, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
   * If Excel fails part-way the sheet may be half written; Undo takes the whole step back.
   */
  private async writeModelInPlace(
    model: SheetModel,
    features: WriteFeatures,
  ): Promise<SheetWriteOutcome | "hide"> {
    let started = false;
    try {
      const options: ExcelRunOptions = this.keepsUndo() ? { mergeUndoGroup: true } : {};
      return await this.host.run(options, async (context): Promise<SheetWriteOutcome | "hide"> => {
        const plan = await planWrite(context, model);
        if (!plan.ok) return plan;
        // A sheet that must be hidden first (a new one, or ours shown by the user) cannot be, undoably,
        // on Windows or Mac: it goes the swap's way, having changed nothing here.
        const visibility = officeVisibility[model.visibility ?? "visible"];
        if (plan.target ? plan.target.visibility !== visibility : visibility !== "Visible") return "hide";
        const { notes } = await writeIntoOwnSheet(context, plan, model, features, () => (started = true));
        return {
          ok: true,
          name: plan.target?.name ?? plan.finalName,
          replaced: plan.target !== undefined,
          notes: [...(plan.note ? [plan.note] : []), ...notes],
        };
      });
    } catch (error) {
      const problem = problemOf(error, `write “${model.name}”`);
      if (!started) return { ok: false, problem };
      return {
        ok: false,
        problem: {
          ...problem,
          message: `Excel could not finish writing “${model.name}”, so it may be incomplete: Undo (Ctrl+Z) once puts back what it held, or run the job again.`,
        },
      };
    }
  }

  /** What this Excel can do beyond the add-in's minimum, for writing sheets. */
  private writeFeatures(): WriteFeatures {
    return {
      gridlines: this.supports(OPTIONAL_API.gridlines),
      pageLayout: this.supports(OPTIONAL_API.pageLayout),
      autoFilter: this.supports(OPTIONAL_API.autoFilter),
      charts: this.supports(OPTIONAL_API.charts),
    };
  }

  /**
   * Whether the add-in's changes join the user's undo stack: from ExcelApi 1.20 ("adds undo support
   * for Excel JavaScript APIs"); before it they cannot be undone and empty it.
   */
  keepsUndo(): boolean {
    return this.supports(OPTIONAL_API.undoGroup);
  }

  undoHistory(): "kept" | "cleared" {
    return this.keepsUndo() ? "kept" : "cleared";
  }

  /**
   * Writes the status block beside a tracker table in one `Excel.run`: values in row chunks under the
   * payload budget (blanks as "" so the earlier block's cells are cleared), the date column's
   * format, then the block's conditional formats cleared and added again (ExcelApi 1.6, within the
   * manifest's 1.7). Only the block's cells change. The marker's note is not written: notes need
   * ExcelApi 1.18, and the marker header says whose the columns are. Where Excel can undo it
   * (ExcelApi 1.20) the whole block is one undo step.
   */
  async writeStatusColumns(model: StatusColumnsModel): Promise<StatusColumnsWrite> {
    const minimum = this.minimumProblem();
    if (minimum) return { ok: false, problem: { code: "write-failed", message: minimum.message } };
    const options: ExcelRunOptions = this.keepsUndo() ? { mergeUndoGroup: true } : {};
    try {
      return await this.host.run(options, async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(model.sheet);
        sheet.load("name,protection/protected");
        await context.sync();
        if (sheet.isNullObject) return statusColumnsRefused("sheet-missing", model.sheet);
        if (sheet.protection.protected) return statusColumnsRefused("sheet-protected", sheet.name);

        const table = await trackerTableOf(context, sheet, model);
        // Table columns are shaped before any value is written: a blank written to a table's
        // header becomes "Column1", so the add-in's surplus columns leave the table first, and the
        // new ones join it (blank, under their header) before the chunked writes fill them.
        const blockRight = model.firstColumn + model.headers.length - 1;
        const earlierRight = model.firstColumn + model.clear.columns - 1;
        if (table && table.at.right > earlierRight && blockRight !== earlierRight) {
          // The table's own columns stand right of the block: a block of another width would
          // delete or move them (as the .xlsx port, refuse, changing nothing).
          return { ok: false, problem: statusColumnsInsideTable(model, table.table.name) };
        }
        const removed = table ? await surplusStatusColumns(context, sheet, model, table.at) : 0;
        if (table) {
          // Only the earlier block's own "▸ …" columns go: a column the user added to the table
          // right of the block is theirs. Deleting shifts the table's cells on the right left.
          for (let column = blockRight + removed; column > blockRight; column--) {
            table.table.columns.getItemAt(column - table.at.left).delete();
          }
          for (let column = table.at.right + 1; column <= blockRight; column++) {
            table.table.columns.add(undefined, undefined, model.headers[column - model.firstColumn]);
          }
        }

        // The earlier block's columns that are left to blank: those deleted from the table are gone
        // from its rows, and what stood right of them (the user's) is now there.
        const width = Math.max(model.clear.columns - removed, model.headers.length);
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
      const parts = context.workbook.customXmlParts.getByNamespace(OWNED_SHEETS_NAMESPACE);
      parts.load("items/id");
      await context.sync();
      if (!temp.isNullObject) temp.delete();
      if (backup && !backup.isNullObject && written.originalName) backup.name = written.originalName;
      if (written.registry === undefined) for (const part of parts.items) part.delete();
      else writeRegister(context, parts.items, written.registry);
      await context.sync();
    });
  }

  /**
   * Appends below the owned sheet's used range in one `Excel.run`: where the sheet ends is read in
   * the same sync that finds the sheet, then the rows are written in chunks under the payload limit.
   * Nothing above is rewritten, so a co-author's rows appended meanwhile stay (Excel merges edits to
   * different cells), unlike replacing the sheet, which would delete them with the old sheet.
   */
  async appendRows(output: string, rows: readonly (readonly ModelValue[])[]): Promise<AppendRows> {
    this.requireMinimum();
    try {
      return await this.host.run({}, async (context): Promise<AppendRows> => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name,items/id,items/protection/protected");
        const entries = parseOwnedSheets((await readRegister(context)) ?? "");
        const outputs = outputNamesByKey(
          entries,
          "office",
          await hostSheetsIn(context, sheets.items, entries),
        );
        const sheet = sheets.items.find((s) => {
          const name = outputs.get(s.id);
          return name !== undefined && sameSheetName(name, output);
        });
        if (!sheet) return { kind: "missing" };
        if (sheet.protection.protected) return { kind: "protected", name: sheet.name };
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,rowCount");
        await context.sync();
        const firstRow = used.isNullObject ? 1 : used.rowIndex + used.rowCount + 1;
        const width = Math.max(1, ...rows.map((r) => r.length));
        const chunk = rowsPerChunk(width);
        for (let start = 0; start < rows.length; start += chunk) {
          const cells = rows
            .slice(start, start + chunk)
            .map((r) => Array.from({ length: width }, (_, c) => appendedCell(r[c] ?? null)));
          const top = firstRow + start;
          const range = sheet.getRange(`A${top}:${columnLetters(width)}${top + cells.length - 1}`);
          range.numberFormat = cells.map((r) => r.map((c) => c[1]));
          range.values = cells.map((r) => r.map((c) => c[0]));
          await context.sync();
        }
        return { kind: "appended", name: sheet.name, firstRow };
      });
    } catch (error) {
      throw error instanceof OfficeWorkbookError
        ? error
        : new OfficeWorkbookError(problemOf(error, `add rows to “${output}”`));
    }
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
    return (await this.applyChangesAndLog(changes, () => undefined)).report;
  }

  /**
   * Applies confirmed fixes as `applyChanges` does and, in the same `Excel.run`, writes their rows
   * of the Change log: appended below the log's last row (a new log sheet where there is none), so
   * no sheet is deleted and, on ExcelApi 1.20, Undo takes back the fix and its log rows as one step.
   * If Excel fails part-way, the cells get their old values back and the rows added are cleared.
   */
  async applyChangesAndLog(
    changes: ChangeSet,
    log: (report: ApplyReport) => LogAppend | undefined,
  ): Promise<{ report: ApplyReport; log?: SheetWrite }> {
    this.requireMinimum();
    const report: ApplyReport = { applied: [], skipped: [] };
    if (changes.changes.length === 0) return { report };
    const options: ExcelRunOptions = this.keepsUndo() ? { mergeUndoGroup: true } : {};
    const written: Array<{ change: CellChange; value: unknown; format: unknown }> = [];
    let logged: LogWrite | undefined;
    let logWrite: SheetWrite | undefined;
    try {
      await this.host.run(options, async (context) => {
        await applyCells(context, changes, report, written);
        const entry = log(report);
        if (entry) {
          logged = { sheet: entry.model.name };
          const outcome = await appendLog(context, entry, this.writeFeatures(), logged);
          if (!outcome.ok) throw new OfficeWorkbookError(outcome.problem);
          logWrite = { name: outcome.name, replaced: outcome.replaced, notes: outcome.notes };
        }
        await context.sync();
      });
    } catch (error) {
      if (written.length > 0) await this.restoreCells(written, logged);
      throw new OfficeWorkbookError(problemOf(error, "apply the fixes"));
    }
    // Keep the order the changes were given in.
    const order = new Map(changes.changes.map((c, i) => [c, i]));
    report.skipped.sort((a, b) => (order.get(a.change) ?? 0) - (order.get(b.change) ?? 0));
    return logWrite ? { report, log: logWrite } : { report };
  }

  private async restoreCells(
    written: Array<{ change: CellChange; value: unknown; format: unknown }>,
    logged?: LogWrite,
  ): Promise<void> {
    await this.host.run({}, async (context) => {
      for (const { change, value, format } of written) {
        const range = context.workbook.worksheets.getItemOrNullObject(change.sheet).getRange(change.cell);
        range.numberFormat = [[format]];
        // A Text ("@") cell takes text as it is; elsewhere an apostrophe keeps it from being parsed.
        const quoted = typeof value === "string" && format !== "@" && needsTextFormat(value);
        range.values = [[quoted ? `'${value}` : value]];
      }
      // The log rows of changes no longer made go too: a log sheet made for them, or the rows added.
      const log = logged && context.workbook.worksheets.getItemOrNullObject(logged.sheet);
      if (log && logged?.created) log.delete();
      else if (log && logged?.rows) log.getRange(logged.rows).clear("All");
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
      /** The register's custom XML parts as found (none, one, or several written at once). */
      registerParts: ExcelCustomXmlPart[];
      entries: OwnedSheet[];
      hostSheets: HostSheet[];
      names: string[];
      note?: string;
    }
  | { ok: false; problem: OfficeProblem };

async function planWrite(context: ExcelContext, model: SheetModel): Promise<WritePlan> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  sheets.load("items/name,items/id,items/position,items/visibility,items/protection/protected");
  workbook.protection.load("protected");
  const { xml: registry, parts: registerParts } = await readRegisterParts(context);
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
    registerParts,
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
  return (await readRegisterParts(context)).xml;
}

/**
 * The register's parts and what they hold together. Two panes (or co-authors) that each found no
 * register and added one leave two parts of our namespace; Office's getOnlyItemOrNullObject then
 * answers null, which would make every output the user's. Their entries together are the register,
 * and the next write keeps it in the first part and deletes the others.
 */
async function readRegisterParts(
  context: ExcelContext,
): Promise<{ xml?: string; parts: ExcelCustomXmlPart[] }> {
  const scoped = context.workbook.customXmlParts.getByNamespace(OWNED_SHEETS_NAMESPACE);
  scoped.load("items/id");
  await context.sync();
  const parts = scoped.items;
  if (parts.length === 0) return { parts };
  const xmls = parts.map((part) => part.getXml());
  await context.sync();
  return { xml: mergedRegisters(xmls.map((x) => x.value)), parts };
}

/** The register written into its first part, any further part deleted (or a part added for it). */
function writeRegister(context: ExcelContext, parts: readonly ExcelCustomXmlPart[], xml: string): void {
  const [first, ...extra] = parts;
  if (first === undefined) {
    context.workbook.customXmlParts.add(xml);
    return;
  }
  first.setXml(xml);
  for (const part of extra) part.delete();
}

/** An appended cell as Office takes it: its value and number format (a date as a dd/mm/yyyy date). */
function appendedCell(value: ModelValue): [string | number | boolean, string] {
  if (value !== null && typeof value === "object")
    return [officeValueOf(utcDateFromEpochDay(value.date)), UK_DATE_FORMAT];
  if (typeof value === "string" && needsTextFormat(value)) return [value, TEXT_FORMAT];
  return [officeValueOf(value), "General"];
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

/**
 * Queues the fixes of a change set: each cell re-read first (the previous chunk's writes travel
 * with the next chunk's reads), skipped when missing, protected or edited since, else written and
 * its old value and format kept in `written`. The last chunk's writes are left for the caller's sync.
 */
async function applyCells(
  context: ExcelContext,
  changes: ChangeSet,
  report: ApplyReport,
  written: Array<{ change: CellChange; value: unknown; format: unknown }>,
): Promise<void> {
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
}

type WritePlanOk = Extract<WritePlan, { ok: true }>;

/**
 * Writes a model into the add-in's own sheet (the plan's target) in place, or into a sheet added
 * under the plan's name, and records it in the register of owned sheets: three syncs for a sheet
 * that fits one batch (clear or add, content, and the plan's before them).
 */
async function writeIntoOwnSheet(
  context: ExcelContext,
  plan: WritePlanOk,
  model: SheetModel,
  features: WriteFeatures,
  begun: () => void = () => undefined,
): Promise<{ sheet: ExcelWorksheet; notes: string[] }> {
  const flush = async (): Promise<void> => {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    await context.sync();
  };
  let sheet: ExcelWorksheet;
  if (plan.target) {
    sheet = plan.target;
    sheet.charts.load("items/name");
    await context.sync();
    for (const chart of sheet.charts.items) chart.delete();
    const all = sheet.getRange();
    all.clear("All");
    all.format.useStandardWidth = true;
    all.format.useStandardHeight = true;
    sheet.freezePanes.unfreeze();
    if (features.autoFilter) sheet.autoFilter.remove();
    if (features.gridlines) sheet.showGridlines = true;
    sheet.tabColor = "";
  } else {
    sheet = context.workbook.worksheets.add(plan.finalName);
  }
  sheet.load("id");
  // The sheet cleared or added on its own sync: from here on, the run has changed the workbook.
  await context.sync();
  begun();
  registerOwned(context, plan, { key: sheet.id, name: plan.target?.name ?? plan.finalName }, model);
  const notes = await writeSheetModel(sheet, model, features, flush);
  return { sheet, notes };
}

/** The register of owned sheets with `sheet` as the model's (in place of the plan's target). */
function registerOwned(context: ExcelContext, plan: WritePlanOk, sheet: HostSheet, model: SheetModel): void {
  const entry: OwnedSheet = {
    host: "office",
    key: sheet.key,
    name: model.name,
    sheet: sheet.name,
    purpose: model.purpose,
    ...stampField(model),
  };
  const xml = ownedSheetsXml(
    registerAfterWrite(plan.entries, "office", plan.hostSheets, entry, plan.target?.id),
  );
  writeRegister(context, plan.registerParts, xml);
}

/** Where a fix's log rows went, so a failed fix can take them back. */
interface LogWrite {
  sheet: string;
  /** The log sheet was added for these rows. */
  created?: boolean;
  /** The rows appended ("A12:H14"). */
  rows?: string;
}

/**
 * The Change log rows of a fix, in the fix's own run: below the last used row of the add-in's log
 * sheet (its autofilter widened to them), or the whole log on a sheet added where there is none.
 * A user's sheet named "Change log" is left alone, as `writeSheet` leaves it.
 */
async function appendLog(
  context: ExcelContext,
  entry: LogAppend,
  features: WriteFeatures,
  logged: LogWrite,
): Promise<SheetWriteOutcome> {
  const plan = await planWrite(context, entry.model);
  if (!plan.ok) return plan;
  logged.sheet = plan.target?.name ?? plan.finalName;
  const used = plan.target?.getUsedRangeOrNullObject(true);
  used?.load("rowIndex,rowCount");
  if (used) await context.sync();
  const last = used && !used.isNullObject ? used.rowIndex + used.rowCount : 0;
  if (!plan.target || last === 0) {
    logged.created = !plan.target;
    const { notes } = await writeIntoOwnSheet(context, plan, entry.model, features);
    return {
      ok: true,
      name: logged.sheet,
      replaced: plan.target !== undefined,
      notes: [...(plan.note ? [plan.note] : []), ...notes],
    };
  }
  const cells = [...modelCellsOf(entry.model)];
  const lastModelRow = cells.reduce((max, c) => Math.max(max, c.row), 0);
  const firstNew = lastModelRow - entry.newRows + 1;
  const shift = last + 1 - firstNew;
  const added = cells.filter((c) => c.row >= firstNew).map((c) => ({ ...c, row: c.row + shift }));
  const width = cells.reduce((max, c) => Math.max(max, c.column), 1);
  logged.rows = `A${last + 1}:${columnLetters(width)}${last + entry.newRows}`;
  const filter = entry.model.autoFilter ? `A1:${columnLetters(width)}${last + entry.newRows}` : undefined;
  if (filter && features.autoFilter) plan.target.autoFilter.remove();
  const rows: SheetModel = {
    name: entry.model.name,
    purpose: entry.model.purpose,
    cells: added,
    ...(filter ? { autoFilter: filter } : {}),
  };
  const notes = await writeSheetModel(plan.target, rows, features, async () => {
    await context.sync();
  });
  return { ok: true, name: logged.sheet, replaced: true, notes };
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
