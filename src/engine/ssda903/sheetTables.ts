import type { CellValue } from "../cells/CellValue";
import { isCellError } from "../cells/CellValue";
import { epochDayFromUtcDate, formatIsoDate } from "../dates/epochDay";
import type { SheetSnapshot } from "../port/WorkbookPort";
import type { CsvRow, CsvTable } from "./readCsv";

/**
 * The sheets of an .xlsx export of the extract (one table a sheet, as some case systems and the
 * practitioners' own tools save it) as the tables the CSV reader would give: the first non-blank row
 * is the header, cells become the text a CSV export would hold. A real date becomes yyyy-mm-dd; a
 * number stays a number, so a date the sheet holds as a serial is read as an Excel date number.
 * Sheets without a row of data are left out.
 */
export function tablesOfSheets(fileName: string, sheets: readonly SheetSnapshot[]): CsvTable[] {
  const tables: CsvTable[] = [];
  for (const sheet of sheets) {
    const rows: CsvRow[] = sheet.values
      .map((cells, i) => ({ line: i + 1, fields: cells.map(textOfCell) }))
      .filter((row) => row.fields.some((f) => f.trim() !== ""));
    const [header, ...body] = rows;
    if (header === undefined) continue;
    tables.push({
      file: `${fileName} [${sheet.name}]`,
      encoding: "sheet",
      separator: ",",
      header,
      rows: body,
    });
  }
  return tables;
}

function textOfCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return formatIsoDate(epochDayFromUtcDate(value));
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value).toUpperCase();
  return isCellError(value) ? value.error : "";
}
