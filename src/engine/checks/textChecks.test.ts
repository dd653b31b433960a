import { findingsOf, tableWith, testContext } from "../../../test/support/checkFixtures";
import { runChecks } from "./runChecks";
import { textUntrimmed } from "./textUntrimmed";
import { nameKey, workerNameVariants } from "./workerNameVariants";

describe("the worker name check", () => {
  it("groups one worker written four ways and suggests the most frequent proper spelling", () => {
    const table = tableWith(
      "jointTracker",
      {},
      { childId: "C2" },
      { childId: "C3", socialWorker: "jane smith " },
      { childId: "C4", socialWorker: "J Smith" },
      { childId: "C5", teamManager: "Smith, Jane" },
    );
    const issues = runChecks([table], testContext(), [workerNameVariants]);
    expect(issues.map((i) => [i.cell, i.suggestedFix?.value])).toEqual([
      ["G4", "Jane Smith"],
      ["G5", "Jane Smith"],
      ["I6", "Jane Smith"],
    ]);
    expect(issues[0]?.message).toBe(
      "Social worker: “jane smith ” is probably “Jane Smith” (the same person is written 3 other way(s) on this sheet)",
    );
  });

  it("leaves an initial alone when two full names fit it", () => {
    const table = tableWith(
      "jointTracker",
      {},
      { childId: "C2", socialWorker: "John Smith" },
      { childId: "C3", socialWorker: "J Smith" },
    );
    expect(findingsOf(workerNameVariants, table)).toEqual([]);
  });

  it("title-cases the name when no spelling is properly cased", () => {
    const table = tableWith(
      "jointTracker",
      { socialWorker: "JANE SMITH" },
      { childId: "C2", socialWorker: "jane smith" },
    );
    expect(runChecks([table], testContext(), [workerNameVariants]).map((i) => i.suggestedFix?.value)).toEqual(
      ["Jane Smith", "Jane Smith"],
    );
  });

  it("finds nothing when each worker is written one way", () => {
    expect(
      findingsOf(
        workerNameVariants,
        tableWith("jointTracker", {}, { childId: "C2", socialWorker: "Tom Green" }),
      ),
    ).toEqual([]);
  });

  it("reads “Smith, Jane” and “J. Smith” as Jane Smith", () => {
    expect(nameKey("Smith, Jane")).toEqual({ full: "jane smith", initials: "j smith", initialOnly: false });
    expect(nameKey("J. Smith")).toEqual({ full: "j smith", initials: "j smith", initialOnly: true });
    expect(nameKey("Jane")).toBeUndefined();
  });
});

describe("the extra spaces check", () => {
  it("suggests the text trimmed with single spaces, keeping line breaks", () => {
    const table = tableWith("jointTracker", { team: " Team  A", notes: "Line one\nline two " });
    expect(
      runChecks([table], testContext(), [textUntrimmed]).map((i) => [i.cell, i.suggestedFix?.value]),
    ).toEqual([
      ["H2", "Team A"],
      ["AC2", "Line one\nline two"],
    ]);
    expect(findingsOf(textUntrimmed, tableWith("jointTracker", { notes: "Line one\nline two" }))).toEqual([]);
  });
});
