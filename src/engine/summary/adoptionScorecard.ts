import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellDate } from "../cells/coerceCellDate";
import type { CellValue } from "../cells/CellValue";
import type { EpochDay } from "../dates/epochDay";
import { familyFindingRoutes } from "../familyFinding/familyFindingRoute";
import { matchCode, PLACEMENT_TYPE, YES_NO } from "../profile/codeLists";
import type { Standard } from "../standards/Standard";
import type { TrackerTable } from "../tables/TrackerTable";
import { medianOf } from "./medianOf";
import type { MedianOf } from "./SummaryFigures";
import {
  financialYearPeriod,
  inPeriod,
  monthPeriod,
  quarterPeriod,
  shiftMonth,
  type SummaryPeriod,
  type YearMonth,
} from "./SummaryPeriod";

/*
 * The adoption scorecard block of the summary (standards.md, "Family Finding", summary-only): the DfE
 * adoption scorecard's A1, A2 and A10 as average days against the 2013–16 thresholds, the children
 * waiting for a match, matches per month, and the evaluation report's three matching measures from
 * the Joint Tracker (RR1052: "time between child being looked after and IRO endorsing permanent
 * fostering plan; time between IRO endorsing plan to match being presented to panel; and time between
 * panel being presented with match and ADM agreeing match").
 *
 * Counting, like every dated figure of the summary, by the month the deciding date falls in, so a
 * past month never changes except through corrected data: A1 and A10 by the day the child moved in
 * with the adoptive family; A2 by the later of the order and the match (a match made before the
 * order, early permanence, is 0 days and known once the order is granted); the matching measures by
 * the later event. Only dates on or before as-of count.
 */

/** The scorecard's 2013–16 thresholds, used when the Standards sheet has no days limit for them. */
export const A1_THRESHOLD_DAYS = 426;
export const A2_THRESHOLD_DAYS = 121;

/** Average calendar days over a cohort; `averageDays` null (shown "–") when the cohort is empty. */
export interface AverageDays {
  children: number;
  averageDays: number | null;
}

export interface ScorecardPeriodFigures {
  period: string;
  label: string;
  first: EpochDay;
  last: EpochDay;
  /** Becoming looked after → moving in with the adoptive family. */
  a1: AverageDays;
  /** Placement order → the ADM's match decision (0 for a match made before the order). */
  a2: AverageDays;
  /** A1 with a foster-carer adoption's clock stopped when the child moved in with those carers. */
  a10: AverageDays;
}

export interface MatchesInMonth {
  month: string;
  adoption: number;
  longTermFostering: number;
}

export interface MatchingMeasures {
  /** Working days, becoming looked after → the IRO endorsing a long-term fostering plan. */
  blaToIroEndorsement: MedianOf;
  /** Working days, IRO endorsement → the match presented to panel. */
  endorsementToPanel: MedianOf;
  /** Working days, panel → the ADM agreeing the match. */
  panelToAdm: MedianOf;
}

export interface AdoptionScorecard {
  thresholds: { a1: number; a2: number };
  /** The 12 months to the end of the summary's month. */
  twelveMonths: ScorecardPeriodFigures;
  /** The financial year holding the summary's month (to as-of). */
  financialYear: ScorecardPeriodFigures;
  /** The 8 quarters ending with the one holding the month, oldest first: the chart's points. */
  quarters: ScorecardPeriodFigures[];
  /** Children with a should-be-placed decision standing and no match yet, open as at as-of. */
  waiting: { children: number; longestWaitDays: number | null; longestWaitId: string | null };
  /** The 12 months ending with the summary's month, oldest first: ADM match decisions by route. */
  matchesByMonth: MatchesInMonth[];
  /** The 12 months to the end of the summary's month, by the later event's date. */
  matching: MatchingMeasures;
}

export interface ScorecardOptions {
  month: YearMonth;
  asOf: EpochDay;
  calendar: WorkingDayCalendar;
  /** The standards in force, for the thresholds an authority may have changed. */
  standards: Iterable<Standard>;
}

/** One Family Finding row's scorecard facts, as days (null when the cell has no valid date). */
interface AdoptionRow {
  adoption: boolean;
  a1Days: number | null;
  a10Days: number | null;
  placed: EpochDay | null;
  a2Days: number | null;
  a2Day: EpochDay | null;
  match: EpochDay | null;
}

export function buildAdoptionScorecard(
  tables: readonly TrackerTable[],
  options: ScorecardOptions,
): AdoptionScorecard {
  const { month, asOf } = options;
  const familyFinding = tables.find((t) => t.sheetKey === "familyFinding");
  const joint = tables.find((t) => t.sheetKey === "jointTracker");
  const rows = familyFinding === undefined ? [] : adoptionRows(familyFinding, asOf);
  const last = monthPeriod(month);
  const twelve: SummaryPeriod = {
    kind: "month",
    key: `12 months to ${last.key}`,
    label: `12 months to ${last.label}`,
    shortLabel: `12 months to ${last.shortLabel}`,
    first: monthPeriod(shiftMonth(month, -11)).first,
    last: last.last,
  };
  const figures = (period: SummaryPeriod): ScorecardPeriodFigures => periodFigures(period, rows);
  return {
    thresholds: thresholdsOf(options.standards),
    twelveMonths: figures(twelve),
    financialYear: figures(financialYearPeriod(month)),
    quarters: Array.from({ length: 8 }, (_, i) => figures(quarterPeriod(shiftMonth(month, 3 * (i - 7))))),
    waiting:
      familyFinding === undefined
        ? { children: 0, longestWaitDays: null, longestWaitId: null }
        : waitingOf(familyFinding, asOf),
    matchesByMonth: Array.from({ length: 12 }, (_, i) => {
      const period = monthPeriod(shiftMonth(month, i - 11));
      let adoption = 0;
      let longTermFostering = 0;
      for (const row of rows) {
        if (row.match === null || !inPeriod(row.match, period)) continue;
        if (row.adoption) adoption++;
        else longTermFostering++;
      }
      return { month: period.key, adoption, longTermFostering };
    }),
    matching: joint === undefined ? emptyMatching() : matchingOf(joint, twelve, options),
  };
}

function thresholdsOf(standards: Iterable<Standard>): { a1: number; a2: number } {
  const daysOf = (id: string, fallback: number): number => {
    for (const s of standards) if (s.id === id && s.limit?.unit === "days") return s.limit.n;
    return fallback;
  };
  return { a1: daysOf("ff-placed-a1", A1_THRESHOLD_DAYS), a2: daysOf("ff-match-a2", A2_THRESHOLD_DAYS) };
}

const dayOf = (date: CellDate | undefined, asOf: EpochDay): EpochDay | null =>
  date !== undefined && date.kind === "date" && date.day <= asOf ? date.day : null;

/** A foster-carer adoption (A10): AD1 FOSTER_CARE 1 (yes), or an A3 or A5 placement. */
function byFosterCarers(flag: CellValue, placement: CellValue): boolean {
  const text = (v: CellValue): string | undefined =>
    v === null || typeof v === "object" ? undefined : String(v);
  const yes = matchCode(YES_NO, text(flag));
  if (yes.kind === "code" && yes.code.code === "YES") return true;
  const place = matchCode(PLACEMENT_TYPE, text(placement));
  return place.kind === "code" && (place.code.code === "A3" || place.code.code === "A5");
}

function adoptionRows(table: TrackerTable, asOf: EpochDay): AdoptionRow[] {
  const columns = table.byColumn;
  const routes = familyFindingRoutes(table);
  const blas = columns.dates("becameLookedAfter");
  const orders = columns.dates("placementOrder");
  const matches = columns.dates("adm");
  const placements = columns.dates("placementDate");
  const fosterStarts = columns.dates("fosterPlacementStart");
  const flags = columns.values("adoptedByFosterCarers");
  const types = columns.values("placementType");
  return table.rows.map((_, i) => {
    const adoption = routes[i] === "adoption";
    const bla = dayOf(blas[i], asOf);
    const placed = dayOf(placements[i], asOf);
    const order = dayOf(orders[i], asOf);
    const match = dayOf(matches[i], asOf);
    const fosterStart = dayOf(fosterStarts[i], asOf);
    const a1Days = adoption && bla !== null && placed !== null && placed >= bla ? placed - bla : null;
    const fosterCarers = byFosterCarers(flags[i] ?? null, types[i] ?? null);
    const a10End = fosterCarers && fosterStart !== null ? fosterStart : placed;
    const a10Days =
      adoption && bla !== null && placed !== null && a10End !== null && a10End >= bla ? a10End - bla : null;
    const a2Days = adoption && order !== null && match !== null ? Math.max(0, match - order) : null;
    const a2Day = a2Days === null ? null : Math.max(order as number, match as number);
    return { adoption, a1Days, a10Days, placed, a2Days, a2Day, match };
  });
}

function average(values: readonly number[]): AverageDays {
  if (values.length === 0) return { children: 0, averageDays: null };
  const sum = values.reduce((a, b) => a + b, 0);
  return { children: values.length, averageDays: Math.round(sum / values.length) };
}

function periodFigures(period: SummaryPeriod, rows: readonly AdoptionRow[]): ScorecardPeriodFigures {
  const a1: number[] = [];
  const a10: number[] = [];
  const a2: number[] = [];
  for (const row of rows) {
    if (row.placed !== null && inPeriod(row.placed, period)) {
      if (row.a1Days !== null) a1.push(row.a1Days);
      if (row.a10Days !== null) a10.push(row.a10Days);
    }
    if (row.a2Day !== null && row.a2Days !== null && inPeriod(row.a2Day, period)) a2.push(row.a2Days);
  }
  return {
    period: period.key,
    label: period.kind === "quarter" ? period.shortLabel : period.label,
    first: period.first,
    last: period.last,
    a1: average(a1),
    a2: average(a2),
    a10: average(a10),
  };
}

/**
 * Children waiting for a match as at as-of: an adoption row with a should-be-placed decision that
 * stands (not reversed on or after it), no ADM match and not closed. The wait is in calendar days
 * from the decision, as the scorecard counts days.
 */
function waitingOf(table: TrackerTable, asOf: EpochDay): AdoptionScorecard["waiting"] {
  const columns = table.byColumn;
  const routes = familyFindingRoutes(table);
  const decisions = columns.dates("shouldBePlaced");
  const reversals = columns.dates("decisionReversed");
  const matches = columns.dates("adm");
  const closures = columns.dates("closedDate");
  const ids = columns.values("childId");
  let children = 0;
  let longest: number | null = null;
  let longestId: string | null = null;
  for (let i = 0; i < table.rows.length; i++) {
    if (routes[i] !== "adoption") continue;
    const decided = dayOf(decisions[i], asOf);
    if (decided === null) continue;
    const reversed = dayOf(reversals[i], asOf);
    if (reversed !== null && reversed >= decided) continue;
    if (dayOf(matches[i], asOf) !== null || dayOf(closures[i], asOf) !== null) continue;
    children++;
    const wait = asOf - decided;
    if (longest === null || wait > longest) {
      longest = wait;
      const id = ids[i] ?? null;
      longestId = id === null || typeof id === "object" ? null : String(id).trim();
    }
  }
  return { children, longestWaitDays: longest, longestWaitId: longestId };
}

function emptyMatching(): MatchingMeasures {
  return { blaToIroEndorsement: medianOf([]), endorsementToPanel: medianOf([]), panelToAdm: medianOf([]) };
}

/** The evaluation report's three matching measures from the Joint Tracker, in working days. */
function matchingOf(joint: TrackerTable, period: SummaryPeriod, options: ScorecardOptions): MatchingMeasures {
  const { asOf, calendar } = options;
  const columns = joint.byColumn;
  const gaps = (fromKey: string, toKey: string): MedianOf => {
    const from = columns.dates(fromKey);
    const to = columns.dates(toKey);
    const values: number[] = [];
    for (let i = 0; i < joint.rows.length; i++) {
      const a = dayOf(from[i], asOf);
      const b = dayOf(to[i], asOf);
      // An end before its start is a data-quality issue (listed by the checks), not a negative gap.
      if (a === null || b === null || b < a || !inPeriod(b, period)) continue;
      values.push(calendar.workingDaysBetween(a, b));
    }
    return medianOf(values);
  };
  return {
    blaToIroEndorsement: gaps("becameLookedAfter", "iroEndorsed"),
    endorsementToPanel: gaps("iroEndorsed", "matchToPanel"),
    panelToAdm: gaps("matchToPanel", "matchAdm"),
  };
}
