import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** A fresh folder under the system's temp folder for one test file's workbooks. */
export function tempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A real .xlsx tracker as exceljs writes it, with planted problems (made-up IDs and names): a text
 * date, TBC, an impossible date, a PPM before BLA, one worker written two ways, a household with more
 * children than places. `protectedSupport` protects the Fostering Support sheet.
 */
export async function writeMessyTracker(
  path: string,
  options: { protectedSupport?: boolean } = {},
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const jt = wb.addWorksheet("Joint Tracker");
  jt.addRow([
    "Child ID",
    "Date of birth",
    "Date became looked after",
    "Social worker",
    "1st CLA review",
    "1st PPM",
  ]);
  jt.addRow(["C1", utc(2016, 5, 1), "3rd April 2024", "Jane Smith", utc(2024, 4, 30), "TBC"]);
  jt.addRow(["C2", utc(2017, 6, 2), utc(2024, 6, 3), "Jane Smith", "31/02/2024", utc(2024, 5, 20)]);
  jt.addRow(["C3", utc(2018, 7, 3), utc(2024, 9, 2), "jane smith ", null, null]);
  for (const cell of ["B2", "B3", "B4", "C3", "C4", "E2", "F3"]) jt.getCell(cell).numFmt = "dd/mm/yyyy";
  const fs = wb.addWorksheet("Fostering Support");
  fs.addRow([
    "Household ID",
    "Supervising social worker",
    "Approval date",
    "Approved places",
    "Children placed",
  ]);
  fs.addRow(["H1", "Tom Green ", utc(2020, 1, 6), 2, 3]);
  fs.getCell("C2").numFmt = "dd/mm/yyyy";
  if (options.protectedSupport) await fs.protect("", {});
  await wb.xlsx.writeFile(path);
  return path;
}

/** A tracker with nothing wrong. */
export async function writeCleanTracker(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const jt = wb.addWorksheet("Joint Tracker");
  jt.addRow(["Child ID", "Date became looked after", "Social worker"]);
  jt.addRow(["C1", utc(2024, 4, 3), "Jane Smith"]);
  jt.getCell("B2").numFmt = "dd/mm/yyyy";
  await wb.xlsx.writeFile(path);
  return path;
}
