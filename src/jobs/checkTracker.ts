import { createWorkingDayCalendar, type WorkingDayCalendar } from "../engine/calendar/WorkingDayCalendar";
import type { DataQualityIssue } from "../engine/checks/DataQualityIssue";
import type { CheckReport } from "../engine/checks/CheckReport";
import { runChecksReporting } from "../engine/checks/runChecks";
import type { EpochDay } from "../engine/dates/epochDay";
import { buildDataQualitySheet } from "../engine/fixes/buildDataQualitySheet";
import type { SheetWrite, WorkbookPort } from "../engine/port/WorkbookPort";
import type { TrackerProfile } from "../engine/profile/TrackerProfile";
import type { TableFinding } from "../engine/tables/TableFinding";
import type { TrackerTable } from "../engine/tables/TrackerTable";
import { borrowFromJointTracker, borrowingIssues } from "../engine/familyFinding/borrowFromJointTracker";
import { loadProfile } from "./loadProfile";
import { readTracker } from "./readTracker";
import { readTrackerHistory, recordTrackerHistory } from "./recordTrackerHistory";

export interface CheckTrackerOptions {
  asOf: EpochDay;
  /** The calendar with the workbook's local closure days; England & Wales bank holidays by default. */
  calendar?: WorkingDayCalendar;
}

export interface CheckTrackerResult {
  asOf: EpochDay;
  profile: TrackerProfile;
  tables: TrackerTable[];
  /** Problems with the data, cell by cell. */
  issues: DataQualityIssue[];
  /** Which checks ran on which sheet, which were skipped for a missing column, which failed. */
  checks: CheckReport;
  /** Problems with the workbook's shape (a missing sheet or column, an unreadable profile). */
  findings: TableFinding[];
}

/** Reads the profile and the tracker sheets through the port and runs every data-quality check. */
export async function checkTracker(
  port: WorkbookPort,
  options: CheckTrackerOptions,
): Promise<CheckTrackerResult> {
  const loaded = await loadProfile(port);
  const read = await readTracker(port, loaded.profile);
  const history = await readTrackerHistory(port, read.tables, loaded.profile);
  const reported = runChecksReporting(read.tables, {
    asOf: options.asOf,
    calendar: options.calendar ?? createWorkingDayCalendar(),
    profile: loaded.profile,
  });
  const { checks } = reported;
  // The Tracker history's own problems: unreadable rows, dates moved backwards, unknown IDs; and
  // Family Finding rows whose date became looked after is nowhere: neither theirs nor the Joint Tracker's.
  const issues = [
    ...reported.issues,
    ...history.issues,
    ...borrowingIssues(borrowFromJointTracker(read.tables).tables),
  ];
  return {
    asOf: options.asOf,
    profile: loaded.profile,
    tables: read.tables,
    issues,
    checks,
    findings: [...loaded.findings, ...read.findings],
  };
}

/**
 * Writes (or replaces) the Data quality sheet listing every issue of a check, each linked to its
 * cell, after recording the tracker's dates in the Tracker history as every job that writes does.
 */
export async function writeDataQualitySheet(
  port: WorkbookPort,
  result: CheckTrackerResult,
  /** Today, the day the Tracker history says the dates were seen; the as-of date when absent. */
  today?: EpochDay,
): Promise<SheetWrite> {
  await recordTrackerHistory(port, {
    tables: result.tables,
    profile: result.profile,
    seen: today ?? result.asOf,
  });
  return port.writeSheet(buildDataQualitySheet(result.issues, result.asOf));
}

/** Whether a check found anything that makes figures wrong: the CLI's exit 1. */
export function hasErrors(result: CheckTrackerResult): boolean {
  return (
    result.issues.some((i) => i.severity === "error") || result.findings.some((f) => f.severity === "error")
  );
}
