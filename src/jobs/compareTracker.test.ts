import { comparePeriodOf } from "../engine/compare/compareFixtures";
import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import { generateSampleTracker } from "../engine/sample/generateSampleTracker";
import { DEFAULT_PROFILE } from "../engine/profile/defaultProfile";
import { compareTracker, writeCompareSheet } from "./compareTracker";
import { readTracker } from "./readTracker";
import { readTrackerHistory } from "./recordTrackerHistory";
import {
  recurringStandards,
  simpleCoverage,
  simpleOccurrences,
} from "../../test/support/simpleSummary/recurring";

const asOf = parseIsoDate("2026-01-15") as EpochDay;
const names = { before: "Before", after: "After" };
const period = comparePeriodOf;

function workbook(history = false, messy = false): MemoryWorkbook {
  const sample = generateSampleTracker({ children: 300, seed: 4, asOf, messy, history });
  return new MemoryWorkbook([
    ...sample.sheets.map((s) => ({ name: s.name, values: s.values })),
    ...(sample.history ? [{ name: sample.history.name, values: sample.history.values }] : []),
  ]);
}

describe("the compare job, as the pane runs it", () => {
  it("compares two periods of the workbook and its sheet replaces itself when run again", async () => {
    const port = workbook();
    const options = { before: period("2025-01..2025-06"), after: period("2025-07..2025-12"), asOf, names };
    const first = await compareTracker(port, options);
    if (!first.ok) throw new Error(first.message);
    expect(first.comparison.shares.map((s) => s.id)).toContain("ppm-first");
    expect(first.sheet.purpose).toBe("comparison");
    expect(await port.writeSheet(first.sheet)).toEqual({
      name: "Compare 2025-01–06 v 2025-07–12",
      replaced: false,
      notes: [],
    });
    const again = await compareTracker(port, options);
    if (!again.ok) throw new Error(again.message);
    expect(await port.writeSheet(again.sheet)).toMatchObject({ replaced: true });
    expect((await port.listSheets()).filter((s) => s.name.startsWith("Compare"))).toHaveLength(1);
  });

  it("answers bad periods in one line in the pane's words", async () => {
    const port = workbook();
    const overlap = await compareTracker(port, {
      before: period("2025-01..2025-06"),
      after: period("2025-05..2025-12"),
      asOf,
      names,
    });
    expect(overlap).toEqual({
      ok: false,
      message:
        "Before 2025-01..2025-06 and After 2025-05..2025-12 overlap: a case would be counted in both periods",
    });
    const empty = await compareTracker(port, {
      before: period("2001-01..2001-06"),
      after: period("2025-07..2025-12"),
      asOf,
      names,
    });
    expect(empty).toEqual({
      ok: false,
      message:
        "Before 2001-01..2001-06 has no rows: no deadline, date became looked after, visit or panel in the tracker falls in it",
    });
  });
});

describe("the compare job and the Tracker history", () => {
  const options = { before: period("2025-01..2025-06"), after: period("2025-07..2025-12"), asOf, names };

  it("counts the recurring standards from the history it reads, and writes nothing", async () => {
    const port = workbook(true);
    const before = await port.readSheet("Tracker history");
    const result = await compareTracker(port, options);
    if (!result.ok) throw new Error(result.message);
    expect(result.history.issues).toEqual([]);
    const reviews = result.comparison.shares.find((s) => s.id === "cla-review-next");
    expect(reviews?.coverage).toMatchObject({ before: true, after: true });
    expect(reviews?.p).not.toBeNull();
    expect(await port.readSheet("Tracker history")).toEqual(before);
    expect((await port.listSheets()).some((s) => s.name.startsWith("Compare"))).toBe(false);
  });

  it("counts each recurring standard's periods as the simple reference recounts their months, on a messy tracker", async () => {
    const result = await compareTracker(workbook(true, true), options);
    if (!result.ok) throw new Error(result.message);
    const { evaluation } = result.status;
    const index = result.history.index;
    const monthsOf = (first: number, last: number): string[] =>
      Array.from({ length: last - first + 1 }, (_, m) => `2025-${String(first + m).padStart(2, "0")}`);
    const standards = recurringStandards(evaluation);
    expect(standards.length).toBeGreaterThan(4);
    let counted = 0;
    for (const standard of standards) {
      const share = result.comparison.shares.find((s) => s.id === standard.id);
      const coverage = simpleCoverage(standard, index);
      expect(share?.coverage).toEqual({
        from: coverage,
        before: coverage !== null && options.before.first >= coverage,
        after: coverage !== null && options.after.first >= coverage,
      });
      for (const [side, months] of [
        ["before", monthsOf(1, 6)],
        ["after", monthsOf(7, 12)],
      ] as const) {
        if (share?.coverage?.[side] === false) {
          // A period the history does not cover gives no counts: they would miss occurrences.
          expect([standard.id, share[side]]).toEqual([
            standard.id,
            { onTime: 0, cohort: 0, noInformation: 0, interval: null },
          ]);
          continue;
        }
        const occurrences = simpleOccurrences(evaluation, standard, index, asOf, months);
        counted += occurrences.length;
        expect([standard.id, share?.[side].cohort, share?.[side].onTime]).toEqual([
          standard.id,
          occurrences.length,
          occurrences.filter((o) => o.outcome === "met").length,
        ]);
      }
    }
    expect(counted).toBeGreaterThan(1000);
  });

  it("records the tracker's dates, seen today, when it writes its sheet, as the summary does", async () => {
    const port = workbook(false);
    const result = await compareTracker(port, options);
    if (!result.ok) throw new Error(result.message);
    expect(result.comparison.shares.find((s) => s.id === "cla-review-next")?.verdict).toBe("no history");
    expect((await port.listSheets()).map((s) => s.name)).not.toContain("Tracker history");
    const today = asOf + 3;
    expect(await writeCompareSheet(port, result, today)).toMatchObject({
      name: "Compare 2025-01–06 v 2025-07–12",
    });
    const { tables } = await readTracker(port, DEFAULT_PROFILE);
    const { entries } = await readTrackerHistory(port, tables, DEFAULT_PROFILE);
    expect(entries.length).toBeGreaterThan(300);
    expect(entries.every((e) => e.seen === today && e.source === "tracker")).toBe(true);
  });
});
