import { createWorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import { parseIsoDate, type EpochDay } from "../dates/epochDay";
import { evaluateTracker } from "../evaluation/evaluateTracker";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { generateSampleTracker } from "../sample/generateSampleTracker";
import { DEFAULT_STANDARDS } from "../standards/defaultStandards";
import { mapTrackerTable } from "../tables/mapTrackerTable";
import type { TrackerTable } from "../tables/TrackerTable";
import { buildSummaryFigures } from "./buildSummaryFigures";
import { simpleGroups, simplePpmBands, simpleTimeliness } from "../../../test/support/simpleSummary";

/*
 * The tuned summary (events in typed arrays, sorted once, counted by binary search) agrees with a
 * plain re-computation that loops over every evaluated row and filters by month, for each of the 12
 * trend months of generated trackers, messy and clean.
 */

const AS_OF = parseIsoDate("2026-11-24") as EpochDay;
const calendar = createWorkingDayCalendar();

function sampleTables(seed: number, messy: boolean): TrackerTable[] {
  const sample = generateSampleTracker({ children: 400, seed, asOf: AS_OF, messy });
  const tables: TrackerTable[] = [];
  for (const spec of DEFAULT_PROFILE.sheets) {
    const sheet = sample.sheets.find((s) => s.name === spec.title);
    if (!sheet) continue;
    const snapshot = { name: sheet.name, values: sheet.values, merges: [], protected: false };
    const table = mapTrackerTable(snapshot, spec).table;
    if (table) tables.push(table);
  }
  return tables;
}

describe.each([
  { seed: 1, messy: true },
  { seed: 2, messy: true },
  { seed: 3, messy: false },
])("the summary of sample seed $seed (messy: $messy)", ({ seed, messy }) => {
  const tables = sampleTables(seed, messy);
  const evaluation = evaluateTracker(tables, DEFAULT_STANDARDS, {
    asOf: AS_OF,
    calendar,
    profile: DEFAULT_PROFILE,
  });
  const figures = buildSummaryFigures(evaluation, tables, { month: "2026-10", asOf: AS_OF, calendar });

  it("counts each month's timeliness cohort of every non-recurring standard as a plain loop over the rows does", () => {
    let counted = 0;
    for (const period of figures.months) {
      const simple = simpleTimeliness(evaluation, AS_OF, period.period.key);
      const tuned = period.timeliness.filter((t) => !t.recurring);
      expect(tuned.map((t) => t.standard).sort()).toEqual([...simple.keys()].sort());
      for (const t of tuned) {
        expect({
          standard: t.standard,
          month: period.period.key,
          cohort: t.cohort,
          onTime: t.onTime,
        }).toEqual({
          standard: t.standard,
          month: period.period.key,
          ...simple.get(t.standard),
        });
        counted += t.cohort;
      }
    }
    expect(counted).toBeGreaterThan(100);
  });

  it("bands each month's children by BLA to 1st PPM as a plain loop over the Joint Tracker does", () => {
    const joint = tables.find((t) => t.sheetKey === "jointTracker") as TrackerTable;
    let banded = 0;
    for (const period of figures.months) {
      const simple = simplePpmBands(joint, period.period.key);
      expect({ month: period.period.key, ...period.ppmBands }).toEqual({
        month: period.period.key,
        ...simple,
      });
      banded += Object.values(simple).reduce((a, b) => a + b, 0);
    }
    expect(banded).toBeGreaterThan(10);
  });

  it("groups the month's cohort and what is overdue now by team and by worker as a plain loop over the rows does", () => {
    const byName = <T extends { name: string }>(groups: readonly T[]): T[] =>
      [...groups].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const simple = simpleGroups(evaluation, AS_OF, "2026-10");
    expect(byName(figures.byTeam)).toEqual(simple.byTeam);
    expect(byName(figures.byWorker)).toEqual(simple.byWorker);
    expect(simple.byTeam.length).toBeGreaterThan(1);
    expect(simple.byWorker.reduce((n, g) => n + g.cohort, 0)).toBeGreaterThan(10);
  });
});
