import type { TrackerEvaluation } from "../../../src/engine/evaluation/evaluateTracker";
import type { HistoryIndex } from "../../../src/engine/history/HistoryIndex";
import { isRecurring, type Standard } from "../../../src/engine/standards/Standard";
import { simpleDeadline } from "../simpleEvaluation";
import { dayIn, inMonths, monthOf, type Months } from "./common";
import type { Counted } from "./counted";

/*
 * The recurring standards counted per occurrence (evaluation-semantics.md "Recurring standards and
 * history"), re-derived from each row's own date columns and the Tracker history, not from the
 * evaluator's numbers beyond the row's status.
 */

/** The enabled recurring standards the evaluation has, in its order. */
export const recurringStandards = (evaluation: TrackerEvaluation): Standard[] =>
  [...evaluation.standardsById.values()].filter((s) => s.enabled && isRecurring(s));

/**
 * Every occurrence of a recurring standard due on or before as-of in the period. A row's history is
 * the ascending distinct dates of its start columns and of its anchor column (the first start
 * column) in the Tracker history. Only dates from the cycle's origin (the last start column: the 2nd
 * review, the 1st PPM, the approval; before it the cycle is another standard's) to the day the row
 * closed (as-of while open) count. Each pair of consecutive dates is a finished occurrence, met when
 * the next date is on or before the first's deadline; the latest opens the current one, late once
 * min(as-of, exit) is past its deadline and not counted when the row closed by then. Rows the
 * standard cannot assess, does not apply to or whose clock has not started give none.
 */
export function simpleOccurrences(
  evaluation: TrackerEvaluation,
  standard: Standard,
  history: HistoryIndex,
  asOf: number,
  months: Months,
): Counted[] {
  const occurrences: Counted[] = [];
  const limit = standard.limit;
  if (limit === undefined) return occurrences;
  for (const sheet of evaluation.sheets) {
    const results = sheet.standards.find((r) => r.standard.id === standard.id);
    if (!results) continue;
    for (let i = 0; i < results.length; i++) {
      const result = results.result(i);
      if (result.status === "cannot assess" || result.start === null) continue;
      if (result.reason?.code === "condition-not-met") continue;
      const row = sheet.rows[i];
      if (row === undefined) continue;
      const id = sheet.ids[i] ?? null;
      const origin = standard.start.length > 1 ? dayIn(row, standard.start.at(-1) as string) : null;
      const closed = result.exit !== null && result.exit <= asOf ? result.exit : asOf;
      const recorded = id === null ? [] : history.datesOf(sheet.sheet, id, standard.start[0] as string);
      const own = standard.start.map((key) => dayIn(row, key));
      const dates = [...new Set([...own, ...recorded])]
        .filter((d): d is number => d !== null && (origin === null || d >= origin) && d <= closed)
        .sort((a, b) => a - b);
      const occurrence = (deadline: number, outcome: string): void => {
        if (inMonths(deadline, months))
          occurrences.push({
            sheetName: sheet.sheetName,
            row: row.rowNumber,
            id,
            standard: standard.id,
            outcome,
            date: deadline,
          });
      };
      dates.forEach((start, k) => {
        const deadline = simpleDeadline(start, limit.n, limit.unit);
        const next = dates[k + 1];
        if (next !== undefined) {
          if (deadline <= asOf) occurrence(deadline, next <= deadline ? "met" : "met late");
        } else if (result.exit === null || result.exit > deadline) {
          const t = result.exit === null ? asOf : Math.min(asOf, result.exit);
          if (t > deadline) occurrence(deadline, "overdue");
        }
      });
    }
  }
  return occurrences;
}

/**
 * The first day a standard's history covers: one limit after the Tracker history's first record,
 * or for CLA reviews one limit after the case system's earliest review if that is sooner; null with
 * no history.
 */
export function simpleCoverage(standard: Standard, history: HistoryIndex): number | null {
  const limit = standard.limit;
  if (limit === undefined) return null;
  const from: number[] = [];
  if (history.firstRun !== null) from.push(simpleDeadline(history.firstRun, limit.n, limit.unit));
  const reviews = standard.sheet === "jointTracker" && standard.start[0] === "latestReview";
  if (reviews && history.firstCaseSystemReview !== null)
    from.push(simpleDeadline(history.firstCaseSystemReview, limit.n, limit.unit));
  return from.length === 0 ? null : Math.min(...from);
}

/** Whether a period is covered: its last month ends on or after the coverage's first day. */
export function isCovered(coverage: number | null, months: Months): boolean {
  return coverage !== null && months.some((m) => m >= monthOf(coverage));
}
