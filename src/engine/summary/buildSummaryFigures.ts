import { addCalendarMonths } from "../calendar/calendarMonths";
import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellValue } from "../cells/CellValue";
import { readCount } from "../checks/integerCells";
import { EMPTY_CELL_DATE, type CellDate } from "../cells/coerceCellDate";
import type { EpochDay } from "../dates/epochDay";
import type { SheetEvaluation, TrackerEvaluation } from "../evaluation/evaluateTracker";
import { NONE, STATUS, type StandardResults } from "../evaluation/StandardResults";
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
import type { TrackerRow, TrackerTable } from "../tables/TrackerTable";
import { tableColumnsOf } from "../tables/tableColumns";
import { DatedEvents } from "./DatedEvents";
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

export interface SummaryOptions {
  /** `YYYY-MM`: the month summarised, the last of the 12-month trend. */
  month: string;
  asOf: EpochDay;
  calendar: WorkingDayCalendar;
  period?: PeriodKind;
  /** For the exit columns; the default profile when absent. */
  profile?: TrackerProfile;
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
  connectedPersons: ["temporaryApproval", "admDecision"],
};

const FOSTER_WITH_OTHER_CARER = new Set(["U4", "U5", "U6"]);
const EXTERNAL_PROVIDERS = new Set(["PR4", "PR5"]);
const NO_TEAM = "(no team recorded)";
const NO_WORKER = "(no worker recorded)";

type Band = keyof PpmBands;

/** The timeliness events: each deadline a standard's row met, missed or is past, as at as-of. */
class TimelinessEvents extends DatedEvents {
  /** The event's standard as its place in the summary's list of standards. */
  readonly slots: number[] = [];
  readonly teams: string[] = [];
  readonly workers: string[] = [];
}

/** Everything the dated figures count, one list per figure. `values` hold what the comments say. */
interface Events {
  /** 1 when met on time, else 0. */
  timeliness: TimelinessEvents;
  /** The band's place in PPM_BAND_KEYS; extras: the working days, NaN when there is none. */
  bands: DatedEvents;
  ppms: DatedEvents;
  /** 1 when held within the 4 months, else 0. */
  secondReviews: DatedEvents;
  enquiries: DatedEvents;
  /** Working days from enquiry to IHV. */
  ihvs: DatedEvents;
  /** Months from application to panel. */
  panels: DatedEvents;
  approvals: DatedEvents;
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
 * million results and 700,000 events to count (issue 9).
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
  const teams = new Map(evaluation.sheets.map((sheet) => [sheet, teamsOf(sheet, tables)] as const));
  const events = collectEvents(evaluation, teams, standardTitles, tableOf, asOf, calendar, profile);
  const figuresFor = (period: SummaryPeriod): PeriodFigures => periodFigures(period, events, standardTitles);
  const noInformation = rowsCannotAssess(evaluation);

  const current = periodOf(kind, ym);
  const months = Array.from({ length: 12 }, (_, i) => monthPeriod(shiftMonth(ym, i - 11)));
  const quarters = Array.from({ length: 4 }, (_, i) => quarterPeriod(shiftMonth(ym, 3 * (i - 3))));
  const years = Array.from({ length: 5 }, (_, i) => financialYearPeriod(shiftMonth(ym, 12 * (i - 4))));
  const windows = [current, previousPeriod(current), yearEarlierPeriod(current), ...months, ...quarters];

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
    byTeam: groupFigures(
      evaluation,
      events.timeliness,
      events.timeliness.teams,
      current,
      asOf,
      (sheet, i) => teams.get(sheet)?.[i] ?? NO_TEAM,
    ),
    byWorker: groupFigures(
      evaluation,
      events.timeliness,
      events.timeliness.workers,
      current,
      asOf,
      (sheet, i) => sheet.workers[i] ?? NO_WORKER,
    ),
    noInformation: standards.map((s) => ({
      standard: s.id,
      title: s.title,
      rows: noInformation.get(s.id) ?? 0,
    })),
    occupancy: occupancyOf(tableOf("fosteringSupport"), asOf, profile),
    inHouseFostering: inHouseOf(tableOf("jointTracker"), asOf, profile),
    placementsLast12Months: placementsOf(tableOf("jointTracker"), asOf, profile),
    completeness: completenessOf(tables),
    trace: traceOf(events, windows, years, tableOf, asOf, profile),
  };
}

function textOf(value: CellValue | undefined): string | null {
  if (value === null || value === undefined || value instanceof Date || typeof value === "object")
    return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}

/** Each row's team as the summary groups it, in the sheet evaluation's row order. */
function teamsOf(sheet: SheetEvaluation, tables: readonly TrackerTable[]): string[] {
  const teams = new Array<string>(sheet.rows.length).fill(NO_TEAM);
  const sources = tables.filter((t) => t.sheetKey === sheet.sheet);
  if (sources.length === 1 && sources[0]?.rows === sheet.rows) {
    const cells = tableColumnsOf(sheet.rows).values("team");
    for (let i = 0; i < cells.length; i++) teams[i] = textOf(cells[i]) ?? NO_TEAM;
    return teams;
  }
  // Evaluated from other tables than the ones given: matched by sheet and row number instead.
  const byRow = new Map<number, string>();
  for (const table of sources) {
    const cells = tableColumnsOf(table.rows).values("team");
    table.rows.forEach((row, i) => byRow.set(row.rowNumber, textOf(cells[i]) ?? NO_TEAM));
  }
  sheet.rows.forEach((row, i) => (teams[i] = byRow.get(row.rowNumber) ?? NO_TEAM));
  return teams;
}

/** Per standard, the rows whose result is "cannot assess". */
function rowsCannotAssess(evaluation: TrackerEvaluation): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sheet of evaluation.sheets) {
    for (const results of sheet.standards) {
      let rows = 0;
      for (const status of results.status) if (status === STATUS.cannotAssess) rows++;
      if (rows > 0) counts.set(results.standard.id, (counts.get(results.standard.id) ?? 0) + rows);
    }
  }
  return counts;
}

function collectEvents(
  evaluation: TrackerEvaluation,
  teams: ReadonlyMap<SheetEvaluation, readonly string[]>,
  standardTitles: readonly StandardTitle[],
  tableOf: (key: SheetKey) => TrackerTable | undefined,
  asOf: EpochDay,
  calendar: WorkingDayCalendar,
  profile: TrackerProfile,
): Events {
  const events: Events = {
    timeliness: new TimelinessEvents(),
    bands: new DatedEvents(),
    ppms: new DatedEvents(),
    secondReviews: new DatedEvents(),
    enquiries: new DatedEvents(),
    ihvs: new DatedEvents(),
    panels: new DatedEvents(),
    approvals: new DatedEvents(),
  };
  collectTimeliness(evaluation, teams, standardTitles, asOf, events.timeliness);

  const joint = tableOf("jointTracker");
  if (joint) {
    const columns = tableColumnsOf(joint.rows);
    const jointExit = profileSheet(profile, "jointTracker")?.exitColumn;
    const ids = columns.values("childId");
    const blas = columns.dates("becameLookedAfter");
    const firstPpms = columns.dates("firstPpm");
    const latestPpms = columns.dates("latestPpm");
    const secondReviews = columns.dates("secondReview");
    const exits = jointExit === undefined ? undefined : columns.dates(jointExit);
    const sheetName = joint.sheetName;
    for (let i = 0; i < joint.rows.length; i++) {
      const row = (joint.rows[i] as TrackerRow).rowNumber;
      const id = textOf(ids[i]);
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
        events.bands.add(blaDay, BAND_INDEX[band], workingDays, sheetName, row, id, null, band);

        // 2nd review within 4 months of BLA, counted by the month the 4 months end, as a standard would be.
        const deadline = addCalendarMonths(blaDay, 4);
        const review = secondReviews[i] as CellDate;
        const exit = exits === undefined ? EMPTY_CELL_DATE : (exits[i] as CellDate);
        if (review.kind === "date" && review.day >= blaDay && deadline <= asOf) {
          const onTime = review.day <= deadline;
          events.secondReviews.add(
            deadline,
            onTime ? 1 : 0,
            NaN,
            sheetName,
            row,
            id,
            null,
            onTime ? "met" : "met late",
          );
        } else if (review.kind === "empty" && exit.kind !== "problem") {
          const exitDay = exit.kind === "date" ? exit.day : null;
          const t = exitDay === null ? asOf : Math.min(asOf, exitDay);
          if (!(exitDay !== null && exitDay <= deadline) && t > deadline)
            events.secondReviews.add(deadline, 0, NaN, sheetName, row, id, null, "overdue");
        }
      }
      const latest = latestPpms[i] as CellDate;
      const first = firstPpm.kind === "date" ? firstPpm.day : null;
      if (first !== null) events.ppms.add(first, 0, NaN, sheetName, row, id, null, "1st PPM");
      if (latest.kind === "date" && latest.day !== first)
        events.ppms.add(latest.day, 0, NaN, sheetName, row, id, null, "latest PPM");
    }
  }

  const recruitment = tableOf("recruitment");
  if (recruitment) {
    const columns = tableColumnsOf(recruitment.rows);
    const ids = columns.values("householdId");
    const enquiries = columns.dates("enquiry");
    const ihvs = columns.dates("ihv");
    const applications = columns.dates("application");
    const panels = columns.dates("panel");
    const sheetName = recruitment.sheetName;
    for (let i = 0; i < recruitment.rows.length; i++) {
      const row = (recruitment.rows[i] as TrackerRow).rowNumber;
      const id = textOf(ids[i]);
      const enquiry = dayOf(enquiries[i]);
      const ihv = dayOf(ihvs[i]);
      const application = dayOf(applications[i]);
      const panel = dayOf(panels[i]);
      if (enquiry !== null) events.enquiries.add(enquiry, 0, NaN, sheetName, row, id, null, "enquiry");
      if (enquiry !== null && ihv !== null && ihv >= enquiry) {
        const wd = calendar.workingDaysBetween(enquiry, ihv);
        events.ihvs.add(ihv, wd, NaN, sheetName, row, id, null, `${wd} working days`);
      }
      if (application !== null && panel !== null && panel >= application) {
        const months = monthsBetween(application, panel);
        events.panels.add(panel, months, NaN, sheetName, row, id, null, `${months} months`);
      }
    }
  }

  const support = tableOf("fosteringSupport");
  if (support) {
    const columns = tableColumnsOf(support.rows);
    const ids = columns.values("householdId");
    const approvals = columns.dates("approvalDate");
    for (let i = 0; i < support.rows.length; i++) {
      const approval = dayOf(approvals[i]);
      if (approval === null) continue;
      const row = (support.rows[i] as TrackerRow).rowNumber;
      events.approvals.add(approval, 0, NaN, support.sheetName, row, textOf(ids[i]), null, "approved");
    }
  }
  return events;
}

/**
 * Every met, met-late or overdue result whose deadline has passed (the statuses a timeliness cohort
 * holds, evaluation-semantics.md "Figures for a period"), row by row and within a row in
 * the standards' order, as the trace lists them.
 */
function collectTimeliness(
  evaluation: TrackerEvaluation,
  teams: ReadonlyMap<SheetEvaluation, readonly string[]>,
  standardTitles: readonly StandardTitle[],
  asOf: EpochDay,
  out: TimelinessEvents,
): void {
  const slotOf = new Map(standardTitles.map((s, i) => [s.id, i] as const));
  for (const sheet of evaluation.sheets) {
    const { standards, workers, ids, sheetName } = sheet;
    const slots = standards.map((results) => slotOf.get(results.standard.id) ?? -1);
    const teamOfRow = teams.get(sheet) ?? [];
    for (let i = 0; i < sheet.rows.length; i++) {
      for (let k = 0; k < standards.length; k++) {
        const results = standards[k] as StandardResults;
        const status = results.status[i];
        if (status !== STATUS.met && status !== STATUS.metLate && status !== STATUS.overdue) continue;
        const deadline = results.deadline[i] as number;
        if (deadline === NONE || deadline > asOf) continue;
        out.add(
          deadline,
          status === STATUS.met ? 1 : 0,
          NaN,
          sheetName,
          (sheet.rows[i] as TrackerRow).rowNumber,
          ids[i] ?? null,
          results.standard.id,
          results.statusOf(i),
        );
        out.slots.push(slots[k] as number);
        out.teams.push(teamOfRow[i] ?? NO_TEAM);
        out.workers.push(workers[i] ?? NO_WORKER);
      }
    }
  }
}

const BAND_INDEX = Object.fromEntries(PPM_BAND_KEYS.map((k, i) => [k, i])) as Readonly<Record<Band, number>>;

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

export function medianOf(values: readonly number[]): MedianOf {
  if (values.length === 0) return { median: null, mean: null, n: 0 };
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const mean = Math.round((sorted.reduce((s, v) => s + v, 0) / sorted.length) * 10) / 10;
  return { median, mean, n: sorted.length };
}

function onTimeCount(cohort: number, onTime: number): OnTimeCount {
  return { cohort, onTime, late: cohort - onTime };
}

/** The values of a period's events, in day order. */
function valuesIn(list: DatedEvents, period: SummaryPeriod, skipNaN = false, of = list.values): number[] {
  const { order, from, to } = list.inPeriod(period);
  const values: number[] = [];
  for (let k = from; k < to; k++) {
    const value = of[order[k] as number] as number;
    if (!(skipNaN && Number.isNaN(value))) values.push(value);
  }
  return values;
}

function countIn(list: DatedEvents, period: SummaryPeriod): number {
  const { from, to } = list.inPeriod(period);
  return to - from;
}

function periodFigures(
  period: SummaryPeriod,
  events: Events,
  standards: readonly StandardTitle[],
): PeriodFigures {
  // The period's events are counted once into one slot per standard: filtering them again for each
  // of the 19 standards, in each of the 24 periods, made the summary the slowest stage (issue 9).
  const cohorts = new Int32Array(standards.length);
  const onTimes = new Int32Array(standards.length);
  const { timeliness } = events;
  const { order, from, to } = timeliness.inPeriod(period);
  for (let k = from; k < to; k++) {
    const e = order[k] as number;
    const slot = timeliness.slots[e] as number;
    if (slot < 0) continue;
    cohorts[slot] = (cohorts[slot] as number) + 1;
    if (timeliness.values[e] === 1) onTimes[slot] = (onTimes[slot] as number) + 1;
  }
  const counts: TimelinessCount[] = standards.map((s, i) => ({
    standard: s.id,
    title: s.title,
    recurring: s.recurring,
    ...onTimeCount(cohorts[i] as number, onTimes[i] as number),
  }));
  const bands = Object.fromEntries(PPM_BAND_KEYS.map((k) => [k, 0])) as Record<Band, number>;
  for (const band of valuesIn(events.bands, period)) bands[PPM_BAND_KEYS[band] as Band] += 1;
  const secondReviews = valuesIn(events.secondReviews, period);
  const plan = counts.find((t) => t.standard === "permanence-plan");
  return {
    period,
    timeliness: counts,
    ppmBands: bands,
    blaToPpmWorkingDays: medianOf(valuesIn(events.bands, period, true, events.bands.extras)),
    ppmsHeld: countIn(events.ppms, period),
    secondReviewWithin4Months: onTimeCount(secondReviews.length, secondReviews.filter((v) => v === 1).length),
    planAgreedBy2ndReview: plan
      ? { cohort: plan.cohort, onTime: plan.onTime, late: plan.late }
      : { cohort: 0, onTime: 0, late: 0 },
    enquiries: countIn(events.enquiries, period),
    enquiryToIhvWorkingDays: medianOf(valuesIn(events.ihvs, period)),
    applicationToPanelMonths: medianOf(valuesIn(events.panels, period)),
    approvals: countIn(events.approvals, period),
  };
}

/* One collator for every comparison: `localeCompare` with a locale builds one per call. Same order. */
const GROUP_ORDER = new Intl.Collator("en-GB");

/**
 * The period's cohort by group (team or worker), with what is overdue now. Groups are made in the
 * order the events, then the rows, first name them, as the order of equal names depends on it.
 */
function groupFigures(
  evaluation: TrackerEvaluation,
  timeliness: TimelinessEvents,
  groupOfEvent: readonly string[],
  period: SummaryPeriod,
  asOf: EpochDay,
  groupOfRow: (sheet: SheetEvaluation, i: number) => string,
): GroupFigures[] {
  const groups = new Map<string, GroupFigures>();
  const group = (name: string): GroupFigures => {
    let g = groups.get(name);
    if (!g) {
      g = { name, cohort: 0, onTime: 0, late: 0, overdueNow: 0 };
      groups.set(name, g);
    }
    return g;
  };
  for (let e = 0; e < timeliness.length; e++) {
    const day = timeliness.days[e] as number;
    if (day < period.first || day > period.last) continue;
    const g = group(groupOfEvent[e] as string);
    g.cohort += 1;
    if (timeliness.values[e] === 1) g.onTime += 1;
    else g.late += 1;
  }
  for (const sheet of evaluation.sheets) {
    for (let i = 0; i < sheet.rows.length; i++) {
      let overdue = 0;
      for (const results of sheet.standards) {
        const deadline = results.deadline[i] as number;
        if (results.status[i] === STATUS.overdue && deadline !== NONE && deadline <= asOf) overdue++;
      }
      if (overdue > 0) group(groupOfRow(sheet, i)).overdueNow += overdue;
    }
  }
  return [...groups.values()].sort((a, b) => GROUP_ORDER.compare(a.name, b.name));
}

/** Which rows of a table are open on the as-of date: started on or before it, no exit on or before it. */
function openRows(
  table: TrackerTable,
  startKey: string,
  exitKey: string | undefined,
  asOf: EpochDay,
): Uint8Array {
  const columns = tableColumnsOf(table.rows);
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

function occupancyOf(table: TrackerTable | undefined, asOf: EpochDay, profile: TrackerProfile): Occupancy {
  const result: Occupancy = {
    households: 0,
    approvedPlaces: 0,
    childrenPlaced: 0,
    vacantPlaces: 0,
    notAvailablePlaces: 0,
    householdsLeftOut: 0,
  };
  if (!table) return result;
  const exitKey = profileSheet(profile, "fosteringSupport")?.exitColumn ?? "deregistered";
  const open = openRows(table, "approvalDate", exitKey, asOf);
  const columns = tableColumnsOf(table.rows);
  const approvedCells = columns.values("approvedPlaces");
  const countCells = ["childrenPlaced", "vacantPlaces", "notAvailablePlaces"].map((k) => columns.values(k));
  for (let i = 0; i < open.length; i++) {
    if (open[i] === 0) continue;
    const approved = readCount(approvedCells[i] ?? null);
    // Blank placed / vacant / not-available cells mean none; approved places must be recorded.
    const counts = countCells.map((cells) => readCount(cells[i] ?? null));
    if (approved.kind !== "number" || approved.value <= 0 || counts.some((c) => c.kind === "notNumber")) {
      result.householdsLeftOut += 1;
      continue;
    }
    const [placed, vacant, notAvailable] = counts.map((c) => (c.kind === "number" ? c.value : 0));
    result.households += 1;
    result.approvedPlaces += approved.value;
    result.childrenPlaced += placed ?? 0;
    result.vacantPlaces += vacant ?? 0;
    result.notAvailablePlaces += notAvailable ?? 0;
  }
  return result;
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
function fosteredRows(
  table: TrackerTable,
  asOf: EpochDay,
  profile: TrackerProfile,
): { index: number; type: string }[] {
  const open = openRows(table, "becameLookedAfter", profileSheet(profile, "jointTracker")?.exitColumn, asOf);
  const types = tableColumnsOf(table.rows).values("placementType");
  const typeOf = codeReader(PLACEMENT_TYPE);
  const rows: { index: number; type: string }[] = [];
  for (let i = 0; i < open.length; i++) {
    if (open[i] === 0) continue;
    const type = typeOf(textOf(types[i]));
    if (type.kind === "code" && FOSTER_WITH_OTHER_CARER.has(type.code.code))
      rows.push({ index: i, type: type.code.code });
  }
  return rows;
}

function inHouseOf(
  table: TrackerTable | undefined,
  asOf: EpochDay,
  profile: TrackerProfile,
): InHouseFostering {
  const result: InHouseFostering = { inHouse: 0, external: 0, otherOrUnknown: 0 };
  if (!table) return result;
  const providers = tableColumnsOf(table.rows).values("placementProvider");
  const providerOf = codeReader(PLACEMENT_PROVIDER);
  for (const { index } of fosteredRows(table, asOf, profile)) {
    const provider = providerOf(textOf(providers[index]));
    const code = provider.kind === "code" ? provider.code.code : null;
    if (code === "PR1") result.inHouse += 1;
    else if (code !== null && EXTERNAL_PROVIDERS.has(code)) result.external += 1;
    else result.otherOrUnknown += 1;
  }
  return result;
}

function placementsOf(table: TrackerTable | undefined, asOf: EpochDay, profile: TrackerProfile): MedianOf {
  if (!table) return medianOf([]);
  const open = openRows(table, "becameLookedAfter", profileSheet(profile, "jointTracker")?.exitColumn, asOf);
  const cells = tableColumnsOf(table.rows).values("placementsLast12Months");
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
      for (const date of tableColumnsOf(table.rows).dates(key)) {
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
  events: Events,
  windows: readonly SummaryPeriod[],
  years: readonly SummaryPeriod[],
  tableOf: (key: SheetKey) => TrackerTable | undefined,
  asOf: EpochDay,
  profile: TrackerProfile,
): TraceColumns {
  const first = Math.min(...windows.map((w) => w.first));
  const last = Math.max(...windows.map((w) => w.last));
  const trace: TraceColumns = {
    length: 0,
    figure: [],
    month: [],
    sheetName: [],
    row: [],
    id: [],
    standard: [],
    outcome: [],
    date: [],
  };
  const push = (
    figure: string,
    month: string,
    sheetName: string,
    row: number,
    id: string | null,
    standard: string | null,
    outcome: string,
    date: EpochDay | null,
  ): void => {
    trace.figure.push(figure);
    trace.month.push(month);
    trace.sheetName.push(sheetName);
    trace.row.push(row);
    trace.id.push(id);
    trace.standard.push(standard);
    trace.outcome.push(outcome);
    trace.date.push(date);
    trace.length += 1;
  };
  // One text per day's month, not per traced row: a 100,000-row tracker traces about 400,000 rows.
  const monthTexts = new Map<number, string>();
  const monthOf = (day: EpochDay): string => {
    let text = monthTexts.get(day);
    if (text === undefined) {
      text = formatYearMonth(yearMonthOf(day));
      monthTexts.set(day, text);
    }
    return text;
  };
  const add = (figure: string, list: DatedEvents, from: EpochDay, to: EpochDay): void => {
    for (let e = 0; e < list.length; e++) {
      const day = list.days[e] as number;
      if (day < from || day > to) continue;
      push(
        figure,
        monthOf(day),
        list.sheetNames[e] as string,
        list.rows[e] as number,
        list.ids[e] ?? null,
        list.standards[e] ?? null,
        list.outcomes[e] as string,
        day,
      );
    }
  };
  add("Timeliness", events.timeliness, first, last);
  add("BLA to 1st PPM", events.bands, first, last);
  add("PPMs held", events.ppms, first, last);
  add("2nd review within 4 months of BLA", events.secondReviews, first, last);
  add("Enquiries", events.enquiries, first, last);
  add("Enquiry to IHV", events.ihvs, first, last);
  add("Application to panel", events.panels, first, last);
  add("Approved households", events.approvals, years[0]?.first ?? first, years.at(-1)?.last ?? last);

  const joint = tableOf("jointTracker");
  if (joint) {
    const columns = tableColumnsOf(joint.rows);
    const ids = columns.values("childId");
    const providers = columns.values("placementProvider");
    for (const { index, type } of fosteredRows(joint, asOf, profile)) {
      const provider = textOf(providers[index]);
      push(
        "In-house fostering",
        "as at",
        joint.sheetName,
        (joint.rows[index] as TrackerRow).rowNumber,
        textOf(ids[index]),
        null,
        `${type} ${provider ?? "(no provider)"}`,
        null,
      );
    }
  }
  const support = tableOf("fosteringSupport");
  if (support) {
    const supportExit = profileSheet(profile, "fosteringSupport")?.exitColumn ?? "deregistered";
    const open = openRows(support, "approvalDate", supportExit, asOf);
    const columns = tableColumnsOf(support.rows);
    const ids = columns.values("householdId");
    const countCells = ["approvedPlaces", "childrenPlaced", "vacantPlaces", "notAvailablePlaces"].map((k) =>
      columns.values(k),
    );
    for (let i = 0; i < open.length; i++) {
      if (open[i] === 0) continue;
      const counts = countCells.map((cells) => textOf(cells[i]) ?? "blank");
      push(
        "Occupancy",
        "as at",
        support.sheetName,
        (support.rows[i] as TrackerRow).rowNumber,
        textOf(ids[i]),
        null,
        `approved ${counts[0]}, placed ${counts[1]}, vacant ${counts[2]}, not available ${counts[3]}`,
        null,
      );
    }
  }
  return trace;
}
