import { rm } from "node:fs/promises";
import ExcelJS from "exceljs";
import { buildHistorySheet } from "../engine/history/historySheet";
import type { CellValue } from "../engine/cells/CellValue";
import type { SampleSheet, SampleTracker } from "../engine/sample/SampleTracker";
import { XlsxWorkbook } from "./XlsxWorkbook";

/**
 * Writes a generated sample tracker to an .xlsx file the way a business support officer would have
 * laid it out: bold header, frozen below it, dates shown dd/mm/yyyy, columns wide enough to read.
 *
 * It streams rows to the file, so a 100,000-child benchmark workbook does not hold every cell model
 * in memory at once. Dates are `Date` objects at UTC midnight: exceljs writes them as the serial of
 * that day, which Excel shows as the same calendar date wherever it is opened.
 */
export async function writeSampleWorkbook(sample: SampleTracker, file: string): Promise<void> {
  const history = sample.history;
  const streamed = history ? `${file}.tracker-sheets.tmp` : file;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: streamed, useStyles: true });
  workbook.creator = "tracker sample";
  for (const sheet of sample.sheets) writeSheet(workbook, sheet);
  await workbook.commit();
  if (!history) return;
  // The Tracker history is the add-in's own sheet, so it is written as the add-in writes it: through
  // the port, hidden, and listed in the workbook's register of owned sheets (a sheet exceljs wrote
  // would be taken for a user's sheet of that name, and left alone).
  try {
    const port = await XlsxWorkbook.load(streamed);
    const snapshot = { name: history.name, values: history.values, merges: [], protected: false };
    await port.writeSheet(buildHistorySheet(snapshot, [], "hidden"));
    await port.save(file);
  } finally {
    await rm(streamed, { force: true });
  }
}

const DATE_FORMAT = "dd/mm/yyyy";
const MIN_WIDTH = 8;
const MAX_WIDTH = 40;

function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SampleSheet): void {
  const header = sheet.values[sheet.headerRow - 1] ?? [];
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: "frozen", ySplit: sheet.headerRow, xSplit: 0 }],
  });
  worksheet.columns = header.map((_title, c) => ({ width: columnWidth(sheet, c) }));
  // The title and header rows stay open until their merges are made: a streamed row, once
  // committed, cannot be changed.
  const top: ExcelJS.Row[] = [];
  sheet.values.forEach((values, r) => {
    const row = worksheet.addRow(values.map(toExcel));
    const rowNumber = r + 1;
    if (rowNumber <= sheet.headerRow) {
      row.font = rowNumber === sheet.headerRow ? { bold: true } : { bold: true, size: 14 };
      if (rowNumber === sheet.headerRow) row.alignment = { wrapText: true, vertical: "top" };
      top.push(row);
      if (rowNumber < sheet.headerRow) return;
      for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
      for (const open of top) open.commit();
      return;
    }
    values.forEach((value, c) => {
      if (value instanceof Date) row.getCell(c + 1).numFmt = DATE_FORMAT;
    });
    row.commit();
  });
  worksheet.commit();
}

const EXCEL_ERRORS: readonly ExcelJS.CellErrorValue["error"][] = [
  "#N/A",
  "#REF!",
  "#NAME?",
  "#DIV/0!",
  "#NULL!",
  "#VALUE!",
  "#NUM!",
];

function toExcel(value: CellValue): ExcelJS.CellValue {
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  // An error value exceljs cannot write (#SPILL! and other newer ones) is written as its text.
  const known = EXCEL_ERRORS.find((e) => e === value.error);
  return known === undefined ? value.error : { error: known };
}

/** Wide enough for the header and the longest of the first rows, in Excel's character units. */
function columnWidth(sheet: SampleSheet, column: number): number {
  let width = MIN_WIDTH;
  const last = Math.min(sheet.values.length, sheet.headerRow + 200);
  for (let r = sheet.headerRow - 1; r < last; r++) {
    const value = sheet.values[r]?.[column];
    const length =
      value instanceof Date ? 10 : value === null || value === undefined ? 0 : String(value).length;
    // A long header wraps onto two lines rather than making the column very wide.
    width = Math.max(width, (r === sheet.headerRow - 1 ? Math.ceil(length / 2) : length) + 2);
  }
  return Math.min(MAX_WIDTH, width);
}
