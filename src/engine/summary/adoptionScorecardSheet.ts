import { formatUkDate } from "../dates/epochDay";
import type { ModelValue } from "../port/SheetModel";
import type { AverageDays, AdoptionScorecard } from "./adoptionScorecard";
import type { MedianOf } from "./SummaryFigures";
import { monthPeriod, parseYearMonth } from "./SummaryPeriod";

/*
 * How the summary sheet shows the adoption scorecard block: lines of cells the builder writes under
 * its own styles, and the numeric blocks its charts plot. Kept apart from buildSummarySheet so that
 * the block can change without touching the rest of the summary.
 */

export type ScorecardLine =
  | { kind: "section"; text: string }
  | { kind: "header"; values: ModelValue[] }
  | { kind: "row"; values: ModelValue[] }
  | { kind: "note"; text: string };

function daysText(a: AverageDays, threshold?: number): string {
  if (a.averageDays === null) return "–";
  const against =
    threshold === undefined
      ? ""
      : a.averageDays <= threshold
        ? `, within ${threshold}`
        : `, ${a.averageDays - threshold} over ${threshold}`;
  return `${a.averageDays} days (${a.children} ${a.children === 1 ? "child" : "children"}${against})`;
}

function workingDaysText(m: MedianOf): string {
  return m.median === null ? "–" : `${m.median} (mean ${m.mean}; ${m.n} ${m.n === 1 ? "child" : "children"})`;
}

/** The block's lines: the scorecard against its thresholds, waiting children, matching measures, matches per month. */
export function adoptionScorecardLines(a: AdoptionScorecard, asOf: number): ScorecardLine[] {
  const { twelveMonths: t, financialYear: y, thresholds } = a;
  const lines: ScorecardLine[] = [
    { kind: "section", text: "Adoption scorecard (DfE thresholds 2013–16) and matching" },
    { kind: "header", values: ["Measure (average calendar days)", t.label, y.label, "Threshold"] },
    {
      kind: "row",
      values: [
        "A1: became looked after to moving in with the adoptive family",
        daysText(t.a1, thresholds.a1),
        daysText(y.a1, thresholds.a1),
        thresholds.a1,
      ],
    },
    {
      kind: "row",
      values: [
        "A2: placement order to the match (a match before the order is 0 days)",
        daysText(t.a2, thresholds.a2),
        daysText(y.a2, thresholds.a2),
        thresholds.a2,
      ],
    },
    {
      kind: "row",
      values: [
        "A10: A1 with foster-carer adoptions counted from moving in with those carers",
        daysText(t.a10, thresholds.a1),
        daysText(y.a10, thresholds.a1),
        thresholds.a1,
      ],
    },
    {
      kind: "row",
      values: [
        `Children with a should-be-placed decision waiting for a match, as at ${formatUkDate(asOf)}`,
        a.waiting.children,
        a.waiting.longestWaitDays === null
          ? "–"
          : `longest wait ${a.waiting.longestWaitDays} days (${a.waiting.longestWaitId ?? "no ID"})`,
      ],
    },
    { kind: "header", values: ["Matching (working days, median)", t.label] },
    {
      kind: "row",
      values: [
        "Became looked after to the IRO endorsing long-term fostering",
        workingDaysText(a.matching.blaToIroEndorsement),
      ],
    },
    {
      kind: "row",
      values: [
        "IRO endorsement to the match presented to panel",
        workingDaysText(a.matching.endorsementToPanel),
      ],
    },
    { kind: "row", values: ["Panel to the ADM agreeing the match", workingDaysText(a.matching.panelToAdm)] },
    {
      kind: "header",
      values: ["Matches agreed by the ADM", ...a.matchesByMonth.map((m) => shortMonth(m.month))],
    },
    { kind: "row", values: ["Adoption", ...a.matchesByMonth.map((m) => m.adoption)] },
    { kind: "row", values: ["Long-term fostering", ...a.matchesByMonth.map((m) => m.longTermFostering)] },
    {
      kind: "note",
      text: "A1 and A10 are counted in the period the child moved in, A2 when both the order and the match had happened; the matching measures by the later date, from the Joint Tracker.",
    },
  ];
  return lines;
}

/** "2025-03" → "Mar 2025". */
function shortMonth(key: string): string {
  const ym = parseYearMonth(key);
  return ym === undefined ? key : monthPeriod(ym).shortLabel;
}

/** The chart of A1 and A2 by quarter against their thresholds: a label column, then four series. */
export function scorecardChartRows(a: AdoptionScorecard): { headers: string[]; rows: ModelValue[][] } {
  return {
    headers: ["Quarter", "A1 average days", "A1 threshold", "A2 average days", "A2 threshold"],
    rows: a.quarters.map((q) => [
      q.label,
      q.a1.averageDays,
      a.thresholds.a1,
      q.a2.averageDays,
      a.thresholds.a2,
    ]),
  };
}

/** Matches per month, adoption and long-term fostering apart. */
export function matchesChartRows(a: AdoptionScorecard): { headers: string[]; rows: ModelValue[][] } {
  return {
    headers: ["Month", "Adoption", "Long-term fostering"],
    rows: a.matchesByMonth.map((m) => [shortMonth(m.month), m.adoption, m.longTermFostering]),
  };
}
