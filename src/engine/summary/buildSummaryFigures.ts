import { addCalendarMonths } from "../calendar/calendarMonths";
import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellValue } from "../cells/CellValue";
import { readCount, type CountReading } from "../checks/integerCells";
import { EMPTY_CELL_DATE, type CellDate } from "../cells/coerceCellDate";
import type { EpochDay } from "../dates/epochDay";
import type { SheetEvaluation, TrackerEvaluation } from "../evaluation/evaluateTracker";
import { STATUS } from "../evaluation/StandardResults";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import {
  PLACEMENT_PROVIDER,
  PLACEMENT_TYPE,
  matchCode,
  type CodeList,
  type CodeMatch,
} from "../profile/codeLists";
import { profileSheet, type SheetKey, type TrackerProfile } from "../profile/TrackerProfile";
import { isRecurring } from "../standards/Standard";
import type { TrackerTable } from "../tables/TrackerTable";
import { buildAdoptionScorecard } from "./adoptionScorecard";
import { medianOf, medianOfValues } from "./medianOf";
import { CountedResults, TimelinessCounts } from "./countedResults";
import {
  ApplicationToPanelEvents,
  DayEvents,
  EnquiryToIhvEvents,
  PPM_KIND,
  PpmBandEvents,
  PpmEvents,
  REVIEW_STATUS,
  SecondReviewEvents,
  type DatedEvents,
} from "./DatedEvents";
import { NO_HISTORY, type HistoryIndex } from "../history/HistoryIndex";
import {
  occurrencesIn,
  recurringCount,
  recurringOccurrences,
  traceOccurrences,
  type RecurringOccurrences,
} from "./recurringFigures";
import {
  PPM_BAND_KEYS,
  type ColumnCompleteness,
  type GroupFigures,
  type InHouseFostering,
  type MedianOf,
  type Occupancy,
  type OnTimeCount,
  type PeriodFigures,
  type PpmBands,
  type SummaryFigures,
  type TimelinessCount,
  type TraceColumns,
} from "./SummaryFigures";
import {
  financialYearPeriod,
  formatYearMonth,
  monthPeriod,
  parseYearMonth,
  periodOf,
  previousPeriod,
  quarterPeriod,
  shiftMonth,
  yearEarlierPeriod,
  yearMonthOf,
  type PeriodKind,
  type SummaryPeriod,
} from "./SummaryPeriod";

/** Kept here too for the modules that import it from the summary. */
export { medianOf };

export interface SummaryOptions {
  /** `YYYY-MM`: the month summarised, the last of the 12-month trend. */
  month: string;
  asOf: EpochDay;
  calendar: WorkingDayCalendar;
  period?: PeriodKind;
  /** For the exit columns; the default profile when absent. */
  profile?: TrackerProfile;
  /** The Tracker history read back: recurring standards and PPMs held count every date in it. */
  history?: HistoryIndex;
}

/** Key date columns whose completeness the summary reports, per sheet (only those the table maps). */
const KEY_DATE_COLUMNS: Readonly<Partial<Record<SheetKey, readonly string[]>>> = {
  jointTracker: [
    "becameLookedAfter",
    "firstReview",
    "secondReview",
    "latestReview",
    "firstPpm",
    "latestPpm",
    "planAgreed",
    "placementStart",
  ],
  ploTracker: ["firstLpm", "finalLpm"],
  recruitment: ["enquiry", "ihv", "application", "panel", "admDecision"],
  fosteringSupport: ["approvalDate", "lastAnnualReview", "lastUnannouncedVisit", "lastSupervisoryVisit"],
  familyFinding: [
    "referral",
    "profileCompleted",
    "shouldBePlaced",
    "placementOrder",
    "panel",
    "adm",
    "placementDate",
  ],
  connectedPersons: ["temporaryApproval", "admDecision"],
};

const FOSTER_WITH_OTHER_CARER = new Set(["U4", "U5", "U6"]);
const EXTERNAL_PROVIDERS = new Set(["PR4", "PR5"]);
const NO_TEAM = "(no team recorded)";
const NO_WORKER = "(no worker recorded)";

type Band = keyof PpmBands;

/** Everything the dated figures count. */
interface Events {
  timeliness: TimelinessCounts;
  bands: PpmBandEvents;
  ppms: PpmEvents;
  secondReviews: SecondReviewEvents;
  enquiries: DayEvents;
  ihvs: EnquiryToIhvEvents;
  panels: ApplicationToPanelEvents;
  approvals: DayEvents;
}

interface StandardTitle {
  id: string;
  title: string;
  recurring: boolean;
}

/**
 * Every figure of the monthly summary, from an evaluation and the tables it was made from. Dated
 * figures are counted by the month their deciding date falls in (a standard by its deadline), so a
 * past month's figures change only when its data are corrected; snapshot figures (occupancy,
 * in-house fostering, placement moves) are as at `asOf`.
 *
 * It reads the evaluation's and the tables' columns, never a row object: a 100,000-row tracker has a
 * million results and 700,000 deadlines to count.
 */
export function buildSummaryFigures(
  evaluation: TrackerEvaluation,
  tables: readonly TrackerTable[],
  options: SummaryOptions,
): SummaryFigures {
  const ym = parseYearMonth(options.month);
  if (!ym) throw new RangeError(`month must be YYYY-MM, not “${options.month}”`);
  const { asOf, calendar } = options;
  const profile = options.profile ?? DEFAULT_PROFILE;
  const kind = options.period ?? "month";
  const tableOf = (key: SheetKey): TrackerTable | undefined => tables.find((t) => t.sheetKey === key);

  const standards = [...evaluation.standardsById.values()].filter(
    (s) => s.enabled && evaluation.sheets.some((sheet) => sheet.sheet === s.sheet && sheet.rows.length > 0),
  );
  const standardTitles: StandardTitle[] = standards.map((s) => ({
    id: s.id,
    title: s.title,
    recurring: isRecurring(s),
  }));
  const slotOf = new Map(standardTitles.map((s, i) => [s.id, i] as const));
  const counted = new CountedResults(evaluation, asOf);
  const history = options.history ?? NO_HISTORY;
  const events = collectEvents(counted, slotOf, tableOf, asOf, calendar, profile, history);
  const recurring = recurringOccurrences(evaluation, history, calendar);
  const figuresFor = (period: SummaryPeriod): PeriodFigures =>
    periodFigures(period, events, standardTitles, recurring);
  const noInformation = rowsCannotAssess(evaluation);
  const teams = new Map(evaluation.sheets.map((sheet) => [sheet, teamsOf(sheet, tables)] as const));
  const asAt = asAtOf(tableOf, asOf, profile);

  const current = periodOf(kind, ym);
  const months = Array.from({ length: 12 }, (_, i) => monthPeriod(shiftMonth(ym, i - 11)));
  const quarters = Array.from({ length: 4 }, (_, i) => quarterPeriod(shiftMonth(ym, 3 * (i - 3))));
  const years = Array.from({ length: 5 }, (_, i) => financialYearPeriod(shiftMonth(ym, 12 * (i - 4))));
  const windows = [current, previousPeriod(current), yearEarlierPeriod(current), ...months, ...quarters];
  const windowFirst = Math.min(...windows.map((w) => w.first));
  const windowLast = Math.max(...windows.map((w) => w.last));
  const trace = traceOf(
    counted,
    events,
    windows,
    years,
    asAt,
    occurrencesIn(recurring, windowFirst, windowLast),
  );
  traceOccurrences(trace, recurring, evaluation, windowFirst, windowLast);

  return {
    month: formatYearMonth(ym),
    asOf,
    periodKind: kind,
    current: figuresFor(current),
    previous: figuresFor(previousPeriod(current)),
    yearEarlier: figuresFor(yearEarlierPeriod(current)),
    months: months.map(figuresFor),
    quarters: quarters.map(figuresFor),
    financialYears: years.map(figuresFor),
    historyFrom: recurring.map((r) => ({
      standard: r.standard.id,
      title: r.standard.title,
      from: r.coverageFrom,
    })),
    ...groupFigures(counted, current, asOf, teams),
    noInformation: standards.map((s) => ({
      standard: s.id,
      title: s.title,
      rows: noInformation.get(s.id) ?? 0,
    })),
    occupancy: occupancyOf(asAt),
    inHouseFostering: inHouseOf(asAt),
    placementsLast12Months: placementsOf(asAt),
    completeness: completenessOf(tables),
    adoption: buildAdoptionScorecard(tables, {
      month: ym,
      asOf,
      calendar,
      standards: evaluation.standardsById.values(),
    }),
    trace,
  };
}

/**
 * A cell's text, trimmed; `null` for a blank, a date or none. Strings are asked about first and
 * `instanceof Date` is not asked at all (a date is an object): `instanceof` on a string id was a
 * third of the trace's time at 100,000 rows.
 */
function textOf(value: CellValue | undefined): string | null {
  if (typeof value === "string") {
    const text = value.trim();
    return text === "" ? null : text;
  }
  if (value === undefined || typeof value === "object") return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}

/** Each row's team as the summary groups it, in the sheet evaluation's row order. */
function teamsOf(sheet: SheetEvaluation, tables: readonly TrackerTable[]): string[] {
  const teams = new Array<string>(sheet.rows.length).fill(NO_TEAM);
  const sources = tables.filter((t) => t.sheetKey === sheet.sheet);
  if (sources.length === 1 && sources[0]?.rows === sheet.rows) {
    const cells = sheet.byColumn.values("team");
    for (let i = 0; i < cells.length; i++) teams[i] = textOf(cells[i]) ?? NO_TEAM;
    return teams;
  }
  // Evaluated from other tables than the ones given: matched by sheet and row number instead.
  const byRow = new Map<number, string>();
  for (const table of sources) {
    const cells = table.byColumn.values("team");
    table.rows.forEach((row, i) => byRow.set(row.rowNumber, textOf(cells[i]) ?? NO_TEAM));
  }
  sheet.rows.forEach((row, i) => (teams[i] = byRow.get(row.rowNumber) ?? NO_TEAM));
  return teams;
}

/**
 * Per standard, the rows whose result is "cannot assess". Indexed loops here and in the other
 * functions that run once per summary: a for...of over a typed array runs uncompiled for most of
 * its million iterations and makes an iterator result for each.
 */
function rowsCannotAssess(evaluation: TrackerEvaluation): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sheet of evaluation.sheets) {
    for (const results of sheet.standards) {
      const statuses = results.status;
      let rows = 0;
      for (let i = 0; i < statuses.length; i++) if (statuses[i] === STATUS.cannotAssess) rows++;
      if (rows > 0) counts.set(results.standard.id, (counts.get(results.standard.id) ?? 0) + rows);
    }
  }
  return counts;
}

function collectEvents(
  counted: CountedResults,
  slotOf: ReadonlyMap<string, number>,
  tableOf: (key: SheetKey) => TrackerTable | undefined,
  asOf: EpochDay,
  calendar: WorkingDayCalendar,
  profile: TrackerProfile,
  history: HistoryIndex,
): Events {
  const joint = tableOf("jointTracker");
  const recruitment = tableOf("recruitment");
  const support = tableOf("fosteringSupport");
  const events: Events = {
    timeliness: new TimelinessCounts(counted, slotOf),
    bands: new PpmBandEvents(joint),
    ppms: new PpmEvents(joint, earlierPpmCount(joint, history)),
    secondReviews: new SecondReviewEvents(joint),
    enquiries: new DayEvents(recruitment, "enquiry"),
    ihvs: new EnquiryToIhvEvents(recruitment),
    panels: new ApplicationToPanelEvents(recruitment),
    approvals: new DayEvents(support, "approved"),
  };

  if (joint) {
    const columns = joint.byColumn;
    const jointExit = profileSheet(profile, "jointTracker")?.exitColumn;
    const blas = columns.dates("becameLookedAfter");
    const firstPpms = columns.dates("firstPpm");
    const latestPpms = columns.dates("latestPpm");
    const secondReviews = columns.dates("secondReview");
    const exits = jointExit === undefined ? undefined : columns.dates(jointExit);
    const ids = columns.values(profileSheet(profile, "jointTracker")?.idColumn ?? "childId");
    for (let i = 0; i < joint.rows.length; i++) {
      const firstPpm = firstPpms[i] as CellDate;
      const bla = blas[i] as CellDate;
      if (bla.kind === "date") {
        const blaDay = bla.day;
        let band: Band;
        let workingDays = NaN;
        if (firstPpm.kind === "problem") band = "cannotAssess";
        else if (firstPpm.kind === "empty") band = "noPpmYet";
        else if (firstPpm.day < blaDay) band = "ppmBeforeBla";
        else {
          workingDays = calendar.workingDaysBetween(blaDay, firstPpm.day);
          band =
            workingDays <= 10
              ? "upTo10"
              : workingDays <= 30
                ? "from11To30"
                : workingDays <= 60
                  ? "from31To60"
                  : "over60";
        }
        events.bands.add(blaDay, band, workingDays, i);

        // 2nd review within 4 months of BLA, counted by the month the 4 months end, as a standard would be.
        const deadline = addCalendarMonths(blaDay, 4);
        const review = secondReviews[i] as CellDate;
        const exit = exits === undefined ? EMPTY_CELL_DATE : (exits[i] as CellDate);
        if (review.kind === "date" && review.day >= blaDay && deadline <= asOf) {
          events.secondReviews.add(
            deadline,
            review.day <= deadline ? REVIEW_STATUS.met : REVIEW_STATUS.metLate,
            i,
          );
        } else if (review.kind === "empty" && exit.kind !== "problem") {
          const exitDay = exit.kind === "date" ? exit.day : null;
          const t = exitDay === null ? asOf : Math.min(asOf, exitDay);
          if (!(exitDay !== null && exitDay <= deadline) && t > deadline)
            events.secondReviews.add(deadline, REVIEW_STATUS.overdue, i);
        }
      }
      const latest = latestPpms[i] as CellDate;
      const first = firstPpm.kind === "date" ? firstPpm.day : null;
      if (first !== null) events.ppms.add(first, PPM_KIND.first, i);
      if (latest.kind === "date" && latest.day !== first) events.ppms.add(latest.day, PPM_KIND.latest, i);
      // Every PPM date the history kept for the row: each distinct date once.
      if (history.keys === 0) continue;
      const id = textOf(ids[i]);
      if (id === null) continue;
      for (const day of history.datesOf("jointTracker", id, "latestPpm")) {
        if (day !== first && !(latest.kind === "date" && latest.day === day) && day <= asOf)
          events.ppms.add(day, PPM_KIND.earlier, i);
      }
    }
  }

  if (recruitment) {
    const columns = recruitment.byColumn;
    const enquiries = columns.dates("enquiry");
    const ihvs = columns.dates("ihv");
    const applications = columns.dates("application");
    const panels = columns.dates("panel");
    for (let i = 0; i < recruitment.rows.length; i++) {
      const enquiry = dayOf(enquiries[i]);
      const ihv = dayOf(ihvs[i]);
      const application = dayOf(applications[i]);
      const panel = dayOf(panels[i]);
      if (enquiry !== null) events.enquiries.add(enquiry, i);
      if (enquiry !== null && ihv !== null && ihv >= enquiry)
        events.ihvs.add(ihv, calendar.workingDaysBetween(enquiry, ihv), i);
      if (application !== null && panel !== null && panel >= application)
        events.panels.add(panel, monthsBetween(application, panel), i);
    }
  }

  if (support) {
    const approvals = support.byColumn.dates("approvalDate");
    for (let i = 0; i < support.rows.length; i++) {
      const approval = dayOf(approvals[i]);
      if (approval !== null) events.approvals.add(approval, i);
    }
  }
  return events;
}

/** How many PPM dates the history holds for the Joint Tracker's rows: room for them among the events. */
function earlierPpmCount(joint: TrackerTable | undefined, history: HistoryIndex): number {
  if (!joint || history.keys === 0) return 0;
  let count = 0;
  for (const value of joint.byColumn.values("childId")) {
    const id = textOf(value);
    if (id !== null) count += history.datesOf("jointTracker", id, "latestPpm").length;
  }
  return count;
}

function dayOf(date: CellDate | undefined): EpochDay | null {
  return date !== undefined && date.kind === "date" ? date.day : null;
}

/**
 * Calendar months from a to b, to one decimal: whole months as `addMonths` counts them (end of month
 * clamped), then the part-month left as a fraction of the next month's length.
 */
export function monthsBetween(a: EpochDay, b: EpochDay): number {
  let whole = 0;
  while (addCalendarMonths(a, whole + 1) <= b) whole += 1;
  const from = addCalendarMonths(a, whole);
  const next = addCalendarMonths(a, whole + 1);
  return Math.round((whole + (b - from) / (next - from)) * 10) / 10;
}

function onTimeCount(cohort: number, onTime: number): OnTimeCount {
  return { cohort, onTime, late: cohort - onTime };
}

function periodFigures(
  period: SummaryPeriod,
  events: Events,
  standards: readonly StandardTitle[],
  recurring: readonly RecurringOccurrences[],
): PeriodFigures {
  const timeliness: TimelinessCount[] = standards.map((s, slot) => {
    const { cohort, onTime } = events.timeliness.countsIn(slot, period);
    return { standard: s.id, title: s.title, recurring: s.recurring, ...onTimeCount(cohort, onTime) };
  });
  const tally = events.bands.bandCountsIn(period);
  const bands = Object.fromEntries(PPM_BAND_KEYS.map((k, i) => [k, tally[i] as number])) as Record<
    Band,
    number
  >;
  const plan = timeliness.find((t) => t.standard === "permanence-plan");
  return {
    period,
    timeliness,
    recurring: recurring.map((r) => recurringCount(r, period)),
    ppmBands: bands,
    blaToPpmWorkingDays: medianOfValues(events.bands.workingDaysIn(period)),
    ppmsHeld: events.ppms.countIn(period),
    secondReviewWithin4Months: onTimeCount(
      events.secondReviews.countIn(period),
      events.secondReviews.metIn(period),
    ),
    planAgreedBy2ndReview: plan
      ? { cohort: plan.cohort, onTime: plan.onTime, late: plan.late }
      : { cohort: 0, onTime: 0, late: 0 },
    enquiries: events.enquiries.countIn(period),
    enquiryToIhvWorkingDays: medianOfValues(events.ihvs.workingDaysIn(period)),
    applicationToPanelMonths: medianOfValues(events.panels.monthsIn(period)),
    approvals: events.approvals.countIn(period),
  };
}

/* One collator for every comparison: `localeCompare` with a locale builds one per call. Same order. */
const GROUP_ORDER = new Intl.Collator("en-GB");

/**
 * The period's cohort by team and by worker, with what is overdue now, in one pass over the
 * results. Groups are made in the order the cohort, then the overdue rows, first name them: the
 * order of names that sort equal depends on it.
 */
function groupFigures(
  counted: CountedResults,
  period: SummaryPeriod,
  asOf: EpochDay,
  teams: ReadonlyMap<SheetEvaluation, readonly string[]>,
): { byTeam: GroupFigures[]; byWorker: GroupFigures[] } {
  const byTeam = new Map<string, GroupFigures>();
  const byWorker = new Map<string, GroupFigures>();
  const group = (groups: Map<string, GroupFigures>, name: string): GroupFigures => {
    let g = groups.get(name);
    if (!g) {
      g = { name, cohort: 0, onTime: 0, late: 0, overdueNow: 0 };
      groups.set(name, g);
    }
    return g;
  };
  const count = (g: GroupFigures, onTime: boolean): void => {
    g.cohort += 1;
    if (onTime) g.onTime += 1;
    else g.late += 1;
  };
  const { evaluation } = counted;
  const teamsBySheet = evaluation.sheets.map((sheet) => teams.get(sheet));
  for (let n = 0; n < counted.length; n++) {
    const deadline = counted.deadlines[n] as number;
    if (deadline < period.first || deadline > period.last) continue;
    const s = counted.sheets[n] as number;
    const i = counted.rows[n] as number;
    const onTime = counted.onTime[n] === 1;
    count(group(byTeam, teamsBySheet[s]?.[i] ?? NO_TEAM), onTime);
    count(group(byWorker, evaluation.sheets[s]?.workers[i] ?? NO_WORKER), onTime);
  }
  // What is overdue now is what the counted results hold as overdue (a deadline on or before
  // as-of), in the same sheet, row and standard order: one pass over them rather than over every
  // row's every standard again. Groups are still first named row by row.
  for (let n = 0; n < counted.length; n++) {
    if (counted.overdue[n] === 0) continue;
    const s = counted.sheets[n] as number;
    const i = counted.rows[n] as number;
    const sheet = evaluation.sheets[s] as SheetEvaluation;
    group(byTeam, teamsBySheet[s]?.[i] ?? NO_TEAM).overdueNow += 1;
    group(byWorker, sheet.workers[i] ?? NO_WORKER).overdueNow += 1;
  }
  const sorted = (groups: Map<string, GroupFigures>): GroupFigures[] =>
    [...groups.values()].sort((a, b) => GROUP_ORDER.compare(a.name, b.name));
  return { byTeam: sorted(byTeam), byWorker: sorted(byWorker) };
}

/** An open joint tracker row placed with foster carers other than relatives, and its type code. */
interface FosteredRow {
  index: number;
  type: string;
}

/** The rows the snapshot figures count, found once: open children and open households as at as-of. */
interface AsAt {
  joint?: { table: TrackerTable; open: Uint8Array; fostered: FosteredRow[] };
  support?: { table: TrackerTable; open: Uint8Array };
}

function asAtOf(
  tableOf: (key: SheetKey) => TrackerTable | undefined,
  asOf: EpochDay,
  profile: TrackerProfile,
): AsAt {
  const asAt: AsAt = {};
  const joint = tableOf("jointTracker");
  if (joint) {
    const open = openRows(
      joint,
      "becameLookedAfter",
      profileSheet(profile, "jointTracker")?.exitColumn,
      asOf,
    );
    asAt.joint = { table: joint, open, fostered: fosteredRows(joint, open) };
  }
  const support = tableOf("fosteringSupport");
  if (support) {
    const exit = profileSheet(profile, "fosteringSupport")?.exitColumn ?? "deregistered";
    asAt.support = { table: support, open: openRows(support, "approvalDate", exit, asOf) };
  }
  return asAt;
}

/** Which rows of a table are open on the as-of date: started on or before it, no exit on or before it. */
function openRows(
  table: TrackerTable,
  startKey: string,
  exitKey: string | undefined,
  asOf: EpochDay,
): Uint8Array {
  const columns = table.byColumn;
  const starts = columns.dates(startKey);
  const exits = exitKey ? columns.dates(exitKey) : undefined;
  const open = new Uint8Array(table.rows.length);
  for (let i = 0; i < open.length; i++) {
    const start = starts[i] as CellDate;
    if (start.kind !== "date" || start.day > asOf) continue;
    const exit = exits?.[i];
    if (exit === undefined || exit.kind === "empty" || (exit.kind === "date" && exit.day > asOf)) open[i] = 1;
  }
  return open;
}

function occupancyOf(asAt: AsAt): Occupancy {
  const result: Occupancy = {
    households: 0,
    approvedPlaces: 0,
    childrenPlaced: 0,
    vacantPlaces: 0,
    notAvailablePlaces: 0,
    householdsLeftOut: 0,
  };
  if (!asAt.support) return result;
  const { table, open } = asAt.support;
  const columns = table.byColumn;
  const approvedCells = columns.values("approvedPlaces");
  const placedCells = columns.values("childrenPlaced");
  const vacantCells = columns.values("vacantPlaces");
  const notAvailableCells = columns.values("notAvailablePlaces");
  for (let i = 0; i < open.length; i++) {
    if (open[i] === 0) continue;
    const approved = readCount(approvedCells[i] ?? null);
    // Blank placed / vacant / not-available cells mean none; approved places must be recorded.
    const placed = readCount(placedCells[i] ?? null);
    const vacant = readCount(vacantCells[i] ?? null);
    const notAvailable = readCount(notAvailableCells[i] ?? null);
    if (
      approved.kind !== "number" ||
      approved.value <= 0 ||
      placed.kind === "notNumber" ||
      vacant.kind === "notNumber" ||
      notAvailable.kind === "notNumber"
    ) {
      result.householdsLeftOut += 1;
      continue;
    }
    result.households += 1;
    result.approvedPlaces += approved.value;
    result.childrenPlaced += countOf(placed);
    result.vacantPlaces += countOf(vacant);
    result.notAvailablePlaces += countOf(notAvailable);
  }
  return result;
}

/** A count read from a cell, a blank one as none. */
function countOf(count: CountReading): number {
  return count.kind === "number" ? count.value : 0;
}

/** A code list's reading of each distinct text, once: a code column repeats a few values. */
function codeReader(list: CodeList): (text: string | null) => CodeMatch {
  const read = new Map<string | null, CodeMatch>();
  return (text) => {
    let match = read.get(text);
    if (match === undefined) {
      match = matchCode(list, text ?? undefined);
      read.set(text, match);
    }
    return match;
  };
}

/** The open rows of the joint tracker placed with foster carers other than relatives: their type code. */
function fosteredRows(table: TrackerTable, open: Uint8Array): FosteredRow[] {
  const types = table.byColumn.values("placementType");
  const typeOf = codeReader(PLACEMENT_TYPE);
  const rows: FosteredRow[] = [];
  for (let i = 0; i < open.length; i++) {
    if (open[i] === 0) continue;
    const type = typeOf(textOf(types[i]));
    if (type.kind === "code" && FOSTER_WITH_OTHER_CARER.has(type.code.code))
      rows.push({ index: i, type: type.code.code });
  }
  return rows;
}

function inHouseOf(asAt: AsAt): InHouseFostering {
  const result: InHouseFostering = { inHouse: 0, external: 0, otherOrUnknown: 0 };
  if (!asAt.joint) return result;
  const providers = asAt.joint.table.byColumn.values("placementProvider");
  const providerOf = codeReader(PLACEMENT_PROVIDER);
  const { fostered } = asAt.joint;
  for (let f = 0; f < fostered.length; f++) {
    const provider = providerOf(textOf(providers[(fostered[f] as FosteredRow).index]));
    const code = provider.kind === "code" ? provider.code.code : null;
    if (code === "PR1") result.inHouse += 1;
    else if (code !== null && EXTERNAL_PROVIDERS.has(code)) result.external += 1;
    else result.otherOrUnknown += 1;
  }
  return result;
}

function placementsOf(asAt: AsAt): MedianOf {
  if (!asAt.joint) return medianOf([]);
  const { table, open } = asAt.joint;
  const cells = table.byColumn.values("placementsLast12Months");
  const values: number[] = [];
  for (let i = 0; i < open.length; i++) {
    if (open[i] === 0) continue;
    const count = readCount(cells[i] ?? null);
    if (count.kind === "number" && count.value >= 0 && Number.isInteger(count.value))
      values.push(count.value);
  }
  return medianOf(values);
}

function completenessOf(tables: readonly TrackerTable[]): ColumnCompleteness[] {
  const result: ColumnCompleteness[] = [];
  for (const table of tables) {
    for (const key of KEY_DATE_COLUMNS[table.sheetKey] ?? []) {
      const column = table.columns.find((c) => c.key === key);
      if (!column) continue;
      const entry: ColumnCompleteness = {
        sheet: table.sheetKey,
        sheetName: table.sheetName,
        column: key,
        header: column.header,
        valid: 0,
        blank: 0,
        invalid: 0,
      };
      const dates = table.byColumn.dates(key);
      for (let i = 0; i < dates.length; i++) {
        const date = dates[i] as CellDate;
        if (date.kind === "date") entry.valid += 1;
        else if (date.kind === "empty") entry.blank += 1;
        else entry.invalid += 1;
      }
      result.push(entry);
    }
  }
  return result;
}

/** Every row counted in any period the summary shows, by month, then the as-at rows. */
function traceOf(
  counted: CountedResults,
  events: Events,
  windows: readonly SummaryPeriod[],
  years: readonly SummaryPeriod[],
  asAt: AsAt,
  /** Room for rows added after (the recurring standards' occurrences): columns are not grown by pushing. */
  room = 0,
): TraceColumns {
  const first = Math.min(...windows.map((w) => w.first));
  const last = Math.max(...windows.map((w) => w.last));
  const yearsFirst = years[0]?.first ?? first;
  const yearsLast = years.at(-1)?.last ?? last;
  const lists: [string, DatedEvents, string, EpochDay, EpochDay][] = [
    ["BLA to 1st PPM", events.bands, "childId", first, last],
    ["PPMs held", events.ppms, "childId", first, last],
    ["2nd review within 4 months of BLA", events.secondReviews, "childId", first, last],
    ["Enquiries", events.enquiries, "householdId", first, last],
    ["Enquiry to IHV", events.ihvs, "householdId", first, last],
    ["Application to panel", events.panels, "householdId", first, last],
    ["Approved households", events.approvals, "householdId", yearsFirst, yearsLast],
  ];
  const supportOpen = asAt.support?.open ?? new Uint8Array(0);

  // Counted first and filled by index into columns of that length: pushing 400,000 rows into eight
  // growing arrays was half of the summary's time.
  let length = asAt.joint?.fostered.length ?? 0;
  for (let n = 0; n < counted.length; n++) {
    const deadline = counted.deadlines[n] as number;
    if (deadline >= first && deadline <= last) length++;
  }
  for (const [, list, , from, to] of lists) {
    for (let e = 0; e < list.length; e++) {
      const day = list.days[e] as number;
      if (day >= from && day <= to) length++;
    }
  }
  for (let i = 0; i < supportOpen.length; i++) length += supportOpen[i] as number;
  const trace: TraceColumns = {
    length,
    figure: new Array<string>(length + room),
    month: new Array<string>(length + room),
    sheetName: new Array<string>(length + room),
    row: new Array<number>(length + room),
    id: new Array<string | null>(length + room),
    standard: new Array<string | null>(length + room),
    outcome: new Array<string>(length + room),
    date: new Array<EpochDay | null>(length + room),
  };
  let at = 0;
  const put = (
    figure: string,
    month: string,
    sheetName: string,
    row: number,
    id: string | null,
    standard: string | null,
    outcome: string,
    date: EpochDay | null,
  ): void => {
    trace.figure[at] = figure;
    trace.month[at] = month;
    trace.sheetName[at] = sheetName;
    trace.row[at] = row;
    trace.id[at] = id;
    trace.standard[at] = standard;
    trace.outcome[at] = outcome;
    trace.date[at] = date;
    at++;
  };
  const monthOf = monthTexts(Math.min(first, yearsFirst), Math.max(last, yearsLast));

  const rowNumbers = counted.evaluation.sheets.map((sheet) => sheet.byColumn.rowNumbers());
  for (let n = 0; n < counted.length; n++) {
    const deadline = counted.deadlines[n] as number;
    if (deadline < first || deadline > last) continue;
    const s = counted.sheets[n] as number;
    const sheet = counted.evaluation.sheets[s] as SheetEvaluation;
    const i = counted.rows[n] as number;
    const results = counted.resultsOf(n);
    const row = rowNumbers[s]?.[i] as number;
    put(
      "Timeliness",
      monthOf(deadline),
      sheet.sheetName,
      row,
      sheet.ids[i] ?? null,
      results.standard.id,
      results.statusOf(i),
      deadline,
    );
  }
  for (const [figure, list, idKey, from, to] of lists) {
    const { table } = list;
    if (!table) continue;
    const columns = table.byColumn;
    const ids = columns.values(idKey);
    const rows = columns.rowNumbers();
    for (let e = 0; e < list.length; e++) {
      const day = list.days[e] as number;
      if (day < from || day > to) continue;
      const index = list.rowIndices[e] as number;
      put(
        figure,
        monthOf(day),
        table.sheetName,
        rows[index] as number,
        textOf(ids[index]),
        null,
        list.outcome(e),
        day,
      );
    }
  }

  if (asAt.joint) {
    const { table, fostered } = asAt.joint;
    const columns = table.byColumn;
    const ids = columns.values("childId");
    const providers = columns.values("placementProvider");
    const rows = columns.rowNumbers();
    for (let f = 0; f < fostered.length; f++) {
      const { index, type } = fostered[f] as FosteredRow;
      const provider = textOf(providers[index]);
      put(
        "In-house fostering",
        "as at",
        table.sheetName,
        rows[index] as number,
        textOf(ids[index]),
        null,
        `${type} ${provider ?? "(no provider)"}`,
        null,
      );
    }
  }
  if (asAt.support) {
    const { table, open } = asAt.support;
    const columns = table.byColumn;
    const ids = columns.values("householdId");
    const rows = columns.rowNumbers();
    const countCells = ["approvedPlaces", "childrenPlaced", "vacantPlaces", "notAvailablePlaces"].map((k) =>
      columns.values(k),
    );
    for (let i = 0; i < open.length; i++) {
      if (open[i] === 0) continue;
      const counts = countCells.map((cells) => textOf(cells[i]) ?? "blank");
      put(
        "Occupancy",
        "as at",
        table.sheetName,
        rows[i] as number,
        textOf(ids[i]),
        null,
        `approved ${counts[0]}, placed ${counts[1]}, vacant ${counts[2]}, not available ${counts[3]}`,
        null,
      );
    }
  }
  return trace;
}

/** Each day's month as `YYYY-MM`, from `first` to `last`, made once: the trace names one per row. */
function monthTexts(first: EpochDay, last: EpochDay): (day: EpochDay) => string {
  const texts: string[] = [];
  let month = "";
  let monthEnd = first - 1;
  for (let day = first; day <= last; day++) {
    if (day > monthEnd) {
      const ym = yearMonthOf(day);
      month = formatYearMonth(ym);
      monthEnd = monthPeriod(ym).last;
    }
    texts.push(month);
  }
  return (day) => texts[day - first] ?? formatYearMonth(yearMonthOf(day));
}
