import { isoDay } from "../../test/support/checkFixtures";
import { readChangeLog } from "../engine/fixes/changeLog";
import { smallTracker } from "../../test/support/checkTrackerFixtures";
import { fixTracker } from "./fixTracker";
import { revertChanges } from "./revertChanges";

const now = { day: isoDay("2026-11-24"), hour: 14, minute: 30 };
const later = { day: isoDay("2026-11-24"), hour: 15, minute: 0 };

describe("revertChanges", () => {
  it("puts back every cell of a logged change set and logs the revert", async () => {
    const workbook = smallTracker();
    const before = workbook.snapshot();
    await fixTracker(workbook, { asOf: now.day, now });
    const result = await revertChanges(workbook, { changeSetId: "CS-20261124-1430", now: later });
    expect(result.kind).toBe("reverted");
    if (result.kind !== "reverted") return;
    expect(result.report.skipped).toEqual([]);
    expect(workbook.snapshot()["Joint Tracker"]).toEqual(before["Joint Tracker"]);
    expect(workbook.snapshot()["Fostering Support"]).toEqual(before["Fostering Support"]);
    const log = readChangeLog(await workbook.readSheet("Change log"));
    expect(log.filter((r) => r.rule === "REVERT").map((r) => r.changeSet)).toEqual([
      "RV-20261124-1500",
      "RV-20261124-1500",
      "RV-20261124-1500",
    ]);
  });

  it("keeps a cell edited since the fix", async () => {
    const workbook = smallTracker();
    await fixTracker(workbook, { asOf: now.day, now });
    await workbook.applyChanges({
      id: "user",
      description: "",
      changes: [{ sheet: "Joint Tracker", cell: "D4", old: "Jane Smith", new: "Jo Smith", rule: "user" }],
    });
    const result = await revertChanges(workbook, { changeSetId: "CS-20261124-1430", now: later });
    if (result.kind !== "reverted") throw new Error("expected a revert");
    expect(result.report.skipped.map((s) => [s.change.cell, s.reason])).toEqual([["D4", "edited-since"]]);
    expect(workbook.snapshot()["Joint Tracker"]?.[3]?.[3]).toBe("Jo Smith");
  });

  it("names the change sets the log holds when the id is unknown", async () => {
    const workbook = smallTracker();
    await fixTracker(workbook, { asOf: now.day, now });
    expect(await revertChanges(workbook, { changeSetId: "CS-1", now: later })).toEqual({
      kind: "notFound",
      id: "CS-1",
      knownIds: ["CS-20261124-1430"],
    });
  });
});
