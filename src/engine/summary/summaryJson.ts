import { formatIsoDate, type EpochDay } from "../dates/epochDay";
import type {
  AdoptionScorecard,
  AverageDays,
  MatchingMeasures,
  ScorecardPeriodFigures,
} from "./adoptionScorecard";
import type { MedianOf, PeriodFigures, PpmBands, SummaryFigures } from "./SummaryFigures";

/**
 * `tracker summary --json`: exactly the keys of evaluation-semantics.md "CLI JSON (summary --json)"
 * first (month, asOf, timeliness, ppmBands), then `recurring` ("Recurring standards and history"),
 * then the other figures. Dates are YYYY-MM-DD.
 */
export interface SummaryJson {
  month: string;
  asOf: string;
  timeliness: { standard: string; month: string; cohort: number; onTime: number; late: number }[];
  ppmBands: ({ month: string } & PpmBands)[];
  /** Recurring standards, every occurrence from the Tracker history (evaluation-semantics.md). */
  recurring: {
    standard: string;
    month: string;
    cohort: number;
    onTime: number;
    late: number;
    covered: boolean;
  }[];
  /** Per recurring standard, the first day its history covers (YYYY-MM-DD), null without history. */
  historyFrom: { standard: string; from: string | null }[];
  period: PeriodJson;
  previousPeriod: PeriodJson;
  yearEarlierPeriod: PeriodJson;
  months: PeriodJson[];
  quarters: { quarter: string; ppmsHeld: number }[];
  financialYears: { financialYear: string; approvals: number }[];
  byTeam: SummaryFigures["byTeam"];
  byWorker: SummaryFigures["byWorker"];
  noInformation: SummaryFigures["noInformation"];
  occupancy: SummaryFigures["occupancy"];
  inHouseFostering: SummaryFigures["inHouseFostering"];
  placementsLast12Months: MedianOf;
  completeness: SummaryFigures["completeness"];
  /** The DfE adoption scorecard's A1, A2 and A10 (average calendar days), waiting children, matches. */
  adoptionScorecard: AdoptionScorecardJson;
  /** The evaluation report's three matching measures (working days), 12 months to the month. */
  matchingWorkingDays: MatchingMeasures;
}

export interface ScorecardPeriodJson {
  period: string;
  first: string;
  last: string;
  a1: AverageDays;
  a2: AverageDays;
  a10: AverageDays;
}

export interface AdoptionScorecardJson {
  thresholds: { a1Days: number; a2Days: number };
  twelveMonths: ScorecardPeriodJson;
  financialYear: ScorecardPeriodJson;
  quarters: ScorecardPeriodJson[];
  waiting: AdoptionScorecard["waiting"];
  matchesByMonth: AdoptionScorecard["matchesByMonth"];
}

export interface PeriodJson {
  period: string;
  first: string;
  last: string;
  timeliness: { standard: string; cohort: number; onTime: number; late: number }[];
  ppmBands: PpmBands;
  blaToPpmWorkingDays: MedianOf;
  ppmsHeld: number;
  secondReviewWithin4Months: PeriodFigures["secondReviewWithin4Months"];
  planAgreedBy2ndReview: PeriodFigures["planAgreedBy2ndReview"];
  enquiries: number;
  enquiryToIhvWorkingDays: MedianOf;
  applicationToPanelMonths: MedianOf;
  approvals: number;
}

function iso(day: EpochDay): string {
  return formatIsoDate(day);
}

function periodJson(p: PeriodFigures): PeriodJson {
  return {
    period: p.period.key,
    first: iso(p.period.first),
    last: iso(p.period.last),
    timeliness: p.timeliness.map(({ standard, cohort, onTime, late }) => ({
      standard,
      cohort,
      onTime,
      late,
    })),
    ppmBands: p.ppmBands,
    blaToPpmWorkingDays: p.blaToPpmWorkingDays,
    ppmsHeld: p.ppmsHeld,
    secondReviewWithin4Months: p.secondReviewWithin4Months,
    planAgreedBy2ndReview: p.planAgreedBy2ndReview,
    enquiries: p.enquiries,
    enquiryToIhvWorkingDays: p.enquiryToIhvWorkingDays,
    applicationToPanelMonths: p.applicationToPanelMonths,
    approvals: p.approvals,
  };
}

function scorecardPeriodJson(p: ScorecardPeriodFigures): ScorecardPeriodJson {
  return { period: p.period, first: iso(p.first), last: iso(p.last), a1: p.a1, a2: p.a2, a10: p.a10 };
}

function adoptionScorecardJson(a: AdoptionScorecard): AdoptionScorecardJson {
  return {
    thresholds: { a1Days: a.thresholds.a1, a2Days: a.thresholds.a2 },
    twelveMonths: scorecardPeriodJson(a.twelveMonths),
    financialYear: scorecardPeriodJson(a.financialYear),
    quarters: a.quarters.map(scorecardPeriodJson),
    waiting: a.waiting,
    matchesByMonth: a.matchesByMonth,
  };
}

export function summaryJson(figures: SummaryFigures): SummaryJson {
  return {
    month: figures.month,
    asOf: iso(figures.asOf),
    timeliness: figures.months.flatMap((m) =>
      m.timeliness.map(({ standard, cohort, onTime, late }) => ({
        standard,
        month: m.period.key,
        cohort,
        onTime,
        late,
      })),
    ),
    ppmBands: figures.months.map((m) => ({ month: m.period.key, ...m.ppmBands })),
    recurring: figures.months.flatMap((m) =>
      m.recurring.map(({ standard, cohort, onTime, late, covered }) => ({
        standard,
        month: m.period.key,
        cohort,
        onTime,
        late,
        covered,
      })),
    ),
    historyFrom: figures.historyFrom.map((h) => ({
      standard: h.standard,
      from: h.from === null ? null : iso(h.from),
    })),
    period: periodJson(figures.current),
    previousPeriod: periodJson(figures.previous),
    yearEarlierPeriod: periodJson(figures.yearEarlier),
    months: figures.months.map(periodJson),
    quarters: figures.quarters.map((q) => ({ quarter: q.period.key, ppmsHeld: q.ppmsHeld })),
    financialYears: figures.financialYears.map((y) => ({
      financialYear: y.period.key,
      approvals: y.approvals,
    })),
    byTeam: figures.byTeam,
    byWorker: figures.byWorker,
    noInformation: figures.noInformation,
    occupancy: figures.occupancy,
    inHouseFostering: figures.inHouseFostering,
    placementsLast12Months: figures.placementsLast12Months,
    completeness: figures.completeness,
    adoptionScorecard: adoptionScorecardJson(figures.adoption),
    matchingWorkingDays: figures.adoption.matching,
  };
}
