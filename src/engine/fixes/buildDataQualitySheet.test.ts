import { isoDay, tableWith, testContext } from "../../../test/support/checkFixtures";
import { cellsOf } from "../../../test/support/modelRuns";
import { runChecks } from "../checks/runChecks";
import { buildDataQualitySheet } from "./buildDataQualitySheet";

describe("buildDataQualitySheet", () => {
  const issues = runChecks(
    [tableWith("jointTracker", { team: "Team A ", firstReview: "31/02/2024", firstPpm: 45292 - 30 })],
    testContext(),
  );
  const model = buildDataQualitySheet(issues, isoDay("2026-11-24"));
  const valueAt = (row: number, column: number) =>
    cellsOf(model).find((c) => c.row === row && c.column === column)?.value;

  it("heads the sheet with the as-at date and the counts by severity", () => {
    expect(valueAt(2, 1)).toBe("3 problems found as at 24/11/2026");
    expect([
      valueAt(3, 1),
      valueAt(3, 2),
      valueAt(4, 1),
      valueAt(4, 2),
      valueAt(5, 1),
      valueAt(5, 2),
    ]).toEqual(["Error", 1, "Warning", 1, "Information", 1]);
  });

  it("lists every issue worst first with a link to its cell and the suggested fix", () => {
    expect(
      [8, 9, 10].map((row) => [valueAt(row, 1), valueAt(row, 3), valueAt(row, 4), valueAt(row, 6)]),
    ).toEqual([
      ["Error", "K2", "DATE-INVALID", ""],
      ["Warning", "N2", "JT-PPM-BEFORE-BLA", ""],
      ["Information", "H2", "TEXT-UNTRIMMED", "Team A"],
    ]);
    expect(cellsOf(model).find((c) => c.row === 8 && c.column === 3)?.link).toEqual({
      sheet: "Joint Tracker",
      cell: "K2",
    });
  });

  it("freezes and filters the header row", () => {
    expect(model.freeze).toEqual({ rows: 7, columns: 0 });
    expect(model.autoFilter).toBe("A7:F10");
    expect(model.purpose).toBe("dataQuality");
  });
});
