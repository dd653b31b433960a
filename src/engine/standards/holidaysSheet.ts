import { coerceCellDate } from "../cells/coerceCellDate";
import { plainCellText } from "../cells/plainCellText";
import { dayOfWeek, formatUkDate, type EpochDay } from "../dates/epochDay";
import type { SheetModel } from "../port/SheetModel";
import { SheetRuns } from "../port/sheetRuns";
import type { SheetSnapshot } from "../port/WorkbookPort";
import { normaliseHeader } from "../profile/TrackerProfile";
import { cellAddress } from "../tables/cellAddress";
import type { SheetRowFinding } from "./SheetRowFinding";

/*
 * The Holidays sheet: days that are not working days beyond weekends and the England & Wales bank
 * holidays the add-in knows (2010–2030): later years' bank holidays and local closure days, such as
 * the days between Christmas and New Year. They are read into createWorkingDayCalendar({ closedDays }).
 */

export const HOLIDAYS_SHEET_NAME = "Holidays";
const HEADER_ROW = 3;

export interface HolidayEntry {
  day: EpochDay;
  /** What the day is ("Office closed", "Christmas Day 2031"). */
  name: string;
}

export function buildHolidaysSheet(entries: readonly HolidayEntry[] = []): SheetModel {
  const c = new SheetRuns();
  c.cell(1, 1, "Holidays and closure days", { bold: true, size: 14 });
  c.cell(
    2,
    1,
    "Weekends and England & Wales bank holidays 2010–2030 are already excluded from working days. " +
      "Add later years' bank holidays (gov.uk) and local closure days below, one date (dd/mm/yyyy) a row.",
    { italic: true },
  );
  c.row(HEADER_ROW, 1, ["Date", "What the day is"], { bold: true, fill: "D9E1F2", border: true });
  [...entries]
    .sort((a, b) => a.day - b.day)
    .forEach((entry, i) => {
      c.row(HEADER_ROW + 1 + i, 1, [{ date: entry.day }, entry.name], [{ numberFormat: "dd/mm/yyyy" }]);
    });
  return {
    name: HOLIDAYS_SHEET_NAME,
    purpose: "holidays",
    runs: c.runs,
    columnWidths: { 1: 14, 2: 40 },
    freeze: { rows: HEADER_ROW, columns: 0 },
  };
}

const text = plainCellText;

/**
 * The closure days of a Holidays sheet: every date under a "Date" header (the first column when
 * there is no such header). Cells that are not dates are reported with their cell and skipped.
 */
export function readHolidaysSheet(snapshot: SheetSnapshot): {
  days: EpochDay[];
  findings: SheetRowFinding[];
} {
  const findings: SheetRowFinding[] = [];
  let headerIndex = -1;
  let dateColumn = 0;
  for (let r = 0; r < Math.min(snapshot.values.length, 20) && headerIndex < 0; r++) {
    const at = (snapshot.values[r] ?? []).findIndex((v) => normaliseHeader(text(v)) === "date");
    if (at >= 0) {
      headerIndex = r;
      dateColumn = at;
    }
  }
  const days = new Set<EpochDay>();
  for (let r = headerIndex + 1; r < snapshot.values.length; r++) {
    const value = snapshot.values[r]?.[dateColumn] ?? null;
    const read = coerceCellDate(value);
    const row = r + 1;
    const cell = cellAddress(row, dateColumn + 1);
    if (read.kind === "empty") continue;
    if (read.kind === "problem") {
      // Without a header row, the guidance lines above the dates are text too: only warn below a header.
      if (headerIndex >= 0) {
        findings.push({
          severity: "warning",
          sheet: snapshot.name,
          row,
          cell,
          message: `${cell}: ${read.problem.message}: the row is not used as a holiday.`,
        });
      }
      continue;
    }
    const weekday = dayOfWeek(read.day);
    if (weekday === 0 || weekday === 6) {
      findings.push({
        severity: "info",
        sheet: snapshot.name,
        row,
        cell,
        message: `${cell}: ${formatUkDate(read.day)} is a ${weekday === 0 ? "Sunday" : "Saturday"}, already not a working day.`,
      });
    }
    days.add(read.day);
  }
  return { days: [...days].sort((a, b) => a - b), findings };
}
