import ExcelJS from "exceljs";
import type { MemorySheet } from "../../src/engine/port/MemoryWorkbook";

/**
 * Writes sheets, given as a port would read them, to a real .xlsx file with exceljs, so the .xlsx
 * port is tested against files Excel could have saved: dates are real dates formatted dd/mm/yyyy,
 * errors are error cells, merges, protection, hidden rows and sheet visibility are set.
 */
export async function writeXlsxFixture(path: string, sheets: readonly MemorySheet[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { state: sheet.visibility ?? "visible" });
    sheet.values.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (value instanceof Date) {
          cell.value = value;
          cell.numFmt = "dd/mm/yyyy";
        } else if (typeof value === "object") {
          cell.value = { error: value.error } as ExcelJS.CellErrorValue;
        } else {
          cell.value = value;
        }
      });
    });
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
    for (const row of sheet.hiddenRows ?? []) ws.getRow(row).hidden = true;
    if (sheet.protected) await ws.protect("", {});
  }
  await workbook.xlsx.writeFile(path);
}
