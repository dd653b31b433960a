import { VALID_ROWS, testContext } from "../../../test/support/checkFixtures";
import { runChecks } from "./runChecks";
import { trackerTableOf } from "../../../test/support/trackerTableOf";

// How long this takes is the benchmark's business, not a test's: `npm run bench -- --quick --check`
// fails when the checks stage grows faster than linear with rows (bench/stageScaling.ts).
describe("runChecks at scale", () => {
  it("finds every problem among 20,000 joint tracker rows, a tenth of them with a problem", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      ...VALID_ROWS.jointTracker,
      childId: `C${i}`,
      firstReview: i % 10 === 0 ? "9th February 2024" : (VALID_ROWS.jointTracker.firstReview ?? null),
      socialWorker: i % 50 === 0 ? "jane smith" : "Jane Smith",
    }));
    const issues = runChecks([trackerTableOf("jointTracker", rows)], testContext());
    expect(issues.filter((i) => i.code === "DATE-AS-TEXT")).toHaveLength(2_000);
    expect(issues.filter((i) => i.code === "WORKER-NAME-VARIANTS")).toHaveLength(400);
    expect(issues).toHaveLength(2_400);
  });
});
