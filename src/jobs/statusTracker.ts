import { createWorkingDayCalendar, type WorkingDayCalendar } from "../engine/calendar/WorkingDayCalendar";
import type { EpochDay } from "../engine/dates/epochDay";
import {
  evaluateTracker,
  type RowEvaluation,
  type TrackerEvaluation,
} from "../engine/evaluation/evaluateTracker";
import type { WorkbookPort } from "../engine/port/WorkbookPort";
import { normaliseHeader, profileSheet, type TrackerProfile } from "../engine/profile/TrackerProfile";
import { DEFAULT_STANDARDS } from "../engine/standards/defaultStandards";
import { HOLIDAYS_SHEET_NAME, readHolidaysSheet } from "../engine/standards/holidaysSheet";
import { readStandardsSheet } from "../engine/standards/readStandardsSheet";
import type { SheetRowFinding } from "../engine/standards/SheetRowFinding";
import type { Standard } from "../engine/standards/Standard";
import { STANDARDS_SHEET_NAME } from "../engine/standards/standardsSheetColumns";
import type { TableFinding } from "../engine/tables/TableFinding";
import type { TrackerTable } from "../engine/tables/TrackerTable";
import { buildStatusColumns } from "../engine/status/buildStatusColumns";
import type { StatusColumnsProblem, StatusColumnsWriteReport } from "../engine/status/StatusColumnsModel";
import { borrowFromJointTracker } from "../engine/familyFinding/borrowFromJointTracker";
import { loadProfile } from "./loadProfile";
import { readTracker } from "./readTracker";
import { recordTrackerHistory, type RecordHistoryOutcome } from "./recordTrackerHistory";

export interface StatusOptions {
  asOf: EpochDay;
  /** Only this tracker sheet: its worksheet name, profile title or key. */
  sheet?: string;
  /** Only rows of this worker (case, spaces and punctuation ignored). */
  worker?: string;
}

export interface TrackerStatus {
  asOf: EpochDay;
  profile: TrackerProfile;
  /** The standards in force: the workbook's Standards sheet, else the defaults. */
  standards: Standard[];
  standardsSource: "workbook" | "default";
  calendar: WorkingDayCalendar;
  /** The rows evaluated (after the --worker filter). */
  rows: RowEvaluation[];
  /** The whole evaluation, every row of every table (after the --sheet filter), column by column. */
  evaluation: TrackerEvaluation;
  /** The tracker tables the rows were evaluated from (after the --sheet filter). */
  tables: TrackerTable[];
  /** Sheets and columns that could not be read (from readTracker and loadProfile). */
  tableFindings: TableFinding[];
  /** Rows of the Standards and Holidays sheets that could not be used. */
  sheetFindings: SheetRowFinding[];
  /** Tracker sheets the workbook holds (worksheet names), for messages. */
  trackerSheets: string[];
  /** Set when `sheet` was asked for and no tracker sheet matches it. */
  unknownSheet?: string;
}

/**
 * The status job: reads the tracker, its Standards and Holidays sheets when present, and evaluates
 * every standard on every row as of a date. It only reads; nothing is written to the workbook.
 */
export async function statusTracker(port: WorkbookPort, options: StatusOptions): Promise<TrackerStatus> {
  const loaded = await loadProfile(port);
  const profile = loaded.profile;
  const read = await readTracker(port, profile);
  const sheets = await port.listSheets();
  const named = (name: string) => sheets.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());

  const sheetFindings: SheetRowFinding[] = [];
  let standards: Standard[] = [...DEFAULT_STANDARDS];
  let standardsSource: TrackerStatus["standardsSource"] = "default";
  const standardsSheet = named(STANDARDS_SHEET_NAME);
  if (standardsSheet) {
    const fromSheet = readStandardsSheet(await port.readSheet(standardsSheet.name), DEFAULT_STANDARDS, {
      profile,
    });
    standards = fromSheet.standards;
    standardsSource = "workbook";
    sheetFindings.push(...fromSheet.findings);
  }
  let closedDays: EpochDay[] = [];
  const holidaysSheet = named(HOLIDAYS_SHEET_NAME);
  if (holidaysSheet) {
    const holidays = readHolidaysSheet(await port.readSheet(holidaysSheet.name));
    closedDays = holidays.days;
    sheetFindings.push(...holidays.findings);
  }
  const calendar = createWorkingDayCalendar({ closedDays });

  // Before the --sheet filter: the Family Finding rows read the BLA of the child's Joint Tracker row.
  let tables = borrowFromJointTracker(read.tables).tables;
  let unknownSheet: string | undefined;
  if (options.sheet !== undefined) {
    const wanted = normaliseHeader(options.sheet);
    tables = tables.filter((t) => {
      const spec = profileSheet(profile, t.sheetKey);
      return [t.sheetName, t.sheetKey, spec?.title ?? ""].some((n) => normaliseHeader(n) === wanted);
    });
    if (tables.length === 0) unknownSheet = options.sheet;
  }
  const evaluation = evaluateTracker(tables, standards, { asOf: options.asOf, calendar, profile });
  const worker = options.worker === undefined ? undefined : normaliseHeader(options.worker);
  const rows =
    worker === undefined
      ? evaluation.rows
      : evaluation.rows.filter((r) => normaliseHeader(r.worker ?? "") === worker);

  const status: TrackerStatus = {
    asOf: options.asOf,
    profile,
    standards,
    standardsSource,
    calendar,
    rows,
    evaluation,
    tables,
    tableFindings: [...loaded.findings, ...read.findings],
    sheetFindings,
    trackerSheets: read.tables.map((t) => t.sheetName),
  };
  if (unknownSheet !== undefined) status.unknownSheet = unknownSheet;
  return status;
}

/**
 * Records the tracker's dates in the Tracker history, from the tables the job read, before a job
 * writes (evaluation-semantics.md "Recurring standards and history": every job that writes). Seen
 * `today` (the jobs have no clock), or on the as-of date when it is not given.
 */
export async function recordStatusHistory(
  port: WorkbookPort,
  status: TrackerStatus,
  today?: EpochDay,
): Promise<RecordHistoryOutcome> {
  return recordTrackerHistory(port, {
    tables: status.tables,
    profile: status.profile,
    standards: status.standards,
    seen: today ?? status.asOf,
  });
}

export interface StatusColumnsOutcome {
  written: StatusColumnsWriteReport[];
  /** Sheets whose block could not be written, each left exactly as it was. */
  problems: StatusColumnsProblem[];
}

/**
 * Writes the add-in's status columns beside each evaluated tracker table (issue 5): re-reads each
 * sheet for where its table ends and where an earlier block stands, then writes the block in place.
 * Every row of each table gets its cells, so run it on a status without a worker filter.
 */
export async function writeTrackerStatusColumns(
  port: WorkbookPort,
  status: TrackerStatus,
  /** Today, the day the Tracker history says the dates were seen; the as-of date when absent. */
  today?: EpochDay,
): Promise<StatusColumnsOutcome> {
  const outcome: StatusColumnsOutcome = { written: [], problems: [] };
  await recordStatusHistory(port, status, today);
  for (const table of status.tables) {
    const snapshot = await port.readSheet(table.sheetName);
    const built = buildStatusColumns({ snapshot, table, rows: status.rows, standards: status.standards });
    if (!built.ok) {
      outcome.problems.push(built.problem);
      continue;
    }
    const written = await port.writeStatusColumns(built.model);
    if (written.ok) outcome.written.push(written.report);
    else outcome.problems.push(written.problem);
  }
  return outcome;
}
