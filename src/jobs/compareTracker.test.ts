import { parseComparePeriod, type ComparePeriod } from "../engine/compare/ComparePeriod";
import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import { generateSampleTracker } from "../engine/sample/generateSampleTracker";
import { compareTracker } from "./compareTracker";

const asOf = parseIsoDate("2026-01-15") as EpochDay;
const names = { before: "Before", after: "After" };
const period = (text: string): ComparePeriod => {
  const reading = parseComparePeriod("period", text);
  if (!reading.ok) throw new Error(reading.message);
  return reading.period;
};

function workbook(): MemoryWorkbook {
  const sample = generateSampleTracker({ children: 300, seed: 4, asOf, messy: false });
  return new MemoryWorkbook(sample.sheets.map((s) => ({ name: s.name, values: s.values })));
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
