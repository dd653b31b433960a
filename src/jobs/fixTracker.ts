import type { EpochDay } from "../engine/dates/epochDay";
import { formatIsoDate } from "../engine/dates/epochDay";
import {
  buildChangeLogSheet,
  CHANGE_LOG_SHEET,
  looksLikeChangeLog,
  readChangeLog,
  type ChangeLogRow,
  type LogTime,
} from "../engine/fixes/changeLog";
import { proposeFixes } from "../engine/fixes/proposeFixes";
import type { ApplyReport, CellChange, ChangeSet, LogAppend, SkippedChange } from "../engine/port/ChangeSet";
import type { SheetModel } from "../engine/port/SheetModel";
import type { SheetWrite, WorkbookPort } from "../engine/port/WorkbookPort";
import { sameSheetName } from "../engine/port/ownedSheets";
import { ownOutput } from "./outputSheets";
import { checkTracker, type CheckTrackerResult } from "./checkTracker";
import { recordTrackerHistory } from "./recordTrackerHistory";

export interface FixTrackerOptions {
  asOf: EpochDay;
  /** When the fixes are applied, for the change set's id and the log (the jobs have no clock). */
  now: LogTime;
  /** Also clear placeholder text ("TBC", "n/a") from date cells. */
  placeholders?: boolean;
  /** Work out the change set but change nothing. */
  dryRun?: boolean;
  /** Only the changes the user kept ticked in the preview are made and logged; all of them when absent. */
  only?: (change: CellChange) => boolean;
}

export interface FixTrackerResult {
  check: CheckTrackerResult;
  changeSet: ChangeSet;
  /** What the port applied and skipped; absent on a dry run. */
  report?: ApplyReport;
  /** The Change log as written, when anything was applied. */
  log?: SheetWrite;
}

/**
 * Applies the safe fixes to the tracker and logs them. Everything is computed before anything is
 * written: the change set (with each cell's current value), which sheets are protected, and the log
 * read back. Changes to a protected sheet are skipped, not attempted, and reported as such; a cell
 * edited since the check is skipped by the port. Only applied changes are logged.
 */
export async function fixTracker(port: WorkbookPort, options: FixTrackerOptions): Promise<FixTrackerResult> {
  const check = await checkTracker(port, { asOf: options.asOf });
  const existingLog = await readLog(port);
  const proposed = proposeFixes(check.tables, check.issues, {
    id: uniqueChangeSetId(options.now, existingLog),
    placeholders: options.placeholders ?? false,
  });
  const changeSet = options.only ? { ...proposed, changes: proposed.changes.filter(options.only) } : proposed;
  if (options.dryRun) return { check, changeSet };

  const sheets = await port.listSheets();
  const isProtected = (name: string): boolean =>
    sheets.some((s) => s.protected && s.name.toLowerCase() === name.toLowerCase());
  const refused: SkippedChange[] = changeSet.changes
    .filter((c) => isProtected(c.sheet))
    .map((change) => ({ change, reason: "sheet-protected" }));
  const writable: ChangeSet = {
    ...changeSet,
    changes: changeSet.changes.filter((c) => !isProtected(c.sheet)),
  };

  // The dates as checked (a fix turns a text date into the same date, so nothing recorded changes),
  // recorded first: the fix with its Change log rows stays the last step on Excel's undo stack.
  await recordTrackerHistory(port, { tables: check.tables, profile: check.profile, seen: options.now.day });
  const { report: applied, log } = await applyAndLog(port, writable, (done) =>
    buildChangeLogSheet(existingLog, changeSet, done, options.now),
  );
  const report: ApplyReport = { applied: applied.applied, skipped: [...refused, ...applied.skipped] };
  return { check, changeSet, report, ...(log ? { log } : {}) };
}

/**
 * Applies a change set and logs what was applied: in one action where the port can (in Excel,
 * one step on the user's undo stack), otherwise the changes and then the log. No log is written
 * when nothing was applied.
 */
export async function applyAndLog(
  port: WorkbookPort,
  changes: ChangeSet,
  logOf: (applied: ApplyReport) => SheetModel,
): Promise<{ report: ApplyReport; log?: SheetWrite }> {
  const log = (applied: ApplyReport): LogAppend | undefined =>
    applied.applied.length > 0 ? { model: logOf(applied), newRows: applied.applied.length } : undefined;
  if (port.applyChangesAndLog) return port.applyChangesAndLog(changes, log);
  const report = await port.applyChanges(changes);
  const written = log(report);
  return written ? { report, log: await port.writeSheet(written.model) } : { report };
}

/** The rows the Change log already holds (none when the workbook has no log yet). */
export async function readLog(port: WorkbookPort): Promise<ChangeLogRow[]> {
  const sheets = await port.listSheets();
  const own = ownOutput(sheets, CHANGE_LOG_SHEET);
  if (own) return readChangeLog(await port.readSheet(own.name));
  // A log an earlier version wrote before sheets were registered: its rows carry on in ours.
  const named = sheets.find((s) => s.output === undefined && sameSheetName(s.name, CHANGE_LOG_SHEET));
  if (!named) return [];
  const snapshot = await port.readSheet(named.name);
  return looksLikeChangeLog(snapshot) ? readChangeLog(snapshot) : [];
}

/** "CS-20261124-0905", with "-2", "-3"… when the log already has a change set of that minute. */
export function uniqueChangeSetId(now: LogTime, log: readonly ChangeLogRow[], prefix = "CS"): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  const base = `${prefix}-${formatIsoDate(now.day).replace(/-/g, "")}-${pad(now.hour)}${pad(now.minute)}`;
  const used = new Set(log.map((r) => r.changeSet));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
