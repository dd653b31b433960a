/** The period's cohort by team and by worker, with what is overdue now. */
import type { EpochDay } from "../dates/epochDay";
import type { SheetEvaluation } from "../evaluation/evaluateTracker";
import type { TrackerTable } from "../tables/TrackerTable";
import type { CountedResults } from "./countedResults";
import type { GroupFigures } from "./SummaryFigures";
import type { SummaryPeriod } from "./SummaryPeriod";
import { plainCellTextOrNull } from "../cells/plainCellText";

const NO_TEAM = "(no team recorded)";
const NO_WORKER = "(no worker recorded)";

/** Each row's team as the summary groups it, in the sheet evaluation's row order. */
export function teamsOf(sheet: SheetEvaluation, tables: readonly TrackerTable[]): string[] {
  const teams = new Array<string>(sheet.rows.length).fill(NO_TEAM);
  const sources = tables.filter((t) => t.sheetKey === sheet.sheet);
  if (sources.length === 1 && sources[0]?.rows === sheet.rows) {
    const cells = sheet.byColumn.values("team");
    for (let i = 0; i < cells.length; i++) teams[i] = plainCellTextOrNull(cells[i]) ?? NO_TEAM;
    return teams;
  }
  // Evaluated from other tables than the ones given: matched by sheet and row number instead.
  const byRow = new Map<number, string>();
  for (const table of sources) {
    const cells = table.byColumn.values("team");
    table.rows.forEach((row, i) => byRow.set(row.rowNumber, plainCellTextOrNull(cells[i]) ?? NO_TEAM));
  }
  sheet.rows.forEach((row, i) => (teams[i] = byRow.get(row.rowNumber) ?? NO_TEAM));
  return teams;
}

/* One collator for every comparison: `localeCompare` with a locale builds one per call. Same order. */
const GROUP_ORDER = new Intl.Collator("en-GB");

/**
 * The period's cohort by team and by worker, with what is overdue now, in one pass over the
 * results. Groups are made in the order the cohort, then the overdue rows, first name them: the
 * order of names that sort equal depends on it.
 */
export function groupFigures(
  counted: CountedResults,
  period: SummaryPeriod,
  asOf: EpochDay,
  teams: ReadonlyMap<SheetEvaluation, readonly string[]>,
): { byTeam: GroupFigures[]; byWorker: GroupFigures[] } {
  const byTeam = new Map<string, GroupFigures>();
  const byWorker = new Map<string, GroupFigures>();
  const group = (groups: Map<string, GroupFigures>, name: string): GroupFigures => {
    let g = groups.get(name);
    if (!g) {
      g = { name, cohort: 0, onTime: 0, late: 0, overdueNow: 0 };
      groups.set(name, g);
    }
    return g;
  };
  const count = (g: GroupFigures, onTime: boolean): void => {
    g.cohort += 1;
    if (onTime) g.onTime += 1;
    else g.late += 1;
  };
  const { evaluation } = counted;
  const teamsBySheet = evaluation.sheets.map((sheet) => teams.get(sheet));
  for (let n = 0; n < counted.length; n++) {
    const deadline = counted.deadlines[n] as number;
    if (deadline < period.first || deadline > period.last) continue;
    const s = counted.sheets[n] as number;
    const i = counted.rows[n] as number;
    const onTime = counted.onTime[n] === 1;
    count(group(byTeam, teamsBySheet[s]?.[i] ?? NO_TEAM), onTime);
    count(group(byWorker, evaluation.sheets[s]?.workers[i] ?? NO_WORKER), onTime);
  }
  // What is overdue now is what the counted results hold as overdue (a deadline on or before
  // as-of), in the same sheet, row and standard order: one pass over them rather than over every
  // row's every standard again. Groups are still first named row by row.
  for (let n = 0; n < counted.length; n++) {
    if (counted.overdue[n] === 0) continue;
    const s = counted.sheets[n] as number;
    const i = counted.rows[n] as number;
    const sheet = evaluation.sheets[s] as SheetEvaluation;
    group(byTeam, teamsBySheet[s]?.[i] ?? NO_TEAM).overdueNow += 1;
    group(byWorker, sheet.workers[i] ?? NO_WORKER).overdueNow += 1;
  }
  const sorted = (groups: Map<string, GroupFigures>): GroupFigures[] =>
    [...groups.values()].sort((a, b) => GROUP_ORDER.compare(a.name, b.name));
  return { byTeam: sorted(byTeam), byWorker: sorted(byWorker) };
}
