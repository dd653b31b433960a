import { cellsOf } from "../../../test/support/modelRuns";
import type { CellValue } from "../cells/CellValue";
import { indexHistory } from "../history/HistoryIndex";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { buildSummaryFigures } from "./buildSummaryFigures";
import { buildSummarySheet } from "./buildSummarySheet";
import { summaryJson } from "./summaryJson";
import { calendar, day, evaluate, standards, table } from "../../../test/support/summaryFixtures";

const rows: Record<string, CellValue>[] = [
  { childId: "A", becameLookedAfter: "02/01/2025", firstPpm: "06/01/2025", latestPpm: "31/03/2025" },
];
const tables = [table("jointTracker", rows)];
const evaluation = evaluate(tables, "2025-06-30", standards("ppm-cycle"));
const options = { month: "2025-06", asOf: day("2025-06-30"), calendar };
const textOf = (sheet: ReturnType<typeof buildSummarySheet>, label: RegExp): unknown[] => {
  const row = cellsOf(sheet).find(
    (c) => c.column === 1 && typeof c.value === "string" && label.test(c.value),
  )?.row;
  return cellsOf(sheet)
    .filter((c) => c.row === row && c.column <= 3)
    .map((c) => c.value);
};

describe("the summary sheet's recurring standards", () => {
  it("says no history, never 0%, when the workbook has none, and says why", () => {
    const figures = buildSummaryFigures(evaluation, tables, options);
    const sheet = buildSummarySheet(figures);
    expect(textOf(sheet, /^Next permanency planning meeting on time/).slice(1)).toEqual([
      "no history",
      "no history",
    ]);
    expect(cellsOf(sheet).find((c) => c.row === 3)?.value).toMatch(
      /^Recurring standards: no Tracker history yet/,
    );
    expect(summaryJson(figures).recurring.every((r) => !r.covered)).toBe(true);
  });

  it("shows every occurrence's share once the history covers the month, and from when it runs", () => {
    const history = indexHistory(
      [
        {
          sheet: "jointTracker",
          id: "A",
          column: "latestPpm",
          date: day("2025-02-10"),
          seen: day("2025-02-11"),
          source: "tracker",
          row: 2,
        },
        {
          sheet: "jointTracker",
          id: "A",
          column: "latestPpm",
          date: day("2025-03-31"),
          seen: day("2025-04-01"),
          source: "tracker",
          row: 3,
        },
      ],
      tables,
      DEFAULT_PROFILE,
      "Tracker history",
    );
    const figures = buildSummaryFigures(evaluation, tables, { ...options, month: "2025-05", history });
    const sheet = buildSummarySheet(figures);
    // May: the occurrence from 31/03, due 12/05, still overdue; April: nothing due.
    expect(textOf(sheet, /^Next permanency planning meeting on time/).slice(1)).toEqual(["0% (0 of 1)", "–"]);
    expect(cellsOf(sheet).find((c) => c.row === 3)?.value).toBe(
      'Recurring standards count every occurrence in the Tracker history, which covers: Next permanency planning meeting from 25/03/2025. Earlier months show "no history".',
    );
    expect(figures.months.at(-1)?.ppmsHeld).toBe(0);
    expect(figures.months.find((m) => m.period.key === "2025-02")?.ppmsHeld).toBe(1);
  });
});
