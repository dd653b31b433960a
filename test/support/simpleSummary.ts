import { coerceCellDate } from "../../src/engine/cells/coerceCellDate";
import { formatIsoDate } from "../../src/engine/dates/epochDay";
import type { TrackerEvaluation } from "../../src/engine/evaluation/evaluateTracker";
import { isRecurring } from "../../src/engine/standards/Standard";
import type { PpmBands } from "../../src/engine/summary/SummaryFigures";
import type { TrackerTable } from "../../src/engine/tables/TrackerTable";
import { simpleBetween } from "./simpleEvaluation";

/*
 * A deliberately simple re-computation of a few headline figures of the monthly summary, for tests
 * to compare buildSummaryFigures with, as simpleEvaluation.ts is for the evaluator: it loops over
 * every evaluated row's result object and every Joint Tracker row, and keeps a figure when its
 * deciding date's `YYYY-MM` is the month asked for. No typed arrays, no sorting, no events.
 */

/** `YYYY-MM` of a day. */
const monthOf = (day: number): string => formatIsoDate(day).slice(0, 7);

export interface SimpleCohort {
  cohort: number;
  onTime: number;
}

/**
 * Per enabled non-recurring standard, the month's timeliness cohort (evaluation-semantics.md
 * "Figures for a period"): results met, met late or overdue whose deadline, on or before as-of, falls
 * in the month; on time when met.
 */
export function simpleTimeliness(
  evaluation: TrackerEvaluation,
  asOf: number,
  month: string,
): Map<string, SimpleCohort> {
  const cohorts = new Map<string, SimpleCohort>();
  for (const sheet of evaluation.sheets) {
    for (const results of sheet.standards) {
      if (!results.standard.enabled || isRecurring(results.standard)) continue;
      const cohort = cohorts.get(results.standard.id) ?? { cohort: 0, onTime: 0 };
      cohorts.set(results.standard.id, cohort);
      for (let i = 0; i < results.length; i++) {
        const result = results.result(i);
        if (!["met", "met late", "overdue"].includes(result.status)) continue;
        if (result.deadline === null || result.deadline > asOf || monthOf(result.deadline) !== month)
          continue;
        cohort.cohort += 1;
        if (result.status === "met") cohort.onTime += 1;
      }
    }
  }
  return cohorts;
}

/**
 * The month's children by working days from becoming looked after to their 1st PPM, counted by the
 * month of their BLA date: an unreadable 1st PPM cannot be assessed, a blank one is "no PPM yet".
 */
export function simplePpmBands(joint: TrackerTable, month: string): PpmBands {
  const bands: PpmBands = {
    upTo10: 0,
    from11To30: 0,
    from31To60: 0,
    over60: 0,
    ppmBeforeBla: 0,
    noPpmYet: 0,
    cannotAssess: 0,
  };
  for (const row of joint.rows) {
    const bla = coerceCellDate(row.values["becameLookedAfter"]);
    if (bla.kind !== "date" || monthOf(bla.day) !== month) continue;
    const ppm = coerceCellDate(row.values["firstPpm"]);
    if (ppm.kind === "problem") bands.cannotAssess += 1;
    else if (ppm.kind === "empty") bands.noPpmYet += 1;
    else if (ppm.day < bla.day) bands.ppmBeforeBla += 1;
    else {
      const days = simpleBetween(bla.day, ppm.day);
      if (days <= 10) bands.upTo10 += 1;
      else if (days <= 30) bands.from11To30 += 1;
      else if (days <= 60) bands.from31To60 += 1;
      else bands.over60 += 1;
    }
  }
  return bands;
}

export interface SimpleGroup {
  name: string;
  cohort: number;
  onTime: number;
  late: number;
  overdueNow: number;
}

/**
 * The month's timeliness cohort of every standard by the row's team and by its worker, with each
 * group's results overdue as at as-of whatever their month. A blank team or worker is grouped under
 * the summary's "(no team recorded)" and "(no worker recorded)". Listed by name.
 */
export function simpleGroups(
  evaluation: TrackerEvaluation,
  asOf: number,
  month: string,
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
        if (!["met", "met late", "overdue"].includes(result.status)) continue;
        if (result.deadline === null || result.deadline > asOf) continue;
        const inMonth = monthOf(result.deadline) === month;
        if (!inMonth && result.status !== "overdue") continue;
        const team = sheet.rows[i]?.values["team"];
        const teamText =
          team === null || team === undefined || typeof team === "object" ? "" : String(team).trim();
        const groups = [
          groupOf(byTeam, teamText === "" ? "(no team recorded)" : teamText),
          groupOf(byWorker, sheet.workers[i] ?? "(no worker recorded)"),
        ];
        for (const group of groups) {
          if (result.status === "overdue") group.overdueNow += 1;
          if (!inMonth) continue;
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
