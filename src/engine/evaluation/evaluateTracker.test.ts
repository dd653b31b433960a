import type { CellValue } from "../cells/CellValue";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { DEFAULT_STANDARDS } from "../standards/defaultStandards";
import type { TrackerTable } from "../tables/TrackerTable";
import { calendar, day } from "../../../test/support/evaluationFixtures";
import { evaluateTracker } from "./evaluateTracker";
import { withColumns } from "../tables/tableColumns";

function jointTracker(rows: Record<string, CellValue>[]): TrackerTable {
  return withColumns({
    sheetKey: "jointTracker",
    sheetName: "Joint Tracker",
    headerRow: 1,
    columns: [],
    rows: rows.map((values, i) => ({ rowNumber: i + 2, values })),
  });
}

const options = { asOf: day("2022-06-21"), calendar, profile: DEFAULT_PROFILE };

describe("evaluateTracker", () => {
  it("evaluates every enabled standard of the sheet on each row, with the row's ID and worker", () => {
    const evaluation = evaluateTracker(
      [jointTracker([{ childId: " C001 ", socialWorker: "Sam Patel", becameLookedAfter: "27/05/2022" }])],
      DEFAULT_STANDARDS,
      options,
    );
    const [row] = evaluation.rows;
    expect(row).toMatchObject({ sheet: "jointTracker", rowNumber: 2, id: "C001", worker: "Sam Patel" });
    expect(row?.results.map((r) => r.standardId)).toEqual(
      DEFAULT_STANDARDS.filter((s) => s.sheet === "jointTracker").map((s) => s.id),
    );
  });

  it("gives a row its worst coloured status: red over amber over grey over green", () => {
    const evaluation = evaluateTracker(
      [
        jointTracker([
          // 1st PPM overdue (due 14/06/2022): red.
          { becameLookedAfter: "27/05/2022" },
          // PPM held; 1st review due soon (28/06): amber.
          { becameLookedAfter: "27/05/2022", firstPpm: "01/06/2022" },
          // No BLA: grey.
          {},
          // Recent: everything green.
          { becameLookedAfter: "20/06/2022" },
        ]),
      ],
      DEFAULT_STANDARDS,
      options,
    );
    expect(evaluation.rows.map((r) => r.rag)).toEqual(["red", "amber", "grey", "green"]);
  });

  it("says what falls due next on an open row", () => {
    const evaluation = evaluateTracker(
      [jointTracker([{ becameLookedAfter: "20/06/2022" }])],
      DEFAULT_STANDARDS,
      options,
    );
    // 1st PPM due 04/07/2022 comes before the 1st review (18/07/2022).
    expect(evaluation.rows[0]?.nextDue).toEqual({ standardId: "ppm-first", deadline: day("2022-07-04") });
  });

  it("skips standards that are switched off", () => {
    const standards = DEFAULT_STANDARDS.map((s) => (s.id === "ppm-first" ? { ...s, enabled: false } : s));
    const evaluation = evaluateTracker(
      [jointTracker([{ becameLookedAfter: "27/05/2022" }])],
      standards,
      options,
    );
    expect(evaluation.rows[0]?.results.some((r) => r.standardId === "ppm-first")).toBe(false);
  });

  it("evaluates 2,000 joint tracker rows quickly", () => {
    const rows: Record<string, CellValue>[] = [];
    for (let i = 0; i < 2000; i++) {
      const bla = day("2020-01-01") + (i % 900);
      rows.push({
        childId: `C${i}`,
        becameLookedAfter: new Date(bla * 86_400_000),
        firstReview: i % 3 === 0 ? null : new Date((bla + 25) * 86_400_000),
        latestPpm: i % 4 === 0 ? "TBC" : new Date((bla + 40) * 86_400_000),
        permanencePlan: i % 2 === 0 ? "LTF" : "ADOPTION",
      });
    }
    const started = performance.now();
    const evaluation = evaluateTracker([jointTracker(rows)], DEFAULT_STANDARDS, {
      ...options,
      asOf: day("2023-01-01"),
    });
    const elapsed = performance.now() - started;
    console.log(`evaluated 2,000 joint tracker rows × 8 standards in ${elapsed.toFixed(1)} ms`);
    expect(evaluation.rows).toHaveLength(2000);
    expect(evaluation.rows.every((r) => r.results.length === 8)).toBe(true);
  });
});
