import { parseIsoDate, type EpochDay } from "../dates/epochDay";
import { checkComparePeriods } from "./checkComparePeriods";
import { parseComparePeriod, type ComparePeriod } from "./ComparePeriod";
import { compareSheetName } from "./compareSheetName";

const asOf = parseIsoDate("2026-01-15") as EpochDay;
const period = (text: string): ComparePeriod => {
  const reading = parseComparePeriod("--before", text);
  if (!reading.ok) throw new Error(reading.message);
  return reading.period;
};

describe("a period to compare", () => {
  it("is whole months from the first to the last, both included", () => {
    const p = period("2024-11..2025-02");
    expect(p.key).toBe("2024-11..2025-02");
    expect(p.label).toBe("Nov 2024–Feb 2025");
    expect(p.first).toBe(parseIsoDate("2024-11-01"));
    expect(p.last).toBe(parseIsoDate("2025-02-28"));
  });

  it("may be one month", () => {
    expect(period("2025-03")).toMatchObject({ key: "2025-03", label: "Mar 2025" });
  });

  it.each([
    "2025/01..2025/06",
    "2025-1..2025-6",
    "Jan 2025",
    "2025-01-2025-06",
    "2025-13..2026-01",
    "2025-01..2025-03..2025-06",
    "",
  ])("refuses “%s”, saying the form it must take", (text) => {
    const reading = parseComparePeriod("--before", text);
    expect(reading).toEqual({
      ok: false,
      message: `--before must be months such as 2025-01..2025-06 (first..last) or one month such as 2025-03, not “${text}”`,
    });
  });

  it("refuses a period whose months are the wrong way round rather than turning it", () => {
    expect(parseComparePeriod("--after", "2025-06..2025-01")).toEqual({
      ok: false,
      message: "--after 2025-06..2025-01 is reversed: its first month Jun 2025 comes after its last Jan 2025",
    });
  });
});

describe("two periods to compare", () => {
  it("may be compared when the before period ends before the after period begins, both begun by as-of", () => {
    expect(checkComparePeriods(period("2025-01..2025-06"), period("2025-07..2026-01"), asOf)).toBeNull();
  });

  it.each([
    [
      "2025-01..2025-06",
      "2025-06..2025-12",
      "--before 2025-01..2025-06 and --after 2025-06..2025-12 overlap: a case would be counted in both periods",
    ],
    [
      "2025-07..2025-12",
      "2025-01..2025-06",
      "--before 2025-07..2025-12 comes after --after 2025-01..2025-06: give the earlier period as --before",
    ],
    [
      "2025-07..2025-12",
      "2026-02..2026-03",
      "--after 2026-02..2026-03 is in the future: it begins after the as-of date 15/01/2026",
    ],
  ])("refuses %s against %s", (before, after, message) => {
    expect(checkComparePeriods(period(before), period(after), asOf)).toBe(message);
  });

  it("names the periods as the pane's fields do when asked", () => {
    expect(
      checkComparePeriods(period("2025-01..2025-06"), period("2025-03"), asOf, {
        before: "Before",
        after: "After",
      }),
    ).toBe("Before 2025-01..2025-06 and After 2025-03 overlap: a case would be counted in both periods");
  });
});

describe("the comparison sheet's name", () => {
  it.each([
    ["2025-01..2025-06", "2025-07..2025-12", "Compare 2025-01–06 v 2025-07–12"],
    ["2025-03", "2025-09", "Compare 2025-03 vs 2025-09"],
    ["2024-11..2025-04", "2025-09", "Compare 2024-11–25-04 v 2025-09"],
    ["2024-11..2025-04", "2025-05..2025-10", "Compare 2411–2504 vs 2505–2510"],
    ["2023-11..2024-04", "2024-11..2025-04", "Compare 2311–2404 vs 2411–2504"],
  ])("for %s against %s is “%s”, within Excel's 31 characters", (before, after, name) => {
    expect(compareSheetName(period(before), period(after))).toBe(name);
    expect(name.length).toBeLessThanOrEqual(31);
  });
});
