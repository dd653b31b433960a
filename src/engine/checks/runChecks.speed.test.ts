import { VALID_ROWS, testContext } from "./checkFixtures";
import { runChecks } from "./runChecks";
import { trackerTableOf } from "./trackerTableOf";

describe("runChecks at scale", () => {
  it("checks 20,000 joint tracker rows, a tenth of them with a problem, without quadratic work", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      ...VALID_ROWS.jointTracker,
      childId: `C${i}`,
      firstReview: i % 10 === 0 ? "9th February 2024" : (VALID_ROWS.jointTracker.firstReview ?? null),
      socialWorker: i % 50 === 0 ? "jane smith" : "Jane Smith",
    }));
    const started = performance.now();
    const issues = runChecks([trackerTableOf("jointTracker", rows)], testContext());
    const elapsed = performance.now() - started;
    expect(issues.filter((i) => i.code === "DATE-AS-TEXT")).toHaveLength(2_000);
    expect(issues.filter((i) => i.code === "WORKER-NAME-VARIANTS")).toHaveLength(400);
    // Generous for a shared 2-core machine (about 1 s when idle); quadratic work would take minutes.
    expect(elapsed).toBeLessThan(4000);
  });
});
