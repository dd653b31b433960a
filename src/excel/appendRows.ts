import type { ModelValue } from "../engine/port/SheetModel";
import type { AppendRows } from "../engine/port/WorkbookPort";
import { columnLetters } from "../engine/tables/cellAddress";
import { rowsPerChunk } from "./excelPayload";
import { TEXT_FORMAT, needsTextFormat, officeValueOf } from "./officeCellValue";
import { OfficeWorkbookError, problemOf } from "./OfficeWorkbookError";
import { outputNamesByKey, parseOwnedSheets, sameSheetName } from "../engine/port/ownedSheets";
import { UK_DATE_FORMAT } from "./writeSheetModel";
import { utcDateFromEpochDay } from "../engine/dates/epochDay";
import type { OfficeAccess } from "./officeAccess";
import { hostSheetsIn, readRegister } from "./ownedRegister";

/**
 * Appends below the owned sheet's used range in one `Excel.run`: where the sheet ends is read in
 * the same sync that finds the sheet, then the rows are written in chunks under the payload limit.
 * Nothing above is rewritten, so a co-author's rows appended meanwhile stay (Excel merges edits to
 * different cells), unlike replacing the sheet, which would delete them with the old sheet.
 */
export async function appendRows(
  access: OfficeAccess,
  output: string,
  rows: readonly (readonly ModelValue[])[],
): Promise<AppendRows> {
  access.requireMinimum();
  try {
    return await access.host.run({}, async (context): Promise<AppendRows> => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id,items/protection/protected");
      const entries = parseOwnedSheets((await readRegister(context)) ?? "");
      const outputs = outputNamesByKey(entries, "office", await hostSheetsIn(context, sheets.items, entries));
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

/** An appended cell as Office takes it: its value and number format (a date as a dd/mm/yyyy date). */
function appendedCell(value: ModelValue): [string | number | boolean, string] {
  if (value !== null && typeof value === "object")
    return [officeValueOf(utcDateFromEpochDay(value.date)), UK_DATE_FORMAT];
  if (typeof value === "string" && needsTextFormat(value)) return [value, TEXT_FORMAT];
  return [officeValueOf(value), "General"];
}
