import { renderToStaticMarkup } from "react-dom/server";
import { App } from "../App";
import { MemoryWorkbook } from "../../engine/port/MemoryWorkbook";
import type { WorkbookNavigator } from "../../engine/port/WorkbookNavigator";
import { comparePeriodOf } from "../../engine/compare/compareFixtures";
import { parseIsoDate, type EpochDay } from "../../engine/dates/epochDay";
import { generateSampleTracker } from "../../engine/sample/generateSampleTracker";
import { compareTracker } from "../../jobs/compareTracker";
import { ComparisonLines } from "./CompareJob";

const navigator: WorkbookNavigator = { select: async () => undefined };
const text = (html: string): string => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the Summary view's comparison of two periods", () => {
  it("offers before and after periods, starting from the last two half-years", () => {
    const html = renderToStaticMarkup(
      <App
        search="?job=summary"
        today={new Date(2026, 0, 15, 9)}
        port={new MemoryWorkbook()}
        navigator={navigator}
      />,
    );
    const shown = text(html);
    expect(shown).toContain("Compare two periods");
    for (const label of ["Before: from", "Before: to", "After: from", "After: to", "Compare the periods"])
      expect(shown).toContain(label);
    const selected = [...html.matchAll(/<option value="(\d{4}-\d{2})" selected="">/g)].map((m) => m[1]);
    // The summary's own month first, then the comparison's four.
    expect(selected.slice(-4)).toEqual(["2025-01", "2025-06", "2025-07", "2025-12"]);
  });
});

describe("the comparison shown in the pane", () => {
  it("shows the notes that qualify the lines, as the CLI prints them: how many tests were run, the rows no period holds", () => {
    const period = (key: string, label: string, first: number, last: number) => ({
      key,
      label,
      firstMonth: { year: 2025, month: 1 },
      lastMonth: { year: 2025, month: 6 },
      first,
      last,
    });
    const html = renderToStaticMarkup(
      <ComparisonLines
        comparison={{
          before: period("2025-01..2025-06", "Jan 2025–Jun 2025", 0, 10),
          after: period("2025-07..2025-12", "Jul 2025–Dec 2025", 11, 20),
          asOf: 30,
          shares: [],
          measures: [],
          undated: [{ id: "cla-review-2", title: "2nd CLA review", rows: 2 }],
          notes: [
            "16 comparisons are tested here: even with no real change, about 1 in 20 would show p below 0.05",
          ],
        }}
      />,
    );
    const shown = text(html);
    expect(shown).toContain("16 comparisons are tested here");
    expect(shown).toContain("2nd CLA review : 2 rows cannot be assessed and have no start date");
  });

  it("shows a recurring standard's line beside the others, from when the Tracker history covers it when it does not cover a period", async () => {
    const asOf = parseIsoDate("2026-01-15") as EpochDay;
    const sample = generateSampleTracker({ children: 150, seed: 4, asOf, messy: false, history: true });
    const port = new MemoryWorkbook([
      ...sample.sheets.map((s) => ({ name: s.name, values: s.values })),
      ...(sample.history ? [{ name: sample.history.name, values: sample.history.values }] : []),
    ]);
    const result = await compareTracker(port, {
      before: comparePeriodOf("2024-07..2024-12"),
      after: comparePeriodOf("2025-03..2025-08"),
      asOf,
    });
    if (!result.ok) throw new Error(result.message);
    const shown = text(renderToStaticMarkup(<ComparisonLines comparison={result.comparison} />));
    expect(shown).toMatch(/Next CLA review : .*\(\d+ of \d+ occurrences\)/);
    expect(shown).toContain(
      "Foster carer review : Not compared: the Tracker history only covers it from 15/01/2025, and Jul 2024–Dec 2024 starts before that",
    );
    expect(shown).toContain("occurrences are not independent");
  });
});
