import { z } from "zod";
import { CellValue, isCellError } from "../cells/CellValue";
import { coerceCellDate } from "../cells/coerceCellDate";
import { formatUkDate, utcDateFromEpochDay, type EpochDay } from "../dates/epochDay";
import type { ApplyReport, CellChange, ChangeSet } from "../port/ChangeSet";
import type { ModelValue, SheetModel } from "../port/SheetModel";
import { SheetRuns } from "../port/sheetRuns";
import type { SheetSnapshot } from "../port/WorkbookPort";
import { FIX_DESCRIPTIONS, type SafeFixRule } from "./proposeFixes";

/** The Change log sheet's name: every change the add-in made to user data is listed there. */
export const CHANGE_LOG_SHEET = "Change log";

/** The rule of a change that undoes a logged change set. */
export const REVERT_RULE = "REVERT";

/** One applied change as the log holds it. */
export const ChangeLogRow = z.object({
  changeSet: z.string().min(1),
  /** dd/MM/yyyy HH:mm, local time of whoever applied it. */
  when: z.string(),
  sheet: z.string(),
  cell: z.string(),
  old: CellValue,
  new: CellValue,
  rule: z.string(),
  description: z.string(),
});
export type ChangeLogRow = z.infer<typeof ChangeLogRow>;

/** When a change set was applied: a day and a time of day, given by the caller (the engine has no clock). */
export interface LogTime {
  day: EpochDay;
  hour: number;
  minute: number;
}

export function formatLogTime(when: LogTime): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${formatUkDate(when.day)} ${pad(when.hour)}:${pad(when.minute)}`;
}

const HEADERS = ["Change set", "When", "Sheet", "Cell", "Old value", "New value", "Rule", "Description"];
const WIDTHS = [22, 17, 22, 8, 30, 30, 24, 50];

/**
 * The log's rows read back from its sheet, so a new change set is appended to them and an old one
 * can be reverted. Rows above the header (none today) and blank rows are ignored.
 */
/**
 * Whether a sheet is laid out as the add-in's Change log: its exact header row. A Change log written
 * by an earlier version of the command line is not in the register of owned sheets, but its rows are
 * still the log's history; a user's own sheet called "Change log" is nothing of the kind.
 */
export function looksLikeChangeLog(snapshot: SheetSnapshot): boolean {
  return snapshot.values.some((row) => HEADERS.every((header, i) => row[i] === header));
}

export function readChangeLog(snapshot: SheetSnapshot): ChangeLogRow[] {
  const headerIndex = snapshot.values.findIndex((row) => row[0] === HEADERS[0]);
  if (headerIndex < 0) return [];
  const rows: ChangeLogRow[] = [];
  for (const values of snapshot.values.slice(headerIndex + 1)) {
    const text = (i: number): string => {
      const v = values[i] ?? null;
      return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
    };
    if (text(0) === "") continue;
    rows.push({
      changeSet: text(0),
      when: text(1),
      sheet: text(2),
      cell: text(3),
      old: values[4] ?? null,
      new: values[5] ?? null,
      rule: text(6),
      description: text(7),
    });
  }
  return rows;
}

/**
 * The Change log sheet: what it held, then one row per change the port applied (skipped changes are
 * not logged: they did not happen). Each cell links to the changed cell.
 */
export function buildChangeLogSheet(
  existingLogRows: readonly ChangeLogRow[],
  changeSet: ChangeSet,
  appliedReport: ApplyReport,
  when: LogTime,
): SheetModel {
  const stamp = formatLogTime(when);
  const added: ChangeLogRow[] = appliedReport.applied.map((change) => ({
    changeSet: changeSet.id,
    when: stamp,
    sheet: change.sheet,
    cell: change.cell,
    old: change.old,
    new: asLoggedValue(change),
    rule: change.rule,
    description: describeChange(change, changeSet),
  }));
  const rows = [...existingLogRows, ...added];
  const c = new SheetRuns();
  c.row(1, 1, HEADERS, { bold: true, fill: "D9E1F2", border: true });
  rows.forEach((log, i) => {
    const values: ModelValue[] = [
      log.changeSet,
      log.when,
      log.sheet,
      log.cell,
      logValue(log.old),
      logValue(log.new),
      log.rule,
      log.description,
    ];
    c.row(i + 2, 1, values, undefined, { sheet: log.sheet, cell: log.cell, column: 4 });
  });
  return {
    name: CHANGE_LOG_SHEET,
    purpose: "changeLog",
    runs: c.runs,
    columnWidths: Object.fromEntries(WIDTHS.map((w, i) => [i + 1, w])),
    freeze: { rows: 1, columns: 0 },
    autoFilter: `A1:H${Math.max(rows.length + 1, 2)}`,
  };
}

function describeChange(change: CellChange, changeSet: ChangeSet): string {
  if (change.rule === REVERT_RULE) return changeSet.description;
  return FIX_DESCRIPTIONS[change.rule as SafeFixRule] ?? changeSet.description;
}

/**
 * A logged value as the log shows it: a date fix's serial number is written as a date so the log
 * reads "03/04/2019", not 43558; error values as their text; an empty cell stays empty.
 */
function logValue(value: CellValue): ModelValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (isCellError(value)) return value.error;
  if (value instanceof Date) {
    const read = coerceCellDate(value);
    return read.kind === "date" ? { date: read.day } : null;
  }
  return value;
}

// A text date made real is written as a serial with a date format: the log holds it as the date.
function asLoggedValue(change: CellChange): CellValue {
  if (typeof change.new !== "number" || !/d/i.test(change.numberFormat ?? "")) return change.new;
  const read = coerceCellDate(change.new);
  return read.kind === "date" ? utcDateFromEpochDay(read.day) : change.new;
}

/** For messages: a logged value as the user reads it. */
export function shownLogValue(value: CellValue): string {
  if (value === null) return "(empty)";
  if (value instanceof Date) {
    const read = coerceCellDate(value);
    return read.kind === "date" ? formatUkDate(read.day) : "";
  }
  if (isCellError(value)) return value.error;
  return String(value);
}
