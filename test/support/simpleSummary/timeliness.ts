import type { TrackerEvaluation } from "../../../src/engine/evaluation/evaluateTracker";
import { inMonths, textIn, type Months } from "./common";

/*
 * A deliberately simple re-computation of the summary's timeliness figures, for tests to compare
 * buildSummaryFigures with, as simpleEvaluation.ts is for the evaluator: it loops over every
 * evaluated row's result object and keeps a result when its deadline's `YYYY-MM` is one of the
 * period's months. No typed arrays, no sorting, no events.
 */

export interface SimpleCohort {
  cohort: number;
  onTime: number;
}

/** Whether a result is in a timeliness cohort at all: met, met late or overdue, due on or before as-of. */
export const isCounted = (status: string, deadline: number | null, asOf: number): deadline is number =>
  ["met", "met late", "overdue"].includes(status) && deadline !== null && deadline <= asOf;

/**
 * Per standard evaluated on a sheet with rows, the period's timeliness cohort (evaluation-semantics.md
 * "Figures for a period"): results met, met late or overdue whose deadline, on or before as-of, falls
 * in the period; on time when met. A recurring standard's result is its current occurrence, so its
 * cohort here holds only rows still overdue (its true figure counts every occurrence: recurring.ts).
 */
export function simpleTimeliness(
  evaluation: TrackerEvaluation,
  asOf: number,
  months: Months,
): Map<string, SimpleCohort> {
  const cohorts = new Map<string, SimpleCohort>();
  for (const sheet of evaluation.sheets) {
    if (sheet.rows.length === 0) continue;
    for (const results of sheet.standards) {
      const cohort = cohorts.get(results.standard.id) ?? { cohort: 0, onTime: 0 };
      cohorts.set(results.standard.id, cohort);
      for (let i = 0; i < results.length; i++) {
        const result = results.result(i);
        if (!isCounted(result.status, result.deadline, asOf) || !inMonths(result.deadline, months)) continue;
        cohort.cohort += 1;
        if (result.status === "met") cohort.onTime += 1;
      }
    }
  }
  return cohorts;
}

/**
 * Per standard evaluated on a sheet with rows, the rows it cannot assess (no information: never
 * late, never on time), whatever their month.
 */
export function simpleNoInformation(evaluation: TrackerEvaluation): Map<string, number> {
  const rows = new Map<string, number>();
  for (const sheet of evaluation.sheets) {
    if (sheet.rows.length === 0) continue;
    for (const results of sheet.standards) {
      let n = rows.get(results.standard.id) ?? 0;
      for (let i = 0; i < results.length; i++) if (results.result(i).status === "cannot assess") n += 1;
      rows.set(results.standard.id, n);
    }
  }
  return rows;
}

export interface SimpleGroup {
  name: string;
  cohort: number;
  onTime: number;
  late: number;
  overdueNow: number;
}

/**
 * The period's timeliness cohort of every standard by the row's team and by its worker, with each
 * group's results overdue as at as-of whatever their month. A blank team or worker is grouped under
 * the summary's "(no team recorded)" and "(no worker recorded)". Listed by name.
 */
export function simpleGroups(
  evaluation: TrackerEvaluation,
  asOf: number,
  months: Months,
): { byTeam: SimpleGroup[]; byWorker: SimpleGroup[] } {
  const byTeam = new Map<string, SimpleGroup>();
  const byWorker = new Map<string, SimpleGroup>();
  const groupOf = (groups: Map<string, SimpleGroup>, name: string): SimpleGroup => {
    const group = groups.get(name) ?? { name, cohort: 0, onTime: 0, late: 0, overdueNow: 0 };
    groups.set(name, group);
    return group;
  };
  for (const sheet of evaluation.sheets) {
    for (const results of sheet.standards) {
      for (let i = 0; i < results.length; i++) {
        const result = results.result(i);
        if (!isCounted(result.status, result.deadline, asOf)) continue;
        const inPeriod = inMonths(result.deadline, months);
        if (!inPeriod && result.status !== "overdue") continue;
        const groups = [
          groupOf(byTeam, textIn(sheet.rows[i]?.values["team"]) ?? "(no team recorded)"),
          groupOf(byWorker, sheet.workers[i] ?? "(no worker recorded)"),
        ];
        for (const group of groups) {
          if (result.status === "overdue") group.overdueNow += 1;
          if (!inPeriod) continue;
          group.cohort += 1;
          if (result.status === "met") group.onTime += 1;
          else group.late += 1;
        }
      }
    }
  }
  const byName = (groups: Map<string, SimpleGroup>): SimpleGroup[] =>
    [...groups.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { byTeam: byName(byTeam), byWorker: byName(byWorker) };
}
