import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import { summaryTracker } from "./summaryTracker";
import { generateSampleTracker } from "../engine/sample/generateSampleTracker";
import type { SampleTracker } from "../engine/sample/SampleTracker";

const asOf = parseIsoDate("2026-11-24") as EpochDay;
const withHistory = generateSampleTracker({ children: 600, seed: 5, asOf, messy: false, history: true });
const without = generateSampleTracker({ children: 600, seed: 5, asOf, messy: false });

function workbook(sample: SampleTracker): MemoryWorkbook {
  return new MemoryWorkbook([
    ...sample.sheets.map((s) => ({ name: s.name, values: s.values })),
    ...(sample.history
      ? [{ name: sample.history.name, values: sample.history.values, visibility: "hidden" as const }]
      : []),
  ]);
}

describe("the sample's Tracker history", () => {
  it("leaves the tracker's sheets exactly as they are without it", () => {
    expect(without.history).toBeUndefined();
    expect(withHistory.sheets).toEqual(without.sheets);
    expect(withHistory.planted).toEqual(without.planted);
  });

  it("reads back without a problem, and gives recurring figures that are neither 0% nor 100% and PPMs without a spike", async () => {
    const { figures, history } = await summaryTracker(workbook(withHistory), { month: "2026-10", asOf });
    expect(history.issues).toEqual([]);
    for (const id of ["cla-review-next", "ppm-cycle", "fc-supervision", "fc-annual-review"]) {
      const months = figures.months.map((m) => m.recurring.find((r) => r.standard === id));
      expect(months.every((r) => r?.covered)).toBe(true);
      const cohort = months.reduce((n, r) => n + (r?.cohort ?? 0), 0);
      const onTime = months.reduce((n, r) => n + (r?.onTime ?? 0), 0);
      expect(onTime / cohort).toBeGreaterThan(0.5);
      expect(onTime / cohort).toBeLessThan(1);
    }
    // Four whole quarters, all inside the two years of history: no quarter several times another.
    const whole = await summaryTracker(workbook(withHistory), { month: "2026-09", asOf });
    const quarters = whole.figures.quarters.map((q) => q.ppmsHeld);
    expect(Math.max(...quarters) / Math.min(...quarters)).toBeLessThan(1.3);
  });

  it("without it, the summary shows no history rather than 0%", async () => {
    const { figures } = await summaryTracker(workbook(without), { month: "2026-10", asOf });
    expect(figures.months.flatMap((m) => m.recurring).every((r) => !r.covered)).toBe(true);
    expect(figures.historyFrom.every((h) => h.from === null)).toBe(true);
  });
});
