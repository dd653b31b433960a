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
import { rowsPerChunk } from "./excelPayload";
import type { ExcelContext, ExcelRunOptions, ExcelTable, ExcelWorksheet } from "./OfficeApi";
import { problemOf } from "./OfficeWorkbookError";
import { UK_DATE_FORMAT, pointsOfCharacters } from "./writeSheetModel";
import { excelSerialFromEpochDay } from "../engine/cells/coerceCellDate";
import type { OfficeAccess } from "./officeAccess";
import { rangesIn } from "./rangeAddresses";

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

/**
 * Writes the status block beside a tracker table in one `Excel.run`: values in row chunks under the
 * payload budget (blanks as "" so the earlier block's cells are cleared), the date column's
 * format, then the block's conditional formats cleared and added again (ExcelApi 1.6, within the
 * manifest's 1.7). Only the block's cells change. The marker's note is not written: notes need
 * ExcelApi 1.18, and the marker header says whose the columns are. Where Excel can undo it
 * (ExcelApi 1.20) the whole block is one undo step.
 */
export async function writeStatusColumns(
  access: OfficeAccess,
  model: StatusColumnsModel,
): Promise<StatusColumnsWrite> {
  const minimum = access.minimumProblem();
  if (minimum) return { ok: false, problem: { code: "write-failed", message: minimum.message } };
  const options: ExcelRunOptions = access.keepsUndo() ? { mergeUndoGroup: true } : {};
  try {
    return await access.host.run(options, async (context) => {
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
