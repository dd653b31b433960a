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

const days = (a: AverageDays): ModelValue => a.averageDays ?? "–";

function median(m: MedianOf): ModelValue {
  return m.median ?? "–";
}

function medianDetail(m: MedianOf): string {
  return m.n === 0 ? "no children" : `mean ${m.mean}; ${m.n} ${m.n === 1 ? "child" : "children"}`;
}

/**
 * The block's lines: A1, A2 and A10 (average days and children, 12 months and financial year) against
 * the thresholds, waiting children, the matching measures and matches per month. Numbers are numbers,
 * so a manager can chart or sum them; labels fit the summary's first column.
 */
export function adoptionScorecardLines(a: AdoptionScorecard, asOf: number): ScorecardLine[] {
  const { twelveMonths: t, financialYear: y, thresholds } = a;
  const row = (label: string, average: (p: typeof t) => AverageDays, threshold: number): ScorecardLine => ({
    kind: "row",
    values: [label, days(average(t)), average(t).children, days(average(y)), average(y).children, threshold],
  });
  return [
    {
      kind: "section",
      text: `Adoption scorecard (DfE thresholds 2013–16): ${t.label.replace(/^12/, "the 12")} and ${y.period} to date`,
    },
    {
      kind: "header",
      values: ["Average calendar days", "12 months", "Children", y.period, "Children", "Threshold"],
    },
    row("A1: looked after to moving in with the adoptive family", (p) => p.a1, thresholds.a1),
    row("A2: placement order to match (match before order = 0)", (p) => p.a2, thresholds.a2),
    row("A10: A1, foster-carer adoptions from moving in with them", (p) => p.a10, thresholds.a1),
    {
      kind: "header",
      values: [
        `Waiting for a match, as at ${formatUkDate(asOf)}`,
        "Children",
        "Longest wait (days)",
        "Child",
      ],
    },
    {
      kind: "row",
      values: [
        "Should-be-placed decision, no match yet",
        a.waiting.children,
        a.waiting.longestWaitDays ?? "–",
        a.waiting.longestWaitId ?? "–",
      ],
    },
    { kind: "header", values: ["Matching, 12 months (working days)", "Median", "Mean, children"] },
    ...(
      [
        ["Looked after to the IRO endorsing long-term fostering", a.matching.blaToIroEndorsement],
        ["IRO endorsement to the match presented to panel", a.matching.endorsementToPanel],
        ["Panel to the ADM agreeing the match", a.matching.panelToAdm],
      ] as const
    ).map(([label, m]): ScorecardLine => ({ kind: "row", values: [label, median(m), medianDetail(m)] })),
    {
      kind: "header",
      values: ["Matches agreed by the ADM", ...a.matchesByMonth.map((m) => shortMonth(m.month))],
    },
    { kind: "row", values: ["Adoption", ...a.matchesByMonth.map((m) => m.adoption)] },
    { kind: "row", values: ["Long-term fostering", ...a.matchesByMonth.map((m) => m.longTermFostering)] },
    {
      kind: "note",
      text: "A1 and A10 count in the period the child moved in; A2 once both the order and the match had happened; the matching measures by the later date, from the Joint Tracker.",
    },
  ];
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
