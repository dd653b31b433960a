import { addCalendarMonths } from "../calendar/calendarMonths";
import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellValue } from "../cells/CellValue";
import { readCount } from "../checks/integerCells";
import { coerceCellDate, type CellDate } from "../cells/coerceCellDate";
import type { EpochDay } from "../dates/epochDay";
import type { TrackerEvaluation } from "../evaluation/evaluateTracker";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { PLACEMENT_PROVIDER, PLACEMENT_TYPE, matchCode } from "../profile/codeLists";
import { profileSheet, type SheetKey, type TrackerProfile } from "../profile/TrackerProfile";
import { isRecurring } from "../standards/Standard";
import { cellOf, type TrackerRow, type TrackerTable } from "../tables/TrackerTable";
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
  type TraceRow,
} from "./SummaryFigures";
import {
  financialYearPeriod,
  formatYearMonth,
  inPeriod,
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

/** The statuses a timeliness cohort holds (evaluation-semantics.md "Figures for a period"). */
const COUNTED = new Set(["met", "met late", "overdue"]);

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

/** A dated thing a figure counts: the row and the day that decides its period. */
interface Counted<T> {
  day: EpochDay;
  value: T;
  trace: Omit<TraceRow, "figure" | "month" | "date">;
}

interface TimelinessEvent {
  standard: string;
  onTime: boolean;
  team: string;
  worker: string;
}

type Band = keyof PpmBands;

interface Events {
  timeliness: Counted<TimelinessEvent>[];
  bands: Counted<{ band: Band; workingDays: number | null }>[];
  ppms: Counted<null>[];
  secondReviews: Counted<boolean>[];
  enquiries: Counted<null>[];
  ihvs: Counted<number>[];
  panels: Counted<number>[];
  approvals: Counted<null>[];
}

/**
 * Every figure of the monthly summary, from an evaluation and the tables it was made from. Dated
 * figures are counted by the month their deciding date falls in (a standard by its deadline), so a
 * past month's figures change only when its data are corrected; snapshot figures (occupancy,
 * in-house fostering, placement moves) are as at `asOf`.
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
  const rowsByKey = rowIndexOf(tables);
  const tableOf = (key: SheetKey): TrackerTable | undefined => tables.find((t) => t.sheetKey === key);

  const events = collectEvents(evaluation, rowsByKey, tableOf, asOf, calendar, profile);
  const byDay = eventsByDay(events);
  const standards = [...evaluation.standardsById.values()].filter(
    (s) => s.enabled && evaluation.rows.some((r) => r.sheet === s.sheet),
  );
  const standardTitles = standards.map((s) => ({ id: s.id, title: s.title, recurring: isRecurring(s) }));
  const figuresFor = (period: SummaryPeriod): PeriodFigures => periodFigures(period, byDay, standardTitles);
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
      current,
      asOf,
      (e) => e.team,
      (sheet, row) => teamOf(rowsByKey.get(sheet)?.get(row)),
    ),
    byWorker: groupFigures(
      evaluation,
      events.timeliness,
      current,
      asOf,
      (e) => e.worker,
      (_s, _r, w) => w ?? NO_WORKER,
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

function textOf(value: CellValue): string | null {
  if (value === null || value instanceof Date || typeof value === "object") return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}

function teamOf(row: TrackerRow | undefined): string {
  return (row && textOf(cellOf(row, "team"))) ?? NO_TEAM;
}

function dateOf(row: TrackerRow, key: string): CellDate {
  return coerceCellDate(cellOf(row, key));
}

function validDay(date: CellDate): EpochDay | null {
  return date.kind === "date" ? date.day : null;
}

/** Rows by sheet, then by row number: one lookup per evaluation row without building a string key. */
type RowIndex = ReadonlyMap<SheetKey, ReadonlyMap<number, TrackerRow>>;

function rowIndexOf(tables: readonly TrackerTable[]): RowIndex {
  const index = new Map<SheetKey, Map<number, TrackerRow>>();
  for (const table of tables) {
    let rows = index.get(table.sheetKey);
    if (!rows) {
      rows = new Map();
      index.set(table.sheetKey, rows);
    }
    for (const row of table.rows) rows.set(row.rowNumber, row);
  }
  return index;
}

/**
 * For each standard, the rows with at least one "cannot assess" result for it, counted in one pass
 * over the rows (filtering every row once per standard was quadratic in practice, issue 9).
 */
function rowsCannotAssess(evaluation: TrackerEvaluation): Map<string, number> {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const row of evaluation.rows) {
    seen.clear();
    for (const r of row.results) {
      if (r.status !== "cannot assess" || seen.has(r.standardId)) continue;
      seen.add(r.standardId);
      counts.set(r.standardId, (counts.get(r.standardId) ?? 0) + 1);
    }
  }
  return counts;
}

function collectEvents(
  evaluation: TrackerEvaluation,
  rowsByKey: RowIndex,
  tableOf: (key: SheetKey) => TrackerTable | undefined,
  asOf: EpochDay,
  calendar: WorkingDayCalendar,
  profile: TrackerProfile,
): Events {
  const events: Events = {
    timeliness: [],
    bands: [],
    ppms: [],
    secondReviews: [],
    enquiries: [],
    ihvs: [],
    panels: [],
    approvals: [],
  };
  for (const row of evaluation.rows) {
    const team = teamOf(rowsByKey.get(row.sheet)?.get(row.rowNumber));
    for (const r of row.results) {
      if (!COUNTED.has(r.status) || r.deadline === null || r.deadline > asOf) continue;
      events.timeliness.push({
        day: r.deadline,
        value: { standard: r.standardId, onTime: r.status === "met", team, worker: row.worker ?? NO_WORKER },
        trace: {
          sheetName: row.sheetName,
          row: row.rowNumber,
          id: row.id,
          standard: r.standardId,
          outcome: r.status,
        },
      });
    }
  }

  const joint = tableOf("jointTracker");
  const jointExit = profileSheet(profile, "jointTracker")?.exitColumn;
  for (const row of joint?.rows ?? []) {
    const base = { sheetName: joint?.sheetName ?? "", row: row.rowNumber, id: idOf(row, "childId") };
    const bla = dateOf(row, "becameLookedAfter");
    const firstPpm = dateOf(row, "firstPpm");
    const blaDay = validDay(bla);
    if (blaDay !== null) {
      let band: Band;
      let workingDays: number | null = null;
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
      events.bands.push({
        day: blaDay,
        value: { band, workingDays },
        trace: rowTrace(base, null, band),
      });

      // 2nd review within 4 months of BLA, counted by the month the 4 months end, as a standard would be.
      const deadline = addCalendarMonths(blaDay, 4);
      const review = dateOf(row, "secondReview");
      const exit = jointExit ? dateOf(row, jointExit) : ({ kind: "empty" } as const);
      if (review.kind === "date" && review.day >= blaDay && deadline <= asOf) {
        const onTime = review.day <= deadline;
        events.secondReviews.push({
          day: deadline,
          value: onTime,
          trace: rowTrace(base, null, onTime ? "met" : "met late"),
        });
      } else if (review.kind === "empty" && exit.kind !== "problem") {
        const exitDay = validDay(exit);
        const t = exitDay === null ? asOf : Math.min(asOf, exitDay);
        if (!(exitDay !== null && exitDay <= deadline) && t > deadline) {
          events.secondReviews.push({
            day: deadline,
            value: false,
            trace: rowTrace(base, null, "overdue"),
          });
        }
      }
    }
    const latestPpm = validDay(dateOf(row, "latestPpm"));
    const first = validDay(firstPpm);
    if (first !== null) events.ppms.push({ day: first, value: null, trace: rowTrace(base, null, "1st PPM") });
    if (latestPpm !== null && latestPpm !== first) {
      events.ppms.push({
        day: latestPpm,
        value: null,
        trace: rowTrace(base, null, "latest PPM"),
      });
    }
  }

  const recruitment = tableOf("recruitment");
  for (const row of recruitment?.rows ?? []) {
    const base = {
      sheetName: recruitment?.sheetName ?? "",
      row: row.rowNumber,
      id: idOf(row, "householdId"),
    };
    const enquiry = validDay(dateOf(row, "enquiry"));
    const ihv = validDay(dateOf(row, "ihv"));
    const application = validDay(dateOf(row, "application"));
    const panel = validDay(dateOf(row, "panel"));
    if (enquiry !== null)
      events.enquiries.push({ day: enquiry, value: null, trace: rowTrace(base, null, "enquiry") });
    if (enquiry !== null && ihv !== null && ihv >= enquiry) {
      const wd = calendar.workingDaysBetween(enquiry, ihv);
      events.ihvs.push({ day: ihv, value: wd, trace: rowTrace(base, null, `${wd} working days`) });
    }
    if (application !== null && panel !== null && panel >= application) {
      const months = monthsBetween(application, panel);
      events.panels.push({ day: panel, value: months, trace: rowTrace(base, null, `${months} months`) });
    }
  }

  const support = tableOf("fosteringSupport");
  for (const row of support?.rows ?? []) {
    const approval = validDay(dateOf(row, "approvalDate"));
    if (approval !== null) {
      events.approvals.push({
        day: approval,
        value: null,
        trace: {
          sheetName: support?.sheetName ?? "",
          row: row.rowNumber,
          id: idOf(row, "householdId"),
          standard: null,
          outcome: "approved",
        },
      });
    }
  }
  return events;
}

type RowTrace = Counted<unknown>["trace"];

/** A trace written out field by field: object spread in this loop was most of the summary's time. */
function rowTrace(
  base: Pick<RowTrace, "sheetName" | "row" | "id">,
  standard: string | null,
  outcome: string,
): RowTrace {
  return { sheetName: base.sheetName, row: base.row, id: base.id, standard, outcome };
}

function idOf(row: TrackerRow, key: string): string | null {
  return textOf(cellOf(row, key));
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

function within<T>(list: readonly Counted<T>[], period: SummaryPeriod): Counted<T>[] {
  return list.filter((e) => inPeriod(e.day, period));
}

/** Events sorted by day, so a period's events are one slice found by binary search. */
interface ByDay<T> {
  events: readonly Counted<T>[];
  days: Float64Array;
}

type EventsByDay = { [K in keyof Events]: ByDay<Events[K][number]["value"]> };

/**
 * Sorted by counting, not by comparing: days are whole numbers within a few decades, and a comparison
 * sort of the 700,000 timeliness events of a 100,000-row tracker took seconds (issue 9). Stable, so
 * events of one day keep the order they were collected in, as the comparison sort did.
 */
function byDayOf<T>(list: readonly Counted<T>[]): ByDay<T> {
  if (list.length === 0) return { events: [], days: new Float64Array(0) };
  let min = Infinity;
  let max = -Infinity;
  for (const e of list) {
    if (e.day < min) min = e.day;
    if (e.day > max) max = e.day;
  }
  const starts = new Uint32Array(max - min + 2);
  for (const e of list) starts[e.day - min + 1] = (starts[e.day - min + 1] as number) + 1;
  for (let i = 1; i < starts.length; i++) starts[i] = (starts[i] as number) + (starts[i - 1] as number);
  const events = new Array<Counted<T>>(list.length);
  const days = new Float64Array(list.length);
  for (const e of list) {
    const at = starts[e.day - min] as number;
    starts[e.day - min] = at + 1;
    events[at] = e;
    days[at] = e.day;
  }
  return { events, days };
}

function eventsByDay(events: Events): EventsByDay {
  return {
    timeliness: byDayOf(events.timeliness),
    bands: byDayOf(events.bands),
    ppms: byDayOf(events.ppms),
    secondReviews: byDayOf(events.secondReviews),
    enquiries: byDayOf(events.enquiries),
    ihvs: byDayOf(events.ihvs),
    panels: byDayOf(events.panels),
    approvals: byDayOf(events.approvals),
  };
}

/** First index whose day is at least `day`. */
function lowerBound(days: Float64Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A period's events, in day order: every figure of a period is a count or a median, so the order
 * does not matter, and 24 periods no longer each scan every event (issue 9).
 */
function inPeriodOf<T>(list: ByDay<T>, period: SummaryPeriod): readonly Counted<T>[] {
  return list.events.slice(lowerBound(list.days, period.first), lowerBound(list.days, period.last + 1));
}

function onTimeCount(list: readonly boolean[]): OnTimeCount {
  const onTime = list.filter((x) => x).length;
  return { cohort: list.length, onTime, late: list.length - onTime };
}

function periodFigures(
  period: SummaryPeriod,
  events: EventsByDay,
  standards: readonly { id: string; title: string; recurring: boolean }[],
): PeriodFigures {
  // The period's events are found once and shared out by standard: filtering all of them again for
  // each of the 19 standards, in each of the 24 periods, made the summary the slowest stage (issue 9).
  const byStandard = new Map<string, boolean[]>();
  for (const e of inPeriodOf(events.timeliness, period)) {
    const list = byStandard.get(e.value.standard);
    if (list) list.push(e.value.onTime);
    else byStandard.set(e.value.standard, [e.value.onTime]);
  }
  const timeliness: TimelinessCount[] = standards.map((s) => {
    const c = onTimeCount(byStandard.get(s.id) ?? []);
    return { standard: s.id, title: s.title, recurring: s.recurring, ...c };
  });
  const bands = Object.fromEntries(PPM_BAND_KEYS.map((k) => [k, 0])) as Record<Band, number>;
  const banded = inPeriodOf(events.bands, period);
  for (const e of banded) bands[e.value.band] += 1;
  const plan = timeliness.find((t) => t.standard === "permanence-plan");
  return {
    period,
    timeliness,
    ppmBands: bands,
    blaToPpmWorkingDays: medianOf(
      banded.flatMap((e) => (e.value.workingDays === null ? [] : [e.value.workingDays])),
    ),
    ppmsHeld: inPeriodOf(events.ppms, period).length,
    secondReviewWithin4Months: onTimeCount(inPeriodOf(events.secondReviews, period).map((e) => e.value)),
    planAgreedBy2ndReview: plan
      ? { cohort: plan.cohort, onTime: plan.onTime, late: plan.late }
      : { cohort: 0, onTime: 0, late: 0 },
    enquiries: inPeriodOf(events.enquiries, period).length,
    enquiryToIhvWorkingDays: medianOf(inPeriodOf(events.ihvs, period).map((e) => e.value)),
    applicationToPanelMonths: medianOf(inPeriodOf(events.panels, period).map((e) => e.value)),
    approvals: inPeriodOf(events.approvals, period).length,
  };
}

function groupFigures(
  evaluation: TrackerEvaluation,
  timeliness: readonly Counted<TimelinessEvent>[],
  period: SummaryPeriod,
  asOf: EpochDay,
  keyOf: (e: TimelinessEvent) => string,
  keyOfRow: (sheet: SheetKey, row: number, worker: string | null) => string,
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
  for (const e of within(timeliness, period)) {
    const g = group(keyOf(e.value));
    g.cohort += 1;
    if (e.value.onTime) g.onTime += 1;
    else g.late += 1;
  }
  for (const row of evaluation.rows) {
    const overdue = row.results.filter(
      (r) => r.status === "overdue" && r.deadline !== null && r.deadline <= asOf,
    ).length;
    if (overdue > 0) group(keyOfRow(row.sheet, row.rowNumber, row.worker)).overdueNow += overdue;
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/** Whether a row is open on the as-of date: started on or before it, no exit on or before it. */
function isOpen(row: TrackerRow, startKey: string, exitKey: string | undefined, asOf: EpochDay): boolean {
  const start = validDay(dateOf(row, startKey));
  if (start === null || start > asOf) return false;
  if (!exitKey) return true;
  const exit = dateOf(row, exitKey);
  if (exit.kind === "problem") return false;
  return exit.kind === "empty" || exit.day > asOf;
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
  const exitKey = profileSheet(profile, "fosteringSupport")?.exitColumn ?? "deregistered";
  for (const row of table?.rows ?? []) {
    if (!isOpen(row, "approvalDate", exitKey, asOf)) continue;
    const approved = readCount(cellOf(row, "approvedPlaces"));
    // Blank placed / vacant / not-available cells mean none; approved places must be recorded.
    const counts = ["childrenPlaced", "vacantPlaces", "notAvailablePlaces"].map((k) =>
      readCount(cellOf(row, k)),
    );
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

function inHouseOf(
  table: TrackerTable | undefined,
  asOf: EpochDay,
  profile: TrackerProfile,
): InHouseFostering {
  const result: InHouseFostering = { inHouse: 0, external: 0, otherOrUnknown: 0 };
  const exitKey = profileSheet(profile, "jointTracker")?.exitColumn;
  for (const row of table?.rows ?? []) {
    if (!isOpen(row, "becameLookedAfter", exitKey, asOf)) continue;
    const type = matchCode(PLACEMENT_TYPE, textOf(cellOf(row, "placementType")) ?? undefined);
    if (type.kind !== "code" || !FOSTER_WITH_OTHER_CARER.has(type.code.code)) continue;
    const provider = matchCode(PLACEMENT_PROVIDER, textOf(cellOf(row, "placementProvider")) ?? undefined);
    const code = provider.kind === "code" ? provider.code.code : null;
    if (code === "PR1") result.inHouse += 1;
    else if (code !== null && EXTERNAL_PROVIDERS.has(code)) result.external += 1;
    else result.otherOrUnknown += 1;
  }
  return result;
}

function placementsOf(table: TrackerTable | undefined, asOf: EpochDay, profile: TrackerProfile): MedianOf {
  const exitKey = profileSheet(profile, "jointTracker")?.exitColumn;
  const values: number[] = [];
  for (const row of table?.rows ?? []) {
    if (!isOpen(row, "becameLookedAfter", exitKey, asOf)) continue;
    const count = readCount(cellOf(row, "placementsLast12Months"));
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
      for (const row of table.rows) {
        const date = dateOf(row, key);
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
): TraceRow[] {
  const first = Math.min(...windows.map((w) => w.first));
  const last = Math.max(...windows.map((w) => w.last));
  const span: SummaryPeriod = { ...monthPeriod(yearMonthOf(first)), first, last };
  const trace: TraceRow[] = [];
  // One text per month, not per traced row: a 100,000-row tracker traces about 400,000 rows.
  const monthTexts = new Map<number, string>();
  const monthOf = (day: EpochDay): string => {
    const ym = yearMonthOf(day);
    const key = ym.year * 12 + ym.month;
    let text = monthTexts.get(key);
    if (text === undefined) {
      text = formatYearMonth(ym);
      monthTexts.set(key, text);
    }
    return text;
  };
  const add = <T>(figure: string, list: readonly Counted<T>[], range: SummaryPeriod): void => {
    for (const e of within(list, range)) {
      const t = e.trace;
      trace.push({
        figure,
        month: monthOf(e.day),
        date: e.day,
        sheetName: t.sheetName,
        row: t.row,
        id: t.id,
        standard: t.standard,
        outcome: t.outcome,
      });
    }
  };
  add("Timeliness", events.timeliness, span);
  add("BLA to 1st PPM", events.bands, span);
  add("PPMs held", events.ppms, span);
  add("2nd review within 4 months of BLA", events.secondReviews, span);
  add("Enquiries", events.enquiries, span);
  add("Enquiry to IHV", events.ihvs, span);
  add("Application to panel", events.panels, span);
  const yearSpan: SummaryPeriod = {
    ...span,
    first: years[0]?.first ?? first,
    last: years.at(-1)?.last ?? last,
  };
  add("Approved households", events.approvals, yearSpan);

  const joint = tableOf("jointTracker");
  const jointExit = profileSheet(profile, "jointTracker")?.exitColumn;
  for (const row of joint?.rows ?? []) {
    if (!isOpen(row, "becameLookedAfter", jointExit, asOf)) continue;
    const type = matchCode(PLACEMENT_TYPE, textOf(cellOf(row, "placementType")) ?? undefined);
    if (type.kind !== "code" || !FOSTER_WITH_OTHER_CARER.has(type.code.code)) continue;
    const provider = textOf(cellOf(row, "placementProvider"));
    trace.push({
      figure: "In-house fostering",
      month: "as at",
      sheetName: joint?.sheetName ?? "",
      row: row.rowNumber,
      id: idOf(row, "childId"),
      standard: null,
      outcome: `${type.code.code} ${provider ?? "(no provider)"}`,
      date: null,
    });
  }
  const support = tableOf("fosteringSupport");
  const supportExit = profileSheet(profile, "fosteringSupport")?.exitColumn ?? "deregistered";
  for (const row of support?.rows ?? []) {
    if (!isOpen(row, "approvalDate", supportExit, asOf)) continue;
    const counts = ["approvedPlaces", "childrenPlaced", "vacantPlaces", "notAvailablePlaces"].map(
      (k) => textOf(cellOf(row, k)) ?? "blank",
    );
    trace.push({
      figure: "Occupancy",
      month: "as at",
      sheetName: support?.sheetName ?? "",
      row: row.rowNumber,
      id: idOf(row, "householdId"),
      standard: null,
      outcome: `approved ${counts[0]}, placed ${counts[1]}, vacant ${counts[2]}, not available ${counts[3]}`,
      date: null,
    });
  }
  return trace;
}
