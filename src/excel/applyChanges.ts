import type { CellValue } from "../engine/cells/CellValue";
import type { ApplyReport, CellChange, ChangeSet, LogAppend } from "../engine/port/ChangeSet";
import { skipReason } from "../engine/port/MemoryWorkbook";
import type { SheetWrite } from "../engine/port/WorkbookPort";
import type { ExcelContext, ExcelRunOptions, ExcelWorksheet } from "./OfficeApi";
import { cellValueFromOffice, isDateFormat, needsTextFormat, officeValueOf } from "./officeCellValue";
import { OfficeWorkbookError, problemOf } from "./OfficeWorkbookError";
import { UK_DATE_FORMAT } from "./writeSheetModel";
import type { OfficeAccess } from "./officeAccess";
import { appendLog, type LogWrite } from "./appendLog";

/**
 * Changes re-read and written per sync: each is two statements of about 200 bytes and a response of
 * one value and format, so 2,000 changes stay near 1 MB, well inside the budget.
 */
const CHANGES_PER_SYNC = 2_000;

/**
 * Applies confirmed fixes as `applyChanges` does and, in the same `Excel.run`, writes their rows
 * of the Change log: appended below the log's last row (a new log sheet where there is none), so
 * no sheet is deleted and, on ExcelApi 1.20, Undo takes back the fix and its log rows as one step.
 * If Excel fails part-way, the cells get their old values back and the rows added are cleared.
 */
export async function applyChangesAndLog(
  access: OfficeAccess,
  changes: ChangeSet,
  log: (report: ApplyReport) => LogAppend | undefined,
): Promise<{ report: ApplyReport; log?: SheetWrite }> {
  access.requireMinimum();
  const report: ApplyReport = { applied: [], skipped: [] };
  if (changes.changes.length === 0) return { report };
  const options: ExcelRunOptions = access.keepsUndo() ? { mergeUndoGroup: true } : {};
  const written: Array<{ change: CellChange; value: unknown; format: unknown }> = [];
  let logged: LogWrite | undefined;
  let logWrite: SheetWrite | undefined;
  try {
    await access.host.run(options, async (context) => {
      await applyCells(context, changes, report, written);
      const entry = log(report);
      if (entry) {
        logged = { sheet: entry.model.name };
        const outcome = await appendLog(context, entry, access.writeFeatures(), logged);
        if (!outcome.ok) throw new OfficeWorkbookError(outcome.problem);
        logWrite = { name: outcome.name, replaced: outcome.replaced, notes: outcome.notes };
      }
      await context.sync();
    });
  } catch (error) {
    if (written.length > 0) await restoreCells(access, written, logged);
    throw new OfficeWorkbookError(problemOf(error, "apply the fixes"));
  }
  // Keep the order the changes were given in.
  const order = new Map(changes.changes.map((c, i) => [c, i]));
  report.skipped.sort((a, b) => (order.get(a.change) ?? 0) - (order.get(b.change) ?? 0));
  return logWrite ? { report, log: logWrite } : { report };
}

async function restoreCells(
  access: OfficeAccess,
  written: Array<{ change: CellChange; value: unknown; format: unknown }>,
  logged?: LogWrite,
): Promise<void> {
  await access.host.run({}, async (context) => {
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
