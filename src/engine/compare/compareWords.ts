import { formatUkDate } from "../dates/epochDay";
import { FEWEST_CASES, type HistoryCoverage, type Verdict } from "./Comparison";
import type { ComparePeriod } from "./ComparePeriod";

/** The figures a comparison's sentence is made of, already formatted by the caller. */
export interface CompareWordsInput {
  verdict: Verdict;
  before: ComparePeriod;
  after: ComparePeriod;
  /** "12% on time (7 of 58)", "median 41 working days (n = 60)". */
  beforeText: string;
  afterText: string;
  /** "+21 points (95% interval +6 to +35)", "41 → 18 working days"; empty when there is none. */
  changeText: string;
  /** "Fisher's exact test p = 0.009". */
  testText: string;
  /** A share's 95% interval of the change leaves out 0 (no change); false for a median. */
  intervalExcludesNoChange?: boolean;
  casesBefore: number;
  casesAfter: number;
  noInformationBefore: number;
  noInformationAfter: number;
  /**
   * What "no information" was, in brackets: "missing or invalid dates" (the default: a standard's
   * rows it cannot assess), "not held yet, or a missing or invalid date" (a measure's cases, where a
   * 1st PPM not held by the as-of date is counted too, and is no data fault).
   */
  noInformationWhy?: string;
  /** A recurring standard's Tracker history coverage: what a "no history" verdict says. */
  coverage?: HistoryCoverage | null;
}

/**
 * What a manager can conclude, in words: the figures, then the verdict, then how many cases had no
 * information in each period. The words for each verdict are the only ones used: "significant"
 * appears only for a verdict the p-value and the information gap allow (compareVerdict).
 */
export function compareWords(input: CompareWordsInput): string {
  const figures = `${input.beforeText} in ${input.before.label}, ${input.afterText} in ${input.after.label}`;
  const change = input.changeText === "" ? "" : `: ${input.changeText}`;
  const gap = gapText(input);
  switch (input.verdict) {
    case "no history":
      return noHistoryText(input);
    case "no cases":
      return `No cases to compare: ${input.casesBefore} in ${input.before.label}, ${input.casesAfter} in ${input.after.label}.${gap}`;
    case "too few cases":
      return (
        `Too few cases to tell: ${input.casesBefore} in ${input.before.label} and ${input.casesAfter} in ` +
        `${input.after.label} (at least ${FEWEST_CASES} in each are needed). ${figures}.${gap}`
      );
    case "significant improvement":
      return `A significant improvement (${input.testText}): ${figures}${change}.${gap}`;
    case "significant worsening":
      return `A significant worsening (${input.testText}): ${figures}${change}.${gap}`;
    case "gap could explain":
      return (
        `No conclusion can be drawn: ${figures}${change} (${input.testText}), but the cases with no ` +
        `information could explain the change on their own.${gap}`
      );
    case "no significant change":
      return (
        `No significant change (${input.testText}); the difference could be chance: ${figures}${change}.` +
        // Newcombe's interval and Fisher's test are different methods and can part at the margin.
        (input.intervalExcludesNoChange === true
          ? " Borderline: the interval just leaves out no change, but the exact test does not reach p < 0.05."
          : "") +
        gap
      );
  }
}

/**
 * Why a recurring standard is not compared: the Tracker history, which holds the occurrences the
 * tracker overwrote, does not reach back to the start of a period, so the period's cohort would miss
 * some and neither a share nor a test is given ("no history", never 0%).
 */
function noHistoryText(input: CompareWordsInput): string {
  const how =
    "the add-in records the dates the tracker overwrites each time it runs in Excel, and each time a tracker command writes a copy with --out, so the history builds up from then";
  const from = input.coverage?.from ?? null;
  if (from === null) return `Not compared: there is no Tracker history yet (${how}).`;
  const uncovered = [input.before, input.after].filter((p) => p.first < from).map((p) => p.label);
  return (
    `Not compared: the Tracker history only covers it from ${formatUkDate(from)}, and ` +
    `${uncovered.join(" and ")} ${uncovered.length === 1 ? "starts" : "start"} before that (${how}).`
  );
}

function gapText(input: CompareWordsInput): string {
  const { noInformationBefore: b, noInformationAfter: a } = input;
  if (a === 0 && b === 0) return "";
  const of = (missing: number, cases: number): string => {
    if (missing + cases === 0) return "0 of 0";
    const percent = Math.round((100 * missing) / (missing + cases));
    // 1 of 207 is not "0%": a gap there is, however small.
    return `${missing} of ${missing + cases} (${missing > 0 && percent === 0 ? "<1" : percent}%)`;
  };
  const counts = ` No information (${input.noInformationWhy ?? "missing or invalid dates"}) for ${of(b, input.casesBefore)} before and ${of(a, input.casesAfter)} after`;
  // A significant verdict has already been checked against the gap (compareVerdict): say so.
  return input.verdict === "significant improvement" || input.verdict === "significant worsening"
    ? `${counts}: even had every one of them gone against the change, it would remain.`
    : `${counts}.`;
}
