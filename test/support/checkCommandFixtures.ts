import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MESSY_FOSTERING_SUPPORT, MESSY_JOINT_TRACKER } from "./checkTrackerFixtures";

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
  for (const row of MESSY_JOINT_TRACKER) jt.addRow([...row]);
  for (const cell of ["B2", "B3", "B4", "C3", "C4", "E2", "F3"]) jt.getCell(cell).numFmt = "dd/mm/yyyy";
  const fs = wb.addWorksheet("Fostering Support");
  for (const row of MESSY_FOSTERING_SUPPORT) fs.addRow([...row]);
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
