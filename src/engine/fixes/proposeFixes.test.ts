import { serial, tableWith, testContext } from "../../../test/support/checkFixtures";
import { runChecks } from "../checks/runChecks";
import { MemoryWorkbook } from "../port/MemoryWorkbook";
import type { TrackerTable } from "../tables/TrackerTable";
import { proposeFixes } from "./proposeFixes";

function fixesFor(table: TrackerTable, placeholders = false) {
  const issues = runChecks([table], testContext());
  return proposeFixes([table], issues, { id: "CS-1", placeholders });
}

describe("proposeFixes", () => {
  it("turns unambiguous text dates into real dates with a dd/mm/yyyy format, the text kept as old", () => {
    const set = fixesFor(tableWith("jointTracker", { firstReview: "9th February 2024" }));
    expect(set.changes).toEqual([
      {
        sheet: "Joint Tracker",
        cell: "K2",
        old: "9th February 2024",
        new: serial("2024-02-09"),
        numberFormat: "dd/mm/yyyy",
        rule: "DATE-AS-TEXT",
      },
    ]);
    expect(set.description).toBe("Safe fixes: text date made a real date (1)");
  });

  it("never changes month-first, ambiguous or impossible dates", () => {
    const set = fixesFor(
      tableWith("jointTracker", {
        firstReview: "02/13/2024",
        secondReview: "03/05/2024",
        latestReview: "31/02/2024",
      }),
    );
    expect(set.changes).toEqual([]);
  });

  it("writes a worker's canonical name, which also trims it, as one change per cell", () => {
    const set = fixesFor(
      tableWith("jointTracker", {}, { childId: "C2" }, { childId: "C3", socialWorker: " jane  smith" }),
    );
    expect(set.changes).toEqual([
      {
        sheet: "Joint Tracker",
        cell: "G4",
        old: " jane  smith",
        new: "Jane Smith",
        rule: "WORKER-NAME-VARIANTS",
      },
    ]);
  });

  it("trims text", () => {
    expect(fixesFor(tableWith("jointTracker", { team: "Team A " })).changes).toEqual([
      { sheet: "Joint Tracker", cell: "H2", old: "Team A ", new: "Team A", rule: "TEXT-UNTRIMMED" },
    ]);
  });

  it("clears placeholders only when asked", () => {
    const table = tableWith("jointTracker", { secondReview: "TBC" });
    expect(fixesFor(table).changes).toEqual([]);
    expect(fixesFor(table, true).changes).toEqual([
      { sheet: "Joint Tracker", cell: "L2", old: "TBC", new: null, rule: "DATE-PLACEHOLDER" },
    ]);
  });

  it("makes changes a port applies, skipping a cell edited since", async () => {
    const set = fixesFor(tableWith("jointTracker", { team: "Team A ", notes: "Settled " }));
    const workbook = new MemoryWorkbook([
      {
        name: "Joint Tracker",
        values: [
          [],
          [null, null, null, null, null, null, null, "Team A ", ...Array(20).fill(null), "Edited"],
        ],
      },
    ]);
    const report = await workbook.applyChanges(set);
    expect(report.applied.map((c) => c.cell)).toEqual(["H2"]);
    expect(report.skipped.map((s) => [s.change.cell, s.reason])).toEqual([["AC2", "edited-since"]]);
  });
});
